#pragma once
// Reading a threshold rule set from JSON (docs/rules.md). Validation reads the whole file and reports
// every problem with its JSON path ("indicators[12].level: 5 is not a level (1-4)"), so an administrator
// fixes a rule set in one pass; a rule set with any problem is refused as a whole.

#include "rules/RuleSet.h"
#include "util/Errors.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core {

/// The rule-set file format this build reads ("format": 1).
inline constexpr int kRuleSetFormat = 1;

/// The embedded default rule set's file name in resources/data.
inline constexpr const char* kDefaultRuleSetResource = "threshold-rules-default.json";

/// Every problem with a rule set, each with its JSON path. Empty when the rule set is valid.
std::vector<FieldError> validateRuleSet(const nlohmann::json& body);

/// Parses and validates a rule set. Throws ValidationError listing every problem.
std::shared_ptr<const RuleSet> loadRuleSet(const nlohmann::json& body);

/// As loadRuleSet, from JSON text; text that is not JSON is reported against `sourceName`.
std::shared_ptr<const RuleSet> loadRuleSetText(std::string_view text, const std::string& sourceName);

/// SHA-256 (hex) of the rule set's canonical JSON: nlohmann's dump(), which sorts object keys, so
/// the same rules hash the same however the file was laid out.
std::string ruleSetHash(const nlohmann::json& body);

/// The rule set compiled into the binaries (resources/data/threshold-rules-default.json), loaded once.
std::shared_ptr<const RuleSet> embeddedDefaultRuleSet();

} // namespace frontdoor::core
