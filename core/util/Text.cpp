#include "util/Text.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

namespace frontdoor::core {

std::vector<std::string> splitList(std::string_view text, char separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(separator, start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            parts.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::optional<std::string> nonEmpty(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    return text;
}

std::string toHex(std::string_view bytes) {
    static const char* hex = "0123456789abcdef";
    std::string text;
    text.reserve(bytes.size() * 2);
    for (unsigned char byte : bytes) {
        text += hex[byte >> 4];
        text += hex[byte & 0x0F];
    }
    return text;
}

std::string sha256Hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return toHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string formatDayMonthYear(Date date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return buffer;
}

namespace {

// The length of the well-formed UTF-8 sequence at `pos`, or 0 when the byte there does not start one.
size_t sequenceLength(std::string_view text, size_t pos) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char first = byte(pos);
    if (first < 0x80)
        return 1;
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // the range of the second byte
    if (first >= 0xC2 && first <= 0xDF) {
        length = 2;
    } else if (first >= 0xE0 && first <= 0xEF) {
        length = 3;
        if (first == 0xE0)
            low = 0xA0; // no overlong forms
        else if (first == 0xED)
            high = 0x9F; // no UTF-16 surrogates
    } else if (first >= 0xF0 && first <= 0xF4) {
        length = 4;
        if (first == 0xF0)
            low = 0x90;
        else if (first == 0xF4)
            high = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (pos + length > text.size())
        return 0;
    if (byte(pos + 1) < low || byte(pos + 1) > high)
        return 0;
    for (size_t i = 2; i < length; ++i)
        if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF)
            return 0;
    return length;
}

} // namespace

bool isValidUtf8(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = sequenceLength(text, pos);
        if (length == 0)
            return false;
        pos += length;
    }
    return true;
}

size_t utf8Length(std::string_view text) {
    size_t count = 0;
    for (size_t pos = 0; pos < text.size(); ++count)
        pos += std::max<size_t>(1, sequenceLength(text, pos));
    return count;
}

std::string excerpt(std::string_view text, size_t maxCharacters) {
    static const std::string replacement = "\xEF\xBF\xBD"; // U+FFFD
    std::string shown;
    size_t characters = 0;
    size_t pos = 0;
    for (; pos < text.size() && characters < maxCharacters; ++characters) {
        const size_t length = sequenceLength(text, pos);
        if (length == 0 || static_cast<unsigned char>(text[pos]) < 0x20 || text[pos] == 0x7F) {
            shown += replacement;
            pos += 1;
        } else {
            shown.append(text.substr(pos, length));
            pos += length;
        }
    }
    if (pos < text.size())
        shown += "... (" + std::to_string(utf8Length(text)) + " characters)";
    return shown;
}

std::string quoteExcerpt(std::string_view text, size_t maxCharacters) { return "\"" + excerpt(text, maxCharacters) + "\""; }

} // namespace frontdoor::core
