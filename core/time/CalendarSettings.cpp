#include "time/CalendarSettings.h"

#include "util/Errors.h"
#include "util/JsonFields.h"

namespace frontdoor::core {
namespace {

// Each part reports its own problems; collecting them lets one pass show everything wrong.
template <typename Read>
void collect(std::vector<FieldError>& errors, Read read) {
    try {
        read();
    } catch (const ValidationError& e) {
        errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
}

UrgencyThresholds readUrgency(const nlohmann::json& json, std::vector<FieldError>& errors) {
    UrgencyThresholds thresholds;
    JsonFields fields(json, "urgency", errors);
    if (fields.has("due_soon_fraction")) {
        const auto& value = json.at("due_soon_fraction");
        if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 1)
            fields.fail("due_soon_fraction", "must be a number from 0 to 1");
        else
            thresholds.dueSoonFraction = value.get<double>();
    }
    if (const auto within = fields.integer("due_soon_within_minutes")) {
        if (*within < 0 || *within > 60 * 24 * 366)
            fields.fail("due_soon_within_minutes", "must be a whole number of minutes from 0 to 527040 (a year)");
        else
            thresholds.dueSoonWithin = std::chrono::minutes{*within};
    }
    fields.rejectUnknownKeys({"due_soon_fraction"});
    return thresholds;
}

} // namespace

CalendarSettings CalendarSettings::fromJson(const nlohmann::json& json) {
    std::vector<FieldError> errors;
    CalendarSettings settings;
    JsonFields fields(json, "", errors);
    if (const auto* hours = fields.object("opening_hours"))
        collect(errors, [&] { settings.openingHours = OpeningHours::fromJson(*hours, "opening_hours"); });
    if (const auto* deadlines = fields.object("deadlines"))
        collect(errors, [&] { settings.deadlines = DeadlineRules::fromJson(*deadlines, "deadlines"); });
    if (const auto* urgency = fields.object("urgency"))
        settings.urgency = readUrgency(*urgency, errors);
    // What `calendar settings` prints besides the settings: the bank-holiday data in use and the deadline
    // kinds. They describe, they do not set (bank holidays are their own file), so its output can be
    // edited and given back as a --settings file.
    fields.rejectUnknownKeys({"bank_holidays", "deadline_kinds"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    return settings;
}

nlohmann::json CalendarSettings::toJson() const {
    return {{"opening_hours", openingHours.toJson()},
            {"deadlines", deadlines.toJson()},
            {"urgency",
             {{"due_soon_fraction", urgency.dueSoonFraction},
              {"due_soon_within_minutes", std::chrono::duration_cast<std::chrono::minutes>(urgency.dueSoonWithin).count()}}}};
}

} // namespace frontdoor::core
