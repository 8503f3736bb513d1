// Installing rule sets as facts, recording screening decisions (rationale when departing from the
// suggestion, the rule version kept), rebuild, and the rules / screen commands.
#include "RulesTestSupport.h"
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "rules/RuleSetLoader.h"
#include "rules/RuleSetService.h"
#include "rules/RulesProjection.h"
#include "rules/ScreeningDecisionService.h"
#include "workflow/ContactWorkflow.h"
#include "util/Errors.h"
#include "util/Uuid.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using Catch::Contains;
using test::TestWorkspace;

namespace {

using test::kAdmin;

/// The default rule set as a new version in which emerging neglect is level 3 rather than 2.
core::Json revisedRuleSet(const std::string& version = "halton-2026.3") {
    auto body = test::defaultRuleSetBody();
    body["version"] = version;
    for (auto& indicator : body["indicators"])
        if (indicator["id"] == "EMERGING_NEGLECT")
            indicator["level"] = 3;
    return body;
}

std::string recordSample(TestWorkspace& t, const std::string& receivedAt = "2026-11-23T09:15:00Z",
                         const std::string& personId = "") {
    auto input = test::sampleContact();
    input["received_at"] = receivedAt;
    if (!personId.empty())
        input["children"][0]["id"] = personId;
    const std::string contactId = core::ContactService(*t.ws).record(t.screener, input).contactId;
    // Screening decisions are recorded while the contact is in screening.
    core::ContactWorkflow(*t.ws).startScreening(t.screener, contactId);
    return contactId;
}

core::Json decision(std::vector<std::string> indicators, int level, const std::string& outcome,
                    const std::string& rag, const std::string& rationale = "") {
    core::Json input{{"indicators", indicators}, {"level", level}, {"outcome", outcome}, {"rag", rag}};
    if (!rationale.empty())
        input["rationale"] = rationale;
    return input;
}

int64_t factsOfType(TestWorkspace& t, const std::string& type) {
    int64_t count = 0;
    t.ws->facts().forEach([&](const core::Fact& fact) { count += fact.type == type ? 1 : 0; });
    return count;
}

} // namespace

TEST_CASE("a fresh database uses the embedded default until a rule set is installed", "[rules]") {
    TestWorkspace t;
    core::RuleSetService rules(*t.ws);
    const auto active = rules.active();
    CHECK_FALSE(active.installed);
    CHECK(active.rules->version == "halton-2026.2");
    CHECK(rules.list().empty());
    CHECK(rules.show()["origin"] == "embedded_default");
}

TEST_CASE("installing a rule set records it as a fact and makes it active", "[rules]") {
    TestWorkspace t;
    core::RuleSetService rules(*t.ws);
    const auto body = revisedRuleSet();
    const auto result = rules.install(kAdmin, body);
    CHECK(result.recorded);
    CHECK(result.version == "halton-2026.3");
    CHECK(result.hash == core::ruleSetHash(body));
    CHECK(result.previousVersion == "halton-2026.2");

    const auto facts = t.ws->facts().factsAbout("halton-2026.3");
    REQUIRE(facts.size() == 1);
    CHECK(facts[0].type == core::kRulesInstalled);
    CHECK(facts[0].userId == "ada.admin");
    CHECK(facts[0].role == "administrator");
    CHECK(facts[0].payload["hash"] == result.hash);
    CHECK(facts[0].payload["rule_set"] == body); // the whole rule set travels to every desk

    const auto active = rules.active();
    CHECK(active.installed);
    CHECK(active.rules->version == "halton-2026.3");
    CHECK(active.rules->indicator("EMERGING_NEGLECT")->level == 3);
    REQUIRE(rules.list().size() == 1);
    CHECK(rules.list()[0].installedBy == "ada.admin");
}

