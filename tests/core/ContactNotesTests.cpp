// Notes on a contact (issue 19 point 7): after recording, the EDT worker (or anyone working on the
// contact) can still add what came to light; a fact, in the timeline and the state, marked when it came
// after the out-of-hours handover.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "rules/ScreeningDecisionService.h"
#include "util/Errors.h"
#include "workflow/ContactWorkflow.h"

#include <catch2/catch.hpp>

#include <string>

using namespace frontdoor;
using Catch::Contains;

namespace {

using test::kScreener;
using test::kManager;
using test::kEdt;
using test::kAuditor;
using test::kAdmin;

const std::string kMotherHome = "Mother came home at 05:00; Ruby is with her and asleep.";

// Ruby Ashdown (made up), reported by the police on a Sunday night and recorded by the EDT.
core::Json edtContact() {
    return {{"received_at", "2026-11-22T02:00:00Z"},
            {"channel", "police_notification"},
            {"source", "6"},
            {"referrer", {{"name", "PC Imogen Vale"}, {"agency", "Police (public protection unit)"}, {"role", "Officer"}}},
            {"children", {{{"given_name", "Ruby"}, {"family_name", "Ashdown"}, {"date_of_birth", "2018-06-14"},
                           {"voice", "Ruby said she wanted her mum."}}}},
            {"concern", "Ruby found alone at home at 01:30; mother not reachable by phone."},
            {"consent", {{"status", "not_sought"}, {"basis_without_consent", "Risk of significant harm tonight."}}}};
}

core::Json handover() {
    return {{"already_done", "Police stayed with Ruby; neighbour looking after her."},
            {"handover_note", "Find the mother and screen in the morning."}};
}

struct Desk {
    test::TestWorkspace t;
    core::ContactWorkflow workflow{*t.ws};

    void at(const std::string& iso) { t.clock.set(test::at(iso)); }
    std::string recordOutOfHours() {
        at("2026-11-22T02:40:00Z");
        return workflow.recordOutOfHours(kEdt, edtContact(), handover()).contactId;
    }
    std::vector<std::string> descriptions(const std::string& id) {
        std::vector<std::string> lines;
        for (const auto& entry : core::ContactService(*t.ws).timeline(id))
            lines.push_back(entry.description);
        return lines;
    }
};

} // namespace

TEST_CASE("notes: the EDT worker adds a note after recording; it is in the state and the timeline, after the "
          "handover",
          "[workflow][notes]") {
    Desk d;
    const std::string id = d.recordOutOfHours();
    CHECK(d.workflow.state(id)["notes"].empty());

    d.at("2026-11-22T05:05:00Z");
    d.workflow.addNote(kEdt, id, "  " + kMotherHome + "  ");
    const auto notes = d.workflow.state(id)["notes"];
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["by"] == "eve.edt");
    CHECK(notes[0]["role"] == "edt_worker");
    CHECK(notes[0]["at"] == "2026-11-22T05:05:00.000Z");
    CHECK(notes[0]["text"] == kMotherHome); // trimmed
    CHECK(notes[0]["after_handover"] == true);
    CHECK(notes[0]["after_acknowledgement"] == false);
    CHECK(d.descriptions(id).back() == "Note: " + kMotherHome);
    CHECK(d.workflow.state(id)["status"] == "recorded"); // a note changes no status

    SECTION("a note after the day team acknowledged the handover says so") {
        d.at("2026-11-23T09:10:00Z");
        d.workflow.acknowledgeHandover(kManager, id, "Read.");
        d.workflow.addNote(kScreener, id, "Rang the mother: she was at A&E with her own mother.");
        const auto both = d.workflow.state(id)["notes"];
        REQUIRE(both.size() == 2);
        CHECK(both[0]["after_acknowledgement"] == false);
        CHECK(both[1]["by"] == "sam.screener");
        CHECK(both[1]["after_handover"] == true);
        CHECK(both[1]["after_acknowledgement"] == true);
    }
}

TEST_CASE("notes: a day-team contact's note is not 'after the handover'", "[workflow][notes]") {
    Desk d;
    const std::string id = core::ContactService(*d.t.ws).record(kScreener, test::sampleContact()).contactId;
    d.workflow.addNote(kManager, id, "School rang back: John is in today.");
    const auto notes = d.workflow.state(id)["notes"];
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["role"] == "duty_manager");
    CHECK(notes[0]["after_handover"] == false);
}

