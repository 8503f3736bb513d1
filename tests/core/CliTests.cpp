// frontdoor-cli end to end, in-process: JSON in and out, errors on stderr, exit codes.
#include "TestSupport.h"

#include "demo/DemoData.h"

#include <catch2/catch.hpp>

#include <set>

using namespace frontdoor;

namespace {

// A training database (so --now is allowed) with the test team (TestSupport.h), every PIN test::kTestPin.
struct CliDb {
    test::ScratchFolder folder;
    std::string db = folder.file("cli.sqlite");

    explicit CliDb(bool withUsers = true, core::DatabaseMode mode = core::DatabaseMode::Training) {
        core::FixedClock clock(test::testNow());
        auto ws = core::Workspace::create(db, clock, mode);
        if (withUsers)
            test::addTestUsers(*ws);
        if (mode == core::DatabaseMode::Demo)
            core::rememberDemoFacts(*ws); // the test team stands in for the demo users
    }
    std::vector<std::string> asUser(const std::string& user, const std::string& secret,
                                    std::vector<std::string> words) const {
        words.insert(words.end(), {"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", user, "--secret", secret});
        return words;
    }
    std::vector<std::string> args(std::vector<std::string> words) const {
        return asUser("sam.screener", test::kTestPin, std::move(words));
    }
    std::vector<std::string> admin(std::vector<std::string> words) const {
        return asUser("ada.admin", test::kTestPin, std::move(words));
    }
    std::vector<std::string> manager(std::vector<std::string> words) const {
        return asUser("mo.manager", test::kTestPin, std::move(words));
    }
};

} // namespace

TEST_CASE("cli: init creates the database at the latest schema", "[cli]") {
    test::ScratchFolder folder;
    const auto result = test::runCli({"init", "--training", "--db", folder.file("new.sqlite")});
    REQUIRE(result.exitCode == 0);
    const auto json = result.json();
    CHECK(json["created"] == true);
    CHECK(json["mode"] == "training");
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
    // The test team (8), a child, the mother (adults are people too), a contact, the two reads (show,
    // history) and the search: reads and searches are logged too.
    CHECK(rebuilt.json()["facts_replayed"] == 14);

    const auto accessLog = test::runCli(cli.args({"contact", "show", contactId, "--access-log"}));
    const auto accessJson = accessLog.json();
    CHECK(accessJson["timeline"].back()["type"] == "record.viewed");
    CHECK(accessJson["timeline"].back()["user"] == "sam.screener");

    const auto text = test::runCli(cli.args({"contact", "show", contactId, "--timeline"}));
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::Contains("John Smith") && Catch::Contains("sam.screener (screener)") &&
                             Catch::Contains("Contact recorded") && Catch::Contains("Mon 23 Nov 2026"));

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
    CliDb cli(true, core::DatabaseMode::Demo);
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
    SECTION("the first administrator of a new database adds themselves, then signs in") {
        CliDb empty(false);
        const auto added = test::runCli({"user", "add", "kim.admin", "--display-name", "Kim Admin", "--roles",
                                         "administrator", "--new-secret", "24681357", "--db", empty.db});
        REQUIRE(added.exitCode == 0);
        CHECK(test::runCli(empty.asUser("kim.admin", "24681357", {"user", "list"})).exitCode == 0);
        const auto second = test::runCli({"user", "add", "lee.screener", "--display-name", "Lee", "--roles", "screener",
                                          "--new-secret", "1357", "--db", empty.db});
        CHECK(second.exitCode == 3); // no longer without signing in
    }
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
        test::ScratchFolder folder;
        const std::string db = folder.file("demo.sqlite");
        REQUIRE(test::runCli({"init", "--demo", "--db", db}).exitCode == 0);
        REQUIRE(test::runCli({"demo", "--contacts", "20", "--db", db, "--now", "2026-11-23T10:00:00Z"}).exitCode == 0);
        CHECK(test::runCli({"contact", "list", "--db", db, "--user", "mo.manager", "--secret", "582936"}).exitCode == 0);
    }
}

