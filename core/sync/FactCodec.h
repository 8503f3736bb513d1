#pragma once
// A fact with everything it was recorded with (id, HLC, device and sequence, user and role, type,
// subject, payload, recorded time, previous hash, hash, seal), as one line of JSON, and back. Unlike
// Fact::toJson (for people and scripts), nothing is lost: a fact decoded from a batch file hashes to
// the hash it was recorded with.

#include "store/Fact.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core::sync {

/// A line that is not a whole, well-formed fact; the message says which field.
class FactCodecError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One line of JSON, without the newline.
std::string encodeFact(const Fact& fact);
/// Throws FactCodecError naming the missing or ill-typed field.
Fact decodeFact(std::string_view line);

/// Facts as JSON lines, each ended by "\n".
std::string encodeFacts(const std::vector<Fact>& facts);
/// Throws FactCodecError naming the line (1-based).
std::vector<Fact> decodeFacts(std::string_view text);

} // namespace frontdoor::core::sync
