#pragma once
// Instants (UTC, millisecond precision) and calendar dates, with their ISO-8601 text forms.
// Instants are stored and exchanged as "YYYY-MM-DDTHH:MM:SS.mmmZ"; input may carry any UTC offset.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace frontdoor::core {

using Milliseconds = std::chrono::milliseconds;
using Instant = std::chrono::sys_time<Milliseconds>;
using Date = std::chrono::year_month_day;

/// The years a date or an instant may fall in: the range the working calendar (Boost.Date_Time) handles.
/// A date outside it is not a date Frontdoor reads; fields bound their dates far more tightly.
inline constexpr int kFirstYear = 1400;
inline constexpr int kLastYear = 9999;

/// "2026-11-23T11:48:49.123Z", always UTC with milliseconds.
std::string formatInstant(Instant instant);

/// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM" / "-HH:MM" (also "+HHMM").
/// Returns nullopt for anything else, including impossible dates such as 2026-02-30, offsets beyond
/// 18 hours and instants whose UTC year is outside kFirstYear..kLastYear.
std::optional<Instant> parseInstant(std::string_view text);

/// "2015-03-12".
std::string formatDate(Date date);

/// Accepts "YYYY-MM-DD" only; nullopt for malformed or impossible dates and years outside
/// kFirstYear..kLastYear.
std::optional<Date> parseDate(std::string_view text);

/// The UTC calendar date of an instant.
Date utcDate(Instant instant);

/// Whole years between a date of birth and a later date (the child's age on that date).
int ageInYears(Date dateOfBirth, Date on);

/// Milliseconds since the Unix epoch, for compact storage and arithmetic.
inline long long toEpochMs(Instant instant) { return instant.time_since_epoch().count(); }
inline Instant fromEpochMs(long long ms) { return Instant{Milliseconds{ms}}; }

/// Days since 1970-01-01, for storing dates as integers in indexes.
inline int toDayNumber(Date date) {
    return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count());
}
inline Date fromDayNumber(int days) { return Date{std::chrono::sys_days{std::chrono::days{days}}}; }

} // namespace frontdoor::core
