#include "people/PersonSearch.h"

#include "contacts/ContactProjection.h"
#include "contacts/Outcomes.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "people/AdultPeople.h"
#include "people/NameKeys.h"
#include "people/PersonCorrections.h"
#include "people/PersonMerge.h"
#include "people/PersonProjection.h"
#include "util/Errors.h"
#include "util/Text.h"

#include <algorithm>
#include <tuple>
#include <cstdio>
#include <set>

namespace frontdoor::core {
namespace {

constexpr int kFamilyWeight = 30;
constexpr int kGivenWeight = 25;
constexpr int kBirthWeight = 35;
constexpr int kPostcodeWeight = 10;
constexpr int kMinimumScore = 30;
constexpr int kCandidatesPerSource = 400;

struct NameScore {
    double value = 0; ///< 0..1
    std::string kind; ///< exact, phonetic, spelling, part, initial
    std::string candidate;
};

// How well one query name (given or family) matches one candidate name.
NameScore compareName(const std::string& query, const std::string& candidate) {
    const std::string q = foldName(query);
    const std::string c = foldName(candidate);
    if (q.empty() || c.empty())
        return {};
    if (q == c)
        return {1.0, "exact", candidate};
    const auto qWords = nameWords(q);
    const auto cWords = nameWords(c);
    std::string qKey, cKey;
    for (const auto& w : qWords)
        qKey += metaphone(w) + " ";
    for (const auto& w : cWords)
        cKey += metaphone(w) + " ";
    const int distance = editDistance(q, c);
    if (qKey == cKey)
        return {distance <= 2 ? 0.85 : 0.8, "phonetic", candidate};
    if (distance <= 2 && std::min(q.size(), c.size()) >= 3)
        return {distance == 1 ? 0.75 : 0.6, "spelling", candidate};
    // One word of a double-barrelled or multi-word name: "Smith" / "Smith-Jones".
    for (const auto& qw : qWords)
        for (const auto& cw : cWords)
            if (qw.size() >= 2 && (qw == cw || metaphone(qw) == metaphone(cw)))
                return {0.65, "part", candidate};
    if (q.size() == 1 && c[0] == q[0])
        return {0.3, "initial", candidate};
    return {};
}

struct NamedVariant {
    PersonName name;
    std::string label; ///< "" for the current name, "previous name", "alternative name"
};

std::vector<NamedVariant> variantsOf(const Person& person) {
    std::vector<NamedVariant> variants{{{person.givenName, person.familyName}, ""}};
    for (const auto& n : person.previousNames)
        variants.push_back({n, "previous name"});
    for (const auto& n : person.alternativeNames)
        variants.push_back({n, "alternative name"});
    return variants;
}

std::string describeName(const char* which, const NameScore& score, const std::string& query) {
    if (score.kind == "exact")
        return std::string(which) + " name the same (" + score.candidate + ")";
    if (score.kind == "phonetic")
        return std::string(which) + " name sounds the same (" + query + " / " + score.candidate + ")";
    if (score.kind == "spelling")
        return std::string(which) + " name spelt slightly differently (" + query + " / " + score.candidate + ")";
    if (score.kind == "part")
        return std::string(which) + " name shares a part (" + query + " / " + score.candidate + ")";
    return std::string(which) + " name has the same initial (" + query + " / " + score.candidate + ")";
}

std::optional<Date> transposed(Date date) {
    const unsigned d = static_cast<unsigned>(date.day());
    const unsigned m = static_cast<unsigned>(date.month());
    if (d == m || d > 12)
        return std::nullopt;
    const Date swapped{date.year(), std::chrono::month{d}, std::chrono::day{m}};
    return swapped.ok() ? std::optional(swapped) : std::nullopt;
}

// FTS5 query text: every word is quoted, so nothing the user types can be read as FTS5 syntax.
std::string quoted(const std::string& token) { return "\"" + token + "\""; }

std::string anyOf(const std::vector<std::string>& tokens, const char* prefix, bool wildcard = false) {
    std::string text;
    for (const auto& token : tokens) {
        if (!text.empty())
            text += " OR ";
        text += quoted(prefix + token) + (wildcard ? "*" : "");
    }
    return tokens.size() > 1 ? "(" + text + ")" : text;
}

std::vector<std::string> metaphones(const std::vector<std::string>& words) {
    std::vector<std::string> keys;
    for (const auto& w : words)
        keys.push_back(metaphone(w));
    return keys;
}

std::vector<std::string> prefixes(const std::vector<std::string>& words, size_t length) {
    std::vector<std::string> result;
    for (const auto& w : words)
        result.push_back(w.substr(0, std::min(length, w.size())));
    return result;
}

// The condition on `person` (aliased p) that keeps the kind of people asked for.
std::string kindCondition(PersonKind kind) {
    switch (kind) {
    case PersonKind::Children:
        return " AND p.adult = 0";
    case PersonKind::Adults:
        return " AND p.adult = 1";
    case PersonKind::Everyone:
        break;
    }
    return "";
}

// Their contacts as a child only: history flags (re-referral, repeat contacts) are about a child.
std::vector<ContactSummary> asChild(const std::vector<ContactSummary>& contacts) {
    std::vector<ContactSummary> result;
    for (const auto& contact : contacts)
        if (contact.personRole == "child")
            result.push_back(contact);
    return result;
}

} // namespace

nlohmann::json MatchCandidate::toJson() const {
    auto reasonList = nlohmann::json::array();
    for (const auto& reason : reasons)
        reasonList.push_back({{"code", reason.code}, {"text", reason.text}});
    auto contactList = nlohmann::json::array();
    for (const auto& contact : contacts) {
        auto json = contact.toJson();
        if (!contact.personRole.empty())
            json["role_label"] = roleLabel(contact.personRole);
        contactList.push_back(std::move(json));
    }
    nlohmann::json json{{"person", core::toJson(person)},
                        {"display_name", person.displayName()},
                        {"born", person.displayBirth()},
                        {"score", score},
                        {"reasons", reasonList},
                        {"contacts", contactList},
                        {"flags", flags.toJson()}};
    return json;
}

MatchCandidate PersonSearch::score(const PersonQuery& query, const Person& person) {
    MatchCandidate candidate;
    candidate.person = person;
    int possible = 0;
    double earned = 0;
    const bool hasFamily = !query.familyName.empty();
    const bool hasGiven = !query.givenName.empty();
    possible += hasFamily ? kFamilyWeight : 0;
    possible += hasGiven ? kGivenWeight : 0;

    if (hasFamily || hasGiven) {
        // The best reading over every name the person is known by, straight or with names swapped.
        double best = -1;
        NameScore bestFamily, bestGiven;
        bool bestSwapped = false;
        std::string bestLabel;
        for (const auto& variant : variantsOf(person)) {
            for (bool swapped : {false, true}) {
                const NameScore family = hasFamily
                    ? compareName(query.familyName, swapped ? variant.name.given : variant.name.family) : NameScore{};
                const NameScore given = hasGiven
                    ? compareName(query.givenName, swapped ? variant.name.family : variant.name.given) : NameScore{};
                // A swap must beat the straight reading clearly, and costs a little.
                const double value = (family.value * kFamilyWeight + given.value * kGivenWeight) * (swapped ? 0.9 : 1.0);
                if (value > best + 1e-9) {
                    best = value;
                    bestFamily = family;
                    bestGiven = given;
                    bestSwapped = swapped;
                    bestLabel = variant.label;
                }
            }
        }
        earned += std::max(0.0, best);
        const std::string suffix = bestLabel.empty() ? "" : " (" + bestLabel + ")";
        if (bestSwapped && (bestFamily.value > 0 || bestGiven.value > 0))
            candidate.reasons.push_back({"names_swapped", "given and family names swapped" + suffix});
        if (bestFamily.value > 0)
            candidate.reasons.push_back({"family_name_" + bestFamily.kind,
                                         describeName("family", bestFamily, query.familyName) + suffix});
        if (bestGiven.value > 0)
            candidate.reasons.push_back({"given_name_" + bestGiven.kind,
                                         describeName("given", bestGiven, query.givenName) + suffix});
    }

    if (query.dateOfBirth) {
        possible += kBirthWeight;
        const Date asked = *query.dateOfBirth;
        if (person.dateOfBirth && *person.dateOfBirth == asked) {
            earned += kBirthWeight;
            candidate.reasons.push_back({"date_of_birth_exact", "same date of birth (" + formatDayMonthYear(asked) + ")"});
        } else if (person.dateOfBirth && transposed(asked) == *person.dateOfBirth) {
            earned += kBirthWeight * 0.8;
            candidate.reasons.push_back({"date_of_birth_transposed",
                                         "date of birth with day and month transposed (" + formatDayMonthYear(asked) + " / " +
                                             formatDayMonthYear(*person.dateOfBirth) + ")"});
        } else if (person.dateOfBirth && person.dateOfBirth->year() == asked.year() &&
                   (person.dateOfBirth->month() == asked.month() || person.dateOfBirth->day() == asked.day())) {
            earned += kBirthWeight * 0.4;
            candidate.reasons.push_back({"date_of_birth_close", "date of birth differs in one part (" + formatDayMonthYear(asked) +
                                                                    " / " + formatDayMonthYear(*person.dateOfBirth) + ")"});
        } else if (person.expectedDate) {
            const auto gap = std::chrono::sys_days{asked} - std::chrono::sys_days{*person.expectedDate};
            if (std::abs(gap.count()) <= 45) {
                earned += kBirthWeight * 0.6;
                candidate.reasons.push_back({"born_near_expected_date", "recorded as unborn, due " +
                                                                            formatDayMonthYear(*person.expectedDate)});
            }
        } else if (person.dateOfBirth) {
            // Said in words, so a candidate found by name alone cannot pass for this child.
            candidate.reasons.push_back({"date_of_birth_differs", "date of birth differs: " + formatDayMonthYear(asked) +
                                                                      " / " + formatDayMonthYear(*person.dateOfBirth)});
        }
    }

    if (!query.postcode.empty()) {
        possible += kPostcodeWeight;
        const std::string asked = postcodeKey(query.postcode);
        const std::string known = postcodeKey(person.postcode);
        if (!known.empty() && asked == known) {
            earned += kPostcodeWeight;
            candidate.reasons.push_back({"same_postcode", "same postcode (" + person.postcode + ")"});
        } else if (!known.empty() && asked.size() > 3 && known.size() > 3 &&
                   asked.substr(0, asked.size() - 3) == known.substr(0, known.size() - 3)) {
            earned += kPostcodeWeight * 0.3;
            candidate.reasons.push_back({"same_postcode_district", "same postcode district (" + person.postcode + ")"});
        }
    }
    // Certainty needs both names and the date of birth: evidence not given counts as not matching, so
    // names alone never make a certain match. The share of what was given decides who is offered.
    const int certain = std::max(possible, kFamilyWeight + kGivenWeight + kBirthWeight);
    candidate.score = static_cast<int>(earned * 100.0 / certain + 0.5);
    candidate.shareOfGiven = possible == 0 ? 0 : static_cast<int>(earned * 100.0 / possible + 0.5);
    return candidate;
}

std::vector<std::string> PersonSearch::linkDifferences(const PersonQuery& query, const Person& person) {
    const MatchCandidate scored = score(query, person);
    const auto reason = [&](const std::string& prefix) -> const MatchReason* {
        for (const auto& r : scored.reasons)
            if (r.code.rfind(prefix, 0) == 0)
                return &r;
        return nullptr;
    };
    std::vector<std::string> differences;
    if (reason("names_swapped"))
        differences.push_back(reason("names_swapped")->text);
    const auto name = [&](const std::string& typed, const std::string& known, const char* which) {
        if (typed.empty())
            return;
        const MatchReason* found = reason(std::string(which) + "_name_");
        if (!found)
            differences.push_back(std::string(which) + " name differs: " + typed + " / " + (known.empty() ? "not known" : known));
        else if (found->code != std::string(which) + "_name_exact")
            differences.push_back(found->text);
    };
    name(query.givenName, person.givenName, "given");
    name(query.familyName, person.familyName, "family");
    if (!query.dateOfBirth) {
        differences.push_back("no date of birth typed yet" +
                              (person.dateOfBirth ? " (known: " + formatDayMonthYear(*person.dateOfBirth) + ")" : std::string()));
    } else if (!reason("date_of_birth_exact")) {
        if (const MatchReason* found = reason("date_of_birth_"))
            differences.push_back(found->text);
        else if (const MatchReason* unborn = reason("born_near_expected_date"))
            differences.push_back(unborn->text);
        else
            differences.push_back("date of birth not known for " + person.displayName());
    }
    return differences;
}

std::vector<int64_t> PersonSearch::candidateKeys(const PersonQuery& query) {
    Database& db = ws_.db();
    std::set<int64_t> keys;
    const auto collect = [&](Statement& stmt) {
        while (stmt.step())
            keys.insert(stmt.int64(0));
        stmt.reset();
    };
    const auto givenWords = nameWords(foldName(query.givenName));
    const auto familyWords = nameWords(foldName(query.familyName));
    const std::string kind = kindCondition(query.kind);
    const std::string limit = kind + " LIMIT " + std::to_string(kCandidatesPerSource);

    // Each query with how many candidates it may bring. A slip in one name matters most when nothing
    // else narrows the search; with a date of birth, that date's own candidates carry the weight.
    const int slipCap = query.dateOfBirth ? 100 : kCandidatesPerSource;
    std::vector<std::pair<std::string, int>> ftsQueries;
    if (!givenWords.empty() && !familyWords.empty()) {
        const auto g = metaphones(givenWords);
        const auto f = metaphones(familyWords);
        // Sounds-alike on both names, either way round.
        ftsQueries.push_back({"keys : (" + anyOf(f, "f") + " AND " + anyOf(g, "g") + ") OR keys : (" + anyOf(g, "f") +
                                  " AND " + anyOf(f, "g") + ")",
                              kCandidatesPerSource});
        // A slip that changes the sound of one name: the other sounds alike and this one starts the same.
        ftsQueries.push_back(
            {"(keys : " + anyOf(g, "g") + " AND names : " + anyOf(prefixes(familyWords, 2), "", true) + ")", slipCap});
        ftsQueries.push_back(
            {"(keys : " + anyOf(f, "f") + " AND names : " + anyOf(prefixes(givenWords, 2), "", true) + ")", slipCap});
    } else if (!familyWords.empty()) {
        ftsQueries.push_back({"keys : " + anyOf(metaphones(familyWords), "f"), kCandidatesPerSource});
    } else if (!givenWords.empty()) {
        ftsQueries.push_back({"keys : " + anyOf(metaphones(givenWords), "g"), kCandidatesPerSource});
    }
    for (const auto& [text, cap] : ftsQueries) {
        // The index first, then each candidate's kind (CROSS JOIN keeps SQLite from scanning people instead).
        auto& stmt = db.cached(query.kind == PersonKind::Everyone
                                   ? std::string("SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT ?")
                                   : "SELECT person_fts.rowid FROM person_fts CROSS JOIN person p ON p.pk = person_fts.rowid "
                                     "WHERE person_fts MATCH ?" + kind + " LIMIT ?");
        stmt.bindAll(text, cap);
        collect(stmt);
    }
    if (query.dateOfBirth) {
        auto& exact = db.cached("SELECT pk FROM person p WHERE date_of_birth = ?" + limit);
        exact.bindAll(formatDate(*query.dateOfBirth));
        collect(exact);
        if (const auto swapped = transposed(*query.dateOfBirth)) {
            exact.bindAll(formatDate(*swapped));
            collect(exact);
        }
        using namespace std::chrono;
        auto& unborn = db.cached("SELECT pk FROM person p WHERE expected_date BETWEEN ? AND ?" + limit);
        unborn.bindAll(formatDate(Date{sys_days{*query.dateOfBirth} - days{45}}),
                       formatDate(Date{sys_days{*query.dateOfBirth} + days{45}}));
        collect(unborn);
    }
    if (!query.postcode.empty()) {
        auto& stmt = db.cached("SELECT pk FROM person p WHERE postcode_key = ?" + limit);
        stmt.bindAll(postcodeKey(query.postcode));
        collect(stmt);
    }
    return {keys.begin(), keys.end()};
}

std::vector<MatchCandidate> PersonSearch::search(const PersonQuery& query) {
    std::vector<FieldError> errors;
    if (query.empty())
        errors.push_back({"query", "give at least one of given name, family name, date of birth or postcode"});
    if (!query.postcode.empty() && normalisePostcode(query.postcode).empty() && query.postcode.size() > 8)
        errors.push_back({"postcode", core::quoteExcerpt(query.postcode) + " is not a postcode"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));

    Database& db = ws_.db();
    std::vector<MatchCandidate> ranked;
    std::set<std::string> scored;
    // Without a merge in force (the usual case) no candidate needs resolving: one query, not one each.
    const bool anyMerges = db.queryInt("SELECT EXISTS (SELECT 1 FROM person_merge WHERE unmerge_id IS NULL)") == 1;
    for (const int64_t pk : candidateKeys(query)) {
        auto person = loadPersonByKey(db, pk);
        if (!person)
            continue;
        if (anyMerges) {
            // A person merged away is found as the survivor, who carries their names (people/PersonMerge.h).
            const std::string root = resolvePersonId(db, person->id);
            if (!scored.insert(root).second)
                continue;
            person = loadResolvedPerson(db, root);
            if (!person)
                continue;
        }
        MatchCandidate candidate = score(query, *person);
        if (candidate.shareOfGiven >= kMinimumScore)
            ranked.push_back(std::move(candidate));
    }
    std::sort(ranked.begin(), ranked.end(), [](const MatchCandidate& a, const MatchCandidate& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.person.id < b.person.id;
    });
    if (ranked.size() > static_cast<size_t>(std::max(query.limit, 0)))
        ranked.resize(static_cast<size_t>(std::max(query.limit, 0)));
    if (query.withHistory) {
        ContactService contacts(ws_);
        const Instant asOf = query.asOf.value_or(ws_.clock().now());
        for (auto& candidate : ranked) {
            ContactFilter filter;
            filter.personId = candidate.person.id;
            filter.includeAsAdult = true;
            filter.limit = 1000;
            candidate.contacts = contacts.list(filter);
            candidate.flags = computeHistoryFlags(asChild(candidate.contacts), asOf, settings_, query.countingNewContact);
        }
    }
    return ranked;
}

nlohmann::json PersonSearch::viewHistory(const Actor& actor, const std::string& personId, std::optional<Instant> asOf) {
    UserService(ws_).require(actor, allRoles(), "Reading a child's history");
    nlohmann::json result = history(personId, asOf);
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, kRecordViewed, personId, {{"what", "person"}});
    scope.commit();
    return result;
}