TEST_CASE("a bad rule set is refused whole and the active one stays", "[rules]") {
    TestWorkspace t;
    core::RuleSetService rules(*t.ws);
    rules.install(kAdmin, revisedRuleSet());
    const int64_t facts = t.ws->facts().count();

    auto bad = revisedRuleSet("halton-2026.4");
    bad["indicators"][12]["level"] = 5;
    bad["aggravators"][2]["cases"][0]["when"]["all_of"][1] = {{"any_indicator", {"da_x"}}};
    try {
        rules.install(kAdmin, bad);
        FAIL("a bad rule set was installed");
    } catch (const core::ValidationError& e) {
        CHECK(e.hasErrorFor("indicators[12].level"));
        CHECK(e.hasErrorFor("aggravators[2].cases[0].when.all_of[1].any_indicator[0]"));
    }
    CHECK(t.ws->facts().count() == facts);
    CHECK(rules.active().rules->version == "halton-2026.3");
}

TEST_CASE("a version names one content: different content under an installed version is refused", "[rules]") {
    TestWorkspace t;
    core::RuleSetService rules(*t.ws);
    rules.install(kAdmin, revisedRuleSet());
    auto changed = revisedRuleSet();
    changed["name"] = "Halton, edited without a new version";
    CHECK_THROWS_WITH(rules.install(kAdmin, changed), Contains("already installed with different content"));

    auto edited = test::defaultRuleSetBody();
    edited["name"] = "The default, edited";
    CHECK_THROWS_AS(rules.install(kAdmin, edited), core::ConflictError);
    CHECK(rules.active().rules->version == "halton-2026.3");
}

TEST_CASE("installing the active rule set again records nothing; an older one again rolls back", "[rules]") {
    TestWorkspace t;
    core::RuleSetService rules(*t.ws);
    rules.install(kAdmin, revisedRuleSet("halton-2026.3"));
    const int64_t facts = t.ws->facts().count();
    CHECK_FALSE(rules.install(kAdmin, revisedRuleSet("halton-2026.3")).recorded);
    CHECK(t.ws->facts().count() == facts);

    rules.install(kAdmin, revisedRuleSet("halton-2026.4"));
    CHECK(rules.active().rules->version == "halton-2026.4");
    t.clock.advance(std::chrono::minutes(5));
    CHECK(rules.install(kAdmin, revisedRuleSet("halton-2026.3")).recorded);
    CHECK(rules.active().rules->version == "halton-2026.3");
    const auto list = rules.list();
    REQUIRE(list.size() == 2);
    CHECK(list[0].version == "halton-2026.3");
    CHECK(list[0].active);
    CHECK_FALSE(list[1].active);
}

TEST_CASE("a decision that departs from the suggestion is refused without a written rationale", "[rules]") {
    TestWorkspace t;
    const std::string contactId = recordSample(t);
    core::ScreeningDecisionService service(*t.ws);
    const int64_t facts = t.ws->facts().count();
    // A disclosure of being hit: the rules suggest level 4, a strategy discussion, red.

    SECTION("a different level and outcome, no rationale") {
        try {
            service.record(t.screener, contactId, decision({"ABUSE_DISCLOSURE"}, 3, "early_help", "red"));
            FAIL("an override without rationale was accepted");
        } catch (const core::ValidationError& e) {
            REQUIRE(e.hasErrorFor("rationale"));
            CHECK_THAT(e.what(), Contains("Level 2 instead of Level 3") &&
                                     Contains("early help") && Contains("instead of strategy discussion"));
        }
    }
    SECTION("only the RAG lowered") {
        CHECK_THROWS_AS(service.record(t.screener, contactId,
                                       decision({"ABUSE_DISCLOSURE"}, 4, "strategy_discussion", "amber")),
                        core::ValidationError);
    }
    SECTION("a rationale of a word is not a rationale") {
        CHECK_THROWS_AS(service.record(t.screener, contactId,
                                       decision({"ABUSE_DISCLOSURE"}, 3, "child_and_family_assessment", "amber",
                                                "disagree")),
                        core::ValidationError);
    }
    CHECK(t.ws->facts().count() == facts);
    CHECK(service.forContact(contactId).empty());

    SECTION("with a rationale it is recorded, and says where it departs") {
        const auto recorded = service.record(
            t.screener, contactId,
            decision({"ABUSE_DISCLOSURE"}, 3, "child_and_family_assessment", "amber",
                     "Police have already arrested the father, who is on bail away from home; mother is protective."));
        CHECK(recorded.departsFrom == std::vector<std::string>{"level", "outcome", "rag"});
        CHECK(recorded.level == 3);
        CHECK(recorded.levelLabel == "Level 2");
        CHECK(recorded.suggestion["level"] == 4);
        CHECK_FALSE(recorded.strategyDiscussion);
    }
}

