#!/usr/bin/env bash
# vendor_npm OUT ENTRY... — the body of scripts/vendor-graphiql.sh and
# scripts/vendor-explorer.sh (source this file): for each ENTRY
# "package@version file-in-package sha256-base64 name-in-OUT", fetch the
# package with `npm pack`, check the file's SHA-256, copy it to OUT/name and
# the package's licence to OUT/LICENSE.<package>, and write OUT/SOURCES.
# Running it again changes nothing unless the entries change.
vendor_npm() {
  local out=$1 work entry pkg file sum name dir got
  shift
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # expand now: work is local
  trap "rm -rf '$work'" EXIT
  mkdir -p "$out"
  : >"$work/sums"
  for entry in "$@"; do
    read -r pkg file sum name <<<"$entry"
    dir=$work/${pkg//[@\/]/_}
    if [[ ! -d $dir ]]; then
      mkdir -p "$dir"
      (cd "$dir" && npm pack --silent "$pkg" >/dev/null && tar -xzf ./*.tgz)
      cp "$dir/package/LICENSE" "$out/LICENSE.${pkg%@*}"
    fi
    got=$(openssl dgst -sha256 -binary "$dir/package/$file" | base64)
    [[ $got == "$sum" ]] || { echo "$pkg $file: sha256 $got, want $sum" >&2; exit 1; }
    cp "$dir/package/$file" "$out/$name"
    echo "$name $pkg/$file sha256-$sum" >>"$work/sums"
  done
  cp "$work/sums" "$out/SOURCES"
  echo "$out refreshed:" >&2
  cat "$out/SOURCES" >&2
}
