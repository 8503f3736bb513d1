// The "sync-join" suite (issue 12's Measure, point 8): a new desk, its database empty, joins a share
// holding the 1,000,000-contact history (the `store` suite's database, published by one desk) and
// applies all of it. It takes minutes, so it runs only when given that database:
//     frontdoor-bench store --db /work/bench-1m.db            (builds it, once)
//     frontdoor-bench sync-join --db /work/bench-1m.db [--work DIR] [--reuse] [--no-digest]
// The database given is never changed: desk A is a copy of it in the work folder. --reuse keeps desk A
// and its published share from an earlier run (in --work), so only the join is measured again.
#include "Bench.h"

#include "store/Sqlite.h"
#include "sync/ShareTransport.h"
#include "sync/SyncEngine.h"
#include "sync/Team.h"

#include <filesystem>
#include <iostream>

namespace frontdoor::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kPassphrase = "a bench team's passphrase";

uint64_t bytesUnder(const fs::path& folder) {
    uint64_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file())
            total += entry.file_size();
    return total;
}

uint64_t databaseBytes(const fs::path& path) {
    uint64_t total = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ignored;
        const auto size = fs::file_size(path.string() + suffix, ignored);
        if (!ignored)
            total += size;
    }
    return total;
}

std::string mib(uint64_t bytes) { return fixed(static_cast<double>(bytes) / 1048576.0, 0) + " MiB"; }

void removeDatabase(const fs::path& path) {
    for (const char* suffix : {"", "-wal", "-shm", ".sync-lock"})
        fs::remove(path.string() + suffix);
}

nlohmann::json runSyncJoin(const std::vector<std::string>& args) {
    const std::string source = option(args, "db", "");
    if (source.empty() || !fs::exists(source)) {
        std::cerr << "sync-join: skipped (it takes minutes); give it the store suite's database: frontdoor-bench "
                     "sync-join --db PATH (frontdoor-bench store --db PATH builds one)\n";
        return {{"skipped", "no --db given"}};
    }
    const fs::path work = option(args, "work", (fs::temp_directory_path() / "frontdoor-bench-sync-join").string());
    const fs::path share = work / "share";
    const fs::path deskA = work / "a.sqlite";
    const fs::path deskB = work / "b.sqlite";
    const bool reuse = hasFlag(args, "reuse") && fs::exists(share / "team.json") && fs::exists(deskA);
    const auto limits = core::sync::KdfLimits::minimum(); // the key derivation is not what is measured
    core::SystemClock clock;
    nlohmann::json figures;
    std::vector<std::pair<std::string, std::string>> rows;

    double publishSeconds = 0;
    int64_t publishedFiles = 0;
    if (!reuse) {
        // Desk A: a copy of the store suite's database, joined to a new share, publishing its whole record.
        fs::remove_all(work);
        fs::create_directories(share);
        std::cerr << "  copying " << source << " to " << deskA << "...\n";
        {
            core::Database checkpoint(source, core::Database::OpenMode::Existing);
            checkpoint.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        fs::copy_file(source, deskA);
        auto a = core::Workspace::open(deskA.string(), clock);
        core::sync::FolderTransport transport(share.string());
        core::sync::joinTeam(*a, transport, kPassphrase, limits);
        std::cerr << "  desk A publishes " << a->facts().count() << " facts...\n";
        const auto start = Clock::now();
        const auto published = core::sync::SyncEngine(*a, transport).round();
        publishSeconds = secondsSince(start);
        publishedFiles = published.publishedFiles;
        if (!published.reached())
            throw std::runtime_error("desk A could not publish: " + published.reason);
    }

    // Desk B: a new desk, its database empty, joins the share and runs its first round.
    removeDatabase(deskB);
    core::sync::FolderTransport transport(share.string());
    const auto joinStart = Clock::now();
    auto b = core::Workspace::create(deskB.string(), clock, core::DatabaseMode::Demo);
    core::sync::joinTeam(*b, transport, kPassphrase, limits);
    std::cerr << "  desk B joins and applies the share...\n";
    const auto applyStart = Clock::now();
    const auto applied = core::sync::SyncEngine(*b, transport).round();
    const double applySeconds = secondsSince(applyStart);
    const double joinSeconds = secondsSince(joinStart);
    if (!applied.reached())
        throw std::runtime_error("desk B could not reach the share: " + applied.reason);
    for (const auto& device : applied.devices)
        for (const auto& problem : device.problems)
            std::cerr << "  problem: " << problem.file << ": " << problem.note << "\n";

    const uint64_t shareBytes = bytesUnder(share);
    const uint64_t aBytes = databaseBytes(deskA);
    const uint64_t bBytes = databaseBytes(deskB);
    const double rate = static_cast<double>(applied.appliedFacts) / applySeconds;
    figures = {{"facts", applied.appliedFacts},
               {"files", applied.appliedFiles},
               {"join_seconds", joinSeconds},
               {"apply_seconds", applySeconds},
               {"facts_per_second", rate},
               {"share_bytes", shareBytes},
               {"database_a_bytes", aBytes},
               {"database_b_bytes", bBytes},
               {"peak_rss_mib", peakRssMiB()}};
    if (!reuse)
        figures["publish_seconds"] = publishSeconds;
    rows.emplace_back("facts applied", std::to_string(applied.appliedFacts) + " in " +
                                           std::to_string(applied.appliedFiles) + " files");
    if (!reuse)
        rows.emplace_back("publish the whole record (desk A)",
                          fixed(publishSeconds, 1) + " s, " + std::to_string(publishedFiles) + " files");
    rows.emplace_back("new desk: create, join, first round",
                      fixed(joinSeconds, 1) + " s = " + fixed(joinSeconds / 60.0, 1) + " min (target < 6 min)");
    rows.emplace_back("of which applying", fixed(applySeconds, 1) + " s = " + fixed(rate, 0) + " facts/s");
    rows.emplace_back("share against the database", mib(shareBytes) + " against " + mib(aBytes) +
                                                         " (desk B's: " + mib(bBytes) + ")");
    rows.emplace_back("peak memory of this process", fixed(peakRssMiB(), 0) + " MiB");

    if (!hasFlag(args, "no-digest")) {
        std::cerr << "  comparing digests...\n";
        auto a = core::Workspace::open(deskA.string(), clock);
        const bool factsEqual = a->facts().factsDigest() == b->facts().factsDigest();
        const bool projectionEqual = a->facts().projectionDigest() == b->facts().projectionDigest();
        figures["facts_digest_equal"] = factsEqual;
        figures["projection_digest_equal"] = projectionEqual;
        rows.emplace_back("digests equal (facts, projection)",
                          std::string(factsEqual ? "yes" : "NO") + ", " + (projectionEqual ? "yes" : "NO"));
    }
    printTable("sync-join: a new desk joins the 1,000,000-contact history", rows);
    return figures;
}

const bool registered = registerSuite(
    {"sync-join", "a new, empty desk joins a share holding the store suite's history and applies it all (takes "
                  "minutes; runs only with --db PATH: --work DIR --reuse --no-digest)",
     runSyncJoin});

} // namespace
} // namespace frontdoor::bench
