#pragma once
// A tiny harness for frontdoor-bench suites: registration, timing, percentiles and output.

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace frontdoor::bench {

struct Suite {
    std::string name;
    std::string summary;
    /// Runs with the words after the suite name; prints its table to stdout and returns its figures.
    std::function<nlohmann::json(const std::vector<std::string>& args)> run;
};

/// Suites register themselves at start-up: `static const bool registered = registerSuite({...});`.
bool registerSuite(Suite suite);

/// Seconds since `start`.
inline double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// The p-th percentile (0-100) of `samples` (sorted in place), nearest-rank.
double percentile(std::vector<double>& samples, double p);

/// Peak resident set size of this process so far, in MiB (getrusage).
double peakRssMiB();

/// Builds a demo database of `contacts` contacts (about 0.6 people each, the demo users added) at `path`,
/// replacing any file there, in a child process so its memory is not counted; returns the seconds taken.
double buildDemoDatabase(const std::string& path, int contacts);

/// "--name value" from args, or fallback.
std::string option(const std::vector<std::string>& args, const std::string& name, const std::string& fallback);
bool hasFlag(const std::vector<std::string>& args, const std::string& name);

/// Prints "| label | value |" rows as an aligned table.
void printTable(const std::string& title, const std::vector<std::pair<std::string, std::string>>& rows);

/// Formats a number with a fixed count of decimals.
std::string fixed(double value, int decimals);

} // namespace frontdoor::bench
