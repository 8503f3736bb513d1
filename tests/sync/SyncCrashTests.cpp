// Issue 12's scenarios about time and processes: clocks that are wrong, a desk killed (SIGKILL) while it
// publishes or applies, two rounds at once on one desk, and a laptop catching up after a week offline.
#include "SyncTestSupport.h"

#include "sync/BatchFile.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <thread>

using namespace frontdoor;
using namespace frontdoor::core::sync;
using test::Desk;
using test::Share;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> namesIn(const fs::path& folder) {
    std::vector<std::string> names;
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(folder, ignored))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Batch files 1..n with no gap and nothing else (no temporary file, no copy).
bool contiguous(const fs::path& folder) {
    const auto names = namesIn(folder);
    for (size_t i = 0; i < names.size(); ++i)
        if (parseBatchFileName(names[i]) != static_cast<int64_t>(i + 1))
            return false;
    return true;
}

// Runs `body` against the desk's database in a child process (this process's connection closed), as a
// second program would; returns the child's wait status.
int inChildProcess(Desk& desk, const std::function<void(core::Workspace&, const std::string& share)>& body,
                   const std::string& share) {
    desk.ws.reset();
    const pid_t child = fork();
    if (child == 0) {
        try {
            auto ws = core::Workspace::open(desk.dbPath(), desk.clock);
            body(*ws, share);
        } catch (...) {
            _exit(3);
        }
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    desk.reopen();
    return status;
}

bool killed(int status) { return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL; }

struct TwoDesks {
    Share share;
    Desk a{share, true};
    Desk b{share};
    TwoDesks() {
        a.join();
        b.join();
        a.sync();
        b.sync();
    }
    fs::path outOf(const Desk& desk) const { return share.path() / "devices" / desk.deviceId() / "out"; }
};

SyncOptions oneFactEach() {
    SyncOptions options;
    options.maxFactsPerFile = 1;
    return options;
}

} // namespace

TEST_CASE("Scenario 10: a desk three hours slow is applied, one two days fast is held until the time comes",
          "[sync][scenario]") {
    TwoDesks t;
    Desk slow(t.share), fast(t.share);
    slow.join();
    fast.join();
    test::syncAll({&t.a, &t.b, &slow, &fast});
    slow.clock.set(test::testNow() - std::chrono::hours{3});
    fast.clock.set(test::testNow() + std::chrono::hours{48});
    slow.recordContact("Sid");
    fast.recordContact("Faye");
    t.a.recordContact("Alfie");
    slow.sync();
    fast.sync();

    const auto round = t.a.sync();
    bool fastHeld = false;
    for (const auto& device : round.devices) {
        if (device.deviceId == slow.deviceId())
            CHECK(device.held.empty());
        if (device.deviceId == fast.deviceId())
            fastHeld = !device.held.empty() && device.held.front().note.find("2 days ahead") != std::string::npos;
    }
    CHECK(fastHeld);

    // Two days later (every clock): the held files are applied and every desk agrees.
    for (Desk* desk : {&t.a, &t.b, &slow, &fast})
        desk->clock.set(test::testNow() + std::chrono::hours{49});
    test::syncAll({&t.a, &t.b, &slow, &fast});
    CHECK(test::allEqual({&t.a, &t.b, &slow, &fast}));
}

TEST_CASE("Scenario 11: a desk killed while publishing, before or after the rename, loses and repeats nothing",
          "[sync][scenario][crash]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.recordContact("Bella");
    const auto fault = GENERATE(FaultyTransport::Fault::KillBeforeRename, FaultyTransport::Fault::KillAfterRename);
    const int status = inChildProcess(
        t.a,
        [fault](core::Workspace& ws, const std::string& share) {
            FolderTransport folder(share);
            FaultyTransport faulty(folder);
            faulty.setFault(fault);
            faulty.failAfterWrites(1);
            SyncEngine(ws, faulty, oneFactEach()).round();
        },
        t.share.path().string());
    REQUIRE(killed(status));

    const auto round = t.a.sync();
    CHECK(round.reached());
    CHECK(round.ownProblems.empty());
    CHECK(contiguous(t.outOf(t.a)));
    t.b.sync();
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 12: a desk killed while applying has applied whole files only, and carries on",
          "[sync][scenario][crash]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.recordContact("Bella");
    t.a.sync(oneFactEach());
    const int64_t before = t.b.factCount();
    const int status = inChildProcess(
        t.b,
        [](core::Workspace& ws, const std::string& share) {
            FolderTransport folder(share);
            FaultyTransport faulty(folder);
            faulty.setFault(FaultyTransport::Fault::KillOnRead);
            faulty.failAfterWrites(2);
            SyncEngine(ws, faulty).round();
        },
        t.share.path().string());
    REQUIRE(killed(status));
    // Whole files only, each with the desk's note of how far it had read: the facts held from a are
    // exactly those of the files b recorded as applied (the users' file, then one fact a file).
    const int64_t nextFile =
        t.b.ws->db().lookupInt("SELECT next_file FROM sync_peer WHERE device_id = ?", t.a.deviceId()).value_or(1);
    const int64_t heldFromA =
        t.b.ws->db().lookupInt("SELECT count(*) FROM facts WHERE device_id = ?", t.a.deviceId()).value_or(0);
    CHECK(nextFile > 2);
    CHECK(heldFromA == 8 + (nextFile - 2));
    CHECK(t.b.factCount() > before);

    CHECK(test::notesOf(t.b.sync()) == "reachable: ");
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 13: two sync rounds at once on one desk (the app and the CLI) take turns", "[sync][scenario]") {
    TwoDesks t;
    for (const char* name : {"Alfie", "Bella", "Cleo"})
        t.a.recordContact(name);
    auto second = core::Workspace::open(t.a.dbPath(), t.a.clock); // the CLI beside the app
    FolderTransport cliShare(t.share.path().string());
    RoundReport fromApp, fromCli;
    std::thread app([&] { fromApp = SyncEngine(*t.a.ws, t.a.share, oneFactEach()).round(); });
    std::thread cli([&] { fromCli = SyncEngine(*second, cliShare, oneFactEach()).round(); });
    app.join();
    cli.join();
    CHECK(test::notesOf(fromApp) == "reachable: ");
    CHECK(test::notesOf(fromCli) == "reachable: ");
    CHECK(fromApp.publishedFacts + fromCli.publishedFacts > 0);
    CHECK(contiguous(t.outOf(t.a)));
    second.reset();
    t.b.sync();
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 21: a laptop offline for a week catches up with 5,000 facts", "[sync][scenario]") {
    TwoDesks t;
    Desk laptop(t.share);
    laptop.join();
    laptop.sync();
    {
        core::Transaction transaction(laptop.ws->db());
        for (int day = 0; day < 7; ++day) {
            laptop.clock.set(test::testNow() + std::chrono::hours{24 * day});
            while (laptop.factCount() < 8 + 5000 * (day + 1) / 7)
                laptop.recordContact("Lee");
        }
        transaction.commit();
    }
    t.a.clock.set(test::testNow() + std::chrono::hours{24 * 7});
    laptop.clock.set(test::testNow() + std::chrono::hours{24 * 7});
    t.b.clock.set(test::testNow() + std::chrono::hours{24 * 7});
    t.a.recordContact("Alfie");
    t.a.sync();

    const auto catchUp = laptop.sync();
    CHECK(catchUp.publishedFacts >= 5000);
    CHECK(catchUp.appliedFacts > 0);
    const auto received = t.b.sync();
    CHECK(received.appliedFacts >= 5000);
    t.a.sync();
    CHECK(test::allEqual({&t.a, &t.b, &laptop}));
}
