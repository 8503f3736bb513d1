#pragma once
// What an administrator can change about working time, in one JSON document (every part optional;
// anything left out keeps Halton iCART's default):
//   {"opening_hours": {...OpeningHours JSON...},
//    "deadlines": {...DeadlineRules JSON...},
//    "urgency": {"due_soon_fraction": 0.25, "due_soon_within_minutes": 60}}
// Bank holidays are not here: they are the gov.uk feed file, replaced whole (BankHolidays).

#include "time/Countdown.h"
#include "time/Deadlines.h"
#include "time/OpeningHours.h"

#include <nlohmann/json.hpp>

namespace frontdoor::core {

struct CalendarSettings {
    OpeningHours openingHours = OpeningHours::haltonIcart();
    DeadlineRules deadlines;
    UrgencyThresholds urgency;

    /// Throws ValidationError listing every problem, named by path ("opening_hours.friday.closes").
    /// Accepts, and ignores, "bank_holidays" and "deadline_kinds", which `calendar settings` prints.
    static CalendarSettings fromJson(const nlohmann::json& json);
    /// Every setting, defaults included.
    nlohmann::json toJson() const;
};

} // namespace frontdoor::core
