#include "workflow/ContactWorkflow.h"

#include "contacts/ContactProjection.h"
#include "contacts/Outcomes.h"
#include "time/Countdown.h"
#include "time/Deadlines.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "util/JsonFields.h"
#include "util/Uuid.h"
#include "workflow/WorkflowFacts.h"
#include "util/Text.h"
#include "time/UkTime.h"

#include <algorithm>

namespace frontdoor::core {
namespace {

constexpr size_t kMinimumReasonLength = 10;
// Limits of free text (docs/cli.md, "Limits").
constexpr size_t kMaxRecommendationLength = 20000;
constexpr size_t kMaxNoteLength = 5000;
// How far ahead a case direction's "by when" may be: the direction is for the next steps, not years away.
constexpr auto kMaxDirectionAhead = std::chrono::days(2 * 366);

const std::vector<std::string> kScreeningRoles = {role::kScreener, role::kDutyManager};
// Everyone who works on contacts, by day or out of hours, may add a note.
const std::vector<std::string> kNoteRoles = {role::kScreener, role::kDutyManager, role::kEdtWorker};

std::string statusLabel(const std::string& status) {
    std::string label = status;
    std::replace(label.begin(), label.end(), '_', ' ');
    return label;
}

Json deadlineJson(const Deadline& deadline) {
    return {{"due_at", formatInstant(deadline.due)}, {"explanation", deadline.explanation}};
}

Json parsedJson(const std::optional<std::string>& text) {
    return text && !text->empty() ? Json::parse(*text) : Json();
}

} // namespace

ContactWorkflow::Current ContactWorkflow::current(const std::string& contactId) {
    auto& stmt = ws_.db().cached("SELECT status, recommended_by, recommendation, source, received_at FROM contact "
                                 "WHERE id = ?");
    stmt.bindAll(contactId);
    if (!stmt.step()) {
        stmt.reset();
        throw NotFoundError("no contact with id " + excerpt(contactId));
    }
    Current now{stmt.text(0), stmt.optionalText(1).value_or(""), parsedJson(stmt.optionalText(2)), stmt.text(3),
                parseInstant(stmt.text(4)).value_or(Instant{})};
    stmt.reset();
    return now;
}

void ContactWorkflow::requireStatus(const Current& now, allowedFrom::Statuses allowed,
                                    const std::string& action) {
    for (const char* status : allowed)
        if (now.status == status)
            return;
    std::string expected;
    for (const char* status : allowed)
        expected += (expected.empty() ? "" : " or ") + statusLabel(status);
    throw ConflictError(action + " is not possible: the contact is " + statusLabel(now.status) + ", not " + expected);
}

void ContactWorkflow::startScreening(const Actor& actor, const std::string& contactId) {
    UserService(ws_).require(actor, kScreeningRoles, "Screening a contact");
    const Current now = current(contactId);
    requireStatus(now, allowedFrom::kScreeningStarted, "Starting screening");
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kScreeningStarted, contactId, Json::object());
    scope.commit();
}

void ContactWorkflow::addPartnerCheck(const Actor& actor, const std::string& contactId, const Json& check) {
    UserService(ws_).require(actor, kScreeningRoles, "Recording a partner check");
    const Current now = current(contactId);
    requireStatus(now, allowedFrom::kPartnerCheckAdded, "Adding a partner check");
    std::vector<FieldError> errors;
    JsonFields fields(check, "", errors);
    const std::string agency = fields.text("agency", true, 200);
    const std::string person = fields.text("person_spoken_to", true, 200);
    const auto checkedAt = fields.instant("checked_at", true);
    const std::string shared = fields.text("shared", true, 20000);
    const std::string basis = fields.text("basis", true, 2000);
    fields.rejectUnknownKeys();
    if (checkedAt && *checkedAt > ws_.clock().now() + std::chrono::minutes(1))
        errors.push_back({"checked_at", formatUkTime(*checkedAt) + " (UK time) is in the future"});
    if (checkedAt && *checkedAt < now.receivedAt - std::chrono::hours(24 * 7))
        errors.push_back({"checked_at", "is more than a week before the contact was received"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kPartnerCheckAdded, contactId,
                       {{"agency", agency}, {"person_spoken_to", person}, {"checked_at", formatInstant(*checkedAt)},
                        {"shared", shared}, {"basis", basis}});
    scope.commit();
}

void ContactWorkflow::saveAnalysis(const Actor& actor, const std::string& contactId, const Json& analysis) {
    UserService(ws_).require(actor, kScreeningRoles, "Recording the analysis");
    const Current now = current(contactId);
    requireStatus(now, allowedFrom::kAnalysisSaved, "Saving the analysis");
    std::vector<FieldError> errors;
    JsonFields fields(analysis, "", errors);
    const std::string risks = fields.text("risks", true, 20000);
    const std::string strengths = fields.text("strengths", true, 20000);
    const std::string text = fields.text("analysis", false, 50000);
    fields.rejectUnknownKeys();
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kAnalysisSaved, contactId,
                       {{"risks", risks}, {"strengths", strengths}, {"analysis", text}});
    scope.commit();
}

