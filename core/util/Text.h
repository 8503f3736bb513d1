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

/// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view text);

/// The number of characters (code points) in UTF-8 text; an ill-formed byte counts as one.
size_t utf8Length(std::string_view text);

/// At most `maxCharacters` characters of `text`, for an error message that must not repeat a long or
/// hostile value: ill-formed UTF-8 and control characters become U+FFFD, and a cut text ends with
/// "... (N characters)". Never throws.
std::string excerpt(std::string_view text, size_t maxCharacters = 60);

/// excerpt() in double quotes: "\"abc\"".
std::string quoteExcerpt(std::string_view text, size_t maxCharacters = 60);

} // namespace frontdoor::core
