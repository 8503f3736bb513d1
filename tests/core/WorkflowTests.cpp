// Whole journeys through core: the life of a contact from receipt to closure, enforced whichever
// front end is used (issue 5's acceptance list).
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "rules/ScreeningDecisionService.h"
#include "util/Errors.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/FormDrafts.h"
#include "workflow/Queues.h"
#include "workflow/StrategyDiscussions.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace frontdoor;
using Catch::Contains;

namespace {

using test::kScreener;
using test::kManager;
using test::kOtherManager;
using test::kEdt;

struct Journey {
    test::TestWorkspace t;
    core::ContactWorkflow workflow{*t.ws};
    core::StrategyDiscussions strategy{*t.ws};

    void at(const std::string& iso) { t.clock.set(test::at(iso)); }

    std::string record(core::Json input, const core::Actor& by = kScreener) {
        return core::ContactService(*t.ws).record(by, input).contactId;
    }

    // Recommends what the rules suggest for these indicators (no departure, so no rationale).
    core::Json recommendAsSuggested(const std::string& contactId, const std::vector<std::string>& indicators,
                                    const core::Actor& by = kScreener) {
        const auto suggestion =
            core::ScreeningDecisionService(*t.ws).screenRecorded(contactId, {{"indicators", indicators}}).toJson();
        workflow.recommend(by, contactId,
                           {{"indicators", indicators},
                            {"level", suggestion["level"]},
                            {"outcome", suggestion["outcome"]},
                            {"rag", suggestion["rag"]},
                            {"recommendation", "Recommend " + suggestion["outcome"].get<std::string>() +
                                                   " as the threshold guidance suggests."}});
        return suggestion;
    }

    core::Json direction(const std::string& what) {
        return {{"case_direction", {{"what", what}, {"by_whom", "Sam Screener"}, {"by_when", "2026-12-04"}}}};
    }

    core::Json state(const std::string& contactId) { return workflow.state(contactId); }

    std::vector<std::string> timelineTypes(const std::string& contactId) {
        std::vector<std::string> types;
        for (const auto& entry : core::ContactService(*t.ws).timeline(contactId))
            types.push_back(entry.type);
        return types;
    }

    std::vector<core::QueueItem> queue(const std::string& name, const core::Actor& actor = kManager) {
        return core::Queues(*t.ws).items(name, actor);
    }
};

core::Json schoolContact() {
    auto input = test::sampleContact();
    input["concern"] = "John has missed 14 of the last 30 school days and arrives hungry; mum says she is not coping.";
    input["consent"] = {{"status", "given"}};
    return input;
}

core::Json policeNotification() {
    return {{"received_at", "2026-11-23T08:40:00Z"},
            {"channel", "police_notification"},
            {"source", "6"},
            {"referrer", {{"name", "PC Rowan Ellery"}, {"agency", "Police (public protection unit)"}, {"role", "Officer"}}},
            {"children", {{{"given_name", "Mia"}, {"family_name", "Thornton"}, {"date_of_birth", "2019-05-02"},
                           {"voice", "Mia told officers \"daddy hurt mummy and my arm\"."}}}},
            {"adults", {{{"given_name", "Leanne"}, {"family_name", "Thornton"}, {"relationship", "mother"},
                         {"parental_responsibility", "yes"}}}},
            {"concern", "Domestic incident overnight; Mia has a bruised forearm and says her father grabbed her."},
            {"consent", {{"status", "not_sought"}, {"basis_without_consent", "Risk of significant harm; evidence."}}}};
}

core::Json allAgencies() {
    return core::Json::array({{{"agency", "police"}, {"name", "DS Kerr"}, {"role", "officer"}},
                              {{"agency", "health"}, {"name", "Nurse Adebayo"}, {"role", "safeguarding nurse"}},
                              {{"agency", "childrens_social_care"}, {"name", "Sam Screener"}, {"role", "social_worker"}},
                              {{"agency", "childrens_social_care"}, {"name", "Mo Manager"}, {"role", "manager"}}});
}

} // namespace

