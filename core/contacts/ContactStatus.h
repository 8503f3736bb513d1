#pragma once
// Where a contact stands in its life (the `contact.status` column of the projection). The workflow
// (workflow/ContactWorkflow.h) owns the transitions; the states live here, below it, so that every
// service that must refuse to act on a contact in the wrong state can check them without depending on
// the workflow.

namespace frontdoor::core::status {

inline constexpr const char* kRecorded = "recorded";
inline constexpr const char* kInScreening = "in_screening";
inline constexpr const char* kRecommended = "recommended";
inline constexpr const char* kReturned = "returned";
inline constexpr const char* kDecided = "decided";
inline constexpr const char* kClosed = "closed";

} // namespace frontdoor::core::status
