#include "rules/RuleSet.h"

#include "contacts/Outcomes.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace frontdoor::core {
namespace {

std::string lowerAscii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

// "bruising" -> "bruis", "burns" -> "burn", "slapped" -> "slapp": a word without its common ending, or ""
// when it has none or the stem would be shorter than four letters (too loose to search by).
std::string stemOf(const std::string& word) {
    for (const std::string_view ending : {"ing", "ies", "es", "ed", "s"}) {
        if (word.size() >= ending.size() + 4 && word.compare(word.size() - ending.size(), ending.size(), ending) == 0)
            return word.substr(0, word.size() - ending.size());
    }
    return {};
}

nlohmann::json sourceLinks(const RuleSet& rules, const std::vector<std::string>& keys) {
    auto links = nlohmann::json::array();
    for (const auto& key : keys) {
        const auto it = rules.sources.find(key);
        links.push_back({{"key", key}, {"link", it == rules.sources.end() ? "" : it->second}});
    }
    return links;
}

// "Strategy discussion (section 47)" -> "strategy discussion (section 47)"; leaves acronyms alone.
std::string lowerFirst(std::string text) {
    if (text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z' && !(text[1] >= 'A' && text[1] <= 'Z'))
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

} // namespace

std::string describeLevel(const RuleSet& rules, int level) {
    // People read only the local labels (Halton: Universal, Level 1-3); the canonical number, which
    // differs from the local one, stays inside the rules and the stored decision.
    return rules.level(level).label;
}

std::string describeOutcome(std::string_view code) { return lowerFirst(outcomeLabel(code)); }

std::string describeEffect(const RuleSet& rules, const Effect& effect) {
    std::vector<std::string> parts;
    if (effect.raiseBy > 0)
        parts.push_back("raises the level by " + std::to_string(effect.raiseBy));
    if (effect.minLevel)
        parts.push_back("at least " + describeLevel(rules, *effect.minLevel));
    if (effect.outcome)
        parts.push_back("at least " + describeOutcome(*effect.outcome));
    if (effect.rag)
        parts.push_back("RAG at least " + ragName(*effect.rag));
    for (const auto& outcome : effect.alsoConsider)
        parts.push_back("consider " + describeOutcome(outcome));
    for (const auto& alert : effect.alerts)
        parts.push_back("alert: " + alert);
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : "; ") + part;
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

std::string ragName(Rag rag) {
    switch (rag) {
    case Rag::Red:
        return "red";
    case Rag::Amber:
        return "amber";
    case Rag::Green:
        break;
    }
    return "green";
}

std::optional<Rag> parseRag(std::string_view text) {
    if (text == "red")
        return Rag::Red;
    if (text == "amber")
        return Rag::Amber;
    if (text == "green")
        return Rag::Green;
    return std::nullopt;
}

const std::vector<std::string>& ragNames() {
    static const std::vector<std::string> names = {"red", "amber", "green"};
    return names;
}

const std::vector<std::string>& builtInFlags() {
    static const std::vector<std::string> flags = {"unborn", "re_referral"};
    return flags;
}

const LevelInfo& RuleSet::level(int canonical) const {
    const int clamped = std::clamp(canonical, kLowestLevel, kHighestLevel);
    return levels.at(static_cast<size_t>(clamped - kLowestLevel));
}

void RuleSet::index() {
    indicatorIndex_.clear();
    outcomeRank_.clear();
    for (size_t i = 0; i < indicators.size(); ++i)
        indicatorIndex_.emplace(indicators[i].id, i);
    for (size_t i = 0; i < outcomes.size(); ++i)
        outcomeRank_.emplace(outcomes[i].code, i);
}

std::optional<size_t> RuleSet::indicatorIndex(std::string_view id) const {
    const auto it = indicatorIndex_.find(std::string(id));
    if (it == indicatorIndex_.end())
        return std::nullopt;
    return it->second;
}

const Indicator* RuleSet::indicator(std::string_view id) const {
    const auto index = indicatorIndex(id);
    return index ? &indicators[*index] : nullptr;
}

std::optional<size_t> RuleSet::outcomeRank(std::string_view code) const {
    const auto it = outcomeRank_.find(std::string(code));
    if (it == outcomeRank_.end())
        return std::nullopt;
    return it->second;
}

const OutcomeStep* RuleSet::outcomeStep(std::string_view code) const {
    const auto rank = outcomeRank(code);
    return rank ? &outcomes[*rank] : nullptr;
}

const Domain* RuleSet::domain(std::string_view id) const {
    for (const auto& domain : domains)
        if (domain.id == id)
            return &domain;
    return nullptr;
}

bool RuleSet::hasContextFlag(std::string_view id) const {
    return std::any_of(contextFlags.begin(), contextFlags.end(), [&](const ContextFlag& f) { return f.id == id; });
}

std::vector<const Indicator*> searchIndicators(const RuleSet& rules, std::string_view query) {
    std::vector<std::string> words;
    std::istringstream stream{lowerAscii(query)};
    for (std::string word; stream >> word;)
        words.push_back(word);
    std::vector<const Indicator*> matches;
    for (const auto& indicator : rules.indicators) {
        const Domain* domain = rules.domain(indicator.domain);
        std::string haystack = indicator.id + " " + indicator.words + " " + (domain ? domain->label : indicator.domain);
        for (const auto& term : indicator.searchTerms)
            haystack += " " + term;
        haystack = lowerAscii(haystack);
        const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& word) {
            if (haystack.find(word) != std::string::npos)
                return true;
            const std::string stem = stemOf(word);
            return !stem.empty() && haystack.find(stem) != std::string::npos;
        });
        if (all)
            matches.push_back(&indicator);
    }
    return matches;
}

nlohmann::json indicatorsByDomain(const RuleSet& rules) {
    auto groups = nlohmann::json::array();
    for (const auto& domain : rules.domains) {
        auto list = nlohmann::json::array();
        for (const auto& indicator : rules.indicators) {
            if (indicator.domain != domain.id)
                continue;
            nlohmann::json json{{"id", indicator.id},
                                {"words", indicator.words},
                                {"level", indicator.level},
                                {"level_label", rules.level(indicator.level).label},
                                {"outcome", indicator.outcome},
                                {"sources", sourceLinks(rules, indicator.sources)}};
            if (!indicator.alsoConsider.empty())
                json["also_consider"] = indicator.alsoConsider;
            if (indicator.rag)
                json["rag"] = ragName(*indicator.rag);
            if (!indicator.notes.empty())
                json["notes"] = indicator.notes;
            list.push_back(std::move(json));
        }
        groups.push_back({{"id", domain.id}, {"label", domain.label}, {"indicators", list}});
    }
    return groups;
}

} // namespace frontdoor::core
