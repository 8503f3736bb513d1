#include "store/Migrations.h"

#include "contacts/ContactReference.h"
#include "store/DatabaseProfile.h"
#include "util/Errors.h"

namespace frontdoor::core {
namespace {

// Migration 1: the fact log, desk-local settings, and the people and contacts projections.
const char* kFoundation = R"sql(
CREATE TABLE local_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The record itself. Append-only: the triggers below refuse UPDATE and DELETE from any connection,
-- and refuse an INSERT that would replace an existing fact (INSERT OR REPLACE deletes silently).
CREATE TABLE facts (
    seq         INTEGER PRIMARY KEY,          -- local arrival order
    id          TEXT    NOT NULL UNIQUE,      -- UUIDv7
    hlc         INTEGER NOT NULL,             -- hybrid logical clock, packed
    device_id   TEXT    NOT NULL,
    device_seq  INTEGER NOT NULL,
    user_id     TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    payload     TEXT    NOT NULL CHECK (json_valid(payload)),
    recorded_at TEXT    NOT NULL,
    hash        BLOB    NOT NULL,             -- SHA-256 chained over the desk's previous fact
    UNIQUE (device_id, device_seq)
);
CREATE INDEX facts_by_subject ON facts(subject, hlc);
CREATE INDEX facts_by_hlc ON facts(hlc);
CREATE INDEX facts_by_type ON facts(type, hlc);

CREATE TRIGGER facts_refuse_update BEFORE UPDATE ON facts
BEGIN
    SELECT RAISE(ABORT, 'facts cannot be changed: record a correcting fact instead');
END;
CREATE TRIGGER facts_refuse_delete BEFORE DELETE ON facts
BEGIN
    SELECT RAISE(ABORT, 'facts cannot be deleted');
END;
CREATE TRIGGER facts_refuse_replace BEFORE INSERT ON facts
WHEN EXISTS (SELECT 1 FROM facts WHERE seq = NEW.seq OR id = NEW.id
             OR (device_id = NEW.device_id AND device_seq = NEW.device_seq))
BEGIN
    SELECT RAISE(ABORT, 'a fact with this id or sequence already exists and cannot be replaced');
END;

-- Projection: people (children, including the unborn).
CREATE TABLE person (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    given_name    TEXT NOT NULL,
    family_name   TEXT NOT NULL,
    date_of_birth TEXT,                 -- YYYY-MM-DD
    expected_date TEXT,                 -- YYYY-MM-DD, for an unborn child
    sex           TEXT,
    ethnicity     TEXT,
    address       TEXT,
    postcode      TEXT,
    postcode_key  TEXT,                 -- upper case, no spaces
    la_child_id   TEXT,
    other_names   TEXT NOT NULL DEFAULT '{}',  -- JSON: previous_names, alternative_names
    registered_at TEXT NOT NULL,
    updated_hlc   INTEGER NOT NULL
);
CREATE INDEX person_by_dob ON person(date_of_birth);
CREATE INDEX person_by_expected ON person(expected_date);
CREATE INDEX person_by_postcode ON person(postcode_key);
CREATE INDEX person_by_la_child_id ON person(la_child_id);

-- Every name a person is or was known by, as words and as phonetic keys ("g" given, "f" family).
CREATE VIRTUAL TABLE person_fts USING fts5(names, keys, tokenize = 'unicode61 remove_diacritics 2',
                                           prefix = '2 3');

-- Projection: contacts.
CREATE TABLE contact (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    received_at     TEXT NOT NULL,
    channel         TEXT NOT NULL,
    source          TEXT NOT NULL,
    referrer_name   TEXT,
    referrer_agency TEXT,
    status          TEXT NOT NULL,
    outcome         TEXT,
    decided_at      TEXT,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    concern_summary TEXT NOT NULL,
    updated_hlc     INTEGER NOT NULL
);
CREATE INDEX contact_by_received ON contact(received_at);
CREATE INDEX contact_by_status ON contact(status, received_at);

CREATE TABLE contact_child (
    contact_pk INTEGER NOT NULL REFERENCES contact(pk),
    person_pk  INTEGER NOT NULL REFERENCES person(pk),
    position   INTEGER NOT NULL,
    PRIMARY KEY (contact_pk, person_pk)
) WITHOUT ROWID;
CREATE INDEX contact_child_by_person ON contact_child(person_pk, contact_pk);
)sql";

// Migration 2: threshold rule sets and screening decisions (core/rules/RulesProjection.h).
const char* kThresholdRules = R"sql(
-- Projection: every rule set installed (rules.installed facts). One row per version and content;
-- two desks installing different content under one version both stay visible.
CREATE TABLE rule_set (
    version             TEXT    NOT NULL,
    hash                TEXT    NOT NULL,     -- SHA-256 of the canonical JSON, hex
    name                TEXT    NOT NULL,
    origin              TEXT    NOT NULL,     -- file, embedded_default
    body                TEXT    NOT NULL CHECK (json_valid(body)),
    installed_at        TEXT    NOT NULL,     -- the first install
    installed_by        TEXT    NOT NULL,
    first_installed_hlc INTEGER NOT NULL,
    last_installed_hlc  INTEGER NOT NULL,     -- the latest install decides which rule set is active
    last_installed_fact TEXT    NOT NULL,
    active              INTEGER NOT NULL DEFAULT 0,
    UNIQUE (version, hash)
);

-- Projection: screening decisions (screening.decision_recorded facts), each with the rule set it was
-- made under, its inputs, the suggestion and what the worker chose.
CREATE TABLE screening_decision (
    id                  TEXT    PRIMARY KEY,  -- UUIDv7
    contact_id          TEXT    NOT NULL,
    person_id           TEXT,
    rules_version       TEXT    NOT NULL,
    rules_hash          TEXT    NOT NULL,
    inputs              TEXT    NOT NULL CHECK (json_valid(inputs)),
    suggestion          TEXT    NOT NULL CHECK (json_valid(suggestion)),
    suggested_level     INTEGER NOT NULL,
    suggested_outcome   TEXT    NOT NULL,
    suggested_rag       TEXT    NOT NULL,
    level               INTEGER NOT NULL,     -- what the worker chose
    level_label         TEXT    NOT NULL,
    outcome             TEXT    NOT NULL,
    rag                 TEXT    NOT NULL,
    strategy_discussion INTEGER NOT NULL,
    departs_from        TEXT    NOT NULL CHECK (json_valid(departs_from)), -- e.g. ["level","outcome"]
    rationale           TEXT,
    decided_by          TEXT    NOT NULL,
    decided_role        TEXT    NOT NULL,
    decided_at          TEXT    NOT NULL,
    hlc                 INTEGER NOT NULL,
    fact_id             TEXT    NOT NULL
);
CREATE INDEX screening_decision_by_contact ON screening_decision(contact_id, hlc);
CREATE INDEX screening_decision_by_rules ON screening_decision(rules_version, rules_hash);
)sql";

