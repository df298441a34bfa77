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
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# package@version  file in the package  sha256 (base64)  name in $OUT
# Load order in the page: layout-base, cose-base, cytoscape-fcose (UMD
# globals), then cytoscape.
FILES=(
  "cytoscape@3.30.4 dist/cytoscape.min.js G7U0DlSVEeERsx5WhIcslJrTPUDqXboK2OfZDGLHs7k= cytoscape.min.js"
  "layout-base@2.0.1 layout-base.js 7BWrXfmvPyBwj0+quZSsz5HNpxhIzVuxCiNDLMULZ0U= layout-base.js"
  "cose-base@2.2.0 cose-base.js fK6VCb02I1pjqF5xyNn6LNC8HQwezFtac3l2850EDd8= cose-base.js"
  "cytoscape-fcose@2.2.0 cytoscape-fcose.js SxyrIY10mWqlnNhHP5I5zGOYuMF3TYTX5ZrZpolZy1c= cytoscape-fcose.js"
)

mkdir -p "$OUT"
: >"$WORK/sums"
for entry in "${FILES[@]}"; do
  read -r pkg file sum name <<<"$entry"
  dir=$WORK/${pkg//[@\/]/_}
  if [[ ! -d $dir ]]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$pkg" >/dev/null && tar -xzf ./*.tgz)
    cp "$dir/package/LICENSE" "$OUT/LICENSE.${pkg%@*}"
  fi
  got=$(openssl dgst -sha256 -binary "$dir/package/$file" | base64)
  [[ $got == "$sum" ]] || { echo "$pkg $file: sha256 $got, want $sum" >&2; exit 1; }
  cp "$dir/package/$file" "$OUT/$name"
  echo "$name $pkg/$file sha256-$sum" >>"$WORK/sums"
done
cp "$WORK/sums" "$OUT/SOURCES"
echo "$OUT refreshed:" >&2
cat "$OUT/SOURCES" >&2
