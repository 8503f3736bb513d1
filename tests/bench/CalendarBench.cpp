// frontdoor-bench calendar: how long computing a deadline takes, per kind, from random instants over ten
// years, with its explanation (what a queue of contacts does for every row it shows).
#include "Bench.h"

#include "time/Countdown.h"
#include "time/Deadlines.h"

#include <iostream>
#include <random>

namespace frontdoor::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Every result is folded in here so the optimiser cannot drop the calls being timed.
volatile long long gSink = 0;

struct Timing {
    double meanNs;
    double p50Ns;
    double p95Ns;
};

// Times each call on its own (for percentiles) and the whole batch (for a mean free of clock-read cost).
template <typename Call>
Timing timeCalls(const std::vector<core::Instant>& instants, Call call) {
    long long sink = 0;
    for (size_t i = 0; i < std::min<size_t>(instants.size(), 1000); ++i) // warm caches and the static calendar
        sink += call(instants[i]);
    std::vector<double> samples;
    samples.reserve(instants.size());
    for (const auto instant : instants) {
        const auto start = Clock::now();
        sink += call(instant);
        samples.push_back(std::chrono::duration<double, std::nano>(Clock::now() - start).count());
    }
    const auto batchStart = Clock::now();
    for (const auto instant : instants)
        sink += call(instant);
    const double meanNs = secondsSince(batchStart) * 1e9 / static_cast<double>(instants.size());
    gSink = gSink + sink;
    return {meanNs, percentile(samples, 50), percentile(samples, 95)};
}

nlohmann::json timingJson(const Timing& timing) {
    return {{"mean_ns", timing.meanNs}, {"p50_ns", timing.p50Ns}, {"p95_ns", timing.p95Ns}};
}

std::string timingRow(const Timing& timing) {
    return fixed(timing.meanNs / 1000, 2) + " us mean, " + fixed(timing.p50Ns / 1000, 2) + " us p50, " +
           fixed(timing.p95Ns / 1000, 2) + " us p95";
}

nlohmann::json runCalendar(const std::vector<std::string>& args) {
    const auto calls = static_cast<size_t>(std::stoul(option(args, "calls", "20000")));
    std::mt19937_64 random(std::stoull(option(args, "seed", "20261123")));
    std::uniform_int_distribution<long long> pick(core::toEpochMs(*core::parseInstant("2018-01-01T00:00:00Z")),
                                                  core::toEpochMs(*core::parseInstant("2028-01-01T00:00:00Z")));
    std::vector<core::Instant> instants(calls);
    for (auto& instant : instants)
        instant = core::fromEpochMs(pick(random));

    const auto buildStart = Clock::now();
    const core::WorkingCalendar fresh(core::BankHolidays::embedded(), core::OpeningHours::haltonIcart());
    const double buildMs = secondsSince(buildStart) * 1000;

    const core::Deadlines deadlines(fresh);
    nlohmann::json figures{{"calls_per_kind", calls}, {"calendar_build_ms", buildMs}};
    std::vector<std::pair<std::string, std::string>> rows = {{"calls per kind", std::to_string(calls)},
                                                             {"calendar build", fixed(buildMs, 2) + " ms"}};
    for (const auto kind : core::deadlineKinds()) {
        const auto timing = timeCalls(instants, [&](core::Instant from) {
            const auto deadline = deadlines.compute(kind, from);
            return core::toEpochMs(deadline.due) + static_cast<long long>(deadline.explanation.size());
        });
        const std::string name(core::deadlineKindName(kind));
        figures["deadline"][name] = timingJson(timing);
        rows.emplace_back("deadline " + name, timingRow(timing));
    }
    const auto countdownTiming = timeCalls(instants, [&](core::Instant from) {
        const auto deadline = deadlines.compute(core::DeadlineKind::Decision, from);
        return core::countdown(deadline, from + std::chrono::hours{20}).left.count();
    });
    figures["decision_with_countdown"] = timingJson(countdownTiming);
    rows.emplace_back("decision + countdown", timingRow(countdownTiming));
    const auto openTiming = timeCalls(instants, [&](core::Instant at) { return fresh.isOpen(at) ? 1LL : 0LL; });
    figures["is_open"] = timingJson(openTiming);
    rows.emplace_back("is open", timingRow(openTiming));
    const auto nextTiming = timeCalls(instants, [&](core::Instant at) { return core::toEpochMs(fresh.nextOpening(at)); });
    figures["next_opening"] = timingJson(nextTiming);
    rows.emplace_back("next opening", timingRow(nextTiming));

    printTable("calendar: per call, random instants 2018-2027 (explanations included)", rows);
    return figures;
}

const bool registered = registerSuite(
    {"calendar", "deadline computation per kind, is-open and next-opening, per call (--calls N --seed S)", runCalendar});

} // namespace
} // namespace frontdoor::bench
