#include "people/Duplicates.h"

#include "people/NameKeys.h"
#include "people/PersonMerge.h"
#include "people/PersonProjection.h"
#include "util/Text.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_set>

namespace frontdoor::core {
namespace {

constexpr size_t kMaxBlock = 250;  // a block larger than this is not a meaningful key (left out)
constexpr size_t kMaxNameKeys = 6; // name words per person used as keys

bool starts(const std::string& code, const char* prefix) { return code.rfind(prefix, 0) == 0; }

bool has(const std::vector<MatchReason>& reasons, const char* prefix) {
    return std::any_of(reasons.begin(), reasons.end(), [&](const MatchReason& r) { return starts(r.code, prefix); });
}

bool nameMatches(const std::vector<MatchReason>& reasons, const char* which) {
    for (const auto& r : reasons)
        if (starts(r.code, which) && r.code.find("initial") == std::string::npos)
            return true;
    return false;
}

PersonQuery queryFor(const Person& person, bool withDate) {
    PersonQuery query;
    query.givenName = person.givenName;
    query.familyName = person.familyName;
    if (withDate)
        query.dateOfBirth = person.dateOfBirth ? person.dateOfBirth : person.expectedDate;
    query.postcode = person.postcode;
    query.withHistory = false;
    return query;
}

int daysApart(Date a, Date b) {
    return std::abs(static_cast<int>((std::chrono::sys_days{a} - std::chrono::sys_days{b}).count()));
}

struct Entry {
    uint64_t block;
    uint32_t index;
    bool unborn;
    bool unbornOnly; ///< a block comparing unborn children with those born near their expected date
    bool operator<(const Entry& other) const {
        return block != other.block ? block < other.block : index < other.index;
    }
};

std::optional<Date> transposedDate(Date date) {
    const unsigned d = static_cast<unsigned>(date.day());
    const unsigned m = static_cast<unsigned>(date.month());
    if (d == m || d > 12)
        return std::nullopt;
    const Date swapped{date.year(), std::chrono::month{d}, std::chrono::day{m}};
    return swapped.ok() ? std::optional(swapped) : std::nullopt;
}

std::string yearMonth(Date date, int shift) {
    const auto ym = std::chrono::year_month{date.year(), date.month()} + std::chrono::months{shift};
    return std::to_string(static_cast<int>(ym.year())) + "-" + std::to_string(static_cast<unsigned>(ym.month()));
}

} // namespace

nlohmann::json DuplicatePair::toJson() const {
    const auto side = [](const Person& person) {
        return nlohmann::json{{"id", person.id},
                              {"display_name", person.displayName()},
                              {"born", person.displayBirth()},
                              {"person", core::toJson(person)}};
    };
    auto reasonList = nlohmann::json::array();
    for (const auto& reason : reasons)
        reasonList.push_back({{"code", reason.code}, {"text", reason.text}});
    return {{"a", side(a)}, {"b", side(b)}, {"score", score}, {"reasons", reasonList}};
}

nlohmann::json DuplicateScan::toJson() const {
    auto list = nlohmann::json::array();
    for (const auto& pair : pairs)
        list.push_back(pair.toJson());
    return {{"pairs", list},
            {"people_scanned", peopleScanned},
            {"pairs_compared", pairsCompared},
            {"pairs_found", pairsFound},
            {"blocks_too_large", blocksTooLarge}};
}

DuplicatePair scoreDuplicatePair(const Person& first, const Person& second, bool& found) {
    DuplicatePair pair;
    const bool ordered = first.id <= second.id;
    pair.a = ordered ? first : second;
    pair.b = ordered ? second : first;
    found = false;
    const Person& a = pair.a;
    const Person& b = pair.b;

    // The local authority's own id settles it.
    const bool sameChildId = !a.laChildId.empty() && a.laChildId == b.laChildId;

    if (a.isUnborn() && b.isUnborn()) {
        // Two unborn children: the same family name and an expected date close together.
        MatchCandidate names = PersonSearch::score(queryFor(a, false), b);
        const int apart = daysApart(*a.expectedDate, *b.expectedDate);
        pair.reasons = names.reasons;
        if (apart == 0)
            pair.reasons.push_back({"same_expected_date", "same expected date (" + formatDayMonthYear(*a.expectedDate) + ")"});
        else if (apart <= 14)
            pair.reasons.push_back({"expected_date_close", "expected dates " + std::to_string(apart) + " days apart (" +
                                                                formatDayMonthYear(*a.expectedDate) + " / " +
                                                                formatDayMonthYear(*b.expectedDate) + ")"});
        pair.score = std::min(100, names.score + (apart == 0 ? 35 : apart <= 14 ? 25 : 0));
        found = nameMatches(pair.reasons, "family_name_") && apart <= 14;
    } else {
        // The matching engine, both ways round (each side's other names count when it is the one found).
        MatchCandidate ab = PersonSearch::score(queryFor(a, true), b);
        MatchCandidate ba = PersonSearch::score(queryFor(b, true), a);
        MatchCandidate& best = ba.score > ab.score ? ba : ab;
        pair.score = best.score;
        pair.reasons = best.reasons;
        const bool swapped = has(pair.reasons, "names_swapped");
        const bool family = nameMatches(pair.reasons, "family_name_");
        const bool given = nameMatches(pair.reasons, "given_name_");
        const bool namesAgree = family && given;
        const bool namesSame = has(pair.reasons, "family_name_exact") && has(pair.reasons, "given_name_exact") && !swapped;
        const bool samePostcode = has(pair.reasons, "same_postcode") && !has(pair.reasons, "same_postcode_district");
        const bool dateAgrees = has(pair.reasons, "date_of_birth_exact") || has(pair.reasons, "date_of_birth_transposed") ||
                                has(pair.reasons, "born_near_expected_date");
        const bool dateClose = has(pair.reasons, "date_of_birth_close");
        const auto known = [](const Person& p) { return p.dateOfBirth.has_value() || p.expectedDate.has_value(); };
        const bool dateMissing = !known(a) || !known(b);
        if (dateMissing && !known(a) != !known(b))
            pair.reasons.push_back({"date_of_birth_not_known", "date of birth not known for " +
                                                                   (known(a) ? b : a).displayName()});
        // An unborn child without a given name, and a baby born near the expected date at the same address.
        const bool bornAsExpected = (a.isUnborn() ? a : b).givenName.empty() && (a.isUnborn() != b.isUnborn()) &&
                                    family && has(pair.reasons, "born_near_expected_date") && samePostcode;
        found = (namesAgree && (dateAgrees || (dateClose && (namesSame || samePostcode)) || (dateMissing && samePostcode))) ||
                bornAsExpected;
    }
    if (sameChildId) {
        pair.reasons.insert(pair.reasons.begin(), {"same_la_child_id", "same local authority child id (" + a.laChildId + ")"});
        pair.score = std::max(pair.score, 95);
        found = true;
    }
    return pair;
}

DuplicateScan findDuplicates(Database& db, const DuplicateScanOptions& options) {
    DuplicateScan scan;
    // People merged away are their survivor now.
    std::unordered_set<std::string> mergedAway;
    {
        Statement stmt = db.prepare("SELECT DISTINCT other_id FROM person_merge WHERE unmerge_id IS NULL");
        std::vector<std::string> candidates;
        while (stmt.step())
            candidates.push_back(stmt.text(0));
        for (const auto& id : candidates)
            if (isMergedAway(db, id))
                mergedAway.insert(id);
    }
    std::set<std::pair<std::string, std::string>> notDuplicates;
    {
        Statement stmt = db.prepare("SELECT a_id, b_id FROM person_not_duplicate");
        while (stmt.step())
            notDuplicates.emplace(stmt.text(0), stmt.text(1));
    }

    // Pass 1: every person's block keys, hashed, with the person's key (pk) by position.
    std::vector<int64_t> keys;
    std::vector<Entry> entries;
    const std::hash<std::string> hasher;
    {
        Statement stmt = db.prepare("SELECT pk, id, given_name, family_name, date_of_birth, expected_date, postcode_key, "
                                    "la_child_id, other_names FROM person ORDER BY pk");
        std::vector<std::string> nameKeys;
        std::string key;
        while (stmt.step()) {
            if (mergedAway.count(stmt.text(1)))
                continue;
            const auto index = static_cast<uint32_t>(keys.size());
            keys.push_back(stmt.int64(0));
            nameKeys.clear();
            const auto addWords = [&](const std::string& name) {
                for (const auto& word : nameWords(foldName(name)))
                    if (nameKeys.size() < kMaxNameKeys) {
                        std::string sound = metaphone(word);
                        if (!sound.empty() && std::find(nameKeys.begin(), nameKeys.end(), sound) == nameKeys.end())
                            nameKeys.push_back(std::move(sound));
                    }
            };
            addWords(stmt.text(2));
            addWords(stmt.text(3));
            const std::string otherNames = stmt.text(8);
            if (otherNames.size() > 2) {
                const Json other = Json::parse(otherNames, nullptr, false);
                for (const char* list : {"previous_names", "alternative_names"})
                    if (other.is_object() && other.contains(list) && other[list].is_array())
                        for (const auto& name : other[list]) {
                            addWords(name.value("given_name", std::string()));
                            addWords(name.value("family_name", std::string()));
                        }
            }
            const auto dob = stmt.isNull(4) ? std::nullopt : parseDate(stmt.text(4));
            const auto expected = stmt.isNull(5) ? std::nullopt : parseDate(stmt.text(5));
            const std::string postcode = stmt.optionalText(6).value_or("");
            const std::string childId = stmt.optionalText(7).value_or("");
            const bool unborn = expected.has_value();
            const auto add = [&](const std::string& text, bool unbornOnly = false) {
                entries.push_back({hasher(text), index, unborn, unbornOnly});
            };
            // The family name's sound (the last name word) for the birth-month blocks.
            std::string family;
            if (const auto words = nameWords(foldName(stmt.text(3))); !words.empty())
                family = metaphone(words.back());
            for (const auto& sound : nameKeys) {
                if (dob) {
                    add("D|" + formatDate(*dob) + "|" + sound);
                    if (const auto swapped = transposedDate(*dob))
                        add("T|" + std::min(formatDate(*dob), formatDate(*swapped)) + "|" +
                            std::max(formatDate(*dob), formatDate(*swapped)) + "|" + sound);
                }
                if (!postcode.empty())
                    add("P|" + postcode + "|" + sound);
            }
            if (!family.empty()) {
                if (expected)
                    for (int shift : {-1, 0, 1})
                        add("M|" + yearMonth(*expected, shift) + "|" + family, true);
                else if (dob)
                    add("M|" + yearMonth(*dob, 0) + "|" + family, true);
            }
            if (!childId.empty())
                add("L|" + childId);
        }
    }
    scan.peopleScanned = static_cast<int64_t>(keys.size());

    // Pass 2: the pairs inside each block.
    std::sort(entries.begin(), entries.end());
    std::vector<uint64_t> pairs;
    for (size_t start = 0; start < entries.size();) {
        size_t end = start + 1;
        while (end < entries.size() && entries[end].block == entries[start].block)
            ++end;
        if (end - start > kMaxBlock) {
            ++scan.blocksTooLarge;
        } else {
            for (size_t i = start; i < end; ++i)
                for (size_t j = i + 1; j < end; ++j) {
                    if (entries[i].index == entries[j].index)
                        continue;
                    // Two born children in one birth month with one family name are not a pair by that alone.
                    if (entries[i].unbornOnly && !entries[i].unborn && !entries[j].unborn)
                        continue;
                    pairs.push_back((static_cast<uint64_t>(std::min(entries[i].index, entries[j].index)) << 32) |
                                    std::max(entries[i].index, entries[j].index));
                }
        }
        start = end;
    }
    entries.clear();
    entries.shrink_to_fit();
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    scan.pairsCompared = static_cast<int64_t>(pairs.size());

    // Pass 3: score each pair with the people as search sees them (survivors carry merged names).
    std::unordered_set<std::string> survivors;
    {
        Statement stmt = db.prepare("SELECT DISTINCT keep_id FROM person_merge WHERE unmerge_id IS NULL");
        while (stmt.step())
            survivors.insert(stmt.text(0));
    }
    // Pairs come sorted by their first person, always the smaller index: a person before the current
    // first one is not needed again, so the cache holds only what is still to come.
    std::map<uint32_t, Person> people;
    const auto person = [&](uint32_t index) -> const Person* {
        auto it = people.find(index);
        if (it == people.end()) {
            auto loaded = loadPersonByKey(db, keys[index]);
            if (!loaded)
                return nullptr;
            if (survivors.count(loaded->id))
                if (auto resolved = loadResolvedPerson(db, loaded->id))
                    loaded = std::move(resolved);
            it = people.emplace(index, std::move(*loaded)).first;
        }
        return &it->second;
    };
    std::vector<DuplicatePair> found;
    for (const uint64_t packed : pairs) {
        const auto first = static_cast<uint32_t>(packed >> 32);
        while (!people.empty() && people.begin()->first < first)
            people.erase(people.begin());
        const Person* a = person(first);
        const Person* b = person(static_cast<uint32_t>(packed & 0xffffffffu));
        if (!a || !b)
            continue;
        if (notDuplicates.count({std::min(a->id, b->id), std::max(a->id, b->id)}))
            continue;
        bool offered = false;
        DuplicatePair pair = scoreDuplicatePair(*a, *b, offered);
        if (offered && pair.score >= options.minimumScore)
            found.push_back(std::move(pair));
    }
    scan.pairsFound = static_cast<int64_t>(found.size());
    std::sort(found.begin(), found.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
        return std::tie(y.score, x.a.id, x.b.id) < std::tie(x.score, y.a.id, y.b.id);
    });
    if (found.size() > static_cast<size_t>(std::max(options.limit, 0)))
        found.resize(static_cast<size_t>(std::max(options.limit, 0)));
    scan.pairs = std::move(found);
    return scan;
}

} // namespace frontdoor::core
