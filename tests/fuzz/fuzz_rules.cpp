// A threshold rule set (`rules validate`, `rules install`, `screen --rules`).
#include "FuzzSupport.h"

#include "rules/RuleSetLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace frontdoor;
    return fuzz::refuseOrAccept(data, size, [](std::string_view text) { (void)core::loadRuleSetText(text, "fuzz"); });
}
