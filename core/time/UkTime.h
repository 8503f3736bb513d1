#pragma once
// UK local time (Europe/London) for instants stored in UTC. Working-time rules are stated in local
// clock time ("opens at 09:00"), so every deadline passes through these conversions; they must be right
// across the spring-forward gap and the repeated autumn hour.
//
// The rule is the current UK one (the EU rule since 1996): British Summer Time, UTC+1, from 01:00 UTC on
// the last Sunday of March until 01:00 UTC on the last Sunday of October; GMT, UTC+0, otherwise. The
// transition dates come from Boost.Date_Time's POSIX zone "GMT0BST,M3.5.0/1,M10.5.0". Instants before
// 1996 are converted with the same rule, which is not what UK clocks did then.

#include "util/Instant.h"

#include <chrono>
#include <string>

namespace frontdoor::core {

/// What a UK wall clock shows at an instant.
struct UkLocalTime {
    Date date;                   ///< the local calendar date
    Milliseconds timeOfDay;      ///< since local midnight, in [0, 24h)
    std::chrono::minutes offset; ///< from UTC: 0 (GMT) or 60 (BST)

    bool isBst() const { return offset.count() != 0; }
    std::chrono::weekday weekday() const { return std::chrono::weekday{std::chrono::sys_days{date}}; }
};

/// The UTC instants at which BST begins (inclusive) and ends (exclusive) in `year`.
struct BstPeriod {
    Instant begins;
    Instant ends;
};
BstPeriod bstPeriod(int year);

/// True when British Summer Time is in force at `instant`.
bool isBritishSummerTime(Instant instant);

/// The UK wall-clock reading at `instant`.
UkLocalTime toUkLocal(Instant instant);

/// The instant at which a UK clock shows `timeOfDay` (from 0 up to and including 24h) on `date`.
/// A reading that never appears on the clock (01:00-01:59 on the last Sunday of March) is read with the
/// offset in force before the jump, so 01:30 becomes 02:30 BST; a reading that appears twice (01:00-01:59
/// on the last Sunday of October) is the first, BST, occurrence.
Instant fromUkLocal(Date date, Milliseconds timeOfDay);

/// "16:45" (with ":30" seconds only when they are not zero).
std::string formatClockTime(Milliseconds timeOfDay);

/// "Thu 26 Nov 2026".
std::string formatUkDate(Date date);

/// "Thursday".
std::string weekdayName(std::chrono::weekday day);

/// "16:45 Thu 26 Nov 2026", the UK local reading of an instant, for explanations people check.
/// With `withZone` the zone follows the time: "01:30 BST Sun 25 Oct 2026".
std::string formatUkTime(Instant instant, bool withZone = false);

/// "Mon 23/11/2026 08:02": the UK local reading to the minute, in the format the desktop shows every
/// date and time in (its shortDateTime), for text core writes that people read beside it.
std::string formatUkDayTime(Instant instant);

/// ISO-8601 in UK local time with its offset: "2026-11-26T16:45:00.000+00:00".
std::string formatUkIso(Instant instant);

} // namespace frontdoor::core
