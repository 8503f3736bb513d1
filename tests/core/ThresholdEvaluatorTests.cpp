// The evaluator: each aggravating factor of the default rule set, and the combination rule.
#include "RulesTestSupport.h"

#include "rules/RuleSetLoader.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace frontdoor;
using Catch::Contains;

namespace {

const core::RuleSet& halton() { return *core::embeddedDefaultRuleSet(); }

core::Suggestion evaluate(const core::ScreeningInput& input) { return core::evaluate(halton(), input); }

bool applied(const core::Suggestion& suggestion, const std::string& aggravator) {
    return std::find(suggestion.aggravators.begin(), suggestion.aggravators.end(), aggravator) !=
           suggestion.aggravators.end();
}

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

core::ScreeningInput unborn(std::vector<std::string> indicators) {
    auto input = test::screeningOf(std::move(indicators), std::nullopt);
    input.context.unborn = true;
    return input;
}

} // namespace

TEST_CASE("aggravating factor: any injury to a baby under 1 or a child not independently mobile", "[rules]") {
    SECTION("an explained bruise on a four-month-old: level 4, strategy discussion, red") {
        const auto s = evaluate(test::screeningOf({"INJURY_EXPLAINED"}, 4));
        CHECK(s.indicatorLevel == 2);
        CHECK(s.level == 4);
        CHECK(s.levelLabel == "Level 3");
        CHECK(s.outcome == "strategy_discussion");
        CHECK(s.rag == core::Rag::Red);
        CHECK(s.strategyDiscussion);
        CHECK(applied(s, "AGE_UNDER_1_OR_NIM"));
    }
    SECTION("the same explained bruise at 13 months, walking: level 2") {
        const auto s = evaluate(test::screeningOf({"INJURY_EXPLAINED"}, 13));
        CHECK(s.level == 2);
        CHECK_FALSE(applied(s, "AGE_UNDER_1_OR_NIM"));
    }
    SECTION("a three-year-old who is not independently mobile counts as a non-mobile child") {
        auto input = test::screeningOf({"INJURY_EXPLAINED"}, 36);
        input.context.flags.insert("not_independently_mobile");
        const auto s = evaluate(input);
        CHECK(s.level == 4);
        CHECK(s.strategyDiscussion);
    }
    SECTION("a concern that is not an injury raises a baby's level by one (PROPOSED)") {
        const auto s = evaluate(test::screeningOf({"EMERGING_NEGLECT"}, 5));
        CHECK(s.level == 3);
        CHECK(s.outcome == "early_help");
        CHECK(applied(s, "AGE_UNDER_1_OR_NIM"));
    }
    SECTION("a baby whose needs are met is not raised") {
        CHECK(evaluate(test::screeningOf({"NEEDS_MET"}, 5)).level == 1);
    }
    SECTION("an unborn child is not 'under 1' (it has no injuries and its own factors)") {
        const auto s = evaluate(unborn({"EMERGING_NEGLECT"}));
        CHECK(s.level == 2);
        CHECK_FALSE(applied(s, "AGE_UNDER_1_OR_NIM"));
    }
    SECTION("an unknown age does not count as under 1") {
        CHECK(evaluate(test::screeningOf({"INJURY_EXPLAINED"}, std::nullopt)).level == 2);
    }
}

TEST_CASE("aggravating factor: pregnancy or a baby under 18 months with domestic abuse", "[rules]") {
    SECTION("an unborn child and domestic abuse: up one level, RAG at least amber") {
        const auto s = evaluate(unborn({"DA_INSTABILITY"}));
        CHECK(s.level == 4);
        CHECK(s.rag == core::Rag::Amber);
        CHECK(applied(s, "PREGNANT_OR_BABY_UNDER_18M_DA"));
    }
    SECTION("a pregnant parent in the household") {
        auto input = test::screeningOf({"DA_INSTABILITY"}, 60);
        input.context.flags.insert("pregnancy");
        CHECK(evaluate(input).level == 4);
    }
    SECTION("a 17-month-old, and domestic abuse known only from a DASH score") {
        auto input = test::screeningOf({"FAMILY_CONFLICT"}, 17);
        input.context.dashScore = 3;
        const auto s = evaluate(input);
        CHECK(s.level == 3);
        CHECK(applied(s, "PREGNANT_OR_BABY_UNDER_18M_DA"));
    }
    SECTION("an 18-month-old is not raised") {
        auto input = test::screeningOf({"DA_INSTABILITY"}, 18);
        CHECK(evaluate(input).level == 3);
    }
    SECTION("a baby without domestic abuse is not raised by this factor") {
        const auto s = evaluate(test::screeningOf({"FAMILY_CONFLICT"}, 15));
        CHECK(s.level == 2);
        CHECK_FALSE(applied(s, "PREGNANT_OR_BABY_UNDER_18M_DA"));
    }
}

