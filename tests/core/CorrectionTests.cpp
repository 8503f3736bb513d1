// Corrections (issue 13 point 1): a recorded contact or a person's details corrected with a reason; the
// earlier version stays, deadlines already fixed do not move (a corrected receipt moves the decision
// deadline and says so), who may correct, and the CLI.
#include "TestSupport.h"

#include "contacts/ContactProjection.h"
#include "contacts/ContactService.h"
#include "people/PersonCorrections.h"
#include "people/PersonProjection.h"
#include "rules/ScreeningDecisionService.h"
#include "util/Errors.h"
#include "workflow/ContactWorkflow.h"

#include <catch2/catch.hpp>

#include <string>

using namespace frontdoor;
using Catch::Contains;

namespace {

using test::kEdt;
using test::kManager;
using test::kScreener;

const std::string kReason = "The referrer rang back: the date of birth was mistyped.";

struct Desk {
    test::TestWorkspace t;
    core::ContactService contacts{*t.ws};
    core::ContactWorkflow workflow{*t.ws};

    void at(const std::string& iso) { t.clock.set(test::at(iso)); }
    core::RecordedContact record(const core::Actor& by = kScreener) { return contacts.record(by, test::sampleContact()); }
    std::string dueAt(const std::string& id, const char* column) {
        return t.ws->db().lookupText(std::string("SELECT ") + column + " FROM contact WHERE id = ?", id).value_or("");
    }
    // The current version with the child's date of birth corrected.
    core::Json withBirthDate(const std::string& id, const std::string& date) {
        core::Json version = contacts.currentVersion(id);
        version["children"][0]["date_of_birth"] = date;
        return version;
    }
    void recommend(const std::string& id) {
        workflow.startScreening(kScreener, id);
        const auto suggestion = core::ScreeningDecisionService(*t.ws)
                                    .screenRecorded(id, {{"indicators", {"PERSISTENT_ABSENCE"}}})
                                    .toJson();
        workflow.recommend(kScreener, id,
                           {{"indicators", {"PERSISTENT_ABSENCE"}},
                            {"level", suggestion["level"]},
                            {"outcome", suggestion["outcome"]},
                            {"rag", suggestion["rag"]},
                            {"recommendation", "Recommend as the threshold guidance suggests, for now."}});
    }
    void decide(const std::string& id) {
        contacts.importOutcome(test::kAdmin, id, "no_further_action", test::at("2026-11-23T09:50:00Z"), "Decided on paper.");
    }
    std::vector<core::TimelineEntry> corrections(const std::string& id) {
        std::vector<core::TimelineEntry> found;
        for (auto& entry : contacts.timeline(id))
            if (entry.type == core::kContactAmended)
                found.push_back(entry);
        return found;
    }
};

} // namespace

TEST_CASE("corrections: a corrected contact keeps both versions, says who and why, and lists the changes",
          "[corrections]") {
    Desk d;
    const auto recorded = d.record();
    const std::string id = recorded.contactId;
    const auto result = d.contacts.amend(kScreener, id, d.withBirthDate(id, "2015-12-03"), kReason);

    REQUIRE(result.changes.size() == 1);
    CHECK(result.changes[0] == core::FieldChange{"children[0].date_of_birth", "Child 1: date of birth", "2015-03-12",
                                                 "2015-12-03"});
    CHECK(d.contacts.show(id)["children"][0]["date_of_birth"] == "2015-12-03");

    // Both versions stay in the log: the recorded one and the correction.
    const auto facts = d.t.ws->facts().factsAbout(id);
    REQUIRE(facts.size() == 2);
    CHECK(facts[0].payload["children"][0]["date_of_birth"] == "2015-03-12");
    CHECK(facts[1].payload["contact"]["children"][0]["date_of_birth"] == "2015-12-03");

    const auto corrections = d.corrections(id);
    REQUIRE(corrections.size() == 1);
    CHECK(corrections[0].description == "Corrected by sam.screener because " + kReason);
    CHECK(corrections[0].changes == result.changes);
    const auto shown = d.contacts.show(id)["timeline"].back();
    CHECK(shown["changes"][0]["before"] == "2015-03-12");
    CHECK(shown["changes"][0]["after"] == "2015-12-03");

    // The linked child's person record carried the same mistake, so it is corrected too, with the reason.
    const auto person = core::loadPerson(d.t.ws->db(), recorded.personIds[0]);
    REQUIRE(person);
    CHECK(core::formatDate(*person->dateOfBirth) == "2015-12-03");
    CHECK(result.correctedPersonIds == recorded.personIds);
    const auto personCorrections = core::PersonCorrections(*d.t.ws).corrections(recorded.personIds[0]);
    REQUIRE(personCorrections.size() == 1);
    CHECK(personCorrections[0]["changes"][0]["before"] == "2015-03-12");
}

