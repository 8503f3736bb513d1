// Issue 10, acceptance: mutation fuzzing of every parser of outside input, in-process, through the entry
// points the CLI commands call (parseJsonInput, then the service), on a scratch database whose users are
// signed in once (an Actor), so a case costs no Argon2 sign-in. The mutations are the review's: deleted,
// duplicated and retyped keys; huge, negative and non-finite numbers; deep nesting; 10 MB strings;
// ill-formed UTF-8 and NUL bytes; truncation; impossible dates and offsets. Deterministic (fixed seed).
// Each case must end in success or a ValidationError; a refused case must leave the fact count and the
// projection digest as they were. Each case runs in a transaction that is rolled back afterwards, so
// every case starts from the same database.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "rules/RuleSetLoader.h"
#include "rules/RuleSetService.h"
#include "rules/ScreeningDecisionService.h"
#include "time/BankHolidays.h"
#include "time/CalendarSettings.h"
#include "util/Errors.h"
#include "util/JsonInput.h"
#include "util/Text.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/FormDrafts.h"
#include "workflow/StrategyDiscussions.h"

#include "EmbeddedResources.h"
#include "cli/Cli.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <random>

using namespace frontdoor;

namespace {

using test::kScreener;
using test::kManager;
using test::kOtherManager;
using test::kEdt;
using test::kAdmin;

core::Json agencies() {
    return core::Json::parse(R"([{"agency": "police", "name": "PC Ada Ferrow"},
        {"agency": "health", "name": "Nurse Bel Okafor"},
        {"agency": "childrens_social_care", "name": "Cal Rennet", "role": "social_worker"},
        {"agency": "childrens_social_care", "name": "Dot Yarrow", "role": "manager"}])");
}

// One parser of outside input and the service call its CLI command makes.
struct Target {
    std::string name;
    core::Json seed;
    std::function<void(const core::Json&)> call;
};

// A database with contacts at each step the seeds need: in screening, recommended, a strategy discussion
// required, one scheduled, one held.
struct Fixture {
    test::TestWorkspace t;
    core::Workspace& ws = *t.ws;
    std::string inScreening, recommended, strategyRequired, strategyScheduled, strategyHeld;

