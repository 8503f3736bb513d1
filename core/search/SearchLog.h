#pragma once
// Searches are part of the record, as opening a record is: who searched, when, what for and how many
// results came back. Searching people is how someone finds a child's record, so an auditor looking at
// who looked at a child needs the searches too. The CLI logs each search; the desktop logs a search
// once the person stops typing (not each keystroke).
//
// Fact type (subject = the user who searched):
//   search.performed {kind, query, results}
//     kind:  "person" (person search), "quick" (the search box, `search`), "matching" (the new-contact
//            form's matching panel)
//     query: what was asked, each text at most 200 characters

#include "Workspace.h"
#include "store/Fact.h"

#include <string>

namespace frontdoor::core {

inline constexpr const char* kSearchPerformed = "search.performed";

/// Records a search by `actor` (who must be an enabled user holding their role). `query` is an object
/// of what was asked; its strings are cut to 200 characters (and invalid UTF-8 replaced) before they
/// are recorded.
void logSearch(Workspace& workspace, const Actor& actor, const std::string& kind, const Json& query, size_t results);

/// `query` as logSearch records it.
Json boundedSearchQuery(const Json& query);

/// How a search reads in a timeline.
void registerSearchLog(Projections& projections);

} // namespace frontdoor::core
