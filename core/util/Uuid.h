#pragma once
// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds then random bits, so ids sort by creation
// time, which keeps SQLite's b-tree inserts at the end of the index.

#include "util/Instant.h"

#include <string>

namespace frontdoor::core {

/// A new UUIDv7 stamped with `at`, in the canonical lower-case 8-4-4-4-12 form.
std::string newUuidV7(Instant at);

/// True for the canonical 36-character form of any UUID.
bool isUuid(const std::string& text);

/// Cryptographically random bytes (libsodium), for ids, salts and keys.
void randomBytes(void* buffer, size_t size);

} // namespace frontdoor::core
