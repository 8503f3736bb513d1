#pragma once
// Small conversions between core's types (std::string, Instant, Date, JSON) and what Qt shows.

#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QLocale>
#include <QString>

#include <optional>
#include <string>

namespace frontdoor::ui {

inline QString qs(const std::string& text) { return QString::fromStdString(text); }
inline std::string ss(const QString& text) { return text.toStdString(); }

/// A string member of a JSON object, or "" when absent or not a string.
QString jsonText(const nlohmann::json& object, const char* key);

/// An instant in the desk's local time.
QDateTime toLocal(core::Instant instant);
/// What a date-and-time box holds, as an instant to the minute the box shows (seconds dropped).
core::Instant fromQDateTime(const QDateTime& when);

/// "Mon 23/11/2026 09:15" in local time; "" for an unreadable text.
QString shortDateTime(core::Instant instant);
QString shortDateTime(const std::string& isoInstant);
/// For table columns: now the same as shortDateTime ("Mon 23/11/2026 09:15"), one format everywhere.
QString compactDateTime(core::Instant instant);
/// "12/03/2015" from "2015-03-12".
QString ukDate(const std::string& isoDate);

/// Reads a date typed the way people in England type them: 12/03/2015, 12-3-2015, 12.03.15, 12032015,
/// or ISO 2015-03-12. Two-digit years are taken as the most recent such year not after `today`'s
/// year + 1. Returns nullopt for anything else or an impossible date (31/02/2015).
std::optional<core::Date> parseTypedDate(const QString& text, core::Date today);

/// A readable label for a code of core's ("not_sought" -> "Not sought").
QString humanise(const std::string& code);

} // namespace frontdoor::ui