TEST_CASE("journey: a school's contact to early help", "[workflow]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    CHECK(j.state(id)["status"] == "recorded");
    CHECK(j.queue("awaiting_screening", kScreener).size() == 1);

    j.at("2026-11-23T10:30:00Z");
    j.workflow.startScreening(kScreener, id);
    CHECK(j.queue("my_work", kScreener).front().contactId == id);
    j.workflow.addPartnerCheck(kScreener, id,
                               {{"agency", "Brookside Primary"}, {"person_spoken_to", "Dana Whitfield (DSL)"},
                                {"checked_at", "2026-11-23T10:20:00Z"}, {"shared", "Attendance 53%; free school meals."},
                                {"basis", "Consent given by mother"}});
    j.workflow.saveAnalysis(kScreener, id,
                            {{"risks", "Neglect of basic needs; falling attendance."},
                             {"strengths", "Mother asks for help; warm relationship with John."}});
    const auto suggestion = j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    REQUIRE(suggestion["outcome"] == "early_help");
    CHECK(j.state(id)["status"] == "recommended");
    CHECK(j.queue("awaiting_signoff").size() == 1);

    j.at("2026-11-23T11:00:00Z");
    j.workflow.signOff(kManager, id, j.direction("Team Around the Family meeting with school and family"));
    const auto decided = j.state(id);
    CHECK(decided["status"] == "decided");
    CHECK(decided["decision"]["outcome"] == "early_help");
    CHECK(decided["decision"]["case_direction"]["by_whom"] == "Sam Screener");
    CHECK(decided["decision_deadline"]["late"] == false);
    CHECK(decided["referrer_feedback"]["status"] == "outstanding");
    CHECK(j.queue("referrer_feedback").size() == 1);

    SECTION("closing waits for the referrer to be told") {
        CHECK_THROWS_WITH(j.workflow.close(kScreener, id, ""), Contains("referrer has not been told"));
        j.workflow.informReferrer(kScreener, id, {{"how", "phone"}, {"note", "Told Dana the TAF plan."}});
        CHECK(j.queue("referrer_feedback").empty());
        j.workflow.close(kScreener, id, "");
        CHECK(j.state(id)["status"] == "closed");
        CHECK(j.timelineTypes(id) == std::vector<std::string>{
                                         "contact.recorded", "screening.started", "screening.partner_check_added",
                                         "screening.analysis_saved", "screening.decision_recorded",
                                         "screening.recommended", "signoff.decided", "referrer.informed",
                                         "contact.closed"});
    }
}

TEST_CASE("every transition is a fact with actor, role and time", "[workflow]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    j.at("2026-11-23T10:05:00Z");
    j.workflow.startScreening(kScreener, id);
    j.at("2026-11-23T10:40:00Z");
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    j.at("2026-11-23T11:15:00Z");
    j.workflow.signOff(kManager, id, j.direction("TAF"));
    const auto timeline = core::ContactService(*j.t.ws).timeline(id);
    const auto find = [&](const std::string& type) {
        return *std::find_if(timeline.begin(), timeline.end(), [&](const auto& e) { return e.type == type; });
    };
    CHECK(find("screening.started").user == "sam.screener");
    CHECK(find("screening.started").role == "screener");
    CHECK(core::formatInstant(find("screening.started").at) == "2026-11-23T10:05:00.000Z");
    CHECK(find("signoff.decided").user == "mo.manager");
    CHECK(find("signoff.decided").role == "duty_manager");
    CHECK(core::formatInstant(find("signoff.decided").at) == "2026-11-23T11:15:00.000Z");
    CHECK_THAT(find("signoff.decided").description, Contains("Signed off: Early help") && Contains("TAF"));
}