ScreeningDecision ContactWorkflow::recommend(const Actor& actor, const std::string& contactId, const Json& input) {
    UserService(ws_).require(actor, kScreeningRoles, "Making a recommendation");
    const Current now = current(contactId);
    requireStatus(now, allowedFrom::kRecommended, "Recommending");
    if (!input.is_object())
        throw ValidationError("(input)", "must be a JSON object");
    Json decisionInput = input;
    std::string recommendation;
    if (const auto given = input.find("recommendation"); given != input.end() && !given->is_null()) {
        if (!given->is_string())
            throw ValidationError("recommendation", "must be text");
        recommendation = given->get<std::string>();
    }
    decisionInput.erase("recommendation");
    checkTextLength("recommendation", recommendation, kMaxRecommendationLength);
    if (recommendation.size() < kMinimumReasonLength)
        throw ValidationError("recommendation", "write the recommendation and why, in a sentence or more");

    WriteScope scope(ws_.db());
    const ScreeningDecision decision = ScreeningDecisionService(ws_).record(actor, contactId, decisionInput);
    DeadlineKind ragKind = DeadlineKind::RagAmber;
    if (decision.rag == "red")
        ragKind = DeadlineKind::RagRed;
    else if (decision.rag == "green")
        ragKind = DeadlineKind::RagGreen;
    const Deadline ragDue = ws_.deadlines().compute(ragKind, now.receivedAt);
    ws_.facts().append(actor, facts::kRecommended, contactId,
                       {{"decision_id", decision.id},
                        {"level", decision.level},
                        {"level_label", decision.levelLabel},
                        {"outcome", decision.outcome},
                        {"rag", decision.rag},
                        {"strategy_discussion", decision.strategyDiscussion},
                        {"rag_due", deadlineJson(ragDue)},
                        {"recommendation", recommendation}});
    scope.commit();
    return decision;
}

void ContactWorkflow::handBack(const Actor& actor, const std::string& contactId, const std::string& reason) {
    UserService(ws_).require(actor, kScreeningRoles, "Handing back a contact");
    const Current now = current(contactId);
    requireStatus(now, allowedFrom::kScreeningHandedBack, "Handing back");
    const std::string screener = ws_.db().lookupText("SELECT screener FROM contact WHERE id = ?", contactId).value_or("");
    if (actor.role != role::kDutyManager && actor.userId != screener)
        throw ForbiddenError("the contact is being screened by " + screener +
                             ": only they, or a duty manager, can hand it back");
    checkTextLength("reason", reason, kMaxNoteLength);
    if (reason.size() < kMinimumReasonLength)
        throw ValidationError("reason", "say why it goes back, in a few words (at least " +
                                            std::to_string(kMinimumReasonLength) + " characters)");
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kScreeningHandedBack, contactId, {{"reason", reason}, {"screener", screener}});
    scope.commit();
}

void ContactWorkflow::returnForEdits(const Actor& actor, const std::string& contactId, const std::string& reason) {
    UserService(ws_).require(actor, {role::kDutyManager}, "Returning a recommendation");
    const Current now = current(contactId);
    requireStatus(now, allowedFrom::kReturned, "Returning for edits");
    if (actor.userId == now.recommendedBy)
        throw ForbiddenError("a recommendation is returned by a duty manager other than the one who made it (" +
                             now.recommendedBy + ")");
    checkTextLength("reason", reason, kMaxNoteLength);
    if (reason.size() < kMinimumReasonLength)
        throw ValidationError("reason", "say what needs to change, in a sentence");
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kReturned, contactId, {{"reason", reason}});
    scope.commit();
}

