#!/usr/bin/env bash
# Checks the Debian packages in BUILD_DIR the way a council's IT team would: lintian (any error fails),
# the AppStream data, and, as root, installing them, running both programs from the installed package,
# and removing them again. Usage: bash packaging/check-package.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
main_deb="$(ls "$build"/frontdoor_*_*.deb | head -1)"
dbgsym_deb="$(ls "$build"/frontdoor-dbgsym_*_*.deb | head -1)"

echo "== Package sizes"
ls -l "$main_deb" "$dbgsym_deb" | awk '{print $5, $9}'

echo "== lintian"
# --fail-on error: warnings are listed (and explained in docs/deploying.md) but do not fail the build.
status=0
lintian --fail-on error "$main_deb" "$dbgsym_deb" >"$build/lintian.txt" 2>&1 || status=$?
grep -v 'running with root privileges' "$build/lintian.txt" || echo "(no tags)"
if [ "$status" -ne 0 ]; then
    echo "lintian found errors (exit $status)" >&2
    exit 1
fi

echo "== AppStream"
appstreamcli validate --no-net "$here/org.frontdoor.Frontdoor.metainfo.xml"

if [ "$(id -u)" -ne 0 ]; then
    echo "== Not root: installing the packages is checked by CI (as root) only."
    exit 0
fi
if dpkg-query -W frontdoor >/dev/null 2>&1; then
    echo "== frontdoor is already installed on this machine: not touching it (CI installs on a clean machine)."
    exit 0
fi
echo "== Install, run, remove"
dpkg -i "$main_deb" "$dbgsym_deb" >/dev/null
trap 'dpkg -r frontdoor-dbgsym frontdoor >/dev/null 2>&1 || true' EXIT
scratch="$(mktemp -d)"
# Whole, then its first line: `| head -1` would close the pipe early and, under pipefail, fail on SIGPIPE
# once the help is longer than one write.
help_text="$(HOME="$scratch" XDG_DATA_HOME="$scratch/data" /usr/bin/frontdoor-cli --help)"
printf '%s\n' "${help_text%%$'\n'*}"
HOME="$scratch" XDG_DATA_HOME="$scratch/data" QT_QPA_PLATFORM=offscreen /usr/bin/frontdoor --version
[ -f /usr/share/man/man1/frontdoor-cli.1.gz ]
[ -f /usr/share/icons/hicolor/scalable/apps/frontdoor.svg ]
[ -z "$(ls -A "$scratch/data" 2>/dev/null)" ] || { echo "running the installed programs created data" >&2; exit 1; }
rm -rf "$scratch"
dpkg -r frontdoor-dbgsym frontdoor >/dev/null
trap - EXIT
if dpkg-query -W -f='${Status}' frontdoor 2>/dev/null | grep -q installed || [ -e /usr/bin/frontdoor-cli ]; then
    echo "frontdoor was not removed cleanly" >&2
    exit 1
fi
echo "Installed, ran and removed cleanly."