TEST_CASE("aggravating factor: disability", "[rules]") {
    auto input = test::screeningOf({"LOW_MH_SELFHARM"}, 144);
    input.context.flags.insert("disabled");
    const auto s = evaluate(input);
    CHECK(s.level == 3);
    CHECK(has(s.alerts, "disability_team"));
    CHECK(has(s.alsoConsider, "child_and_family_assessment"));
    CHECK(applied(s, "DISABLED_CHILD"));

    SECTION("not when the child's needs are met") {
        auto met = test::screeningOf({"NEEDS_MET"}, 144);
        met.context.flags.insert("disabled");
        CHECK(evaluate(met).level == 1);
        CHECK_FALSE(applied(evaluate(met), "DISABLED_CHILD"));
    }
}

TEST_CASE("aggravating factor: domestic abuse, parental mental ill-health and substance misuse together", "[rules]") {
    SECTION("all three: level 4") {
        const auto s = evaluate(test::screeningOf({"DA_INSTABILITY", "PARENT_MENTAL_HEALTH", "PARENT_SUBSTANCE_MISUSE"}));
        CHECK(s.level == 4);
        CHECK(s.outcome == "child_and_family_assessment");
        CHECK(applied(s, "TOXIC_TRIO"));
    }
    SECTION("domestic abuse known from a DASH score counts") {
        auto input = test::screeningOf({"FAMILY_CONFLICT", "PARENT_MENTAL_HEALTH", "PARENT_SUBSTANCE_MISUSE"});
        input.context.dashScore = 6;
        CHECK(applied(evaluate(input), "TOXIC_TRIO"));
    }
    SECTION("two of the three are not the trio") {
        const auto s = evaluate(test::screeningOf({"PARENT_MENTAL_HEALTH", "PARENT_SUBSTANCE_MISUSE"}));
        CHECK(s.level == 3);
        CHECK_FALSE(applied(s, "TOXIC_TRIO"));
        CHECK_FALSE(applied(evaluate(test::screeningOf({"DA_INSTABILITY", "PARENT_MENTAL_HEALTH"})), "TOXIC_TRIO"));
    }
}

TEST_CASE("aggravating factor: a previous child protection plan, or looked after", "[rules]") {
    for (const auto flag : {"previous_cp_plan", "previously_looked_after"}) {
        auto input = test::screeningOf({"CHRONIC_NEGLECT"});
        input.context.flags.insert(flag);
        const auto s = evaluate(input);
        CHECK(s.level == 4);
        CHECK(has(s.alerts, "manager_review"));
        CHECK(applied(s, "PREVIOUS_CP_PLAN_OR_LAC"));
    }
}

TEST_CASE("aggravating factor: repeat contacts (3 in 12 months) and re-referral", "[rules]") {
    auto input = test::screeningOf({"EMERGING_NEGLECT"});
    SECTION("a third contact in 12 months raises a low-level concern by one and asks for a manager") {
        input.context.contactsIn12Months = 3;
        const auto s = evaluate(input);
        CHECK(s.level == 3);
        CHECK(has(s.alerts, "manager_review"));
    }
    SECTION("a second contact does not") {
        input.context.contactsIn12Months = 2;
        CHECK(evaluate(input).level == 2);
        CHECK_FALSE(applied(evaluate(input), "RE_REFERRAL_12M"));
    }
    SECTION("a re-referral is flagged but does not change the level") {
        input.context.reReferral = true;
        const auto s = evaluate(input);
        CHECK(s.level == 2);
        CHECK(has(s.alerts, "re_referral"));
        CHECK(applied(s, "RE_REFERRAL_12M"));
    }
}

TEST_CASE("aggravating factor: parents refuse support", "[rules]") {
    auto input = test::screeningOf({"PARENT_STRUGGLING"});
    input.context.flags.insert("parents_refuse_support");
    CHECK(evaluate(input).level == 4);
    CHECK(applied(evaluate(input), "PARENTS_REFUSE_SUPPORT"));
}