nlohmann::json PersonSearch::history(const std::string& askedId, std::optional<Instant> asOf) {
    // A merged person's id shows the survivor, saying so; the survivor's history is everyone's merged
    // into them (people/PersonMerge.h).
    const std::string personId = resolvePersonId(ws_.db(), askedId);
    const auto person = loadPerson(ws_.db(), personId);
    if (!person)
        throw NotFoundError("no person with id " + excerpt(askedId));
    ContactService contacts(ws_);
    ContactFilter filter;
    filter.personId = personId;
    filter.includeAsAdult = true;
    filter.limit = 100000;
    const auto list = contacts.list(filter);
    const auto childList = asChild(list);
    auto contactList = nlohmann::json::array();
    for (const auto& contact : list) {
        auto json = contact.toJson();
        json["role_label"] = roleLabel(contact.personRole);
        if (contact.personRole == "child" && isReferralOutcome(contact.outcome))
            json["is_re_referral"] = isReReferral(contact, childList, settings_);
        contactList.push_back(std::move(json));
    }
    const auto flags = computeHistoryFlags(childList, asOf.value_or(ws_.clock().now()), settings_);
    nlohmann::json result{{"person", toJson(*person)},
                          {"display_name", person->displayName()},
                          {"born", person->displayBirth()},
                          {"contacts", contactList},
                          {"household", household(personId)},
                          {"flags", flags.toJson()}};
    auto mergedFrom = nlohmann::json::array();
    for (const auto& merge : mergesInto(ws_.db(), personId)) {
        auto json = merge.toJson();
        if (const auto other = loadPerson(ws_.db(), merge.otherId)) {
            json["display_name"] = other->displayName();
            json["born"] = other->displayBirth();
            json["person"] = toJson(*other);
        }
        mergedFrom.push_back(std::move(json));
    }
    result["merged_from"] = std::move(mergedFrom);
    result["corrections"] = PersonCorrections(ws_).corrections(personId);
    if (askedId != personId) {
        result["asked_id"] = askedId;
        if (const auto merge = activeMergeOf(ws_.db(), askedId))
            result["merged_into"] = merge->toJson();
        else
            result["merged_into"] = {{"keep", personId}};
    }
    return result;
}

} // namespace frontdoor::core

