#pragma once
// Duplicate people: merging two records of one child, undoing a merge, and saying two records are
// different children. All three are facts; nothing is rewritten.
//
// Fact types:
//   person.merged         subject = the person merged away ("other"); payload {"keep", "other", "reason"}.
//                         The merge's id is the fact's id.
//   person.unmerged       subject = the same "other"; payload {"merge_id", "reason"}
//   person.not_duplicate  subject = the smaller of the two ids; payload {"a", "b", "reason"} (a < b)
//
// Contacts keep naming the person they named. Who a person *is* is read from the merges in force: a
// merged person resolves to the survivor (following a chain of merges), and a survivor's record is the
// union of everyone resolving to it. Undoing a merge therefore restores both people exactly.

#include "Workspace.h"
#include "people/Person.h"
#include "store/Projections.h"

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

inline constexpr const char* kPersonMerged = "person.merged";
inline constexpr const char* kPersonUnmerged = "person.unmerged";
inline constexpr const char* kPersonNotDuplicate = "person.not_duplicate";

void registerPersonMergeProjection(Projections& projections);

/// One merge in force (or undone), as recorded.
struct PersonMergeRecord {
    std::string mergeId;
    std::string keepId;
    std::string otherId;
    std::string reason;
    std::string mergedBy;
    std::string mergedAt;
    bool undone = false;
    std::string unmergedBy;
    std::string unmergedAt;
    std::string unmergeReason;
    nlohmann::json toJson() const;
};

/// The person `id` stands for now: itself, or the survivor of the merges in force (a chain followed to
/// its end). Unknown ids come back unchanged.
std::string resolvePersonId(Database& db, const std::string& id);
/// Everyone resolving to `rootId` (itself first, then the others in the order they were merged).
std::vector<std::string> mergeGroup(Database& db, const std::string& rootId);
/// True if `id` is merged into someone else by a merge in force.
bool isMergedAway(Database& db, const std::string& id);
/// The merge in force that took `otherId` away, if any.
std::optional<PersonMergeRecord> activeMergeOf(Database& db, const std::string& otherId);
/// One merge by id, in force or undone.
std::optional<PersonMergeRecord> loadMerge(Database& db, const std::string& mergeId);
/// The merges in force into anyone of `rootId`'s group (what made the group), oldest first.
std::vector<PersonMergeRecord> mergesInto(Database& db, const std::string& rootId);
/// Every merge in force (not undone), newest first, at most `limit`.
std::vector<PersonMergeRecord> mergesInForce(Database& db, int limit = 500);
/// The survivor with the names of everyone merged into them added as alternative names (as search and
/// the matching panel see them); nullopt if unknown. `id` may be a merged person's id.
std::optional<Person> loadResolvedPerson(Database& db, const std::string& id);
/// True if someone said `a` and `b` are different children.
bool markedNotDuplicate(Database& db, const std::string& a, const std::string& b);

struct MergeResult {
    std::string mergeId;
    std::string keepId;
    std::string otherId;
};

class PersonMergeService {
public:
    explicit PersonMergeService(Workspace& workspace) : ws_(workspace) {}

    /// Merges `otherId` into `keepId` (duty managers only). Refuses unknown people, a person merged
    /// already, merging someone into themselves (or into someone merged into them), and an empty reason.
    MergeResult merge(const Actor& actor, const std::string& keepId, const std::string& otherId,
                      const std::string& reason);
    /// Undoes a merge in force (duty managers only); both people are as they were before it.
    PersonMergeRecord unmerge(const Actor& actor, const std::string& mergeId, const std::string& reason);
    /// Records that two people are different children (screeners and duty managers), so the duplicate
    /// scan leaves the pair out from now on.
    void markNotDuplicate(const Actor& actor, const std::string& a, const std::string& b, const std::string& reason);

private:
    Workspace& ws_;
};

} // namespace frontdoor::core
