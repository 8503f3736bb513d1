// A property of sync through files: whatever desks do offline, however rounds interleave and whenever
// the share drops out, a final round leaves every desk with the same facts and the same projection.
// Fixed seed in CI; FRONTDOOR_SYNC_SEED=N for other runs.
#include "SyncTestSupport.h"

#include "workflow/ContactWorkflow.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

using namespace frontdoor;
using namespace frontdoor::core::sync;
using test::Desk;
using test::Share;

namespace {

uint64_t seedFromEnvironment() {
    const char* text = std::getenv("FRONTDOOR_SYNC_SEED");
    return text ? std::strtoull(text, nullptr, 10) : 20261128;
}

std::vector<std::string> contactsIn(Desk& desk, const char* status) {
    std::vector<std::string> ids;
    auto stmt = desk.ws->db().prepare("SELECT id FROM contact WHERE status = ? ORDER BY id");
    stmt.bindAll(status);
    while (stmt.step())
        ids.push_back(stmt.text(0));
    return ids;
}

} // namespace

TEST_CASE("Random work at three desks, random rounds and outages: a final round makes every desk agree",
          "[sync][property]") {
    const uint64_t seed = seedFromEnvironment();
    INFO("FRONTDOOR_SYNC_SEED=" << seed);
    std::mt19937_64 random(seed);
    Share share;
    Desk a(share, true), b(share), c(share);
    std::vector<Desk*> desks = {&a, &b, &c};
    for (Desk* desk : desks)
        desk->join();
    test::syncAll(desks);

    int recorded = 0, started = 0, rounds = 0, outages = 0;
    for (int step = 0; step < 60; ++step) {
        Desk& desk = *desks[random() % desks.size()];
        const auto passes = std::chrono::minutes{1 + static_cast<int>(random() % 20)};
        for (Desk* each : desks) // one time for all: desks' clocks agree here (scenario 10 is about when they do not)
            each->clock.advance(passes);
        switch (random() % 5) {
        case 0:
        case 1:
            desk.recordContact("Kid" + std::to_string(step));
            ++recorded;
            break;
        case 2: {
            // Possibly the same contact another desk, offline, is starting too: a conflict to keep.
            const auto waiting = contactsIn(desk, "recorded");
            if (!waiting.empty()) {
                core::ContactWorkflow(*desk.ws)
                    .startScreening(test::kScreener, waiting[random() % waiting.size()]);
                ++started;
            }
            break;
        }
        case 3:
            desk.sync();
            ++rounds;
            break;
        default:
            desk.share.setFault(desk.share.fault() == FaultyTransport::Fault::None ? FaultyTransport::Fault::Missing
                                                                                   : FaultyTransport::Fault::None);
            ++outages;
            break;
        }
    }
    INFO(recorded << " recorded, " << started << " screenings started, " << rounds << " rounds, " << outages
                  << " outages toggled");
    for (Desk* desk : desks)
        desk->share.setFault(FaultyTransport::Fault::None);
    test::syncAll(desks, 3);
    for (Desk* desk : desks)
        CHECK(test::notesOf(desk->sync()) == "reachable: ");
    CHECK(test::allEqual(desks));
    CHECK(a.factCount() >= 8 + recorded);
    const int64_t conflicts = openConflicts(a.ws->db());
    for (Desk* desk : desks)
        CHECK(openConflicts(desk->ws->db()) == conflicts);
    if (seed == 20261128) // the CI seed makes two desks start screening one contact while apart
        CHECK(conflicts > 0);
}