TEST_CASE("aggravating factor: DASH high (14 or more) and medium (10 to 13)", "[rules]") {
    auto input = test::screeningOf({"FAMILY_CONFLICT"});
    SECTION("14: level 4, red, MARAC, consider a strategy discussion") {
        input.context.dashScore = 14;
        const auto s = evaluate(input);
        CHECK(s.level == 4);
        CHECK(s.rag == core::Rag::Red);
        CHECK(has(s.alerts, "marac"));
        CHECK(has(s.alsoConsider, "strategy_discussion"));
        CHECK(applied(s, "DASH_HIGH"));
        CHECK_FALSE(applied(s, "DASH_MEDIUM"));
    }
    SECTION("13: medium, at least level 3") {
        input.context.dashScore = 13;
        const auto s = evaluate(input);
        CHECK(s.level == 3);
        CHECK(applied(s, "DASH_MEDIUM"));
        CHECK_FALSE(applied(s, "DASH_HIGH"));
    }
    SECTION("10 is medium, 9 is standard") {
        input.context.dashScore = 10;
        CHECK(evaluate(input).level == 3);
        input.context.dashScore = 9;
        CHECK(evaluate(input).level == 2);
    }
}

TEST_CASE("combination rule: the highest indicator, then aggravating factors, never lowered", "[rules]") {
    SECTION("the level is the highest indicator's, not a sum") {
        CHECK(evaluate(test::screeningOf({"OCCASIONAL_ABSENCE", "PEER_ASB", "MISSING_STARTED"})).level == 2);
        CHECK(evaluate(test::screeningOf({"OCCASIONAL_ABSENCE", "CHRONIC_NEGLECT"})).level == 3);
    }
    SECTION("no indicator: level 1 with its local label and outcome") {
        const auto s = evaluate(test::screeningOf({}));
        CHECK(s.level == 1);
        CHECK(s.levelLabel == "Universal");
        CHECK(s.outcome == "information_advice_signposting");
        CHECK(s.rag == core::Rag::Green);
    }
    SECTION("raises add up (Halton: \"add\") and stop at level 4") {
        auto input = test::screeningOf({"EMERGING_NEGLECT"}, 6); // a baby: +1
        input.context.flags.insert("previous_cp_plan");           // +1
        CHECK(evaluate(input).level == 4);
        input.context.flags.insert("parents_refuse_support");     // +1 more, capped
        CHECK(evaluate(input).level == 4);
    }
    SECTION("with \"largest\", only the largest raise counts") {
        auto body = test::defaultRuleSetBody();
        body["version"] = "test-largest";
        body["combination"]["raises"] = "largest";
        const auto rules = core::loadRuleSet(body);
        auto input = test::screeningOf({"EMERGING_NEGLECT"}, 6);
        input.context.flags.insert("previous_cp_plan");
        CHECK(core::evaluate(*rules, input).level == 3);
    }
    SECTION("a floor and a raise: whichever is higher") {
        auto input = test::screeningOf({"FAMILY_CONFLICT"}, 60);
        input.context.dashScore = 12;                   // floor 3
        input.context.flags.insert("previous_cp_plan"); // 2 + 1 = 3
        CHECK(evaluate(input).level == 3);
        input.context.flags.insert("parents_refuse_support"); // 2 + 2 = 4
        CHECK(evaluate(input).level == 4);
    }
    SECTION("the outcome is the most intrusive proposed; strategy discussion follows it") {
        const auto s = evaluate(test::screeningOf({"CHRONIC_NEGLECT", "ABUSE_DISCLOSURE", "OCCASIONAL_ABSENCE"}));
        CHECK(s.outcome == "strategy_discussion");
        CHECK(s.strategyDiscussion);
        const auto assessment = evaluate(test::screeningOf({"HOMELESS_16_17"}, 204));
        CHECK(assessment.level == 3);
        CHECK(assessment.outcome == "child_and_family_assessment"); // the indicator's, above level 3's early help
        CHECK_FALSE(assessment.strategyDiscussion);
    }
    SECTION("the RAG is the highest of the outcome's, the indicators' and the factors'") {
        const auto s = evaluate(test::screeningOf({"SUICIDAL"}, 180));
        CHECK(s.outcome == "child_and_family_assessment"); // amber on its own...
        CHECK(s.rag == core::Rag::Red);                    // ...but the indicator says red
    }
    SECTION("never lowered: for every indicator and context, level and outcome are at least the indicator's") {
        const auto& rules = halton();
        std::vector<core::ScreeningContext> contexts(4);
        contexts[1].ageMonths = 3;
        contexts[2].unborn = true;
        contexts[2].dashScore = 20;
        contexts[3].ageMonths = 150;
        contexts[3].flags = {"disabled", "previous_cp_plan", "parents_refuse_support"};
        contexts[3].contactsIn12Months = 7;
        for (const auto& indicator : rules.indicators) {
            for (const auto& context : contexts) {
                const auto s = core::evaluate(rules, {{indicator.id}, context});
                CHECK(s.level >= indicator.level);
                CHECK(*rules.outcomeRank(s.outcome) >= *rules.outcomeRank(indicator.outcome));
            }
        }
    }
}

