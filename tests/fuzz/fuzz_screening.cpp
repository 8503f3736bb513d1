// `screen --json`: a contact with indicators and context, evaluated against the default rule set
// (nothing recorded), on an in-memory database as the CLI uses one.
#include "FuzzSupport.h"

#include "Workspace.h"
#include "rules/ScreeningDecisionService.h"
#include "util/Clock.h"
#include "util/JsonInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace frontdoor;
    static core::FixedClock clock(core::parseInstant("2026-11-28T10:00:00Z").value());
    static auto workspace = core::Workspace::open(":memory:", clock);
    return fuzz::refuseOrAccept(data, size, [](std::string_view text) {
        const auto json = core::parseJsonInput(text, "fuzz");
        (void)core::ScreeningDecisionService(*workspace).screen(json, nullptr).toJson();
    });
}
