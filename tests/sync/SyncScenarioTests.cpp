// Issue 12's fault scenarios: several desks (separate databases) over one shared folder, with faults
// injected in the files themselves or through the transport. Each ends with every desk holding the same
// facts and the same projection (equal digests), nothing lost, and the problem reported where a person
// sees it (the round's report, which `frontdoor-cli sync` prints and the app shows).
#include "SyncTestSupport.h"

#include "contacts/ContactService.h"
#include "store/Migrations.h"
#include "sync/BatchFile.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using namespace frontdoor;
using namespace frontdoor::core::sync;
using test::Desk;
using test::Share;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

fs::path outFolder(const Share& share, const Desk& desk) { return share.path() / "devices" / desk.deviceId() / "out"; }

std::vector<std::string> namesIn(const fs::path& folder) {
    std::vector<std::string> names;
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(folder, ignored))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

const DeviceStatus* statusOf(const RoundReport& report, const Desk& desk) {
    for (const auto& device : report.devices)
        if (device.deviceId == desk.deviceId())
            return &device;
    return nullptr;
}

bool mentions(const std::vector<FileNote>& notes, const std::string& file, const std::string& words) {
    return std::any_of(notes.begin(), notes.end(), [&](const FileNote& note) {
        return note.file.find(file) != std::string::npos && note.note.find(words) != std::string::npos;
    });
}

// A first desk with the team's users and a second desk, both joined and in step.
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
};

// Small batches, so a handful of facts makes several files.
SyncOptions smallFiles() {
    SyncOptions options;
    options.maxFactsPerFile = 4;
    return options;
}

} // namespace

TEST_CASE("A new desk sees a user added at another desk, and that user signs in there after sync",
          "[sync][scenario]") {
    Share share;
    Desk a(share, true);
    a.join();
    const auto added = test::runCli({"user", "add", "kit.newstarter", "--display-name", "Kit Newstarter", "--roles",
                                     "screener", "--new-secret", "582947", "--db", a.dbPath(), "--user", "ada.admin",
                                     "--secret", test::kTestPin});
    REQUIRE(added.exitCode == 0);
    a.reopen();
    REQUIRE(a.sync().reached());

    // The new desk: a database with no users yet may join and sync (through the CLI, as IT would).
    test::ScratchFolder deskB;
    const std::string db = deskB.file("b.sqlite");
    REQUIRE(test::runCli({"init", "--training", "--db", db}).exitCode == 0);
    CHECK(test::runCli({"contact", "list", "--db", db, "--user", "kit.newstarter", "--secret", "582947"}).exitCode == 3);
    ::setenv("FRONTDOOR_TEAM_PASSPHRASE", test::kTeamPassphrase, 1);
    const auto joined = test::runCli({"sync", "join", "--share", share.path().string(), "--db", db});
    ::unsetenv("FRONTDOOR_TEAM_PASSPHRASE");
    REQUIRE(joined.exitCode == 0);
    CHECK(joined.json()["created_team"] == false);
    const auto synced = test::runCli({"sync", "--db", db});
    REQUIRE(synced.exitCode == 0);
    CHECK(synced.json()["share"] == "reachable");
    CHECK(synced.json()["applied"]["facts"].get<int64_t>() == a.factCount());

    const auto signedIn = test::runCli({"contact", "list", "--db", db, "--user", "kit.newstarter", "--secret", "582947"});
    CHECK(signedIn.exitCode == 0);
    const auto status = test::runCli({"sync", "status", "--db", db});
    CHECK(status.json()["last_sync_at"].is_string());
    CHECK(status.json()["share"] == "reachable");
}

TEST_CASE("Scenario 1: a missing share during publish and during apply: unreachable, nothing lost",
          "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    const int64_t before = t.a.factCount();

    t.a.share.setFault(FaultyTransport::Fault::Missing);
    const auto publishing = t.a.sync();
    CHECK(publishing.share == "unreachable");
    CHECK_THAT(publishing.reason, Catch::Contains("drive mapped"));
    CHECK(t.a.factCount() == before);
    t.a.recordContact("Bella"); // work goes on locally
    t.a.share.setFault(FaultyTransport::Fault::None);

    t.b.share.setFault(FaultyTransport::Fault::Missing);
    CHECK(t.a.sync().publishedFacts > 0);
    const auto applying = t.b.sync();
    CHECK(applying.share == "unreachable");
    CHECK(applying.appliedFacts == 0);
    t.b.share.setFault(FaultyTransport::Fault::None);

    const auto back = t.b.sync();
    CHECK(back.reached());
    CHECK(back.appliedFacts > 0);
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 2: a share replaced by an empty folder is unreachable, never 'everything was deleted'",
          "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    test::syncAll({&t.a, &t.b});
    REQUIRE(test::allEqual({&t.a, &t.b}));
    const std::string teamJson = readFile(t.share.path() / "team.json");

    // IT replaces the share with an empty folder.
    fs::remove_all(t.share.path());
    fs::create_directories(t.share.path());
    const int64_t held = t.b.factCount();
    const auto round = t.b.sync();
    CHECK(round.share == "unreachable");
    CHECK_THAT(round.reason, Catch::Contains("no team.json"));
    CHECK(t.b.factCount() == held);
    t.a.recordContact("Bella");
    CHECK(t.a.sync().share == "unreachable");
    CHECK(namesIn(t.share.path()).empty()); // nothing written into a folder that is not the team's

    // team.json restored from IT's backup, the devices' folders lost: each desk publishes its own again.
    writeFile(t.share.path() / "team.json", teamJson);
    test::syncAll({&t.a, &t.b});
    CHECK(test::allEqual({&t.a, &t.b}));
    Desk c(t.share);
    c.join();
    c.sync();
    CHECK(test::allEqual({&t.a, &t.b, &c}));
}