// Migration 3: users and their roles, and contact drafts.
const char* kUsers = R"sql(
CREATE TABLE app_user (
    id             TEXT PRIMARY KEY,     -- operating-system account name
    display_name   TEXT NOT NULL,
    roles          TEXT NOT NULL,        -- comma-separated
    secret_hash    TEXT NOT NULL,        -- libsodium Argon2id string
    disabled       INTEGER NOT NULL DEFAULT 0,
    last_signed_in TEXT,
    updated_hlc    INTEGER NOT NULL
);

-- Contacts being typed: saved as the screener types, so a crash or a closed window loses nothing.
CREATE TABLE contact_draft (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    owner_role  TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_hlc INTEGER NOT NULL
);
CREATE INDEX contact_draft_by_owner ON contact_draft(owner, saved_at);
)sql";

// Migration 4: the life of a contact after it is recorded: screening, sign-off, referrer feedback,
// out-of-hours handovers and strategy discussions.
const char* kWorkflow = R"sql(
ALTER TABLE contact ADD COLUMN recorded_role TEXT;
ALTER TABLE contact ADD COLUMN decision_due_at TEXT;
ALTER TABLE contact ADD COLUMN screener TEXT;
ALTER TABLE contact ADD COLUMN analysis TEXT;            -- JSON: risks, strengths, analysis
ALTER TABLE contact ADD COLUMN recommended_by TEXT;
ALTER TABLE contact ADD COLUMN recommended_at TEXT;
ALTER TABLE contact ADD COLUMN recommendation TEXT;      -- JSON: decision id, level, outcome, rag, text
ALTER TABLE contact ADD COLUMN level INTEGER;
ALTER TABLE contact ADD COLUMN rag TEXT;
ALTER TABLE contact ADD COLUMN rag_due_at TEXT;
ALTER TABLE contact ADD COLUMN returned_reason TEXT;
ALTER TABLE contact ADD COLUMN decided_by TEXT;
ALTER TABLE contact ADD COLUMN case_direction TEXT;      -- JSON: what, by_whom, by_when
ALTER TABLE contact ADD COLUMN closed_at TEXT;
CREATE INDEX contact_by_screener ON contact(screener, status);

