#include "store/Hlc.h"

#include <cstdio>

namespace frontdoor::core {

std::string HlcStamp::toString() const {
    char counterText[8];
    std::snprintf(counterText, sizeof counterText, "#%04u", static_cast<unsigned>(counter()));
    return formatInstant(fromEpochMs(wallMs())) + counterText;
}

HlcStamp HybridLogicalClock::tick(Instant wall) {
    const int64_t physical = toEpochMs(wall);
    if (physical > last_.wallMs()) {
        last_ = HlcStamp::make(physical, 0);
    } else if (last_.counter() == 0xFFFF) {
        // 65,536 events in one millisecond: borrow the next millisecond rather than wrap.
        last_ = HlcStamp::make(last_.wallMs() + 1, 0);
    } else {
        last_ = HlcStamp{last_.packed + 1};
    }
    return last_;
}

void HybridLogicalClock::observe(HlcStamp remote) {
    if (remote > last_)
        last_ = remote;
}

} // namespace frontdoor::core
