#include "rules/ThresholdEvaluator.h"

#include "contacts/Outcomes.h"
#include "util/Errors.h"
#include "util/JsonFields.h"
#include "util/Text.h"

#include <algorithm>

namespace frontdoor::core {
namespace {

struct Selection {
    std::vector<char> selected; ///< by indicator index
    int highestLevel = 0;       ///< 0 when nothing is selected
};

Selection select(const RuleSet& rules, const std::vector<std::string>& ids) {
    Selection selection;
    selection.selected.assign(rules.indicators.size(), 0);
    std::vector<FieldError> unknown;
    for (size_t i = 0; i < ids.size(); ++i) {
        const auto index = rules.indicatorIndex(ids[i]);
        if (!index) {
            unknown.push_back({indexPath("indicators", i),
                               quoteExcerpt(ids[i]) + " is not an indicator in rule set " + rules.version});
            continue;
        }
        selection.selected[*index] = 1;
        selection.highestLevel = std::max(selection.highestLevel, rules.indicators[*index].level);
    }
    if (!unknown.empty())
        throw ValidationError(std::move(unknown));
    return selection;
}

bool flagHolds(const std::string& flag, const ScreeningContext& context) {
    if (flag == "unborn")
        return context.unborn;
    if (flag == "re_referral")
        return context.reReferral;
    return context.flags.count(flag) > 0;
}

bool holds(const Condition& condition, const Selection& selection, const ScreeningContext& context) {
    using Kind = Condition::Kind;
    switch (condition.kind) {
    case Kind::AllOf:
        return std::all_of(condition.children.begin(), condition.children.end(),
                           [&](const Condition& c) { return holds(c, selection, context); });
    case Kind::AnyOf:
        return std::any_of(condition.children.begin(), condition.children.end(),
                           [&](const Condition& c) { return holds(c, selection, context); });
    case Kind::Not:
        return !condition.children.empty() && !holds(condition.children.front(), selection, context);
    case Kind::Indicator:
    case Kind::AnyIndicator:
        return std::any_of(condition.indicators.begin(), condition.indicators.end(),
                           [&](size_t index) { return selection.selected[index] != 0; });
    case Kind::IndicatorLevelAtLeast:
        return selection.highestLevel >= condition.number;
    case Kind::Flag:
        return flagHolds(condition.flag, context);
    case Kind::AgeUnderMonths:
        return !context.unborn && context.ageMonths && *context.ageMonths < condition.number;
    case Kind::DashScoreAtLeast:
        return context.dashScore && *context.dashScore >= condition.number;
    case Kind::ContactsIn12MonthsAtLeast:
        return context.contactsIn12Months && *context.contactsIn12Months >= condition.number;
    }
    return false;
}

// Whether a condition looks at the child's age, so the reason can say how old the child is.
bool mentionsAge(const Condition& condition) {
    if (condition.kind == Condition::Kind::AgeUnderMonths ||
        (condition.kind == Condition::Kind::Flag && condition.flag == "unborn"))
        return true;
    return std::any_of(condition.children.begin(), condition.children.end(), mentionsAge);
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

void addUnique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

/// An outcome to weigh, with the rank of the outcome its indicator suggested (none for a factor's).
struct Alternative {
    std::string outcome;
    std::optional<size_t> besideRank;
};

/// Collects the candidates for outcome and RAG with what proposed each, so the reasons can say so.
struct Tally {
    size_t outcomeRank = 0;
    std::vector<std::string> outcomeFrom;
    Rag rag = Rag::Green;
    std::vector<std::string> ragFrom;

    void proposeOutcome(size_t rank, const std::string& from) {
        if (rank > outcomeRank || outcomeFrom.empty()) {
            outcomeRank = rank;
            outcomeFrom.clear();
        }
        if (rank == outcomeRank)
            outcomeFrom.push_back(from);
    }
    void proposeRag(Rag proposed, const std::string& from) {
        if (proposed > rag || ragFrom.empty()) {
            rag = proposed;
            ragFrom.clear();
        }
        if (proposed == rag)
            ragFrom.push_back(from);
    }
};

std::string joinWords(const std::vector<std::string>& words) {
    std::string text;
    for (size_t i = 0; i < words.size(); ++i)
        text += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
    return text;
}

// What is still worth weighing beside the suggested outcome: anything more intrusive, and an indicator's
// alternative to the very outcome suggested ("needs met: information and advice, or no further action").
// A gentler alternative to an outcome that was overtaken is left out, so a strategy discussion is never
// shown beside "consider early help".
std::vector<std::string> alsoConsider(const RuleSet& rules, const std::vector<Alternative>& alternatives,
                                      size_t suggestedRank) {
    std::vector<std::string> kept;
    for (const auto& alternative : alternatives) {
        const auto rank = rules.outcomeRank(alternative.outcome);
        const bool moreIntrusive = !rank || *rank > suggestedRank;
        const bool besideSuggestion = alternative.besideRank == suggestedRank && rank != suggestedRank;
        if (moreIntrusive || besideSuggestion)
            addUnique(kept, alternative.outcome);
    }
    return kept;
}

} // namespace

nlohmann::json Reason::toJson() const {
    nlohmann::json json{{"kind", kind}, {"text", text}};
    if (!id.empty())
        json["id"] = id;
    return json;
}

nlohmann::json Suggestion::toJson() const {
    auto reasonList = nlohmann::json::array();
    for (const auto& reason : reasons)
        reasonList.push_back(reason.toJson());
    return {{"level", level},
            {"level_label", levelLabel},
            {"indicator_level", indicatorLevel},
            {"outcome", outcome},
            {"outcome_label", outcomeLabel},
            {"rag", ragName(rag)},
            {"strategy_discussion", strategyDiscussion},
            {"also_consider", alsoConsider},
            {"alerts", alerts},
            {"indicators", indicators},
            {"aggravators", aggravators},
            {"reasons", reasonList},
            {"rules_version", rulesVersion},
            {"rules_hash", rulesHash}};
}

std::string describeAge(const ScreeningContext& context) {
    if (context.unborn)
        return "unborn";
    if (!context.ageMonths)
        return "age not known";
    const int months = *context.ageMonths;
    if (months < 24)
        return std::to_string(months) + (months == 1 ? " month old" : " months old");
    const int years = months / 12;
    const int rest = months % 12;
    return std::to_string(years) + " years" +
           (rest == 0 ? "" : " " + std::to_string(rest) + (rest == 1 ? " month" : " months")) + " old";
}

Suggestion evaluate(const RuleSet& rules, const ScreeningInput& input) {
    const Selection selection = select(rules, input.indicators);
    const ScreeningContext& context = input.context;
    Suggestion suggestion;
    suggestion.rulesVersion = rules.version;
    suggestion.rulesHash = rules.hash;
    Tally tally;
    std::vector<Alternative> alternatives;

    // 1. The indicators: the level is the highest of theirs.
    suggestion.indicatorLevel = std::max(kLowestLevel, selection.highestLevel);
    for (size_t i = 0; i < rules.indicators.size(); ++i) {
        if (!selection.selected[i])
            continue;
        const Indicator& indicator = rules.indicators[i];
        suggestion.indicators.push_back(indicator.id);
        tally.proposeOutcome(*rules.outcomeRank(indicator.outcome), indicator.id);
        if (indicator.rag)
            tally.proposeRag(*indicator.rag, indicator.id);
        for (const auto& outcome : indicator.alsoConsider)
            alternatives.push_back({outcome, rules.outcomeRank(indicator.outcome)});
        suggestion.reasons.push_back({"indicator", indicator.id,
                                      indicator.id + ": " + indicator.words + ". " +
                                          capitalised(describeLevel(rules, indicator.level)) + "; suggests " +
                                          describeOutcome(indicator.outcome) + "."});
    }
    suggestion.reasons.push_back(
        {"level", "",
         selection.highestLevel == 0
             ? "No indicator selected: " + describeLevel(rules, kLowestLevel) + "."
             : "The highest indicator level is " + describeLevel(rules, suggestion.indicatorLevel) + "."});

    // 2. The aggravating factors: raises combine per the rule set, floors take the highest; never lower.
    int raise = 0;
    int floor = suggestion.indicatorLevel;
    for (const Aggravator& aggravator : rules.aggravators) {
        for (const AggravatorCase& aggravatorCase : aggravator.cases) {
            if (!holds(aggravatorCase.when, selection, context))
                continue;
            const Effect& effect = aggravatorCase.effect;
            addUnique(suggestion.aggravators, aggravator.id);
            raise = rules.raisesAdd ? raise + effect.raiseBy : std::max(raise, effect.raiseBy);
            if (effect.minLevel)
                floor = std::max(floor, *effect.minLevel);
            if (effect.outcome)
                tally.proposeOutcome(*rules.outcomeRank(*effect.outcome), aggravator.id);
            if (effect.rag)
                tally.proposeRag(*effect.rag, aggravator.id);
            for (const auto& outcome : effect.alsoConsider)
                alternatives.push_back({outcome, std::nullopt});
            for (const auto& alert : effect.alerts)
                addUnique(suggestion.alerts, alert);
            suggestion.reasons.push_back({"aggravator", aggravator.id,
                                          aggravator.id + ": " + aggravatorCase.reason +
                                              (mentionsAge(aggravatorCase.when)
                                                   ? " (the child is " + describeAge(context) + ")"
                                                   : std::string()) +
                                              ". " + describeEffect(rules, effect) + "."});
        }
    }
    suggestion.level = std::clamp(std::max(suggestion.indicatorLevel + raise, floor), suggestion.indicatorLevel,
                                  kHighestLevel);
    suggestion.levelLabel = rules.level(suggestion.level).label;
    if (suggestion.level != suggestion.indicatorLevel)
        suggestion.reasons.push_back({"level", "",
                                      "Aggravating factors raise the level from " +
                                          describeLevel(rules, suggestion.indicatorLevel) + " to " +
                                          describeLevel(rules, suggestion.level) + "."});

    // 3. Outcome: the most intrusive proposed; RAG: the highest, starting from the outcome's own.
    const LevelInfo& level = rules.level(suggestion.level);
    tally.proposeOutcome(*rules.outcomeRank(level.outcome), "level " + std::to_string(suggestion.level));
    const OutcomeStep& step = rules.outcomes[tally.outcomeRank];
    suggestion.outcome = step.code;
    suggestion.outcomeLabel = outcomeLabel(step.code);
    suggestion.strategyDiscussion = step.strategyDiscussion;
    tally.proposeRag(step.rag, "the suggested outcome");
    suggestion.rag = tally.rag;
    suggestion.reasons.push_back({"outcome", "",
                                  "Suggested outcome: " + describeOutcome(step.code) + ", from " +
                                      joinWords(tally.outcomeFrom) +
                                      (step.strategyDiscussion ? "; a strategy discussion is needed." : ".")});
    suggestion.reasons.push_back({"rag", "", "RAG " + ragName(tally.rag) + ", from " + joinWords(tally.ragFrom) + "."});
    suggestion.alsoConsider = alsoConsider(rules, alternatives, tally.outcomeRank);
    return suggestion;
}

} // namespace frontdoor::core
