// The demo generator: made-up data that exercises every part of the record, reproducibly.
#include "TestSupport.h"

#include "demo/DemoData.h"
#include "workflow/Queues.h"

#include <catch2/catch.hpp>

using namespace frontdoor;

TEST_CASE("demo data takes this week's contacts part way through the workflow, for any seed", "[demo]") {
    for (uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
        DYNAMIC_SECTION("seed " << seed) {
            test::TestWorkspace t(false);
            REQUIRE(core::addDemoUsers(*t.ws, ""));
            core::DemoOptions options;
            options.contacts = 400;
            options.seed = seed;
            options.openContacts = 150; // many open ones, so every step of the workflow is reached
            const auto summary = core::generateDemoData(*t.ws, options);
            CHECK(summary.contacts == 400);
            core::Queues queues(*t.ws);
            const core::Actor manager{"mo.manager", "duty_manager"};
            CHECK_FALSE(queues.items("awaiting_screening", manager).empty());
            CHECK_FALSE(queues.items("awaiting_signoff", manager).empty());
            CHECK_FALSE(queues.items("referrer_feedback", manager).empty());
            // Every open contact carries its decision deadline.
            CHECK(t.ws->db().queryInt("SELECT count(*) FROM contact WHERE decision_due_at IS NULL") == 0);
            const auto digest = t.ws->facts().projectionDigest();
            t.ws->facts().rebuildProjection();
            CHECK(t.ws->facts().projectionDigest() == digest);
        }
    }
}
