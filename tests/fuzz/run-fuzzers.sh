#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 100), two at a time, on a scratch copy of its seed
# corpus, and fails if any finds a crash, a leak or undefined behaviour (libFuzzer exits non-zero and
# leaves the input that did it in FINDINGS_DIR). Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS]
set -euo pipefail
build="$(cd "$1" && pwd)"
seconds="${2:-100}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$build/fuzz-runs"
rm -rf "$work"
mkdir -p "$work"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_one() {
    local name="$1"
    local target="$build/tests/fuzz/fuzz_$name"
    mkdir -p "$work/$name/corpus" "$work/$name/findings"
    if [ -d "$here/corpus/$name" ]; then cp "$here/corpus/$name/"* "$work/$name/corpus/" 2>/dev/null || true; fi
    if "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$work/$name/findings/" -print_final_stats=1 "$work/$name/corpus" \
        >"$work/$name/log.txt" 2>&1; then
        local runs
        runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$name/log.txt" | grep -o '[0-9]*$' || echo '?')"
        local cov
        cov="$(grep -o 'cov: [0-9]*' "$work/$name/log.txt" | tail -1 || true)"
        echo "fuzz_$name: ${seconds}s, $runs inputs, $cov, corpus $(ls "$work/$name/corpus" | wc -l) files, no findings"
    else
        echo "fuzz_$name FOUND A PROBLEM (input saved in $work/$name/findings):" >&2
        tail -40 "$work/$name/log.txt" >&2
        return 1
    fi
}

names=()
for target in "$build"/tests/fuzz/fuzz_*; do
    [ -x "$target" ] || continue
    names+=("$(basename "$target" | sed 's/^fuzz_//')")
done
[ "${#names[@]}" -gt 0 ] || { echo "no fuzz targets in $build/tests/fuzz (configure with -DFRONTDOOR_FUZZ=ON)" >&2; exit 1; }

status=0
pids=()
for name in "${names[@]}"; do
    run_one "$name" &
    pids+=($!)
    if [ "${#pids[@]}" -ge 2 ]; then
        wait "${pids[0]}" || status=1
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit "$status"
