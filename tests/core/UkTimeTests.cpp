// UK local time: BST changes on the last Sundays of March and October, the missing spring hour and the
// repeated autumn hour, and the text forms explanations use.
#include "TestSupport.h"

#include "time/OpeningHours.h"
#include "time/UkTime.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <random>

using namespace frontdoor;
using frontdoor::test::at;
using namespace std::chrono;

namespace {

core::Date date(const char* text) { return core::parseDate(text).value(); }

} // namespace

TEST_CASE("BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October",
          "[calendar]") {
    // From the tz database (Europe/London), 2018-2030.
    const struct {
        int year;
        const char* begins;
        const char* ends;
    } periods[] = {
        {2018, "2018-03-25T01:00:00Z", "2018-10-28T01:00:00Z"}, {2019, "2019-03-31T01:00:00Z", "2019-10-27T01:00:00Z"},
        {2020, "2020-03-29T01:00:00Z", "2020-10-25T01:00:00Z"}, {2021, "2021-03-28T01:00:00Z", "2021-10-31T01:00:00Z"},
        {2022, "2022-03-27T01:00:00Z", "2022-10-30T01:00:00Z"}, {2023, "2023-03-26T01:00:00Z", "2023-10-29T01:00:00Z"},
        {2024, "2024-03-31T01:00:00Z", "2024-10-27T01:00:00Z"}, {2025, "2025-03-30T01:00:00Z", "2025-10-26T01:00:00Z"},
        {2026, "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}, {2027, "2027-03-28T01:00:00Z", "2027-10-31T01:00:00Z"},
        {2028, "2028-03-26T01:00:00Z", "2028-10-29T01:00:00Z"}, {2029, "2029-03-25T01:00:00Z", "2029-10-28T01:00:00Z"},
        {2030, "2030-03-31T01:00:00Z", "2030-10-27T01:00:00Z"},
    };
    for (const auto& expected : periods) {
        CAPTURE(expected.year);
        const auto period = core::bstPeriod(expected.year);
        CHECK(core::formatInstant(period.begins) == core::formatInstant(at(expected.begins)));
        CHECK(core::formatInstant(period.ends) == core::formatInstant(at(expected.ends)));
        CHECK_FALSE(core::isBritishSummerTime(at(expected.begins) - milliseconds{1}));
        CHECK(core::isBritishSummerTime(at(expected.begins)));
        CHECK(core::isBritishSummerTime(at(expected.ends) - milliseconds{1}));
        CHECK_FALSE(core::isBritishSummerTime(at(expected.ends)));
    }
}

TEST_CASE("a UTC instant reads as UK wall-clock time on either side of each change", "[calendar]") {
    const struct {
        const char* utc;
        const char* local;
    } cases[] = {
        {"2026-01-15T12:00:00Z", "2026-01-15T12:00:00.000+00:00"},
        {"2026-07-15T12:00:00Z", "2026-07-15T13:00:00.000+01:00"},
        {"2026-03-29T00:59:59Z", "2026-03-29T00:59:59.000+00:00"}, // the last second of GMT
        {"2026-03-29T01:00:00Z", "2026-03-29T02:00:00.000+01:00"}, // clocks jump from 01:00 to 02:00
        {"2026-10-25T00:30:00Z", "2026-10-25T01:30:00.000+01:00"}, // the first 01:30
        {"2026-10-25T01:30:00Z", "2026-10-25T01:30:00.000+00:00"}, // the second 01:30
        {"2026-06-30T23:30:00Z", "2026-07-01T00:30:00.000+01:00"}, // BST moves the date on
        {"2026-12-31T23:59:59.999Z", "2026-12-31T23:59:59.999+00:00"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.utc);
        CHECK(core::formatUkIso(at(c.utc)) == c.local);
    }
    const auto local = core::toUkLocal(at("2026-06-30T23:30:00Z"));
    CHECK(local.date == date("2026-07-01"));
    CHECK(local.timeOfDay == minutes{30});
    CHECK(local.isBst());
    CHECK(local.weekday() == Wednesday);
}

TEST_CASE("a UK clock reading gives its instant, even in the missing and the repeated hour", "[calendar]") {
    const struct {
        const char* day;
        int hour;
        int minute;
        const char* utc;
    } cases[] = {
        {"2026-11-23", 9, 0, "2026-11-23T09:00:00Z"},
        {"2026-06-01", 9, 0, "2026-06-01T08:00:00Z"},
        {"2026-03-29", 0, 30, "2026-03-29T00:30:00Z"},
        {"2026-03-29", 1, 30, "2026-03-29T01:30:00Z"}, // never on the clock: read as GMT, i.e. 02:30 BST
        {"2026-03-29", 2, 0, "2026-03-29T01:00:00Z"},
        {"2026-03-29", 3, 0, "2026-03-29T02:00:00Z"},
        {"2026-10-25", 0, 30, "2026-10-24T23:30:00Z"},
        {"2026-10-25", 1, 30, "2026-10-25T00:30:00Z"}, // twice on the clock: the first, BST, one
        {"2026-10-25", 2, 0, "2026-10-25T02:00:00Z"},
        {"2026-11-23", 24, 0, "2026-11-24T00:00:00Z"}, // closing at midnight
    };
    for (const auto& c : cases) {
        CAPTURE(c.day, c.hour, c.minute);
        CHECK(core::formatInstant(core::fromUkLocal(date(c.day), hours{c.hour} + minutes{c.minute})) ==
              core::formatInstant(at(c.utc)));
    }
}

TEST_CASE("every instant over ten years survives the trip to UK local time and back", "[calendar]") {
    std::mt19937_64 random(20261123);
    const long long first = core::toEpochMs(at("2018-01-01T00:00:00Z"));
    const long long last = core::toEpochMs(at("2028-01-01T00:00:00Z"));
    std::uniform_int_distribution<long long> pick(first, last);
    for (int i = 0; i < 20000; ++i) {
        const auto instant = core::fromEpochMs(pick(random));
        const auto local = core::toUkLocal(instant);
        const auto back = core::fromUkLocal(local.date, local.timeOfDay);
        // Only the second pass through the repeated October hour reads back as the first.
        if (back != instant) {
            CAPTURE(core::formatInstant(instant));
            CHECK(back == instant - hours{1});
            CHECK_FALSE(local.isBst());
        }
        CHECK(local.offset == minutes{core::isBritishSummerTime(instant) ? 60 : 0});
    }
}

TEST_CASE("times and dates are written the way a person reads them", "[calendar]") {
    CHECK(core::formatUkTime(at("2026-11-26T16:45:00Z")) == "16:45 Thu 26 Nov 2026");
    CHECK(core::formatUkTime(at("2026-06-01T08:00:00Z")) == "09:00 Mon 1 Jun 2026");
    CHECK(core::formatUkTime(at("2026-10-25T00:30:00Z"), true) == "01:30 BST Sun 25 Oct 2026");
    CHECK(core::formatUkTime(at("2026-10-25T01:30:00Z"), true) == "01:30 GMT Sun 25 Oct 2026");
    CHECK(core::formatUkTime(at("2026-11-26T16:45:30Z")) == "16:45:30 Thu 26 Nov 2026");
    CHECK(core::formatUkDate(date("2027-01-01")) == "Fri 1 Jan 2027");
    CHECK(core::weekdayName(Friday) == "Friday");
}

TEST_CASE("Halton iCART opens Monday to Thursday 09:00-17:00 and Friday 09:00-16:30", "[calendar]") {
    const auto hours = core::OpeningHours::haltonIcart();
    for (const auto day : {Monday, Tuesday, Wednesday, Thursday}) {
        REQUIRE(hours.on(day));
        CHECK(hours.on(day)->opens == 9h);
        CHECK(hours.on(day)->closes == 17h);
    }
    REQUIRE(hours.on(Friday));
    CHECK(hours.on(Friday)->closes == 16h + 30min);
    CHECK_FALSE(hours.opensOn(Saturday));
    CHECK_FALSE(hours.opensOn(Sunday));
}

TEST_CASE("opening hours read and write their JSON form", "[calendar]") {
    const auto json = core::Json::parse(R"({
      "monday": {"opens": "08:30", "closes": "17:00"}, "tuesday": {"opens": "08:30", "closes": "17:00"},
      "wednesday": {"opens": "08:30", "closes": "17:00"}, "thursday": {"opens": "08:30", "closes": "17:00"},
      "friday": {"opens": "08:30", "closes": "16:00"}, "saturday": {"opens": "10:00", "closes": "12:00"},
      "sunday": null})");
    const auto hours = core::OpeningHours::fromJson(json);
    CHECK(hours.on(Saturday) == core::DayHours{10h, 12h});
    CHECK_FALSE(hours.opensOn(Sunday));
    CHECK(hours.on(Monday)->opens == 8h + 30min);
    CHECK(core::OpeningHours::fromJson(hours.toJson()) == hours);
    CHECK(core::OpeningHours::fromJson(core::OpeningHours::haltonIcart().toJson()) == core::OpeningHours::haltonIcart());
    CHECK(core::OpeningHours::haltonIcart().toJson()["friday"]["closes"] == "16:30");
}

