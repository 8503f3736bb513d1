#include "time/OpeningHours.h"

#include "time/UkTime.h"
#include "util/Errors.h"
#include "util/JsonFields.h"
#include "util/Text.h"

#include <algorithm>
#include <cctype>

namespace frontdoor::core {
namespace {

using namespace std::chrono;

constexpr Milliseconds kMidnight = hours{24};

std::optional<std::string> problemWith(const DayHours& hours) {
    if (hours.opens < Milliseconds{0} || hours.opens >= kMidnight)
        return "opening time must be from 00:00 to 23:59";
    if (hours.closes > kMidnight)
        return "closing time must be no later than 24:00";
    if (hours.closes <= hours.opens)
        return "closes at " + formatClockTime(hours.closes) + ", which is not after it opens at " +
               formatClockTime(hours.opens);
    return std::nullopt;
}

std::optional<DayHours> readDay(const nlohmann::json& value, const std::string& path,
                                std::vector<FieldError>& errors) {
    JsonFields fields(value, path, errors);
    const std::string opens = fields.text("opens", true);
    const std::string closes = fields.text("closes", true);
    fields.rejectUnknownKeys();
    const auto opensAt = parseClockTime(opens);
    const auto closesAt = parseClockTime(closes);
    if (!opens.empty() && !opensAt)
        fields.fail("opens", quoteExcerpt(opens) + " is not a time such as 09:00");
    if (!closes.empty() && !closesAt)
        fields.fail("closes", quoteExcerpt(closes) + " is not a time such as 17:00 (24:00 for midnight)");
    if (!opensAt || !closesAt)
        return std::nullopt;
    const DayHours hours{*opensAt, *closesAt};
    if (const auto problem = problemWith(hours)) {
        errors.push_back({path, *problem});
        return std::nullopt;
    }
    return hours;
}

} // namespace

const std::array<weekday, 7>& weekdaysMondayFirst() {
    static const std::array<weekday, 7> days = {Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday};
    return days;
}

std::string weekdayKey(weekday day) {
    std::string name = weekdayName(day);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    return name;
}

std::optional<Milliseconds> parseClockTime(const std::string& text) {
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    for (const size_t i : {0u, 1u, 3u, 4u})
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return std::nullopt;
    const int hh = (text[0] - '0') * 10 + (text[1] - '0');
    const int mm = (text[3] - '0') * 10 + (text[4] - '0');
    if (mm > 59 || hh > 24 || (hh == 24 && mm != 0))
        return std::nullopt;
    return hours{hh} + minutes{mm};
}

OpeningHours OpeningHours::haltonIcart() {
    OpeningHours result;
    const DayHours fullDay{hours{9}, hours{17}};
    for (const weekday day : {Monday, Tuesday, Wednesday, Thursday})
        result.set(day, fullDay);
    result.set(Friday, DayHours{hours{9}, hours{16} + minutes{30}});
    return result;
}

void OpeningHours::set(weekday day, std::optional<DayHours> hours) {
    if (hours)
        if (const auto problem = problemWith(*hours))
            throw ValidationError("opening_hours." + weekdayKey(day), *problem);
    days_[day.c_encoding()] = hours;
}

bool OpeningHours::alwaysClosed() const {
    return std::none_of(days_.begin(), days_.end(), [](const auto& day) { return day.has_value(); });
}

OpeningHours OpeningHours::fromJson(const nlohmann::json& json, const std::string& path) {
    std::vector<FieldError> errors;
    OpeningHours result;
    JsonFields fields(json, path, errors);
    if (fields.valid()) {
        for (const weekday day : weekdaysMondayFirst()) {
            const std::string key = weekdayKey(day);
            if (!json.contains(key)) {
                fields.fail(key, "is required: the day's hours, or null when closed all day");
            } else if (!json.at(key).is_null()) {
                result.days_[day.c_encoding()] = readDay(json.at(key), fields.pathOf(key), errors);
            }
        }
        fields.rejectUnknownKeys({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
    }
    if (errors.empty() && result.alwaysClosed())
        errors.push_back({path, "no day opens; at least one weekday needs opening hours"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    return result;
}

nlohmann::json OpeningHours::toJson() const {
    nlohmann::json json = nlohmann::json::object();
    for (const weekday day : weekdaysMondayFirst()) {
        const auto& hours = on(day);
        json[weekdayKey(day)] = hours ? nlohmann::json{{"opens", formatClockTime(hours->opens)},
                                                       {"closes", formatClockTime(hours->closes)}}
                                      : nlohmann::json(nullptr);
    }
    return json;
}

} // namespace frontdoor::core
