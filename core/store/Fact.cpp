#include "store/Fact.h"

#include "util/Text.h"

namespace frontdoor::core {

Json Fact::toJson() const {
    return Json{{"id", id},
                {"hlc", hlc.toString()},
                {"device_id", deviceId},
                {"device_seq", deviceSeq},
                {"user", userId},
                {"role", role},
                {"type", type},
                {"subject", subject},
                {"recorded_at", formatInstant(recordedAt)},
                {"payload", payload}};
}

std::string computeFactHash(const Fact& fact) {
    // Canonical form: fields joined by a separator that cannot occur in them unescaped; the payload in
    // nlohmann's dump(), which sorts object keys, so equal content always hashes equally.
    const std::string canonical = fact.prevHash + '\x1f' + fact.id + '\x1f' + std::to_string(fact.hlc.packed) +
                                  '\x1f' + fact.deviceId + '\x1f' + std::to_string(fact.deviceSeq) + '\x1f' +
                                  fact.userId + '\x1f' + fact.role + '\x1f' + fact.type + '\x1f' + fact.subject +
                                  '\x1f' + std::to_string(toEpochMs(fact.recordedAt)) + '\x1f' +
                                  fact.payload.dump();
    return sha256Hex(canonical);
}

} // namespace frontdoor::core
