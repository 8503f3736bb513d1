#!/usr/bin/env bash
# One command to get Frontdoor going on a fresh Debian 12 machine (run as root, from the clone):
#   bash packaging/setup.sh run    install what is missing, build, start the desktop app (run --demo: on demo data)
#   bash packaging/setup.sh test   install what is missing, build, run the whole test suite, then build
#                                  the Debian packages and check them (packaging/check-package.sh)
#   bash packaging/setup.sh package  install what is missing, build, make the Debian packages
# Extra arguments after "run" go to the app (e.g. --db FILE); after "test", to ctest.
set -euo pipefail

mode="${1:-}"
shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FRONTDOOR_BUILD_DIR:-$here/build}"

case "$mode" in
run | test | package) ;;
*)
    echo "usage: bash packaging/setup.sh run|test|package [arguments]" >&2
    exit 2
    ;;
esac

bash "$here/packaging/install-dependencies.sh"

jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRONTDOOR_WERROR=ON
cmake --build "$build" -j"$jobs"

make_packages() {
    (cd "$build" && rm -f frontdoor_*.deb frontdoor-dbgsym_*.deb && cpack -G DEB >/dev/null)
    bash "$here/packaging/make-dbgsym.sh" "$build" >/dev/null
    ls "$build"/frontdoor_*.deb "$build"/frontdoor-dbgsym_*.deb
}

if [ "$mode" = package ]; then
    make_packages
    exit 0
fi

# What this account's real Frontdoor data folder holds (names, sizes, times), so the suite can prove it
# never touched it: every test runs on scratch folders.
data_fingerprint() {
    local folder="${XDG_DATA_HOME:-$HOME/.local/share}/frontdoor"
    if [ -e "$folder" ]; then find "$folder" -printf '%p %s %T@\n' | sort; else echo "absent"; fi
}

if [ "$mode" = test ]; then
    cd "$build"
    before="$(data_fingerprint)"
    # The desktop tests run without a screen.
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$jobs" "$@"
    if [ "$(data_fingerprint)" != "$before" ]; then
        echo "The test suite created or changed ${XDG_DATA_HOME:-$HOME/.local/share}/frontdoor: tests must use scratch folders." >&2
        exit 1
    fi
    echo "The account's own Frontdoor data folder was not touched by the tests."

    # The same core suites again under AddressSanitizer and UndefinedBehaviorSanitizer, and every parser
    # fuzzed with libFuzzer, from one clang build (docs/developing.md: "Sanitizers and fuzzing").
    # FRONTDOOR_FUZZ_SECONDS sets each fuzz target's run (CI: 100 s each, two at a time).
    checked="${FRONTDOOR_BUILD_DIR:-$here/build}-sanitize"
    cmake -S "$here" -B "$checked" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRONTDOOR_WERROR=ON \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DFRONTDOOR_FUZZ=ON \
        -DFRONTDOOR_BUILD_UI=OFF -DFRONTDOOR_BUILD_BENCH=OFF >/dev/null
    cmake --build "$checked" -j"$jobs"
    (cd "$checked" && ctest --output-on-failure -j"$jobs")
    bash "$here/tests/fuzz/run-fuzzers.sh" "$checked" "${FRONTDOOR_FUZZ_SECONDS:-100}"
    make_packages
    bash "$here/packaging/check-package.sh" "$build"
    exit 0
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting Frontdoor on a virtual screen (xvfb-run). To see it, run this from a desktop session." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build/app/frontdoor" "$@"
fi
exec "$build/app/frontdoor" "$@"
