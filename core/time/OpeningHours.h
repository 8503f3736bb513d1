#pragma once
// When the day team is open, per weekday, in UK local clock time. Outside these hours (and all day on
// a bank holiday) the Emergency Duty Team is on duty. One opening per day; opening is inclusive and
// closing exclusive, so an office open 09:00-17:00 is open at 09:00:00 and closed at 17:00:00.
//
// JSON form (every weekday named; null means closed all day; "24:00" closes at midnight):
//   {"monday": {"opens": "09:00", "closes": "17:00"}, ..., "friday": {"opens": "09:00", "closes": "16:30"},
//    "saturday": null, "sunday": null}

#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <optional>
#include <string>

namespace frontdoor::core {

/// One day's opening, as times since local midnight: 0 <= opens < closes <= 24h.
struct DayHours {
    Milliseconds opens;
    Milliseconds closes;
    bool operator==(const DayHours&) const = default;
};

class OpeningHours {
public:
    /// Closed every day; set() the days that open.
    OpeningHours() = default;

    /// Halton iCART: Monday-Thursday 09:00-17:00, Friday 09:00-16:30, closed at weekends.
    static OpeningHours haltonIcart();

    /// Reads the JSON form above. Throws ValidationError listing every problem, each named by its path
    /// under `path` (e.g. "opening_hours.friday.closes"). At least one day must open.
    static OpeningHours fromJson(const nlohmann::json& json, const std::string& path = "opening_hours");

    /// The JSON form above; fromJson(toJson()) gives the same hours.
    nlohmann::json toJson() const;

    /// Sets a day's hours, or closes it with nullopt. Throws ValidationError unless 0 <= opens < closes <= 24h.
    void set(std::chrono::weekday day, std::optional<DayHours> hours);

    /// The day's hours, or nullopt when it is closed all day.
    const std::optional<DayHours>& on(std::chrono::weekday day) const { return days_[day.c_encoding()]; }
    bool opensOn(std::chrono::weekday day) const { return on(day).has_value(); }
    /// True when no weekday opens (a calendar needs at least one).
    bool alwaysClosed() const;

    bool operator==(const OpeningHours&) const = default;

private:
    std::array<std::optional<DayHours>, 7> days_{}; // indexed by weekday::c_encoding(), Sunday = 0
};

/// "09:00" -> 9h; "24:00" allowed. nullopt for anything else.
std::optional<Milliseconds> parseClockTime(const std::string& text);

/// Lower-case English weekday names in JSON order, Monday first.
const std::array<std::chrono::weekday, 7>& weekdaysMondayFirst();
std::string weekdayKey(std::chrono::weekday day); ///< "monday"

} // namespace frontdoor::core
