#pragma once
// Deadlines as people see them: a countdown ("3h 15m left", "overdue by 1d 2h") on a chip coloured by
// core's urgency (green on track, amber due soon, red overdue). The arithmetic is core's
// (core::countdown); this only chooses the colours and words around it.

#include "time/Countdown.h"
#include "util/Clock.h"

#include <nlohmann/json.hpp>

#include <QColor>
#include <QString>

#include <optional>

namespace frontdoor::ui {

struct UrgencyLook {
    QColor background;
    QColor text;
};

/// The chip colours for an urgency: green, amber, red (text chosen to stay readable on each).
UrgencyLook urgencyLook(core::Urgency urgency);
/// "on_track", "due_soon", "overdue" as core names them; nullopt for anything else.
std::optional<core::Urgency> urgencyFromName(const std::string& name);

/// A countdown worked out now, from when the clock started and when the work is due.
core::Countdown countdownAt(const core::Clock& clock, const core::UrgencyThresholds& thresholds, qint64 startedMs,
                            qint64 dueMs);

/// A coloured chip as rich text, e.g. for "3h 15m left" in amber.
QString chipHtml(const QString& text, core::Urgency urgency);
/// A deadline from ContactWorkflow::state ({"due_at", "countdown"} open, or {"due_at", "met_at", "late"}
/// met) as rich text: the due time and a chip, or when it was met and whether late. The countdown is
/// worked out at `clock`'s now from `startedAt`; without one, the countdown in `deadline` is shown.
QString deadlineHtml(const nlohmann::json& deadline, const core::Clock& clock,
                     const core::UrgencyThresholds& thresholds, const std::string& startedAt);

} // namespace frontdoor::ui
