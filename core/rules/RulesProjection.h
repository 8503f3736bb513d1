#pragma once
// Projects threshold-rule facts into `rule_set` and `screening_decision` (migration 2).
//
// Fact types:
//   rules.installed               subject = rule-set version, payload = {"version", "hash", "name",
//                                 "origin": "file" | "embedded_default", "rule_set": <the whole rule set>}
//   screening.decision_recorded   subject = contact id, payload = {"decision_id", "person_id", "child",
//                                 "rules_version", "rules_hash", "inputs", "suggestion",
//                                 "decision": {"level", "level_label", "outcome", "rag",
//                                 "strategy_discussion"}, "departs_from_suggestion": [...], "rationale"}
//
// The active rule set is the one whose latest install has the greatest clock stamp, so every desk
// holding the same facts agrees on it whatever order the facts arrived in.

#include "store/Projections.h"

namespace frontdoor::core {

inline constexpr const char* kRulesInstalled = "rules.installed";
inline constexpr const char* kScreeningDecisionRecorded = "screening.decision_recorded";

void registerRulesProjection(Projections& projections);

} // namespace frontdoor::core