TEST_CASE("Scenario 3: files deleted by someone tidying the share are published again from the log",
          "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.sync(smallFiles());
    const auto folder = outFolder(t.share, t.a);
    REQUIRE(namesIn(folder).size() > 1);
    for (const auto& name : namesIn(folder))
        fs::remove(folder / name);

    const auto round = t.a.sync();
    CHECK(round.republishedFiles > 1);
    Desk c(t.share);
    c.join();
    c.sync();
    t.b.sync();
    CHECK(test::allEqual({&t.a, &t.b, &c}));
}

TEST_CASE("Scenario 4: a torn file is a problem reported and retried, applied once complete", "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.sync();
    const auto folder = outFolder(t.share, t.a);
    const std::string last = namesIn(folder).back();
    const std::string whole = readFile(folder / last);
    writeFile(folder / last, whole.substr(0, whole.size() / 2));

    const int64_t before = t.b.factCount();
    const auto torn = t.b.sync();
    CHECK(torn.reached());
    CHECK(t.b.factCount() == before); // nothing of a file applied before all of it is verified
    REQUIRE(statusOf(torn, t.a));
    CHECK(mentions(statusOf(torn, t.a)->problems, last, "incomplete"));

    writeFile(folder / last, whole); // the copy completes
    const auto later = t.b.sync();
    CHECK(statusOf(later, t.a)->problems.empty());
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 5: a flipped byte is found before anything is applied, and the owner writes the file again",
          "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.sync();
    const auto folder = outFolder(t.share, t.a);
    const std::string last = namesIn(folder).back();
    std::string bytes = readFile(folder / last);
    bytes[bytes.size() - 40] = static_cast<char>(bytes[bytes.size() - 40] ^ 0x20);
    writeFile(folder / last, bytes);

    const int64_t before = t.b.factCount();
    const auto damaged = t.b.sync();
    CHECK(t.b.factCount() == before);
    CHECK(mentions(statusOf(damaged, t.a)->problems, last, "does not authenticate"));

    const auto owner = t.a.sync();
    CHECK(mentions(owner.ownProblems, last, "written again"));
    CHECK(owner.republishedFiles == 1);
    t.b.sync();
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 6: a leftover temporary file is never applied, and its owner clears it", "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.sync();
    const auto folder = outFolder(t.share, t.a);
    writeFile(folder / ".0123456789abcdef.tmp", "half a file");

    const auto reader = t.b.sync();
    CHECK(statusOf(reader, t.a)->problems.empty());
    CHECK(test::allEqual({&t.a, &t.b}));
    t.a.sync();
    const auto names = namesIn(folder);
    CHECK(std::none_of(names.begin(), names.end(), [](const std::string& n) { return isTemporaryName(n); }));
}

