# Shared helpers for the repro-*.sh scripts. Each script sources this, runs the review's commands
# against the real frontdoor-cli ($FRONTDOOR_CLI) in a scratch folder with a scratch HOME, and exits
# non-zero on the first reproduction that is not refused or reported as the issue says.
set -uo pipefail
: "${FRONTDOOR_CLI:?set FRONTDOOR_CLI to the frontdoor-cli executable}"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/home/.local/share"
mkdir -p "$HOME"
unset FRONTDOOR_SECRET
FAILURES=0
cli() { "$FRONTDOOR_CLI" "$@"; }

# expect_exit CODE DESCRIPTION -- COMMAND...: runs COMMAND, keeping stdout in $OUT and stderr in $ERR.
expect_exit() {
    local want="$1" what="$2"
    shift 3
    OUT="$("$@" 2>"$SCRATCH/stderr")"
    local got=$?
    ERR="$(cat "$SCRATCH/stderr")"
    if [ "$got" != "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want" >&2
        echo "  stdout: ${OUT:0:400}" >&2
        echo "  stderr: ${ERR:0:400}" >&2
        FAILURES=$((FAILURES + 1))
        return 1
    fi
    echo "ok: $what"
}

# expect_contains TEXT HAYSTACK DESCRIPTION
expect_contains() {
    if [[ "$2" != *"$1"* ]]; then
        echo "FAIL: $3: \"$1\" not in: ${2:0:400}" >&2
        FAILURES=$((FAILURES + 1))
        return 1
    fi
    echo "ok: $3"
}

finish() {
    if [ "$FAILURES" -ne 0 ]; then
        echo "$FAILURES reproduction(s) not refused" >&2
        exit 1
    fi
    echo "all reproductions refused"
}
