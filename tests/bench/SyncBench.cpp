// The "sync" suite (issue 12's Measure): applying 100,000 facts published by another desk, beside
// SQLite inserting the same rows bare; and a sync round with nothing new over 30 desks' folders.
#include "Bench.h"

#include "demo/DemoData.h"
#include "store/Sqlite.h"
#include "sync/BatchFile.h"
#include "sync/ShareTransport.h"
#include "sync/SyncEngine.h"
#include "sync/Team.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <iostream>
#include <random>

namespace frontdoor::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kPassphrase = "a bench team's passphrase";

uint64_t folderBytes(const fs::path& folder) {
    uint64_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file())
            total += entry.file_size();
    return total;
}

uint64_t databaseBytes(const std::string& path) {
    uint64_t total = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ignored;
        const auto size = fs::file_size(path + suffix, ignored);
        if (!ignored)
            total += size;
    }
    return total;
}

// The same rows in a table shaped like the fact log (same columns and unique keys), no projection,
// no checks: what SQLite itself costs.
// Where importFacts spends its time in SQLite, per statement (sqlite3_trace_v2 profile events), for
// `--profile`: the statements run and their total time, largest first, on stderr.
struct SqlProfile {
    std::map<std::string, std::pair<int64_t, int64_t>> bySql; // calls, nanoseconds

    static int record(unsigned, void* context, void* statement, void* nanoseconds) {
        auto* self = static_cast<SqlProfile*>(context);
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
        auto& entry = self->bySql[sql ? sql : "?"];
        ++entry.first;
        entry.second += *static_cast<sqlite3_int64*>(nanoseconds);
        return 0;
    }
    void attach(core::Database& db) { sqlite3_trace_v2(db.handle(), SQLITE_TRACE_PROFILE, &SqlProfile::record, this); }
    static void detach(core::Database& db) { sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr); }
    void print(double totalSeconds) const {
        std::vector<std::pair<int64_t, std::string>> sorted;
        int64_t sum = 0;
        for (const auto& [sql, entry] : bySql) {
            sorted.emplace_back(entry.second, std::to_string(entry.first) + " x " + sql.substr(0, 150));
            sum += entry.second;
        }
        std::sort(sorted.rbegin(), sorted.rend());
        std::cerr << "  SQLite statements: " << fixed(static_cast<double>(sum) / 1e9, 2) << " s of "
                  << fixed(totalSeconds, 2) << " s\n";
        for (size_t i = 0; i < sorted.size() && i < 25; ++i)
            std::cerr << "    " << fixed(static_cast<double>(sorted[i].first) / 1e9, 3) << " s  " << sorted[i].second
                      << "\n";
    }
};

double bareInserts(const std::string& path, const std::vector<core::Fact>& facts) {
    core::Database db(path, core::Database::OpenMode::Create);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("CREATE TABLE facts (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hlc INTEGER NOT NULL, "
            "device_id TEXT NOT NULL, device_seq INTEGER NOT NULL, user_id TEXT NOT NULL, role TEXT NOT NULL, "
            "type TEXT NOT NULL, subject TEXT NOT NULL, payload TEXT NOT NULL, recorded_at TEXT NOT NULL, "
            "hash BLOB NOT NULL, seal BLOB, UNIQUE (device_id, device_seq))");
    db.exec("CREATE INDEX facts_by_subject ON facts(subject, hlc)");
    db.exec("CREATE INDEX facts_by_hlc ON facts(hlc)");
    db.exec("CREATE INDEX facts_by_type ON facts(type, hlc)");
    const auto start = Clock::now();
    core::Transaction transaction(db);
    auto insert = db.prepare("INSERT INTO facts(id, hlc, device_id, device_seq, user_id, role, type, subject, "
                             "payload, recorded_at, hash, seal) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& fact : facts) {
        insert.bindAll(fact.id, fact.hlc.packed, fact.deviceId, fact.deviceSeq, fact.userId, fact.role, fact.type,
                       fact.subject, fact.payload.dump(), core::formatInstant(fact.recordedAt), fact.hash);
        insert.bindBlob(12, fact.seal.data(), fact.seal.size());
        insert.run();
        insert.reset();
    }
    transaction.commit();
    return secondsSince(start);
}

