#!/usr/bin/env bash
# Issue 10, points 8-11 and 13: input that crashed frontdoor-cli, was misreported, or was accepted
# although wrong. Each reproduction from the review must now be refused as invalid input (exit 2) with
# a message naming the field, must not crash, and must change nothing.
source "$(dirname "$0")/lib.sh"
cd "$SCRATCH"
DB="$SCRATCH/input.sqlite"
ADMIN_SECRET="Kestrel-Harbour-42"
SECRET="Marram-Lantern-73"
as() { local who="$1"; shift; FRONTDOOR_SECRET="$([ "$who" = ada.admin ] && echo "$ADMIN_SECRET" || echo "$SECRET")" cli --db "$DB" --user "$who" "$@"; }
ago() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

# A database with a team of made-up people.
cli --db "$DB" init >/dev/null || { echo "FAIL: init" >&2; exit 1; }
FRONTDOOR_NEW_SECRET="$ADMIN_SECRET" cli --db "$DB" user add ada.admin --display-name "Ada Admin" --roles administrator >/dev/null
for u in "sam.screener screener" "mo.manager duty_manager" "dee.manager duty_manager" "eve.edt edt_worker"; do
    set -- $u
    FRONTDOOR_NEW_SECRET="$SECRET" as ada.admin user add "$1" --display-name "$1" --roles "$2" >/dev/null ||
        { echo "FAIL: user add $1" >&2; exit 1; }
done

