// Security review, issue 10, "store & time": points 1 (who sets the clock), 4 (demo data only in a
// demo database), 6 (verify finds edits made with a SQLite shell), 7 (init leaves another program's file
// alone) and 12 (a mistyped --db creates nothing). Each test reproduces what the review did.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "store/DeskSeal.h"
#include "store/Migrations.h"
#include "util/Errors.h"
#include "util/Text.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace frontdoor;

namespace {

const std::string kPin = test::kTestPin; // the test team's secret (test::addTestUsers)

/// A live database (the desk's clock only) with the test team and one contact, as a real desk has.
struct LiveDesk {
    test::ScratchFolder folder;
    std::string path = folder.file("live.sqlite");
    std::string contactId;
    LiveDesk() {
        core::SystemClock clock;
        auto ws = core::Workspace::create(path, clock, core::DatabaseMode::Live);
        test::addTestUsers(*ws);
        contactId = core::ContactService(*ws).record({"sam.screener", "screener"}, test::sampleContact()).contactId;
    }
    std::vector<std::string> as(const std::string& user, std::vector<std::string> words) const {
        words.insert(words.end(), {"--db", path, "--user", user, "--secret", kPin});
        return words;
    }
    int64_t facts() const {
        core::Database db(path, core::Database::OpenMode::ReadOnly);
        return db.queryInt("SELECT count(*) FROM facts").value_or(-1);
    }
    core::Json verify() const {
        const auto result = test::runCli(as("ada.admin", {"verify"}));
        INFO(result.err);
        REQUIRE(!result.out.empty());
        auto json = result.json();
        json["exit_code"] = result.exitCode;
        return json;
    }
    /// Someone with the file and a SQLite shell: no Frontdoor guard on this connection.
    void shell(const std::string& sql) const {
        core::Database raw(path);
        raw.exec(sql);
    }
};

bool anyContains(const core::Json& list, const std::string& text) {
    for (const auto& item : list)
        if (item.get<std::string>().find(text) != std::string::npos)
            return true;
    return false;
}

std::string fileDigest(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return core::sha256Hex(buffer.str());
}

/// A desk whose system clock was set forward (not a clock someone chose through Frontdoor).
class SetForwardClock final : public core::Clock {
public:
    core::Instant now() const override { return core::parseInstant("2031-01-01T00:00:00Z").value(); }
};

} // namespace

TEST_CASE("store trust: --now is refused on a live database, before anything is written", "[security][store]") {
    LiveDesk desk;
    const int64_t before = desk.facts();
    auto signoff = desk.as("mo.manager", {"contact", "record", "--now", "2026-11-27T10:30:00Z"});
    const auto refused = test::runCli(signoff, test::sampleContact().dump());
    CHECK(refused.exitCode == 2);
    CHECK_THAT(refused.err, Catch::Contains("--now") && Catch::Contains("live database"));
    CHECK(desk.facts() == before);

    SECTION("and pushing the clock to 2031 is refused too") {
        auto future = desk.as("sam.screener", {"contact", "record", "--now", "2031-01-01T00:00:00Z"});
        CHECK(test::runCli(future, test::sampleContact().dump()).exitCode == 2);
        CHECK(desk.facts() == before);
    }
    SECTION("core refuses a chosen clock on a live database as well") {
        core::FixedClock fixed(test::testNow());
        CHECK_THROWS_AS(core::Workspace::open(desk.path, fixed), core::ValidationError);
        CHECK(desk.facts() == before);
    }
    SECTION("a training database accepts it") {
        test::TestWorkspace training;
        const std::string path = training.ws->db().path();
        training.ws.reset();
        const auto accepted = test::runCli({"contact", "record", "--db", path, "--now", "2026-11-23T10:00:00Z",
                                            "--user", "sam.screener", "--secret", kPin},
                                           test::sampleContact().dump());
        INFO(accepted.err);
        CHECK(accepted.exitCode == 0);
    }
}

TEST_CASE("store trust: verify reports facts stamped ahead of their time or of the desk's clock", "[security][store]") {
    LiveDesk desk;
    {
        SetForwardClock forward;
        auto ws = core::Workspace::open(desk.path, forward);
        core::ContactService(*ws).record({"sam.screener", "screener"}, test::sampleContact());
    }
    {
        // Back on the right time: the hybrid logical clock still stamps the next fact 2031.
        core::SystemClock clock;
        auto ws = core::Workspace::open(desk.path, clock);
        core::ContactService(*ws).record({"jo.screener", "screener"}, test::sampleContact());
    }
    const auto report = desk.verify();
    CHECK(report["exit_code"] == 1);
    CHECK(report["ok"] == false);
    CHECK(anyContains(report["problems"], "ahead of this desk's clock"));
    CHECK(anyContains(report["problems"], "ahead of the time it was recorded"));
}