TEST_CASE("bad opening hours are refused with every problem named", "[calendar]") {
    const auto json = core::Json::parse(R"({
      "monday": {"opens": "9am", "closes": "17:00"}, "tuesday": {"opens": "17:00", "closes": "09:00"},
      "wednesday": {"opens": "09:00", "closes": "24:30"}, "thursday": {"opens": "09:00"},
      "friday": {"opens": "09:00", "closes": "16:30", "lunch": "12:00"}, "saturday": null, "munday": null})");
    try {
        core::OpeningHours::fromJson(json);
        FAIL("accepted bad hours");
    } catch (const core::ValidationError& e) {
        CHECK(e.hasErrorFor("opening_hours.monday.opens"));
        CHECK(e.hasErrorFor("opening_hours.tuesday"));
        CHECK(e.hasErrorFor("opening_hours.wednesday.closes"));
        CHECK(e.hasErrorFor("opening_hours.thursday.closes"));
        CHECK(e.hasErrorFor("opening_hours.friday.lunch"));
        CHECK(e.hasErrorFor("opening_hours.sunday"));
        CHECK(e.hasErrorFor("opening_hours.munday"));
        CHECK_THAT(e.what(), Catch::Contains("not after it opens"));
    }
    const auto allClosed = core::Json::parse(R"({"monday": null, "tuesday": null, "wednesday": null,
      "thursday": null, "friday": null, "saturday": null, "sunday": null})");
    CHECK_THROWS_WITH(core::OpeningHours::fromJson(allClosed), Catch::Contains("no day opens"));
    core::OpeningHours hours;
    CHECK_THROWS_AS(hours.set(Monday, core::DayHours{17h, 9h}), core::ValidationError);
}
