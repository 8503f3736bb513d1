#pragma once
// One immutable batch file on the share: a fixed header, then the body.
//
//   header (164 bytes, little-endian), bound to the body as AEAD associated data:
//     magic "FDSYNC\r\n" | u16 format version | u16 header length | u32 schema version |
//     team id (36 ASCII) | device id (36 ASCII) | u64 file seq | u64 first fact seq | u64 last fact seq |
//     i64 lowest HLC | i64 highest HLC | u32 fact count | u64 body length | 24-byte nonce
//   body: XChaCha20-Poly1305 (libsodium, IETF) under the team key, of zstd-compressed JSON lines
//         (sync/FactCodec.h), one per fact, in sequence order.
//
// The file is named <file seq, 8 digits>.fdb in devices/<device id>/out/ (docs/sync.md).

#include "store/Fact.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core::sync {

inline constexpr uint16_t kBatchFormatVersion = 1;
inline constexpr size_t kBatchHeaderSize = 164;
inline constexpr size_t kTeamKeySize = 32;

struct BatchHeader {
    uint16_t formatVersion = kBatchFormatVersion;
    uint32_t schemaVersion = 0;
    std::string teamId;
    std::string deviceId;
    int64_t fileSeq = 0;
    int64_t firstSeq = 0;
    int64_t lastSeq = 0;
    int64_t hlcMin = 0;
    int64_t hlcMax = 0;
    uint32_t factCount = 0;
    uint64_t bodyLength = 0;
};

/// "00000042.fdb".
std::string batchFileName(int64_t fileSeq);
/// The file seq of an exact batch file name; nullopt for anything else ("00000042 (1).fdb", temporaries).
std::optional<int64_t> parseBatchFileName(const std::string& name);

/// A whole batch file for `facts` (one device's, consecutive, in order). The header's seqs, HLC range,
/// count and length are filled in from the facts.
std::string encodeBatch(BatchHeader header, const std::vector<Fact>& facts, const std::string& teamKey);

struct DecodedBatch {
    enum class Status {
        Ok,
        Incomplete,  ///< shorter than its header says: still being copied, or cut short; try again later
        NotABatch,   ///< no Frontdoor header at all
        NewerFormat, ///< written by a newer Frontdoor: hold it until this desk is upgraded
        Damaged,     ///< fails authentication, decompression, parsing or the checks on its facts
    };
    Status status = Status::Ok;
    BatchHeader header;
    std::vector<Fact> facts;
    std::string problem; ///< in words, for every status but Ok
};

/// Reads the header only (no key needed).
DecodedBatch readBatchHeader(const std::string& bytes);
/// Verifies the whole file: header, authentication under `teamKey`, decompression, every fact parsed,
/// the facts matching the header (device, consecutive seqs, count, HLC range), each fact's hash
/// matching its content and each continuing the previous one's hash. Facts are returned only when all
/// of that holds.
DecodedBatch decodeBatch(const std::string& bytes, const std::string& teamKey);

} // namespace frontdoor::core::sync
