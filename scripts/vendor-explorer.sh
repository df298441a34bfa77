#!/usr/bin/env bash
# Refreshes web/explorer/vendor/: the explorer's graph-drawing library
# (cytoscape.js) and its force-directed layout (fcose and the two packages it
# builds on), taken from the npm registry at pinned versions and checked
# against pinned SHA-256 sums, with their licences. The output is committed;
# running this again changes nothing unless the pins below change.
#
#   bash scripts/vendor-explorer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=web/explorer/vendor

# package@version  file in the package  sha256 (base64)  name in $OUT
# Load order in the page: layout-base, cose-base, cytoscape-fcose (UMD
# globals), then cytoscape.
FILES=(
  "cytoscape@3.30.4 dist/cytoscape.min.js G7U0DlSVEeERsx5WhIcslJrTPUDqXboK2OfZDGLHs7k= cytoscape.min.js"
  "layout-base@2.0.1 layout-base.js 7BWrXfmvPyBwj0+quZSsz5HNpxhIzVuxCiNDLMULZ0U= layout-base.js"
  "cose-base@2.2.0 cose-base.js fK6VCb02I1pjqF5xyNn6LNC8HQwezFtac3l2850EDd8= cose-base.js"
  "cytoscape-fcose@2.2.0 cytoscape-fcose.js SxyrIY10mWqlnNhHP5I5zGOYuMF3TYTX5ZrZpolZy1c= cytoscape-fcose.js"
)

# shellcheck source=vendor-npm.sh
source scripts/vendor-npm.sh
vendor_npm "$OUT" "${FILES[@]}"
