#include "rules/RulesProjection.h"

#include "util/Instant.h"

namespace frontdoor::core {
namespace {

void projectInstalled(Database& db, const Fact& fact) {
    const Json& payload = fact.payload;
    // Keep the earliest install's who and when, and the latest install's stamp (it decides what is
    // active), whichever order the facts are applied in.
    db.cached("INSERT INTO rule_set(version, hash, name, origin, body, installed_at, installed_by, "
              "first_installed_hlc, last_installed_hlc, last_installed_fact) VALUES (?,?,?,?,?,?,?,?,?,?) "
              "ON CONFLICT(version, hash) DO UPDATE SET "
              "installed_at = CASE WHEN excluded.first_installed_hlc < first_installed_hlc "
              "THEN excluded.installed_at ELSE installed_at END, "
              "installed_by = CASE WHEN excluded.first_installed_hlc < first_installed_hlc "
              "THEN excluded.installed_by ELSE installed_by END, "
              "first_installed_hlc = min(first_installed_hlc, excluded.first_installed_hlc), "
              "last_installed_fact = CASE WHEN excluded.last_installed_hlc > last_installed_hlc "
              "THEN excluded.last_installed_fact ELSE last_installed_fact END, "
              "last_installed_hlc = max(last_installed_hlc, excluded.last_installed_hlc)")
        .bindAll(payload.value("version", fact.subject), payload.value("hash", ""), payload.value("name", ""),
                 payload.value("origin", "file"), payload.value("rule_set", Json::object()).dump(),
                 formatInstant(fact.recordedAt), fact.userId, fact.hlc.packed, fact.hlc.packed, fact.id)
        .run();
    db.cached("UPDATE rule_set SET active = (rowid = (SELECT rowid FROM rule_set "
              "ORDER BY last_installed_hlc DESC, last_installed_fact DESC LIMIT 1))")
        .run();
}

void projectDecision(Database& db, const Fact& fact) {
    const Json& payload = fact.payload;
    const Json& suggestion = payload.at("suggestion");
    const Json& decision = payload.at("decision");
    const std::string rationale = payload.value("rationale", "");
    const std::string personId = payload.value("person_id", "");
    db.cached("INSERT INTO screening_decision(id, contact_id, person_id, rules_version, rules_hash, inputs, "
              "suggestion, suggested_level, suggested_outcome, suggested_rag, level, level_label, outcome, rag, "
              "strategy_discussion, departs_from, rationale, decided_by, decided_role, decided_at, hlc, fact_id) "
              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bindAll(payload.value("decision_id", fact.id), fact.subject,
                 personId.empty() ? std::nullopt : std::optional<std::string>(personId),
                 payload.value("rules_version", ""), payload.value("rules_hash", ""),
                 payload.value("inputs", Json::object()).dump(), suggestion.dump(), suggestion.value("level", 0),
                 suggestion.value("outcome", ""), suggestion.value("rag", ""), decision.value("level", 0),
                 decision.value("level_label", ""), decision.value("outcome", ""), decision.value("rag", ""),
                 decision.value("strategy_discussion", false) ? 1 : 0,
                 payload.value("departs_from_suggestion", Json::array()).dump(),
                 rationale.empty() ? std::nullopt : std::optional<std::string>(rationale), fact.userId, fact.role,
                 formatInstant(fact.recordedAt), fact.hlc.packed, fact.id)
        .run();
}

} // namespace

void registerRulesProjection(Projections& projections) {
    projections.ownTable("rule_set", "version, hash", "version IN (SELECT subject FROM temp.fd_reproject)");
    projections.ownTable("screening_decision", "id", "contact_id IN (SELECT subject FROM temp.fd_reproject)");
    projections.on(kRulesInstalled, projectInstalled);
    projections.on(kScreeningDecisionRecorded, projectDecision);
    projections.describe(kRulesInstalled, [](const Fact& f) {
        return "Threshold rules " + f.payload.value("version", std::string()) + " installed";
    });
    projections.describe(kScreeningDecisionRecorded, [](const Fact& f) {
        const Json& p = f.payload;
        std::string line = "Threshold screening under rules " + p.value("rules_version", std::string());
        const auto departs = p.value("departs_from", Json::array());
        if (!departs.empty())
            line += "; departs from the suggestion (" + departs.dump() + "), with a rationale";
        return line;
    });
}

} // namespace frontdoor::core