TEST_CASE("journey: a police notification to a strategy discussion within 24 hours, joint s47, ICPC due",
          "[workflow][strategy]") {
    Journey j;
    const std::string id = j.record(policeNotification());
    j.at("2026-11-23T09:10:00Z");
    j.workflow.startScreening(kScreener, id);
    const auto suggestion = j.recommendAsSuggested(id, {"ABUSE_DISCLOSURE"});
    REQUIRE(suggestion["outcome"] == "strategy_discussion");
    REQUIRE(suggestion["rag"] == "red");
    // Received 08:40, before opening: 4 working hours counted from 09:00.
    CHECK(j.state(id)["rag_deadline"]["due_at"] == "2026-11-23T13:00:00.000Z");

    j.at("2026-11-23T09:30:00Z");
    j.workflow.signOff(kManager, id, j.direction("Strategy discussion today; joint visit with police"));
    auto state = j.state(id);
    REQUIRE(state["strategy_discussions"].size() == 1);
    CHECK(state["strategy_discussions"][0]["status"] == "required");
    CHECK(state["strategy_discussions"][0]["deadline"]["due_at"] == "2026-11-24T09:30:00.000Z"); // 24 hours
    CHECK(j.queue("strategy_due").front().contactId == id);

    const auto invitees = j.strategy.suggestedInvitees(id);
    CHECK(std::count_if(invitees.begin(), invitees.end(), [](const auto& i) { return i["required"] == true; }) == 4);

    j.strategy.schedule(kManager, id, {{"scheduled_for", "2026-11-23T14:00:00Z"},
                                      {"location", "Teams call, link sent to all"},
                                      {"invitees", allAgencies()}});
    j.at("2026-11-23T15:00:00Z");
    j.strategy.recordHeld(kScreener, id,
                          {{"held_at", "2026-11-23T14:00:00Z"},
                           {"attendees", allAgencies()},
                           {"apologies", core::Json::array({{{"name", "Head teacher"}, {"agency", "education"}}})},
                           {"agency_information",
                            {{{"agency", "police"}, {"information", "Father arrested; bail conditions not to return."}},
                             {{"agency", "health"}, {"information", "Mia seen at ED in June with a wrist sprain."}}}}});
    j.strategy.recordOutcome(kScreener, id,
                             {{"at_risk", {{{"name", "Mia Thornton"}, {"relationship", "child"}, {"in_family", true}}}},
                              {"immediate_safety_actions", "Father bailed away from the home; mother agrees a safety plan."},
                              {"s47_decision", "joint"},
                              {"medical_examination", {{"required", true}, {"arrangements", "Child protection medical at 16:00"}}},
                              {"family_told", {{"what", "Joint enquiry and medical"}, {"when", "today by 15:30"}}},
                              {"actions", {{{"action", "Child protection medical"}, {"owner", "Dr Kaur"},
                                            {"agency", "health"}, {"due", "2026-11-23"}},
                                           {{"action", "Joint visit and ABE interview planning"}, {"owner", "DS Kerr"},
                                            {"agency", "police"}, {"due", "2026-11-25"}}}}});
    const auto discussion = j.strategy.forContact(id).front();
    CHECK(discussion["status"] == "outcome_recorded");
    CHECK(discussion["s47_decision"] == "joint");
    // Held within 24 hours of the decision that one was needed.
    CHECK(core::parseInstant(discussion["held_at"].get<std::string>()) <=
          core::parseInstant(discussion["due_at"].get<std::string>()));
    // ICPC: the close of the 15th working day after Mon 23 Nov 2026 is Mon 14 Dec 2026, 17:00 GMT.
    CHECK(discussion["icpc_due"]["due_at"] == "2026-12-14T17:00:00.000Z");
    CHECK(discussion["actions"].size() == 2);
    CHECK(j.queue("strategy_due").empty());

    SECTION("overdue actions are listed") {
        j.at("2026-11-26T10:00:00Z");
        const auto overdue = j.queue("overdue");
        CHECK(std::count_if(overdue.begin(), overdue.end(), [](const auto& i) { return i.kind == "strategy_action"; }) == 2);
        j.strategy.completeAction(kScreener, id, 0, "Medical done");
        const auto after = j.strategy.overdueActions(core::utcDate(j.t.clock.now()));
        REQUIRE(after.size() == 1);
        CHECK(after.front().owner == "DS Kerr");
    }
}

