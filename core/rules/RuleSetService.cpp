#include "rules/RuleSetService.h"

#include "users/Roles.h"
#include "users/UserService.h"

#include "contacts/Outcomes.h"
#include "rules/RuleSetLoader.h"
#include "rules/RulesProjection.h"
#include "util/Errors.h"

#include <map>
#include <mutex>

namespace frontdoor::core {
namespace {

const char* kSelectRuleSet = "SELECT version, hash, name, origin, installed_at, installed_by, active, body FROM rule_set ";

// Parsed rule sets by content hash. A hash names one content, so a cached entry can never go stale;
// the desktop app asks for the active rule set on every screen and should not re-parse it each time.
class RuleSetCache {
public:
    static RuleSetCache& instance() {
        static RuleSetCache cache;
        return cache;
    }
    std::shared_ptr<const RuleSet> find(const std::string& hash) {
        std::lock_guard lock(mutex_);
        const auto it = byHash_.find(hash);
        return it == byHash_.end() ? nullptr : it->second;
    }
    void remember(const std::shared_ptr<const RuleSet>& rules) {
        std::lock_guard lock(mutex_);
        byHash_.emplace(rules->hash, rules);
    }

private:
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const RuleSet>> byHash_;
};

InstalledRuleSet readRow(Statement& stmt) {
    InstalledRuleSet row;
    row.version = stmt.text(0);
    row.hash = stmt.text(1);
    row.name = stmt.text(2);
    row.origin = stmt.text(3);
    row.installedAt = parseInstant(stmt.text(4)).value_or(Instant{});
    row.installedBy = stmt.text(5);
    row.active = stmt.int64(6) != 0;
    return row;
}

std::string shortHash(const std::string& hash) { return hash.substr(0, 12); }

nlohmann::json sourceLinks(const RuleSet& rules, const std::vector<std::string>& keys) {
    auto links = nlohmann::json::array();
    for (const auto& key : keys)
        links.push_back({{"key", key}, {"link", rules.sources.at(key)}});
    return links;
}

} // namespace

nlohmann::json InstalledRuleSet::toJson() const {
    return {{"version", version},         {"hash", hash},
            {"name", name},               {"origin", origin},
            {"installed_at", formatInstant(installedAt)}, {"installed_by", installedBy},
            {"active", active}};
}

nlohmann::json InstallResult::toJson() const {
    nlohmann::json json{{"version", version},
                        {"hash", hash},
                        {"recorded", recorded},
                        {"previous_version", previousVersion},
                        {"previous_hash", previousHash}};
    if (!factId.empty())
        json["fact_id"] = factId;
    if (!recorded)
        json["message"] = "rule set " + version + " is already the active rule set; nothing was recorded";
    return json;
}

std::shared_ptr<const RuleSet> RuleSetService::loadStored(const std::string& version, const std::string& hash,
                                                          const std::string& body) {
    if (auto rules = RuleSetCache::instance().find(hash))
        return rules;
    const auto json = Json::parse(body);
    if (ruleSetHash(json) != hash)
        throw StoreError("rule set " + version + " in the database does not match its hash " + shortHash(hash) +
                         ": it was altered outside Frontdoor (run frontdoor-cli verify)");
    try {
        auto rules = loadRuleSet(json);
        RuleSetCache::instance().remember(rules);
        return rules;
    } catch (const ValidationError& e) {
        throw StoreError("rule set " + version + " cannot be used by this build of Frontdoor (" + e.what() +
                         "); it was probably installed from a newer version: install that version here");
    }
}

ActiveRuleSet RuleSetService::active() {
    ActiveRuleSet result;
    auto& stmt = ws_.db().cached(std::string(kSelectRuleSet) + "WHERE active = 1");
    if (!stmt.step()) {
        stmt.reset();
        result.rules = embeddedDefaultRuleSet();
        return result;
    }
    InstalledRuleSet row = readRow(stmt);
    const std::string body = stmt.text(7);
    stmt.reset();
    result.rules = loadStored(row.version, row.hash, body);
    result.installed = true;
    result.record = std::move(row);
    return result;
}

std::vector<InstalledRuleSet> RuleSetService::list() {
    Statement stmt = ws_.db().prepare(std::string(kSelectRuleSet) +
                                      "ORDER BY active DESC, last_installed_hlc DESC, last_installed_fact DESC");
    std::vector<InstalledRuleSet> rows;
    while (stmt.step())
        rows.push_back(readRow(stmt));
    return rows;
}

std::shared_ptr<const RuleSet> RuleSetService::find(const std::string& version, const std::string& hash) {
    auto& stmt = ws_.db().cached(std::string(kSelectRuleSet) + "WHERE version = ? AND hash = ?");
    stmt.bindAll(version, hash);
    if (stmt.step()) {
        const std::string body = stmt.text(7);
        stmt.reset();
        return loadStored(version, hash, body);
    }
    stmt.reset();
    auto fallback = embeddedDefaultRuleSet();
    return fallback->version == version && fallback->hash == hash ? fallback : nullptr;
}

InstallResult RuleSetService::install(const Actor& actor, const nlohmann::json& body) {
    UserService(ws_).require(actor, {role::kAdministrator}, "Installing a threshold rule set");
    const auto rules = loadRuleSet(body); // every problem at once; nothing below runs for a bad rule set
    WriteScope transaction(ws_.db());
    const ActiveRuleSet current = active();
    InstallResult result{rules->version, rules->hash, false, current.rules->version, current.rules->hash, ""};

    const auto builtIn = embeddedDefaultRuleSet();
    if (rules->version == builtIn->version && rules->hash != builtIn->hash)
        throw ConflictError("version " + rules->version + " is the built-in default rule set's version, but this "
                            "rule set's content differs (hash " + shortHash(rules->hash) + " instead of " +
                            shortHash(builtIn->hash) + "); give the changed rule set a new version");
    auto& clash = ws_.db().cached("SELECT hash FROM rule_set WHERE version = ? AND hash <> ? LIMIT 1");
    clash.bindAll(rules->version, rules->hash);
    if (clash.step()) {
        const std::string other = clash.text(0);
        clash.reset();
        throw ConflictError("version " + rules->version + " is already installed with different content (hash " +
                            shortHash(other) + "; this file's is " + shortHash(rules->hash) +
                            "); give the changed rule set a new version so decisions made under each stay traceable");
    }
    clash.reset();
    if (current.installed && current.rules->version == rules->version && current.rules->hash == rules->hash)
        return result; // already in force: nothing happened, so nothing is recorded

    const Fact fact = ws_.facts().append(actor, kRulesInstalled, rules->version,
                                         {{"version", rules->version},
                                          {"hash", rules->hash},
                                          {"name", rules->name},
                                          {"origin", "file"},
                                          {"rule_set", rules->body}});
    transaction.commit();
    RuleSetCache::instance().remember(rules);
    result.recorded = true;
    result.factId = fact.id;
    return result;
}

void RuleSetService::recordDefaultIfUnrecorded(const Actor& actor) {
    if (active().installed)
        return;
    const auto rules = embeddedDefaultRuleSet();
    ws_.facts().append(actor, kRulesInstalled, rules->version,
                       {{"version", rules->version},
                        {"hash", rules->hash},
                        {"name", rules->name},
                        {"origin", "embedded_default"},
                        {"rule_set", rules->body}});
}

nlohmann::json describeRuleSet(const RuleSet& rules) {
    auto levels = nlohmann::json::array();
    for (const auto& level : rules.levels)
        levels.push_back({{"level", level.level},
                          {"label", level.label},
                          {"name", level.name},
                          {"response", level.response},
                          {"outcome", level.outcome},
                          {"sources", sourceLinks(rules, level.sources)}});
    auto outcomes = nlohmann::json::array();
    for (const auto& step : rules.outcomes)
        outcomes.push_back({{"code", step.code},
                            {"label", outcomeLabel(step.code)},
                            {"rag", ragName(step.rag)},
                            {"strategy_discussion", step.strategyDiscussion}});
    auto questions = nlohmann::json::array();
    for (const auto& flag : rules.contextFlags)
        questions.push_back({{"id", flag.id}, {"words", flag.words}, {"type", "yes_no"}});
    questions.push_back({{"id", "dash_score"}, {"words", "DASH risk checklist score (0-27), when there is domestic "
                                                         "abuse"}, {"type", "number"}});
    questions.push_back({{"id", "contacts_in_12_months"},
                         {"words", "Contacts about the child in the last 12 months, this one included (taken from "
                                   "history for a known child)"},
                         {"type", "number"}});
    questions.push_back({{"id", "re_referral"},
                         {"words", "A referral now would be a re-referral (taken from history for a known child)"},
                         {"type", "yes_no"}});
    auto aggravators = nlohmann::json::array();
    for (const auto& aggravator : rules.aggravators) {
        auto cases = nlohmann::json::array();
        for (const auto& c : aggravator.cases)
            cases.push_back({{"reason", c.reason}, {"effect", describeEffect(rules, c.effect)}});
        nlohmann::json json{{"id", aggravator.id},
                            {"words", aggravator.words},
                            {"cases", cases},
                            {"sources", sourceLinks(rules, aggravator.sources)}};
        if (!aggravator.note.empty())
            json["note"] = aggravator.note;
        aggravators.push_back(std::move(json));
    }
    return {{"version", rules.version},
            {"hash", rules.hash},
            {"name", rules.name},
            {"authority", rules.authority},
            {"about", rules.about},
            {"levels", levels},
            {"outcomes", outcomes},
            {"context_questions", questions},
            {"domains", indicatorsByDomain(rules)},
            {"aggravators", aggravators},
            {"combination", {{"raises", rules.raisesAdd ? "add" : "largest"}, {"rule", rules.combinationRule}}}};
}

nlohmann::json RuleSetService::show() {
    const ActiveRuleSet current = active();
    nlohmann::json json = describeRuleSet(*current.rules);
    json["installed"] = current.installed;
    if (current.record) {
        json["origin"] = current.record->origin;
        json["installed_at"] = formatInstant(current.record->installedAt);
        json["installed_by"] = current.record->installedBy;
    } else {
        json["origin"] = "embedded_default";
    }
    return json;
}

} // namespace frontdoor::core
