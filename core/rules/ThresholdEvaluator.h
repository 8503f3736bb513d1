#pragma once
// Applying a threshold rule set to one child's screening: the selected indicators and the context go
// in; a suggested level (with its local label), outcome, RAG, whether a strategy discussion is needed,
// and the reasons in words come out. A pure function of its arguments: no database, no clock, so the
// desktop app can call it on every tick of the indicator picker and a test can pin every rule.

#include "rules/RuleSet.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace frontdoor::core {

/// What the rules may know about the child besides the indicators (docs/rules.md, "Context").
struct ScreeningContext {
    std::optional<int> ageMonths;    ///< whole months old at receipt; nullopt when unborn or not known
    bool unborn = false;
    std::set<std::string> flags;     ///< the rule set's context flags that hold, e.g. "disabled"
    std::optional<int> dashScore;    ///< DASH risk checklist ticks (0-27), when there is domestic abuse
    std::optional<int> contactsIn12Months; ///< contacts about the child in the 12 months up to and including this one
    bool reReferral = false;         ///< a referral now would be a re-referral (DfE: within 12 months of another)
};

struct ScreeningInput {
    std::vector<std::string> indicators; ///< selected indicator ids
    ScreeningContext context;
};

/// One line of "why": an indicator that applied, an aggravating factor, or how level, outcome and RAG
/// were combined.
struct Reason {
    std::string kind; ///< indicator, aggravator, level, outcome, rag
    std::string id;   ///< the indicator or aggravator id; "" for level, outcome and rag
    std::string text;
    nlohmann::json toJson() const;
};

struct Suggestion {
    std::string rulesVersion;
    std::string rulesHash;
    int indicatorLevel = kLowestLevel; ///< the highest selected indicator's level, before aggravating factors
    int level = kLowestLevel;
    std::string levelLabel;            ///< the local label, e.g. Halton "Level 3" for canonical 4
    std::string outcome;               ///< a code from contacts/Outcomes.h
    std::string outcomeLabel;
    Rag rag = Rag::Green;
    bool strategyDiscussion = false;
    std::vector<std::string> alsoConsider; ///< other outcomes the indicators or factors ask to weigh
    std::vector<std::string> alerts;       ///< e.g. manager_review, disability_team, marac, re_referral
    std::vector<std::string> indicators;   ///< the indicators that applied, in rule-set order
    std::vector<std::string> aggravators;  ///< the aggravating factors that applied, in rule-set order
    std::vector<Reason> reasons;

    /// {"level", "level_label", "outcome", "rag", "strategy_discussion", "reasons", "rules_version", ...}
    nlohmann::json toJson() const;
};

/// Applies the rule set (docs/rules.md, "The combination rule"). The level is the highest selected
/// indicator's (level 1 when none is selected), raised by the aggravating factors that apply and never
/// lowered. Throws ValidationError for an indicator id the rule set does not have.
Suggestion evaluate(const RuleSet& rules, const ScreeningInput& input);

/// "4 months old", "2 years 3 months old", "unborn", "age not known".
std::string describeAge(const ScreeningContext& context);

} // namespace frontdoor::core
