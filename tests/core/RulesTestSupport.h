#pragma once
// Helpers for the threshold-rules tests: a small valid rule set to break in every way, the default
// rule set's JSON, evaluator inputs, and the test data folder.

#include "rules/ThresholdEvaluator.h"
#include "store/Fact.h"

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::test {

/// A small valid rule set ("test-1"): levels 1-4, a four-step outcome ladder, two domains, one context
/// flag, four indicators (A1 level 1, B2 level 2, C3 level 3, D4 level 4) and two aggravators
/// (RAISE: flag "vulnerable" and a concern raises by 1; FLOOR: indicator C3 with age under 12 months
/// sets level 4 and a strategy discussion).
core::Json minimalRuleSet();

/// The embedded default rule set as JSON.
core::Json defaultRuleSetBody();

/// An evaluator input: these indicators, a born child of `ageMonths`, nothing else.
core::ScreeningInput screeningOf(std::vector<std::string> indicators, std::optional<int> ageMonths = 96);

/// A file in tests/core/data.
std::string testDataFile(const std::string& name);
core::Json readJsonFile(const std::string& path);
void writeJsonFile(const std::string& path, const core::Json& json);

} // namespace frontdoor::test
