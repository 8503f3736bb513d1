#pragma once
// The life of a contact after it is recorded, as an explicit state machine enforced here, whichever
// front end is used (DOMAIN.md, "A contact, start to finish"):
//
//   draft -> recorded -> in_screening -> recommended -> decided -> closed
//                             ^               |
//                             +-- returned <--+        (a duty manager returns it with a reason)
//
// Each transition is a fact carrying the actor, their role and the time. An illegal transition is
// refused with a ConflictError that says why; an action by the wrong role with a ForbiddenError that
// names the role needed. Sign-off is for a duty manager who did not make the recommendation.
// Out of hours, an EDT worker records the contact with a handover the day team must acknowledge.

#include "Workspace.h"
#include "contacts/ContactService.h"
#include "rules/ScreeningDecisionService.h"
#include "workflow/WorkflowFacts.h"

#include <nlohmann/json.hpp>

#include <string>

namespace frontdoor::core {

class ContactWorkflow {
public:
    explicit ContactWorkflow(Workspace& workspace) : ws_(workspace) {}

    /// recorded or returned -> in_screening. Screener or duty manager.
    void startScreening(const Actor& actor, const std::string& contactId);

    /// in_screening -> back where it was (recorded, or returned when a duty manager had returned it), off
    /// the screener's work and back in the queue, with the reason (a contact picked up by mistake, or to
    /// be screened by someone else). The screener who started it, or a duty manager. What was recorded
    /// meanwhile (partner checks, analysis) stays.
    void handBack(const Actor& actor, const std::string& contactId, const std::string& reason);

    /// A check with a partner agency: {"agency", "person_spoken_to", "checked_at", "shared", "basis"}.
    /// Allowed until the contact is decided. Screener or duty manager.
    void addPartnerCheck(const Actor& actor, const std::string& contactId, const nlohmann::json& check);

    /// The analysis: {"risks", "strengths", "analysis"} (strength-based: strengths as well as risks).
    void saveAnalysis(const Actor& actor, const std::string& contactId, const nlohmann::json& analysis);

    /// in_screening or returned -> recommended. `input` is a screening decision (indicators, context,
    /// chosen level/outcome/rag, rationale when departing from the rules' suggestion; see
    /// ScreeningDecisionService::record) plus "recommendation" (the screener's words). Records the
    /// screening decision and sets the RAG deadline. Screener or duty manager.
    ScreeningDecision recommend(const Actor& actor, const std::string& contactId, const nlohmann::json& input);

    /// recommended -> returned, with the reason. A duty manager other than the recommender.
    void returnForEdits(const Actor& actor, const std::string& contactId, const std::string& reason);

    /// recommended -> decided. A duty manager other than the recommender. `input`:
    /// {"case_direction": {"what", "by_whom", "by_when"}, "outcome" (optional: a different outcome),
    ///  "rationale" (required when the outcome differs from the recommendation)}.
    /// Creates the task of telling the referrer (unless anonymous) and, for a strategy discussion or
    /// immediate protection, a strategy discussion due 24 hours from now.
    void signOff(const Actor& actor, const std::string& contactId, const nlohmann::json& input);

    /// The referrer was told the outcome: {"told_by" (default the actor), "told_at" (default now), "how",
    /// "note"}. Screener or duty manager.
    void informReferrer(const Actor& actor, const std::string& contactId, const nlohmann::json& input);

    /// decided -> closed, once the referrer has been told and any strategy discussion's outcome recorded.
    void close(const Actor& actor, const std::string& contactId, const std::string& note);

    /// An EDT worker records an out-of-hours contact (contact record JSON) with its handover:
    /// {"already_done", "handover_note"}. The handover is due at the next opening.
    RecordedContact recordOutOfHours(const Actor& actor, const nlohmann::json& contact, const nlohmann::json& handover);
    /// As above, from edt record's input: {"contact": {...}, "handover": {...}} and nothing else.
    RecordedContact recordOutOfHours(const Actor& actor, const nlohmann::json& input);

    /// A day-team duty manager acknowledges an EDT handover.
    void acknowledgeHandover(const Actor& actor, const std::string& contactId, const std::string& note);

    /// A note on the contact: what came to light since (the mother came home at 05:00), by a screener,
    /// duty manager or EDT worker (not an auditor or administrator: they record no casework), on a contact
    /// in any state but closed. `text` is required, trimmed, at most 5,000 characters. A fact
    /// `contact.note_added` {"text"}; state() lists the notes.
    void addNote(const Actor& actor, const std::string& contactId, const std::string& text);

    /// Where the contact stands: status, deadlines with countdowns, screening, partner checks,
    /// recommendation, decision, referrer feedback, handover, strategy discussions and notes (each with
    /// who, role, when, text, and whether it was added after an EDT handover / after its acknowledgement).
    nlohmann::json state(const std::string& contactId);

private:
    struct Current {
        std::string status;
        std::string recommendedBy;
        nlohmann::json recommendation;
        std::string source;
        Instant receivedAt;
    };
    Current current(const std::string& contactId);
    nlohmann::json notes(const std::string& contactId);
    void requireStatus(const Current& now, allowedFrom::Statuses allowed, const std::string& action);

    Workspace& ws_;
};

} // namespace frontdoor::core
