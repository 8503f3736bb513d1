// frontdoor-bench rules: how long one threshold evaluation takes (the desktop app re-evaluates on every
// change in the indicator picker, so it must be far below what a person can notice), and how long
// loading and validating a whole rule set takes.
#include "Bench.h"

#include "EmbeddedResources.h"
#include "rules/RuleSetLoader.h"
#include "rules/ThresholdEvaluator.h"

#include <iostream>
#include <random>

namespace frontdoor::bench {
namespace {

using core::RuleSet;
using core::ScreeningInput;

/// A varied, reproducible mix of screenings: 1-4 indicators, ages from unborn to 17, context flags,
/// DASH scores and contact counts, so every aggravating factor's condition is exercised.
std::vector<ScreeningInput> screeningMix(const RuleSet& rules, size_t count, uint64_t seed) {
    std::mt19937_64 random(seed);
    const auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
    const auto upTo = [&](int n) { return std::uniform_int_distribution<int>(0, n)(random); };
    std::vector<ScreeningInput> inputs(count);
    for (auto& input : inputs) {
        const int indicators = 1 + upTo(3);
        for (int i = 0; i < indicators; ++i)
            input.indicators.push_back(rules.indicators[static_cast<size_t>(upTo(static_cast<int>(rules.indicators.size()) - 1))].id);
        if (chance(0.1))
            input.context.unborn = true;
        else
            input.context.ageMonths = upTo(17 * 12);
        for (const auto& flag : rules.contextFlags)
            if (chance(0.15))
                input.context.flags.insert(flag.id);
        if (chance(0.3))
            input.context.dashScore = upTo(27);
        input.context.contactsIn12Months = upTo(6);
        input.context.reReferral = chance(0.1);
    }
    return inputs;
}

nlohmann::json run(const std::vector<std::string>& args) {
    const size_t evaluations = std::stoul(option(args, "evaluations", "200000"));
    const uint64_t seed = std::stoull(option(args, "seed", "20261123"));
    const auto text = resources::embedded(core::kDefaultRuleSetResource).value();

    // Loading: parse, validate every field and condition, hash.
    constexpr int kLoads = 50;
    auto start = std::chrono::steady_clock::now();
    std::shared_ptr<const RuleSet> rules;
    for (int i = 0; i < kLoads; ++i)
        rules = core::loadRuleSetText(text, core::kDefaultRuleSetResource);
    const double loadMs = secondsSince(start) * 1000.0 / kLoads;

    const auto inputs = screeningMix(*rules, 1000, seed);
    long long checksum = 0; // keeps the optimiser from discarding the work
    for (const auto& input : inputs)
        checksum += core::evaluate(*rules, input).level; // warm-up

    std::vector<double> samples;
    samples.reserve(evaluations);
    for (size_t i = 0; i < evaluations; ++i) {
        const auto& input = inputs[i % inputs.size()];
        const auto before = std::chrono::steady_clock::now();
        const auto suggestion = core::evaluate(*rules, input);
        samples.push_back(secondsSince(before) * 1e6);
        checksum += suggestion.level + static_cast<long long>(suggestion.reasons.size());
    }
    double total = 0;
    for (double sample : samples)
        total += sample;
    const double mean = total / static_cast<double>(samples.size());

    // Without a clock read around each call, and with the JSON a front end receives.
    start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < evaluations; ++i)
        checksum += core::evaluate(*rules, inputs[i % inputs.size()]).level;
    const double batchMean = secondsSince(start) * 1e6 / static_cast<double>(evaluations);
    start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < evaluations; ++i)
        checksum += static_cast<long long>(core::evaluate(*rules, inputs[i % inputs.size()]).toJson().dump().size());
    const double withJsonMean = secondsSince(start) * 1e6 / static_cast<double>(evaluations);

    const double p50 = percentile(samples, 50);
    const double p95 = percentile(samples, 95);
    const double p99 = percentile(samples, 99);
    const double worst = samples.back();
    printTable("Threshold rules (" + rules->version + ", " + std::to_string(rules->indicators.size()) +
                   " indicators, " + std::to_string(rules->aggravators.size()) + " aggravating factors)",
               {{"evaluations", std::to_string(evaluations) + " (a mix of 1000 screenings)"},
                {"mean per evaluation", fixed(mean, 2) + " us"},
                {"p50", fixed(p50, 2) + " us"},
                {"p95", fixed(p95, 2) + " us"},
                {"p99", fixed(p99, 2) + " us"},
                {"max", fixed(worst, 2) + " us"},
                {"mean, batch (no per-call clock)", fixed(batchMean, 2) + " us"},
                {"mean, with suggestion JSON", fixed(withJsonMean, 2) + " us"},
                {"load + validate + hash rule set", fixed(loadMs, 2) + " ms"},
                {"peak RSS", fixed(peakRssMiB(), 1) + " MiB"}});
    std::cout << "(checksum " << checksum << ")\n";
    return {{"evaluations", evaluations},
            {"mean_us", mean},
            {"p50_us", p50},
            {"p95_us", p95},
            {"p99_us", p99},
            {"max_us", worst},
            {"batch_mean_us", batchMean},
            {"with_json_mean_us", withJsonMean},
            {"load_ms", loadMs},
            {"peak_rss_mib", peakRssMiB()}};
}

const bool registered = registerSuite(
    {"rules", "threshold evaluation per contact (mean/p50/p95 in microseconds) and rule-set loading",
     [](const std::vector<std::string>& args) { return run(args); }});

} // namespace
} // namespace frontdoor::bench
