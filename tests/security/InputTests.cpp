// Issue 10, points 8-11 and 13: input that crashed the program, was misreported as an internal failure,
// or was accepted although wrong. Commands that refuse their input before anyone signs in run through
// the CLI in-process; checks that need a signed-in user call the service the command calls.
#include "TestSupport.h"

#include "contacts/Contact.h"
#include "contacts/ContactService.h"
#include "util/Errors.h"
#include "util/JsonInput.h"
#include "util/Text.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/StrategyDiscussions.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>

using namespace frontdoor;
using Catch::Contains;

namespace {

using test::kScreener;
using test::kManager;
using test::kEdt;

// The field the first problem of a refused CLI command names.
std::string firstField(const test::CliResult& result) {
    INFO(result.err);
    const auto error = result.errorJson();
    REQUIRE(error["error"].contains("fields"));
    return error["error"]["fields"][0]["field"];
}

std::string deeplyNested(size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

core::ValidationError validationErrorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const core::ValidationError& e) {
        return e;
    }
    FAIL("expected a ValidationError");
    throw std::logic_error("unreachable");
}

struct StrategyContact {
    test::TestWorkspace t;
    std::string id = core::ContactService(*t.ws).record(kScreener, test::sampleContact()).contactId;
    core::ContactWorkflow workflow{*t.ws};

    void recommend() {
        workflow.startScreening(kScreener, id);
        workflow.recommend(kScreener, id,
                           {{"indicators", {"ABUSE_DISCLOSURE"}}, {"level", 4}, {"outcome", "strategy_discussion"},
                            {"rag", "red"}, {"recommendation", "Strategy discussion today: John disclosed harm."}});
    }
    static core::Json direction(const std::string& byWhen) {
        return {{"case_direction", {{"what", "Strategy discussion"}, {"by_whom", "Mo Manager"}, {"by_when", byWhen}}}};
    }
    static core::Json invitees() {
        return core::Json::parse(R"([{"agency": "police", "name": "PC Ada Ferrow"},
            {"agency": "health", "name": "Nurse Bel Okafor"},
            {"agency": "childrens_social_care", "name": "Cal Rennet", "role": "social_worker"},
            {"agency": "childrens_social_care", "name": "Dot Yarrow", "role": "manager"}])");
    }
};

} // namespace

TEST_CASE("input 8: ill-formed UTF-8 in JSON input is a validation error naming the field, not an abort",
          "[security][input]") {
    const auto result = test::runCli({"rules", "validate"}, "{\"a\":\"\xff\"}");
    CHECK(result.exitCode == 2);
    CHECK(firstField(result) == "a");
    CHECK_THAT(result.err, Contains("UTF-8"));
    // Inside a contact, the path says where.
    auto contact = test::sampleContact().dump();
    contact.replace(contact.find("Kerry"), 5, "K\xc3\x28rry");
    const auto recorded = test::runCli({"contact", "record"}, contact);
    CHECK(recorded.exitCode == 2);
    CHECK(firstField(recorded) == "adults[0].given_name");
}

TEST_CASE("input 8: ill-formed UTF-8 on the command line is a validation error naming the argument",
          "[security][input]") {
    const auto command = test::runCli({"\xff"});
    CHECK(command.exitCode == 2);
    CHECK(firstField(command) == "argument 1");
    const auto id = test::runCli({"contact", "show", "id\xff"});
    CHECK(id.exitCode == 2);
    CHECK(firstField(id) == "argument 3");
    const auto option = test::runCli({"contact", "list", "--status", "\xc3\x28"});
    CHECK(option.exitCode == 2);
    CHECK(firstField(option) == "--status");
    const auto equals = test::runCli({"contact", "list", "--status=\xed\xa0\x80"});
    CHECK(equals.exitCode == 2);
    CHECK(firstField(equals) == "--status");
    // Whatever is refused, what is printed is JSON a script can read.
    CHECK_NOTHROW(core::Json::parse(id.err));
}

TEST_CASE("input 9: deep nesting is refused at a depth limit, not a stack overflow", "[security][input]") {
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"screen", "--json", "-"}, {"recommend", "01900000-0000-7000-8000-000000000000"},
          {"draft", "save"}, {"form-draft", "save", "01900000-0000-7000-8000-000000000000", "--form", "screening"},
          {"rules", "validate"}, {"contact", "record"}}) {
        INFO(command[0]);
        const auto result = test::runCli(command, "{\"indicators\": " + deeplyNested(100000) + "}");
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.err, Contains("nested more than 64 levels"));
    }
    // Up to the limit is fine for the parser (the fields then say what they expect).
    CHECK_NOTHROW(core::parseJsonInput(deeplyNested(64), "test"));
    CHECK_THROWS_AS(core::parseJsonInput(deeplyNested(65), "test"), core::ValidationError);
}

