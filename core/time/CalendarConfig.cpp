#include "time/CalendarConfig.h"

#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"

namespace frontdoor::core {
namespace {

constexpr const char* kHolidaysInstalled = "calendar.holidays_installed";
constexpr const char* kSettingsInstalled = "calendar.settings_installed";
constexpr const char* kSubject = "calendar";

// The newest installation of each kind wins, by clock stamp, whatever order facts arrive in.
void project(Database& db, const Fact& fact) {
    const bool holidays = fact.type == kHolidaysInstalled;
    const Json body = holidays ? fact.payload.value("feed", Json()) : fact.payload.value("settings", Json());
    db.cached("INSERT INTO calendar_config(kind, body, source, installed_by, installed_at, hlc) VALUES (?,?,?,?,?,?) "
              "ON CONFLICT(kind) DO UPDATE SET body = excluded.body, source = excluded.source, "
              "installed_by = excluded.installed_by, installed_at = excluded.installed_at, hlc = excluded.hlc "
              "WHERE excluded.hlc > calendar_config.hlc")
        .bindAll(std::string(holidays ? "holidays" : "settings"), body.dump(), fact.payload.value("source", ""),
                 fact.userId, formatInstant(fact.recordedAt), fact.hlc.packed)
        .run();
}

} // namespace

void registerCalendarConfigProjection(Projections& projections) {
    projections.ownTable("calendar_config", "kind", std::string("'") + kSubject + "' IN (SELECT subject FROM temp.fd_reproject)");
    projections.on(kHolidaysInstalled, project);
    projections.on(kSettingsInstalled, project);
    projections.describe(kHolidaysInstalled, [](const Fact& f) {
        return "Bank holidays installed from " + f.payload.value("source", std::string("a file"));
    });
    projections.describe(kSettingsInstalled, [](const Fact&) { return std::string("Calendar settings installed"); });
}

DeskCalendar loadDeskCalendar(Database& db) {
    std::optional<Json> feed;
    std::optional<Json> settings;
    Json installed{{"holidays", nullptr}, {"settings", nullptr}};
    auto& stmt = db.cached("SELECT kind, body, source, installed_by, installed_at FROM calendar_config");
    while (stmt.step()) {
        const std::string kind = stmt.text(0);
        (kind == "holidays" ? feed : settings) = Json::parse(stmt.text(1));
        installed[kind] = {{"source", stmt.text(2)}, {"installed_by", stmt.text(3)}, {"installed_at", stmt.text(4)}};
    }
    stmt.reset();
    DeskCalendar desk;
    // Both were validated before they were installed; a newer desk's format that this build cannot read
    // is reported rather than silently replaced by defaults.
    desk.settings = settings ? CalendarSettings::fromJson(*settings) : CalendarSettings{};
    desk.calendar = std::make_unique<WorkingCalendar>(feed ? BankHolidays::fromJson(*feed) : BankHolidays::embedded(),
                                                      desk.settings.openingHours);
    desk.installed = installed;
    return desk;
}

Json CalendarConfigService::install(const Actor& actor, const std::optional<Json>& holidaysFeed,
                                    const std::string& holidaysSource, const std::optional<Json>& settings) {
    UserService(ws_).require(actor, {role::kAdministrator}, "Installing calendar data");
    if (!holidaysFeed && !settings)
        throw ValidationError("--holidays", "name a bank holidays file, a settings file, or both");
    std::vector<FieldError> errors;
    std::optional<BankHolidays> holidays;
    try {
        if (holidaysFeed)
            holidays = BankHolidays::fromJson(*holidaysFeed);
    } catch (const ValidationError& e) {
        errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
    std::optional<CalendarSettings> parsed;
    try {
        if (settings)
            parsed = CalendarSettings::fromJson(*settings);
    } catch (const ValidationError& e) {
        errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    // A calendar that never opens could not give a deadline: check the combination before recording.
    WorkingCalendar check(holidays ? *holidays : BankHolidays::embedded(),
                          parsed ? parsed->openingHours : ws_.deskCalendar().settings.openingHours);
    WriteScope scope(ws_.db());
    if (holidaysFeed)
        ws_.facts().append(actor, kHolidaysInstalled, kSubject, {{"feed", *holidaysFeed}, {"source", holidaysSource}});
    if (parsed)
        ws_.facts().append(actor, kSettingsInstalled, kSubject, {{"settings", parsed->toJson()}});
    scope.commit();
    ws_.reloadCalendar();
    return ws_.deskCalendar().installed;
}

} // namespace frontdoor::core
