#include "rules/RuleSetLoader.h"

#include "util/Text.h"
#include "EmbeddedResources.h"
#include "contacts/Outcomes.h"
#include "util/JsonFields.h"
#include "util/JsonInput.h"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace frontdoor::core {
namespace {

using Json = nlohmann::json;

// Deep enough for any sensible rule; stops a crafted file exhausting the stack.
constexpr int kMaxConditionDepth = 16;
constexpr int kMaxDashScore = 27; // the DASH risk checklist has 27 questions
constexpr int kMaxAgeMonths = 25 * 12;
constexpr int kMaxRaise = kHighestLevel - kLowestLevel;
constexpr size_t kMaxSearchTerms = 40;
constexpr size_t kMaxSearchTermLength = 40;

bool isIdChar(char c, bool upperAllowed) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (upperAllowed && c >= 'A' && c <= 'Z');
}

// Indicator and aggravator ids keep the reference's UPPER_SNAKE_CASE; domains, flags and alerts are
// lower_snake_case like every other code in Frontdoor.
bool isId(const std::string& text, bool upperAllowed) {
    if (text.empty() || text.size() > 64 || !std::isalpha(static_cast<unsigned char>(text[0])))
        return false;
    return std::all_of(text.begin(), text.end(), [&](char c) { return isIdChar(c, upperAllowed); });
}

bool isVersion(const std::string& text) {
    return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return isIdChar(c, true) || c == '.' || c == '-';
           });
}

std::string inQuotes(const std::string& text) { return quoteExcerpt(text); }

std::string knownOutcomeList() {
    std::string text;
    for (const auto& code : outcomeCodes())
        text += (text.empty() ? "" : ", ") + code;
    return text;
}