CREATE TABLE partner_check (
    contact_id      TEXT NOT NULL,
    position        INTEGER NOT NULL,
    agency          TEXT NOT NULL,
    person_spoken_to TEXT NOT NULL,
    checked_at      TEXT NOT NULL,
    shared          TEXT NOT NULL,
    basis           TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

CREATE TABLE referrer_feedback (
    contact_id  TEXT PRIMARY KEY,
    required_at TEXT NOT NULL,
    status      TEXT NOT NULL,           -- outstanding, done
    told_by     TEXT,
    told_at     TEXT,
    how         TEXT,
    note        TEXT
);
CREATE INDEX referrer_feedback_by_status ON referrer_feedback(status, required_at);

CREATE TABLE edt_handover (
    contact_id      TEXT PRIMARY KEY,
    written_by      TEXT NOT NULL,
    written_at      TEXT NOT NULL,
    already_done    TEXT NOT NULL,
    note            TEXT NOT NULL,
    due_at          TEXT NOT NULL,
    due_explanation TEXT NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TEXT,
    acknowledgement TEXT
);
CREATE INDEX edt_handover_open ON edt_handover(acknowledged_at, due_at);

CREATE TABLE strategy_discussion (
    id              TEXT PRIMARY KEY,
    contact_id      TEXT NOT NULL,
    status          TEXT NOT NULL,       -- required, scheduled, held, outcome_recorded
    required_at     TEXT NOT NULL,
    due_at          TEXT NOT NULL,
    due_explanation TEXT NOT NULL,
    scheduled_for   TEXT,
    location        TEXT,
    invitees        TEXT,                -- JSON list
    missing_agencies TEXT,               -- JSON list of required agencies not invited
    missing_acknowledged_by TEXT,
    held_at         TEXT,
    meeting         TEXT,                -- JSON: attendees, apologies, agency information
    outcome         TEXT,                -- JSON: at risk, safety actions, s47, medical, family told
    s47_decision    TEXT,
    icpc_due_at     TEXT,
    icpc_explanation TEXT,
    updated_hlc     INTEGER NOT NULL
);
CREATE INDEX strategy_by_contact ON strategy_discussion(contact_id);
CREATE INDEX strategy_by_status ON strategy_discussion(status, due_at);

CREATE TABLE strategy_action (
    discussion_id TEXT NOT NULL,
    position      INTEGER NOT NULL,
    action        TEXT NOT NULL,
    owner         TEXT NOT NULL,
    agency        TEXT NOT NULL,
    due_on        TEXT NOT NULL,         -- YYYY-MM-DD
    completed_at  TEXT,
    completed_by  TEXT,
    PRIMARY KEY (discussion_id, position)
) WITHOUT ROWID;
CREATE INDEX strategy_action_open ON strategy_action(completed_at, due_on);
)sql";