TEST_CASE("corrections: deadlines already fixed do not move; a corrected receipt moves the decision deadline",
          "[corrections]") {
    Desk d;
    const std::string id = d.record().contactId;
    d.recommend(id);
    const std::string decisionDue = d.dueAt(id, "decision_due_at");
    const std::string ragDue = d.dueAt(id, "rag_due_at");
    REQUIRE(!decisionDue.empty());
    REQUIRE(!ragDue.empty());

    SECTION("a corrected concern moves nothing") {
        core::Json version = d.contacts.currentVersion(id);
        version["concern"] = "John arrived with a bruise on his left cheek and said his dad hit him.";
        const auto result = d.contacts.amend(kScreener, id, version, "The school sent the exact words by email.");
        CHECK(result.decisionDue.is_null());
        CHECK(d.dueAt(id, "decision_due_at") == decisionDue);
        CHECK(d.dueAt(id, "rag_due_at") == ragDue);
        CHECK_THAT(d.corrections(id)[0].description, !Contains("decision is now due"));
    }
    SECTION("a corrected receipt moves the decision deadline, and says so; the RAG deadline stays") {
        core::Json version = d.contacts.currentVersion(id);
        version["received_at"] = "2026-11-20T15:00:00Z"; // a Friday afternoon: the call came earlier
        const auto result = d.contacts.amend(kScreener, id, version, "The call was logged late; it came on Friday.");
        const auto expected = d.t.ws->deadlines().compute(core::DeadlineKind::Decision, test::at("2026-11-20T15:00:00Z"));
        REQUIRE(!result.decisionDue.is_null());
        CHECK(result.decisionDue["due_at"] == core::formatInstant(expected.due));
        CHECK(d.dueAt(id, "decision_due_at") == core::formatInstant(expected.due));
        CHECK(d.dueAt(id, "decision_due_at") != decisionDue);
        CHECK(d.dueAt(id, "rag_due_at") == ragDue);
        CHECK(d.workflow.state(id)["decision_deadline"]["due_at"] == core::formatInstant(expected.due));
        CHECK_THAT(d.corrections(id)[0].description, Contains("the receipt time changed, so the decision is now due"));
    }
    SECTION("rebuilding gives the same projection") {
        core::Json version = d.contacts.currentVersion(id);
        version["received_at"] = "2026-11-20T15:00:00Z";
        d.contacts.amend(kScreener, id, version, "The call was logged late; it came on Friday.");
        const auto person = d.contacts.currentVersion(id)["children"][0]["id"].get<std::string>();
        core::PersonCorrections(*d.t.ws).amend(kScreener, person, {{"given_name", "Jon"}}, "Jon is how his birth certificate spells it.");
        const auto digest = d.t.ws->facts().projectionDigest();
        d.t.ws->facts().rebuildProjection();
        CHECK(d.t.ws->facts().projectionDigest() == digest);
        CHECK(d.dueAt(id, "rag_due_at") == ragDue);
    }
}