    std::string contact() { return core::ContactService(ws).record(kScreener, test::sampleContact()).contactId; }
    void recommend(const std::string& id) {
        core::ContactWorkflow(ws).startScreening(kScreener, id);
        core::ContactWorkflow(ws).recommend(kScreener, id, recommendation());
    }
    static core::Json recommendation() {
        return {{"indicators", {"ABUSE_DISCLOSURE"}}, {"level", 4}, {"outcome", "strategy_discussion"},
                {"rag", "red"}, {"context", {{"dash_score", 3}}},
                {"recommendation", "Strategy discussion today: John disclosed that his dad hit him."}};
    }
    static core::Json signOff() {
        return {{"case_direction", {{"what", "Strategy discussion"}, {"by_whom", "Mo Manager"}, {"by_when", "2026-11-24"}}}};
    }
    static core::Json schedule() {
        return {{"scheduled_for", "2026-11-23T14:00:00Z"}, {"location", "Teams"}, {"invitees", agencies()}};
    }
    static core::Json held() {
        return {{"held_at", "2026-11-23T10:00:00Z"}, {"attendees", agencies()},
                {"apologies", core::Json::array({{{"name", "Head teacher"}, {"agency", "education"}}})},
                {"agency_information", {{{"agency", "police"}, {"information", "Known to police."}}}}};
    }
    static core::Json outcome() {
        return core::Json::parse(R"({"at_risk": [{"name": "John Smith", "relationship": "child", "in_family": true}],
            "immediate_safety_actions": "Safety plan agreed.", "s47_decision": "single_agency",
            "medical_examination": {"required": true, "arrangements": "Medical at 16:00"},
            "family_told": {"what": "Section 47 enquiry", "when": "today"},
            "actions": [{"action": "Home visit", "owner": "Cal Rennet", "agency": "childrens_social_care",
                         "due": "2026-11-24"}]})");
    }

    Fixture() {
        inScreening = contact();
        core::ContactWorkflow(ws).startScreening(kScreener, inScreening);
        recommended = contact();
        recommend(recommended);
        strategyRequired = contact();
        recommend(strategyRequired);
        core::ContactWorkflow(ws).signOff(kManager, strategyRequired, signOff());
        strategyScheduled = contact();
        recommend(strategyScheduled);
        core::ContactWorkflow(ws).signOff(kManager, strategyScheduled, signOff());
        core::StrategyDiscussions(ws).schedule(kManager, strategyScheduled, schedule());
        strategyHeld = contact();
        recommend(strategyHeld);
        core::ContactWorkflow(ws).signOff(kManager, strategyHeld, signOff());
        core::StrategyDiscussions(ws).schedule(kManager, strategyHeld, schedule());
        core::StrategyDiscussions(ws).recordHeld(kManager, strategyHeld, held());
    }

    std::vector<Target> targets() {
        auto edtContact = test::sampleContact();
        edtContact["received_at"] = "2026-11-22T10:00:00Z"; // a Sunday: out of hours
        auto rules = core::embeddedDefaultRuleSet()->body;
        rules["version"] = "fuzz-2026.1"; // the default's own version may not carry other content
        const auto holidays = core::Json::parse(*resources::embedded("bank-holidays-england-wales.json"));
        auto screen = test::sampleContact();
        screen["indicators"] = {"ABUSE_DISCLOSURE"};
        screen["context"] = {{"dash_score", 3}, {"re_referral", false}};
        return {
            {"contact record", test::sampleContact(),
             [&](const core::Json& j) { core::ContactService(ws).record(kScreener, j); }},
            {"draft save", test::sampleContact(),
             [&](const core::Json& j) { core::ContactService(ws).saveDraft(kScreener, "", j); }},
            {"screen", screen, [&](const core::Json& j) { core::ScreeningDecisionService(ws).screen(j, nullptr); }},
            {"screening check",
             {{"agency", "Police"}, {"person_spoken_to", "PC Ellery"}, {"checked_at", "2026-11-23T09:40:00Z"},
              {"shared", "Two incidents."}, {"basis", "Safeguarding"}},
             [&](const core::Json& j) { core::ContactWorkflow(ws).addPartnerCheck(kScreener, inScreening, j); }},
            {"screening analysis", {{"risks", "Physical harm."}, {"strengths", "School vigilant."}, {"analysis", "x"}},
             [&](const core::Json& j) { core::ContactWorkflow(ws).saveAnalysis(kScreener, inScreening, j); }},
            {"recommend", recommendation(),
             [&](const core::Json& j) { core::ContactWorkflow(ws).recommend(kScreener, inScreening, j); }},
            {"signoff", signOff(), [&](const core::Json& j) { core::ContactWorkflow(ws).signOff(kManager, recommended, j); }},
            {"referrer told", {{"how", "phone"}, {"told_at", "2026-11-23T10:00:00Z"}, {"note", "Told the DSL."}},
             [&](const core::Json& j) { core::ContactWorkflow(ws).informReferrer(kScreener, strategyRequired, j); }},
            {"form-draft save", {{"recommendation", "typing"}, {"level", 3}, {"indicators", {"ABUSE_DISCLOSURE"}}},
             [&](const core::Json& j) { core::FormDrafts(ws).save(kScreener, inScreening, "screening", j); }},
            {"edt record",
             {{"contact", edtContact}, {"handover", {{"already_done", "Police informed."}, {"handover_note", "Visit."}}}},
             [&](const core::Json& j) { core::ContactWorkflow(ws).recordOutOfHours(kEdt, j); }},
            {"strategy schedule", schedule(),
             [&](const core::Json& j) { core::StrategyDiscussions(ws).schedule(kManager, strategyRequired, j); }},
            {"strategy held", held(),
             [&](const core::Json& j) { core::StrategyDiscussions(ws).recordHeld(kManager, strategyScheduled, j); }},
            {"strategy outcome", outcome(),
             [&](const core::Json& j) { core::StrategyDiscussions(ws).recordOutcome(kManager, strategyHeld, j); }},
            {"rules validate", rules, [](const core::Json& j) { core::loadRuleSet(j); }},
            {"rules install", rules, [&](const core::Json& j) { core::RuleSetService(ws).install(kAdmin, j); }},
            {"bank holidays", holidays, [](const core::Json& j) { core::BankHolidays::fromJson(j); }},
            {"calendar settings", core::CalendarSettings{}.toJson(),
             [](const core::Json& j) { core::CalendarSettings::fromJson(j); }},
        };
    }
};

