// The "sync-store" suite (issue 12 point 4): what it costs a desk to take in facts from another desk that
// sort before facts it already holds, so that it ends with the projection a desk receiving every fact in
// HLC order would hold. Three ways on the same large database: the facts newer than everything held
// (projected in order), late facts re-projecting only the subjects they touch, and a full rebuild.
#include "Bench.h"

#include "contacts/ContactService.h"
#include "demo/DemoData.h"
#include "store/Sqlite.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace frontdoor::bench {
namespace {

using Steady = std::chrono::steady_clock;
using core::Json;
namespace fs = std::filesystem;

void removeDatabase(const fs::path& path) {
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path.string() + suffix);
}

double buildDatabase(const fs::path& path, int contacts) {
    removeDatabase(path);
    const auto start = Steady::now();
    const pid_t builder = fork();
    if (builder == 0) {
        core::SystemClock clock;
        auto ws = core::Workspace::create(path.string(), clock, core::DatabaseMode::Demo);
        core::DemoOptions options;
        options.contacts = contacts;
        options.batchSize = 2000;
        core::addDemoUsers(*ws, "");
        core::generateDemoData(*ws, options);
        ws->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        _exit(0);
    }
    int status = 0;
    waitpid(builder, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("building the benchmark database failed");
    return secondsSince(start);
}

fs::path copyOf(const fs::path& base, const std::string& name) {
    const fs::path copy = base.parent_path() / name;
    removeDatabase(copy);
    fs::copy_file(base, copy);
    return copy;
}

Json contactInput(int n) {
    return {{"received_at", "2026-11-23T09:15:00Z"},
            {"channel", "phone"},
            {"source", "2A"},
            {"referrer", {{"name", "Dana Whitfield"}, {"agency", "Brookside Primary"}, {"role", "DSL"}}},
            {"children", {{{"given_name", "Ellis" + std::to_string(n)}, {"family_name", "Marwood"},
                           {"date_of_birth", "2015-03-12"}}}},
            {"concern", "Ellis arrived at school hungry for the third day running and says mum is unwell."},
            {"consent", {{"status", "given"}}}};
}

// Facts another desk records while this one goes on working: `contacts` contacts stamped at `wallMs`.
std::vector<core::Fact> otherDeskFacts(const fs::path& folder, core::Workspace& source, int64_t wallMs, int contacts) {
    const fs::path path = folder / "desk-b.sqlite";
    removeDatabase(path);
    core::FixedClock clock{core::fromEpochMs(wallMs)};
    auto desk = core::Workspace::create(path.string(), clock, core::DatabaseMode::Demo);
    // The users (the first facts of the source desk, before any person or contact), so desk B may act.
    const std::string device = source.facts().deviceId();
    std::vector<core::Fact> leading;
    for (const auto& fact : source.facts().deviceFacts(device, 1, 200)) {
        if (fact.type.rfind("person.", 0) == 0 || fact.type.rfind("contact.", 0) == 0)
            break;
        leading.push_back(fact);
    }
    {
        core::Transaction transaction(desk->db());
        desk->facts().importFacts(leading);
        transaction.commit();
    }
    const core::Actor screener{"sam.screener", "screener"};
    for (int i = 0; i < contacts; ++i) {
        clock.advance(std::chrono::milliseconds(1));
        core::ContactService(*desk).record(screener, contactInput(i));
    }
    return desk->facts().deviceFacts(desk->facts().deviceId(), 1, desk->facts().count());
}

struct Taken {
    double seconds = 0;
    std::string how;
    std::string digest;
    bool equalsRebuild = false;
};

Taken takeIn(const fs::path& path, const std::vector<core::Fact>& facts) {
    core::SystemClock clock;
    auto ws = core::Workspace::open(path.string(), clock);
    const auto start = Steady::now();
    {
        core::Transaction transaction(ws->db());
        ws->facts().importFacts(facts);
        transaction.commit();
    }
    Taken taken{secondsSince(start), ws->facts().lastImportProjection(), ws->facts().projectionDigest(), false};
    ws->facts().rebuildProjection();
    taken.equalsRebuild = ws->facts().projectionDigest() == taken.digest;
    return taken;
}

Json runSyncStoreSuite(const std::vector<std::string>& args) {
    const int contacts = std::stoi(option(args, "--contacts", "100000"));
    const int late = std::stoi(option(args, "--late", "200"));
    const int lateContacts = std::stoi(option(args, "--late-contacts", "10"));
    const fs::path folder = option(args, "--dir", (fs::temp_directory_path() / "frontdoor-bench-sync-store").string());
    fs::create_directories(folder);
    // Desk keys for these throwaway databases stay beside them.
    setenv("XDG_DATA_HOME", (folder / "data-home").string().c_str(), 1);
    const fs::path base = folder / "desk-a.sqlite";
    double buildSeconds = 0;
    if (!hasFlag(args, "--reuse") || !fs::exists(base)) {
        std::cerr << "building " << contacts << " contacts...\n";
        buildSeconds = buildDatabase(base, contacts);
    }

    core::SystemClock clock;
    int64_t facts = 0, lateWallMs = 0, newestWallMs = 0;
    std::vector<core::Fact> lateFacts, newFacts;
    {
        auto source = core::Workspace::open(base.string(), clock);
        facts = source->facts().count();
        const auto stamp = [&](int offset) {
            return source->db()
                .queryInt("SELECT hlc FROM facts ORDER BY hlc DESC LIMIT 1 OFFSET " + std::to_string(offset))
                .value_or(0);
        };
        // Desk B's facts sort before this desk's newest `late` facts.
        lateWallMs = core::HlcStamp{stamp(late)}.wallMs();
        newestWallMs = core::HlcStamp{stamp(0)}.wallMs() + 1000;
        lateFacts = otherDeskFacts(folder, *source, lateWallMs, lateContacts);
        newFacts = otherDeskFacts(folder, *source, newestWallMs, lateContacts);
    }

    const Taken inOrder = takeIn(copyOf(base, "in-order.sqlite"), newFacts);
    const Taken subjects = takeIn(copyOf(base, "late.sqlite"), lateFacts);
    double rebuildSeconds = 0;
    {
        const fs::path copy = copyOf(base, "rebuild.sqlite");
        auto ws = core::Workspace::open(copy.string(), clock);
        const auto start = Steady::now();
        ws->facts().rebuildProjection();
        rebuildSeconds = secondsSince(start);
    }
    for (const char* name : {"in-order.sqlite", "late.sqlite", "rebuild.sqlite", "desk-b.sqlite"})
        removeDatabase(folder / name);

    const std::string batch = std::to_string(lateFacts.size()) + " facts (" + std::to_string(lateContacts) + " contacts)";
    printTable("frontdoor-bench sync-store",
               {{"database", std::to_string(contacts) + " contacts, " + std::to_string(facts) + " facts" +
                                 (buildSeconds > 0 ? " (built in " + fixed(buildSeconds, 0) + " s)" : "")},
                {"batch from another desk", batch},
                {"newer than all held (" + inOrder.how + ")", fixed(inOrder.seconds * 1000, 1) + " ms"},
                {"sorting before the newest " + std::to_string(late) + " facts (" + subjects.how + ")",
                 fixed(subjects.seconds * 1000, 1) + " ms"},
                {"full rebuild", fixed(rebuildSeconds, 2) + " s"},
                {"re-projection equals a rebuild", subjects.equalsRebuild && inOrder.equalsRebuild ? "yes" : "NO"}});
    return {{"contacts", contacts},
            {"facts", facts},
            {"batch_facts", lateFacts.size()},
            {"late_behind", late},
            {"in_order_ms", inOrder.seconds * 1000},
            {"in_order_how", inOrder.how},
            {"late_ms", subjects.seconds * 1000},
            {"late_how", subjects.how},
            {"rebuild_s", rebuildSeconds},
            {"equal_to_rebuild", subjects.equalsRebuild && inOrder.equalsRebuild}};
}

const bool registered = registerSuite(
    {"sync-store",
     "Facts from another desk on a 100,000-contact database: newer than all held, sorting before the newest "
     "--late N facts (re-projecting the subjects they touch), and a full rebuild; checks each equals a "
     "rebuild. Options: --contacts N --late N --late-contacts N --dir PATH --reuse",
     runSyncStoreSuite});

} // namespace
} // namespace frontdoor::bench