TEST_CASE("corrections: the recorder or a duty manager; once decided, only a duty manager", "[corrections]") {
    Desk d;
    const auto recorded = d.record();
    const std::string id = recorded.contactId;
    const std::string person = recorded.personIds[0];
    const core::Actor jo{"jo.screener", "screener"};

    CHECK_THROWS_AS(d.contacts.amend(jo, id, d.withBirthDate(id, "2015-12-03"), kReason), core::ForbiddenError);
    CHECK_THROWS_AS(d.contacts.amend(test::kAuditor, id, d.withBirthDate(id, "2015-12-03"), kReason),
                    core::ForbiddenError);
    CHECK_THROWS_AS(core::PersonCorrections(*d.t.ws).amend(jo, person, {{"sex", "F"}}, kReason), core::ForbiddenError);
    CHECK(d.t.ws->facts().factsAbout(id).size() == 1);

    d.decide(id);
    CHECK_THROWS_WITH(d.contacts.amend(kScreener, id, d.withBirthDate(id, "2015-12-03"), kReason),
                      Contains("decided needs the duty manager role"));
    CHECK_THROWS_AS(core::PersonCorrections(*d.t.ws).amend(kScreener, person, {{"sex", "F"}}, kReason),
                    core::ForbiddenError);
    CHECK(!d.contacts.mayAmend(kScreener, id));
    CHECK(d.contacts.mayAmend(kManager, id));

    d.contacts.amend(kManager, id, d.withBirthDate(id, "2015-12-03"), kReason);
    CHECK(d.corrections(id).size() == 1);
    CHECK(d.corrections(id)[0].user == "mo.manager");
    const auto amended = core::PersonCorrections(*d.t.ws).amend(kManager, person, {{"sex", "F"}}, "Recorded as male by mistake on the call.");
    CHECK(amended.person.sex == "F");
}

TEST_CASE("corrections: nothing to correct, a reason, and bad input named by field", "[corrections]") {
    Desk d;
    const auto recorded = d.record();
    const std::string id = recorded.contactId;
    const std::string person = recorded.personIds[0];
    core::PersonCorrections people(*d.t.ws);
    const auto factCount = d.t.ws->facts().count();

    const auto refusal = [](auto&& call) -> core::ValidationError {
        try {
            call();
        } catch (const core::ValidationError& error) {
            return error;
        }
        FAIL("no ValidationError");
        return core::ValidationError("", "");
    };
    CHECK_THAT(refusal([&] { d.contacts.amend(kScreener, id, d.contacts.currentVersion(id), kReason); }).what(),
               Contains("nothing to correct"));
    CHECK_THAT(refusal([&] { people.amend(kScreener, person, {{"date_of_birth", "2015-03-12"}}, kReason); }).what(),
               Contains("nothing to correct"));
    CHECK(refusal([&] { d.contacts.amend(kScreener, id, d.withBirthDate(id, "2015-12-03"), "typo"); })
              .hasErrorFor("reason"));
    CHECK(refusal([&] { d.contacts.amend(kScreener, id, d.withBirthDate(id, "2015-12-03"), "          "); })
              .hasErrorFor("reason"));
    CHECK(refusal([&] { d.contacts.amend(kScreener, id, d.withBirthDate(id, "2015-13-45"), kReason); })
              .hasErrorFor("children[0].date_of_birth"));
    CHECK(refusal([&] { d.contacts.amend(kScreener, id, d.withBirthDate(id, "2027-01-01"), kReason); })
              .hasErrorFor("children[0].date_of_birth"));
    CHECK(refusal([&] { people.amend(kScreener, person, {{"postcode", "not a postcode"}}, kReason); })
              .hasErrorFor("postcode"));
    CHECK(refusal([&] { people.amend(kScreener, person, {{"shoe_size", "4"}}, kReason); }).hasErrorFor("shoe_size"));
    CHECK(refusal([&] { people.amend(kScreener, person, {{"id", "someone-else"}}, kReason); }).hasErrorFor("id"));
    CHECK(d.t.ws->facts().count() == factCount); // a refused correction writes nothing
}