void ContactWorkflow::signOff(const Actor& actor, const std::string& contactId, const Json& input) {
    UserService(ws_).require(actor, {role::kDutyManager}, "Signing off");
    const Current now = current(contactId);
    requireStatus(now, allowedFrom::kDecided, "Signing off");
    if (actor.userId == now.recommendedBy)
        throw ForbiddenError("sign-off needs a duty manager other than the one who made the recommendation (" +
                             now.recommendedBy + "): four eyes on every decision");

    std::vector<FieldError> errors;
    JsonFields fields(input, "", errors);
    Json direction;
    if (const auto* given = fields.object("case_direction", true)) {
        JsonFields directionFields(*given, "case_direction", errors);
        direction = {{"what", directionFields.text("what", true, 5000)},
                     {"by_whom", directionFields.text("by_whom", true, 200)}};
        const auto byWhen = directionFields.date("by_when", true);
        if (byWhen) {
            direction["by_when"] = formatDate(*byWhen);
            if (*byWhen < utcDate(ws_.clock().now()))
                directionFields.fail("by_when", formatDate(*byWhen) + " is in the past");
            else if (std::chrono::sys_days{*byWhen} > std::chrono::floor<std::chrono::days>(ws_.clock().now()) + kMaxDirectionAhead)
                directionFields.fail("by_when", formatDate(*byWhen) + " is more than two years ahead; check the year");
        }
        directionFields.rejectUnknownKeys();
    }
    const std::string recommendedOutcome = now.recommendation.value("outcome", "");
    std::string outcome = fields.oneOf("outcome", outcomeCodes());
    if (outcome.empty())
        outcome = recommendedOutcome;
    const std::string rationale = fields.text("rationale", false, 5000);
    fields.rejectUnknownKeys();
    if (outcome != recommendedOutcome && rationale.size() < kMinimumRationaleLength)
        errors.push_back({"rationale", "the decision (" + outcomeLabel(outcome) + ") differs from the recommendation (" +
                                           outcomeLabel(recommendedOutcome) + "): say why, in a sentence or more"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));

    const Instant decidedAt = ws_.clock().now();
    Json payload{{"outcome", outcome},
                 {"recommended_outcome", recommendedOutcome},
                 {"level", now.recommendation.value("level", 0)},
                 {"rag", now.recommendation.value("rag", "")},
                 {"case_direction", direction},
                 {"rationale", rationale},
                 {"referrer_feedback_required", now.source != "9"}};
    if (outcome == "strategy_discussion" || outcome == "immediate_protection") {
        const Deadline due = ws_.deadlines().compute(DeadlineKind::StrategyDiscussion, decidedAt);
        Json strategy = deadlineJson(due);
        strategy["id"] = newUuidV7(decidedAt);
        payload["strategy_discussion"] = strategy;
    }
    if (outcome == "child_and_family_assessment")
        payload["assessment_due"] = deadlineJson(ws_.deadlines().compute(DeadlineKind::Assessment, decidedAt));
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kDecided, contactId, payload);
    scope.commit();
}