TEST_CASE("cli: a whole journey can be scripted", "[cli][workflow]") {
    CliDb cli;
    const auto run = [&](std::vector<std::string> args, const core::Json& input = core::Json()) {
        const auto result = test::runCli(args, input.is_null() ? "" : input.dump());
        INFO(result.err);
        REQUIRE(result.exitCode == 0);
        return result.json();
    };
    auto contact = test::sampleContact();
    contact["received_at"] = "2026-11-23T09:00:00Z";
    const std::string id = run(cli.args({"contact", "record"}), contact)["contact_id"];
    CHECK(run(cli.args({"queue", "awaiting_screening"}))["items"][0]["contact_id"] == id);
    run(cli.args({"screening", "start", id}));
    run(cli.args({"screening", "check", id}), {{"agency", "Police"}, {"person_spoken_to", "PC Ellery"},
                                                {"checked_at", "2026-11-23T09:40:00Z"},
                                                {"shared", "Two domestic incidents this year."}, {"basis", "Safeguarding"}});
    run(cli.args({"screening", "analysis", id}), {{"risks", "Physical harm; DA at home."}, {"strengths", "School vigilant."}});
    const auto screened = run(cli.args({"recommend", id}), {{"indicators", {"ABUSE_DISCLOSURE"}},
                                                             {"level", 4},
                                                             {"outcome", "strategy_discussion"},
                                                             {"rag", "red"},
                                                             {"recommendation", "Strategy discussion today."}});
    CHECK(screened["status"] == "recommended");
    CHECK(test::runCli(cli.args({"signoff", id}), core::Json{{"case_direction", {{"what", "x"}}}}.dump()).exitCode == 3);
    const auto decided = run(cli.manager({"signoff", id}),
                             {{"case_direction", {{"what", "Strategy discussion by 14:00"}, {"by_whom", "Mo Manager"},
                                                  {"by_when", "2026-11-24"}}}});
    CHECK(decided["strategy_discussions"][0]["status"] == "required");
    CHECK(run(cli.manager({"queues"}))["queues"].size() >= 5);
    const auto invitees = run(cli.args({"strategy", "invitees", id}))["invitees"];
    core::Json named = core::Json::array();
    for (auto invitee : invitees) {
        invitee.erase("required");
        invitee.erase("why");
        invitee["name"] = "Named person";
        named.push_back(invitee);
    }
    run(cli.manager({"strategy", "schedule", id}), {{"scheduled_for", "2026-11-23T13:00:00Z"}, {"location", "Teams"},
                                                    {"invitees", named}});
    run(cli.args({"strategy", "held", id}),
        {{"held_at", "2026-11-23T09:55:00Z"}, {"attendees", named},
         {"agency_information", {{{"agency", "police"}, {"information", "Known to police."}}}}});
    const auto outcome = run(cli.args({"strategy", "outcome", id}),
                             {{"at_risk", {{{"name", "John Smith"}}}}, {"immediate_safety_actions", "Safety plan."},
                              {"s47_decision", "single_agency"}, {"medical_examination", {{"required", false}}},
                              {"family_told", {{"what", "Section 47 enquiry"}, {"when", "today"}}},
                              {"actions", {{{"action", "Home visit"}, {"owner", "Sam"}, {"agency", "childrens_social_care"},
                                            {"due", "2026-11-24"}}}}});
    CHECK(outcome["icpc_due"]["due_at"] == "2026-12-14T17:00:00.000Z");
    run(cli.args({"referrer", "told", id}), {{"how", "phone"}});
    CHECK(run(cli.args({"contact", "close", id}))["status"] == "closed");
    const auto text = test::runCli(cli.args({"contact", "show", id, "--timeline"}));
    CHECK_THAT(text.out, Catch::Contains("Signed off") && Catch::Contains("mo.manager (duty_manager)") &&
                             Catch::Contains("Strategy discussion outcome") && Catch::Contains("Contact closed"));
}
