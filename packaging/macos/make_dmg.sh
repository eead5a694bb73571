#!/bin/sh
# Packs dist/Shopkeeper.app (built by `python packaging/build.py` on a Mac) into a disk image the
# seller opens and drags to Applications: dist/Shopkeeper-<version>-macos.dmg.
# The app is not notarised: the first start needs right-click › Open (the README says so).
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${1:?usage: make_dmg.sh VERSION}"
app="$root/dist/Shopkeeper.app"
[ -d "$app" ] || { echo "no $app: run python packaging/build.py first" >&2; exit 2; }
stage="$root/build/dmg"
rm -rf "$stage"
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
out="$root/dist/Shopkeeper-$version-macos.dmg"
rm -f "$out"
hdiutil create -volname "Shopkeeper $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$out"
echo "macOS download: $out"
