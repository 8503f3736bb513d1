// The pieces under sync: a fact's full-fidelity line, the encrypted batch file and its names, the share
// transport (never replacing a name, failing as a council's share does), and joining a team.
#include "SyncTestSupport.h"

#include "contacts/ContactService.h"
#include "store/Migrations.h"
#include "sync/BatchFile.h"
#include "sync/FactCodec.h"
#include "util/Errors.h"
#include "util/Text.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace frontdoor;
using namespace frontdoor::core::sync;
using test::Desk;
using test::Share;

namespace {

std::vector<core::Fact> someFacts(test::TestWorkspace& t) {
    core::ContactService(*t.ws).record(t.screener, test::sampleContact());
    std::vector<core::Fact> facts;
    t.ws->facts().forEach([&](const core::Fact& fact) {
        if (fact.deviceId == t.ws->facts().deviceId())
            facts.push_back(fact);
    });
    // The log gives hashes; the chain's previous hashes are what a publisher fills in.
    for (size_t i = 1; i < facts.size(); ++i)
        facts[i].prevHash = facts[i - 1].hash;
    return facts;
}

const std::string kKey(32, 'k');

BatchHeader headerFor(const std::vector<core::Fact>& facts) {
    BatchHeader header;
    header.schemaVersion = static_cast<uint32_t>(core::latestSchemaVersion());
    header.teamId = "01900000-0000-7000-8000-000000000001";
    header.deviceId = facts.front().deviceId;
    header.fileSeq = 1;
    return header;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("A fact read back from its line is the fact recorded: same hash, same seal", "[sync][codec]") {
    test::TestWorkspace t;
    const auto facts = someFacts(t);
    REQUIRE(facts.size() > 3);
    for (const auto& fact : facts) {
        const core::Fact back = decodeFact(encodeFact(fact));
        CHECK(back.id == fact.id);
        CHECK(back.hlc == fact.hlc);
        CHECK(back.recordedAt == fact.recordedAt);
        CHECK(back.payload == fact.payload);
        CHECK(back.seal == fact.seal);
        CHECK(back.prevHash == fact.prevHash);
        CHECK(core::computeFactHash(back) == fact.hash);
    }
    CHECK_THROWS_AS(decodeFact(R"({"id": "x"})"), FactCodecError);
    CHECK_THROWS_WITH(decodeFacts(encodeFact(facts.front())), Catch::Contains("not ended by a newline"));
}

TEST_CASE("A batch file is read back whole, and any damage is found before a fact is used", "[sync][batch]") {
    test::TestWorkspace t;
    const auto facts = someFacts(t);
    const std::string file = encodeBatch(headerFor(facts), facts, kKey);

    const auto good = decodeBatch(file, kKey);
    REQUIRE(good.status == DecodedBatch::Status::Ok);
    CHECK(good.facts.size() == facts.size());
    CHECK(good.header.firstSeq == 1);
    CHECK(good.header.lastSeq == static_cast<int64_t>(facts.size()));
    CHECK(good.header.factCount == facts.size());

    // The body is encrypted and compressed: no child's name is readable on the share.
    CHECK(file.find("Smith") == std::string::npos);

    SECTION("a flipped byte in the body or in the header does not authenticate") {
        for (const size_t at : {file.size() - 5, size_t{20}, size_t{100}}) {
            std::string damaged = file;
            damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
            const auto read = decodeBatch(damaged, kKey);
            CHECK(read.status == DecodedBatch::Status::Damaged);
            CHECK(read.facts.empty());
        }
    }
    SECTION("another team's key does not authenticate it") {
        const auto read = decodeBatch(file, std::string(32, 'x'));
        CHECK(read.status == DecodedBatch::Status::Damaged);
        CHECK_THAT(read.problem, Catch::Contains("does not authenticate"));
    }
    SECTION("a file cut short is incomplete, to be tried again, not damaged") {
        for (const size_t length : {size_t{5}, size_t{60}, file.size() - 1}) {
            const auto read = decodeBatch(file.substr(0, length), kKey);
            CHECK(read.status == DecodedBatch::Status::Incomplete);
        }
    }
    SECTION("a newer format is held, with the words to upgrade") {
        std::string newer = file;
        newer[8] = 2;
        const auto read = decodeBatch(newer, kKey);
        CHECK(read.status == DecodedBatch::Status::NewerFormat);
        CHECK_THAT(read.problem, Catch::Contains("upgrade Frontdoor on this desk"));
    }
    SECTION("something else under a batch name is not a batch") {
        CHECK(decodeBatch("hello, this is a text file\n", kKey).status == DecodedBatch::Status::NotABatch);
    }
}

TEST_CASE("Only exact batch names count, copies and temporary files do not", "[sync][batch]") {
    CHECK(batchFileName(42) == "00000042.fdb");
    CHECK(parseBatchFileName("00000042.fdb") == 42);
    CHECK_FALSE(parseBatchFileName("00000042 (1).fdb"));
    CHECK_FALSE(parseBatchFileName("00000042.fdb-DESKTOP-4KQ2.fdb"));
    CHECK_FALSE(parseBatchFileName("42.fdb"));
    CHECK_FALSE(parseBatchFileName("00000000.fdb"));
    CHECK_FALSE(parseBatchFileName("00000042.FDB"));
    CHECK(isTemporaryName(".0a1b2c3d4e5f6071.tmp"));
    CHECK_FALSE(isTemporaryName("00000042.fdb"));
}

TEST_CASE("Writing to the share never replaces a file and leaves no temporary file", "[sync][transport]") {
    Share share;
    FolderTransport transport(share.path().string());
    transport.makeFolders("devices/a/out");
    CHECK(transport.writeNew("devices/a/out/00000001.fdb", "first"));
    CHECK_FALSE(transport.writeNew("devices/a/out/00000001.fdb", "second"));
    CHECK(readFile(share.file("devices/a/out/00000001.fdb")) == "first");
    CHECK(transport.list("devices/a/out") == std::vector<std::string>{"00000001.fdb"});
    CHECK(transport.list("devices/none").empty());
    CHECK_FALSE(transport.read("devices/a/out/00000002.fdb"));

    FolderTransport missing((share.path() / "not-mounted").string());
    CHECK_THROWS_AS(missing.checkReachable(), ShareUnreachable);
}

TEST_CASE("The faulty share fails the way a council's share does", "[sync][transport]") {
    Share share;
    FolderTransport folder(share.path().string());
    FaultyTransport faulty(folder);
    faulty.makeFolders("out");

    faulty.setFault(FaultyTransport::Fault::Missing);
    CHECK_THROWS_WITH(faulty.checkReachable(), Catch::Contains("is the drive mapped"));
    faulty.setFault(FaultyTransport::Fault::PermissionDenied);
    CHECK_THROWS_WITH(faulty.list("out"), Catch::Contains("permission denied"));
    faulty.setFault(FaultyTransport::Fault::ReadOnly);
    CHECK_NOTHROW(faulty.list("out"));
    CHECK_THROWS_WITH(faulty.writeNew("out/00000001.fdb", "x"), Catch::Contains("read-only"));
    faulty.setFault(FaultyTransport::Fault::DiskFullMidWrite);
    CHECK_THROWS_WITH(faulty.writeNew("out/00000001.fdb", "0123456789"), Catch::Contains("full"));
    // Half a file under a temporary name, nothing under the final one.
    const auto names = folder.list("out");
    REQUIRE(names.size() == 1);
    CHECK(isTemporaryName(names.front()));
    faulty.setFault(FaultyTransport::Fault::None);
    CHECK(faulty.writeNew("out/00000001.fdb", "0123456789"));
}

TEST_CASE("Joining: the first desk makes the team, the passphrase, the team and the mode are checked",
          "[sync][team]") {
    Share share;
    Desk first(share, true);
    const auto made = first.join();
    CHECK(made.createdTeam);
    const std::string teamJson = readFile(share.file("team.json"));
    const auto team = core::Json::parse(teamJson);
    CHECK(team["team_id"] == made.teamId);
    CHECK(team["mode"] == "training");
    CHECK(team["kdf"]["algorithm"] == "argon2id13");
    // The key never leaves the desk: team.json holds a check value, not the key.
    const auto deskTeam = loadDeskTeam(first.ws->db());
    REQUIRE(deskTeam);
    CHECK(teamJson.find(core::toHex(deskTeam->key)) == std::string::npos);

    Desk second(share);
    SECTION("the right passphrase joins the same team") {
        const auto joined = second.join();
        CHECK_FALSE(joined.createdTeam);
        CHECK(joined.teamId == made.teamId);
        CHECK(loadDeskTeam(second.ws->db())->key == deskTeam->key);
    }
    SECTION("a wrong passphrase is refused in plain words, and nothing is saved") {
        CHECK_THROWS_WITH(second.join("not the team passphrase"),
                          Catch::Contains("passphrase is not the one this share's team uses"));
        CHECK_FALSE(loadDeskTeam(second.ws->db()));
    }
    SECTION("no passphrase is a validation error naming the variable") {
        try {
            second.join("");
            FAIL("joined without a passphrase");
        } catch (const core::ValidationError& e) {
            CHECK(e.hasErrorFor("FRONTDOOR_TEAM_PASSPHRASE"));
        }
    }
    SECTION("a desk of one team is refused another team's share") {
        Share other;
        Desk stranger(other);
        stranger.join("another team's long passphrase");
        core::sync::FolderTransport otherShare(share.path().string());
        CHECK_THROWS_WITH(core::sync::joinTeam(*stranger.ws, otherShare, test::kTeamPassphrase),
                          Catch::Contains("belongs to another team"));
    }
    SECTION("a live database never joins a training team's share") {
        test::ScratchFolder liveFolder;
        core::SystemClock clock;
        auto live = core::Workspace::create(liveFolder.file("live.sqlite"), clock, core::DatabaseMode::Live);
        CHECK_THROWS_WITH(core::sync::joinTeam(*live, second.share, test::kTeamPassphrase),
                          Catch::Contains("live") && Catch::Contains("never joins"));
        CHECK_FALSE(loadDeskTeam(live->db()));
    }
}