TEST_CASE("journey: an EDT contact at 02:00 on a Sunday, handed over and acknowledged on Monday", "[workflow][edt]") {
    Journey j;
    j.at("2026-11-22T02:40:00Z"); // Sunday night, the EDT on duty
    auto input = policeNotification();
    input["received_at"] = "2026-11-22T02:00:00Z";
    core::Json handover{{"already_done", "Spoke to mother by phone; father left the address; police attended."},
                        {"handover_note", "Mia safe with mother tonight. Needs screening and police check in the morning."}};
    const auto recorded = j.workflow.recordOutOfHours(kEdt, input, handover);
    const std::string id = recorded.contactId;
    auto state = j.state(id);
    CHECK(state["recorded_role"] == "edt_worker");
    CHECK(state["handover"]["deadline"]["due_at"] == "2026-11-23T09:00:00.000Z"); // the next opening
    // The decision clock runs from the EDT receipt: Sun 02:00 -> Mon 09:00 -> Tue 09:00.
    CHECK(state["decision_deadline"]["due_at"] == "2026-11-24T09:00:00.000Z");

    j.at("2026-11-23T08:55:00Z");
    auto queue = j.queue("awaiting_screening");
    auto handovers = j.queue("handovers");
    REQUIRE(handovers.size() == 1);
    CHECK(handovers.front().countdown->urgency != core::Urgency::Overdue);
    CHECK(queue.front().contactId == id); // at the top of the day team's queue

    SECTION("acknowledged on Monday morning") {
        j.at("2026-11-23T09:20:00Z");
        CHECK_THROWS_AS(j.workflow.acknowledgeHandover(kScreener, id, ""), core::ForbiddenError);
        j.workflow.acknowledgeHandover(kManager, id, "Read; allocated to Sam for screening.");
        CHECK(j.queue("handovers").empty());
        CHECK(j.state(id)["handover"]["acknowledged_by"] == "mo.manager");
        CHECK(j.state(id)["handover"]["deadline"]["late"] == true); // 09:20 is after 09:00
        // The manager's note is part of the record, not just stored: in the state and the timeline.
        CHECK(j.state(id)["handover"]["acknowledgement_note"] == "Read; allocated to Sam for screening.");
        CHECK(j.state(id)["handover"]["acknowledged_at"] == "2026-11-23T09:20:00.000Z");
        const auto timeline = core::ContactService(*j.t.ws).timeline(id);
        CHECK(std::any_of(timeline.begin(), timeline.end(), [](const auto& entry) {
            return entry.description == "Handover acknowledged: Read; allocated to Sam for screening.";
        }));
    }
    SECTION("not acknowledged by 09:00: overdue") {
        j.at("2026-11-23T09:30:00Z");
        const auto overdue = j.queue("overdue");
        CHECK(std::any_of(overdue.begin(), overdue.end(), [&](const auto& i) { return i.kind == "handover"; }));
    }
    SECTION("a contact received in office hours is the day team's, not the EDT's") {
        input["received_at"] = "2026-11-23T10:00:00Z";
        j.at("2026-11-23T10:30:00Z");
        CHECK_THROWS_WITH(j.workflow.recordOutOfHours(kEdt, input, handover), Contains("opening hours"));
    }
}

TEST_CASE("a contact started by mistake is handed back to the queue, with the reason", "[workflow]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    j.workflow.startScreening(kScreener, id);
    CHECK(j.queue("awaiting_screening", kScreener).empty());
    // Only the screener who started it (or a duty manager), with a reason, and only while in screening.
    CHECK_THROWS_AS(j.workflow.handBack({"jo.screener", "screener"}, id, "Not mine, picked up by mistake"),
                    core::ForbiddenError);
    CHECK_THROWS_AS(j.workflow.handBack(kScreener, id, ""), core::ValidationError);
    j.workflow.handBack(kScreener, id, "Started the wrong child by mistake");
    CHECK(j.state(id)["status"] == "recorded");
    CHECK(j.queue("my_work", kScreener).empty());
    REQUIRE(j.queue("awaiting_screening", kScreener).size() == 1);
    CHECK(j.queue("awaiting_screening", kScreener).front().contactId == id);
    CHECK_THROWS_AS(j.workflow.handBack(kScreener, id, "Started the wrong child by mistake"), core::ConflictError);
    const auto timeline = core::ContactService(*j.t.ws).timeline(id);
    CHECK(timeline.back().description == "Screening handed back to the queue: Started the wrong child by mistake");

    // Returned for edits, then picked up and handed back by a duty manager: returned, in the queue for
    // anyone to take up.
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    j.workflow.returnForEdits(kManager, id, "Check with the health visitor for the younger sibling first.");
    j.workflow.startScreening(kScreener, id);
    j.workflow.handBack(kOtherManager, id, "Sam is off sick; someone else to finish this");
    CHECK(j.state(id)["status"] == "returned");
    REQUIRE(j.queue("awaiting_screening", kScreener).size() == 1);
    CHECK(j.queue("my_work", kScreener).empty());
    j.workflow.startScreening({"jo.screener", "screener"}, id);
    CHECK(j.queue("my_work", {"jo.screener", "screener"}).size() == 1);
}

