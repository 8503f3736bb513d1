#pragma once
// From what a screener gives (a contact, the indicators they selected, the context questions they
// answered) to the evaluator's input: which child is screened, the child's age at receipt, and the
// history counts when they come from the database.

#include "contacts/Contact.h"
#include "people/HistoryFlags.h"
#include "rules/ThresholdEvaluator.h"
#include "util/JsonFields.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace frontdoor::core {

/// The screener's part of a screening, as read from JSON (docs/rules.md, "Screening input").
struct ScreeningRequest {
    std::vector<std::string> indicators;
    std::optional<size_t> child;           ///< index into the contact's children; see screenedChild()
    std::set<std::string> flags;           ///< context flags answered yes
    std::set<std::string> flagsAnsweredNo; ///< kept so the record shows what was asked
    std::optional<int> dashScore;
    std::optional<int> contactsIn12Months; ///< given by the screener; otherwise taken from history
    std::optional<bool> reReferral;        ///< likewise
};

/// Reads "indicators", "context" and "child" from `fields`, checking indicator ids and context fields
/// against the rule set. Problems go to the reader's error list; other keys are left to the caller.
ScreeningRequest readScreeningRequest(JsonFields& fields, const RuleSet& rules);

/// The child a screening is about: the one requested, else the only one, else the youngest (an unborn
/// child counts as the youngest), since the youngest is the most vulnerable to the age-based factors.
/// Throws ValidationError ("child") for an index the contact does not have.
size_t screenedChild(const Contact& contact, std::optional<size_t> requested);

/// Whole months from a date of birth to a later date.
int ageInMonths(Date dateOfBirth, Date on);

/// Where the history counts came from: "given" (in the request), "database" (the child's earlier
/// contacts), or "not_known" (a new child, or nothing given).
struct HistoryUsed {
    std::string source = "not_known";
    std::optional<HistoryFlags> flags;
};

/// The evaluator's input for one child of a contact.
ScreeningInput screeningInput(const Contact& contact, size_t child, const ScreeningRequest& request,
                              const HistoryUsed& history);

/// What a decision stores as its inputs: the request as given and what was derived from the contact
/// and history (child, age, counts), so the suggestion can be re-derived and explained later.
nlohmann::json screeningInputJson(const Contact& contact, size_t child, const ScreeningRequest& request,
                                  const ScreeningInput& input, const HistoryUsed& history);

} // namespace frontdoor::core
