// The facts inside a batch file once it is decrypted and decompressed: JSON lines, one fact each, with
// every field of the fact (sync::decodeFacts). Reached only through an authenticated file in real use,
// but a desk with the team key could write anything there, so it is fuzzed on its own.
#include "FuzzSupport.h"

#include "sync/FactCodec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace frontdoor;
    return fuzz::refuseOrAccept(data, size, [](std::string_view text) {
        try {
            for (const auto& fact : core::sync::decodeFacts(text))
                (void)core::sync::encodeFact(fact);
        } catch (const core::sync::FactCodecError&) {
            // refused in words: the codec's own kind of refusal
        }
    });
}
