// frontdoor-cli end to end, in-process: JSON in and out, errors on stderr, exit codes.
#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <set>

using namespace frontdoor;

namespace {

// A database with an administrator (ada.admin, 4444) and a screener (sam.screener, 1111).
struct CliDb {
    test::ScratchFolder folder;
    std::string db = folder.file("cli.sqlite");

    explicit CliDb(bool withUsers = true) {
        if (!withUsers)
            return;
        REQUIRE(test::runCli({"user", "add", "ada.admin", "--display-name", "Ada Admin", "--roles", "administrator",
                              "--new-secret", "4444", "--db", db})
                    .exitCode == 0);
        REQUIRE(test::runCli(asUser("ada.admin", "4444", {"user", "add", "sam.screener", "--display-name",
                                                          "Sam Screener", "--roles", "screener", "--new-secret", "1111"}))
                    .exitCode == 0);
    }
    std::vector<std::string> asUser(const std::string& user, const std::string& secret,
                                    std::vector<std::string> words) const {
        words.insert(words.end(), {"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", user, "--secret", secret});
        return words;
    }
    std::vector<std::string> args(std::vector<std::string> words) const {
        return asUser("sam.screener", "1111", std::move(words));
    }
    std::vector<std::string> admin(std::vector<std::string> words) const {
        return asUser("ada.admin", "4444", std::move(words));
    }
};

} // namespace

TEST_CASE("cli: init creates the database at the latest schema", "[cli]") {
    CliDb cli(false);
    const auto result = test::runCli(cli.args({"init"}));
    REQUIRE(result.exitCode == 0);
    const auto json = result.json();
    CHECK(json["schema_version"].get<int>() >= 1);
    CHECK(json["facts"] == 0);
    CHECK(json["device_id"].get<std::string>().size() == 36);
}

TEST_CASE("cli: record, show with timeline, list, search, history, rebuild", "[cli]") {
    CliDb cli;
    const auto recorded = test::runCli(cli.args({"contact", "record"}), test::sampleContact().dump());
    REQUIRE(recorded.exitCode == 0);
    const std::string contactId = recorded.json()["contact_id"];
    const std::string personId = recorded.json()["person_ids"][0];

    const auto shown = test::runCli(cli.args({"contact", "show", contactId}));
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.json()["concern"] == test::sampleContact()["concern"]);
    CHECK(shown.json()["status"] == "recorded");
    CHECK(shown.json()["timeline"][0]["user"] == "sam.screener");
    CHECK(shown.json()["timeline"][0]["what"] == "Contact recorded");

    const auto listed = test::runCli(cli.args({"contact", "list", "--status", "recorded", "--from", "2026-11-23"}));
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.json()["total"] == 1);
    CHECK(listed.json()["contacts"][0]["children"][0] == "John Smith");
    const auto none = test::runCli(cli.args({"contact", "list", "--to", "2026-11-22"}));
    CHECK(none.json()["total"] == 0);

    const auto searched = test::runCli(cli.args({"person", "search", "--given", "Jon", "--family", "Smyth",
                                                 "--dob", "2015-12-03"}));
    REQUIRE(searched.exitCode == 0);
    CHECK(searched.json()["candidates"][0]["person"]["id"] == personId);

    const auto history = test::runCli(cli.args({"history", personId}));
    REQUIRE(history.exitCode == 0);
    CHECK(history.json()["contacts"].size() == 1);

    CHECK(test::runCli(cli.args({"rebuild"})).exitCode == 3); // a screener may not
    const auto rebuilt = test::runCli(cli.admin({"rebuild"}));
    REQUIRE(rebuilt.exitCode == 0);
    CHECK(rebuilt.json()["identical"] == true);
    CHECK(rebuilt.json()["facts_replayed"] == 4); // two users, a child, a contact

    const auto verified = test::runCli(cli.admin({"verify"}));
    CHECK(verified.exitCode == 0);
    CHECK(verified.json()["ok"] == true);
}

