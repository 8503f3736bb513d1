// deadline | calendar | calendar open | calendar settings: the working calendar and every timescale.
// None of these touch the database; they read the embedded bank holidays and Halton iCART's settings,
// or files an administrator names with --holidays and --settings (so a replacement can be tried first).
#include "cli/Cli.h"

#include "time/CalendarConfig.h"
#include "time/CalendarSettings.h"
#include "time/Countdown.h"
#include "time/Deadlines.h"
#include "time/WorkingCalendar.h"
#include "util/Errors.h"
#include "util/JsonInput.h"
#include "util/Text.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace frontdoor::core::cli {
namespace {

// Ten years of days is plenty for a listing and keeps a typo ("--to 2206-01-01") from flooding a terminal.
constexpr int kMaxListedDays = 3660;

const std::vector<std::string> kCalendarFileOptions = {"holidays", "settings"};

Json readJsonFile(const std::string& path, const std::string& option) {
    return readJsonInputFile(path, "--" + option);
}

// The calendar and settings a command runs with: files named with --holidays and --settings; else,
// with --db, what that database has installed (calendar install); else the built-in ones.
class CalendarSetup {
public:
    explicit CalendarSetup(Context& ctx) {
        const auto settingsPath = ctx.args().option("settings");
        const auto holidaysPath = ctx.args().option("holidays");
        if (!settingsPath && !holidaysPath && ctx.args().option("db")) {
            const DeskCalendar& desk = ctx.workspace().deskCalendar();
            settings_ = desk.settings;
            holidaysSource_ = desk.installed["holidays"].is_null() ? "embedded" : "installed in the database";
            owned_ = std::make_unique<WorkingCalendar>(*desk.calendar);
            return;
        }
        if (settingsPath)
            settings_ = CalendarSettings::fromJson(readJsonFile(*settingsPath, "settings"));
        if (holidaysPath)
            holidaysSource_ = *holidaysPath;
        if (holidaysPath || settings_.openingHours != OpeningHours::haltonIcart())
            owned_ = std::make_unique<WorkingCalendar>(
                holidaysPath ? BankHolidays::loadFile(*holidaysPath) : BankHolidays::embedded(), settings_.openingHours);
    }

    const WorkingCalendar& calendar() const { return owned_ ? *owned_ : WorkingCalendar::standard(); }
    const CalendarSettings& settings() const { return settings_; }
    const std::string& holidaysSource() const { return holidaysSource_; }

private:
    CalendarSettings settings_;
    std::string holidaysSource_ = "embedded";
    std::unique_ptr<WorkingCalendar> owned_;
};

// Deadlines hinge on the offset, so a bare date or a time without one is refused rather than guessed.
std::optional<Instant> strictInstantOption(const Context& ctx, const std::string& name) {
    const auto text = ctx.args().option(name);
    if (!text)
        return std::nullopt;
    if (const auto instant = parseInstant(*text))
        return instant;
    throw ValidationError("--" + name, quoteExcerpt(*text) + " is not a date and time with a UTC offset, such as "
                                                      "2026-11-23T15:00:00Z or 2026-06-01T15:00:00+01:00");
}

Date requiredDateOption(const Context& ctx, const std::string& name) {
    const auto text = ctx.args().option(name);
    if (!text)
        throw ValidationError("--" + name, "is required (a date such as 2026-12-21)");
    const auto date = parseDate(*text);
    if (!date)
        throw ValidationError("--" + name, quoteExcerpt(*text) + " is not a date such as 2026-12-21");
    return *date;
}

DeadlineKind requiredKind(const Context& ctx) {
    if (ctx.args().positional().empty())
        throw ValidationError("KIND", "is required; the kinds are " + deadlineKindList());
    const std::string& name = ctx.args().positional().front();
    const auto kind = parseDeadlineKind(name);
    if (!kind)
        throw ValidationError("KIND", quoteExcerpt(name) + " is not a deadline kind; the kinds are " + deadlineKindList());
    return *kind;
}

// Boost.Date_Time handles the years 1400 to 9999 only: a deadline or a listing that runs past either end
// is refused as input (exit 2), not reported as a failure of the program.
template <int (*command)(Context&)>
int withinCalendarYears(Context& ctx) {
    try {
        return command(ctx);
    } catch (const std::out_of_range&) {
        throw ValidationError(ctx.args().option("from") ? "--from" : "--at",
                              "runs past the years the working calendar handles (1400 to 9999)");
    }
}

std::vector<std::string> withFileOptions(std::vector<std::string> options) {
    options.insert(options.end(), kCalendarFileOptions.begin(), kCalendarFileOptions.end());
    return options;
}

int deadlineCommand(Context& ctx) {
    const DeadlineKind kind = requiredKind(ctx);
    const auto from = strictInstantOption(ctx, "from");
    if (!from)
        throw ValidationError("--from", "is required (when the clock starts, e.g. 2026-11-23T15:00:00Z)");
    const auto at = strictInstantOption(ctx, "at");
    const CalendarSetup setup(ctx);
    const Deadlines deadlines(setup.calendar(), setup.settings().deadlines);
    const Deadline deadline = deadlines.compute(kind, *from);
    Json json = deadline.toJson();
    json["from_local"] = formatUkIso(*from);
    if (at)
        json["countdown"] = countdown(deadline, *at, setup.settings().urgency).toJson();
    ctx.print(json);
    return kOk;
}

int calendarCommand(Context& ctx) {
    const Date first = requiredDateOption(ctx, "from");
    const Date last = requiredDateOption(ctx, "to");
    const int length = toDayNumber(last) - toDayNumber(first) + 1;
    if (length < 1)
        throw ValidationError("--to", "is before --from");
    if (length > kMaxListedDays)
        throw ValidationError("--to", "lists " + std::to_string(length) + " days; at most " +
                                          std::to_string(kMaxListedDays) + " at a time");
    const CalendarSetup setup(ctx);
    const WorkingCalendar& calendar = setup.calendar();
    Json days = Json::array();
    Json holidays = Json::array();
    int workingDays = 0;
    for (const auto& day : calendar.days(first, last)) {
        days.push_back(day.toJson());
        workingDays += day.working ? 1 : 0;
        if (day.holiday)
            holidays.push_back(day.holiday->toJson());
    }
    ctx.print({{"from", formatDate(first)},
               {"to", formatDate(last)},
               {"working_days", workingDays},
               {"bank_holidays", holidays},
               {"data_years", {{"first", calendar.bankHolidays().firstYear()}, {"last", calendar.bankHolidays().lastYear()}}},
               {"days", days}});
    return kOk;
}

int openCommand(Context& ctx) {
    const Instant at = strictInstantOption(ctx, "at").value_or(ctx.clock().now());
    const CalendarSetup setup(ctx);
    const WorkingCalendar& calendar = setup.calendar();
    const UkLocalTime local = toUkLocal(at);
    const bool open = calendar.isOpen(at);
    Json json{{"at", formatInstant(at)},
              {"at_local", formatUkIso(at)},
              {"open", open},
              {"on_duty", dutyName(calendar.onDuty(at))},
              {"working_day", calendar.isWorkingDay(local.date)}};
    if (const auto holiday = calendar.holidayOn(local.date))
        json["holiday"] = holiday->toJson();
    if (open) {
        const Instant closes = calendar.closingTime(local.date);
        json["closes_at"] = formatInstant(closes);
        json["closes_at_local"] = formatUkIso(closes);
    } else {
        const Instant opens = calendar.nextOpening(at);
        json["next_opening"] = formatInstant(opens);
        json["next_opening_local"] = formatUkIso(opens);
    }
    ctx.print(json);
    return kOk;
}

int settingsCommand(Context& ctx) {
    const CalendarSetup setup(ctx);
    const BankHolidays& holidays = setup.calendar().bankHolidays();
    Json json = setup.settings().toJson();
    json["bank_holidays"] = {{"source", setup.holidaysSource()},
                             {"first_year", holidays.firstYear()},
                             {"last_year", holidays.lastYear()},
                             {"events", holidays.events().size()}};
    json["deadline_kinds"] = Json::array();
    for (const DeadlineKind kind : deadlineKinds())
        json["deadline_kinds"].push_back(deadlineKindName(kind));
    ctx.print(json);
    return kOk;
}

} // namespace

