#!/usr/bin/env bash
# Refreshes web/graphiql/: the GraphiQL page's scripts and styles, taken
# from the npm registry at pinned versions and checked against pinned
# SHA-256 sums (the same files and sums as gqlgen's CDN defaults), with
# their licences. The output is committed; running this again changes
# nothing unless the pins below change.
#
#   bash scripts/vendor-graphiql.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=web/graphiql

# package@version  file in the package  sha256 (base64)  name in $OUT
FILES=(
  "graphiql@4.1.2 graphiql.min.js hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs= graphiql.min.js"
  "graphiql@4.1.2 graphiql.min.css MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU= graphiql.min.css"
  "react@18.2.0 umd/react.production.min.js S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY= react.production.min.js"
  "react-dom@18.2.0 umd/react-dom.production.min.js IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc= react-dom.production.min.js"
)

# shellcheck source=vendor-npm.sh
source scripts/vendor-npm.sh
vendor_npm "$OUT" "${FILES[@]}"