bool isKnownOutcome(const std::string& code) {
    const auto codes = outcomeCodes();
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

class Reader {
public:
    Reader(RuleSet& rules, std::vector<FieldError>& errors) : rules_(rules), errors_(errors) {}

    void read(const Json& body) {
        JsonFields fields(body, "", errors_);
        if (!body.is_object())
            return;
        readHeader(fields);
        readSources(fields);
        readOutcomes(fields);
        readLevels(fields);
        readDomains(fields);
        readContextFlags(fields);
        readIndicators(fields);
        rules_.index(); // aggravators resolve indicator ids through the index
        readAggravators(fields);
        readCombination(fields);
        fields.rejectUnknownKeys();
    }

private:
    void fail(const std::string& path, const std::string& problem) { errors_.push_back({path, problem}); }

    void readHeader(JsonFields& fields) {
        if (const auto format = fields.integer("format", true); format && *format != kRuleSetFormat)
            fields.fail("format", std::to_string(*format) + " is not a rule-set format this build reads (it reads "
                                                            "format " + std::to_string(kRuleSetFormat) + ")");
        rules_.version = fields.text("version", true, 64);
        if (!rules_.version.empty() && !isVersion(rules_.version))
            fields.fail("version", inQuotes(rules_.version) + " may contain only letters, digits, '.', '-' and '_' "
                                                            "(for example halton-2026.1)");
        rules_.name = fields.text("name", true, 200);
        rules_.authority = fields.text("authority", false, 200);
        rules_.about = fields.text("about", false, 20000);
    }

    void readSources(JsonFields& fields) {
        const Json* sources = fields.object("sources", true);
        if (!sources)
            return;
        haveSources_ = true;
        for (const auto& [key, value] : sources->items()) {
            const std::string path = fields.pathOf("sources") + "." + key;
            if (!value.is_string() || value.get<std::string>().empty())
                fail(path, "must be text: a link, optionally followed by a description");
            else
                rules_.sources.emplace(key, value.get<std::string>());
        }
    }

    std::vector<std::string> readTextList(JsonFields& fields, const std::string& key) {
        std::vector<std::string> list;
        const auto items = fields.array(key);
        for (size_t i = 0; i < items.size(); ++i) {
            if (!items[i]->is_string()) {
                fail(indexPath(fields.pathOf(key), i), "must be text");
                continue;
            }
            list.push_back(items[i]->get<std::string>());
        }
        return list;
    }

    std::vector<std::string> readSourceKeys(JsonFields& fields, const std::string& key) {
        auto keys = readTextList(fields, key);
        for (size_t i = 0; i < keys.size() && haveSources_; ++i)
            if (!rules_.sources.count(keys[i]))
                fail(indexPath(fields.pathOf(key), i), inQuotes(keys[i]) + " is not a key of sources");
        return keys;
    }

    /// Words people type to find an indicator: at most kMaxSearchTerms, each 1-kMaxSearchTermLength
    /// characters of text (docs/rules.md).
    std::vector<std::string> readSearchTerms(JsonFields& fields, const std::string& key) {
        std::vector<std::string> terms;
        const auto items = fields.array(key, false, kMaxSearchTerms);
        for (size_t i = 0; i < items.size(); ++i) {
            const std::string at = indexPath(fields.pathOf(key), i);
            if (!items[i]->is_string()) {
                fail(at, "must be text: a word people type to find this indicator");
                continue;
            }
            const auto term = items[i]->get<std::string>();
            if (term.find_first_not_of(" \t") == std::string::npos)
                fail(at, "must not be empty");
            else if (term.size() > kMaxSearchTermLength)
                fail(at, "is longer than " + std::to_string(kMaxSearchTermLength) + " characters");
            else
                terms.push_back(term);
        }
        return terms;
    }

    std::vector<std::string> readOutcomeList(JsonFields& fields, const std::string& key) {
        auto codes = readTextList(fields, key);
        for (size_t i = 0; i < codes.size(); ++i)
            if (!isKnownOutcome(codes[i]))
                fail(indexPath(fields.pathOf(key), i),
                     inQuotes(codes[i]) + " is not an outcome Frontdoor knows (" + knownOutcomeList() + ")");
        return codes;
    }

    std::vector<std::string> readAlerts(JsonFields& fields, const std::string& key) {
        auto alerts = readTextList(fields, key);
        for (size_t i = 0; i < alerts.size(); ++i)
            if (!isId(alerts[i], false))
                fail(indexPath(fields.pathOf(key), i),
                     inQuotes(alerts[i]) + " is not an alert name (lower-case letters, digits and _)");
        return alerts;
    }

    /// An outcome the rule set can suggest: known to Frontdoor and on this rule set's ladder.
    std::string readLadderOutcome(JsonFields& fields, const std::string& key, bool required) {
        const std::string code = fields.text(key, required, 100);
        if (code.empty())
            return code;
        if (!isKnownOutcome(code))
            fields.fail(key, inQuotes(code) + " is not an outcome Frontdoor knows (" + knownOutcomeList() + ")");
        else if (haveOutcomes_ && !rules_.outcomeRank(code))
            fields.fail(key, inQuotes(code) + " is not in this rule set's outcomes list");
        return code;
    }

    std::optional<int> readLevel(JsonFields& fields, const std::string& key, bool required) {
        const auto level = fields.integer(key, required);
        if (!level)
            return std::nullopt;
        if (*level < kLowestLevel || *level > kHighestLevel) {
            fields.fail(key, std::to_string(*level) + " is not a level (1-4)");
            return std::nullopt;
        }
        return static_cast<int>(*level);
    }

    std::optional<Rag> readRag(JsonFields& fields, const std::string& key, bool required) {
        const std::string name = fields.oneOf(key, ragNames(), required);
        return name.empty() ? std::nullopt : parseRag(name);
    }

    /// Records that `owner` (e.g. "indicators[3]") defines `id`, or reports the id as already used.
    void claimId(std::map<std::string, std::string>& owners, JsonFields& fields, const std::string& id,
                 const std::string& owner) {
        if (id.empty())
            return;
        const auto [it, inserted] = owners.emplace(id, owner);
        if (!inserted)
            fields.fail("id", inQuotes(id) + " is already used by " + it->second);
    }

    void readOutcomes(JsonFields& fields) {
        const auto items = fields.array("outcomes", true);
        haveOutcomes_ = !items.empty();
        if (items.empty() && fields.has("outcomes"))
            fields.fail("outcomes", "list at least one outcome, least intrusive first");
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < items.size(); ++i) {
            JsonFields item(*items[i], indexPath("outcomes", i), errors_);
            OutcomeStep step;
            step.code = item.oneOf("code", outcomeCodes(), true);
            step.rag = readRag(item, "rag", true).value_or(Rag::Green);
            step.strategyDiscussion = item.boolean("strategy_discussion").value_or(false);
            item.rejectUnknownKeys();
            if (step.code.empty())
                continue;
            const auto [it, inserted] = seen.emplace(step.code, indexPath("outcomes", i));
            if (!inserted) {
                item.fail("code", inQuotes(step.code) + " is already listed at " + it->second);
                continue;
            }
            rules_.outcomes.push_back(step);
        }
        rules_.index(); // levels and indicators look outcomes up on the ladder
    }

    void readLevels(JsonFields& fields) {
        const auto items = fields.array("levels", true);
        std::vector<std::optional<LevelInfo>> byLevel(kHighestLevel);
        std::map<int, std::string> seen;
        for (size_t i = 0; i < items.size(); ++i) {
            JsonFields item(*items[i], indexPath("levels", i), errors_);
            LevelInfo info;
            const auto level = readLevel(item, "level", true);
            info.label = item.text("label", true, 100);
            info.name = item.text("name", false, 200);
            info.response = item.text("response", false, 2000);
            info.outcome = readLadderOutcome(item, "outcome", true);
            info.sources = readSourceKeys(item, "sources");
            item.rejectUnknownKeys();
            if (!level)
                continue;
            info.level = *level;
            const auto [it, inserted] = seen.emplace(*level, indexPath("levels", i));
            if (!inserted)
                item.fail("level", "level " + std::to_string(*level) + " is already defined at " + it->second);
            else
                byLevel[static_cast<size_t>(*level - kLowestLevel)] = std::move(info);
        }
        if (!fields.has("levels"))
            return; // already reported as required
        for (int level = kLowestLevel; level <= kHighestLevel; ++level)
            if (!byLevel[static_cast<size_t>(level - kLowestLevel)])
                fields.fail("levels", "level " + std::to_string(level) +
                                          " is missing (every level 1-4 needs a label and an outcome)");
        for (auto& info : byLevel)
            if (info)
                rules_.levels.push_back(std::move(*info));
    }

    void readDomains(JsonFields& fields) {
        const auto items = fields.array("domains", true);
        haveDomains_ = !items.empty();
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < items.size(); ++i) {
            JsonFields item(*items[i], indexPath("domains", i), errors_);
            Domain domain;
            domain.id = item.text("id", true, 64);
            domain.label = item.text("label", true, 200);
            item.rejectUnknownKeys();
            if (domain.id.empty())
                continue;
            if (!isId(domain.id, false))
                item.fail("id", inQuotes(domain.id) + " is not a domain id (lower-case letters, digits and _)");
            claimId(seen, item, domain.id, indexPath("domains", i));
            rules_.domains.push_back(std::move(domain));
        }
    }

    void readContextFlags(JsonFields& fields) {
        const auto items = fields.array("context_flags");
        std::map<std::string, std::string> seen;
        for (const auto& builtIn : builtInFlags())
            seen.emplace(builtIn, "a built-in flag");
        for (const char* reserved : {"dash_score", "contacts_in_12_months", "child"})
            seen.emplace(reserved, "a built-in context field");
        for (size_t i = 0; i < items.size(); ++i) {
            JsonFields item(*items[i], indexPath("context_flags", i), errors_);
            ContextFlag flag;
            flag.id = item.text("id", true, 64);
            flag.words = item.text("words", true, 500);
            item.rejectUnknownKeys();
            if (flag.id.empty())
                continue;
            if (!isId(flag.id, false))
                item.fail("id", inQuotes(flag.id) + " is not a flag id (lower-case letters, digits and _)");
            claimId(seen, item, flag.id, indexPath("context_flags", i));
            rules_.contextFlags.push_back(std::move(flag));
        }
    }

    void readIndicators(JsonFields& fields) {
        const auto items = fields.array("indicators", true);
        if (items.empty() && fields.has("indicators"))
            fields.fail("indicators", "list at least one indicator");
        for (size_t i = 0; i < items.size(); ++i) {
            JsonFields item(*items[i], indexPath("indicators", i), errors_);
            Indicator indicator;
            indicator.id = item.text("id", true, 64);
            if (!indicator.id.empty() && !isId(indicator.id, true))
                item.fail("id", inQuotes(indicator.id) + " is not an indicator id (letters, digits and _)");
            claimId(ids_, item, indicator.id, indexPath("indicators", i));
            indicator.domain = item.text("domain", true, 64);
            if (haveDomains_ && !indicator.domain.empty() && !rules_.domain(indicator.domain))
                item.fail("domain", inQuotes(indicator.domain) + " is not one of the domains listed in domains");
            indicator.words = item.text("words", true, 2000);
            indicator.level = readLevel(item, "level", true).value_or(0);
            indicator.outcome = readLadderOutcome(item, "outcome", true);
            indicator.alsoConsider = readOutcomeList(item, "also_consider");
            indicator.rag = readRag(item, "rag", false);
            indicator.sources = readSourceKeys(item, "sources");
            indicator.notes = item.text("notes", false, 5000);
            indicator.searchTerms = readSearchTerms(item, "search_terms");
            item.rejectUnknownKeys();
            rules_.indicators.push_back(std::move(indicator));
        }
    }

    // A condition is an object with exactly one test; see docs/rules.md, "Conditions".
    Condition readCondition(const Json& value, const std::string& path, int depth) {
        Condition condition;
        if (depth > kMaxConditionDepth) {
            fail(path, "is nested too deeply (at most " + std::to_string(kMaxConditionDepth) + " levels)");
            return condition;
        }
        if (!value.is_object() || value.size() != 1) {
            fail(path, "must be an object with exactly one test" +
                           std::string(value.is_object() ? " (found " + std::to_string(value.size()) + ")" : "") +
                           ", such as {\"indicator\": \"NMB_INJURY\"} or {\"all_of\": [...]}");
            return condition;
        }
        const std::string test = value.begin().key();
        const Json& operand = value.begin().value();
        const std::string at = path + "." + test;
        if (test == "all_of" || test == "any_of") {
            condition.kind = test == "all_of" ? Condition::Kind::AllOf : Condition::Kind::AnyOf;
            if (!operand.is_array() || operand.empty())
                fail(at, "must be a non-empty list of conditions");
            else
                for (size_t i = 0; i < operand.size(); ++i)
                    condition.children.push_back(readCondition(operand[i], indexPath(at, i), depth + 1));
        } else if (test == "not") {
            condition.kind = Condition::Kind::Not;
            condition.children.push_back(readCondition(operand, at, depth + 1));
        } else if (test == "indicator") {
            condition.kind = Condition::Kind::Indicator;
            readIndicatorRef(operand, at, condition);
        } else if (test == "any_indicator") {
            condition.kind = Condition::Kind::AnyIndicator;
            if (!operand.is_array() || operand.empty())
                fail(at, "must be a non-empty list of indicator ids");
            else
                for (size_t i = 0; i < operand.size(); ++i)
                    readIndicatorRef(operand[i], indexPath(at, i), condition);
        } else if (test == "flag") {
            condition.kind = Condition::Kind::Flag;
            readFlagRef(operand, at, condition);
        } else if (test == "indicator_level_at_least") {
            condition.kind = Condition::Kind::IndicatorLevelAtLeast;
            condition.number = readNumber(operand, at, kLowestLevel, kHighestLevel, "a level (1-4)");
        } else if (test == "age_under_months") {
            condition.kind = Condition::Kind::AgeUnderMonths;
            condition.number = readNumber(operand, at, 1, kMaxAgeMonths, "a number of months (1-300)");
        } else if (test == "dash_score_at_least") {
            condition.kind = Condition::Kind::DashScoreAtLeast;
            condition.number = readNumber(operand, at, 0, kMaxDashScore, "a DASH score (0-27)");
        } else if (test == "contacts_in_12_months_at_least") {
            condition.kind = Condition::Kind::ContactsIn12MonthsAtLeast;
            condition.number = readNumber(operand, at, 1, 1000, "a number of contacts (1-1000)");
        } else {
            fail(at, "is not a test (use all_of, any_of, not, indicator, any_indicator, indicator_level_at_least, "
                     "flag, age_under_months, dash_score_at_least or contacts_in_12_months_at_least)");
        }
        return condition;
    }

    void readIndicatorRef(const Json& value, const std::string& path, Condition& condition) {
        if (!value.is_string()) {
            fail(path, "must be an indicator id (text)");
            return;
        }
        const std::string id = value.get<std::string>();
        const auto index = rules_.indicatorIndex(id);
        if (!index)
            fail(path, inQuotes(id) + " is not an indicator id");
        else
            condition.indicators.push_back(*index);
    }

    void readFlagRef(const Json& value, const std::string& path, Condition& condition) {
        if (!value.is_string()) {
            fail(path, "must be a context flag id (text)");
            return;
        }
        condition.flag = value.get<std::string>();
        const auto& builtIn = builtInFlags();
        if (!rules_.hasContextFlag(condition.flag) &&
            std::find(builtIn.begin(), builtIn.end(), condition.flag) == builtIn.end())
            fail(path, inQuotes(condition.flag) + " is not a context flag (declare it in context_flags, or use the "
                                                "built-in unborn or re_referral)");
    }

    int readNumber(const Json& value, const std::string& path, int minimum, int maximum, const std::string& what) {
        if (!value.is_number_integer()) {
            fail(path, "must be a whole number: " + what);
            return 0;
        }
        const auto number = value.get<int64_t>();
        if (number < minimum || number > maximum) {
            fail(path, std::to_string(number) + " is not " + what);
            return 0;
        }
        return static_cast<int>(number);
    }

    Effect readEffect(JsonFields& item, const std::string& path) {
        Effect effect;
        effect.minLevel = readLevel(item, "min_level", false);
        if (const auto raise = item.integer("raise_by")) {
            if (*raise < 1 || *raise > kMaxRaise)
                item.fail("raise_by", std::to_string(*raise) + " is not a number of levels to raise by (1-" +
                                          std::to_string(kMaxRaise) + "); a rule set never lowers a level");
            else
                effect.raiseBy = static_cast<int>(*raise);
        }
        const std::string outcome = readLadderOutcome(item, "outcome", false);
        if (!outcome.empty())
            effect.outcome = outcome;
        effect.rag = readRag(item, "rag", false);
        effect.alsoConsider = readOutcomeList(item, "also_consider");
        effect.alerts = readAlerts(item, "alerts");
        item.rejectUnknownKeys();
        const bool doesSomething = effect.minLevel || effect.raiseBy > 0 || effect.outcome || effect.rag ||
                                   !effect.alsoConsider.empty() || !effect.alerts.empty();
        if (!doesSomething && item.valid())
            fail(path, "must do something: min_level, raise_by, outcome, rag, also_consider or alerts");
        return effect;
    }

    AggravatorCase readCase(const Json& value, const std::string& path) {
        AggravatorCase aggravatorCase;
        JsonFields item(value, path, errors_);
        if (item.has("when"))
            aggravatorCase.when = readCondition(value.at("when"), item.pathOf("when"), 1);
        else if (value.is_object())
            item.fail("when", "is required: the condition under which this case applies");
        if (const Json* effect = item.object("effect", true)) {
            JsonFields effectFields(*effect, item.pathOf("effect"), errors_);
            aggravatorCase.effect = readEffect(effectFields, item.pathOf("effect"));
        }
        aggravatorCase.reason = item.text("reason", true, 1000);
        item.rejectUnknownKeys({"when"});
        return aggravatorCase;
    }

    void readAggravators(JsonFields& fields) {
        const auto items = fields.array("aggravators");
        for (size_t i = 0; i < items.size(); ++i) {
            JsonFields item(*items[i], indexPath("aggravators", i), errors_);
            Aggravator aggravator;
            aggravator.id = item.text("id", true, 64);
            if (!aggravator.id.empty() && !isId(aggravator.id, true))
                item.fail("id", inQuotes(aggravator.id) + " is not an aggravator id (letters, digits and _)");
            claimId(ids_, item, aggravator.id, indexPath("aggravators", i));
            aggravator.words = item.text("words", true, 2000);
            const auto cases = item.array("cases", true);
            if (cases.empty() && item.has("cases"))
                item.fail("cases", "list at least one case");
            for (size_t c = 0; c < cases.size(); ++c)
                aggravator.cases.push_back(readCase(*cases[c], indexPath(item.pathOf("cases"), c)));
            aggravator.sources = readSourceKeys(item, "sources");
            aggravator.evidence = item.text("evidence", false, 5000);
            aggravator.note = item.text("note", false, 5000);
            item.rejectUnknownKeys();
            rules_.aggravators.push_back(std::move(aggravator));
        }
    }

    void readCombination(JsonFields& fields) {
        const Json* combination = fields.object("combination", true);
        if (!combination)
            return;
        JsonFields item(*combination, "combination", errors_);
        rules_.raisesAdd = item.oneOf("raises", {"add", "largest"}, true) != "largest";
        rules_.combinationRule = item.text("rule", false, 5000);
        item.text("note", false, 5000);
        item.rejectUnknownKeys();
    }

    RuleSet& rules_;
    std::vector<FieldError>& errors_;
    // A missing section is reported once, not again at every reference to it.
    bool haveSources_ = false;
    bool haveOutcomes_ = false;
    bool haveDomains_ = false;
    std::map<std::string, std::string> ids_; ///< indicator and aggravator ids share one namespace: reasons name them
};