// Migration 5: the desk's installed working calendar (bank holidays and calendar settings).
const char* kCalendarConfig = R"sql(
CREATE TABLE calendar_config (
    kind         TEXT PRIMARY KEY,       -- holidays, settings
    body         TEXT NOT NULL,          -- JSON as installed
    source       TEXT NOT NULL,
    installed_by TEXT NOT NULL,
    installed_at TEXT NOT NULL,
    hlc          INTEGER NOT NULL
);
)sql";

// Migration 6: drafts of the workflow forms, so typing in them survives a crash or a closed window.
const char* kFormDrafts = R"sql(
CREATE TABLE form_draft (
    contact_id TEXT NOT NULL,
    form       TEXT NOT NULL,            -- screening, signoff, strategy
    owner      TEXT NOT NULL,
    saved_at   TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (contact_id, form, owner)
) WITHOUT ROWID;
)sql";

// Migration 7: what the database is for (live, training or demo), fixed at creation; and a seal on
// every fact, a keyed MAC under a key kept outside this file (store/DeskSeal.h).
const char* kDatabaseProfile = R"sql(
CREATE TABLE database_profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    mode       TEXT NOT NULL CHECK (mode IN ('live', 'training', 'demo')),
    origin     TEXT NOT NULL,            -- created (with the file), upgraded (a file from before migration 7)
    created_at TEXT NOT NULL             -- the desk's system time when the mode was fixed
);
CREATE TRIGGER database_profile_refuse_update BEFORE UPDATE ON database_profile
BEGIN
    SELECT RAISE(ABORT, 'a database''s mode is fixed when it is created and cannot be changed');
END;
CREATE TRIGGER database_profile_refuse_delete BEFORE DELETE ON database_profile
BEGIN
    SELECT RAISE(ABORT, 'a database''s mode is fixed when it is created and cannot be changed');
END;
CREATE TRIGGER database_profile_refuse_second BEFORE INSERT ON database_profile
WHEN EXISTS (SELECT 1 FROM database_profile)
BEGIN
    SELECT RAISE(ABORT, 'a database''s mode is fixed when it is created and cannot be changed');
END;

ALTER TABLE facts ADD COLUMN seal BLOB;  -- keyed MAC of hash under the desk's key; NULL before sealing began
)sql";

// Migration 8: who someone is, what they may do and whether they may sign in are read from their facts
// (not from app_user, which a SQLite shell could edit), so those facts need an index by subject and type.
const char* kFactsBySubjectAndType = R"sql(
CREATE INDEX facts_by_subject_type ON facts(subject, type, hlc);
)sql";

// Migration 9: every contact's reference a person can read over the phone ("FD-26-K7Q2-0042",
// contacts/ContactReference.h), computed from its contact.recorded fact; the number alone is indexed
// too, so the search box finds "0042". Contacts already projected are filled in from their facts.
const char* kContactReference = R"sql(
ALTER TABLE contact ADD COLUMN reference TEXT;
ALTER TABLE contact ADD COLUMN reference_seq INTEGER;
CREATE INDEX contact_by_reference ON contact(reference);
CREATE INDEX contact_by_reference_seq ON contact(reference_seq);
)sql";