TEST_CASE("a decision stores the rule set's version and hash, the inputs and the suggestion", "[rules]") {
    TestWorkspace t;
    const std::string contactId = recordSample(t);
    core::ScreeningDecisionService service(*t.ws);
    auto input = decision({"ABUSE_DISCLOSURE"}, 4, "strategy_discussion", "red");
    input["context"] = {{"previous_cp_plan", false}};
    const auto recorded = service.record(t.screener, contactId, input);

    CHECK(core::isUuid(recorded.id));
    CHECK(recorded.contactId == contactId);
    CHECK_FALSE(recorded.personId.empty());
    CHECK(recorded.rulesVersion == "halton-2026.2");
    CHECK(recorded.rulesHash == core::embeddedDefaultRuleSet()->hash);
    CHECK(recorded.departsFrom.empty());
    CHECK(recorded.rationale.empty()); // agreeing needs no rationale
    CHECK(recorded.strategyDiscussion);
    CHECK(recorded.inputs["indicators"] == core::Json{"ABUSE_DISCLOSURE"});
    CHECK(recorded.inputs["context"]["previous_cp_plan"] == false); // what was asked, and answered no
    CHECK(recorded.inputs["derived"]["age"] == "11 years 8 months old");
    CHECK(recorded.suggestion["outcome"] == "strategy_discussion");
    CHECK(recorded.decidedBy == "sam.screener");
    CHECK(recorded.decidedRole == "screener");

    const auto facts = t.ws->facts().factsAbout(contactId);
    CHECK(facts.back().type == core::kScreeningDecisionRecorded);
    CHECK(facts.back().id == recorded.factId);
    REQUIRE(service.forContact(contactId).size() == 1);
    CHECK(service.find(recorded.id)->toJson() == recorded.toJson());
}

TEST_CASE("the first decision records the embedded default rule set as installed", "[rules]") {
    TestWorkspace t;
    const std::string contactId = recordSample(t);
    core::ScreeningDecisionService(*t.ws).record(t.screener, contactId,
                                                 decision({"ABUSE_DISCLOSURE"}, 4, "strategy_discussion", "red"));
    core::RuleSetService rules(*t.ws);
    CHECK(rules.active().installed);
    REQUIRE(rules.list().size() == 1);
    CHECK(rules.list()[0].origin == "embedded_default");
    CHECK(rules.list()[0].hash == core::embeddedDefaultRuleSet()->hash);

    core::ScreeningDecisionService(*t.ws).record(t.screener, contactId,
                                                 decision({"ABUSE_DISCLOSURE"}, 4, "strategy_discussion", "red"));
    CHECK(factsOfType(t, core::kRulesInstalled) == 1); // recorded once
}

TEST_CASE("a past decision keeps the rule version it was made under after a new rule set is installed", "[rules]") {
    TestWorkspace t;
    const std::string contactId = recordSample(t);
    core::ScreeningDecisionService service(*t.ws);
    const auto before = service.record(t.screener, contactId, decision({"EMERGING_NEGLECT"}, 2, "early_help", "green"));

    core::RuleSetService(*t.ws).install(kAdmin, revisedRuleSet());
    const auto after = service.record(t.screener, contactId, decision({"EMERGING_NEGLECT"}, 3, "early_help", "green"));

    const auto decisions = service.forContact(contactId);
    REQUIRE(decisions.size() == 2);
    CHECK(decisions[0].rulesVersion == "halton-2026.2");
    CHECK(decisions[0].rulesHash == core::embeddedDefaultRuleSet()->hash);
    CHECK(decisions[0].suggestion["level"] == 2);
    CHECK(decisions[1].rulesVersion == "halton-2026.3");
    CHECK(decisions[1].suggestion["level"] == 3);
    CHECK(decisions[0].toJson() == before.toJson());
    CHECK(decisions[1].toJson() == after.toJson());

    // The rules of the past decision can still be shown, from the facts, whatever this build ships.
    const auto old = core::RuleSetService(*t.ws).find(decisions[0].rulesVersion, decisions[0].rulesHash);
    REQUIRE(old);
    CHECK(old->indicator("EMERGING_NEGLECT")->level == 2);

    t.ws->facts().rebuildProjection();
    CHECK(service.forContact(contactId)[0].rulesVersion == "halton-2026.2");
}

