#include "time/Countdown.h"

#include <algorithm>

namespace frontdoor::core {

using namespace std::chrono;

std::string_view urgencyName(Urgency urgency) {
    switch (urgency) {
    case Urgency::OnTrack:
        return "on_track";
    case Urgency::DueSoon:
        return "due_soon";
    case Urgency::Overdue:
        return "overdue";
    }
    return "on_track";
}

std::string_view urgencyColour(Urgency urgency) {
    switch (urgency) {
    case Urgency::OnTrack:
        return "green";
    case Urgency::DueSoon:
        return "amber";
    case Urgency::Overdue:
        return "red";
    }
    return "green";
}

std::string formatDuration(Milliseconds length) {
    const auto totalMinutes = duration_cast<minutes>(length).count();
    if (totalMinutes <= 0)
        return "under a minute";
    const auto d = totalMinutes / (24 * 60);
    const auto h = (totalMinutes / 60) % 24;
    const auto m = totalMinutes % 60;
    if (d > 0)
        return std::to_string(d) + "d" + (h ? " " + std::to_string(h) + "h" : "");
    if (h > 0)
        return std::to_string(h) + "h" + (m ? " " + std::to_string(m) + "m" : "");
    return std::to_string(m) + "m";
}

std::string Countdown::text() const {
    if (left.count() == 0)
        return "due now";
    if (left.count() < 0)
        return "overdue by " + formatDuration(-left);
    return formatDuration(left) + " left";
}

nlohmann::json Countdown::toJson() const {
    return {{"at", formatInstant(at)},           {"due", formatInstant(due)},
            {"left_ms", left.count()},           {"overdue", overdue()},
            {"urgency", urgencyName(urgency)},   {"colour", urgencyColour(urgency)},
            {"text", text()}};
}

Countdown countdown(Instant from, Instant due, Instant at, const UrgencyThresholds& thresholds) {
    const Milliseconds left = due - at;
    const Milliseconds whole = std::max(Milliseconds{0}, due - from);
    const auto byFraction = duration_cast<Milliseconds>(duration<double, std::milli>(
        static_cast<double>(whole.count()) * thresholds.dueSoonFraction));
    const Milliseconds soon = std::max(byFraction, thresholds.dueSoonWithin);
    Urgency urgency = Urgency::OnTrack;
    if (left < Milliseconds{0})
        urgency = Urgency::Overdue;
    else if (left <= soon)
        urgency = Urgency::DueSoon;
    return {at, due, left, urgency};
}

Countdown countdown(const Deadline& deadline, Instant at, const UrgencyThresholds& thresholds) {
    return countdown(deadline.from, deadline.due, at, thresholds);
}

} // namespace frontdoor::core