TEST_CASE("store trust: demo is refused unless the database is a demo database holding only demo data",
          "[security][store]") {
    SECTION("on a live database, nothing is added") {
        LiveDesk desk;
        const int64_t before = desk.facts();
        const auto refused = test::runCli(desk.as("ada.admin", {"demo", "--contacts", "5"}));
        CHECK(refused.exitCode == 1);
        CHECK_THAT(refused.err, Catch::Contains("live database") && Catch::Contains("init --demo"));
        CHECK(desk.facts() == before);
    }
    SECTION("on a demo database, until something else is added to it") {
        test::ScratchFolder folder;
        const std::string path = folder.file("demo.sqlite");
        REQUIRE(test::runCli({"init", "--demo", "--db", path}).json()["mode"] == "demo");
        const auto first = test::runCli({"demo", "--contacts", "5", "--years", "1", "--db", path});
        INFO(first.err);
        REQUIRE(first.exitCode == 0);
        {
            // A real record typed into the demo database.
            core::SystemClock clock;
            auto ws = core::Workspace::open(path, clock);
            core::ContactService(*ws).record({"sam.screener", "screener"}, test::sampleContact());
        }
        const auto again = test::runCli({"demo", "--contacts", "5", "--db", path});
        CHECK(again.exitCode == 1);
        CHECK_THAT(again.err, Catch::Contains("did not make"));
    }
}

TEST_CASE("store trust: verify finds a hand-edited table (a screener made administrator)", "[security][store]") {
    LiveDesk desk;
    CHECK(desk.verify()["ok"] == true);
    desk.shell("UPDATE app_user SET roles = 'screener,administrator' WHERE id = 'sam.screener'");
    const auto report = desk.verify();
    CHECK(report["exit_code"] == 1);
    CHECK(report["projection_matches_facts"] == false);
    CHECK(report["projection_tables_differing"] == core::Json::array({"app_user"}));
}

TEST_CASE("store trust: verify finds a fact changed with its SHA-256 chain recomputed", "[security][store]") {
    LiveDesk desk;
    {
        core::Database raw(desk.path);
        raw.exec("DROP TRIGGER facts_refuse_update");
        // Rewrite the concern, then recompute every later hash of that desk's plain SHA-256 chain.
        auto rows = raw.prepare("SELECT id, hlc, device_id, device_seq, user_id, role, type, subject, payload, "
                                "recorded_at, hash FROM facts ORDER BY device_id, device_seq");
        std::vector<core::Fact> facts;
        while (rows.step()) {
            core::Fact fact;
            fact.id = rows.text(0);
            fact.hlc = core::HlcStamp{rows.int64(1)};
            fact.deviceId = rows.text(2);
            fact.deviceSeq = rows.int64(3);
            fact.userId = rows.text(4);
            fact.role = rows.text(5);
            fact.type = rows.text(6);
            fact.subject = rows.text(7);
            fact.payload = core::Json::parse(rows.text(8));
            fact.recordedAt = core::parseInstant(rows.text(9)).value();
            facts.push_back(fact);
        }
        std::string prev;
        for (auto& fact : facts) {
            if (fact.type == "contact.recorded")
                fact.payload["concern"] = "Nothing happened.";
            fact.prevHash = prev;
            fact.hash = core::computeFactHash(fact);
            std::string bytes;
            for (size_t i = 0; i < fact.hash.size(); i += 2)
                bytes.push_back(static_cast<char>(std::stoi(fact.hash.substr(i, 2), nullptr, 16)));
            raw.prepare("UPDATE facts SET payload = ?, hash = ? WHERE id = ?")
                .bind(1, fact.payload.dump())
                .bindBlob(2, bytes.data(), bytes.size())
                .bind(3, fact.id)
                .run();
            prev = fact.hash;
        }
    }
    const auto report = desk.verify();
    CHECK(report["chains_intact"] == false);
    CHECK(report["ok"] == false);
    CHECK(anyContains(report["problems"], "does not match its seal"));
}

TEST_CASE("store trust: verify finds the newest facts deleted, even after a rebuild", "[security][store]") {
    LiveDesk desk;
    const int64_t before = desk.facts();
    desk.shell("DROP TRIGGER facts_refuse_delete; DELETE FROM facts WHERE seq > " + std::to_string(before - 2));
    SECTION("the projection still shows what they did") {
        const auto report = desk.verify();
        CHECK(report["ok"] == false);
        CHECK(anyContains(report["problems"], "newest facts were deleted"));
        CHECK(report["projection_matches_facts"] == false);
    }
    SECTION("and after a rebuild hides that") {
        // rebuild says the projection changed (exit 1), and it now matches the shortened log.
        const auto rebuilt = test::runCli(desk.as("ada.admin", {"rebuild"}));
        REQUIRE(rebuilt.json()["identical"] == false);
        CHECK(desk.verify()["projection_matches_facts"] == true);
        const auto report = desk.verify();
        CHECK(report["ok"] == false);
        CHECK(report["exit_code"] == 1);
        CHECK(anyContains(report["problems"], "newest facts were deleted"));
    }
}