contact_json() { # $1: received_at; $2: the adult's date of birth
    cat <<JSON
{"received_at": "$1", "channel": "phone", "source": "2A",
 "referrer": {"name": "Dana Whitfield", "agency": "Brookside Primary"},
 "children": [{"given_name": "Rory", "family_name": "Quill", "date_of_birth": "2016-04-02",
               "voice": "Rory said he does not want to go home."}],
 "adults": [{"given_name": "Tess", "family_name": "Quill", "relationship": "mother",
             "parental_responsibility": "yes", "date_of_birth": "$2"}],
 "concern": "Rory has a bruise on his arm and says his stepfather grabbed him.",
 "consent": {"status": "not_sought", "basis_without_consent": "Asking could put Rory at risk."}}
JSON
}
RECEIVED="$(ago '-30 min')"
contact_json "$RECEIVED" 1990-05-01 >contact.json
ID="$(as sam.screener contact record contact.json | sed -n 's/.*"contact_id": "\([^"]*\)".*/\1/p')"
[ -n "$ID" ] || { echo "FAIL: a valid contact could not be recorded" >&2; exit 1; }
as sam.screener screening start "$ID" >/dev/null
facts() { as ada.admin init | sed -n 's/.*"facts": \([0-9]*\).*/\1/p'; }

# Point 8: invalid UTF-8 in JSON input and on the command line.
printf '{"a":"\xff"}' >u.json
expect_exit 2 "8: rules validate with a 0xFF byte in a string" -- cli rules validate u.json
expect_contains '"field": "a"' "$ERR" "8: the error names the field"
expect_exit 2 "8: a 0xFF byte as the command" -- cli $'\xff'
expect_exit 2 "8: a 0xFF byte in a contact id" -- as sam.screener contact show $'id\xff'
expect_exit 2 "8: a 0xFF byte in an option value" -- as sam.screener contact list --status $'\xff'
expect_contains '"field": "--status"' "$ERR" "8: the error names the option"
printf '{"recommendation": "Refer for assessment \xc3\x28 now", "indicators": [], "level": 1, "outcome": "no_further_action", "rag": "green"}' >bad-utf8.json
expect_exit 2 "8: recommend with ill-formed UTF-8" -- as sam.screener recommend "$ID" bad-utf8.json

# Point 9: deep nesting.
python3 -c "print('[' * 100000 + ']' * 100000)" >deep.json
python3 -c "print('{\"indicators\": ' + '[' * 100000 + ']' * 100000 + '}')" >deep-object.json
expect_exit 2 "9: screen with 100,000 levels" -- as sam.screener screen --json deep.json
expect_contains "nested more than 64 levels" "$ERR" "9: the error says why"
expect_exit 2 "9: recommend with 100,000 levels" -- as sam.screener recommend "$ID" deep-object.json
expect_exit 2 "9: draft save with 100,000 levels" -- as sam.screener draft save deep-object.json
expect_exit 2 "9: form-draft save with 100,000 levels" -- as sam.screener form-draft save "$ID" --form screening deep-object.json

# Point 10: bad values are invalid input, not internal failures.
echo '{"indicators": [], "context": {"dash_score": 1e400}}' >huge.json
expect_exit 2 "10: the number 1e400" -- as sam.screener recommend "$ID" huge.json
expect_contains '"field": "context.dash_score"' "$ERR" "10: the error names the field"
expect_exit 2 "10: deadline from the year 0000" -- cli deadline decision --from 0000-01-01T00:00:00Z
expect_contains '"field": "--from"' "$ERR" "10: the error names --from"
expect_exit 2 "10: deadline running past the year 9999" -- cli deadline assessment --from 9999-12-31T00:00:00Z
echo 42 >number.json
expect_exit 2 "10: a bare number as edt record's input" -- as eve.edt edt record number.json
expect_contains "must be a JSON object" "$ERR" "10: the error says what is expected"

# Point 11: bounded text, short errors.
BEFORE="$(facts)"
python3 -c "import json; print(json.dumps({'indicators': ['ABUSE_DISCLOSURE'], 'level': 4, 'outcome': 'strategy_discussion', 'rag': 'red', 'recommendation': 'x' * 10_000_000}))" >ten-mb.json
expect_exit 2 "11: a 10 MB recommendation" -- as sam.screener recommend "$ID" ten-mb.json
python3 -c "import json; print(json.dumps({'indicators': ['ABUSE_DISCLOSURE'], 'level': 4, 'outcome': 'strategy_discussion', 'rag': 'red', 'recommendation': 'Strategy discussion today. ' * 1000}))" >long.json
expect_exit 2 "11: a 27,000-character recommendation" -- as sam.screener recommend "$ID" long.json
expect_contains '"field": "recommendation"' "$ERR" "11: the error names the recommendation"
[ "$(facts)" = "$BEFORE" ] && echo "ok: 11: nothing was recorded" || { echo "FAIL: 11: a refused recommendation changed the record" >&2; FAILURES=$((FAILURES + 1)); }
python3 -c "
import json; c = json.load(open('contact.json')); c['channel'] = 'p' * 1_000_000; print(json.dumps(c))" >long-channel.json
expect_exit 2 "11: a 1,000,000-character channel" -- as sam.screener contact record long-channel.json
[ "${#ERR}" -lt 2000 ] && echo "ok: 11: the error is short (${#ERR} bytes)" || { echo "FAIL: 11: the error is ${#ERR} bytes" >&2; FAILURES=$((FAILURES + 1)); }

# Point 13: dates bounded per field, duplicate keys and trailing bytes refused, settings round trip.
contact_json "$RECEIVED" 0000-01-01 >adult-0000.json
expect_exit 2 "13: an adult born 0000-01-01" -- as sam.screener contact record adult-0000.json
expect_contains '"field": "adults[0].date_of_birth"' "$ERR" "13: the error names the date of birth"
contact_json "$RECEIVED" 1800-01-01 >adult-1800.json
expect_exit 2 "13: an adult born 1800-01-01" -- as sam.screener contact record adult-1800.json
sed 's/"channel": "phone"/"channel": "phone", "channel": "email"/' contact.json >duplicate.json
expect_exit 2 "13: a duplicate key" -- as sam.screener contact record duplicate.json
expect_contains '"field": "channel"' "$ERR" "13: the error names the duplicated key"
{ cat contact.json; echo '{"concern": "a second document"}'; } >trailing.json
expect_exit 2 "13: bytes after the document" -- as sam.screener contact record trailing.json
{ cat contact.json; printf '\0{"concern": "hidden after a NUL byte"}'; } >after-nul.json
expect_exit 2 "13: bytes after a NUL byte after the document" -- as sam.screener contact record after-nul.json
expect_contains "NUL byte" "$ERR" "13: the error says why"
cli calendar settings >settings.json
expect_exit 0 "13: calendar settings' own output as --settings" -- cli calendar settings --settings settings.json

# Strategy dates: take the contact to a strategy discussion, refusing the 9999-12-31 dates on the way.
echo '{"indicators": ["ABUSE_DISCLOSURE"], "level": 4, "outcome": "strategy_discussion", "rag": "red",
       "recommendation": "Strategy discussion today: Rory disclosed physical harm."}' >recommend.json
as sam.screener recommend "$ID" recommend.json >/dev/null || { echo "FAIL: a valid recommendation was refused" >&2; exit 1; }
expect_exit 2 "11: a 10,000-character return reason" -- as mo.manager return "$ID" --reason "$(python3 -c "print('r' * 10000)")"
echo '{"case_direction": {"what": "Strategy discussion", "by_whom": "Mo Manager", "by_when": "9999-12-31"}}' >far-direction.json
expect_exit 2 "13: a case direction by 9999-12-31" -- as mo.manager signoff "$ID" far-direction.json
expect_contains '"field": "case_direction.by_when"' "$ERR" "13: the error names by_when"
echo "{\"case_direction\": {\"what\": \"Strategy discussion\", \"by_whom\": \"Mo Manager\", \"by_when\": \"$(date -u -d '+1 day' +%Y-%m-%d)\"}}" >direction.json
as mo.manager signoff "$ID" direction.json >/dev/null || { echo "FAIL: a valid sign-off was refused" >&2; exit 1; }
INVITEES='[{"agency": "police", "name": "PC Ada Ferrow"}, {"agency": "health", "name": "Nurse Bel Okafor"},
           {"agency": "childrens_social_care", "name": "Cal Rennet", "role": "social_worker"},
           {"agency": "childrens_social_care", "name": "Dot Yarrow", "role": "manager"}]'
echo "{\"scheduled_for\": \"9999-12-31T10:00:00Z\", \"location\": \"Teams\", \"invitees\": $INVITEES}" >far-schedule.json
expect_exit 2 "13: a strategy discussion scheduled for 9999-12-31" -- as mo.manager strategy schedule "$ID" far-schedule.json
expect_contains '"field": "scheduled_for"' "$ERR" "13: the error names scheduled_for"
echo "{\"held_at\": \"$(ago '-1 min')\", \"attendees\": $INVITEES, \"agency_information\": [{\"agency\": \"police\", \"information\": \"Known to police.\"}]}" >held.json
as mo.manager strategy held "$ID" held.json >/dev/null || { echo "FAIL: a valid strategy discussion was refused" >&2; exit 1; }
echo '{"at_risk": [{"name": "Rory Quill"}], "immediate_safety_actions": "Safety plan agreed.", "s47_decision": "single_agency",
       "medical_examination": {"required": false}, "family_told": {"what": "Section 47 enquiry", "when": "today"},
       "actions": [{"action": "Home visit", "owner": "Cal Rennet", "agency": "childrens_social_care", "due": "9999-12-31"}]}' >far-action.json
expect_exit 2 "13: a strategy action due 9999-12-31" -- as mo.manager strategy outcome "$ID" far-action.json
expect_contains '"field": "actions[0].due"' "$ERR" "13: the error names the action's due date"

finish
