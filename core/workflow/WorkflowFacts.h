#pragma once
// The facts of a contact's life after it is recorded. Every one has the contact's id as its subject,
// so a contact's timeline is simply the facts about it. Payloads are documented in docs/cli.md.

#include "contacts/ContactStatus.h"

#include <array>
#include <span>

namespace frontdoor::core::facts {

inline constexpr const char* kScreeningStarted = "screening.started";
/// Screening started by mistake (or by the wrong person) given back to the queue: {"reason"}.
inline constexpr const char* kScreeningHandedBack = "screening.handed_back";
inline constexpr const char* kPartnerCheckAdded = "screening.partner_check_added";
inline constexpr const char* kAnalysisSaved = "screening.analysis_saved";
inline constexpr const char* kRecommended = "screening.recommended";
inline constexpr const char* kReturned = "signoff.returned";
inline constexpr const char* kDecided = "signoff.decided";
inline constexpr const char* kReferrerInformed = "referrer.informed";
inline constexpr const char* kContactClosed = "contact.closed";
inline constexpr const char* kHandoverWritten = "edt.handover_written";
inline constexpr const char* kHandoverAcknowledged = "edt.acknowledged";
/// A note added to a contact by anyone working on it (an EDT worker after recording, a screener, a duty
/// manager): {"text"}. Changes no status; read from the facts by ContactWorkflow::state.
inline constexpr const char* kNoteAdded = "contact.note_added";
inline constexpr const char* kStrategyScheduled = "strategy.scheduled";
inline constexpr const char* kStrategyHeld = "strategy.held";
inline constexpr const char* kStrategyOutcome = "strategy.outcome_recorded";
inline constexpr const char* kStrategyActionCompleted = "strategy.action_completed";

} // namespace frontdoor::core::facts

namespace frontdoor::core::allowedFrom {

/// Where a contact may stand for each workflow fact to change it. One list for both guards: the service
/// refuses the step elsewhere at its own desk (ConflictError), and the projection holds a fact from
/// another desk that finds the contact elsewhere as a conflict (SyncConflicts.h).
using Statuses = std::span<const char* const>;
inline constexpr std::array kScreeningStarted{status::kRecorded, status::kReturned};
inline constexpr std::array kScreeningHandedBack{status::kInScreening};
inline constexpr std::array kPartnerCheckAdded{status::kRecorded, status::kInScreening, status::kReturned,
                                               status::kRecommended};
inline constexpr std::array kAnalysisSaved{status::kRecorded, status::kInScreening, status::kReturned};
inline constexpr std::array kRecommended{status::kInScreening, status::kReturned};
inline constexpr std::array kReturned{status::kRecommended};
inline constexpr std::array kDecided{status::kRecommended};
inline constexpr std::array kContactClosed{status::kDecided};

} // namespace frontdoor::core::allowedFrom