TEST_CASE("notes: who may add one, and how long it may be", "[workflow][notes]") {
    Desk d;
    const std::string id = d.recordOutOfHours();
    CHECK_THROWS_AS(d.workflow.addNote(kAuditor, id, kMotherHome), core::ForbiddenError);
    CHECK_THROWS_AS(d.workflow.addNote(kAdmin, id, kMotherHome), core::ForbiddenError);
    CHECK_THROWS_WITH(d.workflow.addNote(kEdt, id, "   "), Contains("text"));
    CHECK_THROWS_AS(d.workflow.addNote(kEdt, id, ""), core::ValidationError);
    CHECK_THROWS_WITH(d.workflow.addNote(kEdt, id, std::string(5001, 'x')), Contains("text"));
    CHECK_THROWS_AS(d.workflow.addNote(kEdt, "no-such-contact", kMotherHome), core::NotFoundError);
    CHECK(d.workflow.state(id)["notes"].empty()); // nothing refused was saved
    d.workflow.addNote(kEdt, id, std::string(5000, 'x'));
    CHECK(d.workflow.state(id)["notes"].size() == 1);
}

TEST_CASE("cli: contact note adds a note and prints the state; refusals have their exit codes", "[cli][notes]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("notes.sqlite");
    std::string id;
    {
        core::FixedClock clock(test::at("2026-11-22T02:40:00Z"));
        auto ws = core::Workspace::create(db, clock, core::DatabaseMode::Training);
        test::addTestUsers(*ws);
        id = core::ContactWorkflow(*ws).recordOutOfHours(kEdt, edtContact(), handover()).contactId;
    }
    const auto as = [&](const std::string& user, std::vector<std::string> words) {
        words.insert(words.end(),
                     {"--db", db, "--now", "2026-11-22T05:05:00Z", "--user", user, "--secret", test::kTestPin});
        return words;
    };
    const auto added = test::runCli(as("eve.edt", {"contact", "note", id, "--text", kMotherHome}));
    REQUIRE(added.exitCode == 0);
    REQUIRE(added.json()["notes"].size() == 1);
    CHECK(added.json()["notes"][0]["text"] == kMotherHome);
    CHECK(added.json()["notes"][0]["after_handover"] == true);

    const auto shown = test::runCli(as("eve.edt", {"contact", "show", id}));
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.json()["timeline"].back()["what"] == "Note: " + kMotherHome);

    const auto empty = test::runCli(as("eve.edt", {"contact", "note", id}));
    CHECK(empty.exitCode == 2);
    CHECK_THAT(empty.err, Contains("text"));
    const auto auditor = test::runCli(as("aud.auditor", {"contact", "note", id, "--text", kMotherHome}));
    CHECK(auditor.exitCode == 3);
}

TEST_CASE("notes: a closed contact takes no more notes", "[workflow][notes]") {
    Desk d;
    const std::string id = core::ContactService(*d.t.ws).record(kScreener, test::sampleContact()).contactId;
    d.workflow.startScreening(kScreener, id);
    const std::vector<std::string> indicators{"PERSISTENT_ABSENCE"};
    const auto suggestion =
        core::ScreeningDecisionService(*d.t.ws).screenRecorded(id, {{"indicators", indicators}}).toJson();
    d.workflow.recommend(kScreener, id,
                         {{"indicators", indicators},
                          {"level", suggestion["level"]},
                          {"outcome", suggestion["outcome"]},
                          {"rag", suggestion["rag"]},
                          {"recommendation", "As the threshold guidance suggests."}});
    d.workflow.addNote(kScreener, id, "The school confirmed attendance is improving.");
    d.workflow.signOff(kManager, id,
                       {{"case_direction", {{"what", "Early help offer"}, {"by_whom", "Sam Screener"},
                                            {"by_when", "2026-12-04"}}}});
    d.workflow.informReferrer(kScreener, id, {{"how", "phone"}});
    d.workflow.addNote(kManager, id, "Decided and the school told; closing.");
    d.workflow.close(kScreener, id, "");
    CHECK_THROWS_WITH(d.workflow.addNote(kScreener, id, "One more thing."), Contains("closed"));
    CHECK_THROWS_AS(d.workflow.addNote(kScreener, id, "One more thing."), core::ConflictError);
    CHECK(d.workflow.state(id)["notes"].size() == 2);
}
