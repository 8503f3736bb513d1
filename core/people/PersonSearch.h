#pragma once
// Finding a child the front door may already know, from whatever the referrer could give: names
// (misspelt, swapped, previous or alternative), date of birth (possibly with day and month
// transposed), postcode. Candidates come from SQLite indexes (FTS5 over names and phonetic keys,
// b-trees over dates and postcodes) and are then scored here, each score with its reasons.

#include "Workspace.h"
#include "contacts/ContactService.h"
#include "people/HistoryFlags.h"
#include "people/Person.h"
#include "store/Fact.h"

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

/// Which people a search looks among.
enum class PersonKind {
    Children, ///< children and young people (and the unborn): the child matching panel
    Adults,   ///< adults named on contacts
    Everyone, ///< both: an adult typed on a contact may be someone first known as a child
};

struct PersonQuery {
    std::string givenName;
    std::string familyName;
    std::optional<Date> dateOfBirth;
    std::string postcode;
    int limit = 10;
    bool withHistory = true;       ///< attach each candidate's earlier contacts and flags
    std::optional<Instant> asOf;   ///< flags as of this instant (default: now)
    bool countingNewContact = false;
    PersonKind kind = PersonKind::Children;

    bool empty() const { return givenName.empty() && familyName.empty() && !dateOfBirth && postcode.empty(); }
};

struct MatchReason {
    std::string code; ///< e.g. "family_name_phonetic", "date_of_birth_transposed"
    std::string text; ///< e.g. "family name sounds the same (Smyth / Smith)"
};

/// A candidate scoring at least this is a likely match: the desktop highlights it ready to link. Below
/// it candidates are listed but none is pre-selected. Without a date of birth no candidate reaches it
/// (names and postcode at most 65).
constexpr int kLikelyMatchScore = 75;

struct MatchCandidate {
    Person person;
    /// 0-100: how much of the evidence for a certain match (both names and the date of birth, and the
    /// postcode when given) agrees. Evidence not typed yet counts as not agreeing, so only names and a
    /// date of birth that all agree make 100.
    int score = 0;
    /// 0-100: the share of the evidence given that agrees (decides who is offered: at least 30).
    int shareOfGiven = 0;
    std::vector<MatchReason> reasons;
    std::vector<ContactSummary> contacts; ///< newest first, as a child or an adult (ContactSummary::personRole)
    HistoryFlags flags;                   ///< from the contacts about them as a child

    nlohmann::json toJson() const;
};

class PersonSearch {
public:
    PersonSearch(Workspace& workspace, HistorySettings settings = {}) : ws_(workspace), settings_(settings) {}

    /// Ranked candidates, best first; at most query.limit. Candidates agreeing with under 30% of the
    /// evidence given are left out.
    std::vector<MatchCandidate> search(const PersonQuery& query);

    /// Everything about one person: details, contacts (newest first, as a child or an adult, each with
    /// "role" and "role_label", each referral marked if it was a re-referral), flags (from the contacts
    /// about them as a child) and "household": every other person named with them on a contact (children
    /// first, then adults; each with their roles, how many contacts they share, and the last). Throws
    /// NotFoundError.
    nlohmann::json history(const std::string& personId, std::optional<Instant> asOf = std::nullopt);

    /// The people named with this person on any contact (see history()'s "household"). Throws NotFoundError.
    nlohmann::json household(const std::string& personId);

    /// history() for a person reading the record: checks they hold a role and logs the read as a fact.
    nlohmann::json viewHistory(const Actor& actor, const std::string& personId, std::optional<Instant> asOf = std::nullopt);

    /// Scores one known person against a query (exposed for tests and the UI's "why" tooltip).
    static MatchCandidate score(const PersonQuery& query, const Person& person);

    /// Why linking `person` to the child described by `query` needs a second look, in words: each name
    /// that is not the same (a slip, a swap, or another name altogether) and a date of birth that
    /// differs, is not known, or is not typed yet. Empty when names and date of birth all agree.
    static std::vector<std::string> linkDifferences(const PersonQuery& query, const Person& person);

private:
    std::vector<int64_t> candidateKeys(const PersonQuery& query);

    Workspace& ws_;
    HistorySettings settings_;
};

} // namespace frontdoor::core