TEST_CASE("four eyes: the recommender cannot sign off their own recommendation", "[workflow][signoff]") {
    Journey j;
    const core::Actor patAsScreener{"pat.both", "screener"};
    const core::Actor patAsManager{"pat.both", "duty_manager"};
    const std::string id = j.record(schoolContact());
    j.workflow.startScreening(patAsScreener, id);
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"}, patAsScreener);
    CHECK_THROWS_WITH(j.workflow.signOff(patAsManager, id, j.direction("TAF")),
                      Contains("other than the one who made the recommendation"));
    CHECK(j.state(id)["status"] == "recommended");
    j.workflow.signOff(kManager, id, j.direction("TAF"));
    CHECK(j.state(id)["status"] == "decided");
}

TEST_CASE("a screener cannot sign off", "[workflow][signoff]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    CHECK_THROWS_WITH(j.workflow.signOff({"jo.screener", "screener"}, id, j.direction("TAF")),
                      Contains("Signing off needs the duty manager role"));
    CHECK_THROWS_WITH(j.workflow.signOff({"jo.screener", "duty_manager"}, id, j.direction("TAF")),
                      Contains("does not hold the duty manager role"));
}

TEST_CASE("return for edits, then sign-off", "[workflow][signoff]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    CHECK_THROWS_AS(j.workflow.returnForEdits(kManager, id, ""), core::ValidationError);
    j.workflow.returnForEdits(kManager, id, "Check with the health visitor for the younger sibling first.");
    auto state = j.state(id);
    CHECK(state["status"] == "returned");
    CHECK(state["returned_reason"] == "Check with the health visitor for the younger sibling first.");
    CHECK(j.queue("my_work", kScreener).front().what == "Returned for edits; decision due");
    CHECK_THROWS_AS(j.workflow.signOff(kManager, id, j.direction("TAF")), core::ConflictError);

    j.workflow.addPartnerCheck(kScreener, id, {{"agency", "Health visiting"}, {"person_spoken_to", "HV Lomas"},
                                               {"checked_at", "2026-11-23T09:50:00Z"},
                                               {"shared", "No concerns for the baby."}, {"basis", "Consent"}});
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    j.workflow.signOff(kOtherManager, id, j.direction("TAF"));
    CHECK(j.state(id)["status"] == "decided");
    const auto types = j.timelineTypes(id);
    CHECK(std::count(types.begin(), types.end(), "screening.recommended") == 2);
    CHECK(std::count(types.begin(), types.end(), "signoff.returned") == 1);
}

TEST_CASE("a manager deciding differently from the recommendation says why", "[workflow][signoff]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    auto input = j.direction("Social worker to complete a child and family assessment");
    input["outcome"] = "child_and_family_assessment";
    CHECK_THROWS_WITH(j.workflow.signOff(kManager, id, input), Contains("differs from the recommendation"));
    input["rationale"] = "Third contact this year and mother says she is not coping: needs assessment now.";
    j.workflow.signOff(kManager, id, input);
    CHECK(j.state(id)["decision"]["outcome"] == "child_and_family_assessment");
}

TEST_CASE("a strategy discussion without police is flagged and needs a manager's acknowledgement",
          "[workflow][strategy]") {
    Journey j;
    const std::string id = j.record(policeNotification());
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"ABUSE_DISCLOSURE"});
    j.workflow.signOff(kManager, id, j.direction("Strategy discussion"));
    auto withoutPolice = allAgencies();
    withoutPolice.erase(0);
    const core::Json input{{"scheduled_for", "2026-11-23T15:00:00Z"}, {"location", "Room 2"}, {"invitees", withoutPolice}};
    CHECK_THROWS_WITH(j.strategy.schedule(kScreener, id, input), Contains("not invited: police"));
    auto acknowledged = input;
    acknowledged["acknowledge_missing"] = true;
    CHECK_THROWS_WITH(j.strategy.schedule(kScreener, id, acknowledged), Contains("Only a duty manager"));
    const auto scheduled = j.strategy.schedule(kManager, id, acknowledged);
    CHECK(scheduled["missing_agencies"] == core::Json::array({"police"}));
    CHECK(scheduled["missing_acknowledged_by"] == "mo.manager");
    CHECK_THAT(core::ContactService(*j.t.ws).timeline(id).back().description, Contains("not invited"));
}

