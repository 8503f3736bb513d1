#pragma once
// The working calendar: bank holidays plus opening hours, in UK local time. A working day is a weekday
// that opens and is not a bank holiday. The day team is on duty while the office is open; the Emergency
// Duty Team (EDT) at every other time.
//
// Bank holidays come from the data for the years it covers, which are then the whole truth for those
// years; every other year gets the regular pattern, marked provisional. A computed holiday never
// overrides a year in the data.

#include "time/BankHolidays.h"
#include "time/OpeningHours.h"
#include "time/UkTime.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace frontdoor::core {

enum class Duty { DayTeam, Edt };

/// "day_team" or "edt".
std::string_view dutyName(Duty duty);

/// One date as the calendar sees it, for listings.
struct CalendarDay {
    Date date;
    bool working = false;
    std::optional<BankHoliday> holiday;
    std::optional<DayHours> hours; ///< set only on working days

    /// {"date", "weekday", "status": "working"|"bank_holiday"|"closed", "opens"/"closes" on working days,
    ///  "holiday": {...} on bank holidays}
    nlohmann::json toJson() const;
};

/// A stretch of working time, [begins, ends).
struct WorkingSpan {
    Instant begins;
    Instant ends;
};

class WorkingCalendar {
public:
    /// Throws ValidationError if `hours` opens on no day (no deadline could ever fall due).
    WorkingCalendar(BankHolidays holidays, OpeningHours hours);

    /// The embedded bank holidays with Halton iCART's opening hours; built once, shared, thread-safe.
    static const WorkingCalendar& standard();

    const BankHolidays& bankHolidays() const { return holidays_; }
    const OpeningHours& openingHours() const { return hours_; }

    bool isBankHoliday(Date date) const;
    /// The bank holiday on `date` (provisional when computed), or nullopt.
    std::optional<BankHoliday> holidayOn(Date date) const;
    /// Bank holidays from `first` to `last` inclusive, in date order.
    std::vector<BankHoliday> holidaysBetween(Date first, Date last) const;

    /// A weekday that opens and is not a bank holiday.
    bool isWorkingDay(Date date) const;
    /// The day's opening hours if it is a working day, otherwise nullopt.
    std::optional<DayHours> hoursOn(Date date) const;
    /// The first working day after `date` (never `date` itself).
    Date nextWorkingDay(Date date) const;
    /// The `n`th working day after `date` (n >= 0; n = 0 gives `date`), whether or not `date` is one.
    Date addWorkingDays(Date date, int n) const;

    /// The instants a working day opens and closes. Throws std::invalid_argument for any other day.
    Instant openingTime(Date workingDay) const;
    Instant closingTime(Date workingDay) const;

    /// True from opening (inclusive) to closing (exclusive) on a working day.
    bool isOpen(Instant instant) const;
    /// The day team while open, the EDT otherwise.
    Duty onDuty(Instant instant) const;
    /// `instant` itself when open, otherwise the next opening time.
    Instant nextOpening(Instant instant) const;

    /// The stretches of opening time that make up `amount` of working time counted from `from` (or from
    /// the next opening when closed). The last span ends when the amount is used up; it may end exactly
    /// at a closing time.
    std::vector<WorkingSpan> workingSpans(Instant from, Milliseconds amount) const;
    /// The end of workingSpans(): when `amount` of working time from `from` is used up.
    Instant addWorkingTime(Instant from, Milliseconds amount) const;
    /// Opening time between two instants (zero when `to` is not after `from`).
    Milliseconds workingTimeBetween(Instant from, Instant to) const;

    /// Every date from `first` to `last` inclusive.
    std::vector<CalendarDay> days(Date first, Date last) const;

private:
    void buildHolidayTable();

    BankHolidays holidays_;
    OpeningHours hours_;
    // One flag per day over a wide span of years, so the hot path (is this a working day?) is a lookup.
    int tableFirstDay_ = 0;
    std::vector<std::uint8_t> holidayTable_;
    std::unordered_map<int, BankHoliday> holidayByDay_;
};

} // namespace frontdoor::core
