#include "workflow/WorkflowProjection.h"

#include "contacts/ContactProjection.h"
#include "contacts/Outcomes.h"
#include "time/UkTime.h"
#include "users/Roles.h"
#include "util/Text.h"
#include "workflow/SyncConflicts.h"
#include "workflow/WorkflowFacts.h"

namespace frontdoor::core {
namespace {

// Timeline words read beside the desktop's times: "24/11/2026", "Tue 24/11/2026 10:00" (UK time). Text
// that is not a date or an instant is shown as it is.
std::string dayText(const std::string& iso) {
    const auto date = parseDate(iso);
    return date ? formatDayMonthYear(*date) : iso;
}
std::string dayTimeText(const std::string& iso) {
    const auto instant = parseInstant(iso);
    return instant ? formatUkDayTime(*instant) : iso;
}

std::string text(const Json& json, const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> optionalText(const Json& json, const char* key) {
    const std::string value = text(json, key);
    if (value.empty())
        return std::nullopt;
    return value;
}

void setStatus(Database& db, const Fact& fact, const char* status) {
    db.cached("UPDATE contact SET status = ?, updated_hlc = ? WHERE id = ?")
        .bindAll(std::string(status), fact.hlc.packed, fact.subject)
        .run();
}

void screeningStarted(Database& db, const Fact& fact) {
    if (!admitWorkflowFact(db, fact, allowedFrom::kScreeningStarted, true))
        return;
    setStatus(db, fact, status::kInScreening);
    db.cached("UPDATE contact SET screener = ? WHERE id = ?").bindAll(fact.userId, fact.subject).run();
}

// Back to where it stood before screening began: returned if a duty manager had returned it, else
// recorded; off the screener's work.
void screeningHandedBack(Database& db, const Fact& fact) {
    if (!admitWorkflowFact(db, fact, allowedFrom::kScreeningHandedBack, true))
        return;
    db.cached("UPDATE contact SET status = CASE WHEN returned_reason IS NOT NULL THEN ? ELSE ? END, screener = NULL, "
              "updated_hlc = ? WHERE id = ?")
        .bindAll(std::string(status::kReturned), std::string(status::kRecorded), fact.hlc.packed, fact.subject)
        .run();
}

void partnerCheckAdded(Database& db, const Fact& fact) {
    if (!admitWorkflowFact(db, fact, allowedFrom::kPartnerCheckAdded, false))
        return;
    const auto& p = fact.payload;
    db.cached("INSERT INTO partner_check(contact_id, position, agency, person_spoken_to, checked_at, shared, basis, "
              "recorded_by) VALUES (?, (SELECT count(*) FROM partner_check WHERE contact_id = ?), ?, ?, ?, ?, ?, ?)")
        .bindAll(fact.subject, fact.subject, text(p, "agency"), text(p, "person_spoken_to"), text(p, "checked_at"),
                 text(p, "shared"), text(p, "basis"), fact.userId)
        .run();
}

void analysisSaved(Database& db, const Fact& fact) {
    if (!admitWorkflowFact(db, fact, allowedFrom::kAnalysisSaved, false))
        return;
    db.cached("UPDATE contact SET analysis = ?, updated_hlc = ? WHERE id = ?")
        .bindAll(fact.payload.dump(), fact.hlc.packed, fact.subject)
        .run();
}

void recommended(Database& db, const Fact& fact) {
    if (!admitWorkflowFact(db, fact, allowedFrom::kRecommended, true))
        return;
    const auto& p = fact.payload;
    const Json rag = p.value("rag_due", Json::object());
    db.cached("UPDATE contact SET status = ?, recommended_by = ?, recommended_at = ?, recommendation = ?, level = ?, "
              "rag = ?, rag_due_at = ?, returned_reason = NULL, updated_hlc = ? WHERE id = ?")
        .bindAll(std::string(status::kRecommended), fact.userId, formatInstant(fact.recordedAt), p.dump(),
                 static_cast<int64_t>(p.value("level", 0)), text(p, "rag"), optionalText(rag, "due_at"),
                 fact.hlc.packed, fact.subject)
        .run();
}

void returned(Database& db, const Fact& fact) {
    if (!admitWorkflowFact(db, fact, allowedFrom::kReturned, true))
        return;
    db.cached("UPDATE contact SET status = ?, returned_reason = ?, updated_hlc = ? WHERE id = ?")
        .bindAll(std::string(status::kReturned), text(fact.payload, "reason"), fact.hlc.packed, fact.subject)
        .run();
}

void decided(Database& db, const Fact& fact) {
    if (!admitWorkflowFact(db, fact, allowedFrom::kDecided, true))
        return;
    const auto& p = fact.payload;
    db.cached("UPDATE contact SET status = ?, outcome = ?, decided_at = ?, decided_by = ?, level = ?, rag = ?, "
              "case_direction = ?, updated_hlc = ? WHERE id = ?")
        .bindAll(std::string(status::kDecided), text(p, "outcome"), formatInstant(fact.recordedAt), fact.userId,
                 static_cast<int64_t>(p.value("level", 0)), text(p, "rag"),
                 p.value("case_direction", Json::object()).dump(), fact.hlc.packed, fact.subject)
        .run();
    if (p.value("referrer_feedback_required", false))
        db.cached("INSERT OR REPLACE INTO referrer_feedback(contact_id, required_at, status) VALUES (?, ?, 'outstanding')")
            .bindAll(fact.subject, formatInstant(fact.recordedAt))
            .run();
    if (const auto strategy = p.find("strategy_discussion"); strategy != p.end() && strategy->is_object())
        db.cached("INSERT OR IGNORE INTO strategy_discussion(id, contact_id, status, required_at, due_at, "
                  "due_explanation, updated_hlc) VALUES (?, ?, 'required', ?, ?, ?, ?)")
            .bindAll(text(*strategy, "id"), fact.subject, formatInstant(fact.recordedAt), text(*strategy, "due_at"),
                     text(*strategy, "explanation"), fact.hlc.packed)
            .run();
}

void referrerInformed(Database& db, const Fact& fact) {
    const auto& p = fact.payload;
    db.cached("UPDATE referrer_feedback SET status = 'done', told_by = ?, told_at = ?, how = ?, note = ? "
              "WHERE contact_id = ?")
        .bindAll(text(p, "told_by"), text(p, "told_at"), text(p, "how"), text(p, "note"), fact.subject)
        .run();
}

void closed(Database& db, const Fact& fact) {
    if (!admitWorkflowFact(db, fact, allowedFrom::kContactClosed, true))
        return;
    setStatus(db, fact, status::kClosed);
    db.cached("UPDATE contact SET closed_at = ? WHERE id = ?").bindAll(formatInstant(fact.recordedAt), fact.subject).run();
}

void handoverWritten(Database& db, const Fact& fact) {
    const auto& p = fact.payload;
    db.cached("INSERT OR IGNORE INTO edt_handover(contact_id, written_by, written_at, already_done, note, due_at, "
              "due_explanation) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(fact.subject, fact.userId, formatInstant(fact.recordedAt), text(p, "already_done"),
                 text(p, "handover_note"), text(p, "due_at"), text(p, "explanation"))
        .run();
}

void handoverAcknowledged(Database& db, const Fact& fact) {
    db.cached("UPDATE edt_handover SET acknowledged_by = ?, acknowledged_at = ?, acknowledgement = ? "
              "WHERE contact_id = ?")
        .bindAll(fact.userId, formatInstant(fact.recordedAt), text(fact.payload, "note"), fact.subject)
        .run();
}

void strategyScheduled(Database& db, const Fact& fact) {
    const auto& p = fact.payload;
    db.cached("UPDATE strategy_discussion SET status = 'scheduled', scheduled_for = ?, location = ?, invitees = ?, "
              "missing_agencies = ?, missing_acknowledged_by = ?, updated_hlc = ? WHERE id = ?")
        .bindAll(text(p, "scheduled_for"), text(p, "location"), p.value("invitees", Json::array()).dump(),
                 p.value("missing_required", Json::array()).dump(), optionalText(p, "missing_acknowledged_by"),
                 fact.hlc.packed, text(p, "discussion_id"))
        .run();
}

void strategyHeld(Database& db, const Fact& fact) {
    const auto& p = fact.payload;
    Json meeting = p;
    meeting.erase("discussion_id");
    db.cached("UPDATE strategy_discussion SET status = 'held', held_at = ?, meeting = ?, updated_hlc = ? WHERE id = ?")
        .bindAll(text(p, "held_at"), meeting.dump(), fact.hlc.packed, text(p, "discussion_id"))
        .run();
}

void strategyOutcome(Database& db, const Fact& fact) {
    const auto& p = fact.payload;
    const std::string id = text(p, "discussion_id");
    Json outcome = p;
    outcome.erase("discussion_id");
    outcome.erase("actions");
    const Json icpc = p.value("icpc_due", Json::object());
    db.cached("UPDATE strategy_discussion SET status = 'outcome_recorded', outcome = ?, s47_decision = ?, "
              "icpc_due_at = ?, icpc_explanation = ?, updated_hlc = ? WHERE id = ?")
        .bindAll(outcome.dump(), text(p, "s47_decision"), optionalText(icpc, "due_at"),
                 optionalText(icpc, "explanation"), fact.hlc.packed, id)
        .run();
    int position = 0;
    for (const auto& action : p.value("actions", Json::array()))
        db.cached("INSERT OR REPLACE INTO strategy_action(discussion_id, position, action, owner, agency, due_on) "
                  "VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(id, position++, text(action, "action"), text(action, "owner"), text(action, "agency"),
                     text(action, "due"))
            .run();
}

void strategyActionCompleted(Database& db, const Fact& fact) {
    const auto& p = fact.payload;
    db.cached("UPDATE strategy_action SET completed_at = ?, completed_by = ? WHERE discussion_id = ? AND position = ?")
        .bindAll(formatInstant(fact.recordedAt), fact.userId, text(p, "discussion_id"),
                 static_cast<int64_t>(p.value("action_index", -1)))
        .run();
}

std::string by(const Fact& fact) { return " (" + fact.userId + ", " + roleLabel(fact.role) + ")"; }

void describeAll(Projections& projections) {
    using namespace facts;
    projections.describe(kScreeningStarted, [](const Fact&) { return std::string("Screening started"); });
    projections.describe(kScreeningHandedBack, [](const Fact& f) {
        return "Screening handed back to the queue: " + text(f.payload, "reason");
    });
    projections.describe(kPartnerCheckAdded, [](const Fact& f) {
        return "Partner check: " + text(f.payload, "agency") + ", spoke to " + text(f.payload, "person_spoken_to");
    });
    projections.describe(kAnalysisSaved, [](const Fact&) { return std::string("Analysis of risks and strengths saved"); });
    projections.describe(kRecommended, [](const Fact& f) {
        return "Recommended: " + outcomeLabel(text(f.payload, "outcome")) + ", " + text(f.payload, "level_label") +
               ", RAG " + text(f.payload, "rag");
    });
    projections.describe(kReturned, [](const Fact& f) { return "Returned for edits: " + text(f.payload, "reason"); });
    projections.describe(kDecided, [](const Fact& f) {
        const Json direction = f.payload.value("case_direction", Json::object());
        return "Signed off: " + outcomeLabel(text(f.payload, "outcome")) + ". Case direction: " +
               text(direction, "what") + " (by " + text(direction, "by_whom") + ", by " + dayText(text(direction, "by_when")) + ")";
    });
    projections.describe(kReferrerInformed, [](const Fact& f) {
        return "Referrer told the outcome by " + text(f.payload, "how") + " (" + text(f.payload, "told_by") + ")";
    });
    projections.describe(kContactClosed, [](const Fact&) { return std::string("Contact closed"); });
    projections.describe(kHandoverWritten, [](const Fact&) { return std::string("Out-of-hours handover written"); });
    projections.describe(kHandoverAcknowledged, [](const Fact& f) {
        const std::string note = text(f.payload, "note");
        return note.empty() ? std::string("Handover acknowledged") : "Handover acknowledged: " + note;
    });
    projections.describe(kNoteAdded, [](const Fact& f) { return "Note: " + text(f.payload, "text"); });
    projections.describe(kStrategyScheduled, [](const Fact& f) {
        std::string line = "Strategy discussion scheduled for " + dayTimeText(text(f.payload, "scheduled_for"));
        const Json missing = f.payload.value("missing_required", Json::array());
        if (!missing.empty())
            line += "; not invited: " + missing.dump() + ", acknowledged by " + text(f.payload, "missing_acknowledged_by");
        return line;
    });
    projections.describe(kStrategyHeld, [](const Fact& f) {
        const Json early = f.payload.value("earlier_than_scheduled", Json::object());
        const std::string note = early.is_object() ? early.value("note", std::string()) : std::string();
        return note.empty() ? std::string("Strategy discussion held") : "Strategy discussion " + note;
    });
    projections.describe(kStrategyOutcome, [](const Fact& f) {
        return "Strategy discussion outcome: section 47 " + text(f.payload, "s47_decision");
    });
    projections.describe(kStrategyActionCompleted, [](const Fact&) { return std::string("Strategy action completed"); });
    projections.describe(core::kRecordViewed, [](const Fact& f) { return "Viewed" + by(f); });
}

} // namespace

void registerWorkflowProjection(Projections& projections) {
    using namespace facts;
    const std::string bySubject = "contact_id IN (SELECT subject FROM temp.fd_reproject)";
    projections.ownTable("partner_check", "contact_id, position", bySubject);
    projections.ownTable("referrer_feedback", "contact_id", bySubject);
    projections.ownTable("edt_handover", "contact_id", bySubject);
    projections.ownTable("strategy_discussion", "id", bySubject);
    projections.ownTable("strategy_action", "discussion_id, position",
                          "discussion_id IN (SELECT id FROM strategy_discussion WHERE " + bySubject + ")");
    projections.on(kScreeningStarted, screeningStarted);
    projections.on(kScreeningHandedBack, screeningHandedBack);
    projections.on(kPartnerCheckAdded, partnerCheckAdded);
    projections.on(kAnalysisSaved, analysisSaved);
    projections.on(kRecommended, recommended);
    projections.on(kReturned, returned);
    projections.on(kDecided, decided);
    projections.on(kReferrerInformed, referrerInformed);
    projections.on(kContactClosed, closed);
    projections.on(kHandoverWritten, handoverWritten);
    projections.on(kHandoverAcknowledged, handoverAcknowledged);
    projections.on(kStrategyScheduled, strategyScheduled);
    projections.on(kStrategyHeld, strategyHeld);
    projections.on(kStrategyOutcome, strategyOutcome);
    projections.on(kStrategyActionCompleted, strategyActionCompleted);
    describeAll(projections);
}

} // namespace frontdoor::core
