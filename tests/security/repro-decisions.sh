#!/usr/bin/env bash
# Issue 10, point 2: `contact outcome` went round the four-eyes sign-off. A duty manager refused at
# `signoff` for their own recommendation decided it with
#   contact outcome X --outcome no_further_action --decided-at 1900-01-01T00:00:00Z
# and an administrator could overwrite a decision the same way. Every reproduction must be refused.
source "$(dirname "$0")/lib.sh"
cd "$SCRATCH"
as() { local user="$1" secret="$2"; shift 2; FRONTDOOR_SECRET="$secret" cli --db live.sqlite --user "$user" "$@"; }
contact_id() { printf '%s' "$OUT" | python3 -c 'import json, sys; print(json.load(sys.stdin)["contact_id"])'; }
status_of() {
    as kim.admin "$ADMIN_SECRET" contact show "$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["state"]["status"])'
}

make_live_desk live.sqlite "lee.screener screener" "max.manager duty_manager" "nia.manager duty_manager"
cat >recommend.json <<'JSON'
{"indicators": ["ABUSE_DISCLOSURE"], "level": 4, "outcome": "strategy_discussion", "rag": "red",
 "recommendation": "A strategy discussion today: Tia disclosed being hit by her stepfather.",
 "rationale": "Disclosure of physical abuse by a member of the household, with a visible injury."}
JSON
BY_WHEN="$(date -u -d '+3 days' +%F)"
echo "{\"case_direction\": {\"what\": \"Strategy discussion today\", \"by_whom\": \"Nia Manager\", \"by_when\": \"$BY_WHEN\"}}" >signoff.json

# A duty manager screens and recommends; they may not sign off their own recommendation...
expect_exit 0 "a contact recorded" -- as lee.screener "$STAFF_SECRET" contact record contact.json
OWN="$(contact_id)"
expect_exit 0 "screening started by the duty manager" -- as max.manager "$STAFF_SECRET" screening start "$OWN"
expect_exit 0 "recommended by the same duty manager" -- as max.manager "$STAFF_SECRET" recommend "$OWN" recommend.json
expect_exit 3 "signoff of one's own recommendation" -- as max.manager "$STAFF_SECRET" signoff "$OWN" signoff.json
# ...nor decide it through the import path, dated 1900 (the review's reproduction).
expect_exit 3 "contact outcome by the recommender, dated 1900" -- as max.manager "$STAFF_SECRET" \
    contact outcome "$OWN" --outcome no_further_action --decided-at 1900-01-01T00:00:00Z
# An administrator cannot decide a contact in the workflow either.
expect_exit 1 "contact outcome by an administrator on a recommended contact" -- as kim.admin "$ADMIN_SECRET" \
    contact outcome "$OWN" --outcome no_further_action
expect_contains "not entered the workflow" "$ERR" "the refusal says why"
[ "$(status_of "$OWN")" = recommended ] && echo "ok: still recommended" ||
    { echo "FAIL: the contact is $(status_of "$OWN")" >&2; FAILURES=$((FAILURES + 1)); }

# Signed off by a second duty manager; then nobody can overwrite the decision.
expect_exit 0 "signoff by a second duty manager" -- as nia.manager "$STAFF_SECRET" signoff "$OWN" signoff.json
expect_exit 1 "an administrator overwriting a decision" -- as kim.admin "$ADMIN_SECRET" \
    contact outcome "$OWN" --outcome no_further_action --decided-at 2026-11-23T09:30:00Z
expect_exit 1 "a second signoff" -- as max.manager "$STAFF_SECRET" signoff "$OWN" signoff.json
expect_exit 1 "a return after the decision" -- as max.manager "$STAFF_SECRET" return "$OWN" \
    --reason "Please add what the school said about the family."

# Importing history: an administrator's, for a contact that never entered the workflow, dated sanely.
expect_exit 0 "a second contact recorded" -- as lee.screener "$STAFF_SECRET" contact record contact.json
HISTORY="$(contact_id)"
expect_exit 2 "an import dated before the contact was received" -- as kim.admin "$ADMIN_SECRET" \
    contact outcome "$HISTORY" --outcome early_help --decided-at 1900-01-01T00:00:00Z
expect_exit 2 "an import dated in the future" -- as kim.admin "$ADMIN_SECRET" \
    contact outcome "$HISTORY" --outcome early_help --decided-at 2099-01-01T00:00:00Z
expect_exit 3 "an import by a screener" -- as lee.screener "$STAFF_SECRET" \
    contact outcome "$HISTORY" --outcome early_help --decided-at 2026-11-23T09:30:00Z
expect_exit 0 "an import by an administrator, dated after receipt" -- as kim.admin "$ADMIN_SECRET" \
    contact outcome "$HISTORY" --outcome early_help --decided-at 2026-11-23T09:30:00Z
expect_contains "Outcome imported from an earlier system" "$OUT" "the timeline says it was imported"

# A screening decision cannot be added to a decided contact.
jq_free="$(sed "s/\"indicators\"/\"contact_id\": \"$OWN\", \"indicators\"/" recommend.json | sed 's/"recommendation": "[^"]*",//')"
printf '%s' "$jq_free" >decide.json
expect_exit 1 "screen decide on a decided contact" -- as lee.screener "$STAFF_SECRET" screen decide decide.json

finish
