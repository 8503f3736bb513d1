#include "people/PersonMerge.h"

#include "people/PersonProjection.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "util/JsonFields.h"
#include "util/Text.h"

#include <algorithm>
#include <set>

namespace frontdoor::core {
namespace {

constexpr size_t kMaxReasonLength = 5000;

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

void projectMerged(Database& db, const Fact& fact) {
    db.cached("INSERT OR IGNORE INTO person_merge(merge_id, keep_id, other_id, reason, merged_by, merged_at, merged_hlc) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(fact.id, fact.payload.value("keep", std::string()), fact.subject,
                 fact.payload.value("reason", std::string()), fact.userId, formatInstant(fact.recordedAt),
                 fact.hlc.packed)
        .run();
}

void projectUnmerged(Database& db, const Fact& fact) {
    // Two desks undoing one merge: the first (in HLC order) is the one that counts.
    db.cached("UPDATE person_merge SET unmerge_id = ?, unmerged_by = ?, unmerged_at = ?, unmerge_reason = ? "
              "WHERE merge_id = ? AND other_id = ? AND unmerge_id IS NULL")
        .bindAll(fact.id, fact.userId, formatInstant(fact.recordedAt), fact.payload.value("reason", std::string()),
                 fact.payload.value("merge_id", std::string()), fact.subject)
        .run();
}

void projectNotDuplicate(Database& db, const Fact& fact) {
    db.cached("INSERT OR IGNORE INTO person_not_duplicate(a_id, b_id, reason, marked_by, marked_at, fact_id) "
              "VALUES (?, ?, ?, ?, ?, ?)")
        .bindAll(fact.subject, fact.payload.value("b", std::string()), fact.payload.value("reason", std::string()),
                 fact.userId, formatInstant(fact.recordedAt), fact.id)
        .run();
}

const char* kSelectMerge = "SELECT merge_id, keep_id, other_id, reason, merged_by, merged_at, unmerge_id, unmerged_by, "
                           "unmerged_at, unmerge_reason FROM person_merge ";

PersonMergeRecord readMerge(Statement& stmt) {
    PersonMergeRecord record;
    record.mergeId = stmt.text(0);
    record.keepId = stmt.text(1);
    record.otherId = stmt.text(2);
    record.reason = stmt.text(3);
    record.mergedBy = stmt.text(4);
    record.mergedAt = stmt.text(5);
    record.undone = !stmt.isNull(6);
    record.unmergedBy = stmt.optionalText(7).value_or("");
    record.unmergedAt = stmt.optionalText(8).value_or("");
    record.unmergeReason = stmt.optionalText(9).value_or("");
    return record;
}

// Where `id` goes by the merge in force that took it away: the earliest (in HLC order) if two desks
// merged it into different people, and only into a person this desk knows.
std::optional<std::string> mergedInto(Database& db, const std::string& id) {
    return db.lookupText("SELECT m.keep_id FROM person_merge m JOIN person p ON p.id = m.keep_id "
                         "WHERE m.other_id = ? AND m.unmerge_id IS NULL ORDER BY m.merged_hlc, m.merge_id LIMIT 1",
                         id);
}

} // namespace

nlohmann::json PersonMergeRecord::toJson() const {
    nlohmann::json json{{"merge_id", mergeId}, {"keep", keepId},       {"other", otherId},
                        {"reason", reason},    {"merged_by", mergedBy}, {"merged_at", mergedAt},
                        {"undone", undone}};
    if (undone) {
        json["unmerged_by"] = unmergedBy;
        json["unmerged_at"] = unmergedAt;
        json["unmerge_reason"] = unmergeReason;
    }
    return json;
}

void registerPersonMergeProjection(Projections& projections) {
    projections.ownTable("person_merge", "merge_id", "other_id IN (SELECT subject FROM temp.fd_reproject)");
    projections.ownTable("person_not_duplicate", "a_id, b_id", "a_id IN (SELECT subject FROM temp.fd_reproject)");
    projections.on(kPersonMerged, projectMerged);
    projections.on(kPersonUnmerged, projectUnmerged);
    projections.on(kPersonNotDuplicate, projectNotDuplicate);
    projections.describe(kPersonMerged, [](const Fact& fact) {
        return "Merged into person " + fact.payload.value("keep", std::string()) + ": " +
               fact.payload.value("reason", std::string());
    });
    projections.describe(kPersonUnmerged, [](const Fact& fact) {
        return "Merge undone: " + fact.payload.value("reason", std::string());
    });
    projections.describe(kPersonNotDuplicate, [](const Fact& fact) {
        const std::string reason = fact.payload.value("reason", std::string());
        return "Not the same child as person " + fact.payload.value("b", std::string()) +
               (reason.empty() ? std::string() : ": " + reason);
    });
}

std::string resolvePersonId(Database& db, const std::string& id) {
    std::vector<std::string> path{id};
    std::set<std::string> seen{id};
    while (const auto next = mergedInto(db, path.back())) {
        if (!seen.insert(*next).second) {
            // Two desks merged each into the other: the cycle resolves to its smallest id, everywhere.
            const auto start = std::find(path.begin(), path.end(), *next);
            return *std::min_element(start, path.end());
        }
        path.push_back(*next);
    }
    return path.back();
}

std::vector<std::string> mergeGroup(Database& db, const std::string& rootId) {
    std::vector<std::string> group{rootId};
    std::set<std::string> seen{rootId};
    for (size_t i = 0; i < group.size(); ++i) {
        auto& stmt = db.cached("SELECT other_id FROM person_merge WHERE keep_id = ? AND unmerge_id IS NULL "
                               "ORDER BY merged_hlc, merge_id");
        stmt.bindAll(group[i]);
        std::vector<std::string> others;
        while (stmt.step())
            others.push_back(stmt.text(0));
        stmt.reset();
        for (const auto& other : others)
            if (!seen.count(other) && resolvePersonId(db, other) == rootId) {
                seen.insert(other);
                group.push_back(other);
            }
    }
    return group;
}

bool isMergedAway(Database& db, const std::string& id) { return resolvePersonId(db, id) != id; }

std::optional<PersonMergeRecord> activeMergeOf(Database& db, const std::string& otherId) {
    const auto into = mergedInto(db, otherId);
    if (!into)
        return std::nullopt;
    auto& stmt = db.cached(std::string(kSelectMerge) +
                           "WHERE other_id = ? AND keep_id = ? AND unmerge_id IS NULL ORDER BY merged_hlc, merge_id LIMIT 1");
    stmt.bindAll(otherId, *into);
    std::optional<PersonMergeRecord> found;
    if (stmt.step())
        found = readMerge(stmt);
    stmt.reset();
    return found;
}

std::optional<PersonMergeRecord> loadMerge(Database& db, const std::string& mergeId) {
    auto& stmt = db.cached(std::string(kSelectMerge) + "WHERE merge_id = ?");
    stmt.bindAll(mergeId);
    std::optional<PersonMergeRecord> found;
    if (stmt.step())
        found = readMerge(stmt);
    stmt.reset();
    return found;
}

std::vector<PersonMergeRecord> mergesInto(Database& db, const std::string& rootId) {
    std::vector<PersonMergeRecord> merges;
    const auto group = mergeGroup(db, rootId);
    for (size_t i = 1; i < group.size(); ++i)
        if (auto merge = activeMergeOf(db, group[i]))
            merges.push_back(std::move(*merge));
    std::sort(merges.begin(), merges.end(), [](const PersonMergeRecord& a, const PersonMergeRecord& b) {
        return std::tie(a.mergedAt, a.mergeId) < std::tie(b.mergedAt, b.mergeId);
    });
    return merges;
}

std::vector<PersonMergeRecord> mergesInForce(Database& db, int limit) {
    Statement stmt = db.prepare(std::string(kSelectMerge) +
                                "WHERE unmerge_id IS NULL ORDER BY merged_hlc DESC, merge_id LIMIT ?");
    stmt.bindAll(limit);
    std::vector<PersonMergeRecord> merges;
    while (stmt.step())
        merges.push_back(readMerge(stmt));
    return merges;
}

std::optional<Person> loadResolvedPerson(Database& db, const std::string& id) {
    const std::string root = resolvePersonId(db, id);
    auto person = loadPerson(db, root);
    if (!person)
        return std::nullopt;
    const auto group = mergeGroup(db, root);
    for (size_t i = 1; i < group.size(); ++i) {
        const auto other = loadPerson(db, group[i]);
        if (!other)
            continue;
        std::vector<PersonName> names{{other->givenName, other->familyName}};
        names.insert(names.end(), other->previousNames.begin(), other->previousNames.end());
        names.insert(names.end(), other->alternativeNames.begin(), other->alternativeNames.end());
        for (const auto& name : names)
            if (name != PersonName{person->givenName, person->familyName} &&
                std::find(person->alternativeNames.begin(), person->alternativeNames.end(), name) ==
                    person->alternativeNames.end())
                person->alternativeNames.push_back(name);
    }
    return person;
}

bool markedNotDuplicate(Database& db, const std::string& a, const std::string& b) {
    auto& stmt = db.cached("SELECT 1 FROM person_not_duplicate WHERE a_id = ? AND b_id = ?");
    stmt.bindAll(std::min(a, b), std::max(a, b));
    const bool found = stmt.step();
    stmt.reset();
    return found;
}

MergeResult PersonMergeService::merge(const Actor& actor, const std::string& keepId, const std::string& otherId,
                                      const std::string& reasonText) {
    UserService(ws_).require(actor, {role::kDutyManager}, "Merging people");
    Database& db = ws_.db();
    const std::string reason = trimmed(reasonText);
    std::vector<FieldError> errors;
    if (reason.empty())
        errors.push_back({"reason", "say why these are the same child"});
    else if (reason.size() > kMaxReasonLength)
        errors.push_back({"reason", "at most " + std::to_string(kMaxReasonLength) + " characters"});
    if (keepId.empty())
        errors.push_back({"keep", "give the id of the person to keep"});
    if (otherId.empty())
        errors.push_back({"other", "give the id of the person to merge into them"});
    if (!keepId.empty() && keepId == otherId)
        errors.push_back({"other", "a person cannot be merged into themselves"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    if (!loadPerson(db, keepId))
        throw NotFoundError("no person with id " + excerpt(keepId));
    if (!loadPerson(db, otherId))
        throw NotFoundError("no person with id " + excerpt(otherId));

    WriteScope scope(db);
    if (const auto merged = activeMergeOf(db, otherId))
        throw ConflictError("person " + otherId + " is already merged into " + merged->keepId + " (merge " +
                            merged->mergeId + ")");
    const std::string keepRoot = resolvePersonId(db, keepId);
    if (keepRoot != keepId)
        throw ConflictError("person " + keepId + " is merged into " + keepRoot + "; keep " + keepRoot + " instead");
    const Fact fact = ws_.facts().append(actor, kPersonMerged, otherId,
                                         {{"keep", keepId}, {"other", otherId}, {"reason", reason}});
    scope.commit();
    return {fact.id, keepId, otherId};
}

PersonMergeRecord PersonMergeService::unmerge(const Actor& actor, const std::string& mergeId, const std::string& reasonText) {
    UserService(ws_).require(actor, {role::kDutyManager}, "Undoing a merge");
    const std::string reason = trimmed(reasonText);
    if (reason.empty())
        throw ValidationError("reason", "say why the merge is undone");
    if (reason.size() > kMaxReasonLength)
        throw ValidationError("reason", "at most " + std::to_string(kMaxReasonLength) + " characters");
    Database& db = ws_.db();
    WriteScope scope(db);
    const auto merge = loadMerge(db, mergeId);
    if (!merge)
        throw NotFoundError("no merge with id " + excerpt(mergeId));
    if (merge->undone)
        throw ConflictError("merge " + mergeId + " was undone already, by " + merge->unmergedBy + " at " +
                            merge->unmergedAt);
    ws_.facts().append(actor, kPersonUnmerged, merge->otherId, {{"merge_id", mergeId}, {"reason", reason}});
    scope.commit();
    return *loadMerge(db, mergeId);
}

void PersonMergeService::markNotDuplicate(const Actor& actor, const std::string& a, const std::string& b,
                                          const std::string& reasonText) {
    UserService(ws_).require(actor, {role::kScreener, role::kDutyManager}, "Marking people as not duplicates");
    const std::string reason = trimmed(reasonText);
    std::vector<FieldError> errors;
    if (a.empty())
        errors.push_back({"a", "give the id of the first person"});
    if (b.empty())
        errors.push_back({"b", "give the id of the second person"});
    if (!a.empty() && a == b)
        errors.push_back({"b", "a person is always the same as themselves"});
    if (reason.size() > kMaxReasonLength)
        errors.push_back({"reason", "at most " + std::to_string(kMaxReasonLength) + " characters"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    Database& db = ws_.db();
    for (const auto* id : {&a, &b})
        if (!loadPerson(db, *id))
            throw NotFoundError("no person with id " + excerpt(*id));
    WriteScope scope(db);
    if (markedNotDuplicate(db, a, b))
        throw ConflictError("people " + a + " and " + b + " are already marked as different children");
    const std::string first = std::min(a, b);
    const std::string second = std::max(a, b);
    ws_.facts().append(actor, kPersonNotDuplicate, first, {{"a", first}, {"b", second}, {"reason", reason}});
    scope.commit();
}

} // namespace frontdoor::core
