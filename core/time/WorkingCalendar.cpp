#include "time/WorkingCalendar.h"

#include "util/Errors.h"

#include <algorithm>
#include <stdexcept>

namespace frontdoor::core {
namespace {

using namespace std::chrono;

// Years outside this span (widened to the data's) are computed on each call rather than tabled.
constexpr int kTableFirstYear = 1900;
constexpr int kTableLastYear = 2200;

// Enough to cross any run of closed days a sane calendar can have; more means a broken configuration.
constexpr int kMaxClosedRun = 400;

weekday weekdayOf(Date date) { return weekday{sys_days{date}}; }

Date plusDays(Date date, int count) { return Date{sys_days{date} + days{count}}; }

std::optional<BankHoliday> computedHolidayOn(Date date) {
    for (const auto& holiday : regularBankHolidays(static_cast<int>(date.year())))
        if (holiday.date == date)
            return holiday;
    return std::nullopt;
}

} // namespace

std::string_view dutyName(Duty duty) { return duty == Duty::DayTeam ? "day_team" : "edt"; }

nlohmann::json CalendarDay::toJson() const {
    nlohmann::json json{{"date", formatDate(date)}, {"weekday", weekdayName(weekdayOf(date))}};
    json["status"] = working ? "working" : holiday ? "bank_holiday" : "closed";
    if (hours) {
        json["opens"] = formatClockTime(hours->opens);
        json["closes"] = formatClockTime(hours->closes);
    }
    if (holiday)
        json["holiday"] = holiday->toJson();
    return json;
}

WorkingCalendar::WorkingCalendar(BankHolidays holidays, OpeningHours hours)
    : holidays_(std::move(holidays)), hours_(std::move(hours)) {
    if (hours_.alwaysClosed())
        throw ValidationError("opening_hours", "no day opens; at least one weekday needs opening hours");
    buildHolidayTable();
}

const WorkingCalendar& WorkingCalendar::standard() {
    static const WorkingCalendar calendar(BankHolidays::embedded(), OpeningHours::haltonIcart());
    return calendar;
}

void WorkingCalendar::buildHolidayTable() {
    const int firstYear = std::min(kTableFirstYear, holidays_.firstYear());
    const int lastYear = std::max(kTableLastYear, holidays_.lastYear());
    tableFirstDay_ = toDayNumber(year{firstYear} / January / 1);
    holidayTable_.assign(static_cast<size_t>(toDayNumber(year{lastYear} / December / 31) - tableFirstDay_ + 1), 0);
    const auto add = [this](const BankHoliday& holiday) {
        const int day = toDayNumber(holiday.date);
        holidayTable_[static_cast<size_t>(day - tableFirstDay_)] = 1;
        holidayByDay_[day] = holiday;
    };
    for (int y = firstYear; y <= lastYear; ++y)
        if (!holidays_.covers(y))
            for (const auto& holiday : regularBankHolidays(y))
                add(holiday);
    for (const auto& holiday : holidays_.events())
        add(holiday);
}

bool WorkingCalendar::isBankHoliday(Date date) const {
    const int index = toDayNumber(date) - tableFirstDay_;
    if (index >= 0 && static_cast<size_t>(index) < holidayTable_.size())
        return holidayTable_[static_cast<size_t>(index)] != 0;
    return computedHolidayOn(date).has_value();
}

std::optional<BankHoliday> WorkingCalendar::holidayOn(Date date) const {
    const int index = toDayNumber(date) - tableFirstDay_;
    if (index < 0 || static_cast<size_t>(index) >= holidayTable_.size())
        return computedHolidayOn(date);
    if (!holidayTable_[static_cast<size_t>(index)])
        return std::nullopt;
    return holidayByDay_.at(toDayNumber(date));
}

std::vector<BankHoliday> WorkingCalendar::holidaysBetween(Date first, Date last) const {
    std::vector<BankHoliday> found;
    for (sys_days day{first}; day <= sys_days{last}; day += std::chrono::days{1})
        if (auto holiday = holidayOn(Date{day}))
            found.push_back(std::move(*holiday));
    return found;
}

bool WorkingCalendar::isWorkingDay(Date date) const {
    return hours_.opensOn(weekdayOf(date)) && !isBankHoliday(date);
}

std::optional<DayHours> WorkingCalendar::hoursOn(Date date) const {
    if (!isWorkingDay(date))
        return std::nullopt;
    return hours_.on(weekdayOf(date));
}

Date WorkingCalendar::nextWorkingDay(Date date) const {
    for (int step = 1; step <= kMaxClosedRun; ++step)
        if (const Date candidate = plusDays(date, step); isWorkingDay(candidate))
            return candidate;
    throw std::logic_error("no working day within " + std::to_string(kMaxClosedRun) + " days after " +
                           formatDate(date) + "; check the bank holidays and opening hours");
}

Date WorkingCalendar::addWorkingDays(Date date, int n) const {
    if (n < 0)
        throw std::invalid_argument("addWorkingDays counts forwards only");
    for (int counted = 0; counted < n; ++counted)
        date = nextWorkingDay(date);
    return date;
}

Instant WorkingCalendar::openingTime(Date workingDay) const {
    const auto hours = hoursOn(workingDay);
    if (!hours)
        throw std::invalid_argument(formatDate(workingDay) + " is not a working day");
    return fromUkLocal(workingDay, hours->opens);
}

Instant WorkingCalendar::closingTime(Date workingDay) const {
    const auto hours = hoursOn(workingDay);
    if (!hours)
        throw std::invalid_argument(formatDate(workingDay) + " is not a working day");
    return fromUkLocal(workingDay, hours->closes);
}

bool WorkingCalendar::isOpen(Instant instant) const {
    const UkLocalTime local = toUkLocal(instant);
    const auto hours = hoursOn(local.date);
    return hours && local.timeOfDay >= hours->opens && local.timeOfDay < hours->closes;
}

Duty WorkingCalendar::onDuty(Instant instant) const { return isOpen(instant) ? Duty::DayTeam : Duty::Edt; }

Instant WorkingCalendar::nextOpening(Instant instant) const {
    const UkLocalTime local = toUkLocal(instant);
    if (const auto hours = hoursOn(local.date)) {
        if (local.timeOfDay < hours->opens)
            return fromUkLocal(local.date, hours->opens);
        if (local.timeOfDay < hours->closes)
            return instant;
    }
    return openingTime(nextWorkingDay(local.date));
}

std::vector<WorkingSpan> WorkingCalendar::workingSpans(Instant from, Milliseconds amount) const {
    std::vector<WorkingSpan> spans;
    Instant cursor = nextOpening(from);
    Milliseconds remaining = amount;
    while (true) {
        const Date day = toUkLocal(cursor).date;
        const Instant closes = closingTime(day);
        // Real elapsed time, so an administrator's hours spanning a clock change still count truly.
        const Milliseconds available = closes - cursor;
        if (remaining <= available) {
            spans.push_back({cursor, cursor + remaining});
            return spans;
        }
        spans.push_back({cursor, closes});
        remaining -= available;
        cursor = openingTime(nextWorkingDay(day));
    }
}

Instant WorkingCalendar::addWorkingTime(Instant from, Milliseconds amount) const {
    return workingSpans(from, amount).back().ends;
}

Milliseconds WorkingCalendar::workingTimeBetween(Instant from, Instant to) const {
    Milliseconds total{0};
    if (to <= from)
        return total;
    const Date last = toUkLocal(to).date;
    for (sys_days day{toUkLocal(from).date}; day <= sys_days{last}; day += std::chrono::days{1}) {
        if (!isWorkingDay(Date{day}))
            continue;
        const Instant begins = std::max(from, openingTime(Date{day}));
        const Instant ends = std::min(to, closingTime(Date{day}));
        if (ends > begins)
            total += ends - begins;
    }
    return total;
}

std::vector<CalendarDay> WorkingCalendar::days(Date first, Date last) const {
    std::vector<CalendarDay> listing;
    for (sys_days day{first}; day <= sys_days{last}; day += std::chrono::days{1}) {
        CalendarDay entry;
        entry.date = Date{day};
        entry.holiday = holidayOn(entry.date);
        entry.hours = hoursOn(entry.date);
        entry.working = entry.hours.has_value();
        listing.push_back(std::move(entry));
    }
    return listing;
}

} // namespace frontdoor::core
