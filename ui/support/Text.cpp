#include "support/Text.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace frontdoor::ui {

QString jsonText(const nlohmann::json& object, const char* key) {
    if (!object.is_object())
        return {};
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        return {};
    return qs(found->get<std::string>());
}

QDateTime toLocal(core::Instant instant) {
    return QDateTime::fromMSecsSinceEpoch(core::toEpochMs(instant), QTimeZone::utc()).toLocalTime();
}

core::Instant fromQDateTime(const QDateTime& when) {
    // A date-and-time box shows (and takes) minutes: the seconds of a default of "now" were never typed,
    // and the record keeps the minute the person saw (02:40, not 02:40:14.215).
    const qint64 ms = when.toMSecsSinceEpoch();
    return core::fromEpochMs(ms - ((ms % 60'000) + 60'000) % 60'000);
}

QString shortDateTime(core::Instant instant) {
    return QLocale().toString(toLocal(instant), QStringLiteral("ddd dd/MM/yyyy HH:mm"));
}

QString shortDateTime(const std::string& isoInstant) {
    const auto instant = core::parseInstant(isoInstant);
    return instant ? shortDateTime(*instant) : QString();
}

QString compactDateTime(core::Instant instant) {
    // One date format on every screen (issue 19 point 15): the same as shortDateTime.
    return shortDateTime(instant);
}

QString ukDate(const std::string& isoDate) {
    const auto date = core::parseDate(isoDate.substr(0, std::min<size_t>(10, isoDate.size())));
    if (!date)
        return qs(isoDate);
    return QStringLiteral("%1/%2/%3")
        .arg(static_cast<unsigned>(date->day()), 2, 10, QLatin1Char('0'))
        .arg(static_cast<unsigned>(date->month()), 2, 10, QLatin1Char('0'))
        .arg(static_cast<int>(date->year()), 4, 10, QLatin1Char('0'));
}

std::optional<core::Date> parseTypedDate(const QString& text, core::Date today) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (const auto iso = core::parseDate(ss(trimmed)))
        return iso;
    int day = 0, month = 0, year = 0;
    int yearDigits = 0;
    static const QRegularExpression separated(QStringLiteral(R"(^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$)"));
    static const QRegularExpression packed(QStringLiteral(R"(^(\d{2})(\d{2})(\d{2}|\d{4})$)"));
    QRegularExpressionMatch match = separated.match(trimmed);
    if (!match.hasMatch())
        match = packed.match(trimmed);
    if (!match.hasMatch())
        return std::nullopt;
    day = match.captured(1).toInt();
    month = match.captured(2).toInt();
    year = match.captured(3).toInt();
    yearDigits = static_cast<int>(match.captured(3).size());
    if (yearDigits == 2) {
        const int thisYear = static_cast<int>(today.year());
        const int century = thisYear / 100 * 100;
        year += century;
        if (year > thisYear + 1)
            year -= 100;
    }
    const core::Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

QString humanise(const std::string& code) {
    QString text = qs(code);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace frontdoor::ui
