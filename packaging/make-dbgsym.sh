#!/usr/bin/env bash
# Makes frontdoor-dbgsym_<version>_<arch>.deb beside the main package: the debug symbols of the binaries
# the main package ships stripped, under /usr/lib/debug/.build-id/ (where gdb and debuginfod look), with
# the same copyright and changelog. Usage: bash packaging/make-dbgsym.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
main_deb="$(ls "$build"/frontdoor_*_*.deb | head -1)"
version="$(dpkg-deb -f "$main_deb" Version)"
arch="$(dpkg-deb -f "$main_deb" Architecture)"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
binaries=("$build/app/frontdoor-cli")
[ -x "$build/app/frontdoor" ] && binaries+=("$build/app/frontdoor")
ids=()
for binary in "${binaries[@]}"; do
    id="$(LC_ALL=C readelf -n "$binary" | sed -n 's/.*Build ID: \([0-9a-f]*\).*/\1/p')"
    [ -n "$id" ] || { echo "make-dbgsym: $binary has no build id" >&2; exit 1; }
    mkdir -p "$root/usr/lib/debug/.build-id/${id:0:2}"
    objcopy --only-keep-debug --compress-debug-sections "$binary" "$root/usr/lib/debug/.build-id/${id:0:2}/${id:2}.debug"
    chmod 0644 "$root/usr/lib/debug/.build-id/${id:0:2}/${id:2}.debug"
    ids+=("$id")
done
mkdir -p "$root/usr/share/doc/frontdoor-dbgsym" "$root/DEBIAN"
cp "$here/copyright" "$root/usr/share/doc/frontdoor-dbgsym/copyright"
gzip -9nc "$here/changelog" >"$root/usr/share/doc/frontdoor-dbgsym/changelog.gz"
chmod 0644 "$root/usr/share/doc/frontdoor-dbgsym/"*
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
chmod 0644 "$root/DEBIAN/md5sums"
cat >"$root/DEBIAN/control" <<CONTROL
Package: frontdoor-dbgsym
Source: frontdoor
Version: $version
Architecture: $arch
Maintainer: $(dpkg-deb -f "$main_deb" Maintainer)
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Depends: frontdoor (= $version)
Section: debug
Priority: optional
Description: debug symbols for frontdoor
 The debug symbols of frontdoor and frontdoor-cli, for gdb and crash reports.
Build-Ids: ${ids[*]}
CONTROL
find "$root" -type d -exec chmod 0755 {} +
out="$build/frontdoor-dbgsym_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out"
