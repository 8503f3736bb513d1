#include "store/FactStore.h"

#include "util/Errors.h"
#include "util/Text.h"
#include "util/Uuid.h"

#include <sodium.h>

#include <cstring>

namespace frontdoor::core {
namespace {

const char* kSelectFact = "SELECT id, hlc, device_id, device_seq, user_id, role, type, subject, payload, "
                          "recorded_at, hash FROM facts ";

std::string fromHex(const std::string& text) {
    std::string bytes(text.size() / 2, '\0');
    for (size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(std::stoi(text.substr(2 * i, 2), nullptr, 16));
    return bytes;
}

bool isFactLogName(const char* name) {
    return name && (std::strcmp(name, "facts") == 0 || std::strncmp(name, "facts_", 6) == 0);
}

// Refuses, on Frontdoor's own connection, the statements that could remove or rewrite the fact log
// wholesale. (A DROP TABLE skips DELETE triggers, so the schema's triggers alone cannot stop it.)
int guardFactLog(void*, int action, const char* arg1, const char* arg2, const char*, const char*) {
    switch (action) {
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_INDEX:
        return isFactLogName(arg1) || isFactLogName(arg2) ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_ALTER_TABLE:
        return isFactLogName(arg2) ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_PRAGMA:
        return arg1 && strcasecmp(arg1, "writable_schema") == 0 ? SQLITE_DENY : SQLITE_OK;
    default:
        return SQLITE_OK;
    }
}

void hashValue(crypto_hash_sha256_state& state, const Statement& stmt, int column) {
    const int type = stmt.columnType(column);
    std::string value;
    switch (type) {
    case SQLITE_NULL:
        value = "N";
        break;
    case SQLITE_INTEGER:
        value = "I" + std::to_string(stmt.int64(column));
        break;
    case SQLITE_FLOAT:
        value = "R" + std::to_string(stmt.real(column));
        break;
    case SQLITE_TEXT:
        value = "T" + std::to_string(stmt.text(column).size()) + ":" + stmt.text(column);
        break;
    default:
        value = "B" + std::to_string(stmt.blob(column).size()) + ":" + stmt.blob(column);
        break;
    }
    value += '\x1f';
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(value.data()), value.size());
}

} // namespace

std::string ensureDeviceId(Database& db, const Clock& clock) {
    auto& select = db.cached("SELECT value FROM local_setting WHERE key = 'device_id'");
    if (select.step()) {
        std::string id = select.text(0);
        select.reset();
        return id;
    }
    select.reset();
    const std::string id = newUuidV7(clock.now());
    db.prepare("INSERT INTO local_setting(key, value) VALUES ('device_id', ?)").bindAll(id).run();
    return id;
}

FactStore::FactStore(Database& db, const Clock& clock, const Projections& projections, std::string deviceId)
    : db_(db), clock_(clock), projections_(projections), deviceId_(std::move(deviceId)) {
    sqlite3_set_authorizer(db_.handle(), guardFactLog, nullptr);
}

Fact FactStore::append(const Actor& actor, const std::string& type, const std::string& subject, Json payload) {
    if (sqlite3_get_autocommit(db_.handle()))
        throw std::logic_error("FactStore::append needs an open transaction");
    Fact fact;
    fact.recordedAt = clock_.now();
    // Read the chain head and clock inside the write transaction: another process (the CLI beside
    // the desktop app) may have appended since we last looked.
    auto& head = db_.cached("SELECT device_seq, hash FROM facts WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1");
    head.bindAll(deviceId_);
    if (head.step()) {
        fact.deviceSeq = head.int64(0) + 1;
        fact.prevHash = toHex(head.blob(1));
    } else {
        fact.deviceSeq = 1;
    }
    head.reset();
    auto& maxHlc = db_.cached("SELECT max(hlc) FROM facts");
    HybridLogicalClock hlc(HlcStamp{maxHlc.step() && !maxHlc.isNull(0) ? maxHlc.int64(0) : 0});
    maxHlc.reset();
    fact.hlc = hlc.tick(fact.recordedAt);
    fact.id = newUuidV7(fact.recordedAt);
    fact.deviceId = deviceId_;
    fact.userId = actor.userId;
    fact.role = actor.role;
    fact.type = type;
    fact.subject = subject;
    fact.payload = std::move(payload);
    fact.hash = computeFactHash(fact);

    const std::string hashBytes = fromHex(fact.hash);
    auto& insert = db_.cached("INSERT INTO facts(id, hlc, device_id, device_seq, user_id, role, type, subject, "
                              "payload, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    insert.bindAll(fact.id, fact.hlc.packed, fact.deviceId, fact.deviceSeq, fact.userId, fact.role, fact.type,
                   fact.subject, fact.payload.dump(), formatInstant(fact.recordedAt));
    insert.bindBlob(11, hashBytes.data(), hashBytes.size());
    insert.run();
    projections_.apply(db_, fact);
    return fact;
}

Fact FactStore::readFact(Statement& stmt) const {
    Fact fact;
    fact.id = stmt.text(0);
    fact.hlc = HlcStamp{stmt.int64(1)};
    fact.deviceId = stmt.text(2);
    fact.deviceSeq = stmt.int64(3);
    fact.userId = stmt.text(4);
    fact.role = stmt.text(5);
    fact.type = stmt.text(6);
    fact.subject = stmt.text(7);
    fact.payload = Json::parse(stmt.text(8));
    fact.recordedAt = parseInstant(stmt.text(9)).value_or(Instant{});
    fact.hash = toHex(stmt.blob(10));
    return fact;
}

std::vector<Fact> FactStore::factsAbout(const std::string& subject) const {
    auto& stmt = db_.cached(std::string(kSelectFact) + "WHERE subject = ? ORDER BY hlc, device_id, id");
    stmt.bindAll(subject);
    std::vector<Fact> facts;
    while (stmt.step())
        facts.push_back(readFact(stmt));
    stmt.reset();
    return facts;
}

std::optional<Fact> FactStore::fact(const std::string& id) const {
    auto& stmt = db_.cached(std::string(kSelectFact) + "WHERE id = ?");
    stmt.bindAll(id);
    std::optional<Fact> found;
    if (stmt.step())
        found = readFact(stmt);
    stmt.reset();
    return found;
}

void FactStore::forEach(const std::function<void(const Fact&)>& visit) const {
    Statement stmt = db_.prepare(std::string(kSelectFact) + "ORDER BY hlc, device_id, id");
    while (stmt.step())
        visit(readFact(stmt));
}

int64_t FactStore::count() const { return db_.queryInt("SELECT count(*) FROM facts").value_or(0); }

int64_t FactStore::rebuildProjection() {
    Transaction transaction(db_);
    const auto& tables = projections_.tables();
    for (auto it = tables.rbegin(); it != tables.rend(); ++it)
        db_.exec("DELETE FROM " + it->name);
    int64_t replayed = 0;
    forEach([&](const Fact& fact) {
        projections_.apply(db_, fact);
        ++replayed;
    });
    transaction.commit();
    return replayed;
}

std::string FactStore::projectionDigest() const {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    for (const auto& table : projections_.tables()) {
        const std::string header = "table:" + table.name + '\n';
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(header.data()), header.size());
        Statement stmt = db_.prepare("SELECT * FROM " + table.name + " ORDER BY " + table.orderBy);
        while (stmt.step()) {
            for (int column = 0; column < stmt.columnCount(); ++column)
                hashValue(state, stmt, column);
            crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>("\n"), 1);
        }
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return toHex(std::string(reinterpret_cast<const char*>(digest), sizeof digest));
}

FactStore::ChainReport FactStore::verifyChains() const {
    ChainReport report;
    Statement stmt = db_.prepare(std::string(kSelectFact) + "ORDER BY device_id, device_seq");
    std::string device;
    std::string prevHash;
    int64_t expectedSeq = 1;
    while (stmt.step()) {
        Fact fact = readFact(stmt);
        if (fact.deviceId != device) {
            device = fact.deviceId;
            prevHash.clear();
            expectedSeq = 1;
        }
        ++report.factsChecked;
        if (fact.deviceSeq != expectedSeq) {
            report.problems.push_back("device " + device + ": expected fact " + std::to_string(expectedSeq) +
                                      " but found " + std::to_string(fact.deviceSeq));
            report.intact = false;
        }
        const std::string stored = fact.hash;
        fact.prevHash = prevHash;
        if (computeFactHash(fact) != stored) {
            report.problems.push_back("device " + device + ": fact " + std::to_string(fact.deviceSeq) + " (" +
                                      fact.id + ") does not match its hash: it was altered outside Frontdoor");
            report.intact = false;
        }
        prevHash = stored;
        expectedSeq = fact.deviceSeq + 1;
    }
    return report;
}

} // namespace frontdoor::core
