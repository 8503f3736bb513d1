// frontdoor-cli backup: a consistent copy for the council's backups, recorded as a fact, never replacing a file.
#include "TestSupport.h"

#include "store/Backup.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace frontdoor;

namespace {

std::vector<std::string> as(const std::string& db, const std::string& user, std::vector<std::string> words) {
    words.insert(words.end(), {"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", user, "--secret", test::kTestPin});
    return words;
}

int64_t factCount(const std::string& path) {
    core::FixedClock clock(test::testNow());
    return core::Workspace::open(path, clock)->facts().count();
}

} // namespace

TEST_CASE("An administrator's backup is a working copy holding every fact, and says who took it", "[backup]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("desk.sqlite");
    {
        core::FixedClock clock(test::testNow());
        auto ws = core::Workspace::create(db, clock, core::DatabaseMode::Training);
        test::addTestUsers(*ws);
    }
    REQUIRE(test::runCli(as(db, "sam.screener", {"contact", "record"}), test::sampleContact().dump()).exitCode == 0);

    const std::string copy = folder.file("copy.sqlite");
    const auto result = test::runCli(as(db, "ada.admin", {"backup", copy}));
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.json()["destination"] == std::filesystem::absolute(copy).string());
    CHECK_FALSE(std::filesystem::exists(copy + ".part"));

    // The copy opens as a Frontdoor database with the same facts, the backup's own fact among them.
    CHECK(factCount(copy) == factCount(db));
    core::FixedClock clock(test::testNow());
    auto restored = core::Workspace::open(copy, clock);
    bool recorded = false;
    restored->facts().forEach([&](const core::Fact& fact) {
        if (fact.type == "database.backed_up") {
            recorded = fact.userId == "ada.admin" && fact.payload["destination"] == result.json()["destination"];
        }
    });
    CHECK(recorded);
    CHECK(restored->facts().compareProjectionWithRebuild().matches);
}

TEST_CASE("A backup never replaces a file, needs an administrator, and a refused one records nothing", "[backup]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("desk.sqlite");
    {
        core::FixedClock clock(test::testNow());
        auto ws = core::Workspace::create(db, clock, core::DatabaseMode::Training);
        test::addTestUsers(*ws);
    }
    const int64_t before = factCount(db);

    const std::string existing = folder.file("existing.sqlite");
    { std::ofstream(existing) << "last week's backup"; }
    const auto replaced = test::runCli(as(db, "ada.admin", {"backup", existing}));
    CHECK(replaced.exitCode == 1);
    CHECK_THAT(replaced.err, Catch::Contains("already exists"));
    std::ifstream kept(existing);
    std::string text;
    std::getline(kept, text);
    CHECK(text == "last week's backup");

    const auto noFolder = test::runCli(as(db, "ada.admin", {"backup", folder.file("missing/copy.sqlite")}));
    CHECK(noFolder.exitCode == 2);
    CHECK_THAT(noFolder.err, Catch::Contains("does not exist"));

    const auto screener = test::runCli(as(db, "sam.screener", {"backup", folder.file("mine.sqlite")}));
    CHECK(screener.exitCode == 3);
    CHECK_FALSE(std::filesystem::exists(folder.file("mine.sqlite")));

    CHECK(factCount(db) == before);
}
