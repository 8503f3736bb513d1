// The contact JSON of `contact record` and the new-contact form: the bounded reader, then the contact's
// own validation, as the CLI calls them.
#include "FuzzSupport.h"

#include "contacts/Contact.h"
#include "util/JsonInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace frontdoor;
    return fuzz::refuseOrAccept(data, size, [](std::string_view text) {
        const auto json = core::parseJsonInput(text, "fuzz");
        const auto now = core::parseInstant("2026-11-28T10:00:00Z").value();
        const auto contact = core::readContact(json, now);
        (void)core::toJson(contact);
    });
}
