#pragma once
// A threshold rule set, parsed and validated (docs/rules.md): the local labels of the four canonical
// levels of need, the outcomes in order of how far they intervene, the indicators a screener selects,
// and the aggravating factors that raise the level. A RuleSet is immutable once loaded; it is made only
// by RuleSetLoader, so every RuleSet in memory is valid and every id in it resolves.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace frontdoor::core {

/// Urgency of the screening response (DOMAIN.md, "Urgency"); ordered, so max() is "the more urgent".
enum class Rag { Green = 0, Amber = 1, Red = 2 };

std::string ragName(Rag rag);
std::optional<Rag> parseRag(std::string_view text);
/// "red", "amber", "green".
const std::vector<std::string>& ragNames();

/// The lowest and highest canonical level (DOMAIN.md: store 1-4, show the local label).
inline constexpr int kLowestLevel = 1;
inline constexpr int kHighestLevel = 4;

struct LevelInfo {
    int level = 0;
    std::string label;    ///< local label, e.g. Halton "Level 2" for canonical 3
    std::string name;     ///< what the level means, e.g. "Complex / targeted"
    std::string response; ///< the usual response at this level
    std::string outcome;  ///< the outcome this level suggests on its own
    std::vector<std::string> sources;
};

/// One rung of the outcome ladder, least to most intrusive.
struct OutcomeStep {
    std::string code; ///< a code from contacts/Outcomes.h
    Rag rag = Rag::Green;
    bool strategyDiscussion = false; ///< choosing this outcome means a strategy discussion is needed
};

struct Domain {
    std::string id;
    std::string label;
};

/// A yes/no question about the child the rule set asks (e.g. "disabled"), used by aggravating factors.
struct ContextFlag {
    std::string id;
    std::string words;
};

struct Indicator {
    std::string id;
    std::string domain;
    std::string words;
    int level = 0;
    std::string outcome;                   ///< the outcome this indicator suggests
    std::vector<std::string> alsoConsider; ///< outcomes worth weighing, e.g. "strategy_discussion"
    std::optional<Rag> rag;                ///< a minimum RAG beyond the outcome's
    std::vector<std::string> sources;      ///< keys of RuleSet::sources
    std::string notes;
    /// Words people type when looking for this indicator ("bruise", "hit", "DV"); searched, never shown.
    std::vector<std::string> searchTerms;
};

/// A test on the selected indicators and the context. Indicator ids are resolved to indexes at load.
struct Condition {
    enum class Kind {
        AllOf,
        AnyOf,
        Not,
        Indicator,             ///< `indicators[0]` is selected
        AnyIndicator,          ///< at least one of `indicators` is selected
        IndicatorLevelAtLeast, ///< a selected indicator has level >= number
        Flag,                  ///< context flag `flag` holds (declared, or built in: unborn, re_referral)
        AgeUnderMonths,        ///< the child is born and under `number` months old at receipt
        DashScoreAtLeast,
        ContactsIn12MonthsAtLeast,
    };
    Kind kind = Kind::AllOf;
    std::vector<Condition> children;
    std::vector<size_t> indicators;
    std::string flag;
    int number = 0;
};

/// What an aggravating factor does when it applies. Effects only ever raise.
struct Effect {
    std::optional<int> minLevel;     ///< the level is at least this
    int raiseBy = 0;                 ///< levels to add (combined per RuleSet::raisesAdd)
    std::optional<std::string> outcome; ///< the outcome is at least this intrusive
    std::optional<Rag> rag;          ///< the RAG is at least this
    std::vector<std::string> alsoConsider;
    std::vector<std::string> alerts; ///< e.g. "manager_review", "disability_team", "marac"
};

struct AggravatorCase {
    Condition when;
    Effect effect;
    std::string reason; ///< why this case matters, in words
};

/// An aggravating factor; every case whose condition holds applies.
struct Aggravator {
    std::string id;
    std::string words;
    std::vector<AggravatorCase> cases;
    std::vector<std::string> sources;
    std::string evidence;
    std::string note;
};

struct RuleSet {
    int format = 1;
    std::string version;  ///< e.g. "halton-2026.1"
    std::string hash;     ///< SHA-256 of the canonical JSON (ruleSetHash), hex
    std::string name;
    std::string authority;
    std::string about;
    nlohmann::json body;  ///< the rule set as loaded, for storing and showing
    std::map<std::string, std::string> sources;
    std::vector<LevelInfo> levels;     ///< levels[i] is canonical level i + 1
    std::vector<OutcomeStep> outcomes; ///< least to most intrusive
    std::vector<Domain> domains;
    std::vector<ContextFlag> contextFlags;
    std::vector<Indicator> indicators;
    std::vector<Aggravator> aggravators;
    bool raisesAdd = true; ///< "raises": "add" (raise_by values add up) or "largest" (only the largest counts)
    std::string combinationRule; ///< the combination rule in words

    const LevelInfo& level(int canonical) const;
    /// The index of an indicator id, or nullopt.
    std::optional<size_t> indicatorIndex(std::string_view id) const;
    const Indicator* indicator(std::string_view id) const;
    /// The position of an outcome on the ladder, or nullopt for an outcome the rule set never suggests.
    std::optional<size_t> outcomeRank(std::string_view code) const;
    const OutcomeStep* outcomeStep(std::string_view code) const;
    const Domain* domain(std::string_view id) const;
    bool hasContextFlag(std::string_view id) const;

    /// Builds the lookup tables; called by the loader once the vectors are filled.
    void index();

private:
    std::unordered_map<std::string, size_t> indicatorIndex_;
    std::unordered_map<std::string, size_t> outcomeRank_;
};

/// The level as people read it: its local label ("Level 3", "Universal"), never the canonical number.
std::string describeLevel(const RuleSet& rules, int level);
/// The outcome's label for running text, e.g. "strategy discussion (section 47)".
std::string describeOutcome(std::string_view code);
/// What an effect does in words, e.g. "Raises the level by 1; alert: manager_review".
std::string describeEffect(const RuleSet& rules, const Effect& effect);

/// Context flags every rule set may test without declaring them, derived from the contact and history.
const std::vector<std::string>& builtInFlags();

/// Indicators matching a search, in rule-set order: every word of `query` must occur (ignoring case)
/// anywhere in the indicator's id, words, search terms or domain label; a word with a common ending
/// ("bruising", "burns", "slapped") also matches on its stem of four letters or more ("bruis").
/// An empty query matches all. For the indicator picker.
std::vector<const Indicator*> searchIndicators(const RuleSet& rules, std::string_view query);

/// The rule set's indicators grouped by domain in the rule set's domain order, with the local level
/// labels and source links: what `rules show` prints and the picker lists.
nlohmann::json indicatorsByDomain(const RuleSet& rules);

} // namespace frontdoor::core
