#pragma once
// Hybrid logical clock (Kulkarni et al., 2014): a stamp that follows wall-clock time but never runs
// backwards, even if the desk's clock is set back or a fact arrives from a desk whose clock is ahead.
// Packed into one 64-bit integer (48 bits of Unix milliseconds, 16 bits of counter) so that it sorts
// and indexes as a plain number.

#include "util/Instant.h"

#include <cstdint>
#include <string>

namespace frontdoor::core {

struct HlcStamp {
    int64_t packed = 0;

    static HlcStamp make(int64_t wallMs, uint16_t counter) { return {(wallMs << 16) | counter}; }
    int64_t wallMs() const { return packed >> 16; }
    uint16_t counter() const { return static_cast<uint16_t>(packed & 0xFFFF); }
    /// "2026-11-23T11:48:49.123Z#0003".
    std::string toString() const;
    auto operator<=>(const HlcStamp&) const = default;
};

class HybridLogicalClock {
public:
    /// `last` is the highest stamp this desk has already issued or seen.
    explicit HybridLogicalClock(HlcStamp last = {}) : last_(last) {}

    /// A stamp for a local event at physical time `wall`, strictly greater than any before.
    HlcStamp tick(Instant wall);
    /// Takes note of a stamp received from another desk, so later local stamps sort after it.
    void observe(HlcStamp remote);
    HlcStamp last() const { return last_; }

private:
    HlcStamp last_;
};

} // namespace frontdoor::core
