// Realistic, made-up contacts (tests/core/data/threshold-scenarios.json) screened against the default
// rule set: each must get the level, outcome, RAG and strategy-discussion flag its "why" explains.
#include "RulesTestSupport.h"
#include "TestSupport.h"

#include "rules/RuleSetLoader.h"
#include "rules/ScreeningDecisionService.h"

#include <catch2/catch.hpp>

#include <set>

using namespace frontdoor;

TEST_CASE("threshold scenarios: realistic contacts get the suggestion their 'why' explains", "[rules][scenarios]") {
    const auto doc = test::readJsonFile(test::testDataFile("threshold-scenarios.json"));
    const auto& scenarios = doc.at("scenarios");
    REQUIRE(scenarios.size() >= 30);
    REQUIRE(doc.at("rules_version") == core::embeddedDefaultRuleSet()->version);

    test::TestWorkspace t; // empty: no history, so the scenario's context is all the rules see
    core::ScreeningDecisionService screening(*t.ws);
    std::set<std::string> names;
    for (const auto& scenario : scenarios) {
        const std::string name = scenario.at("name");
        INFO("scenario: " << name << "\nwhy: " << scenario.at("why").get<std::string>());
        CHECK(names.insert(name).second); // names are unique, so a failure points at one scenario
        CHECK_FALSE(scenario.at("why").get<std::string>().empty());

        const auto result = screening.screen(scenario.at("input")).toJson();
        INFO("reasons: " << result.at("reasons").dump(2));
        const auto& expect = scenario.at("expect");
        CHECK(result.at("level") == expect.at("level"));
        CHECK(result.at("outcome") == expect.at("outcome"));
        CHECK(result.at("rag") == expect.at("rag"));
        CHECK(result.at("strategy_discussion") == expect.at("strategy_discussion"));
        if (expect.contains("aggravators"))
            CHECK(result.at("aggravators") == expect.at("aggravators"));
        if (expect.contains("alerts"))
            CHECK(result.at("alerts") == expect.at("alerts"));
    }
}

TEST_CASE("threshold scenarios cover every level, RAG and suggested outcome", "[rules][scenarios]") {
    const auto doc = test::readJsonFile(test::testDataFile("threshold-scenarios.json"));
    std::set<int> levels;
    std::set<std::string> rags, outcomes, aggravators;
    for (const auto& scenario : doc.at("scenarios")) {
        const auto& expect = scenario.at("expect");
        levels.insert(expect.at("level").get<int>());
        rags.insert(expect.at("rag").get<std::string>());
        outcomes.insert(expect.at("outcome").get<std::string>());
        for (const auto& id : expect.value("aggravators", core::Json::array()))
            aggravators.insert(id.get<std::string>());
    }
    CHECK(levels == std::set<int>{1, 2, 3, 4});
    CHECK(rags == std::set<std::string>{"red", "amber", "green"});
    CHECK(outcomes == std::set<std::string>{"information_advice_signposting", "early_help",
                                            "child_and_family_assessment", "strategy_discussion"});
    for (const auto& aggravator : core::embeddedDefaultRuleSet()->aggravators)
        CHECK(aggravators.count(aggravator.id) == 1);
}
