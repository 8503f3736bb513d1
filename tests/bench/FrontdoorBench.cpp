// frontdoor-bench: runs one suite, or all of them, and prints each one's table then its JSON.
#include "Bench.h"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

namespace frontdoor::bench {
namespace {

std::map<std::string, Suite>& suites() {
    static std::map<std::string, Suite> all;
    return all;
}

} // namespace

bool registerSuite(Suite suite) {
    const std::string name = suite.name;
    suites().emplace(name, std::move(suite));
    return true;
}

double percentile(std::vector<double>& samples, double p) {
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples[std::min(samples.size() - 1, rank == 0 ? 0 : rank - 1)];
}

double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

std::string option(const std::vector<std::string>& args, const std::string& name, const std::string& fallback) {
    for (size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--" + name)
            return args[i + 1];
    return fallback;
}

bool hasFlag(const std::vector<std::string>& args, const std::string& name) {
    return std::find(args.begin(), args.end(), "--" + name) != args.end();
}

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

void printTable(const std::string& title, const std::vector<std::pair<std::string, std::string>>& rows) {
    size_t width = 0;
    for (const auto& row : rows)
        width = std::max(width, row.first.size());
    std::cout << "\n" << title << "\n";
    for (const auto& [label, value] : rows)
        std::cout << "| " << label << std::string(width - label.size(), ' ') << " | " << value << " |\n";
    std::cout << std::flush;
}

} // namespace frontdoor::bench

int main(int argc, char** argv) {
    using namespace frontdoor::bench;
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "help") {
        std::cout << "usage: frontdoor-bench SUITE [options]   (or: frontdoor-bench all)\nSuites:\n";
        for (const auto& [name, suite] : suites())
            std::cout << "  " << name << "  " << suite.summary << "\n";
        return 0;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    // The bench's databases are throwaway: their desk keys (store/DeskSeal.h) go to a scratch data folder,
    // never to the account's own ~/.local/share/frontdoor, unless FRONTDOOR_BENCH_DATA_HOME names one (to
    // open a bench database in the app afterwards, run the app with XDG_DATA_HOME set to the same folder).
    {
        const char* chosen = std::getenv("FRONTDOOR_BENCH_DATA_HOME");
        const std::string dataHome = chosen && *chosen
                                         ? std::string(chosen)
                                         : (std::filesystem::temp_directory_path() / "frontdoor-bench-data-home").string();
        setenv("XDG_DATA_HOME", dataHome.c_str(), 1);
        std::cerr << "desk keys of the bench's databases: " << dataHome << "/frontdoor/desk-keys\n";
    }
    nlohmann::json figures = nlohmann::json::object();
    for (const auto& [name, suite] : suites()) {
        if (args[0] != "all" && args[0] != name)
            continue;
        figures[name] = suite.run(rest);
    }
    if (figures.empty()) {
        std::cerr << "no suite called " << args[0] << "; run frontdoor-bench --help\n";
        return 2;
    }
    std::cout << "\n" << figures.dump(2) << "\n";
    return 0;
}
