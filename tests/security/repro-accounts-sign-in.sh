#!/usr/bin/env bash
# Issue 10, points 3, 5 and 6 (accounts): the review's reproductions against the real frontdoor-cli.
#  - 300 wrong PINs in a row cost nothing but time: now the 5th refusal pauses sign-in, for any name.
#  - an unknown name, a disabled account and a wrong PIN answered differently: now alike.
#  - `UPDATE app_user SET roles = 'screener,administrator'` in the sqlite3 shell gave real administrator
#    rights that survived `rebuild`: now rights come from the facts.
#  - `screen decisions C` printed a child's data with no one signed in.
source "$(dirname "$0")/lib.sh"
D="$SCRATCH/frontdoor.sqlite"

cli --db "$D" init >/dev/null
FRONTDOOR_NEW_SECRET=749163 cli --db "$D" user add ada.admin --display-name "Ada Admin" --roles administrator >/dev/null
as_admin() { FRONTDOOR_SECRET=749163 cli --db "$D" --user ada.admin "$@"; }
FRONTDOOR_NEW_SECRET=417205 as_admin user add sam.screener --display-name "Sam Screener" --roles screener >/dev/null
FRONTDOOR_NEW_SECRET=630418 as_admin user add eve.edt --display-name "Eve Night" --roles edt_worker >/dev/null
as_admin user disable eve.edt --reason "left the team" >/dev/null

# Weak secrets are refused.
expect_exit 2 "a four-digit PIN is refused" -- env FRONTDOOR_NEW_SECRET=1111 \
    "$FRONTDOOR_CLI" --db "$D" --user ada.admin --secret 749163 user add kim.screener --display-name Kim --roles screener
expect_exit 2 "a six-digit run is refused" -- env FRONTDOOR_NEW_SECRET=123456 \
    "$FRONTDOOR_CLI" --db "$D" --user ada.admin --secret 749163 user add kim.screener --display-name Kim --roles screener

# Hand-edited roles give no rights, before or after rebuild.
sqlite3 "$D" "UPDATE app_user SET roles = 'screener,administrator' WHERE id = 'sam.screener'"
expect_exit 3 "a role written into app_user is not a role" -- \
    cli --db "$D" --user sam.screener --secret 417205 --role administrator user list
as_admin rebuild >/dev/null
expect_exit 3 "nor after rebuild" -- \
    cli --db "$D" --user sam.screener --secret 417205 --role administrator user add mal.lory --display-name M \
    --roles administrator --new-secret 385027
sqlite3 "$D" "DELETE FROM app_user"
expect_exit 3 "an emptied app_user does not let anyone add a first administrator" -- \
    cli --db "$D" user add mal.lory --display-name M --roles administrator --new-secret 385027
as_admin rebuild >/dev/null

# Unknown, disabled and wrong: the same answer.
expect_exit 3 "wrong PIN" -- cli --db "$D" --user sam.screener --secret 999999 contact list
WRONG="${ERR//sam.screener/NAME}"
expect_exit 3 "unknown name" -- cli --db "$D" --user sam.screenr --secret 999999 contact list
[ "${ERR//sam.screenr/NAME}" == "$WRONG" ] && echo "ok: unknown answered as wrong" ||
    { echo "FAIL: unknown name answered differently: $ERR" >&2; FAILURES=$((FAILURES + 1)); }
expect_exit 3 "disabled account with its right PIN" -- cli --db "$D" --user eve.edt --secret 630418 contact list
[ "${ERR//eve.edt/NAME}" == "$WRONG" ] && echo "ok: disabled answered as wrong" ||
    { echo "FAIL: disabled account answered differently: $ERR" >&2; FAILURES=$((FAILURES + 1)); }

# Guessing: the 5th refusal in a row pauses sign-in, even with the right PIN; an administrator lifts it.
for guess in 100001 100002 100003; do
    cli --db "$D" --user sam.screener --secret "$guess" contact list 2>/dev/null
done
expect_exit 3 "the 5th refusal pauses sign-in" -- cli --db "$D" --user sam.screener --secret 100004 contact list
expect_contains "paused" "$ERR" "the refusal says sign-in is paused"
expect_exit 3 "the right PIN waits too" -- cli --db "$D" --user sam.screener --secret 417205 contact list
for guess in 100001 100002 100003 100004; do
    cli --db "$D" --user sam.screenr --secret "$guess" contact list 2>/dev/null
done
expect_exit 3 "an unknown name is paused the same way" -- cli --db "$D" --user sam.screenr --secret 100005 contact list
expect_contains "paused" "$ERR" "the unknown name's refusal says paused"
expect_exit 0 "an administrator sees the pause" -- as_admin user list
expect_contains "sign_in_paused_until" "$OUT" "user list shows the pause"
expect_exit 0 "an administrator lifts the pause" -- as_admin user unlock sam.screener
expect_contains '"was_paused": true' "$OUT" "unlock says it was paused"
expect_exit 0 "then the right PIN signs in" -- cli --db "$D" --user sam.screener --secret 417205 contact list
expect_exit 3 "only an administrator lifts a pause" -- \
    cli --db "$D" --user sam.screener --secret 417205 user unlock sam.screenr
FAILED_FACTS="$(sqlite3 "$D" "SELECT count(*) FROM facts WHERE type = 'user.sign_in_failed'")"
[ "$FAILED_FACTS" -ge 11 ] && echo "ok: refusals are in the record ($FAILED_FACTS)" ||
    { echo "FAIL: refusals not recorded ($FAILED_FACTS)" >&2; FAILURES=$((FAILURES + 1)); }

# Reads need a signed-in user.
CONTACT="$(printf '%s' '{"received_at": "2026-11-23T09:15:00Z", "channel": "phone", "source": "2A",
  "referrer": {"name": "Dana Whitfield", "agency": "Brookside Primary"},
  "children": [{"given_name": "Tobias", "family_name": "Quayle", "date_of_birth": "2015-03-12",
                "voice": "Tobias said he is scared."}],
  "concern": "Tobias arrived with a bruise.", "consent": {"status": "given"}}' |
    FRONTDOOR_SECRET=417205 cli --db "$D" --user sam.screener contact record)"
C="$(printf '%s' "$CONTACT" | sed -n 's/.*"contact_id": "\([^"]*\)".*/\1/p')"
expect_exit 3 "screen decisions without a sign-in" -- cli --db "$D" screen decisions "$C"
expect_exit 3 "person search without a sign-in" -- cli --db "$D" person search --family Quayle
expect_exit 3 "search without a sign-in" -- cli --db "$D" search Quayle
expect_exit 0 "search signed in" -- cli --db "$D" --user sam.screener --secret 417205 search Quayle
SEARCHES="$(sqlite3 "$D" "SELECT count(*) FROM facts WHERE type = 'search.performed' AND user_id = 'sam.screener'")"
[ "$SEARCHES" == 1 ] && echo "ok: the search is logged" ||
    { echo "FAIL: search not logged ($SEARCHES)" >&2; FAILURES=$((FAILURES + 1)); }

finish
