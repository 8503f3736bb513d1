#pragma once
// Small text helpers shared across core.

#include "util/Instant.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core {

/// "a,b,,c" -> {"a", "b", "c"}: the non-empty parts.
std::vector<std::string> splitList(std::string_view text, char separator = ',');

/// nullopt for "", so an empty field is stored as SQL NULL.
std::optional<std::string> nonEmpty(const std::string& text);

/// Bytes as lower-case hexadecimal.
std::string toHex(std::string_view bytes);

/// SHA-256 (libsodium) of `data`, as lower-case hexadecimal.
std::string sha256Hex(std::string_view data);

/// "12/03/2015": the date as people in the UK write it, and as Annex A returns expect it.
std::string formatDayMonthYear(Date date);

} // namespace frontdoor::core