std::shared_ptr<RuleSet> parse(const Json& body, std::vector<FieldError>& errors) {
    auto rules = std::make_shared<RuleSet>();
    Reader(*rules, errors).read(body);
    if (!errors.empty())
        return nullptr;
    rules->body = body;
    rules->hash = ruleSetHash(body);
    rules->index();
    return rules;
}

} // namespace

std::string ruleSetHash(const nlohmann::json& body) {
    return sha256Hex(body.dump());
}

std::vector<FieldError> validateRuleSet(const nlohmann::json& body) {
    std::vector<FieldError> errors;
    parse(body, errors);
    return errors;
}

std::shared_ptr<const RuleSet> loadRuleSet(const nlohmann::json& body) {
    std::vector<FieldError> errors;
    auto rules = parse(body, errors);
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    return rules;
}

std::shared_ptr<const RuleSet> loadRuleSetText(std::string_view text, const std::string& sourceName) {
    return loadRuleSet(parseJsonInput(text, sourceName));
}

std::shared_ptr<const RuleSet> embeddedDefaultRuleSet() {
    static const std::shared_ptr<const RuleSet> rules = [] {
        const auto text = resources::embedded(kDefaultRuleSetResource);
        if (!text)
            throw std::logic_error(std::string("this build has no embedded ") + kDefaultRuleSetResource);
        try {
            return loadRuleSetText(*text, kDefaultRuleSetResource);
        } catch (const ValidationError& e) {
            // A build bug, caught by the tests: the shipped file must always be valid.
            throw std::logic_error(std::string("the embedded default rule set is invalid: ") + e.what());
        }
    }();
    return rules;
}

} // namespace frontdoor::core
