// Bank holidays: the gov.uk data checked on load, every real holiday 2018-2027 honoured, and the regular
// pattern computed (and marked provisional) beyond the data.
#include "CalendarTestData.h"
#include "TestSupport.h"

#include "time/BankHolidays.h"
#include "time/WorkingCalendar.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>

using namespace frontdoor;
using namespace std::chrono;

namespace {

core::Date date(const std::string& text) { return core::parseDate(text).value(); }

std::set<std::string> datesOf(const std::vector<core::BankHoliday>& holidays) {
    std::set<std::string> dates;
    for (const auto& holiday : holidays)
        dates.insert(core::formatDate(holiday.date));
    return dates;
}

core::Json feedWith(const core::Json& events) {
    return {{"england-and-wales", {{"division", "england-and-wales"}, {"events", events}}}};
}

core::Json event(const std::string& day, const std::string& title = "A holiday") {
    return {{"title", title}, {"date", day}, {"notes", ""}, {"bunting", true}};
}

core::ValidationError refusal(const core::Json& feed) {
    try {
        core::BankHolidays::fromJson(feed);
    } catch (const core::ValidationError& e) {
        return e;
    }
    FAIL("the feed was accepted");
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("the embedded data is the gov.uk list for 2018-2027", "[calendar]") {
    const auto holidays = core::BankHolidays::embedded();
    CHECK(holidays.firstYear() == 2018);
    CHECK(holidays.lastYear() == 2027);
    const auto& known = test::govUkHolidays2018To2027();
    REQUIRE(holidays.events().size() == known.size());
    for (size_t i = 0; i < known.size(); ++i) {
        CAPTURE(known[i].date);
        CHECK(core::formatDate(holidays.events()[i].date) == known[i].date);
        CHECK(holidays.events()[i].title == known[i].title);
        CHECK_FALSE(holidays.events()[i].provisional);
    }
}

TEST_CASE("every bank holiday 2018-2027 is closed, and no other weekday is", "[calendar]") {
    const auto& calendar = core::WorkingCalendar::standard();
    std::set<std::string> known;
    for (const auto& holiday : test::govUkHolidays2018To2027())
        known.insert(holiday.date);
    int weekdays = 0;
    for (sys_days day{date("2018-01-01")}; day <= sys_days{date("2027-12-31")}; day += days{1}) {
        const core::Date d{day};
        const bool weekend = weekday{day} == Saturday || weekday{day} == Sunday;
        const bool holiday = known.count(core::formatDate(d)) > 0;
        CAPTURE(core::formatDate(d));
        CHECK(calendar.isBankHoliday(d) == holiday);
        CHECK(calendar.isWorkingDay(d) == (!weekend && !holiday));
        if (holiday) {
            REQUIRE(calendar.holidayOn(d));
            CHECK_FALSE(calendar.holidayOn(d)->provisional);
        }
        weekdays += weekend ? 0 : 1;
    }
    CHECK(weekdays == 2610); // 3652 days, 1042 at weekends
}

TEST_CASE("moved and one-off holidays come from the data, not the pattern", "[calendar]") {
    const auto& calendar = core::WorkingCalendar::standard();
    const struct {
        const char* day;
        bool holiday;
        const char* why;
    } cases[] = {
        {"2020-05-08", true, "VE Day: the early May holiday moved to a Friday"},
        {"2020-05-04", false, "the first Monday of May 2020 was a working day"},
        {"2022-06-02", true, "spring holiday moved for the Platinum Jubilee"},
        {"2022-06-03", true, "Platinum Jubilee holiday"},
        {"2022-05-30", false, "the last Monday of May 2022 was a working day"},
        {"2022-09-19", true, "State Funeral of Queen Elizabeth II"},
        {"2023-05-08", true, "coronation of King Charles III"},
        {"2023-05-01", true, "early May holiday 2023, as usual"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.day, c.why);
        CHECK(calendar.isBankHoliday(date(c.day)) == c.holiday);
    }
    CHECK(calendar.holidayOn(date("2023-05-08"))->title == "Bank holiday for the coronation of King Charles III");
}

TEST_CASE("Easter Sunday is computed correctly", "[calendar]") {
    const std::pair<int, const char*> easters[] = {
        {2018, "2018-04-01"}, {2019, "2019-04-21"}, {2020, "2020-04-12"}, {2021, "2021-04-04"}, {2022, "2022-04-17"},
        {2023, "2023-04-09"}, {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"},
        {2028, "2028-04-16"}, {2029, "2029-04-01"}, {2030, "2030-04-21"},
        {1818, "1818-03-22"}, {2038, "2038-04-25"}, {2285, "2285-03-22"}, // the earliest and latest possible
    };
    for (const auto& [year, expected] : easters) {
        CAPTURE(year);
        CHECK(core::formatDate(core::easterSunday(year)) == expected);
    }
}

TEST_CASE("the regular pattern reproduces every year of the data apart from the proclaimed changes", "[calendar]") {
    const auto data = core::BankHolidays::embedded();
    // What proclamations changed, 2018-2027: the pattern cannot know these.
    const std::set<std::string> onlyInData = {"2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"};
    const std::set<std::string> onlyInPattern = {"2020-05-04", "2022-05-30"};
    for (int year = 2018; year <= 2027; ++year) {
        CAPTURE(year);
        std::set<std::string> published;
        for (const auto& holiday : data.events())
            if (static_cast<int>(holiday.date.year()) == year)
                published.insert(core::formatDate(holiday.date));
        for (const auto& day : datesOf(core::regularBankHolidays(year))) {
            CAPTURE(day);
            CHECK(published.count(day) != onlyInPattern.count(day));
        }
        for (const auto& day : published) {
            CAPTURE(day);
            CHECK(datesOf(core::regularBankHolidays(year)).count(day) != onlyInData.count(day));
        }
    }
}

TEST_CASE("Christmas and New Year move to substitute weekdays", "[calendar]") {
    const auto& calendar = core::WorkingCalendar::standard();
    const struct {
        const char* first;
        const char* last;
        std::vector<std::string> holidays;
        const char* why;
    } cases[] = {
        {"2020-12-24", "2021-01-04", {"2020-12-25", "2020-12-28", "2021-01-01"}, "Boxing Day on a Saturday"},
        {"2021-12-24", "2022-01-04", {"2021-12-27", "2021-12-28", "2022-01-03"}, "Christmas on a Saturday, New Year on a Saturday"},
        {"2022-12-24", "2023-01-03", {"2022-12-26", "2022-12-27", "2023-01-02"}, "Christmas on a Sunday, New Year on a Sunday"},
        {"2026-12-24", "2027-01-04", {"2026-12-25", "2026-12-28", "2027-01-01"}, "Boxing Day on a Saturday"},
        {"2027-12-24", "2028-01-04", {"2027-12-27", "2027-12-28", "2028-01-03"}, "Christmas on a Saturday; 2028 computed"},
        {"2032-12-24", "2033-01-04", {"2032-12-27", "2032-12-28", "2033-01-03"}, "computed: Christmas and New Year on Saturdays"},
        {"2033-12-24", "2034-01-04", {"2033-12-26", "2033-12-27", "2034-01-02"}, "computed: Christmas and New Year on Sundays"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.why);
        const auto found = calendar.holidaysBetween(date(c.first), date(c.last));
        CHECK(datesOf(found) == std::set<std::string>(c.holidays.begin(), c.holidays.end()));
    }
    const auto computed = calendar.holidayOn(date("2033-12-27"));
    REQUIRE(computed);
    CHECK(computed->title == "Christmas Day");
    CHECK(computed->notes == "Substitute day");
    CHECK(computed->provisional);
}

TEST_CASE("beyond the data the regular holidays are computed and marked provisional", "[calendar]") {
    const auto& calendar = core::WorkingCalendar::standard();
    const auto found = calendar.holidaysBetween(date("2028-01-01"), date("2030-12-31"));
    const auto& expected = test::regularHolidays2028To2030();
    CHECK(datesOf(found) == std::set<std::string>(expected.begin(), expected.end()));
    for (const auto& holiday : found)
        CHECK(holiday.provisional);
    CHECK(calendar.holidayOn(date("2028-04-14"))->title == "Good Friday");
    CHECK_FALSE(calendar.holidayOn(date("2027-12-28"))->provisional);
    // Far outside the table the calendar still answers.
    CHECK(calendar.isBankHoliday(date("2301-12-25")));
    CHECK(calendar.holidayOn(date("2301-12-25"))->provisional);
}

TEST_CASE("a computed holiday never overrides a year that is in the data", "[calendar]") {
    // 2019 as published but without Easter Monday: the data is the whole truth for 2019.
    core::Json events = core::Json::array();
    for (const auto& holiday : test::govUkHolidays2018To2027())
        if (std::string(holiday.date).rfind("2019", 0) == 0 && std::string(holiday.date) != "2019-04-22")
            events.push_back(event(holiday.date, holiday.title));
    const core::WorkingCalendar calendar(core::BankHolidays::fromJson(feedWith(events)),
                                         core::OpeningHours::haltonIcart());
    CHECK(calendar.isWorkingDay(date("2019-04-22")));
    CHECK(calendar.isBankHoliday(date("2019-04-19")));
    // Years either side are computed.
    CHECK(calendar.isBankHoliday(date("2020-04-13")));
    CHECK(calendar.holidayOn(date("2020-04-13"))->provisional);
    CHECK(calendar.isBankHoliday(date("2018-04-02")));
    CHECK(calendar.holidayOn(date("2018-04-02"))->provisional);
}

TEST_CASE("a bad bank-holiday file is refused with every problem and where it is", "[calendar]") {
    SECTION("impossible, weekend, unordered and repeated dates, and a missing title") {
        core::Json events = core::Json::array({event("2019-01-01"), event("2019-04-19"), event("2019-04-22"),
                                               event("2019-02-30"), event("2019-05-04"), event("2019-03-01"),
                                               event("2019-04-22"), {{"date", "2019-12-25"}}});
        const auto error = refusal(feedWith(events));
        CHECK(error.hasErrorFor("england-and-wales.events[3].date"));
        CHECK_THAT(error.what(), Catch::Contains("england-and-wales.events[3].date: \"2019-02-30\" is not a date"));
        CHECK(error.hasErrorFor("england-and-wales.events[4].date")); // a Saturday
        CHECK_THAT(error.what(), Catch::Contains("is a Saturday"));
        CHECK(error.hasErrorFor("england-and-wales.events[5].date")); // out of order
        CHECK_THAT(error.what(), Catch::Contains("date order"));
        CHECK(error.hasErrorFor("england-and-wales.events[6].date")); // a repeat
        CHECK_THAT(error.what(), Catch::Contains("listed twice"));
        CHECK(error.hasErrorFor("england-and-wales.events[7].title"));
    }
    SECTION("a missing division") {
        const auto error = refusal(core::Json{{"scotland", {{"division", "scotland"}, {"events", core::Json::array()}}}});
        CHECK(error.hasErrorFor("england-and-wales"));
    }
    SECTION("the wrong division, no events") {
        const auto error = refusal(core::Json{{"england-and-wales", {{"division", "scotland"}, {"events", core::Json::array()}}}});
        CHECK(error.hasErrorFor("england-and-wales.division"));
        CHECK(error.hasErrorFor("england-and-wales.events"));
    }
    SECTION("a year left out") {
        const auto error = refusal(feedWith(core::Json::array({event("2019-01-01"), event("2021-01-01")})));
        CHECK_THAT(error.what(), Catch::Contains("has no holidays in 2020"));
    }
    SECTION("not JSON at all") {
        CHECK_THROWS_WITH(core::BankHolidays::parse("<html>", "bank-holidays.json"),
                          Catch::StartsWith("bank-holidays.json: is not valid JSON"));
    }
}

TEST_CASE("an administrator's replacement file is read, and the full gov.uk feed is accepted", "[calendar]") {
    test::ScratchFolder folder;
    core::Json feed = feedWith(core::Json::array({event("2031-01-01", "New Year’s Day"), event("2031-12-25")}));
    feed["scotland"] = {{"division", "scotland"}, {"events", core::Json::array({event("2031-01-02")})}};
    std::ofstream(folder.file("bank-holidays.json")) << feed.dump();
    const auto holidays = core::BankHolidays::loadFile(folder.file("bank-holidays.json"));
    CHECK(holidays.events().size() == 2);
    CHECK(holidays.covers(2031));
    CHECK_FALSE(holidays.covers(2030));
    const core::WorkingCalendar calendar(holidays, core::OpeningHours::haltonIcart());
    CHECK_FALSE(calendar.isBankHoliday(core::parseDate("2031-04-11").value())); // Good Friday 2031 left out: data wins
    CHECK(calendar.isBankHoliday(core::parseDate("2030-04-19").value()));      // 2030 computed
    CHECK_THROWS_WITH(core::BankHolidays::loadFile(folder.file("missing.json")), Catch::Contains("cannot be read"));
}
