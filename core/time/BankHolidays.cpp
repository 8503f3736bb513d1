#include "time/BankHolidays.h"

#include "EmbeddedResources.h"
#include "time/UkTime.h"
#include "util/Errors.h"
#include "util/JsonFields.h"
#include "util/JsonInput.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace frontdoor::core {
namespace {

using namespace std::chrono;

const std::string kDivision = "england-and-wales";
const std::string kEventsPath = kDivision + ".events";

bool isWeekend(Date date) {
    const weekday day{sys_days{date}};
    return day == Saturday || day == Sunday;
}

std::optional<BankHoliday> readEvent(const nlohmann::json& item, const std::string& path,
                                     std::vector<FieldError>& errors) {
    JsonFields fields(item, path, errors);
    BankHoliday holiday;
    holiday.title = fields.text("title", true, 200);
    const auto date = fields.date("date", true);
    holiday.notes = fields.text("notes", false, 200);
    fields.boolean("bunting"); // read only to check its type; Frontdoor has no use for bunting
    if (date && isWeekend(*date))
        fields.fail("date", "\"" + formatDate(*date) + "\" is a " + weekdayName(weekday{sys_days{*date}}) +
                                "; the feed lists the weekday a holiday is observed on (its substitute day)");
    if (!fields.valid() || !date)
        return std::nullopt;
    holiday.date = *date;
    return holiday;
}

// The events must be in date order with no date twice; reports each one that breaks that. Order is checked
// against the neighbour only, so one misplaced event is one problem, not a cascade.
void checkOrder(const std::vector<std::pair<size_t, BankHoliday>>& read, std::vector<FieldError>& errors) {
    std::map<int, size_t> seen; // day number -> index of its first event
    for (size_t i = 0; i < read.size(); ++i) {
        const auto& [index, holiday] = read[i];
        const std::string field = indexPath(kEventsPath, index) + ".date";
        const std::string quoted = "\"" + formatDate(holiday.date) + "\"";
        const auto [first, isNew] = seen.emplace(toDayNumber(holiday.date), index);
        if (!isNew) {
            errors.push_back({field, quoted + " is listed twice (also " + indexPath(kEventsPath, first->second) + ")"});
            continue;
        }
        if (i == 0)
            continue;
        const auto& [previousIndex, previous] = read[i - 1];
        if (holiday.date < previous.date)
            errors.push_back({field, quoted + " is earlier than \"" + formatDate(previous.date) +
                                         "\", listed before it (" + indexPath(kEventsPath, previousIndex) +
                                         "); the events must be in date order"});
    }
}

// A year with no events inside the data's span would silently become a year without holidays.
void checkYearsComplete(const std::vector<std::pair<size_t, BankHoliday>>& read, std::vector<FieldError>& errors) {
    std::set<int> years;
    for (const auto& [_, holiday] : read)
        years.insert(static_cast<int>(holiday.date.year()));
    if (years.empty())
        return;
    for (int year = *years.begin(); year <= *years.rbegin(); ++year)
        if (!years.count(year))
            errors.push_back({kEventsPath, "has no holidays in " + std::to_string(year) + "; every year from " +
                                               std::to_string(*years.begin()) + " to " +
                                               std::to_string(*years.rbegin()) + " must be listed"});
}

Date nextWeekday(Date date) {
    sys_days day{date};
    do
        day += days{1};
    while (isWeekend(Date{day}));
    return Date{day};
}

// Holidays on weekdays keep their dates; each weekend one then takes the next weekday still free.
void placeWithSubstitutes(std::vector<BankHoliday>& holidays) {
    std::set<sys_days> taken;
    for (const auto& holiday : holidays)
        if (!isWeekend(holiday.date))
            taken.insert(sys_days{holiday.date});
    for (auto& holiday : holidays) {
        if (!isWeekend(holiday.date))
            continue;
        Date substitute = nextWeekday(holiday.date);
        while (taken.count(sys_days{substitute}))
            substitute = nextWeekday(substitute);
        taken.insert(sys_days{substitute});
        holiday.date = substitute;
        holiday.notes = "Substitute day";
    }
    std::sort(holidays.begin(), holidays.end(),
              [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
}

} // namespace

nlohmann::json BankHoliday::toJson() const {
    return {{"date", formatDate(date)}, {"title", title}, {"notes", notes}, {"provisional", provisional}};
}

BankHolidays BankHolidays::fromJson(const nlohmann::json& feed) {
    std::vector<FieldError> errors;
    JsonFields root(feed, "", errors);
    std::vector<std::pair<size_t, BankHoliday>> read;
    if (const auto* division = root.object(kDivision, true)) {
        JsonFields fields(*division, kDivision, errors);
        const std::string name = fields.text("division", true);
        if (!name.empty() && name != kDivision)
            fields.fail("division", "is \"" + name + "\"; Frontdoor reads the \"" + kDivision + "\" division");
        const auto events = fields.array("events", true);
        if (fields.has("events") && events.empty())
            fields.fail("events", "is empty; it must list the bank holidays");
        for (size_t i = 0; i < events.size(); ++i)
            if (auto holiday = readEvent(*events[i], indexPath(kEventsPath, i), errors))
                read.emplace_back(i, std::move(*holiday));
    }
    checkOrder(read, errors);
    checkYearsComplete(read, errors);
    if (!errors.empty())
        throw ValidationError(std::move(errors));

    BankHolidays result;
    for (auto& [_, holiday] : read)
        result.events_.push_back(std::move(holiday));
    result.firstYear_ = static_cast<int>(result.events_.front().date.year());
    result.lastYear_ = static_cast<int>(result.events_.back().date.year());
    return result;
}

BankHolidays BankHolidays::parse(std::string_view text, const std::string& source) {
    return fromJson(parseJsonInput(text, source));
}

BankHolidays BankHolidays::loadFile(const std::string& path) {
    return fromJson(readJsonInputFile(path, path));
}

BankHolidays BankHolidays::embedded() {
    const auto text = resources::embedded("bank-holidays-england-wales.json");
    if (!text)
        throw std::logic_error("bank-holidays-england-wales.json is not embedded in this build");
    return parse(*text, "bank-holidays-england-wales.json (embedded)");
}

Date easterSunday(int year) {
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                std::chrono::day{static_cast<unsigned>(day)}};
}

std::vector<BankHoliday> regularBankHolidays(int year) {
    const std::chrono::year y{year};
    const sys_days easter{easterSunday(year)};
    std::vector<BankHoliday> holidays = {
        {y / January / 1, "New Year\u2019s Day", "", true},
        {Date{easter - days{2}}, "Good Friday", "", true},
        {Date{easter + days{1}}, "Easter Monday", "", true},
        {Date{sys_days{y / May / Monday[1]}}, "Early May bank holiday", "", true},
        {Date{sys_days{y / May / Monday[last]}}, "Spring bank holiday", "", true},
        {Date{sys_days{y / August / Monday[last]}}, "Summer bank holiday", "", true},
        {y / December / 25, "Christmas Day", "", true},
        {y / December / 26, "Boxing Day", "", true},
    };
    placeWithSubstitutes(holidays);
    return holidays;
}

} // namespace frontdoor::core
