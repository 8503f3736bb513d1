// Calendar settings: opening hours, deadline rules, urgency thresholds (`calendar install --settings`).
#include "FuzzSupport.h"

#include "time/CalendarSettings.h"
#include "util/JsonInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace frontdoor;
    return fuzz::refuseOrAccept(data, size, [](std::string_view text) {
        (void)core::CalendarSettings::fromJson(core::parseJsonInput(text, "fuzz"));
    });
}
