// Applying files quickly (issue 12, Measure): what the faster import keeps. A file's facts are hashed once,
// by decodeBatch, and importFacts told so still refuses anything that does not continue the chain held
// here; a round that applies files gives the connection its page cache back afterwards.
#include "SyncTestSupport.h"

#include "store/FactStore.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using namespace frontdoor::test;
using Catch::Contains;

namespace {

constexpr core::ImportOptions kHashesChecked{.hashesChecked = true};

core::ImportResult importChecked(Desk& desk, const std::vector<core::Fact>& facts) {
    core::Transaction transaction(desk.ws->db());
    const auto result = desk.ws->facts().importFacts(facts, kHashesChecked);
    transaction.commit();
    return result;
}

} // namespace

TEST_CASE("Facts whose hashes the file's check has verified still have to continue the chain held here",
          "[sync][sync-import]") {
    Share share;
    Desk a(share, true);
    Desk b(share);
    a.recordContact("Amber");
    a.recordContact("Basil");
    const auto head = a.ws->facts().deviceHeads().at(a.deviceId());
    const auto all = a.ws->facts().deviceFacts(a.deviceId(), 1, head.first);
    REQUIRE(all.size() >= 4);
    const int64_t before = b.factCount();

    SECTION("a gap is refused") {
        const std::vector<core::Fact> later(all.begin() + 2, all.end());
        REQUIRE_THROWS_WITH(importChecked(b, later), Contains("a gap") && Contains("missing"));
        CHECK(b.factCount() == before);
    }
    SECTION("a history that differs from the one held is refused, even with its own hashes consistent") {
        importChecked(b, {all.begin(), all.begin() + 2});
        // Fact 3 rewritten at another desk: its content, previous hash and hash all agree with each
        // other, but its previous hash is not the hash of the fact 2 held here.
        core::Fact forged = all[2];
        forged.prevHash = std::string(64, '0');
        forged.hash = core::computeFactHash(forged);
        REQUIRE_THROWS_WITH(importChecked(b, {forged}), Contains("does not follow the fact held before it"));
        CHECK(b.factCount() == before + 2);
    }
    SECTION("a fact id held with other content is refused, and one held with the same content is a no-op") {
        importChecked(b, all);
        const int64_t held = b.factCount();
        core::Fact changed = all[1];
        changed.subject = "someone else";
        changed.hash = core::computeFactHash(changed);
        REQUIRE_THROWS_WITH(importChecked(b, {changed}), Contains("two different facts have the id " + changed.id));
        const auto again = importChecked(b, all);
        CHECK(again.applied == 0);
        CHECK(again.alreadyHeld == static_cast<int64_t>(all.size()));
        CHECK(b.factCount() == held);
    }
    SECTION("a number held with other content is refused") {
        importChecked(b, all);
        core::Fact other = all.back();
        other.id = "0193aaaa-0000-7000-8000-000000000001";
        other.hash = core::computeFactHash(other);
        REQUIRE_THROWS_WITH(importChecked(b, {other}),
                            Contains("has two different facts numbered " + std::to_string(other.deviceSeq)));
    }
}

TEST_CASE("A round that applies files gives the connection its usual page cache back", "[sync][sync-import]") {
    Share share;
    Desk a(share, true);
    Desk b(share);
    a.join();
    b.join();
    a.recordContact("Amber");
    a.sync();
    const auto usual = b.ws->db().queryInt("PRAGMA cache_size");
    const auto report = b.sync();
    REQUIRE(report.appliedFiles == 1);
    CHECK(b.ws->db().queryInt("PRAGMA cache_size") == usual);
    CHECK(allEqual({&a, &b}));
}
