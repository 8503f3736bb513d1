#pragma once
// What every fuzz target shares: the bytes as text, and the rule that a refusal in core's words
// (core::Error: ValidationError and its kin) is a correct answer to bad input. Anything else escaping
// (std::out_of_range, nlohmann's type_error, a crash, a leak, undefined behaviour) is a finding.

#include "util/Errors.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace frontdoor::fuzz {

inline std::string_view asText(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

template <class Parse> int refuseOrAccept(const uint8_t* data, size_t size, Parse parse) {
    try {
        parse(asText(data, size));
    } catch (const core::Error&) {
        // refused in words: what bad input should get
    }
    return 0;
}

} // namespace frontdoor::fuzz