// Migration 10: drafts leave the fact log (issue 11 point 9). What a worker is still typing lives in one
// desk-local table, overwritten in place on every autosave (store/DraftTable.h). It is NOT a fact and
// NOT a projection (rebuild leaves it alone; it is not in the digest), and it is NEVER synced: core/sync
// ships facts only and must not ship this table. Today's drafts are carried over from the facts: for each
// new-contact draft id, and each (user, contact, form), the latest draft fact, unless it is a discard or
// the contact has since been recorded. The old draft facts stay in the log (facts are never deleted);
// the projection tables they fed are dropped, and no new draft facts are written.
const char* kDeskDrafts = R"sql(
CREATE TABLE drafts (
    owner_user_id TEXT NOT NULL,
    kind          TEXT NOT NULL,         -- contact, form:screening, form:signoff, form:strategy
    subject       TEXT NOT NULL,         -- contact: the draft id (the contact's id once recorded); form: the contact id
    saved_at      TEXT NOT NULL,
    body          TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (owner_user_id, kind, subject)
);
CREATE INDEX drafts_by_subject ON drafts(kind, subject);

WITH latest AS (
    SELECT user_id, type, subject, payload, recorded_at,
           row_number() OVER (PARTITION BY subject ORDER BY hlc DESC, device_id DESC, id DESC) AS n
    FROM facts WHERE type IN ('contact.draft_saved', 'contact.draft_discarded')
)
INSERT INTO drafts(owner_user_id, kind, subject, saved_at, body)
SELECT user_id, 'contact', subject, recorded_at, json_extract(payload, '$.body')
FROM latest
WHERE n = 1 AND type = 'contact.draft_saved' AND json_type(payload, '$.body') = 'object'
  AND NOT EXISTS (SELECT 1 FROM facts r WHERE r.subject = latest.subject AND r.type = 'contact.recorded')
ON CONFLICT DO NOTHING;

WITH latest AS (
    SELECT user_id, type, payload, recorded_at,
           row_number() OVER (PARTITION BY user_id, subject ORDER BY hlc DESC, device_id DESC, id DESC) AS n
    FROM facts WHERE type IN ('form.draft_saved', 'form.draft_discarded')
)
INSERT INTO drafts(owner_user_id, kind, subject, saved_at, body)
SELECT user_id, 'form:' || json_extract(payload, '$.form'), json_extract(payload, '$.contact_id'), recorded_at,
       json_extract(payload, '$.body')
FROM latest
WHERE n = 1 AND type = 'form.draft_saved' AND json_type(payload, '$.body') = 'object'
  AND json_extract(payload, '$.form') IN ('screening', 'signoff', 'strategy')
  AND json_type(payload, '$.contact_id') = 'text'
ON CONFLICT DO NOTHING;

DROP TABLE contact_draft;
DROP TABLE form_draft;
)sql";

// Migration 11: concurrent decisions at offline desks (workflow/SyncConflicts.h). When facts are
// projected in HLC order the first stands; a later incompatible one changes nothing and is listed here
// for a duty manager. contact_transition names the fact that put each contact where it stands.
const char* kSyncConflicts = R"sql(
CREATE TABLE sync_conflict (
    id              TEXT PRIMARY KEY,     -- the id of fact B, the later fact, not applied
    kind            TEXT NOT NULL,        -- screening_started_twice, signed_off_twice, ...
    contact_id      TEXT NOT NULL,
    fact_a          TEXT NOT NULL,        -- the fact that stands (first by HLC)
    a_type          TEXT NOT NULL,
    a_user          TEXT NOT NULL,
    a_role          TEXT NOT NULL,
    a_at            TEXT NOT NULL,
    fact_b          TEXT NOT NULL,
    b_type          TEXT NOT NULL,
    b_user          TEXT NOT NULL,
    b_role          TEXT NOT NULL,
    b_at            TEXT NOT NULL,
    b_hlc           INTEGER NOT NULL,
    detail          TEXT NOT NULL,        -- the conflict in words
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    kept            TEXT CHECK (kept IN ('A', 'B')),
    resolved_by     TEXT,
    resolved_role   TEXT,
    resolved_at     TEXT,
    note            TEXT,
    resolution_fact TEXT
);
CREATE INDEX sync_conflict_by_status ON sync_conflict(status, b_hlc);
CREATE INDEX sync_conflict_by_contact ON sync_conflict(contact_id);
CREATE INDEX sync_conflict_by_fact_a ON sync_conflict(fact_a);

