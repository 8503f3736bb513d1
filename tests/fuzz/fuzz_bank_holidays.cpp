// Bank holidays in gov.uk's format (`calendar install --holidays`, `deadline --holidays`).
#include "FuzzSupport.h"

#include "time/BankHolidays.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace frontdoor;
    return fuzz::refuseOrAccept(data, size, [](std::string_view text) { (void)core::BankHolidays::parse(text, "fuzz"); });
}
