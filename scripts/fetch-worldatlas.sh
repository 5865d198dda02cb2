#!/usr/bin/env bash
# scripts/fetch-worldatlas.sh DIR -- puts Natural Earth's 1:110m country
# outlines (countries-110m.json, TopoJSON, from the npm package world-atlas
# 2.0.2) into DIR.
#
# Does nothing when DIR/countries-110m.json exists.  Otherwise fetches the
# package (with `npm pack` when npm is there, else straight from the
# registry with curl, wget or python3), checks the tarball's SHA-512
# against the value pinned below, and extracts package/countries-110m.json
# into DIR through a temporary file, so an interrupted run never leaves a
# partial file behind.
#
# The outline compiler (tools/mkworld.c) reads the file at build time; see
# SITREP_WORLD_ATLAS in cmake/world.cmake to use another copy.
set -euo pipefail

pkg=world-atlas
ver=2.0.2
file=countries-110m.json
url=https://registry.npmjs.org/$pkg/-/$pkg-$ver.tgz
# npm view world-atlas@2.0.2 dist.integrity (base64 of the SHA-512)
sha512_b64='IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=='

die() { echo "fetch-worldatlas: $*" >&2; exit 1; }

[ $# -eq 1 ] || { echo "usage: scripts/fetch-worldatlas.sh DIR" >&2; exit 2; }
dir=$1
out=$dir/$file
[ -f "$out" ] && exit 0
mkdir -p "$dir" || die "cannot create $dir"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-worldatlas.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
tgz=$tmp/$pkg-$ver.tgz

echo "fetch-worldatlas: downloading $pkg@$ver (about 2 MB) into $dir" >&2
fetched=""
if command -v npm >/dev/null 2>&1; then
  if (cd "$tmp" && npm pack --silent "$pkg@$ver" >/dev/null 2>"$tmp/npm.log") && [ -f "$tgz" ]; then
    fetched=npm
  else
    echo "fetch-worldatlas: npm pack failed, trying a direct download" >&2
    rm -f "$tgz"
  fi
fi
if [ -z "$fetched" ]; then
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$tgz" "$url" && fetched=curl
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$tgz" "$url" && fetched=wget
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' \
      "$url" "$tgz" && fetched=python3
  else
    die "need npm, curl, wget or python3 to download $url"
  fi
  [ -n "$fetched" ] && [ -s "$tgz" ] || die "could not download $url (network?)"
fi

# ---- integrity: base64 of the tarball's SHA-512, as npm records it ----
if command -v openssl >/dev/null 2>&1; then
  got=$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)
elif command -v sha512sum >/dev/null 2>&1 && command -v xxd >/dev/null 2>&1; then
  got=$(sha512sum "$tgz" | cut -d' ' -f1 | xxd -r -p | base64 -w0)
elif command -v python3 >/dev/null 2>&1; then
  got=$(python3 -c 'import base64, hashlib, sys
print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$tgz")
else
  die "need openssl, sha512sum+xxd or python3 to check the download"
fi
[ "$got" = "$sha512_b64" ] || die "checksum mismatch for $url (got sha512-$got, want sha512-$sha512_b64)"

tar -xzf "$tgz" -C "$tmp" "package/$file" 2>/dev/null ||
  die "package/$file not found in $pkg-$ver.tgz"
part=$(mktemp "$dir/.$file.XXXXXX") || die "cannot write into $dir"
if ! mv "$tmp/package/$file" "$part"; then
  rm -f "$part"
  die "cannot write into $dir"
fi
chmod 644 "$part"
touch "$part" # the tarball dates its files 1985; builds compare mtimes
mv -f "$part" "$out" || { rm -f "$part"; die "cannot move the file into $out"; }
echo "fetch-worldatlas: $out ($(wc -c <"$out") bytes, via $fetched)" >&2
