#!/usr/bin/env bash
# Issue 10, points 1, 4, 6, 7 and 12 ("store & time"): the review's reproductions against the real
# frontdoor-cli, each of which must now be refused or reported.
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 (the SQLite shell) is needed for these reproductions" >&2; exit 1; }
cd "$SCRATCH"
as() { local user="$1" secret="$2"; shift 2; FRONTDOOR_SECRET="$secret" cli --db live.sqlite --user "$user" "$@"; }

# Point 12: a mistyped --db creates nothing, not even its folders.
expect_exit 1 "contact list on a mistyped --db" -- cli --db typo/frontdor.sqlite contact list
expect_contains "no database at typo/frontdor.sqlite" "$ERR" "the missing file is named"
[ ! -e typo ] && echo "ok: no folder made" || { echo "FAIL: typo/ was created" >&2; FAILURES=$((FAILURES + 1)); }

# A live desk: created by init, its first administrator and a screener and a manager added.
make_live_desk live.sqlite "lee.screener screener" "max.manager duty_manager"
expect_contains '"mode": "live"' "$(cli --db live.sqlite init)" "init prints the mode"
expect_exit 0 "a contact recorded" -- as lee.screener "$STAFF_SECRET" contact record contact.json
CONTACT="$(printf '%s' "$OUT" | sed -n 's/.*"contact_id": "\([^"]*\)".*/\1/p')"
facts() { sqlite3 live.sqlite "SELECT count(*) FROM facts"; }
BEFORE="$(facts)"
echo '{"agree": true}' >signoff.json

# Point 1: --now on a live database is refused, before anything is written.
expect_exit 2 "--now on a live database (a back-dated sign-off)" -- \
    as max.manager "$STAFF_SECRET" --now 2026-11-27T10:30:00Z signoff "$CONTACT" signoff.json
expect_contains "live database" "$ERR" "--now refusal says why"
expect_exit 2 "--now 2031 on a live database" -- \
    as lee.screener "$STAFF_SECRET" --now 2031-01-01T00:00:00Z contact record contact.json
[ "$(facts)" = "$BEFORE" ] && echo "ok: nothing written" || { echo "FAIL: facts written" >&2; FAILURES=$((FAILURES + 1)); }

# Point 4: demo on a live database adds nobody.
expect_exit 1 "demo on a live database" -- as kim.admin "$ADMIN_SECRET" demo --contacts 5
[ "$(sqlite3 live.sqlite "SELECT count(*) FROM app_user")" = 3 ] && echo "ok: no demo users" ||
    { echo "FAIL: demo users added" >&2; FAILURES=$((FAILURES + 1)); }
expect_exit 0 "verify on an untouched live database" -- as kim.admin "$ADMIN_SECRET" verify

# Point 6: edits with the SQLite shell are found by verify.
cp live.sqlite pristine.sqlite
sqlite3 live.sqlite "UPDATE app_user SET roles = 'screener,administrator' WHERE id = 'lee.screener'"
expect_exit 1 "verify after app_user.roles edited by hand" -- as kim.admin "$ADMIN_SECRET" verify
expect_contains "app_user" "$OUT" "the edited table is named"

cp pristine.sqlite live.sqlite; rm -f live.sqlite-wal live.sqlite-shm
sqlite3 live.sqlite "DROP TRIGGER facts_refuse_delete; DELETE FROM facts WHERE seq = (SELECT max(seq) FROM facts)"
as kim.admin "$ADMIN_SECRET" rebuild >/dev/null 2>&1
expect_exit 1 "verify after the newest fact was deleted and the projection rebuilt" -- \
    as kim.admin "$ADMIN_SECRET" verify
expect_contains "newest facts were deleted" "$OUT" "the deletion is reported"

cp pristine.sqlite live.sqlite; rm -f live.sqlite-wal live.sqlite-shm
sqlite3 live.sqlite "PRAGMA ignore_check_constraints = 1; DROP TRIGGER facts_refuse_update;
    UPDATE facts SET payload = replace(payload, 'bruise', 'bru' || CAST(X'FF' AS TEXT) || 'se')
    WHERE type = 'contact.recorded'"
expect_exit 1 "verify with a byte 0xFF in a payload (no abort)" -- as kim.admin "$ADMIN_SECRET" verify
expect_contains "not valid JSON in UTF-8" "$OUT" "the damaged fact is reported"
expect_exit 1 "contact show with a byte 0xFF in its payload (no abort)" -- \
    as lee.screener "$STAFF_SECRET" contact show "$CONTACT"
expect_contains "altered outside Frontdoor" "$ERR" "contact show says why"

# Point 7: init leaves another program's SQLite file byte-for-byte unchanged.
sqlite3 notes.sqlite "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('shopping')"
DIGEST="$(sha256sum notes.sqlite)"
expect_exit 1 "init on another program's file" -- cli --db notes.sqlite init
[ "$(sha256sum notes.sqlite)" = "$DIGEST" ] && [ ! -e notes.sqlite-wal ] && echo "ok: file unchanged" ||
    { echo "FAIL: notes.sqlite changed" >&2; FAILURES=$((FAILURES + 1)); }

finish
