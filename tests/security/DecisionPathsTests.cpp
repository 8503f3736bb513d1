// Issue 10, point 2: every path that decides or changes a contact's decision goes through the same
// checks: the role, the contact's state, and four eyes (the duty manager who decides is not the one who
// recommended). docs/security.md lists the paths; each has a case here. The review's reproduction:
// a duty manager refused at sign-off for their own recommendation decided it anyway with
// `contact outcome X --outcome no_further_action --decided-at 1900-01-01T00:00:00Z`, and an
// administrator could overwrite a decision the same way.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "rules/ScreeningDecisionService.h"
#include "util/Errors.h"
#include "workflow/ContactWorkflow.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using Catch::Contains;

namespace {

using test::kScreener;
using test::kManager;
using test::kOtherManager;
using test::kEdt;
using test::kAdmin;
using test::kAuditor;

struct Desk {
    test::TestWorkspace t;
    core::ContactWorkflow workflow{*t.ws};
    core::ContactService contacts{*t.ws};

    std::string recorded() { return contacts.record(kScreener, test::sampleContact()).contactId; }

    core::Json recommendation(const std::string& contactId) {
        const auto suggestion = core::ScreeningDecisionService(*t.ws)
                                    .screenRecorded(contactId, {{"indicators", {"ABUSE_DISCLOSURE"}}})
                                    .toJson();
        return {{"indicators", {"ABUSE_DISCLOSURE"}},
                {"level", suggestion["level"]},
                {"outcome", suggestion["outcome"]},
                {"rag", suggestion["rag"]},
                {"recommendation", "Recommend what the threshold guidance suggests, for the reasons recorded."}};
    }

    // A contact recommended by `by`, waiting for a duty manager's sign-off.
    std::string recommended(const core::Actor& by = kManager) {
        const std::string id = recorded();
        workflow.startScreening(by, id);
        workflow.recommend(by, id, recommendation(id));
        return id;
    }

    std::string decided() {
        const std::string id = recommended(kScreener);
        workflow.signOff(kManager, id, direction());
        return id;
    }

    static core::Json direction() {
        return {{"case_direction", {{"what", "Allocate for assessment"}, {"by_whom", "Sam Screener"},
                                    {"by_when", "2026-12-04"}}}};
    }

    std::string status(const std::string& id) { return workflow.state(id)["status"]; }
    int64_t facts() { return t.ws->facts().count(); }
};

} // namespace

TEST_CASE("contact outcome cannot decide a contact in the workflow, for anyone", "[security][four-eyes]") {
    Desk desk;
    const std::string own = desk.recommended(kManager);
    // The review: the recommender is refused at sign-off...
    CHECK_THROWS_AS(desk.workflow.signOff(kManager, own, Desk::direction()), core::ForbiddenError);
    const auto before = desk.facts();
    // ...and decided it anyway through the import path, dated 1900.
    CHECK_THROWS_AS(desk.contacts.importOutcome(kManager, own, "no_further_action",
                                                test::at("1900-01-01T00:00:00Z"), ""),
                    core::ForbiddenError);
    // An administrator cannot decide a contact in the workflow either, nor overwrite a decision.
    CHECK_THROWS_WITH(desk.contacts.importOutcome(kAdmin, own, "no_further_action", test::testNow(), ""),
                      Contains("not entered the workflow"));
    const std::string decided = desk.decided();
    const auto afterSignOff = desk.facts();
    CHECK_THROWS_AS(desk.contacts.importOutcome(kAdmin, decided, "no_further_action", test::testNow(), ""),
                    core::ConflictError);
    CHECK(desk.facts() == afterSignOff);
    CHECK(desk.status(own) == "recommended");
    CHECK(desk.workflow.state(decided)["decision"]["outcome"] != "no_further_action");
    CHECK(afterSignOff > before); // the sign-off itself was recorded; the refusals added nothing
}

TEST_CASE("importing history is an administrator's, with a sane date, and marked as imported", "[security]") {
    Desk desk;
    const std::string id = desk.recorded(); // received 2026-11-23T09:15Z, not yet screened
    const auto before = desk.facts();
    for (const auto& who : {kScreener, kManager, kEdt, kAuditor})
        CHECK_THROWS_AS(desk.contacts.importOutcome(who, id, "early_help", test::testNow(), ""), core::ForbiddenError);
    SECTION("before the contact was received") {
        CHECK_THROWS_WITH(desk.contacts.importOutcome(kAdmin, id, "early_help", test::at("1900-01-01T00:00:00Z"), ""),
                          Contains("before the contact was received"));
    }
    SECTION("in the future") {
        // Said in words a person reads, in UK time, not as an ISO instant.
        CHECK_THROWS_WITH(desk.contacts.importOutcome(kAdmin, id, "early_help", test::at("2031-01-01T00:00:00Z"), ""),
                          Contains("00:00 Wed 1 Jan 2031 (UK time) is in the future"));
    }
    SECTION("an outcome that does not exist, named without echoing a long value") {
        try {
            desk.contacts.importOutcome(kAdmin, id, std::string(100000, 'x'), test::testNow(), "");
            FAIL("an unknown outcome was accepted");
        } catch (const core::ValidationError& e) {
            CHECK(e.errors().at(0).field == "outcome");
            CHECK(std::string(e.what()).size() < 300);
        }
    }
    CHECK(desk.facts() == before);
    CHECK(desk.status(id) == "recorded");

    desk.contacts.importOutcome(kAdmin, id, "early_help", test::at("2026-11-23T09:45:00Z"), "From the old system");
    CHECK(desk.status(id) == "decided");
    const auto timeline = desk.contacts.timeline(id);
    REQUIRE_FALSE(timeline.empty());
    CHECK_THAT(timeline.back().description, Contains("imported from an earlier system"));
    CHECK(desk.t.ws->facts().factsAbout(id).back().payload.value("imported", false));
}

