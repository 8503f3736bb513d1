#include "contacts/ContactReference.h"

#include "contacts/ContactProjection.h"
#include "util/Errors.h"
#include "util/Text.h"

#include <cctype>
#include <cstdio>

namespace frontdoor::core {

std::string deskCode(const std::string& deviceId) {
    // FNV-1a (64 bit): the same on every platform and compiler, unlike std::hash.
    uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : deviceId) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    static constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string code;
    for (int i = 0; i < 4; ++i) {
        code += kCrockford[hash & 31U];
        hash >>= 5;
    }
    return code;
}

std::string contactReference(const std::string& deviceId, int64_t deviceSeq, const std::string& recordedAt) {
    const std::string year = recordedAt.size() >= 4 ? recordedAt.substr(2, 2) : std::string("00");
    char number[32];
    std::snprintf(number, sizeof number, "%04lld", static_cast<long long>(deviceSeq));
    return "FD-" + year + "-" + deskCode(deviceId) + "-" + number;
}

std::string contactReference(const Fact& recorded) {
    return contactReference(recorded.deviceId, recorded.deviceSeq, formatInstant(recorded.recordedAt));
}

std::string normaliseReference(const std::string& text) {
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::optional<std::string> contactIdByReference(Database& db, const std::string& text) {
    const std::string reference = normaliseReference(text);
    if (reference.rfind("FD-", 0) != 0)
        return std::nullopt;
    auto& stmt = db.cached("SELECT id FROM contact WHERE reference = ? ORDER BY pk LIMIT 2");
    stmt.bindAll(reference);
    std::vector<std::string> ids;
    while (stmt.step())
        ids.push_back(stmt.text(0));
    stmt.reset();
    if (ids.empty())
        return std::nullopt;
    if (ids.size() > 1)
        throw ConflictError("two contacts have the reference " + reference + " (" + ids[0] + " and " + ids[1] +
                            "; their desks' codes collide): use the contact id");
    return ids.front();
}

std::string resolveContactId(Database& db, const std::string& idOrReference) {
    if (contactKey(db, idOrReference))
        return idOrReference;
    return contactIdByReference(db, idOrReference).value_or(idOrReference);
}

std::string referenceOf(Database& db, const std::string& contactId) {
    auto& stmt = db.cached("SELECT reference FROM contact WHERE id = ?");
    stmt.bindAll(contactId);
    std::string reference = stmt.step() ? stmt.optionalText(0).value_or("") : std::string();
    stmt.reset();
    return reference;
}

void backfillContactReferences(Database& db) {
    // In the order a rebuild projects them, so where two facts record one contact the first one's wins.
    Statement facts = db.prepare("SELECT subject, device_id, device_seq, recorded_at FROM facts "
                                 "WHERE type = 'contact.recorded' ORDER BY hlc, device_id, id");
    Statement update = db.prepare("UPDATE contact SET reference = ?, reference_seq = ? WHERE id = ? AND reference IS NULL");
    while (facts.step()) {
        update.reset();
        update.bindAll(contactReference(facts.text(1), facts.int64(2), facts.text(3)), facts.int64(2), facts.text(0));
        update.run();
    }
}

} // namespace frontdoor::core