TEST_CASE("a late decision is shown as overdue", "[workflow]") {
    Journey j;
    auto input = schoolContact();
    input["received_at"] = "2026-11-19T10:00:00Z"; // Thursday: decision due Friday 10:00
    const std::string id = j.record(input);
    j.at("2026-11-23T10:00:00Z");
    const auto overdue = j.queue("overdue");
    REQUIRE(overdue.size() == 1);
    CHECK(overdue.front().contactId == id);
    CHECK(overdue.front().countdown->urgency == core::Urgency::Overdue);
    CHECK_THAT(overdue.front().countdown->text(), Contains("overdue by"));
    CHECK(j.state(id)["decision_deadline"]["countdown"]["overdue"] == true);
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    j.workflow.signOff(kManager, id, j.direction("TAF"));
    CHECK(j.state(id)["decision_deadline"]["late"] == true);
    CHECK(j.queue("overdue").empty());
}

TEST_CASE("illegal transitions are refused with the reason", "[workflow]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    CHECK_THROWS_WITH(j.workflow.signOff(kManager, id, j.direction("TAF")),
                      Contains("Signing off is not possible: the contact is recorded, not recommended"));
    CHECK_THROWS_AS(j.workflow.close(kScreener, id, ""), core::ConflictError);
    CHECK_THROWS_AS(j.strategy.schedule(kManager, id, {{"scheduled_for", "2026-11-23T15:00:00Z"}}), core::ConflictError);
    j.workflow.startScreening(kScreener, id);
    CHECK_THROWS_AS(j.workflow.startScreening(kScreener, id), core::ConflictError);
    CHECK_THROWS_WITH(j.workflow.startScreening({"aud.auditor", "auditor"}, id), Contains("needs the screener"));
}

TEST_CASE("the workflow's projection rebuilds to the same digest", "[workflow][store]") {
    Journey j;
    const std::string id = j.record(policeNotification());
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"ABUSE_DISCLOSURE"});
    j.workflow.signOff(kManager, id, j.direction("Strategy discussion"));
    j.strategy.schedule(kManager, id, {{"scheduled_for", "2026-11-23T14:00:00Z"}, {"location", "Teams"},
                                       {"invitees", allAgencies()}});
    const auto digest = j.t.ws->facts().projectionDigest();
    j.t.ws->facts().rebuildProjection();
    CHECK(j.t.ws->facts().projectionDigest() == digest);
}

TEST_CASE("required agencies are checked as people type them", "[workflow][strategy]") {
    const auto missing = core::StrategyDiscussions::missingRequired(
        core::Json::array({{{"agency", "police"}, {"role", "DS"}},
                           {{"agency", "childrens_social_care"}, {"role", "Social worker"}},
                           {{"agency", "childrens_social_care"}, {"role", "Manager"}}}));
    CHECK(missing == std::vector<std::string>{"health"});
    CHECK(core::StrategyDiscussions::missingRequired(allAgencies()).empty());
}

TEST_CASE("the timeline says what a screening decision was in words", "[workflow]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"PERSISTENT_ABSENCE"});
    for (const auto& entry : core::ContactService(*j.t.ws).timeline(id))
        CHECK(entry.description != entry.type);
}