TEST_CASE("the reasons name every indicator and aggravating factor that applied, in words", "[rules]") {
    auto input = test::screeningOf({"INJURY_EXPLAINED", "EMERGING_NEGLECT"}, 4);
    const auto s = evaluate(input);
    std::string all;
    for (const auto& reason : s.reasons)
        all += reason.kind + "|" + reason.id + "|" + reason.text + "\n";
    CHECK_THAT(all, Contains("indicator|INJURY_EXPLAINED|"));
    CHECK_THAT(all, Contains("indicator|EMERGING_NEGLECT|"));
    CHECK_THAT(all, Contains("aggravator|AGE_UNDER_1_OR_NIM|"));
    CHECK_THAT(all, Contains("the child is 4 months old"));
    CHECK_THAT(all, Contains("raise the level from Level 1 to Level 3"));
    // Only the local labels: the trial read "Level 4 (Level 3)" beside a picker saying Level 3.
    CHECK_THAT(all, !Contains("level 4") && !Contains("Level 4") && !Contains("(Level"));
    CHECK_THAT(all, Contains("a strategy discussion is needed"));

    const auto json = s.toJson();
    for (const auto key : {"level", "level_label", "outcome", "rag", "strategy_discussion", "reasons", "rules_version"})
        CHECK(json.contains(key));
    CHECK(json["rules_version"] == "halton-2026.2");
}

TEST_CASE("evaluation is a pure function of its input", "[rules]") {
    auto input = test::screeningOf({"DA_INSTABILITY", "PARENT_MENTAL_HEALTH"}, 10);
    input.context.dashScore = 11;
    CHECK(evaluate(input).toJson() == evaluate(input).toJson());
    CHECK_THROWS_AS(evaluate(test::screeningOf({"NOT_AN_INDICATOR"})), core::ValidationError);
}

TEST_CASE("a custom rule set's effects are data: the minimal rule set", "[rules]") {
    const auto rules = core::loadRuleSet(test::minimalRuleSet());
    SECTION("a floor with an outcome") {
        const auto s = core::evaluate(*rules, test::screeningOf({"C3"}, 6));
        CHECK(s.level == 4);
        CHECK(s.outcome == "strategy_discussion");
        CHECK(s.rag == core::Rag::Red); // the outcome's RAG on this ladder
        CHECK(s.strategyDiscussion);
    }
    SECTION("a raise with an alert, only with a concern") {
        auto input = test::screeningOf({"B2"});
        input.context.flags.insert("vulnerable");
        CHECK(core::evaluate(*rules, input).level == 3);
        CHECK(core::evaluate(*rules, input).alerts == std::vector<std::string>{"manager_review"});
        input.indicators = {"A1"};
        CHECK(core::evaluate(*rules, input).level == 1);
    }
}

TEST_CASE("'also consider' lists what is still worth weighing beside the suggested outcome", "[rules]") {
    using Outcomes = std::vector<std::string>;
    SECTION("an indicator's alternative to the very outcome suggested") {
        CHECK(evaluate(test::screeningOf({"NEEDS_MET"})).alsoConsider == Outcomes{"no_further_action"});
        CHECK(evaluate(test::screeningOf({"SUICIDAL"}, 180)).alsoConsider == Outcomes{"strategy_discussion"});
    }
    SECTION("not a gentler alternative to an outcome that was overtaken") {
        // An explained bruise alone suggests advice (consider early help); on a baby it is a strategy
        // discussion, and "consider early help" beside it would mislead.
        CHECK(evaluate(test::screeningOf({"INJURY_EXPLAINED"}, 4)).alsoConsider.empty());
    }
    SECTION("a factor's alternative only while it is more intrusive than the suggestion") {
        auto input = test::screeningOf({"LOW_MH_SELFHARM"}, 144);
        input.context.flags.insert("disabled");
        CHECK(evaluate(input).alsoConsider == Outcomes{"child_and_family_assessment"});
        input.indicators = {"CHRONIC_NEGLECT"}; // already a child and family assessment
        CHECK(evaluate(input).alsoConsider.empty());
    }
}