TEST_CASE("input 10: 1e400, years outside 1400-9999 and a bare number are invalid input (exit 2), not internal",
          "[security][input]") {
    const auto huge = test::runCli({"rules", "validate"}, "{\"version\": 1e400}");
    CHECK(huge.exitCode == 2);
    CHECK(firstField(huge) == "version");
    const auto year0 = test::runCli({"deadline", "decision", "--from", "0000-01-01T00:00:00Z"});
    CHECK(year0.exitCode == 2);
    CHECK(firstField(year0) == "--from");
    const auto year9999 = test::runCli({"deadline", "assessment", "--from", "9999-12-31T00:00:00Z"});
    CHECK(year9999.exitCode == 2);
    CHECK(firstField(year9999) == "--from");
    CHECK_FALSE(core::parseDate("1399-12-31"));
    CHECK(core::parseDate("1400-01-01"));
    CHECK_FALSE(core::parseInstant("9999-12-31T23:00:00-05:00")); // the year 10000 in UTC

    test::TestWorkspace t;
    core::ContactWorkflow workflow(*t.ws);
    const auto bare = validationErrorOf([&] { workflow.recordOutOfHours(kEdt, core::Json(42)); });
    CHECK(bare.hasErrorFor("(input)"));
    const auto noHandover =
        validationErrorOf([&] { workflow.recordOutOfHours(kEdt, core::Json{{"contact", test::sampleContact()}}); });
    CHECK(noHandover.hasErrorFor("handover"));
}

TEST_CASE("input 11: free text is bounded, and an error quotes only a short excerpt of a bad value",
          "[security][input]") {
    SECTION("a recommendation of 10 MB, or of 30,000 characters, is refused and nothing is recorded") {
        StrategyContact c;
        c.workflow.startScreening(kScreener, c.id);
        const auto facts = c.t.ws->facts().count();
        core::Json input{{"indicators", {"ABUSE_DISCLOSURE"}}, {"level", 4}, {"outcome", "strategy_discussion"},
                         {"rag", "red"}, {"recommendation", std::string(10'000'000, 'x')}};
        CHECK_THROWS_AS(core::parseJsonInput(input.dump(), "standard input"), core::ValidationError);
        input["recommendation"] = std::string(30'000, 'x');
        const auto error = validationErrorOf([&] { c.workflow.recommend(kScreener, c.id, input); });
        CHECK(error.hasErrorFor("recommendation"));
        CHECK(c.t.ws->facts().count() == facts);
        CHECK(c.workflow.state(c.id)["status"] == "in_screening");
    }
    SECTION("a reason or a note given as an option is bounded too") {
        StrategyContact c;
        c.recommend();
        CHECK(validationErrorOf([&] { c.workflow.returnForEdits(kManager, c.id, std::string(6000, 'r')); })
                  .hasErrorFor("reason"));
    }
    SECTION("an error about a long channel is short and says it once") {
        auto contact = test::sampleContact();
        contact["channel"] = std::string(1'000'000, 'p');
        const auto error = validationErrorOf([&] { core::readContact(contact, test::testNow()); });
        REQUIRE(error.errors().size() == 1);
        CHECK(error.errors()[0].field == "channel");
        CHECK(std::string(error.what()).size() < 200);
        contact["channel"] = "telepathy-" + std::string(500, 'q');
        const auto notOne = validationErrorOf([&] { core::readContact(contact, test::testNow()); });
        CHECK(std::string(notOne.what()).size() < 300);
        CHECK_THAT(notOne.what(), Contains("(510 characters)"));
    }
    SECTION("the CLI's own messages quote excerpts") {
        const auto result = test::runCli({"deadline", "decision", "--from", std::string(15000, '9')});
        CHECK(result.exitCode == 2);
        CHECK(result.err.size() < 1000);
        CHECK(core::excerpt(std::string(100, 'a')).size() < 100);
        CHECK(core::isValidUtf8(core::excerpt("ab\xff\xc3", 60)));
    }
}

TEST_CASE("input 13: dates are bounded to what makes sense for each field", "[security][input]") {
    SECTION("an adult born 0000-01-01, or 150 years ago") {
        auto contact = test::sampleContact();
        contact["adults"][0]["date_of_birth"] = "0000-01-01";
        CHECK(validationErrorOf([&] { core::readContact(contact, test::testNow()); }).hasErrorFor("adults[0].date_of_birth"));
        contact["adults"][0]["date_of_birth"] = "1876-01-01";
        CHECK(validationErrorOf([&] { core::readContact(contact, test::testNow()); }).hasErrorFor("adults[0].date_of_birth"));
        contact["adults"][0]["date_of_birth"] = "1950-01-01";
        CHECK_NOTHROW(core::readContact(contact, test::testNow()));
    }
    SECTION("a contact received in 1900") {
        auto contact = test::sampleContact();
        contact["received_at"] = "1900-01-01T10:00:00Z";
        CHECK(validationErrorOf([&] { core::readContact(contact, test::testNow()); }).hasErrorFor("received_at"));
    }
    SECTION("a case direction by 9999-12-31, a strategy discussion then, an action due then") {
        StrategyContact c;
        c.recommend();
        CHECK(validationErrorOf([&] { c.workflow.signOff(kManager, c.id, StrategyContact::direction("9999-12-31")); })
                  .hasErrorFor("case_direction.by_when"));
        c.workflow.signOff(kManager, c.id, StrategyContact::direction("2026-11-24"));
        core::StrategyDiscussions strategy(*c.t.ws);
        core::Json schedule{{"scheduled_for", "9999-12-31T10:00:00Z"}, {"location", "Teams"},
                            {"invitees", StrategyContact::invitees()}};
        CHECK(validationErrorOf([&] { strategy.schedule(kManager, c.id, schedule); }).hasErrorFor("scheduled_for"));
        schedule["scheduled_for"] = "2026-11-23T14:00:00Z";
        strategy.schedule(kManager, c.id, schedule);
        strategy.recordHeld(kManager, c.id,
                            {{"held_at", "2026-11-23T10:00:00Z"}, {"attendees", StrategyContact::invitees()},
                             {"agency_information", {{{"agency", "police"}, {"information", "Known to police."}}}}});
        auto outcome = core::Json::parse(R"({"at_risk": [{"name": "John Smith"}],
            "immediate_safety_actions": "Safety plan agreed.", "s47_decision": "single_agency",
            "medical_examination": {"required": false}, "family_told": {"what": "Section 47 enquiry", "when": "today"},
            "actions": [{"action": "Home visit", "owner": "Cal Rennet", "agency": "childrens_social_care",
                         "due": "9999-12-31"}]})");
        CHECK(validationErrorOf([&] { strategy.recordOutcome(kManager, c.id, outcome); }).hasErrorFor("actions[0].due"));
        outcome["actions"][0]["due"] = "2027-03-01";
        CHECK_NOTHROW(strategy.recordOutcome(kManager, c.id, outcome));
    }
}

