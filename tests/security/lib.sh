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

# A live desk as the review set one up: `init` on DB, its first administrator kim.admin
# ($ADMIN_SECRET), then each "user role" given ($STAFF_SECRET), and contact.json: a school's call about
# a made-up child, Tia Marsh.
ADMIN_SECRET="Kim-Admin-passphrase-26"
STAFF_SECRET="Staff-passphrase-2026"
make_live_desk() {
    local db="$1"
    shift
    expect_exit 0 "init creates a live database" -- cli --db "$db" init
    expect_exit 0 "first administrator" -- env FRONTDOOR_NEW_SECRET="$ADMIN_SECRET" \
        "$FRONTDOOR_CLI" --db "$db" user add kim.admin --display-name "Kim Admin" --roles administrator
    local who
    for who in "$@"; do
        set -- $who
        expect_exit 0 "add $1" -- env FRONTDOOR_SECRET="$ADMIN_SECRET" FRONTDOOR_NEW_SECRET="$STAFF_SECRET" \
            "$FRONTDOOR_CLI" --db "$db" --user kim.admin user add "$1" --display-name "$1" --roles "$2"
    done
    cat >contact.json <<'JSON'
{"received_at": "2026-11-23T09:15:00Z", "channel": "phone", "source": "2A",
 "referrer": {"name": "Dana Whitfield", "agency": "Brookside Primary"},
 "children": [{"given_name": "Tia", "family_name": "Marsh", "date_of_birth": "2016-04-02",
               "voice": "Tia said she does not want to go home."}],
 "concern": "Tia came to school with a bruise and said her stepfather hit her.",
 "consent": {"status": "not_sought", "basis_without_consent": "Asking could put Tia at risk."}}
JSON
}
