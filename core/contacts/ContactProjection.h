#pragma once
// Projects contact facts into `contact`, `contact_child` and `contact_adult` (with people/AdultPeople.h's
// contact.adults_linked).
//
// Fact types:
//   contact.recorded          subject = contact id, payload = the contact (Contact.h toJson), every child
//                             carrying the id of the person it is linked to, and each adult who is a
//                             person their "person_id"
//   contact.amended           subject = contact id, payload = {"contact": <full contact>, "reason": text}
//   contact.outcome_recorded  subject = contact id, payload = {"outcome": code, "decided_at": instant,
//                             "note": text, "imported": true}; an administrator importing history decided
//                             outside Frontdoor (ContactService::importOutcome); decisions made here are
//                             signoff.decided facts (workflow/WorkflowFacts.h)
//   contact.draft_saved       subject = draft id (the contact id it will have), payload = {"body": partial contact}
//   contact.draft_discarded   subject = draft id, payload = {"reason": text}
//     Both written only before migration 10 and no longer projected: drafts now live in the desk-local
//     `drafts` table (store/DraftTable.h), outside the fact log. Old ones still read in a timeline.

#include "store/Projections.h"

namespace frontdoor::core {

inline constexpr const char* kContactRecorded = "contact.recorded";
inline constexpr const char* kContactAmended = "contact.amended";
inline constexpr const char* kContactOutcomeRecorded = "contact.outcome_recorded";
inline constexpr const char* kContactDraftSaved = "contact.draft_saved";
inline constexpr const char* kContactDraftDiscarded = "contact.draft_discarded";
/// Someone read a record: subject = the contact or person id, payload = {"what": "contact" | "person"}.
inline constexpr const char* kRecordViewed = "record.viewed";

void registerContactProjection(Projections& projections);

/// The projection's integer key for a contact id, or nullopt.
std::optional<int64_t> contactKey(Database& db, const std::string& id);

} // namespace frontdoor::core