CREATE TABLE contact_transition (
    contact_id TEXT PRIMARY KEY,
    fact_id    TEXT NOT NULL
) WITHOUT ROWID;
-- Contacts already projected: their latest transition, as the projection would have recorded it.
INSERT INTO contact_transition(contact_id, fact_id)
SELECT contact_id, fact_id FROM (
    SELECT c.id AS contact_id,
           (SELECT f.id FROM facts f WHERE f.subject = c.id AND f.type IN ('screening.started',
                'screening.handed_back', 'screening.recommended', 'signoff.returned', 'signoff.decided',
                'contact.closed', 'contact.outcome_recorded')
            ORDER BY f.hlc DESC, f.device_id DESC, f.id DESC LIMIT 1) AS fact_id
    FROM contact c)
WHERE fact_id IS NOT NULL;
)sql";

// Migration 12: desk-local sync state, never facts and never on the share: the team this desk joined
// (its id, mode, the key derived from the team passphrase, the share's path), the batch files this desk
// has published (so it republishes exactly those if they vanish, and recognises its own folder running
// ahead of its database), and how far it has applied each other desk's files.
const char* kSyncState = R"sql(
CREATE TABLE sync_team (
    one        INTEGER PRIMARY KEY CHECK (one = 1),
    team_id    TEXT NOT NULL,
    mode       TEXT NOT NULL,
    team_key   BLOB NOT NULL,
    share_path TEXT NOT NULL,
    joined_at  TEXT NOT NULL
);
CREATE TABLE sync_published (
    device_id    TEXT    NOT NULL,
    file_seq     INTEGER NOT NULL,
    first_seq    INTEGER NOT NULL,
    last_seq     INTEGER NOT NULL,
    file_hash    TEXT    NOT NULL,   -- SHA-256 of the whole file as written, hex
    published_at TEXT    NOT NULL,
    PRIMARY KEY (device_id, file_seq)
);
CREATE TABLE sync_peer (
    device_id     TEXT PRIMARY KEY,
    next_file     INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT
);
)sql";

// Migration 13: duplicate people. Each merge (person.merged, keyed by the fact's id) and its undoing
// (person.unmerged) stay on record; who a merged person resolves to is read from the merges still in
// force, so contacts keep naming the person they named and an unmerge restores them exactly. Pairs a
// person said are not duplicates (person.not_duplicate), smaller id first.
const char* kPersonMerges = R"sql(
CREATE TABLE person_merge (
    merge_id       TEXT    PRIMARY KEY,   -- the person.merged fact's id
    keep_id        TEXT    NOT NULL,
    other_id       TEXT    NOT NULL,      -- the fact's subject
    reason         TEXT    NOT NULL,
    merged_by      TEXT    NOT NULL,
    merged_at      TEXT    NOT NULL,
    merged_hlc     INTEGER NOT NULL,
    unmerge_id     TEXT,
    unmerged_by    TEXT,
    unmerged_at    TEXT,
    unmerge_reason TEXT
) WITHOUT ROWID;
CREATE INDEX person_merge_by_other ON person_merge(other_id, merged_hlc);
CREATE INDEX person_merge_by_keep ON person_merge(keep_id);
CREATE TABLE person_not_duplicate (
    a_id      TEXT NOT NULL,             -- the fact's subject
    b_id      TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    marked_by TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    fact_id   TEXT NOT NULL,
    PRIMARY KEY (a_id, b_id)
) WITHOUT ROWID;
)sql";

