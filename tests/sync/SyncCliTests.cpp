// frontdoor-cli sync join / sync / sync status / sync reidentify: exit codes and JSON as docs/cli.md says.
#include "SyncTestSupport.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace frontdoor;
using test::Desk;
using test::Share;

namespace {

// Runs with the team passphrase in the environment, as a person would type it.
test::CliResult withPassphrase(const std::string& passphrase, const std::vector<std::string>& args) {
    ::setenv("FRONTDOOR_TEAM_PASSPHRASE", passphrase.c_str(), 1);
    auto result = test::runCli(args);
    ::unsetenv("FRONTDOOR_TEAM_PASSPHRASE");
    return result;
}

std::vector<std::string> asAdmin(std::vector<std::string> args, const std::string& db) {
    args.insert(args.end(), {"--db", db, "--user", "ada.admin", "--secret", test::kTestPin});
    return args;
}

} // namespace

TEST_CASE("cli: sync join is for an administrator, or a database with no users yet", "[sync][cli]") {
    Share share;
    Desk a(share, true);
    a.ws.reset();
    const auto anonymous = withPassphrase(test::kTeamPassphrase, {"sync", "join", "--share", share.path().string(),
                                                                  "--db", a.dbPath()});
    CHECK(anonymous.exitCode == 3);
    const auto screener = withPassphrase(test::kTeamPassphrase,
                                         {"sync", "join", "--share", share.path().string(), "--db", a.dbPath(),
                                          "--user", "sam.screener", "--secret", test::kTestPin});
    CHECK(screener.exitCode == 3);
    CHECK_THAT(screener.err, Catch::Contains("administrator"));
    const auto admin = withPassphrase(test::kTeamPassphrase, asAdmin({"sync", "join", "--share", share.path().string()},
                                                                     a.dbPath()));
    REQUIRE(admin.exitCode == 0);
    CHECK(admin.json()["created_team"] == true);
    CHECK(admin.json()["mode"] == "training");

    const auto noPassphrase = test::runCli(asAdmin({"sync", "join", "--share", share.path().string()}, a.dbPath()));
    CHECK(noPassphrase.exitCode == 2);
    CHECK(noPassphrase.errorJson()["error"]["fields"][0]["field"] == "FRONTDOOR_TEAM_PASSPHRASE");

    Desk b(share);
    b.ws.reset();
    const auto wrong = withPassphrase("not the team passphrase", {"sync", "join", "--share", share.path().string(),
                                                                   "--db", b.dbPath()});
    CHECK(wrong.exitCode == 1);
    CHECK(wrong.errorJson()["error"]["kind"] == "refused");
}

TEST_CASE("cli: sync reports an unreachable share with exit 1 and says why, status remembers", "[sync][cli]") {
    Share share;
    Desk a(share, true);
    a.join();
    a.ws.reset();

    const auto fine = test::runCli({"sync", "--db", a.dbPath()});
    REQUIRE(fine.exitCode == 0);
    CHECK(fine.json()["share"] == "reachable");
    CHECK(fine.json()["published"]["facts"] == 8);

    const auto away = test::runCli({"sync", "--db", a.dbPath(), "--share", share.file("not-mounted")});
    CHECK(away.exitCode == 1);
    CHECK(away.errorJson()["error"]["kind"] == "unreachable");
    CHECK(away.json()["share"] == "unreachable");

    const auto status = test::runCli({"sync", "status", "--db", a.dbPath()});
    REQUIRE(status.exitCode == 0);
    CHECK(status.json()["share"] == "unreachable");
    CHECK(status.json()["share_path"] == share.path().string()); // an unreachable --share is not remembered
    CHECK(status.json()["last_sync_at"].is_string());

    test::ScratchFolder other;
    const std::string lone = other.file("lone.sqlite");
    REQUIRE(test::runCli({"init", "--training", "--db", lone}).exitCode == 0);
    const auto notJoined = test::runCli({"sync", "--db", lone});
    CHECK(notJoined.exitCode == 1);
    CHECK_THAT(notJoined.err, Catch::Contains("sync join"));
}

TEST_CASE("cli: sync reidentify needs an administrator", "[sync][cli]") {
    Share share;
    Desk a(share, true);
    a.join();
    a.ws.reset();
    REQUIRE(test::runCli({"sync", "--db", a.dbPath()}).exitCode == 0);
    const auto screener = test::runCli({"sync", "reidentify", "--db", a.dbPath(), "--user", "sam.screener", "--secret",
                                        test::kTestPin});
    CHECK(screener.exitCode == 3);
    const auto admin = test::runCli(asAdmin({"sync", "reidentify"}, a.dbPath()));
    REQUIRE(admin.exitCode == 0);
    CHECK(admin.json()["new_device_id"] != admin.json()["old_device_id"]);
    CHECK(admin.json()["facts_kept"] == 8);
    CHECK(admin.json()["facts_recorded_again"] == 0);
    // The new identity publishes in its own folder; the old one's files stay as they were.
    const auto after = test::runCli({"sync", "--db", a.dbPath()});
    REQUIRE(after.exitCode == 0);
    CHECK(std::filesystem::exists(share.path() / "devices" / admin.json()["old_device_id"].get<std::string>()));
}