void ContactWorkflow::informReferrer(const Actor& actor, const std::string& contactId, const Json& input) {
    UserService(ws_).require(actor, kScreeningRoles, "Recording feedback to the referrer");
    current(contactId);
    auto& stmt = ws_.db().cached("SELECT status, required_at FROM referrer_feedback WHERE contact_id = ?");
    stmt.bindAll(contactId);
    const bool known = stmt.step();
    const std::string feedbackStatus = known ? stmt.text(0) : "";
    const Instant requiredAt = known ? parseInstant(stmt.text(1)).value_or(Instant{}) : Instant{};
    stmt.reset();
    if (!known)
        throw ConflictError("there is no outcome to tell the referrer yet (or the referrer is anonymous)");
    if (feedbackStatus == "done")
        throw ConflictError("the referrer has already been told the outcome");
    std::vector<FieldError> errors;
    JsonFields fields(input, "", errors);
    std::string toldBy = fields.text("told_by", false, 200);
    const auto toldAt = fields.instant("told_at").value_or(ws_.clock().now());
    const std::string how = fields.oneOf("how", {"phone", "email", "secure_email", "letter", "in_person", "portal"}, true);
    const std::string note = fields.text("note", false, 5000);
    fields.rejectUnknownKeys();
    if (toldAt > ws_.clock().now() + std::chrono::minutes(1))
        errors.push_back({"told_at", formatUkTime(toldAt) + " (UK time) is in the future"});
    if (toldAt < requiredAt)
        errors.push_back({"told_at", "is before the outcome was decided (" + formatUkTime(requiredAt) + ", UK time)"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    if (toldBy.empty())
        toldBy = actor.userId;
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kReferrerInformed, contactId,
                       {{"told_by", toldBy}, {"told_at", formatInstant(toldAt)}, {"how", how}, {"note", note}});
    scope.commit();
}

void ContactWorkflow::close(const Actor& actor, const std::string& contactId, const std::string& note) {
    UserService(ws_).require(actor, kScreeningRoles, "Closing a contact");
    checkTextLength("note", note, kMaxNoteLength);
    const Current now = current(contactId);
    requireStatus(now, allowedFrom::kContactClosed, "Closing");
    std::vector<std::string> outstanding;
    if (ws_.db().lookupInt("SELECT count(*) FROM referrer_feedback WHERE status = 'outstanding' AND contact_id = ?",
                           contactId) > 0)
        outstanding.push_back("the referrer has not been told the outcome");
    if (ws_.db().lookupInt("SELECT count(*) FROM strategy_discussion WHERE contact_id = ? AND "
                           "status <> 'outcome_recorded'",
                           contactId) > 0)
        outstanding.push_back("the strategy discussion's outcome is not yet recorded");
    if (!outstanding.empty()) {
        std::string reason;
        for (const auto& item : outstanding)
            reason += (reason.empty() ? "" : "; ") + item;
        throw ConflictError("Closing is not possible yet: " + reason);
    }
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kContactClosed, contactId, {{"note", note}});
    scope.commit();
}