TEST_CASE("store trust: facts from before the seal existed are unsealed, not tampered", "[security][store]") {
    LiveDesk desk;
    const int64_t old = desk.facts();
    // No seals, no key, no sealed head.
    desk.shell("DROP TRIGGER facts_refuse_update; UPDATE facts SET seal = NULL");
    std::filesystem::remove_all(core::DeskSeal::defaultFolder());

    SECTION("in a database created sealing every fact, that is found") {
        const auto report = desk.verify();
        CHECK(report["ok"] == false);
        CHECK(anyContains(report["problems"], "were removed"));
        return;
    }
    // As a file from before migration 7, upgraded.
    desk.shell("DROP TRIGGER database_profile_refuse_update; UPDATE database_profile SET origin = 'upgraded'");
    {
        core::SystemClock clock;
        auto ws = core::Workspace::open(desk.path, clock);
        core::ContactService(*ws).record({"sam.screener", "screener"}, test::sampleContact());
    }
    const auto report = desk.verify();
    INFO(report.dump(2));
    CHECK(report["ok"] == true);
    CHECK(report["facts_unsealed"] == old);
    CHECK(report["facts_sealed"].get<int64_t>() >= 1);

    SECTION("but an unsealed fact after sealing began is tampering") {
        desk.shell("UPDATE facts SET seal = NULL WHERE seq = (SELECT max(seq) FROM facts)");
        const auto tampered = desk.verify();
        CHECK(tampered["ok"] == false);
        CHECK(anyContains(tampered["problems"], "has no seal"));
    }
}

TEST_CASE("store trust: a byte 0xFF in a payload is reported, never an abort", "[security][store]") {
    LiveDesk desk;
    desk.shell("PRAGMA ignore_check_constraints = 1; DROP TRIGGER facts_refuse_update; "
               "UPDATE facts SET payload = replace(payload, 'bruise', 'bru' || CAST(X'FF' AS TEXT) || 'se') "
               "WHERE type = 'contact.recorded'");
    const auto verify = test::runCli(desk.as("ada.admin", {"verify"}));
    CHECK(verify.exitCode == 1);
    REQUIRE_NOTHROW(verify.json());
    CHECK(anyContains(verify.json()["problems"], "not valid JSON in UTF-8"));

    const auto show = test::runCli(desk.as("sam.screener", {"contact", "show", desk.contactId}));
    CHECK(show.exitCode == 1);
    REQUIRE_NOTHROW(show.errorJson());
    CHECK_THAT(show.err, Catch::Contains("altered outside Frontdoor"));
}

TEST_CASE("store trust: init leaves another program's SQLite file byte-for-byte unchanged", "[security][store]") {
    test::ScratchFolder folder;
    SECTION("a file with someone else's tables") {
        const std::string path = folder.file("notes.sqlite");
        {
            core::Database other(path);
            other.exec("CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('shopping')");
        }
        const std::string digest = fileDigest(path);
        const auto result = test::runCli({"init", "--db", path});
        CHECK(result.exitCode == 1);
        CHECK_THAT(result.err, Catch::Contains("not a Frontdoor database"));
        CHECK(fileDigest(path) == digest);
        CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    }
    SECTION("a file with another program's application_id") {
        const std::string path = folder.file("other.sqlite");
        {
            core::Database other(path);
            other.exec("PRAGMA application_id = 1234; PRAGMA user_version = 3");
        }
        const std::string digest = fileDigest(path);
        CHECK(test::runCli({"init", "--db", path}).exitCode == 1);
        CHECK(fileDigest(path) == digest);
    }
}

TEST_CASE("store trust: a mistyped --db names the missing file and creates nothing", "[security][store]") {
    test::ScratchFolder folder;
    const std::string typo = folder.file("typo/frontdor.sqlite");
    const auto result = test::runCli({"contact", "list", "--db", typo, "--user", "sam.screener", "--secret", kPin});
    CHECK(result.exitCode == 1);
    CHECK_THAT(result.err, Catch::Contains("no database at " + typo) && Catch::Contains("frontdoor-cli init"));
    CHECK_FALSE(std::filesystem::exists(folder.file("typo")));
    core::SystemClock clock;
    CHECK_THROWS_AS(core::Workspace::open(typo, clock), core::NotFoundError);
    CHECK_FALSE(std::filesystem::exists(folder.file("typo")));
}

TEST_CASE("store trust: a database's mode is fixed when it is created", "[security][store]") {
    LiveDesk desk;
    CHECK_THROWS(desk.shell("UPDATE database_profile SET mode = 'training'"));
    CHECK_THROWS(desk.shell("DELETE FROM database_profile"));
    const auto init = test::runCli({"init", "--training", "--db", desk.path});
    CHECK(init.exitCode == 2);
    CHECK_THAT(init.err, Catch::Contains("already a live database"));
    CHECK(core::peekDatabaseMode(desk.path) == core::DatabaseMode::Live);

    SECTION("and a mode changed with the triggers dropped is found by verify") {
        desk.shell("DROP TRIGGER database_profile_refuse_update; UPDATE database_profile SET mode = 'training'");
        const auto report = desk.verify();
        CHECK(report["ok"] == false);
        CHECK(anyContains(report["problems"], "mode was changed outside Frontdoor"));
    }
}
