#include "store/Migrations.h"

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

std::vector<Migration> buildMigrations() {
    return {
        {1, "fact log, people and contacts", kFoundation},
        {2, "threshold rule sets and screening decisions", kThresholdRules},
    };
}

} // namespace

const std::vector<Migration>& allMigrations() {
    static const std::vector<Migration> migrations = buildMigrations();
    return migrations;
}

int latestSchemaVersion() { return allMigrations().back().version; }

int schemaVersion(Database& db) { return static_cast<int>(db.queryInt("PRAGMA user_version").value_or(0)); }

std::vector<int> migrate(Database& db, int target) {
    if (target < 0)
        target = latestSchemaVersion();
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
    std::vector<int> applied;
    for (const Migration& migration : allMigrations()) {
        if (migration.version <= current || migration.version > target)
            continue;
        Transaction transaction(db);
        db.exec(migration.sql);
        db.exec("PRAGMA user_version = " + std::to_string(migration.version));
        if (migration.version == 1)
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        transaction.commit();
        applied.push_back(migration.version);
    }
    return applied;
}

} // namespace frontdoor::core
