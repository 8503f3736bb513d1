// The working calendar: open from 09:00 (inclusive) to closing (exclusive) on working days, who is on
// duty, the next opening, and counting working days and working time.
#include "TestSupport.h"

#include "time/WorkingCalendar.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using frontdoor::test::at;
using namespace std::chrono;

namespace {

core::Date date(const char* text) { return core::parseDate(text).value(); }
const core::WorkingCalendar& calendar() { return core::WorkingCalendar::standard(); }

} // namespace

TEST_CASE("the front door is open from 09:00 to closing on working days; the EDT covers the rest", "[calendar]") {
    const struct {
        const char* instant;
        bool open;
        const char* why;
    } cases[] = {
        {"2026-11-23T08:59:59Z", false, "Monday before 09:00"},
        {"2026-11-23T09:00:00Z", true, "Monday 09:00: opening is inclusive"},
        {"2026-11-23T16:59:59Z", true, "Monday 16:59:59"},
        {"2026-11-23T17:00:00Z", false, "Monday 17:00: closing is exclusive"},
        {"2026-11-26T16:45:00Z", true, "Thursday 16:45"},
        {"2026-11-27T16:29:59Z", true, "Friday 16:29:59"},
        {"2026-11-27T16:30:00Z", false, "Friday closes at 16:30"},
        {"2026-11-28T11:00:00Z", false, "Saturday"},
        {"2026-11-29T11:00:00Z", false, "Sunday"},
        {"2026-12-25T11:00:00Z", false, "Christmas Day"},
        {"2026-12-28T11:00:00Z", false, "Boxing Day substitute"},
        {"2026-06-01T08:59:00+01:00", false, "summer Monday 08:59 BST (07:59 UTC)"},
        {"2026-06-01T09:00:00+01:00", true, "summer Monday 09:00 BST (08:00 UTC)"},
        {"2026-06-01T16:59:00+01:00", true, "summer Monday 16:59 BST"},
        {"2026-06-01T17:00:00+01:00", false, "summer Monday 17:00 BST (16:00 UTC)"},
        {"2026-08-31T11:00:00+01:00", false, "summer bank holiday"},
        {"2028-04-14T11:00:00+01:00", false, "Good Friday 2028, computed"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.instant, c.why);
        CHECK(calendar().isOpen(at(c.instant)) == c.open);
        CHECK(core::dutyName(calendar().onDuty(at(c.instant))) == (c.open ? "day_team" : "edt"));
    }
}

TEST_CASE("the next opening skips evenings, weekends, holidays and clock changes", "[calendar]") {
    const struct {
        const char* from;
        const char* opening;
    } cases[] = {
        {"2026-11-23T08:00:00Z", "2026-11-23T09:00:00Z"},      // early Monday
        {"2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z"},      // already open
        {"2026-11-23T17:00:00Z", "2026-11-24T09:00:00Z"},      // Monday evening
        {"2026-11-27T16:30:00Z", "2026-11-30T09:00:00Z"},      // Friday after close
        {"2026-11-28T10:00:00Z", "2026-11-30T09:00:00Z"},      // Saturday
        {"2026-12-24T17:00:00Z", "2026-12-29T09:00:00Z"},      // Christmas
        {"2026-03-28T12:00:00Z", "2026-03-30T09:00:00+01:00"}, // weekend the clocks go forward
        {"2026-10-24T12:00:00+01:00", "2026-10-26T09:00:00Z"}, // weekend the clocks go back
        {"2022-06-01T17:30:00+01:00", "2022-06-06T09:00:00+01:00"}, // Platinum Jubilee
    };
    for (const auto& c : cases) {
        CAPTURE(c.from);
        CHECK(core::formatInstant(calendar().nextOpening(at(c.from))) == core::formatInstant(at(c.opening)));
    }
}

TEST_CASE("opening and closing times are local clock times on working days only", "[calendar]") {
    CHECK(calendar().openingTime(date("2026-06-05")) == at("2026-06-05T09:00:00+01:00"));
    CHECK(calendar().closingTime(date("2026-06-05")) == at("2026-06-05T16:30:00+01:00"));
    CHECK(calendar().closingTime(date("2026-12-03")) == at("2026-12-03T17:00:00Z"));
    CHECK_THROWS_AS(calendar().closingTime(date("2026-12-25")), std::invalid_argument);
    CHECK_THROWS_AS(calendar().openingTime(date("2026-11-28")), std::invalid_argument);
}