namespace frontdoor::core {

nlohmann::json PersonSearch::household(const std::string& personId) {
    Database& db = ws_.db();
    const auto pk = personKey(db, personId);
    if (!pk)
        throw NotFoundError("no person with id " + excerpt(personId));
    struct Member {
        Person person;
        std::vector<std::string> roles;
        int64_t sharedContacts = 0;
        std::string lastContactAt;
    };
    std::vector<Member> members;
    // "child" first, then relationships in the order a screener reads them (parents first).
    const auto rank = [](const std::string& role) {
        if (role == "child")
            return -1;
        const auto& codes = adultRelationships();
        return static_cast<int>(std::find(codes.begin(), codes.end(), role) - codes.begin());
    };
    auto& stmt = db.cached(
        "WITH mine(contact_pk) AS (SELECT contact_pk FROM contact_child WHERE person_pk = ?1 "
        "  UNION SELECT contact_pk FROM contact_adult WHERE person_pk = ?1), "
        "others(person_pk, role, contact_pk) AS ("
        "  SELECT person_pk, 'child', contact_pk FROM contact_child WHERE contact_pk IN (SELECT contact_pk FROM mine) "
        "  UNION ALL SELECT person_pk, relationship, contact_pk FROM contact_adult "
        "  WHERE contact_pk IN (SELECT contact_pk FROM mine)) "
        "SELECT o.person_pk, group_concat(DISTINCT o.role), count(DISTINCT o.contact_pk), max(c.received_at) "
        "FROM others o JOIN contact c ON c.pk = o.contact_pk WHERE o.person_pk <> ?1 GROUP BY o.person_pk");
    stmt.bindAll(*pk);
    std::vector<std::tuple<int64_t, std::string, int64_t, std::string>> rows;
    while (stmt.step())
        rows.emplace_back(stmt.int64(0), stmt.text(1), stmt.int64(2), stmt.text(3));
    stmt.reset();
    for (const auto& [memberPk, roles, shared, last] : rows) {
        auto person = loadPersonByKey(db, memberPk);
        if (!person)
            continue;
        Member member{std::move(*person), {}, shared, last};
        size_t start = 0;
        while (start <= roles.size()) {
            const size_t comma = roles.find(',', start);
            member.roles.push_back(roles.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        std::sort(member.roles.begin(), member.roles.end(),
                  [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
        members.push_back(std::move(member));
    }
    // Children first, then adults; within each, the most recently seen with them first, then parents
    // before the wider family, then by name.
    std::sort(members.begin(), members.end(), [&](const Member& a, const Member& b) {
        const bool aChild = a.roles.front() == "child";
        const bool bChild = b.roles.front() == "child";
        if (aChild != bChild)
            return aChild;
        if (a.lastContactAt != b.lastContactAt)
            return a.lastContactAt > b.lastContactAt;
        if (rank(a.roles.front()) != rank(b.roles.front()))
            return rank(a.roles.front()) < rank(b.roles.front());
        if (a.person.displayName() != b.person.displayName())
            return a.person.displayName() < b.person.displayName();
        return a.person.id < b.person.id;
    });
    auto list = nlohmann::json::array();
    for (const auto& member : members) {
        auto labels = nlohmann::json::array();
        for (const auto& role : member.roles)
            labels.push_back(roleLabel(role));
        list.push_back({{"person_id", member.person.id},
                        {"display_name", member.person.displayName()},
                        {"born", member.person.displayBirth()},
                        {"adult", member.person.adult},
                        {"roles", member.roles},
                        {"role_labels", labels},
                        {"shared_contacts", member.sharedContacts},
                        {"last_contact_at", member.lastContactAt}});
    }
    return list;
}

} // namespace frontdoor::core
