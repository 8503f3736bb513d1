#include "sync/FactCodec.h"

#include "util/Text.h"

namespace frontdoor::core::sync {
namespace {

std::string fromHex(const std::string& text, const char* field) {
    if (text.size() % 2 != 0)
        throw FactCodecError(std::string(field) + " is not hexadecimal");
    std::string bytes(text.size() / 2, '\0');
    const auto nibble = [field](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        throw FactCodecError(std::string(field) + " is not lower-case hexadecimal");
    };
    for (size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(nibble(text[2 * i]) * 16 + nibble(text[2 * i + 1]));
    return bytes;
}

const Json& field(const Json& object, const char* name) {
    const auto it = object.find(name);
    if (it == object.end())
        throw FactCodecError(std::string("\"") + name + "\" is missing");
    return *it;
}

std::string textField(const Json& object, const char* name) {
    const Json& value = field(object, name);
    if (!value.is_string())
        throw FactCodecError(std::string("\"") + name + "\" is not text");
    return value.get<std::string>();
}

int64_t intField(const Json& object, const char* name) {
    const Json& value = field(object, name);
    if (!value.is_number_integer())
        throw FactCodecError(std::string("\"") + name + "\" is not a whole number");
    return value.get<int64_t>();
}

} // namespace

std::string encodeFact(const Fact& fact) {
    const Json line{{"id", fact.id},
                    {"hlc", fact.hlc.packed},
                    {"device_id", fact.deviceId},
                    {"device_seq", fact.deviceSeq},
                    {"user", fact.userId},
                    {"role", fact.role},
                    {"type", fact.type},
                    {"subject", fact.subject},
                    {"payload", fact.payload},
                    {"recorded_at_ms", toEpochMs(fact.recordedAt)},
                    {"prev_hash", fact.prevHash},
                    {"hash", fact.hash},
                    {"seal", toHex(fact.seal)}};
    return line.dump();
}

Fact decodeFact(std::string_view line) {
    Json object;
    try {
        object = Json::parse(line);
    } catch (const Json::exception&) {
        throw FactCodecError("not valid JSON");
    }
    if (!object.is_object())
        throw FactCodecError("not a JSON object");
    Fact fact;
    fact.id = textField(object, "id");
    fact.hlc = HlcStamp{intField(object, "hlc")};
    fact.deviceId = textField(object, "device_id");
    fact.deviceSeq = intField(object, "device_seq");
    fact.userId = textField(object, "user");
    fact.role = textField(object, "role");
    fact.type = textField(object, "type");
    fact.subject = textField(object, "subject");
    field(object, "payload");
    fact.payload = std::move(object["payload"]);
    fact.recordedAt = fromEpochMs(intField(object, "recorded_at_ms"));
    fact.prevHash = textField(object, "prev_hash");
    fact.hash = textField(object, "hash");
    fact.seal = fromHex(textField(object, "seal"), "\"seal\"");
    if (fact.id.empty() || fact.deviceId.empty() || fact.type.empty())
        throw FactCodecError("\"id\", \"device_id\" and \"type\" must not be empty");
    if (fact.deviceSeq < 1)
        throw FactCodecError("\"device_seq\" must be 1 or more");
    if (fact.hash.size() != 64)
        throw FactCodecError("\"hash\" is not a SHA-256 in hexadecimal");
    fromHex(fact.hash, "\"hash\"");
    return fact;
}

std::string encodeFacts(const std::vector<Fact>& facts) {
    std::string text;
    for (const auto& fact : facts) {
        text += encodeFact(fact);
        text += '\n';
    }
    return text;
}

std::vector<Fact> decodeFacts(std::string_view text) {
    std::vector<Fact> facts;
    size_t start = 0;
    size_t lineNumber = 0;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            throw FactCodecError("line " + std::to_string(lineNumber + 1) + " is not ended by a newline");
        ++lineNumber;
        try {
            facts.push_back(decodeFact(text.substr(start, end - start)));
        } catch (const FactCodecError& e) {
            throw FactCodecError("line " + std::to_string(lineNumber) + ": " + e.what());
        }
        start = end + 1;
    }
    return facts;
}

} // namespace frontdoor::core::sync