TEST_CASE("Scenario 7: a gap stops that desk's apply at the gap, reported, never skipped", "[sync][scenario]") {
    TwoDesks t;
    SyncOptions oneFactEach;
    oneFactEach.maxFactsPerFile = 1;
    t.a.recordContact("Alfie");
    t.a.recordContact("Bella");
    t.a.sync(oneFactEach);
    const auto folder = outFolder(t.share, t.a);
    const auto names = namesIn(folder);
    REQUIRE(names.size() >= 4);
    const std::string gap = names[2];
    fs::remove(folder / gap);

    const int64_t before = t.b.factCount();
    const auto round = t.b.sync();
    const auto* a = statusOf(round, t.a);
    REQUIRE(a);
    CHECK(mentions(a->problems, gap, "missing"));
    CHECK(a->nextFile == 3);
    CHECK(a->waiting == static_cast<int64_t>(names.size()) - 3);
    CHECK(t.b.factCount() == before + 1); // file 2 applied, nothing after the gap

    t.a.sync(); // the owner publishes the missing file again
    const auto after = t.b.sync();
    CHECK(statusOf(after, t.a)->problems.empty());
    CHECK(statusOf(after, t.a)->waiting == 0);
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 8: the same file twice changes nothing, a copy under another name is reported, not applied",
          "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.sync();
    const auto folder = outFolder(t.share, t.a);
    const std::string last = namesIn(folder).back();
    fs::copy_file(folder / last, folder / (last.substr(0, 8) + " (1).fdb"));
    fs::copy_file(folder / last, folder / (last + "-DESKTOP-4KQ2.fdb"));

    const auto first = t.b.sync();
    CHECK(mentions(statusOf(first, t.a)->problems, " (1).fdb", "not a Frontdoor batch file name"));
    CHECK(mentions(statusOf(first, t.a)->problems, "DESKTOP-4KQ2", "not a Frontdoor batch file name"));
    CHECK(test::allEqual({&t.a, &t.b}));
    const std::string digest = t.b.digest();

    // Delivered again (b forgets how far it had read): every fact is already held, nothing changes.
    t.b.ws->db().exec("DELETE FROM sync_peer");
    const auto again = t.b.sync();
    CHECK(again.appliedFiles > 0);
    CHECK(again.appliedFacts == 0);
    CHECK(t.b.digest() == digest);
    CHECK(fs::exists(folder / (last.substr(0, 8) + " (1).fdb"))); // never deleted
}