// Every value in a document, by JSON pointer.
void collect(const core::Json& value, const core::Json::json_pointer& at, std::vector<core::Json::json_pointer>& out) {
    out.push_back(at);
    if (value.is_object())
        for (const auto& [key, child] : value.items())
            collect(child, at / key, out);
    else if (value.is_array())
        for (size_t i = 0; i < value.size(); ++i)
            collect(value[i], at / i, out);
}

class Mutator {
public:
    explicit Mutator(uint32_t seed) : rng_(seed) {}

    size_t below(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
    template <typename T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

    // One document: the seed with one to three mutations, as text.
    std::string mutate(const core::Json& seed, std::string& kinds) {
        core::Json doc = seed;
        std::string text;
        const size_t count = 1 + below(3);
        bool textual = false;
        for (size_t i = 0; i < count; ++i) {
            const size_t kind = below(14);
            if (kind < 8 && !textual) {
                kinds += structural(doc, kind);
            } else {
                if (!textual)
                    text = doc.dump();
                textual = true;
                kinds += lexical(text);
            }
            kinds += " ";
        }
        return textual ? text : doc.dump();
    }

private:
    core::Json::json_pointer anyPointer(const core::Json& doc) {
        std::vector<core::Json::json_pointer> pointers;
        collect(doc, core::Json::json_pointer(), pointers);
        return pick(pointers);
    }

    core::Json otherValue() {
        static const std::vector<core::Json> values = {
            core::Json(), true, 0, -1, -2147483648LL, INT64_MIN, INT64_MAX, UINT64_MAX, 1e308, -1e308, 4.9e-324,
            0.5, "", " ", "x", core::Json::array(), core::Json::object(), core::Json::array({1, "a", nullptr}),
            core::Json{{"a", 1}}, "2026-02-30", "0000-01-01", "9999-12-31", "1399-12-31", "2026-13-01",
            "2026-11-23T25:00:00Z", "2026-11-23T10:00:00+24:00", "2026-11-23T10:00:00+18:59",
            "9999-12-31T23:59:59-18:00", "0000-01-01T00:00:00Z", "1400-01-01T00:00:00Z", "2026-11-23",
            "2026-11-23T10:00:00", "-001-01-01", "ABUSE_DISCLOSURE", "strategy_discussion", "red", "phone"};
        return pick(values);
    }

    std::string structural(core::Json& doc, size_t kind) {
        const auto at = anyPointer(doc);
        if (at.empty() && (kind < 2 || kind == 7))
            return "root";
        switch (kind) {
        case 0: { // delete a key or an element
            auto& parent = doc.at(at.parent_pointer());
            if (parent.is_object())
                parent.erase(at.back());
            else if (parent.is_array())
                parent.erase(static_cast<size_t>(std::stoul(at.back())));
            return "delete";
        }
        case 1: { // duplicate an element or copy a value under a new key
            auto& parent = doc.at(at.parent_pointer());
            if (parent.is_array())
                parent.push_back(doc.at(at));
            else
                parent[at.back() + "_copy"] = doc.at(at);
            return "copy";
        }
        case 2:
        case 3:
            doc.at(at) = otherValue();
            return "retype";
        case 4: { // a long string: 100,000 characters (under the document limit) or 10 MB (over it)
            doc.at(at) = std::string(below(4) == 0 ? 10'000'000 : 100'000, 'x');
            return "long";
        }
        case 5: { // a date or an instant shifted to somewhere impossible or absurd
            doc.at(at) = pick(std::vector<std::string>{"2026-02-29", "2024-02-29T24:00:00Z", "9999-12-31T23:59:59Z",
                                                       "1400-01-01", "2026-11-23T10:00:00.999999999Z",
                                                       "2026-11-23T10:00:00+99:99", "2026-11-23t10:00:00z"});
            return "date";
        }
        case 6: { // nest the value a little (under the limit) or too deep
            core::Json nested = doc.at(at);
            const size_t levels = below(2) == 0 ? 10 : 70;
            for (size_t i = 0; i < levels; ++i)
                nested = core::Json::array({nested});
            doc.at(at) = nested;
            return "nest";
        }
        default: { // a key renamed (a misspelling) or given a value of every type
            auto& parent = doc.at(at.parent_pointer());
            if (parent.is_object()) {
                core::Json moved = parent.at(at.back());
                parent.erase(at.back());
                parent[at.back() + "x"] = moved;
            }
            return "rename";
        }
        }
    }

    std::string lexical(std::string& text) {
        const size_t pos = below(text.size() + 1);
        switch (below(7)) {
        case 0:
            text.resize(pos); // truncation
            return "truncate";
        case 1: { // a key repeated: "k":null inserted before an existing "k":
            const size_t quote = text.find("\":", pos);
            if (quote == std::string::npos)
                return "nokey";
            const size_t start = text.rfind('"', quote - 1);
            if (start == std::string::npos)
                return "nokey";
            text.insert(start, text.substr(start, quote + 2 - start) + "null,");
            return "duplicate";
        }
        case 2:
            text.insert(pos, pick(std::vector<std::string>{"\xff", "\xc3\x28", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                                            "\xc0\xaf", "\xe2\x82"}));
            return "utf8";
        case 3:
            text.insert(pos, below(2) ? std::string("\\u0000") : std::string(1, '\0'));
            return "nul";
        case 4:
            text.insert(pos, pick(std::vector<std::string>{"1e400", "-1e400", "NaN", "Infinity", "-0", "1e-400",
                                                            "123456789012345678901234567890"}));
            return "number";
        case 5:
            text += pick(std::vector<std::string>{" x", "{}", "\n{\"a\": 1}", " ", std::string(1, '\0')});
            return "trailing";
        default:
            text.insert(0, std::string(below(2) ? 100 : 100000, '['));
            return "deep";
        }
    }

    std::mt19937 rng_;
};

} // namespace

TEST_CASE("fuzz: mutated outside input is accepted or refused as invalid, never a crash, and refusals change nothing",
          "[security][input][fuzz]") {
    Fixture fixture;
    core::Workspace& ws = fixture.ws;
    auto targets = fixture.targets();
    // Every seed is valid as it stands: otherwise the mutations would test nothing.
    for (auto& target : targets) {
        INFO(target.name);
        ws.db().exec("BEGIN IMMEDIATE");
        CHECK_NOTHROW(target.call(core::parseJsonInput(target.seed.dump(), target.name)));
        ws.db().exec("ROLLBACK");
    }

    constexpr size_t kCases = 12000;
    Mutator mutator(20261123);
    std::map<std::string, size_t> accepted, refusedByParser, refusedByService;
    size_t failures = 0;
    size_t cliRuns = 0;
    const auto started = std::chrono::steady_clock::now();
    for (size_t i = 0; i < kCases; ++i) {
        Target& target = targets[i % targets.size()];
        std::string kinds;
        const std::string text = mutator.mutate(target.seed, kinds);
        if (target.name == "rules validate") {
            // The same document through the CLI itself, which needs no database: it must exit 0 or 2 and
            // print JSON a script can read, whatever the bytes.
            const auto result = test::runCli({"rules", "validate"}, text);
            const bool readable = core::Json::accept(result.exitCode == 0 ? result.out : result.err);
            if ((result.exitCode != 0 && result.exitCode != 2) || !readable) {
                if (++failures <= 20)
                    UNSCOPED_INFO("case " << i << " (frontdoor-cli rules validate; " << kinds << "): exit "
                                          << result.exitCode << ", " << result.err.substr(0, 300));
            }
            ++cliRuns;
        }
        core::Json input;
        try {
            input = core::parseJsonInput(text, "fuzz");
        } catch (const core::ValidationError&) {
            ++refusedByParser[target.name];
            continue;
        }
        const int64_t factsBefore = ws.facts().count();
        const std::string digestBefore = ws.facts().projectionDigest();
        ws.db().exec("BEGIN IMMEDIATE");
        std::string problem;
        try {
            target.call(input);
            ++accepted[target.name];
        } catch (const core::ValidationError&) {
            ++refusedByService[target.name];
            if (ws.facts().count() != factsBefore || ws.facts().projectionDigest() != digestBefore)
                problem = "refused, but the record changed";
        } catch (const core::ConflictError& e) {
            // A strategy discussion without a required agency is refused until a duty manager acknowledges
            // it: a rule of the work, not a problem with the input's form (docs/cli.md).
            if (std::string(e.what()).rfind("not invited:", 0) != 0)
                problem = std::string("conflict: ") + e.what();
            else
                ++refusedByService[target.name];
        } catch (const std::exception& e) {
            problem = std::string("not a validation error: ") + e.what();
        }
        ws.db().exec("ROLLBACK");
        if (!problem.empty() && ++failures <= 20) {
            UNSCOPED_INFO("case " << i << " (" << target.name << "; " << kinds << "): " << problem
                                  << "\n  input: " << text.substr(0, 300));
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "fuzz: " << kCases << " cases over " << targets.size() << " entry points (" << cliRuns
              << " of them also through frontdoor-cli rules validate) in " << seconds << " s\n";
    for (const auto& target : targets)
        std::cout << "  " << target.name << ": " << accepted[target.name] << " accepted, "
                  << refusedByParser[target.name] << " refused by the parser, " << refusedByService[target.name]
                  << " refused by the service\n";
    CHECK(failures == 0);
    CHECK(ws.facts().count() > 0);
}

TEST_CASE("fuzz: mutated command-line arguments exit 0 or 2 with readable JSON, never a crash",
          "[security][input][fuzz]") {
    // Commands that need no database, so each case is quick; the words are mutated as the review did
    // (ill-formed UTF-8, NUL, impossible dates and offsets, huge values, truncation).
    const std::vector<std::vector<std::string>> seeds = {
        {"deadline", "decision", "--from", "2026-11-23T15:00:00Z", "--at", "2026-11-23T16:00:00+00:00"},
        {"deadline", "strategy_discussion", "--from", "2026-06-01T15:00:00+01:00"},
        {"calendar", "--from", "2026-12-20", "--to", "2027-01-05"},
        {"calendar", "open", "--at", "2026-11-23T08:59:59Z"},
        {"calendar", "settings"},
        {"help"},
    };
    const std::vector<std::string> replacements = {
        "\xff", "id\xff", "\xc3\x28", "\xed\xa0\x80", std::string(1, '\0'), "", "--", "--from", "--at=",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:00:00-18:00", "1399-12-31T00:00:00Z",
        "2026-02-30T10:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T10:00:00+18:01", "2026-11-23T10:00:00+99:99",
        "1400-01-01", "9999-12-31", "1e400", "-1", "99999999999999999999", std::string(30000, 'x'),
        std::string(100, '['), "decision", "assessment", "--holidays", "--settings", "/nonexistent/file.json"};
    Mutator mutator(11232026);
    constexpr size_t kCases = 3000;
    size_t failures = 0;
    for (size_t i = 0; i < kCases; ++i) {
        std::vector<std::string> words = seeds[i % seeds.size()];
        const size_t changes = 1 + mutator.below(3);
        for (size_t c = 0; c < changes; ++c) {
            const size_t at = mutator.below(words.size() + 1);
            switch (mutator.below(4)) {
            case 0:
                if (at < words.size())
                    words[at] = mutator.pick(replacements);
                break;
            case 1:
                words.insert(words.begin() + static_cast<long>(at), mutator.pick(replacements));
                break;
            case 2:
                if (at < words.size())
                    words[at].resize(mutator.below(words[at].size() + 1)); // truncated
                break;
            default:
                if (at < words.size())
                    words[at].insert(mutator.below(words[at].size() + 1), mutator.pick(replacements));
            }
        }
        const auto result = test::runCli(words);
        const bool readable = result.exitCode == 0 || core::Json::accept(result.err);
        if ((result.exitCode != 0 && result.exitCode != 2) || !readable) {
            std::string shown;
            for (const auto& word : words)
                shown += " [" + core::excerpt(word) + "]";
            if (++failures <= 20)
                UNSCOPED_INFO("case " << i << ":" << shown << " -> exit " << result.exitCode << ": "
                                      << result.err.substr(0, 300));
        }
    }
    std::cout << "fuzz: " << kCases << " mutated command lines\n";
    CHECK(failures == 0);
}