void registerCalendarCommands() {
    addCommand({"deadline", "deadline KIND --from INSTANT [--at INSTANT] [--holidays FILE] [--settings FILE]",
                "When a deadline falls due and why. KIND: " + deadlineKindList() +
                    ". INSTANT carries an offset or Z. --at adds the countdown (time left, urgency colour).",
                withFileOptions({"from", "at"}), {}, withinCalendarYears<deadlineCommand>});
    addCommand({"calendar", "calendar --from DATE --to DATE [--holidays FILE] [--settings FILE]",
                "Each day from DATE to DATE (inclusive): working, bank holiday (provisional ones marked) or closed.",
                withFileOptions({"from", "to"}), {}, withinCalendarYears<calendarCommand>});
    addCommand({"calendar open", "calendar open [--at INSTANT] [--holidays FILE] [--settings FILE]",
                "Whether the front door is open at INSTANT (default now), who is on duty (day_team or edt), and "
                "when it next closes or opens.",
                withFileOptions({"at"}), {}, withinCalendarYears<openCommand>});
    addCommand({"calendar settings", "calendar settings [--holidays FILE] [--settings FILE]",
                "The opening hours, deadline rules, urgency thresholds and bank-holiday data in use; checks "
                "replacement files named with --holidays and --settings.",
                withFileOptions({}), {}, settingsCommand});
    addCommand({"calendar install", "calendar install [--holidays FILE] [--settings FILE]",
                "Make a bank holidays file (gov.uk feed format) and/or calendar settings this database's own "
                "(administrator). Each is checked first; a bad file changes nothing. Recorded as facts, so every "
                "desk computes the same deadlines; new deadlines use it at once, recorded ones keep theirs.",
                {"holidays", "settings"}, {}, [](Context& ctx) {
                    const auto holidaysPath = ctx.args().option("holidays");
                    const auto settingsPath = ctx.args().option("settings");
                    std::optional<Json> feed;
                    std::optional<Json> settings;
                    if (holidaysPath)
                        feed = readJsonFile(*holidaysPath, "holidays");
                    if (settingsPath)
                        settings = readJsonFile(*settingsPath, "settings");
                    const Actor actor = ctx.actor();
                    const std::string source = holidaysPath
                        ? std::filesystem::path(*holidaysPath).filename().string() : std::string();
                    ctx.print({{"installed", CalendarConfigService(ctx.workspace()).install(actor, feed, source, settings)}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