nlohmann::json runSync(const std::vector<std::string>& args) {
    const int targetFacts = std::stoi(option(args, "facts", "100000"));
    const int desks = std::stoi(option(args, "desks", "30"));
    const int rounds = std::stoi(option(args, "rounds", "20"));
    const fs::path root = fs::temp_directory_path() / ("frontdoor-bench-sync-" + std::to_string(std::random_device{}()));
    fs::create_directories(root);
    const auto limits = core::sync::KdfLimits::minimum(); // the key derivation is not what is measured
    core::SystemClock clock;
    nlohmann::json figures;
    std::vector<std::pair<std::string, std::string>> rows;

    {
        // Desk A records a demo history; desk B, new, applies all of it from the share.
        const fs::path share = root / "share";
        fs::create_directories(share);
        core::sync::FolderTransport transport(share.string());
        auto a = core::Workspace::create((root / "a.sqlite").string(), clock, core::DatabaseMode::Demo);
        core::addDemoUsers(*a, "");
        core::DemoOptions demo;
        demo.contacts = std::max(1, targetFacts * 100 / 273); // about 2.73 facts per demo contact
        demo.batchSize = 2000;
        std::cerr << "  recording about " << targetFacts << " facts at desk A...\n";
        core::generateDemoData(*a, demo);
        core::sync::joinTeam(*a, transport, kPassphrase, limits);
        const auto publishStart = Clock::now();
        const auto published = core::sync::SyncEngine(*a, transport).round();
        const double publishSeconds = secondsSince(publishStart);

        auto b = core::Workspace::create((root / "b.sqlite").string(), clock, core::DatabaseMode::Demo);
        core::sync::joinTeam(*b, transport, kPassphrase, limits);
        const auto applyStart = Clock::now();
        const auto applied = core::sync::SyncEngine(*b, transport).round();
        const double applySeconds = secondsSince(applyStart);
        const bool same = a->facts().factsDigest() == b->facts().factsDigest() &&
                          a->facts().projectionDigest() == b->facts().projectionDigest();

        std::vector<core::Fact> facts;
        facts.reserve(static_cast<size_t>(a->facts().count()));
        a->facts().forEach([&](const core::Fact& fact) { facts.push_back(fact); });
        const double bareSeconds = bareInserts((root / "bare.sqlite").string(), facts);

        std::vector<double> noOp;
        core::sync::RoundReport quiet;
        for (int i = 0; i < rounds; ++i) {
            const auto start = Clock::now();
            quiet = core::sync::SyncEngine(*b, transport).round();
            noOp.push_back(secondsSince(start) * 1000);
        }
        if (!quiet.reached())
            throw std::runtime_error("a round with nothing new did not reach the share: " + quiet.reason);

        // What verifying the files costs alone (read, authenticate, decompress, parse, hash every fact).
        const auto team = core::sync::loadDeskTeam(b->db());
        const auto verifyStart = Clock::now();
        size_t verified = 0;
        const std::string folder = "devices/" + a->facts().deviceId() + "/out";
        std::vector<std::vector<core::Fact>> batches;
        for (const auto& name : transport.list(folder)) {
            batches.push_back(core::sync::decodeBatch(*transport.read(folder + "/" + name), team->key).facts);
            verified += batches.back().size();
        }
        const double verifySeconds = secondsSince(verifyStart);

        // And what importing them costs alone (FactStore::importFacts, one transaction a file), at a third desk.
        auto c = core::Workspace::create((root / "c.sqlite").string(), clock, core::DatabaseMode::Demo);
        SqlProfile profile;
        if (hasFlag(args, "profile"))
            profile.attach(c->db());
        const auto importStart = Clock::now();
        for (const auto& batch : batches) {
            core::Transaction transaction(c->db());
            c->facts().importFacts(batch, core::ImportOptions{.hashesChecked = true}); // as SyncEngine does
            transaction.commit();
        }
        const double importSeconds = secondsSince(importStart);
        if (hasFlag(args, "cache-compare")) {
            // The same import at a fourth desk whose connection keeps the workspace's 16 MiB page cache
            // (SyncEngine raises it to 256 MiB while applying; desk C above has the 16 MiB too): run
            // both orders to see what the larger cache is worth.
            for (const int64_t kib : {262144, 16000}) {
                auto d = core::Workspace::create((root / ("d" + std::to_string(kib) + ".sqlite")).string(), clock,
                                                 core::DatabaseMode::Demo);
                d->db().exec("PRAGMA cache_size = -" + std::to_string(kib));
                const auto start = Clock::now();
                for (const auto& batch : batches) {
                    core::Transaction transaction(d->db());
                    d->facts().importFacts(batch, core::ImportOptions{.hashesChecked = true});
                    transaction.commit();
                }
                std::cerr << "  importFacts with a " << kib / 1024 << " MiB page cache: " << fixed(secondsSince(start), 2)
                          << " s\n";
            }
        }
        if (hasFlag(args, "profile")) {
            SqlProfile::detach(c->db());
            profile.print(importSeconds);
            // The work outside SQLite that every fact costs before its projection handlers run.
            const auto hashStart = Clock::now();
            size_t hashed = 0;
            for (const auto& batch : batches)
                for (const auto& fact : batch)
                    hashed += core::computeFactHash(fact).size();
            const double hashSeconds = secondsSince(hashStart);
            const auto dumpStart = Clock::now();
            for (const auto& batch : batches)
                for (const auto& fact : batch)
                    hashed += fact.payload.dump().size();
            std::cerr << "  hashing every fact: " << fixed(hashSeconds, 2) << " s; payload.dump() alone: "
                      << fixed(secondsSince(dumpStart), 2) << " s (" << hashed % 10 << ")\n";
        }

        const double factsPerSecond = static_cast<double>(applied.appliedFacts) / applySeconds;
        const double bareRate = static_cast<double>(facts.size()) / bareSeconds;
        figures["apply"] = {{"facts", applied.appliedFacts},
                            {"files", applied.appliedFiles},
                            {"seconds", applySeconds},
                            {"facts_per_second", factsPerSecond},
                            {"bare_sqlite_seconds", bareSeconds},
                            {"bare_sqlite_rows_per_second", bareRate},
                            {"publish_seconds", publishSeconds},
                            {"verify_only_seconds", verifySeconds},
                            {"verify_only_facts", verified},
                            {"import_only_seconds", importSeconds},
                            {"published_files", published.publishedFiles},
                            {"share_bytes", folderBytes(share)},
                            {"database_bytes", databaseBytes((root / "a.sqlite").string())},
                            {"digests_equal", same}};
        rows.emplace_back("facts from another desk", std::to_string(applied.appliedFacts) + " in " +
                                                         std::to_string(applied.appliedFiles) + " files");
        rows.emplace_back("publish (desk A)", fixed(publishSeconds, 2) + " s");
        rows.emplace_back("apply (desk B, new)", fixed(applySeconds, 2) + " s = " + fixed(factsPerSecond, 0) + " facts/s");
        rows.emplace_back("verifying the files alone", fixed(verifySeconds, 2) + " s (overlapped with importing)");
        rows.emplace_back("importFacts alone (desk C)", fixed(importSeconds, 2) + " s");
        rows.emplace_back("bare SQLite inserts, same rows", fixed(bareSeconds, 2) + " s = " + fixed(bareRate, 0) + " rows/s");
        rows.emplace_back("share vs database", fixed(static_cast<double>(folderBytes(share)) / 1048576.0, 1) + " MiB vs " +
                                                   fixed(static_cast<double>(databaseBytes((root / "a.sqlite").string())) /
                                                             1048576.0, 1) + " MiB");
        rows.emplace_back("digests equal after apply", same ? "yes" : "NO");
        rows.emplace_back("no-op round, 1 other desk, " + std::to_string(facts.size()) + " facts held",
                          "median " + fixed(percentile(noOp, 50), 1) + " ms, p95 " + fixed(percentile(noOp, 95), 1) + " ms");
        figures["no_op_round_large_database_ms"] = {{"median", percentile(noOp, 50)}, {"p95", percentile(noOp, 95)}};
    }

    {
        // `desks` desks, each with a few facts of its own, all published; then rounds with nothing new.
        const fs::path share = root / "share30";
        fs::create_directories(share);
        core::sync::FolderTransport transport(share.string());
        std::vector<std::unique_ptr<core::Workspace>> all;
        std::cerr << "  making " << desks << " desks...\n";
        for (int i = 0; i < desks; ++i) {
            auto desk = core::Workspace::create((root / ("desk" + std::to_string(i) + ".sqlite")).string(), clock,
                                                core::DatabaseMode::Demo);
            core::sync::joinTeam(*desk, transport, kPassphrase, limits);
            core::Transaction transaction(desk->db());
            for (int f = 0; f < 20; ++f)
                desk->facts().append({"bench", "administrator"}, "bench.marker", "desk" + std::to_string(i),
                                     {{"n", f}});
            transaction.commit();
            core::sync::SyncEngine(*desk, transport).round();
            all.push_back(std::move(desk));
        }
        auto& measured = *all.front();
        core::sync::SyncEngine(measured, transport).round();
        std::vector<double> noOp;
        core::sync::RoundReport last;
        for (int i = 0; i < rounds; ++i) {
            const auto start = Clock::now();
            last = core::sync::SyncEngine(measured, transport).round();
            noOp.push_back(secondsSince(start) * 1000);
        }
        figures["no_op_round_ms"] = {{"desks", desks}, {"devices_seen", last.devices.size()},
                                     {"median", percentile(noOp, 50)}, {"p95", percentile(noOp, 95)}};
        rows.emplace_back("no-op round, " + std::to_string(desks) + " desks' folders",
                          "median " + fixed(percentile(noOp, 50), 1) + " ms, p95 " + fixed(percentile(noOp, 95), 1) +
                              " ms (" + std::to_string(last.devices.size()) + " other desks)");
    }

    std::error_code ignored;
    fs::remove_all(root, ignored);
    printTable("sync: apply from another desk, and rounds with nothing new", rows);
    return figures;
}

const bool registered = registerSuite(
    {"sync", "apply 100,000 facts from another desk beside bare SQLite; a no-op round over 30 desks' folders "
             "(--facts N --desks N --rounds N)",
     runSync});

} // namespace
} // namespace frontdoor::bench
