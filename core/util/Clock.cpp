#include "util/Clock.h"

namespace frontdoor::core {

Instant SystemClock::now() const {
    return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now());
}

} // namespace frontdoor::core