TEST_CASE("a decision is refused when the rules changed after the screener saw the suggestion", "[rules]") {
    TestWorkspace t;
    const std::string contactId = recordSample(t);
    core::RuleSetService(*t.ws).install(kAdmin, revisedRuleSet());
    auto input = decision({"EMERGING_NEGLECT"}, 2, "early_help", "green");
    input["rules_version"] = "halton-2026.2";
    CHECK_THROWS_WITH(core::ScreeningDecisionService(*t.ws).record(t.screener, contactId, input),
                      Contains("threshold rules changed") && Contains("halton-2026.3"));
}

TEST_CASE("decision input problems are named by field", "[rules]") {
    TestWorkspace t;
    const std::string contactId = recordSample(t);
    core::ScreeningDecisionService service(*t.ws);
    CHECK_THROWS_AS(service.record(t.screener, core::newUuidV7(test::testNow()),
                                   decision({"ABUSE_DISCLOSURE"}, 4, "strategy_discussion", "red")),
                    core::NotFoundError);
    core::Json bad{{"indicators", {"ABUSE_DISCLOSURE", "NOT_ONE"}},
                   {"context", {{"dash_score", 31}, {"disabled", "yes"}, {"hungry", true}}},
                   {"level", 5},
                   {"outcome", "section_47"},
                   {"child", 3}};
    try {
        service.record(t.screener, contactId, bad);
        FAIL("bad input was accepted");
    } catch (const core::ValidationError& e) {
        CHECK(e.hasErrorFor("indicators[1]"));
        CHECK(e.hasErrorFor("context.dash_score"));
        CHECK(e.hasErrorFor("context.disabled"));
        CHECK(e.hasErrorFor("context.hungry"));
        CHECK(e.hasErrorFor("level"));
        CHECK(e.hasErrorFor("outcome"));
        CHECK(e.hasErrorFor("rag"));
    }
    auto wrongChild = decision({"ABUSE_DISCLOSURE"}, 4, "strategy_discussion", "red");
    wrongChild["child"] = 3;
    CHECK_THROWS_WITH(service.record(t.screener, contactId, wrongChild), Contains("3 is not a child of this contact"));
}

TEST_CASE("repeat contacts and re-referral come from the child's history", "[rules]") {
    TestWorkspace t;
    core::ContactService contacts(*t.ws);
    auto earliest = test::sampleContact();
    earliest["received_at"] = "2026-02-10T10:00:00Z";
    const auto recorded = contacts.record(t.screener, earliest);
    const std::string first = recorded.contactId;
    const std::string personId = recorded.personIds.at(0);
    contacts.importOutcome({"ada.admin", "administrator"}, first, "child_and_family_assessment",
                           test::at("2026-02-10T16:00:00Z"), "");
    recordSample(t, "2026-06-01T10:00:00Z", personId);
    const std::string third = recordSample(t, "2026-11-23T09:15:00Z", personId);

    core::ScreeningDecisionService service(*t.ws);
    const auto result = service.screenRecorded(third, {{"indicators", {"EMERGING_NEGLECT"}}});
    CHECK(result.inputs["derived"]["contacts_in_12_months"] == 3);
    CHECK(result.inputs["derived"]["re_referral"] == true);
    CHECK(result.inputs["derived"]["history_source"] == "database");
    CHECK(result.suggestion.level == 3);
    CHECK(result.suggestion.alerts == std::vector<std::string>{"manager_review", "re_referral"});

    SECTION("what the screener gives overrides what history says") {
        const auto given = service.screenRecorded(
            third, {{"indicators", {"EMERGING_NEGLECT"}}, {"context", {{"contacts_in_12_months", 1}}}});
        CHECK(given.inputs["derived"]["contacts_in_12_months"] == 1);
        CHECK(given.suggestion.level == 2);
    }
    SECTION("a contact not yet recorded counts as one more") {
        auto input = test::sampleContact();
        input["children"][0]["id"] = personId;
        input["indicators"] = {"EMERGING_NEGLECT"};
        CHECK(service.screen(input).inputs["derived"]["contacts_in_12_months"] == 4);
    }
}

