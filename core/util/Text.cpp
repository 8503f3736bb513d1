#include "util/Text.h"

#include <sodium.h>

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

} // namespace frontdoor::core
