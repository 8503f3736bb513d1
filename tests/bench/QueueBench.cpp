// The "queues" suite: what the desktop's sidebar and queue table read, on an existing database (a demo
// or the store suite's file): every queue's count for a duty manager, and the first page (200 rows)
// of each, with every deadline that applies to each row (core::Queues). Read-only.
#include "Bench.h"

#include "Workspace.h"
#include "util/Clock.h"
#include "workflow/Queues.h"

#include <filesystem>
#include <iostream>
#include <map>

namespace frontdoor::bench {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) { return secondsSince(start) * 1000.0; }

nlohmann::json runQueueSuite(const std::vector<std::string>& args) {
    const std::string path =
        option(args, "db", (std::filesystem::temp_directory_path() / "frontdoor-bench.sqlite").string());
    const int rounds = std::stoi(option(args, "rounds", "20"));
    if (!std::filesystem::exists(path))
        throw std::runtime_error(path + " does not exist: make one with `frontdoor-cli demo` or the store suite");
    core::SystemClock clock;
    auto ws = core::Workspace::open(path, clock);
    const core::Actor manager{"mo.manager", "duty_manager"};
    core::Queues queues(*ws);

    const int64_t contacts = ws->db().queryInt("SELECT count(*) FROM contact").value_or(0);
    std::vector<double> countsMs;
    std::map<std::string, std::vector<double>> pageMs, countMs;
    std::map<std::string, size_t> sizes;
    for (int round = 0; round < rounds; ++round) {
        queues.counts(manager); // warm: what differs between rounds is the page cache, not the queries
        auto start = Clock::now();
        for (const auto& count : queues.counts(manager))
            sizes[count.queueId] = static_cast<size_t>(count.items);
        countsMs.push_back(millisecondsSince(start));
        for (const auto& queue : core::queuesForRole(manager.role)) {
            start = Clock::now();
            queues.count(queue.id, manager);
            countMs[queue.id].push_back(millisecondsSince(start));
            start = Clock::now();
            queues.items(queue.id, manager, 200);
            pageMs[queue.id].push_back(millisecondsSince(start));
        }
    }
    std::vector<std::pair<std::string, std::string>> rows{
        {"contacts", std::to_string(contacts)},
        {"all counts (sidebar) p50 / p95", fixed(percentile(countsMs, 50), 2) + " / " + fixed(percentile(countsMs, 95), 2) + " ms"}};
    nlohmann::json figures{{"contacts", contacts},
                           {"counts_ms", {{"p50", percentile(countsMs, 50)}, {"p95", percentile(countsMs, 95)}}}};
    for (auto& [queue, samples] : pageMs) {
        auto& counted = countMs[queue];
        rows.push_back({"  " + queue + " (" + std::to_string(sizes[queue]) + ") count / first page p50",
                        fixed(percentile(counted, 50), 2) + " / " + fixed(percentile(samples, 50), 2) + " ms"});
        figures["first_page_ms"][queue] = {{"items", sizes[queue]}, {"p50", percentile(samples, 50)},
                                           {"p95", percentile(samples, 95)}};
        figures["count_ms"][queue] = {{"p50", percentile(counted, 50)}, {"p95", percentile(counted, 95)}};
    }
    printTable("frontdoor-bench queues", rows);
    return figures;
}

const bool registered = registerSuite(
    {"queues",
     "Every queue's count and first page for a duty manager, with every deadline that applies to each row, on an "
     "existing database. Options: --db PATH --rounds N",
     runQueueSuite});

} // namespace
} // namespace frontdoor::bench
