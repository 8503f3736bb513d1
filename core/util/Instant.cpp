#include "util/Instant.h"

#include <cstdio>

namespace frontdoor::core {
namespace {

bool readDigits(std::string_view text, size_t pos, size_t count, int& out) {
    if (pos + count > text.size())
        return false;
    int value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

std::optional<Date> makeDate(int y, int m, int d) {
    if (y < kFirstYear || y > kLastYear)
        return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

} // namespace

std::string formatDate(Date date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::optional<Date> parseDate(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    if (!readDigits(text, 0, 4, y) || !readDigits(text, 5, 2, m) || !readDigits(text, 8, 2, d))
        return std::nullopt;
    return makeDate(y, m, d);
}

std::string formatInstant(Instant instant) {
    using namespace std::chrono;
    const auto day = floor<days>(instant);
    const Date date{day};
    const long long ms = (instant - day).count();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%sT%02lld:%02lld:%02lld.%03lldZ", formatDate(date).c_str(),
                  ms / 3'600'000, (ms / 60'000) % 60, (ms / 1000) % 60, ms % 1000);
    return buffer;
}

std::optional<Instant> parseInstant(std::string_view text) {
    using namespace std::chrono;
    if (text.size() < 17 || (text[10] != 'T' && text[10] != 't' && text[10] != ' '))
        return std::nullopt;
    const auto date = parseDate(text.substr(0, 10));
    if (!date)
        return std::nullopt;
    int hh = 0, mi = 0, ss = 0, frac = 0;
    size_t pos = 11;
    if (!readDigits(text, pos, 2, hh) || text.size() <= pos + 2 || text[pos + 2] != ':' ||
        !readDigits(text, pos + 3, 2, mi))
        return std::nullopt;
    pos += 5;
    if (pos < text.size() && text[pos] == ':') {
        if (!readDigits(text, pos + 1, 2, ss))
            return std::nullopt;
        pos += 3;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            ++pos;
            int digits = 0;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                if (digits < 3)
                    frac = frac * 10 + (text[pos] - '0');
                ++digits;
                ++pos;
            }
            if (digits == 0)
                return std::nullopt;
            for (int i = digits; i < 3; ++i)
                frac *= 10;
        }
    }
    if (hh > 23 || mi > 59 || ss > 59)
        return std::nullopt;
    if (pos >= text.size())
        return std::nullopt; // an offset is required: local wall time alone is ambiguous
    int offsetMinutes = 0;
    const char sign = text[pos];
    if (sign == 'Z' || sign == 'z') {
        if (pos + 1 != text.size())
            return std::nullopt;
    } else if (sign == '+' || sign == '-') {
        int oh = 0, om = 0;
        const std::string_view rest = text.substr(pos + 1);
        if (rest.size() == 5 && rest[2] == ':') {
            if (!readDigits(rest, 0, 2, oh) || !readDigits(rest, 3, 2, om))
                return std::nullopt;
        } else if (rest.size() == 4) {
            if (!readDigits(rest, 0, 2, oh) || !readDigits(rest, 2, 2, om))
                return std::nullopt;
        } else if (rest.size() == 2) {
            if (!readDigits(rest, 0, 2, oh))
                return std::nullopt;
        } else {
            return std::nullopt;
        }
        if (oh > 18 || om > 59)
            return std::nullopt;
        offsetMinutes = (oh * 60 + om) * (sign == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    if (offsetMinutes > 18 * 60 || offsetMinutes < -18 * 60)
        return std::nullopt;
    const auto local = sys_days{*date} + hours{hh} + minutes{mi} + seconds{ss} + milliseconds{frac};
    const Instant instant{local - minutes{offsetMinutes}};
    const int utcYear = static_cast<int>(utcDate(instant).year());
    if (utcYear < kFirstYear || utcYear > kLastYear)
        return std::nullopt; // 9999-12-31T23:00-05:00 is in the year 10000
    return instant;
}

Date utcDate(Instant instant) { return Date{std::chrono::floor<std::chrono::days>(instant)}; }

int ageInYears(Date dateOfBirth, Date on) {
    int years = static_cast<int>(on.year()) - static_cast<int>(dateOfBirth.year());
    if (on.month() < dateOfBirth.month() ||
        (on.month() == dateOfBirth.month() && on.day() < dateOfBirth.day()))
        --years;
    return years;
}

} // namespace frontdoor::core
