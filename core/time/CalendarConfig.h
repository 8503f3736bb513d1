#pragma once
// The desk's working calendar as the record knows it: an administrator installs a replacement bank
// holidays file (the gov.uk feed format) or calendar settings (opening hours, deadline rules, urgency),
// each as a fact, so every desk computes the same deadlines once desks share their work. Until one is
// installed, the built-in data and Halton iCART's defaults apply.
//
// Fact types (subject "calendar"):
//   calendar.holidays_installed  {"feed": <gov.uk JSON>, "source": "file name"}
//   calendar.settings_installed  {"settings": <CalendarSettings JSON>}

#include "Workspace.h"
#include "store/Fact.h"
#include "time/CalendarSettings.h"
#include "time/WorkingCalendar.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>

namespace frontdoor::core {

/// A calendar built from what a database has installed (or the built-in defaults).
struct DeskCalendar {
    std::unique_ptr<WorkingCalendar> calendar;
    CalendarSettings settings;
    nlohmann::json installed; ///< {"holidays": {...} | null, "settings": {...} | null}: who, when, source
};

/// Reads the installed configuration from `db`'s projection. Built-in data where nothing is installed.
DeskCalendar loadDeskCalendar(Database& db);

class CalendarConfigService {
public:
    explicit CalendarConfigService(Workspace& workspace) : ws_(workspace) {}

    /// Validates and installs either or both (administrator). A bad file is refused with every problem
    /// named, and the calendar in use stays. The workspace's deadlines use the new calendar at once.
    nlohmann::json install(const Actor& actor, const std::optional<nlohmann::json>& holidaysFeed,
                           const std::string& holidaysSource, const std::optional<nlohmann::json>& settings);

private:
    Workspace& ws_;
};

void registerCalendarConfigProjection(Projections& projections);

} // namespace frontdoor::core