TEST_CASE("input 13: duplicate keys and bytes after the document are refused", "[security][input]") {
    auto contact = test::sampleContact().dump();
    const std::string duplicated = "{\"channel\": \"email\", " + contact.substr(1);
    const auto twice = test::runCli({"contact", "record"}, duplicated);
    CHECK(twice.exitCode == 2);
    CHECK(firstField(twice) == "channel");
    CHECK_THAT(twice.err, Contains("twice"));
    const auto nested = test::runCli({"rules", "validate"}, R"({"levels": [{"level": 1, "label": "a", "level": 2}]})");
    CHECK(firstField(nested) == "levels[0].level");
    const auto trailing = test::runCli({"contact", "record"}, contact + "\n{\"concern\": \"second\"}");
    CHECK(trailing.exitCode == 2);
    CHECK_THAT(trailing.err, Contains("after the end of the JSON document"));
    CHECK_THROWS_AS(core::parseJsonInput("{} x", "test"), core::ValidationError);
    CHECK_THROWS_AS(core::parseJsonInput(std::string("{}\0", 3), "test"), core::ValidationError);
    CHECK_THROWS_AS(core::parseJsonInput("{\"a\": \"x\\u0000y\"}", "test"), core::ValidationError);
    CHECK_NOTHROW(core::parseJsonInput("{}\n", "test"));
}

TEST_CASE("input 13: calendar settings' own output is accepted as a --settings file", "[security][input]") {
    test::ScratchFolder folder;
    const auto shown = test::runCli({"calendar", "settings"});
    REQUIRE(shown.exitCode == 0);
    std::ofstream(folder.file("settings.json")) << shown.out;
    const auto again = test::runCli({"calendar", "settings", "--settings", folder.file("settings.json")});
    INFO(again.err);
    CHECK(again.exitCode == 0);
    CHECK(again.out == shown.out);
}
