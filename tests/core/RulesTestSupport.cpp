#include "RulesTestSupport.h"

#include "rules/RuleSetLoader.h"

#include <fstream>
#include <stdexcept>

namespace frontdoor::test {

core::Json minimalRuleSet() {
    return core::Json::parse(R"({
      "format": 1,
      "version": "test-1",
      "name": "Test rules",
      "sources": {"SRC": "https://example.org/thresholds"},
      "levels": [
        {"level": 1, "label": "Universal", "outcome": "information_advice_signposting"},
        {"level": 2, "label": "Level 1", "outcome": "early_help"},
        {"level": 3, "label": "Level 2", "outcome": "early_help"},
        {"level": 4, "label": "Level 3", "outcome": "child_and_family_assessment"}
      ],
      "outcomes": [
        {"code": "information_advice_signposting", "rag": "green"},
        {"code": "early_help", "rag": "green"},
        {"code": "child_and_family_assessment", "rag": "amber"},
        {"code": "strategy_discussion", "rag": "red", "strategy_discussion": true}
      ],
      "domains": [{"id": "neglect", "label": "Neglect"}, {"id": "harm", "label": "Harm"}],
      "context_flags": [{"id": "vulnerable", "words": "The child is vulnerable"}],
      "indicators": [
        {"id": "A1", "domain": "neglect", "words": "Needs met", "level": 1,
         "outcome": "information_advice_signposting", "sources": ["SRC"]},
        {"id": "B2", "domain": "neglect", "words": "Emerging neglect", "level": 2, "outcome": "early_help",
         "sources": ["SRC"]},
        {"id": "C3", "domain": "harm", "words": "A bruise", "level": 3, "outcome": "early_help",
         "also_consider": ["child_and_family_assessment"], "sources": []},
        {"id": "D4", "domain": "harm", "words": "Serious harm", "level": 4, "outcome": "strategy_discussion",
         "rag": "red", "sources": ["SRC"]}
      ],
      "aggravators": [
        {"id": "RAISE", "words": "A vulnerable child",
         "cases": [{"when": {"all_of": [{"flag": "vulnerable"}, {"indicator_level_at_least": 2}]},
                    "effect": {"raise_by": 1, "alerts": ["manager_review"]}, "reason": "vulnerable"}]},
        {"id": "FLOOR", "words": "A baby with a bruise",
         "cases": [{"when": {"all_of": [{"indicator": "C3"}, {"age_under_months": 12}]},
                    "effect": {"min_level": 4, "outcome": "strategy_discussion"}, "reason": "a baby's bruise"}]}
      ],
      "combination": {"raises": "add", "rule": "highest indicator, then aggravators"}
    })");
}

core::Json defaultRuleSetBody() { return core::embeddedDefaultRuleSet()->body; }

core::ScreeningInput screeningOf(std::vector<std::string> indicators, std::optional<int> ageMonths) {
    core::ScreeningInput input;
    input.indicators = std::move(indicators);
    input.context.ageMonths = ageMonths;
    return input;
}

std::string testDataFile(const std::string& name) { return std::string(FRONTDOOR_TEST_DATA_DIR) + "/" + name; }

core::Json readJsonFile(const std::string& path) {
    std::ifstream stream(path);
    if (!stream)
        throw std::runtime_error("cannot read " + path);
    return core::Json::parse(stream);
}

void writeJsonFile(const std::string& path, const core::Json& json) {
    std::ofstream stream(path);
    stream << json.dump(2);
}

} // namespace frontdoor::test
