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
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# package@version  file in the package  sha256 (base64)  name in $OUT
FILES=(
  "graphiql@4.1.2 graphiql.min.js hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs= graphiql.min.js"
  "graphiql@4.1.2 graphiql.min.css MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU= graphiql.min.css"
  "react@18.2.0 umd/react.production.min.js S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY= react.production.min.js"
  "react-dom@18.2.0 umd/react-dom.production.min.js IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc= react-dom.production.min.js"
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
echo "web/graphiql refreshed:" >&2
cat "$OUT/SOURCES" >&2