TEST_CASE("what is typed into a workflow form is kept until it is submitted", "[workflow][drafts]") {
    Journey j;
    const std::string id = j.record(schoolContact());
    core::FormDrafts drafts(*j.t.ws);
    const core::Json typed{{"risks", "Neglect of basic needs"}, {"indicators", {"PERSISTENT_ABSENCE"}}};
    drafts.save(kScreener, id, "screening", typed);
    CHECK(drafts.load(kScreener, id, "screening") == typed);
    // Each worker's own, and not part of the contact's timeline.
    CHECK_FALSE(drafts.load({"jo.screener", "screener"}, id, "screening").has_value());
    CHECK(j.timelineTypes(id) == std::vector<std::string>{"contact.recorded"});
    CHECK_THROWS_AS(drafts.save(kScreener, id, "lunch", typed), core::ValidationError);
    CHECK_THROWS_AS(drafts.save({"aud.auditor", "auditor"}, id, "screening", typed), core::ForbiddenError);

    SECTION("a reopened database still has it") {
        const std::string path = j.t.ws->db().path();
        j.t.ws = core::Workspace::open(path, j.t.clock);
        CHECK(core::FormDrafts(*j.t.ws).load(kScreener, id, "screening") == typed);
    }
    SECTION("cleared once submitted") {
        drafts.discard(kScreener, id, "screening");
        CHECK_FALSE(drafts.load(kScreener, id, "screening").has_value());
        const auto digest = j.t.ws->facts().projectionDigest();
        j.t.ws->facts().rebuildProjection();
        CHECK(j.t.ws->facts().projectionDigest() == digest);
    }
}

TEST_CASE("a strategy discussion held before its scheduled time is accepted, the change noted in words",
          "[workflow][strategy]") {
    Journey j;
    const std::string id = j.record(policeNotification());
    j.at("2026-11-23T09:10:00Z");
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"ABUSE_DISCLOSURE"});
    j.at("2026-11-23T09:30:00Z");
    j.workflow.signOff(kManager, id, j.direction("Strategy discussion tomorrow morning"));
    // Scheduled for 10:00 the next day; the police could come at 08:02, so it was held then.
    j.strategy.schedule(kManager, id, {{"scheduled_for", "2026-11-24T10:00:00Z"},
                                      {"location", "Runcorn police station"},
                                      {"invitees", allAgencies()}});
    j.at("2026-11-24T08:40:00Z");
    const auto held = j.strategy.recordHeld(kManager, id, {{"held_at", "2026-11-24T08:02:00Z"},
                                                           {"attendees", allAgencies()},
                                                           {"agency_information", core::Json::array()}});
    CHECK(held["status"] == "held");
    CHECK(held["held_at"] == "2026-11-24T08:02:00.000Z");
    REQUIRE(held["meeting"].contains("earlier_than_scheduled"));
    CHECK(held["meeting"]["earlier_than_scheduled"]["note"] == "held at 08:02, earlier than scheduled 10:00");
    CHECK(held["meeting"]["earlier_than_scheduled"]["scheduled_for"] == "2026-11-24T10:00:00.000Z");
    const auto timeline = core::ContactService(*j.t.ws).timeline(id);
    const auto entry = std::find_if(timeline.begin(), timeline.end(), [](const auto& e) { return e.type == "strategy.held"; });
    REQUIRE(entry != timeline.end());
    CHECK(entry->description == "Strategy discussion held at 08:02, earlier than scheduled 10:00");
}

TEST_CASE("a strategy discussion held at or after its scheduled time carries no note; days differing are named",
          "[workflow][strategy]") {
    CHECK(core::heldEarlyNote(test::at("2026-11-23T23:30:00Z"), test::at("2026-11-24T09:15:00Z")) ==
          "held at Mon 23/11/2026 23:30, earlier than scheduled Tue 24/11/2026 09:15");
    // Summer: UK time is an hour ahead of UTC.
    CHECK(core::heldEarlyNote(test::at("2026-06-10T07:02:00Z"), test::at("2026-06-10T09:00:00Z")) ==
          "held at 08:02, earlier than scheduled 10:00");
    Journey j;
    const std::string id = j.record(policeNotification());
    j.at("2026-11-23T09:10:00Z");
    j.workflow.startScreening(kScreener, id);
    j.recommendAsSuggested(id, {"ABUSE_DISCLOSURE"});
    j.at("2026-11-23T09:30:00Z");
    j.workflow.signOff(kManager, id, j.direction("Strategy discussion today"));
    j.strategy.schedule(kManager, id, {{"scheduled_for", "2026-11-23T14:00:00Z"},
                                      {"location", "Teams"},
                                      {"invitees", allAgencies()}});
    j.at("2026-11-23T15:00:00Z");
    const auto held = j.strategy.recordHeld(kManager, id, {{"held_at", "2026-11-23T14:05:00Z"},
                                                           {"attendees", allAgencies()},
                                                           {"agency_information", core::Json::array()}});
    CHECK_FALSE(held["meeting"].contains("earlier_than_scheduled"));
}