RecordedContact ContactWorkflow::recordOutOfHours(const Actor& actor, const Json& input) {
    UserService(ws_).require(actor, {role::kEdtWorker}, "Recording an out-of-hours contact");
    if (!input.is_object())
        throw ValidationError("(input)", "must be a JSON object: {\"contact\": {...}, \"handover\": {...}}");
    std::vector<FieldError> errors;
    for (const auto& [key, _] : input.items())
        if (key != "contact" && key != "handover")
            errors.push_back({key, "is not a field Frontdoor knows (an out-of-hours record has contact and handover)"});
    for (const char* key : {"contact", "handover"})
        if (!input.contains(key) || !input.at(key).is_object())
            errors.push_back({key, "is required: a JSON object"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    return recordOutOfHours(actor, input.at("contact"), input.at("handover"));
}

RecordedContact ContactWorkflow::recordOutOfHours(const Actor& actor, const Json& contact, const Json& handover) {
    UserService(ws_).require(actor, {role::kEdtWorker}, "Recording an out-of-hours contact");
    std::vector<FieldError> errors;
    JsonFields fields(handover, "handover", errors);
    const std::string alreadyDone = fields.text("already_done", true, 20000);
    const std::string note = fields.text("handover_note", true, 20000);
    fields.rejectUnknownKeys();
    if (contact.is_object())
        if (const auto received = contact.find("received_at"); received != contact.end() && received->is_string())
            if (const auto at = parseInstant(received->get<std::string>());
                at && ws_.deadlines().calendar().isOpen(*at))
                errors.push_back({"received_at", "is within the day team's opening hours; the day team records "
                                                 "this contact, not the EDT"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    WriteScope scope(ws_.db());
    RecordedContact recorded = ContactService(ws_).record(actor, contact);
    const Instant receivedAt = *parseInstant(contact.at("received_at").get<std::string>());
    const Deadline due = ws_.deadlines().compute(DeadlineKind::EdtHandover, receivedAt);
    Json payload = deadlineJson(due);
    payload["already_done"] = alreadyDone;
    payload["handover_note"] = note;
    ws_.facts().append(actor, facts::kHandoverWritten, recorded.contactId, payload);
    scope.commit();
    return recorded;
}

void ContactWorkflow::acknowledgeHandover(const Actor& actor, const std::string& contactId, const std::string& note) {
    UserService(ws_).require(actor, {role::kDutyManager}, "Acknowledging a handover");
    checkTextLength("note", note, kMaxNoteLength);
    current(contactId);
    auto& stmt = ws_.db().cached("SELECT acknowledged_by FROM edt_handover WHERE contact_id = ?");
    stmt.bindAll(contactId);
    const bool known = stmt.step();
    const auto acknowledgedBy = known ? stmt.optionalText(0) : std::nullopt;
    stmt.reset();
    if (!known)
        throw ConflictError("this contact has no out-of-hours handover to acknowledge");
    if (acknowledgedBy)
        throw ConflictError("the handover was already acknowledged by " + *acknowledgedBy);
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kHandoverAcknowledged, contactId, {{"note", note}});
    scope.commit();
}

void ContactWorkflow::addNote(const Actor& actor, const std::string& contactId, const std::string& text) {
    UserService(ws_).require(actor, kNoteRoles, "Adding a note to a contact");
    const Current now = current(contactId);
    if (now.status == status::kClosed)
        throw ConflictError("Adding a note is not possible: the contact is closed");
    std::vector<FieldError> errors;
    const Json input{{"text", text}};
    JsonFields fields(input, "", errors);
    const std::string note = fields.text("text", true, kMaxNoteLength);
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kNoteAdded, contactId, {{"text", note}});
    scope.commit();
}

Json ContactWorkflow::notes(const std::string& contactId) {
    auto notes = Json::array();
    bool afterHandover = false;
    bool afterAcknowledgement = false;
    for (const Fact& fact : ws_.facts().factsAbout(contactId)) {
        if (fact.type == facts::kHandoverWritten)
            afterHandover = true;
        else if (fact.type == facts::kHandoverAcknowledged)
            afterAcknowledgement = true;
        else if (fact.type == facts::kNoteAdded)
            notes.push_back({{"by", fact.userId},
                             {"role", fact.role},
                             {"at", formatInstant(fact.recordedAt)},
                             {"text", fact.payload.value("text", "")},
                             {"after_handover", afterHandover},
                             {"after_acknowledgement", afterAcknowledgement}});
    }
    return notes;
}

Json ContactWorkflow::state(const std::string& contactId) {
    const Instant nowAt = ws_.clock().now();
    auto& stmt = ws_.db().cached(
        "SELECT status, received_at, decision_due_at, screener, analysis, recommended_by, recommended_at, "
        "recommendation, level, rag, rag_due_at, returned_reason, decided_by, decided_at, outcome, case_direction, "
        "closed_at, recorded_role FROM contact WHERE id = ?");
    stmt.bindAll(contactId);
    if (!stmt.step()) {
        stmt.reset();
        throw NotFoundError("no contact with id " + excerpt(contactId));
    }
    const auto countdownFor = [&](const std::string& from, const std::optional<std::string>& due,
                                  const std::optional<std::string>& metAt) -> Json {
        if (!due)
            return Json();
        const Instant dueAt = parseInstant(*due).value_or(nowAt);
        Json json{{"due_at", *due}};
        if (metAt) {
            const Instant met = parseInstant(*metAt).value_or(nowAt);
            json["met_at"] = *metAt;
            json["late"] = met > dueAt;
        } else {
            json["countdown"] = countdown(parseInstant(from).value_or(nowAt), dueAt, nowAt, ws_.urgency()).toJson();
        }
        return json;
    };
    const std::string received = stmt.text(1);
    const auto decidedAt = stmt.optionalText(13);
    Json state{{"contact_id", contactId},
               {"status", stmt.text(0)},
               {"received_at", received},
               {"recorded_role", stmt.optionalText(17).value_or("")}};
    state["decision_deadline"] = countdownFor(received, stmt.optionalText(2), decidedAt);
    if (!stmt.isNull(3))
        state["screener"] = stmt.text(3);
    state["analysis"] = parsedJson(stmt.optionalText(4));
    if (!stmt.isNull(5)) {
        state["recommendation"] = parsedJson(stmt.optionalText(7));
        state["recommendation"]["by"] = stmt.text(5);
        state["recommendation"]["at"] = stmt.optionalText(6).value_or("");
        state["rag_deadline"] = countdownFor(received, stmt.optionalText(10), decidedAt);
    }
    if (!stmt.isNull(11))
        state["returned_reason"] = stmt.text(11);
    if (decidedAt)
        state["decision"] = {{"by", stmt.optionalText(12).value_or("")},
                             {"at", *decidedAt},
                             {"outcome", stmt.optionalText(14).value_or("")},
                             {"outcome_label", outcomeLabel(stmt.optionalText(14).value_or(""))},
                             {"case_direction", parsedJson(stmt.optionalText(15))}};
    if (!stmt.isNull(16))
        state["closed_at"] = stmt.text(16);
    stmt.reset();

    auto checks = Json::array();
    auto& partner = ws_.db().cached("SELECT agency, person_spoken_to, checked_at, shared, basis, recorded_by FROM "
                                    "partner_check WHERE contact_id = ? ORDER BY position");
    partner.bindAll(contactId);
    while (partner.step())
        checks.push_back({{"agency", partner.text(0)}, {"person_spoken_to", partner.text(1)},
                          {"checked_at", partner.text(2)}, {"shared", partner.text(3)}, {"basis", partner.text(4)},
                          {"recorded_by", partner.text(5)}});
    partner.reset();
    state["partner_checks"] = checks;

    auto& feedback = ws_.db().cached("SELECT status, told_by, told_at, how, note FROM referrer_feedback WHERE contact_id = ?");
    feedback.bindAll(contactId);
    if (feedback.step())
        state["referrer_feedback"] = {{"status", feedback.text(0)}, {"told_by", feedback.optionalText(1).value_or("")},
                                      {"told_at", feedback.optionalText(2).value_or("")},
                                      {"how", feedback.optionalText(3).value_or("")}};
    feedback.reset();

    auto& handover = ws_.db().cached("SELECT written_by, written_at, already_done, note, due_at, due_explanation, "
                                     "acknowledged_by, acknowledged_at, acknowledgement FROM edt_handover "
                                     "WHERE contact_id = ?");
    handover.bindAll(contactId);
    if (handover.step()) {
        Json json{{"written_by", handover.text(0)}, {"written_at", handover.text(1)},
                  {"already_done", handover.text(2)}, {"handover_note", handover.text(3)},
                  {"explanation", handover.text(5)}};
        json["deadline"] = countdownFor(received, handover.text(4), handover.optionalText(7));
        if (!handover.isNull(6)) {
            json["acknowledged_by"] = handover.text(6);
            json["acknowledged_at"] = handover.optionalText(7).value_or("");
            json["acknowledgement_note"] = handover.optionalText(8).value_or("");
        }
        state["handover"] = json;
    }
    handover.reset();

    auto discussions = Json::array();
    auto& strategy = ws_.db().cached("SELECT id, status, due_at, due_explanation, held_at, icpc_due_at, "
                                     "icpc_explanation, s47_decision, missing_agencies, required_at FROM "
                                     "strategy_discussion WHERE contact_id = ? ORDER BY required_at");
    strategy.bindAll(contactId);
    while (strategy.step()) {
        Json json{{"id", strategy.text(0)}, {"status", strategy.text(1)}, {"explanation", strategy.text(3)},
                  {"required_at", strategy.text(9)}};
        json["deadline"] = countdownFor(strategy.text(9), strategy.text(2), strategy.optionalText(4));
        if (!strategy.isNull(5))
            json["icpc_due"] = {{"due_at", strategy.text(5)}, {"explanation", strategy.optionalText(6).value_or("")}};
        if (!strategy.isNull(7))
            json["s47_decision"] = strategy.text(7);
        json["missing_agencies"] = parsedJson(strategy.optionalText(8));
        discussions.push_back(json);
    }
    strategy.reset();
    state["strategy_discussions"] = discussions;
    state["notes"] = notes(contactId);
    return state;
}

} // namespace frontdoor::core