TEST_CASE("Scenario 9: files from several desks arriving in every order give the same result",
          "[sync][scenario]") {
    Share share;
    Desk a(share, true), b(share), c(share);
    for (Desk* desk : {&a, &b, &c})
        desk->join();
    test::syncAll({&a, &b, &c});
    // Offline, each desk records its own work; b and c also act on a's contact.
    const std::string contact = a.recordContact("Alfie");
    b.recordContact("Bella");
    c.recordContact("Cleo");
    a.sync();
    b.sync();
    c.sync();
    test::syncAll({&a, &b, &c});
    REQUIRE(test::allEqual({&a, &b, &c}));

    // A new desk receives the three desks' folders one at a time, in each of the six orders.
    std::vector<Desk*> order = {&a, &b, &c};
    std::sort(order.begin(), order.end());
    do {
        Share own;
        fs::copy_file(share.path() / "team.json", own.path() / "team.json");
        Desk d(own);
        d.join();
        for (Desk* from : order) {
            fs::copy(share.path() / "devices" / from->deviceId(), own.path() / "devices" / from->deviceId(),
                     fs::copy_options::recursive);
            const auto round = d.sync();
            CHECK(test::notesOf(round) == "reachable: ");
        }
        CHECK(d.digest() == a.digest());
    } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("Scenario 16: a desk restored from an old backup takes its own facts back before publishing",
          "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.sync();
    test::ScratchFolder backups;
    const std::string backup = backups.file("a-monday.sqlite");
    t.a.ws->db().exec("VACUUM INTO '" + backup + "'");

    t.a.recordContact("Bella");
    t.a.sync();
    t.b.sync();
    const int64_t newest = t.a.factCount();
    const std::string agreed = t.a.digest();

    // The desk's disk fails; IT restores Monday's backup.
    t.a.ws.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(t.a.dbPath() + suffix);
    fs::copy_file(backup, t.a.dbPath());
    t.a.reopen();
    REQUIRE(t.a.factCount() < newest);

    const auto round = t.a.sync();
    CHECK(round.reached());
    CHECK(round.takenBackFacts > 0);
    CHECK(round.publishedFacts == 0);
    CHECK(t.a.factCount() == newest);
    CHECK(t.a.digest() == agreed);

    // New work continues the sequence: no number is used twice with different content.
    t.a.recordContact("Cleo");
    const auto next = t.a.sync();
    CHECK(next.publishedFacts > 0);
    t.b.sync();
    CHECK(test::notesOf(t.b.sync()) == "reachable: ");
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 17: two desks with one device id are stopped, the copy takes a new identity and loses nothing",
          "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.sync();
    t.b.sync();
    // A disk image of desk a is put on a second PC.
    Desk clone(t.share);
    clone.ws.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(clone.dbPath() + suffix);
    t.a.ws->db().exec("VACUUM INTO '" + clone.dbPath() + "'");
    clone.reopen();
    REQUIRE(clone.deviceId() == t.a.deviceId());

    t.a.recordContact("Bella");
    const std::string cloneWork = clone.recordContact("Cleo");
    t.a.sync();
    const auto stopped = clone.sync();
    CHECK(stopped.share == "refused");
    CHECK_THAT(stopped.reason, Catch::Contains("in use at another desk") && Catch::Contains("sync reidentify"));
    CHECK(stopped.publishedFacts == 0);
    CHECK(t.a.sync().reached()); // the original is not disturbed

    clone.ws.reset();
    const auto result = reidentify(clone.dbPath(), clone.clock, clone.share);
    CHECK(result.oldDeviceId == t.a.deviceId());
    CHECK(result.newDeviceId != result.oldDeviceId);
    CHECK(result.factsRerecorded > 0);
    CHECK(fs::exists(result.previousDatabase));
    clone.reopen();
    CHECK(clone.deviceId() == result.newDeviceId);

    test::syncAll({&t.a, &t.b, &clone});
    CHECK(test::allEqual({&t.a, &t.b, &clone}));
    // The copy's own work reached every desk, under its new identity.
    CHECK_NOTHROW(core::ContactService(*t.b.ws).show(cloneWork));
}

TEST_CASE("Scenario 18: a wrong passphrase and another team's share are refused in plain words",
          "[sync][scenario]") {
    TwoDesks t;
    Desk stranger(t.share);
    CHECK_THROWS_WITH(stranger.join("not the team passphrase at all"), Catch::Contains("passphrase"));

    // The share's team.json replaced by another team's: every round is refused, nothing is published.
    Share other;
    Desk elsewhere(other);
    elsewhere.join("another team's passphrase");
    t.a.recordContact("Alfie");
    const auto ours = readFile(t.share.path() / "team.json");
    fs::copy_file(other.path() / "team.json", t.share.path() / "team.json", fs::copy_options::overwrite_existing);
    const auto refused = t.a.sync();
    CHECK(refused.share == "refused");
    CHECK_THAT(refused.reason, Catch::Contains("belongs to another team"));
    CHECK(refused.publishedFacts == 0);
    writeFile(t.share.path() / "team.json", ours);
    t.a.sync();
    t.b.sync();
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 19: a file from a newer format or schema is held with its reason, never dropped",
          "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.sync();
    const auto folder = outFolder(t.share, t.a);
    const std::string last = namesIn(folder).back();
    const std::string original = readFile(folder / last);

    SECTION("a newer batch format") {
        std::string newer = original;
        newer[8] = 2;
        writeFile(folder / last, newer);
    }
    SECTION("a newer schema") {
        auto batch = decodeBatch(original, loadDeskTeam(t.a.ws->db())->key);
        REQUIRE(batch.status == DecodedBatch::Status::Ok);
        batch.header.schemaVersion = static_cast<uint32_t>(core::latestSchemaVersion() + 1);
        writeFile(folder / last, encodeBatch(batch.header, batch.facts, loadDeskTeam(t.a.ws->db())->key));
    }
    const int64_t before = t.b.factCount();
    const auto held = t.b.sync();
    CHECK(held.reached());
    CHECK(t.b.factCount() == before);
    REQUIRE(statusOf(held, t.a));
    CHECK(mentions(statusOf(held, t.a)->held, last, "upgrade Frontdoor on this desk"));
    CHECK(fs::exists(folder / last));

    // This desk upgraded (here: the file as this build writes it): applied.
    writeFile(folder / last, original);
    t.b.sync();
    CHECK(test::allEqual({&t.a, &t.b}));
}

TEST_CASE("Scenario 20: a read-only share, and one that fills up mid-write", "[sync][scenario]") {
    TwoDesks t;
    t.a.recordContact("Alfie");
    t.a.recordContact("Bella");

    SECTION("read-only: unreachable, saying why; published once writable") {
        t.a.share.setFault(FaultyTransport::Fault::ReadOnly);
        const auto round = t.a.sync();
        CHECK(round.share == "unreachable");
        CHECK_THAT(round.reason, Catch::Contains("read-only"));
        t.a.share.setFault(FaultyTransport::Fault::None);
    }
    SECTION("full after the first file: no partial file under a final name; the rest follows later") {
        t.a.share.setFault(FaultyTransport::Fault::DiskFullMidWrite);
        t.a.share.failAfterWrites(1);
        const auto round = t.a.sync(smallFiles());
        CHECK(round.share == "unreachable");
        CHECK_THAT(round.reason, Catch::Contains("full"));
        const auto folder = outFolder(t.share, t.a);
        for (const auto& name : namesIn(folder))
            if (parseBatchFileName(name))
                CHECK(decodeBatch(readFile(folder / name), loadDeskTeam(t.a.ws->db())->key).status ==
                      DecodedBatch::Status::Ok);
        t.a.share.setFault(FaultyTransport::Fault::None);
        t.a.sync(smallFiles());
        const auto names = namesIn(folder);
        CHECK(std::none_of(names.begin(), names.end(), [](const std::string& n) { return isTemporaryName(n); }));
    }
    const auto published = t.a.sync();
    CHECK(published.reached());
    t.b.sync();
    CHECK(test::allEqual({&t.a, &t.b}));
}