TEST_CASE("rebuilding the projection with rule sets and decisions gives the same digest", "[rules][store]") {
    TestWorkspace t;
    core::ScreeningDecisionService service(*t.ws);
    const std::string a = recordSample(t);
    service.record(t.screener, a, decision({"ABUSE_DISCLOSURE"}, 4, "strategy_discussion", "red"));
    core::RuleSetService(*t.ws).install(kAdmin, revisedRuleSet("halton-2026.3"));
    core::RuleSetService(*t.ws).install(kAdmin, revisedRuleSet("halton-2026.4"));
    const std::string b = recordSample(t);
    service.record(t.screener, b,
                   decision({"EMERGING_NEGLECT"}, 2, "early_help", "green",
                            "Family already working with Team Around the Family; home conditions improving."));
    core::RuleSetService(*t.ws).install(kAdmin, revisedRuleSet("halton-2026.3")); // roll back

    const std::string before = t.ws->facts().projectionDigest();
    t.ws->facts().rebuildProjection();
    CHECK(t.ws->facts().projectionDigest() == before);
    CHECK(core::RuleSetService(*t.ws).active().rules->version == "halton-2026.3");
    CHECK(t.ws->db().queryInt("SELECT count(*) FROM screening_decision") == 2);
}

TEST_CASE("frontdoor-cli rules and screen commands", "[rules][cli]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("cli.sqlite");
    {
        core::FixedClock clock(test::testNow());
        test::addTestUsers(*core::Workspace::create(db, clock, core::DatabaseMode::Training));
    }
    const std::vector<std::string> base = {"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", "sam.screener",
                                           "--secret", test::kTestPin};
    const auto cli = [&](std::vector<std::string> words) {
        std::vector<std::string> args = base;
        args.insert(args.end(), words.begin(), words.end());
        return test::runCli(args);
    };

    SECTION("rules validate: a good file, and a bad one with every problem's path") {
        const std::string good = folder.file("good.json");
        test::writeJsonFile(good, revisedRuleSet());
        const auto ok = test::runCli({"rules", "validate", good});
        REQUIRE(ok.exitCode == 0);
        CHECK(ok.json()["valid"] == true);
        CHECK(ok.json()["version"] == "halton-2026.3");

        auto body = revisedRuleSet();
        body["indicators"][12]["level"] = 5;
        body["indicators"][1]["id"] = "NMB_INJURY"; // U13_SEXUAL, which no factor names
        const std::string bad = folder.file("bad.json");
        test::writeJsonFile(bad, body);
        const auto refused = test::runCli({"rules", "validate", bad});
        CHECK(refused.exitCode == 2);
        const auto fields = refused.errorJson()["error"]["fields"];
        REQUIRE(fields.size() == 2);
        CHECK(fields[0]["field"] == "indicators[1].id");
        CHECK(fields[1]["field"] == "indicators[12].level");
        CHECK(fields[1]["problem"] == "5 is not a level (1-4)");
    }
    SECTION("rules install, show and list") {
        const std::string file = folder.file("rules.json");
        test::writeJsonFile(file, revisedRuleSet());
        const auto installed = cli({"rules", "install", file, "--user", "ada.admin", "--role", "administrator"});
        REQUIRE(installed.exitCode == 0);
        CHECK(installed.json()["recorded"] == true);
        CHECK(installed.json()["previous_version"] == "halton-2026.2");

        const auto shown = cli({"rules", "show"});
        REQUIRE(shown.exitCode == 0);
        CHECK(shown.json()["version"] == "halton-2026.3");
        CHECK(shown.json()["installed"] == true);
        CHECK(shown.json()["levels"][3]["label"] == "Level 3");
        CHECK(cli({"rules", "show", "--body"}).json() == revisedRuleSet());
        CHECK(cli({"rules", "list"}).json()["rule_sets"].size() == 1);
    }
    SECTION("screen --json prints the suggestion with its reasons") {
        const auto scenarios = test::readJsonFile(test::testDataFile("threshold-scenarios.json"));
        const std::string file = folder.file("contact.json");
        test::writeJsonFile(file, scenarios["scenarios"][0]["input"]);
        const auto screened = cli({"screen", "--json", file});
        REQUIRE(screened.exitCode == 0);
        const auto out = screened.json();
        CHECK(out["level"] == 4);
        CHECK(out["level_label"] == "Level 3");
        CHECK(out["outcome"] == "strategy_discussion");
        CHECK(out["rag"] == "red");
        CHECK(out["strategy_discussion"] == true);
        CHECK(out["rules_version"] == "halton-2026.2");
        CHECK(out["reasons"].size() >= 4);

        SECTION("--rules tries a rule set without installing it") {
            auto body = revisedRuleSet("halton-trial");
            for (auto& aggravator : body["aggravators"])
                if (aggravator["id"] == "AGE_UNDER_1_OR_NIM")
                    aggravator["cases"][0]["effect"] = {{"raise_by", 1}};
            const std::string trial = folder.file("trial.json");
            test::writeJsonFile(trial, body);
            const auto tried = cli({"screen", "--json", file, "--rules", trial});
            REQUIRE(tried.exitCode == 0);
            CHECK(tried.json()["rules_version"] == "halton-trial");
            CHECK(tried.json()["level"] == 3);
            CHECK(cli({"rules", "list"}).json()["rule_sets"].empty());
        }
    }
    SECTION("screen --json names the contact's and the screening's problems together") {
        auto input = test::sampleContact();
        input.erase("concern");
        input["indicators"] = {"NOPE"};
        const std::string file = folder.file("bad-contact.json");
        test::writeJsonFile(file, input);
        const auto refused = cli({"screen", "--json", file});
        CHECK(refused.exitCode == 2);
        const auto text = refused.err;
        CHECK_THAT(text, Contains("\"concern\"") && Contains("\"indicators[0]\""));
    }
    SECTION("screen decide and screen decisions") {
        const std::string contactFile = folder.file("contact.json");
        test::writeJsonFile(contactFile, test::sampleContact());
        const auto recorded = cli({"contact", "record", contactFile});
        REQUIRE(recorded.exitCode == 0);
        const std::string contactId = recorded.json()["contact_id"];

        auto input = decision({"ABUSE_DISCLOSURE"}, 3, "child_and_family_assessment", "amber");
        input["contact_id"] = contactId;
        const std::string decisionFile = folder.file("decision.json");
        test::writeJsonFile(decisionFile, input);
        const auto notStarted = cli({"screen", "decide", decisionFile});
        CHECK(notStarted.exitCode == 1);
        CHECK_THAT(notStarted.err, Contains("not in screening"));
        REQUIRE(cli({"screening", "start", contactId}).exitCode == 0);
        const auto refused = cli({"screen", "decide", decisionFile});
        CHECK(refused.exitCode == 2);
        CHECK(refused.errorJson()["error"]["fields"][0]["field"] == "rationale");

        input["rationale"] = "Father arrested and bailed away from the home; mother protective and engaging.";
        test::writeJsonFile(decisionFile, input);
        const auto decided = cli({"screen", "decide", decisionFile});
        REQUIRE(decided.exitCode == 0);
        CHECK(decided.json()["rules_version"] == "halton-2026.2");
        CHECK(decided.json()["departs_from_suggestion"].size() == 3);

        const auto listed = cli({"screen", "decisions", contactId});
        REQUIRE(listed.exitCode == 0);
        REQUIRE(listed.json()["decisions"].size() == 1);
        CHECK(listed.json()["decisions"][0]["id"] == decided.json()["id"]);
    }
}