TEST_CASE("corrections: a person's new name keeps the old one as a previous name, and search still finds it",
          "[corrections]") {
    Desk d;
    const std::string person = d.record().personIds[0];
    const auto result = core::PersonCorrections(*d.t.ws).amend(
        kScreener, person, {{"family_name", "Smyth"}, {"postcode", "wa7 1aa"}}, "Mother confirmed the spelling and the new address.");
    CHECK(result.person.familyName == "Smyth");
    CHECK(result.person.postcode == "WA7 1AA");
    REQUIRE(result.person.previousNames.size() == 1);
    CHECK(result.person.previousNames[0] == core::PersonName{"John", "Smith"});
    CHECK(result.changes.size() == 4); // family name, postcode, previous name given and family
    const auto loaded = core::loadPerson(d.t.ws->db(), person);
    REQUIRE(loaded);
    CHECK(loaded->familyName == "Smyth");
    CHECK(loaded->previousNames == result.person.previousNames);
    CHECK_THAT(core::personIndexText(*loaded).names, Contains("smith"));
}

TEST_CASE("corrections: contact amend and person amend from the CLI", "[corrections][cli]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("cli.sqlite");
    {
        core::FixedClock clock(test::testNow());
        auto ws = core::Workspace::create(db, clock, core::DatabaseMode::Training);
        test::addTestUsers(*ws);
    }
    const auto as = [&](const std::string& user, std::vector<std::string> words) {
        words.insert(words.end(), {"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", user, "--secret", test::kTestPin});
        return words;
    };
    const auto recorded = test::runCli(as("sam.screener", {"contact", "record"}), test::sampleContact().dump()).json();
    const std::string id = recorded["contact_id"];
    const std::string person = recorded["person_ids"][0];

    SECTION("a partial contact is merged over the current one") {
        const auto result = test::runCli(as("sam.screener", {"contact", "amend", id, "--reason", "The call was logged late."}),
                                         R"({"received_at": "2026-11-23T08:30:00Z"})");
        REQUIRE(result.exitCode == 0);
        const auto json = result.json();
        CHECK(json["contact"]["received_at"] == "2026-11-23T08:30:00.000Z");
        CHECK(json["contact"]["children"][0]["id"] == person);
        CHECK(json["changes"][0]["field"] == "received_at");
        CHECK(json.contains("decision_due"));
        const auto shown = test::runCli(as("sam.screener", {"contact", "show", id, "--timeline"}));
        CHECK_THAT(shown.out, Contains("Corrected by sam.screener because The call was logged late."));
    }
    SECTION("no reason, exit 2 naming it") {
        const auto result = test::runCli(as("sam.screener", {"contact", "amend", id}), R"({"concern": "Different words."})");
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.err, Contains("reason"));
    }
    SECTION("recorded_by cannot be amended") {
        const auto result = test::runCli(as("sam.screener", {"contact", "amend", id, "--reason", "Someone else took it."}),
                                         R"({"recorded_by": "jo.screener"})");
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.err, Contains("recorded_by"));
    }
    SECTION("person amend changes only the fields given") {
        const auto result = test::runCli(
            as("sam.screener", {"person", "amend", person, "--reason", "Mother gave the right date of birth."}),
            R"({"date_of_birth": "2015-12-03"})");
        REQUIRE(result.exitCode == 0);
        const auto json = result.json();
        CHECK(json["person"]["date_of_birth"] == "2015-12-03");
        CHECK(json["person"]["family_name"] == "Smith");
        REQUIRE(json["changes"].size() == 1);
        CHECK(json["changes"][0]["label"] == "Date of birth");
        CHECK(test::runCli(as("jo.screener", {"person", "amend", person, "--reason", "Mother gave the right date."}),
                           R"({"sex": "F"})")
                  .exitCode == 3);
    }
}
