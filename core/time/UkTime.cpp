#include "time/UkTime.h"
#include "util/Text.h"

#include <boost/date_time/local_time/posix_time_zone.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <array>
#include <cstdio>

namespace frontdoor::core {
namespace {

using namespace std::chrono;

constexpr int kFirstTabledYear = 1970;
constexpr int kLastTabledYear = 2199;

Instant fromPtime(const boost::posix_time::ptime& time) {
    static const boost::posix_time::ptime epoch(boost::gregorian::date(1970, 1, 1));
    return fromEpochMs((time - epoch).total_milliseconds());
}

// Boost gives the transitions as local readings: the start in standard time, the end in summer time.
BstPeriod computeBstPeriod(int year) {
    static const boost::local_time::posix_time_zone zone("GMT0BST,M3.5.0/1,M10.5.0");
    const auto y = static_cast<unsigned short>(year);
    const auto begins = zone.dst_local_start_time(y) - zone.base_utc_offset();
    const auto ends = zone.dst_local_end_time(y) - zone.base_utc_offset() - zone.dst_offset();
    return {fromPtime(begins), fromPtime(ends)};
}

// Every conversion needs its year's transitions; a table built once keeps that to a lookup.
const std::array<BstPeriod, kLastTabledYear - kFirstTabledYear + 1>& bstTable() {
    static const auto table = [] {
        std::array<BstPeriod, kLastTabledYear - kFirstTabledYear + 1> periods{};
        for (int year = kFirstTabledYear; year <= kLastTabledYear; ++year)
            periods[static_cast<size_t>(year - kFirstTabledYear)] = computeBstPeriod(year);
        return periods;
    }();
    return table;
}

constexpr std::array<const char*, 7> kWeekdayShort = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 7> kWeekdayLong = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                     "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonthShort = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

} // namespace

BstPeriod bstPeriod(int year) {
    if (year >= kFirstTabledYear && year <= kLastTabledYear)
        return bstTable()[static_cast<size_t>(year - kFirstTabledYear)];
    return computeBstPeriod(year);
}

bool isBritishSummerTime(Instant instant) {
    const year_month_day utcDay{floor<days>(instant)};
    const BstPeriod period = bstPeriod(static_cast<int>(utcDay.year()));
    return instant >= period.begins && instant < period.ends;
}

UkLocalTime toUkLocal(Instant instant) {
    const minutes offset{isBritishSummerTime(instant) ? 60 : 0};
    const Instant reading = instant + offset;
    const auto day = floor<days>(reading);
    return {Date{day}, reading - day, offset};
}

Instant fromUkLocal(Date date, Milliseconds timeOfDay) {
    const Instant reading = sys_days{date} + timeOfDay;
    // If the reading is BST-consistent it is the answer, and in the repeated October hour it is also the
    // earlier of the two. Otherwise read it as GMT: that is either right, or the March gap, where GMT is the
    // offset in force before the jump.
    const Instant asBst = reading - hours{1};
    if (isBritishSummerTime(asBst))
        return asBst;
    return reading;
}

std::string formatClockTime(Milliseconds timeOfDay) {
    // Unsigned, so the compiler can see the fields' widths; a time of day is never negative.
    const auto totalSeconds = static_cast<unsigned long long>(duration_cast<seconds>(timeOfDay).count());
    char buffer[48];
    if (totalSeconds % 60 == 0)
        std::snprintf(buffer, sizeof buffer, "%02llu:%02llu", totalSeconds / 3600, (totalSeconds / 60) % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%02llu:%02llu:%02llu", totalSeconds / 3600, (totalSeconds / 60) % 60,
                      totalSeconds % 60);
    return buffer;
}

std::string formatUkDate(Date date) {
    const weekday day{sys_days{date}};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s %u %s %d", kWeekdayShort[day.c_encoding()],
                  static_cast<unsigned>(date.day()), kMonthShort[static_cast<unsigned>(date.month()) - 1],
                  static_cast<int>(date.year()));
    return buffer;
}

std::string weekdayName(weekday day) { return kWeekdayLong[day.c_encoding()]; }

std::string formatUkTime(Instant instant, bool withZone) {
    const UkLocalTime local = toUkLocal(instant);
    std::string text = formatClockTime(local.timeOfDay);
    if (withZone)
        text += local.isBst() ? " BST" : " GMT";
    return text + " " + formatUkDate(local.date);
}

std::string formatUkDayTime(Instant instant) {
    const UkLocalTime local = toUkLocal(instant);
    const std::string day = formatUkDate(local.date); // "Mon 23 Nov 2026": its weekday
    const auto minutes = std::chrono::floor<std::chrono::minutes>(local.timeOfDay);
    return day.substr(0, day.find(' ')) + " " + formatDayMonthYear(local.date) + " " + formatClockTime(minutes);
}

std::string formatUkIso(Instant instant) {
    const UkLocalTime local = toUkLocal(instant);
    const long long ms = local.timeOfDay.count();
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%sT%02lld:%02lld:%02lld.%03lld%s", formatDate(local.date).c_str(),
                  ms / 3'600'000, (ms / 60'000) % 60, (ms / 1000) % 60, ms % 1000,
                  local.isBst() ? "+01:00" : "+00:00");
    return buffer;
}

} // namespace frontdoor::core
