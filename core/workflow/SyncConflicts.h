#pragma once
// Concurrent decisions made at desks that could not see each other (issue 12 point 5): two screeners
// starting one contact, two duty managers signing off (or one signing off, one returning) the same
// recommendation, someone acting on a contact closed elsewhere, a user disabled at one desk while acting
// at another. Facts are projected in HLC order, so every desk sees the same first: it stands, and the
// later incompatible fact changes nothing but becomes a row in sync_conflict, kept and listed until a
// duty manager resolves it with a fact (sync.conflict_resolved). A single desk's refusals (services
// checking before they append) are unchanged: these rules only ever meet facts from other desks.
//
//   sync_conflict: id (= fact B's id), kind, contact_id, fact A (stands) and B (not applied) with who,
//   role and when, detail (in words), status open|resolved, kept A|B, who resolved it, when, the note.

#include "Workspace.h"
#include "store/Projections.h"
#include "workflow/WorkflowFacts.h"

#include <nlohmann/json.hpp>

#include <string>

namespace frontdoor::core {

inline constexpr const char* kSyncConflictResolved = "sync.conflict_resolved";

/// Called first by each workflow handler whose service checks the contact's status. True when `fact`
/// may change the contact as projected now: its status is one of `allowed` (the service's own list, from
/// WorkflowFacts.h's allowedFrom) and its author's account was
/// not disabled before it (read from the facts, by HLC). Otherwise records the conflict (naming the fact
/// that stands) and returns false, so the handler changes nothing. A contact not held yet: false, no
/// conflict (its facts sort earlier and re-projection brings them in order). When `movesStatus`, an
/// admitted fact becomes the contact's latest transition (fact A of any later conflict).
bool admitWorkflowFact(Database& db, const Fact& fact, allowedFrom::Statuses allowed, bool movesStatus);

/// The sync_conflict and contact_transition tables, the resolution's handler and descriptions.
void registerSyncConflicts(Projections& projections);

/// How a fact reads in a timeline beside its description when it took part in a conflict ("not applied:
/// ..."; "superseded: ..."), or "" when it did not.
std::string conflictWords(Database& db, const std::string& factId);

class SyncConflicts {
public:
    explicit SyncConflicts(Workspace& workspace) : ws_(workspace) {}

    /// Every conflict, open ones first, each with both facts (who, role, when and what each decided, in
    /// the timeline's words), the contact's reference and children, kind and status. Duty manager,
    /// administrator or auditor. {"open": N, "conflicts": [...]}.
    nlohmann::json list(const Actor& actor);
    /// The open conflicts on one contact, oldest first: [{"id", "kind", "detail"}]. For the contact's
    /// banner: no role needed beyond reading the contact (whoever reads it may see that it waits).
    nlohmann::json openOn(const std::string& contactId);
    /// Open conflicts (for sync's summary; no role needed, it reads a count).
    int64_t openCount();

    /// A duty manager resolves a conflict: `keep` "A" (the first stands, as it does already) or "B" (the
    /// later fact's decision stands from now on; A is shown as superseded). `note` says why (at least
    /// 10 characters). ValidationError naming keep or note; NotFoundError for an unknown id;
    /// ConflictError when it is already resolved.
    void resolve(const Actor& actor, const std::string& conflictId, const std::string& keep, const std::string& note);

private:
    Workspace& ws_;
};

} // namespace frontdoor::core
