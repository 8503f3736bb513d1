#pragma once
// How a deadline stands at an instant: time left or overdue by, and an urgency colour for queues and
// dashboards.
//
//   overdue  (red)   the instant is after the due time;
//   due_soon (amber) not overdue, and the time left is at most dueSoonFraction of the whole time from
//                    start to due (default a quarter) or at most dueSoonWithin (default one hour),
//                    whichever is longer;
//   on_track (green) otherwise.
// "Time" here is real elapsed time, the same for every kind, so colours compare across a queue.

#include "time/Deadlines.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace frontdoor::core {

enum class Urgency { OnTrack, DueSoon, Overdue };

/// "on_track", "due_soon", "overdue".
std::string_view urgencyName(Urgency urgency);
/// "green", "amber", "red".
std::string_view urgencyColour(Urgency urgency);

struct UrgencyThresholds {
    double dueSoonFraction = 0.25;
    Milliseconds dueSoonWithin = std::chrono::hours{1};
};

struct Countdown {
    Instant at;
    Instant due;
    Milliseconds left; ///< negative when overdue
    Urgency urgency;

    bool overdue() const { return urgency == Urgency::Overdue; }
    /// "3h 15m left", "due now", "overdue by 1d 2h".
    std::string text() const;
    /// {"at", "due", "left_ms", "overdue", "urgency", "colour", "text"}
    nlohmann::json toJson() const;
};

/// The countdown at `at` for something that started at `from` and is due at `due`.
Countdown countdown(Instant from, Instant due, Instant at, const UrgencyThresholds& thresholds = {});
Countdown countdown(const Deadline& deadline, Instant at, const UrgencyThresholds& thresholds = {});

/// "1d 2h", "3h 15m", "45m", "under a minute".
std::string formatDuration(Milliseconds length);

} // namespace frontdoor::core