TEST_CASE("cli: bad input is refused on stderr, naming the field, with exit code 2", "[cli]") {
    CliDb cli;
    auto input = test::sampleContact();
    input["children"][0]["date_of_birth"] = "2031-01-01";
    const auto result = test::runCli(cli.args({"contact", "record"}), input.dump());
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    const auto error = result.errorJson()["error"];
    CHECK(error["kind"] == "validation");
    CHECK(error["fields"][0]["field"] == "children[0].date_of_birth");
    CHECK_THAT(error["fields"][0]["problem"].get<std::string>(), Catch::Contains("in the future"));

    const auto notJson = test::runCli(cli.args({"contact", "record"}), "{not json");
    CHECK(notJson.exitCode == 2);
    CHECK_THAT(notJson.err, Catch::Contains("not valid JSON"));
}

TEST_CASE("cli: unknown things are reported plainly", "[cli]") {
    CliDb cli;
    CHECK(test::runCli(cli.args({"contact", "show", "01900000-0000-7000-8000-000000000000"})).exitCode == 1);
    CHECK_THAT(test::runCli(cli.args({"contact", "show", "01900000-0000-7000-8000-000000000000"})).err,
               Catch::Contains("no contact with id"));
    CHECK(test::runCli(cli.args({"frobnicate"})).exitCode == 2);
    const auto badOption = test::runCli(cli.args({"contact", "list", "--colour", "red"}));
    CHECK(badOption.exitCode == 2);
    CHECK_THAT(badOption.err, Catch::Contains("no option --colour"));
    const auto badLimit = test::runCli(cli.args({"contact", "list", "--limit", "lots"}));
    CHECK(badLimit.exitCode == 2);
    CHECK_THAT(badLimit.err, Catch::Contains("--limit"));
}

TEST_CASE("cli: demo data is made-up, varied and searchable", "[cli][demo]") {
    CliDb cli;
    const auto demo = test::runCli(cli.admin({"demo", "--contacts", "300", "--seed", "7"}));
    REQUIRE(demo.exitCode == 0);
    CHECK(demo.json()["contacts"] == 300);
    CHECK(demo.json()["people"].get<int>() < 300); // children come back: repeat contacts
    const auto listed = test::runCli(cli.args({"contact", "list", "--limit", "300"}));
    REQUIRE(listed.exitCode == 0);
    std::set<std::string> sources;
    int siblings = 0, unborn = 0;
    const auto listedJson = listed.json();
    for (const auto& contact : listedJson["contacts"]) {
        sources.insert(contact["source"].get<std::string>());
        siblings += contact["children"].size() > 1 ? 1 : 0;
        for (const auto& name : contact["children"])
            unborn += name.get<std::string>().rfind("Unborn", 0) == 0 ? 1 : 0;
    }
    CHECK(sources.size() >= 10);
    CHECK(siblings > 30);
    CHECK(unborn > 0);
    const auto rebuilt = test::runCli(cli.admin({"rebuild"}));
    CHECK(rebuilt.json()["identical"] == true);
}

TEST_CASE("cli: nobody reads or writes without signing in", "[cli][users]") {
    SECTION("a new database asks for its first administrator") {
        CliDb empty(false);
        const auto result = test::runCli(empty.args({"contact", "list"}));
        CHECK(result.exitCode == 3);
        CHECK_THAT(result.err, Catch::Contains("no users yet"));
    }
    SECTION("a wrong PIN is refused without saying whether the user exists") {
        CliDb cli;
        const auto wrong = test::runCli(cli.asUser("sam.screener", "9999", {"contact", "list"}));
        const auto unknown = test::runCli(cli.asUser("nobody", "9999", {"contact", "list"}));
        CHECK(wrong.exitCode == 3);
        CHECK(wrong.err == unknown.err);
    }
    SECTION("a demo database on a new file comes with its demo users") {
        CliDb empty(false);
        REQUIRE(test::runCli(empty.args({"demo", "--contacts", "20"})).exitCode == 0);
        CHECK(test::runCli(empty.asUser("mo.manager", "2222", {"contact", "list"})).exitCode == 0);
    }
}