TEST_CASE("sign-off and return: a duty manager, not the recommender, on a recommended contact only",
          "[security][four-eyes]") {
    Desk desk;
    const std::string own = desk.recommended(kManager);
    const std::string recorded = desk.recorded();
    const auto before = desk.facts();
    CHECK_THROWS_AS(desk.workflow.signOff(kManager, own, Desk::direction()), core::ForbiddenError);
    CHECK_THROWS_AS(desk.workflow.returnForEdits(kManager, own, "Please add the school's view of the family."),
                    core::ForbiddenError);
    for (const auto& who : {kScreener, kEdt, kAdmin, kAuditor}) {
        CHECK_THROWS_AS(desk.workflow.signOff(who, own, Desk::direction()), core::ForbiddenError);
        CHECK_THROWS_AS(desk.workflow.returnForEdits(who, own, "Please add the school's view of the family."),
                        core::ForbiddenError);
    }
    CHECK_THROWS_AS(desk.workflow.signOff(kOtherManager, recorded, Desk::direction()), core::ConflictError);
    CHECK_THROWS_AS(desk.workflow.returnForEdits(kOtherManager, recorded, "Please add the school's view."),
                    core::ConflictError);
    // A sign-off cannot be dated by its input: the time is the desk's clock.
    auto dated = Desk::direction();
    dated["decided_at"] = "2026-11-20T10:00:00Z";
    CHECK_THROWS_AS(desk.workflow.signOff(kOtherManager, own, dated), core::ValidationError);
    CHECK(desk.facts() == before);

    desk.workflow.signOff(kOtherManager, own, Desk::direction());
    CHECK(desk.workflow.state(own)["decision"]["at"] == core::formatInstant(test::testNow()));
    // Decided once: neither sign-off nor return can change it.
    CHECK_THROWS_AS(desk.workflow.signOff(kOtherManager, own, Desk::direction()), core::ConflictError);
    CHECK_THROWS_AS(desk.workflow.returnForEdits(kOtherManager, own, "Please add the school's view of the family."),
                    core::ConflictError);
}

TEST_CASE("recommend and screen decide: screening roles, on a contact being screened", "[security]") {
    Desk desk;
    const std::string notStarted = desk.recorded();
    const std::string decided = desk.decided();
    const auto before = desk.facts();
    core::ScreeningDecisionService decisions(*desk.t.ws);
    for (const auto& id : {notStarted, decided}) {
        CHECK_THROWS_AS(desk.workflow.recommend(kScreener, id, desk.recommendation(id)), core::ConflictError);
        CHECK_THROWS_AS(decisions.record(kScreener, id, desk.recommendation(id)), core::ConflictError);
    }
    CHECK(desk.facts() == before);
    const std::string screening = desk.recorded();
    desk.workflow.startScreening(kScreener, screening);
    const auto started = desk.facts();
    for (const auto& who : {kEdt, kAdmin, kAuditor}) {
        CHECK_THROWS_AS(desk.workflow.recommend(who, screening, desk.recommendation(screening)), core::ForbiddenError);
        CHECK_THROWS_AS(decisions.record(who, screening, desk.recommendation(screening)), core::ForbiddenError);
    }
    CHECK(desk.facts() == started);
    CHECK(desk.status(decided) == "decided");
}

TEST_CASE("closing: screening roles, a decided contact, nothing outstanding", "[security]") {
    Desk desk;
    const std::string recommended = desk.recommended(kScreener);
    const std::string decided = desk.decided();
    const auto before = desk.facts();
    CHECK_THROWS_AS(desk.workflow.close(kScreener, recommended, ""), core::ConflictError);
    for (const auto& who : {kEdt, kAdmin, kAuditor})
        CHECK_THROWS_AS(desk.workflow.close(who, decided, ""), core::ForbiddenError);
    // The referrer has not been told yet.
    CHECK_THROWS_WITH(desk.workflow.close(kScreener, decided, ""), Contains("referrer has not been told"));
    CHECK(desk.facts() == before);
}