// Migration 14 (issue 13, adults as people): whether a person is an adult named on a contact, and each
// contact's adults linked to their person with the relationship kept on the link (people/AdultPeople.h).
const char* kAdultPeople = R"sql(
ALTER TABLE person ADD COLUMN adult INTEGER NOT NULL DEFAULT 0;
CREATE TABLE contact_adult (
    contact_pk              INTEGER NOT NULL REFERENCES contact(pk),
    position                INTEGER NOT NULL,   -- the adult's place in the contact's "adults"
    person_pk               INTEGER NOT NULL REFERENCES person(pk),
    relationship            TEXT    NOT NULL,   -- to the children: Contact.h adultRelationshipList()
    parental_responsibility TEXT    NOT NULL,
    lives_with_child        INTEGER NOT NULL,
    PRIMARY KEY (contact_pk, position)
) WITHOUT ROWID;
CREATE INDEX contact_adult_by_person ON contact_adult(person_pk, contact_pk);
)sql";

std::vector<Migration> buildMigrations() {
    return {
        {1, "fact log, people and contacts", kFoundation},
        {2, "threshold rule sets and screening decisions", kThresholdRules},
        {3, "users, roles and contact drafts", kUsers},
        {4, "screening, sign-off, handovers and strategy discussions", kWorkflow},
        {5, "the installed working calendar", kCalendarConfig},
        {6, "drafts of the workflow forms", kFormDrafts},
        {7, "the database's fixed mode (live, training, demo) and sealed facts", kDatabaseProfile},
        {8, "facts by subject and type (accounts read from their facts)", kFactsBySubjectAndType},
        {9, "contact references (FD-26-K7Q2-0042)", kContactReference},
        {10, "drafts kept on the desk, outside the fact log", kDeskDrafts},
        {11, "conflicts between decisions made at offline desks", kSyncConflicts},
        {12, "desk-local sync state: the team joined, files published and applied", kSyncState},
        {13, "duplicate people: merges, unmerges and pairs that are not duplicates", kPersonMerges},
        {14, "adults as people: adult people and each contact's adults linked to them", kAdultPeople},
    };
}

} // namespace

const std::vector<Migration>& allMigrations() {
    static const std::vector<Migration> migrations = buildMigrations();
    return migrations;
}

int latestSchemaVersion() { return allMigrations().back().version; }

int schemaVersion(Database& db) { return static_cast<int>(db.queryInt("PRAGMA user_version").value_or(0)); }

void checkFrontdoorFile(Database& db) {
    const int applicationId = static_cast<int>(db.queryInt("PRAGMA application_id").value_or(0));
    const int current = schemaVersion(db);
    if (applicationId != 0 && applicationId != kApplicationId)
        throw SchemaError(db.path() + " is not a Frontdoor database (it belongs to another program); "
                                      "it has not been changed");
    const bool hasTables = db.queryInt("SELECT count(*) FROM sqlite_master").value_or(0) > 0;
    if (applicationId == 0 && (current != 0 || hasTables))
        throw SchemaError(db.path() + " is not a Frontdoor database; it has not been changed");
    if (current > latestSchemaVersion())
        throw SchemaError(db.path() + " was written by a newer version of Frontdoor (schema " +
                          std::to_string(current) + "; this build knows up to " +
                          std::to_string(latestSchemaVersion()) +
                          "). Install the newer version on this desk; the file has not been changed.");
}

std::vector<int> migrate(Database& db, int target, DatabaseMode newFileMode) {
    if (target < 0)
        target = latestSchemaVersion();
    checkFrontdoorFile(db);
    const int current = schemaVersion(db);
    std::vector<int> applied;
    for (const Migration& migration : allMigrations()) {
        if (migration.version <= current || migration.version > target)
            continue;
        Transaction transaction(db);
        db.exec(migration.sql);
        db.exec("PRAGMA user_version = " + std::to_string(migration.version));
        if (migration.version == 1)
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        if (migration.version == 7) {
            // A file being created gets the mode asked for; one from before migration 7 was live.
            if (current == 0)
                writeDatabaseProfile(db, newFileMode, "created");
            else
                writeDatabaseProfile(db, DatabaseMode::Live, "upgraded");
        }
        if (migration.version == 9)
            backfillContactReferences(db);
        transaction.commit();
        applied.push_back(migration.version);
    }
    return applied;
}

} // namespace frontdoor::core
