// The fact log: append-only, hash-chained, and the projection rebuildable from it alone.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "store/Migrations.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using frontdoor::test::TestWorkspace;

namespace {

std::string recordSample(TestWorkspace& t) {
    return core::ContactService(*t.ws).record(t.screener, test::sampleContact()).contactId;
}

} // namespace

TEST_CASE("recording a contact appends facts carrying id, clock stamp, desk, user and role", "[store]") {
    TestWorkspace t;
    const int64_t before = t.ws->facts().count();
    const std::string contactId = recordSample(t);
    const auto facts = t.ws->facts().factsAbout(contactId);
    REQUIRE(facts.size() == 1);
    const auto& fact = facts.front();
    CHECK(fact.type == "contact.recorded");
    CHECK(fact.id.size() == 36);
    CHECK(fact.id[14] == '7'); // UUID version 7
    CHECK(fact.userId == "sam.screener");
    CHECK(fact.role == "screener");
    CHECK(fact.deviceId == t.ws->facts().deviceId());
    CHECK(fact.hlc.wallMs() == core::toEpochMs(test::testNow()));
    CHECK(t.ws->facts().count() == before + 3); // the child's and the mother's registrations and the contact
}

TEST_CASE("clock stamps never go backwards even when the wall clock does", "[store]") {
    TestWorkspace t;
    const auto first = t.ws->facts().factsAbout(recordSample(t)).front().hlc;
    t.clock.set(test::testNow() - std::chrono::minutes(30)); // someone sets the desk clock back
    const auto second = t.ws->facts().factsAbout(recordSample(t)).front().hlc;
    CHECK(second > first);
}

TEST_CASE("a fact cannot be updated or deleted, even with raw SQL", "[store]") {
    TestWorkspace t;
    recordSample(t);
    const std::string path = t.ws->db().path();
    const auto countFacts = [&] { return t.ws->facts().count(); };
    const int64_t before = countFacts();

    SECTION("through Frontdoor's own connection") {
        CHECK_THROWS_WITH(t.ws->db().exec("UPDATE facts SET payload = '{}'"), Catch::Contains("cannot be changed"));
        CHECK_THROWS_WITH(t.ws->db().exec("DELETE FROM facts"), Catch::Contains("cannot be deleted"));
        CHECK_THROWS(t.ws->db().exec("DROP TABLE facts"));
        CHECK_THROWS(t.ws->db().exec("DROP TRIGGER facts_refuse_update"));
        CHECK_THROWS(t.ws->db().exec("PRAGMA writable_schema = ON"));
    }
    SECTION("through a separate plain SQLite connection") {
        core::Database raw(path);
        CHECK_THROWS_WITH(raw.exec("UPDATE facts SET user_id = 'someone.else'"), Catch::Contains("cannot be changed"));
        CHECK_THROWS_WITH(raw.exec("DELETE FROM facts WHERE seq = 1"), Catch::Contains("cannot be deleted"));
        CHECK_THROWS(raw.exec("INSERT OR REPLACE INTO facts SELECT * FROM facts WHERE seq = 1"));
        CHECK_THROWS(raw.exec("UPDATE facts SET payload = json_set(payload, '$.concern', 'x') WHERE type = 'contact.recorded'"));
    }
    CHECK(countFacts() == before);
    CHECK(t.ws->facts().verifyChains().intact);
}

TEST_CASE("the hash chain exposes a fact altered outside Frontdoor", "[store]") {
    TestWorkspace t;
    const std::string contactId = recordSample(t);
    const std::string path = t.ws->db().path();
    t.ws.reset();
    {
        // Someone with the file and a SQLite shell drops the guard and edits the record.
        core::Database raw(path);
        raw.exec("DROP TRIGGER facts_refuse_update");
        raw.exec("UPDATE facts SET payload = json_set(payload, '$.concern', 'nothing happened') "
                 "WHERE type = 'contact.recorded'");
    }
    t.ws = core::Workspace::open(path, t.clock);
    const auto report = t.ws->facts().verifyChains();
    CHECK_FALSE(report.intact);
    REQUIRE(report.problems.size() == 1);
    CHECK_THAT(report.problems.front(), Catch::Contains("altered outside Frontdoor"));
}

