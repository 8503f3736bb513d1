#pragma once
// Strategy discussions: when significant harm is suspected, police, health and children's social care
// (the worker and their manager) meet within 24 hours of the decision that one is needed (Halton's
// local target). A discussion is required by the sign-off, then scheduled, held, and its outcome
// recorded, each a fact on the contact:
//
//   required -> scheduled -> held -> outcome_recorded
//
// Scheduling without a required agency is refused unless a duty manager acknowledges the gap, and the
// gap stays on the record (Ofsted asked Halton to involve all relevant partners). The outcome records
// the section 47 decision and every agreed action with an owner, agency and due date; the initial child
// protection conference is then due 15 working days after the discussion.

#include "Workspace.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace frontdoor::core {

/// Agencies a strategy discussion invites: police, health, childrens_social_care, education,
/// early_help, referrer, probation, housing, other.
const std::vector<std::string>& strategyAgencies();

struct StrategyAction {
    std::string discussionId;
    std::string contactId;
    int index = 0;
    std::string action;
    std::string owner;
    std::string agency;
    Date due;
    std::optional<Instant> completedAt;
    nlohmann::json toJson() const;
};

/// "held at 08:02, earlier than scheduled 10:00" (UK time, to the minute; each with its day,
/// "Mon 23/11/2026 23:30", when the days differ).
std::string heldEarlyNote(Instant heldAt, Instant scheduledFor);

class StrategyDiscussions {
public:
    explicit StrategyDiscussions(Workspace& workspace) : ws_(workspace) {}

    /// The invitees a discussion about this contact should have: the required agencies, plus the
    /// referrer, education and early help where the contact makes them relevant. For pre-filling.
    nlohmann::json suggestedInvitees(const std::string& contactId);

    /// The required agencies `invitees` (each {"agency", "role"}) leave out, as people read them
    /// ("police", "children's social care manager"); empty when everyone required is invited.
    static std::vector<std::string> missingRequired(const nlohmann::json& invitees);

    /// Schedules (or reschedules) the contact's open discussion. `input`:
    /// {"scheduled_for": instant, "location": "room, or call details",
    ///  "invitees": [{"agency", "name", "role"}], "acknowledge_missing": bool}.
    /// Police, health, a children's social care worker (role "social_worker") and manager (role
    /// "manager") are required; if any is missing, a duty manager must acknowledge it (the result lists
    /// what is missing). Returns the discussion.
    nlohmann::json schedule(const Actor& actor, const std::string& contactId, const nlohmann::json& input);

    /// Records that it was held: {"held_at", "attendees": [{"name", "agency", "role"}],
    /// "apologies": [{"name", "agency"}], "agency_information": [{"agency", "information"}]}.
    /// A meeting held before the time it was scheduled for is accepted, and the change is noted in the
    /// fact, the record (`meeting.earlier_than_scheduled`: {"scheduled_for", "note"}) and the timeline:
    /// "held at 08:02, earlier than scheduled 10:00" (UK time; dates added when the days differ).
    nlohmann::json recordHeld(const Actor& actor, const std::string& contactId, const nlohmann::json& input);

    /// Records the outcome: {"at_risk": [{"name", "relationship", "in_family": bool}],
    /// "immediate_safety_actions", "s47_decision": "single_agency" | "joint" | "none", "s47_reason"
    /// (required for none), "medical_examination": {"required": bool, "arrangements"},
    /// "family_told": {"what", "when"}, "actions": [{"action", "owner", "agency", "due": date}]}.
    /// Sets the initial child protection conference due date when there is a section 47 enquiry.
    nlohmann::json recordOutcome(const Actor& actor, const std::string& contactId, const nlohmann::json& input);

    /// Marks agreed action `index` of the contact's discussion done.
    void completeAction(const Actor& actor, const std::string& contactId, int index, const std::string& note);

    /// The contact's discussions with everything recorded, newest last.
    nlohmann::json forContact(const std::string& contactId);

    /// Agreed actions past their due date and not done, oldest first.
    std::vector<StrategyAction> overdueActions(Date today);

private:
    struct Open {
        std::string id;
        std::string status;
        Instant requiredAt;
    };
    Open openDiscussion(const std::string& contactId);

    Workspace& ws_;
};

} // namespace frontdoor::core
