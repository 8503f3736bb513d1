#include "util/Uuid.h"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <mutex>

namespace frontdoor::core {

void randomBytes(void* buffer, size_t size) {
    static std::once_flag initialised;
    std::call_once(initialised, [] {
        if (sodium_init() < 0)
            throw std::runtime_error("libsodium could not be initialised");
    });
    // randomBytes(nullptr, 0) only initialises libsodium; randombytes_buf must never see a null buffer.
    if (size > 0)
        randombytes_buf(buffer, size);
}

std::string newUuidV7(Instant at) {
    std::array<uint8_t, 16> bytes{};
    randomBytes(bytes.data(), bytes.size());
    const auto ms = static_cast<uint64_t>(toEpochMs(at));
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<uint8_t>(ms >> (8 * (5 - i)));
    bytes[6] = static_cast<uint8_t>(0x70 | (bytes[6] & 0x0F)); // version 7
    bytes[8] = static_cast<uint8_t>(0x80 | (bytes[8] & 0x3F)); // RFC variant
    static const char* hex = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text += '-';
        text += hex[bytes[i] >> 4];
        text += hex[bytes[i] & 0x0F];
    }
    return text;
}

bool isUuid(const std::string& text) {
    if (text.size() != 36)
        return false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

} // namespace frontdoor::core