TEST_CASE("working days are counted past weekends and bank holidays", "[calendar]") {
    const struct {
        const char* from;
        int n;
        const char* expected;
    } cases[] = {
        {"2026-11-23", 1, "2026-11-24"}, {"2026-11-27", 1, "2026-11-30"}, {"2026-11-28", 1, "2026-11-30"},
        {"2026-04-02", 1, "2026-04-07"}, // Good Friday and Easter Monday
        {"2026-11-23", 15, "2026-12-14"}, {"2026-12-10", 15, "2027-01-05"}, {"2026-11-23", 45, "2027-01-28"},
        {"2026-11-23", 0, "2026-11-23"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.from, c.n);
        CHECK(core::formatDate(calendar().addWorkingDays(date(c.from), c.n)) == c.expected);
    }
    CHECK(core::formatDate(calendar().nextWorkingDay(date("2027-12-24"))) == "2027-12-29");
}

TEST_CASE("working time counts only opening hours", "[calendar]") {
    CHECK(calendar().workingTimeBetween(at("2026-11-23T15:00:00Z"), at("2026-11-24T11:00:00Z")) == 4h);
    CHECK(calendar().workingTimeBetween(at("2026-11-27T16:00:00Z"), at("2026-11-30T10:00:00Z")) == 1h + 30min);
    CHECK(calendar().workingTimeBetween(at("2026-11-28T10:00:00Z"), at("2026-11-29T10:00:00Z")) == 0h);
    CHECK(calendar().workingTimeBetween(at("2026-11-24T11:00:00Z"), at("2026-11-23T15:00:00Z")) == 0h);
    // A whole week: four days of 8h and Friday's 7.5h.
    CHECK(calendar().workingTimeBetween(at("2026-11-23T00:00:00Z"), at("2026-11-30T00:00:00Z")) == 39h + 30min);

    const auto spans = calendar().workingSpans(at("2026-11-27T14:00:00Z"), 4h);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].begins == at("2026-11-27T14:00:00Z"));
    CHECK(spans[0].ends == at("2026-11-27T16:30:00Z"));
    CHECK(spans[1].begins == at("2026-11-30T09:00:00Z"));
    CHECK(spans[1].ends == at("2026-11-30T10:30:00Z"));
}

TEST_CASE("a listing shows working days, holidays and closed days", "[calendar]") {
    const auto days = calendar().days(date("2027-12-24"), date("2028-01-04"));
    REQUIRE(days.size() == 12);
    CHECK(days[0].toJson()["status"] == "working");
    CHECK(days[0].toJson()["closes"] == "16:30");
    CHECK(days[1].toJson()["status"] == "closed"); // Saturday 25th
    CHECK(days[3].toJson()["status"] == "bank_holiday");
    CHECK(days[3].toJson()["holiday"]["title"] == "Christmas Day");
    CHECK(days[3].toJson()["holiday"]["provisional"] == false);
    CHECK(days[10].toJson()["status"] == "bank_holiday"); // Mon 3 Jan 2028, computed
    CHECK(days[10].toJson()["holiday"]["provisional"] == true);
    CHECK(days[11].toJson()["weekday"] == "Tuesday");
}

TEST_CASE("opening hours are configurable, and a calendar that never opens is refused", "[calendar]") {
    auto hours = core::OpeningHours::haltonIcart();
    hours.set(Saturday, core::DayHours{10h, 12h});
    hours.set(Friday, core::DayHours{9h, 17h});
    const core::WorkingCalendar saturdays(core::BankHolidays::embedded(), hours);
    CHECK(saturdays.isWorkingDay(date("2026-11-28")));
    CHECK(saturdays.isOpen(at("2026-11-28T11:59:00Z")));
    CHECK_FALSE(saturdays.isOpen(at("2026-11-28T12:00:00Z")));
    CHECK(saturdays.isOpen(at("2026-11-27T16:45:00Z")));
    CHECK_FALSE(saturdays.isWorkingDay(date("2026-12-25")));
    CHECK_THROWS_AS(core::WorkingCalendar(core::BankHolidays::embedded(), core::OpeningHours{}), core::ValidationError);
}
