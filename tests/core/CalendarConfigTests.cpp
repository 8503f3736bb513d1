// An administrator makes replacement calendar data the database's own; deadlines follow it.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "time/CalendarConfig.h"
#include "util/Errors.h"
#include "EmbeddedResources.h"

#include <catch2/catch.hpp>

using namespace frontdoor;

namespace {

core::Json earlyFridays() {
    return {{"opening_hours",
             {{"monday", {{"opens", "09:00"}, {"closes", "17:00"}}},
              {"tuesday", {{"opens", "09:00"}, {"closes", "17:00"}}},
              {"wednesday", {{"opens", "09:00"}, {"closes", "17:00"}}},
              {"thursday", {{"opens", "09:00"}, {"closes", "17:00"}}},
              {"friday", {{"opens", "09:00"}, {"closes", "15:00"}}},
              {"saturday", nullptr},
              {"sunday", nullptr}}}};
}

std::string decisionDue(test::TestWorkspace& t, const std::string& receivedAt) {
    auto input = test::sampleContact();
    input["received_at"] = receivedAt;
    const auto id = core::ContactService(*t.ws).record(t.screener, input).contactId;
    return core::ContactService(*t.ws).show(id)["decision_due"]["due_at"];
}

} // namespace

TEST_CASE("installed calendar settings change the deadlines of new contacts only", "[calendar][config]") {
    test::TestWorkspace t;
    t.clock.set(test::at("2026-11-27T16:00:00Z"));
    const std::string before = decisionDue(t, "2026-11-26T15:30:00Z"); // Thursday 15:30 -> Friday 15:30
    CHECK(before == "2026-11-27T15:30:00.000Z");

    core::CalendarConfigService(*t.ws).install(t.admin, std::nullopt, "", earlyFridays());
    // Friday now closes at 15:00, so the same receipt is due at the close.
    CHECK(decisionDue(t, "2026-11-26T15:30:00Z") == "2026-11-27T15:00:00.000Z");
    CHECK(t.ws->deskCalendar().installed["settings"]["installed_by"] == "ada.admin");

    SECTION("a reopened database uses what was installed") {
        const std::string path = t.ws->db().path();
        t.ws = core::Workspace::open(path, t.clock);
        CHECK(decisionDue(t, "2026-11-26T15:30:00Z") == "2026-11-27T15:00:00.000Z");
    }
    SECTION("rebuilding gives the same projection") {
        const auto digest = t.ws->facts().projectionDigest();
        t.ws->facts().rebuildProjection();
        CHECK(t.ws->facts().projectionDigest() == digest);
    }
}

TEST_CASE("a replacement bank holidays file adds a one-off holiday", "[calendar][config]") {
    test::TestWorkspace t;
    auto feed = core::Json::parse(*frontdoor::resources::embedded("bank-holidays-england-wales.json"));
    // A made-up extra holiday on Monday 30 November 2026.
    auto& events = feed["england-and-wales"]["events"];
    auto position = events.begin();
    while (position != events.end() && (*position)["date"].get<std::string>() < "2026-11-30")
        ++position;
    const core::Json extra{{"title", "Extra bank holiday"}, {"date", "2026-11-30"}, {"notes", ""}, {"bunting", true}};
    events.insert(position, extra);
    t.clock.set(test::at("2026-11-27T16:40:00Z"));
    CHECK(decisionDue(t, "2026-11-27T10:00:00Z") == "2026-11-30T10:00:00.000Z");
    core::CalendarConfigService(*t.ws).install(t.admin, feed, "extra.json", std::nullopt);
    CHECK(decisionDue(t, "2026-11-27T10:00:00Z") == "2026-12-01T10:00:00.000Z");
}

TEST_CASE("a bad calendar file is refused and the calendar in use stays", "[calendar][config]") {
    test::TestWorkspace t;
    auto settings = earlyFridays();
    settings["opening_hours"]["friday"]["closes"] = "25:00";
    CHECK_THROWS_AS(core::CalendarConfigService(*t.ws).install(t.admin, std::nullopt, "", settings),
                    core::ValidationError);
    CHECK_THROWS_AS(core::CalendarConfigService(*t.ws).install(t.screener, std::nullopt, "", earlyFridays()),
                    core::ForbiddenError);
    CHECK(t.ws->deskCalendar().installed["settings"].is_null());
    t.clock.set(test::at("2026-11-27T16:00:00Z"));
    CHECK(decisionDue(t, "2026-11-26T15:30:00Z") == "2026-11-27T15:30:00.000Z");
}
