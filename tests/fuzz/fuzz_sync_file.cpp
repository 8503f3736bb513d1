// A batch file as another desk's folder on the share holds it: header, authentication under the team
// key, decompression, every fact parsed and chained (sync::decodeBatch). The seeds are real batch files
// made under the fuzz team key (FRONTDOOR_FUZZ_MAKE_SEEDS=DIR writes them into DIR/sync_file, and the
// same facts as plain lines into DIR/sync_facts for fuzz_sync_facts), so mutations reach past the
// header; a refusal is a status, never an exception.
#include "FuzzSupport.h"

#include "store/Fact.h"
#include "sync/BatchFile.h"
#include "sync/FactCodec.h"
#include "util/Uuid.h"

#include <cstdlib>
#include <fstream>

namespace {

const std::string& fuzzTeamKey() {
    static const std::string key(frontdoor::core::sync::kTeamKeySize, '\x42');
    return key;
}

// Writes a few genuine batch files into DIR/sync_file, and their facts as lines into DIR/sync_facts.
void makeSeeds(const std::string& dir) {
    using namespace frontdoor::core;
    const std::string device = "0193a5c0-0000-7000-8000-00000000d35c";
    std::vector<Fact> facts;
    std::string prev;
    for (int i = 1; i <= 3; ++i) {
        Fact fact;
        fact.id = "0193a5c0-0000-7000-8000-00000000000" + std::to_string(i);
        fact.hlc = HlcStamp::make(1764324000000 + i * 1000, 0);
        fact.deviceId = device;
        fact.deviceSeq = i;
        fact.userId = "sam.screener";
        fact.role = "screener";
        fact.type = i == 1 ? "contact.recorded" : "contact.note_added";
        fact.subject = "0193a5c0-0000-7000-8000-0000000000c1";
        fact.payload = i == 1 ? Json{{"received_at", "2026-11-28T09:00:00.000Z"}, {"channel", "phone"}}
                              : Json{{"text", "Rang the school back"}};
        fact.recordedAt = Instant{std::chrono::milliseconds{1764324000000 + i * 1000}};
        fact.prevHash = prev;
        fact.hash = computeFactHash(fact);
        prev = fact.hash;
        facts.push_back(fact);
    }
    sync::BatchHeader header;
    header.schemaVersion = 12;
    header.teamId = "0193a5c0-0000-7000-8000-0000000007ea";
    header.deviceId = device;
    for (size_t n = 1; n <= facts.size(); ++n) {
        header.fileSeq = static_cast<int64_t>(n);
        const std::vector<Fact> batch(facts.begin(), facts.begin() + static_cast<long>(n));
        std::ofstream(dir + "/sync_file/batch-" + std::to_string(n) + ".fdb", std::ios::binary)
            << sync::encodeBatch(header, batch, fuzzTeamKey());
        std::ofstream(dir + "/sync_facts/facts-" + std::to_string(n) + ".jsonl", std::ios::binary)
            << sync::encodeFacts(batch);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("FRONTDOOR_FUZZ_MAKE_SEEDS")) {
        makeSeeds(dir);
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace frontdoor;
    return fuzz::refuseOrAccept(data, size, [](std::string_view text) {
        const std::string bytes(text);
        (void)core::sync::readBatchHeader(bytes);
        (void)core::sync::decodeBatch(bytes, fuzzTeamKey());
    });
}