TEST_CASE("rebuilding the projection from the facts alone gives the same digest", "[store]") {
    TestWorkspace t;
    core::ContactService contacts(*t.ws);
    for (int i = 0; i < 5; ++i) {
        auto input = test::sampleContact();
        input["children"][0]["given_name"] = "Child" + std::string(1, static_cast<char>('A' + i));
        const auto recorded = contacts.record(t.screener, input);
        if (i % 2 == 0)
            contacts.importOutcome({"ada.admin", "administrator"}, recorded.contactId, "early_help",
                                   test::testNow(), "");
    }
    const std::string before = t.ws->facts().projectionDigest();
    CHECK(t.ws->facts().rebuildProjection() == t.ws->facts().count());
    CHECK(t.ws->facts().projectionDigest() == before);

    SECTION("and the digest notices a difference") {
        t.ws->db().exec("UPDATE contact SET status = 'tampered' WHERE pk = 1");
        CHECK(t.ws->facts().projectionDigest() != before);
        t.ws->facts().rebuildProjection();
        CHECK(t.ws->facts().projectionDigest() == before);
    }
}

TEST_CASE("schema migrations", "[store][migrations]") {
    test::ScratchFolder folder;
    core::FixedClock clock(test::testNow());

    SECTION("an empty file is migrated to the latest version, in WAL mode with foreign keys on") {
        auto ws = core::Workspace::create(folder.file("new.sqlite"), clock, core::DatabaseMode::Training);
        CHECK(core::schemaVersion(ws->db()) == core::latestSchemaVersion());
        CHECK(ws->db().queryText("PRAGMA journal_mode") == "wal");
        CHECK(ws->db().queryInt("PRAGMA foreign_keys") == 1);
        CHECK(ws->db().queryInt("PRAGMA synchronous") == 2); // FULL
    }
    SECTION("a file at every earlier version is brought up to date with the same schema as a new one") {
        const auto schemaOf = [](core::Database& db) {
            std::string text;
            auto stmt = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
            while (stmt.step())
                text += stmt.text(0) + " " + stmt.text(1) + " " + stmt.optionalText(2).value_or("") + "\n";
            return text;
        };
        auto fresh = core::Workspace::create(folder.file("fresh.sqlite"), clock, core::DatabaseMode::Training);
        const std::string expected = schemaOf(fresh->db());
        for (const auto& migration : core::allMigrations()) {
            const int version = migration.version;
            if (version == core::latestSchemaVersion())
                continue;
            const std::string path = folder.file("v" + std::to_string(version) + ".sqlite");
            {
                core::Database db(path);
                core::migrate(db, version);
                REQUIRE(core::schemaVersion(db) == version);
            }
            // A file from before migration 7 is live: it runs on the desk's clock.
            core::SystemClock deskClock;
            auto upgraded = core::Workspace::open(path, deskClock);
            CHECK(upgraded->mode() == core::DatabaseMode::Live);
            CHECK(core::schemaVersion(upgraded->db()) == core::latestSchemaVersion());
            CHECK(schemaOf(upgraded->db()) == expected);
        }
    }
    SECTION("a file from a newer build is refused with a clear message and left untouched") {
        const std::string path = folder.file("newer.sqlite");
        core::Workspace::create(path, clock, core::DatabaseMode::Training).reset();
        {
            core::Database db(path);
            db.exec("PRAGMA user_version = " + std::to_string(core::latestSchemaVersion() + 1));
        }
        CHECK_THROWS_WITH(core::Workspace::open(path, clock),
                          Catch::Contains("newer version of Frontdoor") && Catch::Contains("has not been changed"));
        core::Database db(path);
        CHECK(core::schemaVersion(db) == core::latestSchemaVersion() + 1);
    }
    SECTION("another program's SQLite file is refused") {
        const std::string path = folder.file("other.sqlite");
        {
            core::Database db(path);
            db.exec("CREATE TABLE notes(text TEXT)");
        }
        CHECK_THROWS_WITH(core::Workspace::open(path, clock), Catch::Contains("not a Frontdoor database"));
    }
    SECTION("a failing migration leaves the file at its previous version") {
        // Migrations run in one transaction each: simulate a crash by making version 1's SQL fail half way.
        const std::string path = folder.file("broken.sqlite");
        core::Database db(path);
        db.exec("PRAGMA application_id = " + std::to_string(core::kApplicationId));
        db.exec("CREATE TABLE local_setting(key TEXT)"); // migration 1 will collide with this table
        CHECK_THROWS(core::migrate(db));
        CHECK(core::schemaVersion(db) == 0);
        CHECK_FALSE(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'facts'").value_or(0) > 0);
    }
}
