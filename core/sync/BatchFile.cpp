#include "sync/BatchFile.h"

#include "sync/FactCodec.h"

#include <sodium.h>
#include <zstd.h>

#include <cstdio>
#include <stdexcept>

namespace frontdoor::core::sync {
namespace {

constexpr char kMagic[8] = {'F', 'D', 'S', 'Y', 'N', 'C', '\r', '\n'};
constexpr size_t kIdSize = 36;
constexpr size_t kNonceOffset = 140;
// Far beyond any batch this build writes (a few MiB): a header claiming more is damaged, not a reason
// to allocate gigabytes.
constexpr uint64_t kMaxBodyBytes = 512ull << 20;
constexpr unsigned long long kMaxPlainBytes = 1ull << 30;
constexpr int kZstdLevel = 3;

void putU16(std::string& out, uint16_t v) {
    for (int i = 0; i < 2; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void putU32(std::string& out, uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void putU64(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
uint64_t getLe(const std::string& in, size_t offset, int bytes) {
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(in[offset + static_cast<size_t>(i)]);
    return v;
}
void putId(std::string& out, const std::string& id) {
    if (id.size() != kIdSize)
        throw std::invalid_argument("a team or device id in a batch header must be 36 characters: " + id);
    out += id;
}

const unsigned char* bytesOf(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }

DecodedBatch failed(DecodedBatch batch, DecodedBatch::Status status, std::string problem) {
    batch.status = status;
    batch.problem = std::move(problem);
    batch.facts.clear();
    return batch;
}

std::string headerBytes(const BatchHeader& h, const std::string& nonce) {
    std::string out(kMagic, sizeof kMagic);
    putU16(out, h.formatVersion);
    putU16(out, static_cast<uint16_t>(kBatchHeaderSize));
    putU32(out, h.schemaVersion);
    putId(out, h.teamId);
    putId(out, h.deviceId);
    putU64(out, static_cast<uint64_t>(h.fileSeq));
    putU64(out, static_cast<uint64_t>(h.firstSeq));
    putU64(out, static_cast<uint64_t>(h.lastSeq));
    putU64(out, static_cast<uint64_t>(h.hlcMin));
    putU64(out, static_cast<uint64_t>(h.hlcMax));
    putU32(out, h.factCount);
    putU64(out, h.bodyLength);
    out += nonce;
    return out;
}

} // namespace

std::string batchFileName(int64_t fileSeq) {
    char name[32];
    std::snprintf(name, sizeof name, "%08lld.fdb", static_cast<long long>(fileSeq));
    return name;
}

std::optional<int64_t> parseBatchFileName(const std::string& name) {
    if (name.size() < 12 || name.size() > 20 || name.compare(name.size() - 4, 4, ".fdb") != 0)
        return std::nullopt;
    int64_t seq = 0;
    for (size_t i = 0; i + 4 < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9')
            return std::nullopt;
        seq = seq * 10 + (name[i] - '0');
    }
    if (seq < 1 || batchFileName(seq) != name)
        return std::nullopt;
    return seq;
}

std::string encodeBatch(BatchHeader header, const std::vector<Fact>& facts, const std::string& teamKey) {
    if (teamKey.size() != kTeamKeySize)
        throw std::invalid_argument("the team key must be 32 bytes");
    if (facts.empty())
        throw std::invalid_argument("a batch holds at least one fact");
    if (sodium_init() < 0)
        throw std::runtime_error("cannot start libsodium");
    const std::string plain = encodeFacts(facts);
    std::string compressed(ZSTD_compressBound(plain.size()), '\0');
    const size_t size = ZSTD_compress(compressed.data(), compressed.size(), plain.data(), plain.size(), kZstdLevel);
    if (ZSTD_isError(size))
        throw std::runtime_error(std::string("cannot compress a batch: ") + ZSTD_getErrorName(size));
    compressed.resize(size);

    header.formatVersion = kBatchFormatVersion;
    header.firstSeq = facts.front().deviceSeq;
    header.lastSeq = facts.back().deviceSeq;
    header.hlcMin = facts.front().hlc.packed;
    header.hlcMax = facts.front().hlc.packed;
    for (const auto& fact : facts) {
        header.hlcMin = std::min(header.hlcMin, fact.hlc.packed);
        header.hlcMax = std::max(header.hlcMax, fact.hlc.packed);
    }
    header.factCount = static_cast<uint32_t>(facts.size());
    header.bodyLength = compressed.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    std::string nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(nonce.data(), nonce.size());
    std::string file = headerBytes(header, nonce);
    const size_t headerSize = file.size();
    file.resize(headerSize + header.bodyLength);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(file.data() + headerSize), &written,
                                               bytesOf(compressed), compressed.size(), bytesOf(file), headerSize,
                                               nullptr, bytesOf(nonce), bytesOf(teamKey));
    file.resize(headerSize + written);
    return file;
}

DecodedBatch readBatchHeader(const std::string& bytes) {
    DecodedBatch batch;
    if (bytes.size() < sizeof kMagic) {
        if (std::string(kMagic, bytes.size()) == bytes)
            return failed(batch, DecodedBatch::Status::Incomplete,
                          "incomplete: " + std::to_string(bytes.size()) + " bytes so far");
        return failed(batch, DecodedBatch::Status::NotABatch, "not a Frontdoor batch file");
    }
    if (bytes.compare(0, sizeof kMagic, kMagic, sizeof kMagic) != 0)
        return failed(batch, DecodedBatch::Status::NotABatch, "not a Frontdoor batch file (no Frontdoor header)");
    if (bytes.size() < 12)
        return failed(batch, DecodedBatch::Status::Incomplete,
                      "incomplete: " + std::to_string(bytes.size()) + " bytes so far");
    BatchHeader& h = batch.header;
    h.formatVersion = static_cast<uint16_t>(getLe(bytes, 8, 2));
    const auto headerLength = static_cast<size_t>(getLe(bytes, 10, 2));
    if (h.formatVersion > kBatchFormatVersion)
        return failed(batch, DecodedBatch::Status::NewerFormat,
                      "written by a newer Frontdoor (batch format " + std::to_string(h.formatVersion) +
                          "; this desk reads up to " + std::to_string(kBatchFormatVersion) +
                          "): upgrade Frontdoor on this desk");
    if (h.formatVersion < 1 || headerLength != kBatchHeaderSize)
        return failed(batch, DecodedBatch::Status::Damaged, "damaged: its header is not one Frontdoor writes");
    if (bytes.size() < kBatchHeaderSize)
        return failed(batch, DecodedBatch::Status::Incomplete,
                      "incomplete: " + std::to_string(bytes.size()) + " bytes so far, the header alone is " +
                          std::to_string(kBatchHeaderSize));
    h.schemaVersion = static_cast<uint32_t>(getLe(bytes, 12, 4));
    h.teamId = bytes.substr(16, kIdSize);
    h.deviceId = bytes.substr(52, kIdSize);
    h.fileSeq = static_cast<int64_t>(getLe(bytes, 88, 8));
    h.firstSeq = static_cast<int64_t>(getLe(bytes, 96, 8));
    h.lastSeq = static_cast<int64_t>(getLe(bytes, 104, 8));
    h.hlcMin = static_cast<int64_t>(getLe(bytes, 112, 8));
    h.hlcMax = static_cast<int64_t>(getLe(bytes, 120, 8));
    h.factCount = static_cast<uint32_t>(getLe(bytes, 128, 4));
    h.bodyLength = getLe(bytes, 132, 8);
    if (h.bodyLength > kMaxBodyBytes || h.bodyLength < crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return failed(batch, DecodedBatch::Status::Damaged, "damaged: its header gives an impossible length");
    const uint64_t total = kBatchHeaderSize + h.bodyLength;
    if (bytes.size() < total)
        return failed(batch, DecodedBatch::Status::Incomplete,
                      "incomplete: " + std::to_string(bytes.size()) + " of " + std::to_string(total) +
                          " bytes (still being copied, or cut short); tried again next round");
    if (bytes.size() > total)
        return failed(batch, DecodedBatch::Status::Damaged,
                      "damaged: " + std::to_string(bytes.size()) + " bytes, longer than the " + std::to_string(total) +
                          " its header says");
    return batch;
}

DecodedBatch decodeBatch(const std::string& bytes, const std::string& teamKey) {
    DecodedBatch batch = readBatchHeader(bytes);
    if (batch.status != DecodedBatch::Status::Ok)
        return batch;
    if (teamKey.size() != kTeamKeySize || sodium_init() < 0)
        return failed(batch, DecodedBatch::Status::Damaged, "cannot be read without the team key");
    const BatchHeader& h = batch.header;
    std::string compressed(h.bodyLength, '\0');
    unsigned long long plainLength = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(compressed.data()), &plainLength, nullptr,
            bytesOf(bytes) + kBatchHeaderSize, h.bodyLength, bytesOf(bytes), kBatchHeaderSize,
            bytesOf(bytes) + kNonceOffset, bytesOf(teamKey)) != 0)
        return failed(batch, DecodedBatch::Status::Damaged,
                      "damaged: it does not authenticate under this team's key (a changed byte, or a file from "
                      "another team)");
    compressed.resize(plainLength);
    const unsigned long long contentSize = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
    if (contentSize == ZSTD_CONTENTSIZE_ERROR || contentSize == ZSTD_CONTENTSIZE_UNKNOWN ||
        contentSize > kMaxPlainBytes)
        return failed(batch, DecodedBatch::Status::Damaged, "damaged: its body cannot be decompressed");
    std::string plain(contentSize, '\0');
    const size_t size = ZSTD_decompress(plain.data(), plain.size(), compressed.data(), compressed.size());
    if (ZSTD_isError(size) || size != contentSize)
        return failed(batch, DecodedBatch::Status::Damaged, "damaged: its body cannot be decompressed");
    try {
        batch.facts = decodeFacts(plain);
    } catch (const FactCodecError& e) {
        return failed(batch, DecodedBatch::Status::Damaged, std::string("damaged: a fact cannot be read: ") + e.what());
    }
    if (batch.facts.size() != h.factCount || batch.facts.empty())
        return failed(batch, DecodedBatch::Status::Damaged,
                      "damaged: it holds " + std::to_string(batch.facts.size()) + " facts, its header says " +
                          std::to_string(h.factCount));
    int64_t hlcMin = batch.facts.front().hlc.packed;
    int64_t hlcMax = hlcMin;
    for (size_t i = 0; i < batch.facts.size(); ++i) {
        const Fact& fact = batch.facts[i];
        const std::string which = "fact " + std::to_string(fact.deviceSeq) + " (" + fact.id + ")";
        if (fact.deviceId != h.deviceId)
            return failed(batch, DecodedBatch::Status::Damaged, "damaged: " + which + " is from another device");
        if (fact.deviceSeq != h.firstSeq + static_cast<int64_t>(i))
            return failed(batch, DecodedBatch::Status::Damaged,
                          "damaged: its facts are not numbered " + std::to_string(h.firstSeq) + " to " +
                              std::to_string(h.lastSeq) + " in order");
        if (computeFactHash(fact) != fact.hash)
            return failed(batch, DecodedBatch::Status::Damaged,
                          "damaged: " + which + " does not match its hash");
        if (i > 0 && fact.prevHash != batch.facts[i - 1].hash)
            return failed(batch, DecodedBatch::Status::Damaged,
                          "damaged: " + which + " does not continue the previous fact's hash chain");
        hlcMin = std::min(hlcMin, fact.hlc.packed);
        hlcMax = std::max(hlcMax, fact.hlc.packed);
    }
    if (batch.facts.back().deviceSeq != h.lastSeq || hlcMin != h.hlcMin || hlcMax != h.hlcMax)
        return failed(batch, DecodedBatch::Status::Damaged, "damaged: its facts do not match its header");
    return batch;
}

} // namespace frontdoor::core::sync
