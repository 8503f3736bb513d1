// Threshold rule sets: the shipped default, validation that names every problem by its JSON path,
// and the content hash.
#include "RulesTestSupport.h"

#include "rules/RuleSetLoader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace frontdoor;
using Catch::Contains;

namespace {

/// The problems with `body`, as "path: problem" lines.
std::vector<std::string> problems(const core::Json& body) {
    std::vector<std::string> lines;
    for (const auto& error : core::validateRuleSet(body))
        lines.push_back(error.field + ": " + error.problem);
    return lines;
}

bool reports(const core::Json& body, const std::string& field, const std::string& words) {
    for (const auto& error : core::validateRuleSet(body))
        if (error.field == field && error.problem.find(words) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("the default rule set is valid and keeps the reference's ids and source links", "[rules]") {
    const auto rules = core::embeddedDefaultRuleSet();
    const auto reference = test::readJsonFile(test::testDataFile("threshold-rules-reference.json"));
    CHECK(rules->version == "halton-2026.2");
    CHECK(rules->hash.size() == 64);

    SECTION("every reference indicator, with its level, domain and sources") {
        for (const auto& rule : reference["rules"]) {
            const auto* indicator = rules->indicator(rule["id"].get<std::string>());
            REQUIRE(indicator);
            CHECK(indicator->level == rule["level"].get<int>());
            CHECK(indicator->domain == rule["domain"].get<std::string>());
            CHECK(indicator->sources == rule["source"].get<std::vector<std::string>>());
        }
    }
    SECTION("every reference aggravating factor") {
        std::set<std::string> ids;
        for (const auto& aggravator : rules->aggravators)
            ids.insert(aggravator.id);
        for (const auto& aggravator : reference["aggravators"])
            CHECK(ids.count(aggravator["id"].get<std::string>()) == 1);
    }
    SECTION("every source link, unchanged") {
        for (const auto& [key, link] : reference["sources"].items())
            CHECK(rules->sources.at(key) == link.get<std::string>());
    }
    SECTION("Halton's labels for the canonical levels") {
        CHECK(rules->level(1).label == "Universal");
        CHECK(rules->level(2).label == "Level 1");
        CHECK(rules->level(3).label == "Level 2");
        CHECK(rules->level(4).label == "Level 3");
    }
    SECTION("the PROPOSED notes stay with the weightings they qualify") {
        CHECK_THAT(rules->about, Contains("PROPOSED"));
        for (const auto& aggravator : rules->aggravators)
            if (aggravator.id == "PREVIOUS_CP_PLAN_OR_LAC" || aggravator.id == "RE_REFERRAL_12M")
                CHECK_THAT(aggravator.note, Contains("PROPOSED"));
        for (const auto id : {"PARENT_MENTAL_HEALTH", "PARENT_SUBSTANCE_MISUSE", "INJURY_EXPLAINED"})
            CHECK_THAT(rules->indicator(id)->notes, Contains("LOCAL ADDITION") && Contains("PROPOSED"));
    }
    SECTION("the embedded default validates through the same loader an administrator uses") {
        CHECK(problems(rules->body).empty());
    }
}

TEST_CASE("the minimal test rule set is valid", "[rules]") {
    CHECK(problems(test::minimalRuleSet()).empty());
}

TEST_CASE("validation reports every kind of problem with its JSON path", "[rules]") {
    auto body = test::minimalRuleSet();

    SECTION("a file that is not a JSON object") {
        CHECK(reports(core::Json::array(), "(input)", "must be a JSON object"));
        CHECK_THROWS_WITH(core::loadRuleSetText("{\"version\": ", "rules.json"),
                          Contains("rules.json") && Contains("is not valid JSON"));
    }
    SECTION("a missing version, name or combination rule") {
        body.erase("version");
        body.erase("name");
        body.erase("combination");
        CHECK(reports(body, "version", "is required"));
        CHECK(reports(body, "name", "is required"));
        CHECK(reports(body, "combination", "is required"));
    }
    SECTION("a version that cannot name a file or a row") {
        body["version"] = "halton 2026/1";
        CHECK(reports(body, "version", "may contain only letters, digits"));
    }
    SECTION("a format this build does not read") {
        body["format"] = 2;
        CHECK(reports(body, "format", "2 is not a rule-set format this build reads"));
    }
    SECTION("wrong types") {
        body["indicators"][0]["level"] = "1";
        body["indicators"][1]["words"] = 5;
        body["indicators"][2]["sources"] = "SRC";
        body["levels"][0]["label"] = core::Json::array();
        body["aggravators"][0]["cases"] = core::Json::object();
        body["outcomes"][3]["strategy_discussion"] = "yes";
        CHECK(reports(body, "indicators[0].level", "must be a whole number"));
        CHECK(reports(body, "indicators[1].words", "must be text"));
        CHECK(reports(body, "indicators[2].sources", "must be a list"));
        CHECK(reports(body, "levels[0].label", "must be text"));
        CHECK(reports(body, "aggravators[0].cases", "must be a list"));
        CHECK(reports(body, "outcomes[3].strategy_discussion", "must be true or false"));
    }
    SECTION("an unknown level") {
        body["indicators"][1]["level"] = 5;
        body["aggravators"][1]["cases"][0]["effect"]["min_level"] = 0;
        CHECK(reports(body, "indicators[1].level", "5 is not a level (1-4)"));
        CHECK(reports(body, "aggravators[1].cases[0].effect.min_level", "0 is not a level (1-4)"));
    }
    SECTION("a level missing or defined twice") {
        body["levels"][2]["level"] = 2;
        CHECK(reports(body, "levels[2].level", "level 2 is already defined at levels[1]"));
        CHECK(reports(body, "levels", "level 3 is missing"));
    }
    SECTION("a duplicate id") {
        body["indicators"][2]["id"] = "A1";
        body["aggravators"][1]["id"] = "B2";
        body["domains"][1]["id"] = "neglect";
        CHECK(reports(body, "indicators[2].id", "\"A1\" is already used by indicators[0]"));
        CHECK(reports(body, "aggravators[1].id", "\"B2\" is already used by indicators[1]"));
        CHECK(reports(body, "domains[1].id", "\"neglect\" is already used by domains[0]"));
    }
    SECTION("an aggravating factor naming an unknown indicator") {
        body["aggravators"][1]["cases"][0]["when"] = {{"any_indicator", {"C3", "da_x"}}};
        CHECK(reports(body, "aggravators[1].cases[0].when.any_indicator[1]", "\"da_x\" is not an indicator id"));
        body["aggravators"][0]["cases"][0]["when"]["all_of"][0] = {{"indicator", "NOPE"}};
        CHECK(reports(body, "aggravators[0].cases[0].when.all_of[0].indicator", "\"NOPE\" is not an indicator id"));
    }
    SECTION("a missing outcome") {
        body["indicators"][0].erase("outcome");
        body["levels"][3].erase("outcome");
        CHECK(reports(body, "indicators[0].outcome", "is required"));
        CHECK(reports(body, "levels[3].outcome", "is required"));
    }
    SECTION("an outcome Frontdoor does not know, or one missing from the ladder") {
        body["indicators"][0]["outcome"] = "nfa_or_information_advice";
        body["indicators"][1]["outcome"] = "immediate_protection";
        body["indicators"][2]["also_consider"] = {"cf_assessment"};
        body["outcomes"][0]["code"] = "section_47";
        CHECK(reports(body, "indicators[0].outcome", "is not an outcome Frontdoor knows"));
        CHECK(reports(body, "indicators[1].outcome", "is not in this rule set's outcomes list"));
        CHECK(reports(body, "indicators[2].also_consider[0]", "is not an outcome Frontdoor knows"));
        CHECK(reports(body, "outcomes[0].code", "is not one of"));
    }
    SECTION("an outcome listed twice on the ladder") {
        body["outcomes"][2]["code"] = "early_help";
        CHECK(reports(body, "outcomes[2].code", "already listed at outcomes[1]"));
    }
    SECTION("an unknown RAG") {
        body["outcomes"][0]["rag"] = "blue";
        body["indicators"][3]["rag"] = "Red";
        CHECK(reports(body, "outcomes[0].rag", "\"blue\" is not one of red, amber or green"));
        CHECK(reports(body, "indicators[3].rag", "is not one of"));
    }
    SECTION("an unknown domain, source or context flag") {
        body["indicators"][0]["domain"] = "nutrition";
        body["indicators"][1]["sources"] = {"SRC", "KENT"};
        body["levels"][0]["sources"] = {"NOWHERE"};
        body["aggravators"][0]["cases"][0]["when"]["all_of"][0] = {{"flag", "disabled"}};
        CHECK(reports(body, "indicators[0].domain", "\"nutrition\" is not one of the domains"));
        CHECK(reports(body, "indicators[1].sources[1]", "\"KENT\" is not a key of sources"));
        CHECK(reports(body, "levels[0].sources[0]", "\"NOWHERE\" is not a key of sources"));
        CHECK(reports(body, "aggravators[0].cases[0].when.all_of[0].flag", "\"disabled\" is not a context flag"));
    }
    SECTION("a context flag that hides a built-in one") {
        body["context_flags"].push_back({{"id", "unborn"}, {"words", "Not yet born"}});
        CHECK(reports(body, "context_flags[1].id", "\"unborn\" is already used by a built-in flag"));
    }
    SECTION("conditions that are not one test") {
        auto& when = body["aggravators"][1]["cases"][0]["when"];
        when = {{"indicator", "C3"}, {"age_under_months", 12}};
        CHECK(reports(body, "aggravators[1].cases[0].when", "exactly one test (found 2)"));
        when = {{"older_than", 3}};
        CHECK(reports(body, "aggravators[1].cases[0].when.older_than", "is not a test"));
        when = {{"all_of", core::Json::array()}};
        CHECK(reports(body, "aggravators[1].cases[0].when.all_of", "non-empty list"));
        when = {{"dash_score_at_least", 40}};
        CHECK(reports(body, "aggravators[1].cases[0].when.dash_score_at_least", "40 is not a DASH score (0-27)"));
        when = {{"age_under_months", "twelve"}};
        CHECK(reports(body, "aggravators[1].cases[0].when.age_under_months", "must be a whole number"));
        body["aggravators"][1]["cases"][0].erase("when");
        CHECK(reports(body, "aggravators[1].cases[0].when", "is required"));
    }
    SECTION("a condition nested absurdly deep") {
        core::Json when = {{"indicator", "C3"}};
        for (int i = 0; i < 40; ++i)
            when = {{"not", when}};
        body["aggravators"][1]["cases"][0]["when"] = when;
        const auto lines = problems(body);
        REQUIRE(lines.size() == 1);
        CHECK_THAT(lines.front(), Contains("nested too deeply"));
    }
    SECTION("an effect that does nothing, or would lower a level") {
        body["aggravators"][0]["cases"][0]["effect"] = core::Json::object();
        body["aggravators"][1]["cases"][0]["effect"] = {{"raise_by", -1}};
        CHECK(reports(body, "aggravators[0].cases[0].effect", "must do something"));
        CHECK(reports(body, "aggravators[1].cases[0].effect.raise_by", "never lowers a level"));
    }
    SECTION("an alert that is not a code") {
        body["aggravators"][0]["cases"][0]["effect"]["alerts"] = {"Manager Review"};
        CHECK(reports(body, "aggravators[0].cases[0].effect.alerts[0]", "is not an alert name"));
    }
    SECTION("a case without its reason in words") {
        body["aggravators"][0]["cases"][0].erase("reason");
        CHECK(reports(body, "aggravators[0].cases[0].reason", "is required"));
    }
    SECTION("a misspelt field name") {
        body["indicators"][0]["word"] = "typo";
        body["combination"]["raise"] = "add";
        body["level"] = 1;
        CHECK(reports(body, "indicators[0].word", "is not a field Frontdoor knows"));
        CHECK(reports(body, "combination.raise", "is not a field Frontdoor knows"));
        CHECK(reports(body, "level", "is not a field Frontdoor knows"));
    }
    SECTION("an unknown way to combine raises") {
        body["combination"]["raises"] = "multiply";
        CHECK(reports(body, "combination.raises", "is not one of add or largest"));
    }
    SECTION("an empty indicator list") {
        body["indicators"] = core::Json::array();
        CHECK(reports(body, "indicators", "list at least one indicator"));
    }
}

TEST_CASE("a rule set with several problems reports all of them at once and is refused", "[rules]") {
    auto body = test::minimalRuleSet();
    body["indicators"][1]["level"] = 5;
    body["indicators"][3]["id"] = "A1"; // D4, which no aggravating factor names
    body["indicators"][2].erase("outcome");
    body["aggravators"][0]["cases"][0]["when"]["all_of"][1] = {{"indicator", "da_x"}};
    const auto lines = problems(body);
    CHECK(lines.size() == 4);
    try {
        core::loadRuleSet(body);
        FAIL("an invalid rule set was accepted");
    } catch (const core::ValidationError& e) {
        CHECK(e.errors().size() == 4);
        CHECK(e.hasErrorFor("indicators[1].level"));
        CHECK(e.hasErrorFor("indicators[3].id"));
        CHECK(e.hasErrorFor("indicators[2].outcome"));
        CHECK(e.hasErrorFor("aggravators[0].cases[0].when.all_of[1].indicator"));
    }
}

TEST_CASE("a missing section is reported once, not again at every reference to it", "[rules]") {
    auto body = test::minimalRuleSet();
    body.erase("sources");
    body.erase("outcomes");
    body.erase("domains");
    const auto lines = problems(body);
    CHECK(lines == std::vector<std::string>{"sources: is required", "outcomes: is required", "domains: is required"});
}

TEST_CASE("the content hash depends on the rules, not on the layout of the file", "[rules]") {
    const auto body = test::minimalRuleSet();
    const auto reordered = core::Json::parse(body.dump(4)); // same content, written differently
    CHECK(core::ruleSetHash(reordered) == core::ruleSetHash(body));
    CHECK(core::loadRuleSetText(body.dump(1), "a")->hash == core::loadRuleSetText(body.dump(), "b")->hash);

    auto changed = body;
    changed["indicators"][1]["level"] = 3;
    CHECK(core::ruleSetHash(changed) != core::ruleSetHash(body));
}

TEST_CASE("the indicator picker can search and group indicators", "[rules]") {
    const auto rules = core::embeddedDefaultRuleSet();
    SECTION("every word must match, ignoring case, in id, words or domain label") {
        const auto bruises = core::searchIndicators(*rules, "BRUISE baby");
        REQUIRE(bruises.size() == 1);
        CHECK(bruises.front()->id == "NMB_INJURY");
        CHECK(core::searchIndicators(*rules, "domestic abuse").size() >= 2);
        CHECK(core::searchIndicators(*rules, "").size() == rules->indicators.size());
        CHECK(core::searchIndicators(*rules, "zebra").empty());
    }
    SECTION("grouped by domain in the rule set's order, each indicator once") {
        const auto groups = core::indicatorsByDomain(*rules);
        REQUIRE(groups.size() == rules->domains.size());
        CHECK(groups[0]["id"] == rules->domains[0].id);
        size_t total = 0;
        for (const auto& group : groups)
            total += group["indicators"].size();
        CHECK(total == rules->indicators.size());
        CHECK(groups[0]["indicators"][0]["level_label"] == "Level 3");
        CHECK(groups[0]["indicators"][0]["sources"][0]["link"].get<std::string>().rfind("https://", 0) == 0);
    }
}

namespace {

std::set<std::string> idsFound(const core::RuleSet& rules, const std::string& query) {
    std::set<std::string> ids;
    for (const auto* indicator : core::searchIndicators(rules, query))
        ids.insert(indicator->id);
    return ids;
}

} // namespace

TEST_CASE("the words people type find the indicators they mean (issue 11 point 12)", "[rules]") {
    const auto rules = core::embeddedDefaultRuleSet();
    SECTION("\"bruise\" finds every physical-injury indicator, not only those whose wording says bruise") {
        const auto found = idsFound(*rules, "bruise");
        CHECK(found.count("NMB_INJURY"));
        CHECK(found.count("UNEXPLAINED_INJURY"));
        CHECK(found.count("INJURY_EXPLAINED"));
        CHECK(idsFound(*rules, "Bruising").count("UNEXPLAINED_INJURY"));
        CHECK(idsFound(*rules, "burns").count("UNEXPLAINED_INJURY"));
    }
    SECTION("everyday words a caller uses") {
        CHECK(idsFound(*rules, "slapped").count("ABUSE_DISCLOSURE"));
        CHECK(idsFound(*rules, "hungry").count("CHRONIC_NEGLECT"));
        CHECK(idsFound(*rules, "self-harm").count("LOW_MH_SELFHARM"));
        CHECK(idsFound(*rules, "cutting").count("LOW_MH_SELFHARM"));
        CHECK(idsFound(*rules, "drink").count("PARENT_SUBSTANCE_MISUSE"));
        CHECK(idsFound(*rules, "dv").count("DA_INSTABILITY"));
        CHECK(idsFound(*rules, "absent school").count("PERSISTENT_ABSENCE"));
    }
    SECTION("words anywhere: a search term and the indicator's wording combine") {
        CHECK(idsFound(*rules, "bruise unexplained") == std::set<std::string>{"UNEXPLAINED_INJURY"});
        CHECK(idsFound(*rules, "bruise zebra").empty());
    }
}

TEST_CASE("search terms are optional, short texts, and bounded", "[rules]") {
    auto body = test::minimalRuleSet();
    auto& indicator = body["indicators"][0];
    SECTION("absent is fine") {
        indicator.erase("search_terms");
        CHECK(problems(body).empty());
    }
    SECTION("a list of words is fine and searched") {
        indicator["search_terms"] = {"bruise", "hit"};
        CHECK(problems(body).empty());
        const auto rules = core::loadRuleSet(body);
        CHECK(core::searchIndicators(*rules, "hit").size() == 1);
    }
    SECTION("not a list, not text, empty, too long or too many are each named") {
        indicator["search_terms"] = "bruise";
        CHECK(reports(body, "indicators[0].search_terms", "must be"));
        indicator["search_terms"] = {"ok", 7, " ", std::string(41, 'x')};
        CHECK(reports(body, "indicators[0].search_terms[1]", "must be text"));
        CHECK(reports(body, "indicators[0].search_terms[2]", "must not be empty"));
        CHECK(reports(body, "indicators[0].search_terms[3]", "longer than 40"));
        indicator["search_terms"] = core::Json::array();
        for (int i = 0; i < 41; ++i)
            indicator["search_terms"].push_back("word" + std::to_string(i));
        CHECK(reports(body, "indicators[0].search_terms", "41"));
    }
}
