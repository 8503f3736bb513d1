#pragma once
// The "possible duplicates" list: pairs of people who may be one child registered twice (at two desks,
// or missed by a screener), each with a score and its reasons in words.
//
// Fast on a large record because people are compared only within blocks sharing a key: the same date
// of birth (or the day and month transposed) with a name word that sounds the same, the same postcode
// with a name word that sounds the same, an expected date near a family name's birth month, the same
// local authority child id. Pairs are then scored by the matching engine (PersonSearch::score) both
// ways round and kept when the evidence agrees: both names match (by sound, spelling, a part, or
// swapped) and the dates agree (same, transposed, differing in one part, or born near the expected
// date), or one date is not known and the postcode is the same; or the child ids are the same.
// Twins (same date, same family name, different given names) are not offered.
//
// People merged away are left out (they are their survivor now), and so are pairs someone marked as
// different children (person.not_duplicate).

#include "people/Person.h"
#include "people/PersonSearch.h"
#include "store/Sqlite.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace frontdoor::core {

struct DuplicatePair {
    Person a; ///< the smaller id
    Person b;
    int score = 0; ///< 0-100, as PersonSearch scores a match
    std::vector<MatchReason> reasons;
    nlohmann::json toJson() const;
};

struct DuplicateScanOptions {
    int limit = 500;      ///< the best pairs kept
    int minimumScore = 60;
};

struct DuplicateScan {
    std::vector<DuplicatePair> pairs; ///< best first (score, then ids)
    int64_t peopleScanned = 0;
    int64_t pairsCompared = 0;
    int64_t pairsFound = 0;           ///< before the limit
    int64_t blocksTooLarge = 0;       ///< blocks over the size compared pair by pair (left out)
    nlohmann::json toJson() const;
};

/// Scans every person. Reads only: runs on any connection (the desktop's background reader).
DuplicateScan findDuplicates(Database& db, const DuplicateScanOptions& options = {});

/// Scores one pair as the scan does; `found` says whether the scan would offer it.
DuplicatePair scoreDuplicatePair(const Person& a, const Person& b, bool& found);

} // namespace frontdoor::core
