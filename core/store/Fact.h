#pragma once
// A fact: one immutable thing that happened, as recorded by one user on one desk. The fact log is the
// record itself and its audit trail; every table a screen reads is a projection of it.

#include "store/Hlc.h"
#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <string>

namespace frontdoor::core {

using Json = nlohmann::json;

/// Who is acting, and in which of their roles (a user may hold several).
struct Actor {
    std::string userId;
    std::string role;
};

struct Fact {
    std::string id;         ///< UUIDv7
    HlcStamp hlc;           ///< total order across desks: (hlc, deviceId, id)
    std::string deviceId;   ///< the desk that recorded it
    int64_t deviceSeq = 0;  ///< 1, 2, 3... per desk, so gaps are detectable when desks share work
    std::string userId;
    std::string role;
    std::string type;       ///< e.g. "contact.recorded"
    std::string subject;    ///< the id of the record it is about (a contact, a person)
    Json payload;
    Instant recordedAt;     ///< the desk's wall clock when recorded
    std::string prevHash;   ///< hash of this desk's previous fact ("" for the first)
    std::string hash;       ///< SHA-256 over prevHash and this fact's content, hex
    std::string seal;       ///< keyed MAC of `hash` under the recording desk's key (raw bytes); "" if unsealed

    /// The fact as JSON, for the CLI and exports.
    Json toJson() const;
};

/// The hash a fact must carry given its content and the previous hash of its desk's chain.
std::string computeFactHash(const Fact& fact);

} // namespace frontdoor::core
