#include "store/FactStore.h"

#include "util/Errors.h"
#include "util/Text.h"
#include "util/Uuid.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace frontdoor::core {
namespace {

const char* kSelectFact = "SELECT id, hlc, device_id, device_seq, user_id, role, type, subject, payload, "
                          "recorded_at, hash, seal FROM facts ";

// How far a fact's time may run ahead (of its own recorded time, or of the desk's clock) before
// verify reports it: more than a desk's clock is ever corrected by, far less than any deadline.
constexpr int64_t kFutureToleranceMs = 5 * 60 * 1000;

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

// Every row of a projection table, in its fixed order, into `state`.
template <typename Table> void hashRows(crypto_hash_sha256_state& state, Database& db, const Table& table) {
    Statement stmt = db.prepare("SELECT * FROM " + table.name + " ORDER BY " + table.orderBy);
    while (stmt.step()) {
        for (int column = 0; column < stmt.columnCount(); ++column)
            hashValue(state, stmt, column);
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>("\n"), 1);
    }
}

void insertFact(Database& db, const Fact& fact) {
    const std::string hashBytes = fromHex(fact.hash);
    auto& insert = db.cached("INSERT INTO facts(id, hlc, device_id, device_seq, user_id, role, type, subject, "
                             "payload, recorded_at, hash, seal) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bindAll(fact.id, fact.hlc.packed, fact.deviceId, fact.deviceSeq, fact.userId, fact.role, fact.type,
                   fact.subject, fact.payload.dump(), formatInstant(fact.recordedAt));
    insert.bindBlob(11, hashBytes.data(), hashBytes.size());
    if (fact.seal.empty())
        insert.bind(12, nullptr);
    else
        insert.bindBlob(12, fact.seal.data(), fact.seal.size());
    insert.run();
}

// Working tables of a re-projection (FactStore::reprojectSubjectsFrom), per connection, never in the file.
void createReprojectionTables(Database& db, const Projections& projections) {
    db.exec("CREATE TEMP TABLE IF NOT EXISTS fd_reproject (subject TEXT PRIMARY KEY) WITHOUT ROWID");
    db.exec("CREATE TEMP TABLE IF NOT EXISTS fd_pinned (tbl TEXT NOT NULL, id TEXT NOT NULL, pk INTEGER NOT NULL, "
            "PRIMARY KEY (tbl, id)) WITHOUT ROWID");
    db.exec("CREATE TEMP TABLE IF NOT EXISTS fd_handled (type TEXT PRIMARY KEY) WITHOUT ROWID");
    db.exec("DELETE FROM temp.fd_handled");
    for (const auto& type : projections.handledTypes())
        db.prepare("INSERT INTO temp.fd_handled(type) VALUES (?)").bindAll(type).run();
}

using FactKey = std::tuple<int64_t, std::string, std::string>;

FactKey keyOf(const Fact& fact) { return {fact.hlc.packed, fact.deviceId, fact.id}; }

std::string named(const Fact& fact) {
    return "fact " + std::to_string(fact.deviceSeq) + " (" + fact.id + ") of device " + fact.deviceId;
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

FactStore::FactStore(Database& db, const Clock& clock, const Projections& projections, std::string deviceId,
                     std::unique_ptr<DeskSeal> seal)
    : db_(db), clock_(clock), projections_(projections), deviceId_(std::move(deviceId)), seal_(std::move(seal)) {
    sqlite3_set_authorizer(db_.handle(), guardFactLog, nullptr);
    createReprojectionTables(db_, projections_);
    // The head is sealed outside the file only once the facts are durable; a rolled-back append
    // leaves it where it was.
    db_.onTransactionEnd(
        [this] {
            if (!pendingHead_ || !seal_)
                return;
            const auto head = std::move(*pendingHead_);
            pendingHead_.reset();
            try {
                seal_->writeHead({head.first, head.second});
            } catch (const std::exception&) {
                // The facts are committed; a head that lags behind is reported by verify as such,
                // never as missing facts.
            }
        },
        [this] { pendingHead_.reset(); });
}

FactStore::~FactStore() { db_.onTransactionEnd(nullptr, nullptr); }

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
    if (seal_)
        fact.seal = seal_->seal(fact.hash, fact.deviceSeq);

    insertFact(db_, fact);
    projections_.apply(db_, fact);
    if (seal_)
        pendingHead_ = {fact.deviceSeq, fact.hash};
    return fact;
}

Fact FactStore::readFact(Statement& stmt) {
    Fact fact;
    fact.id = stmt.text(0);
    fact.hlc = HlcStamp{stmt.int64(1)};
    fact.deviceId = stmt.text(2);
    fact.deviceSeq = stmt.int64(3);
    fact.userId = stmt.text(4);
    fact.role = stmt.text(5);
    fact.type = stmt.text(6);
    fact.subject = stmt.text(7);
    try {
        fact.payload = Json::parse(stmt.text(8));
    } catch (const Json::exception&) {
        // A payload changed outside Frontdoor (e.g. a byte 0xFF written with a SQLite shell). Say which
        // fact, never the bytes themselves: they may not print.
        throw StoreError("fact " + std::to_string(fact.deviceSeq) + " (" + fact.id + ") of device " + fact.deviceId +
                         " cannot be read: its content is not valid JSON in UTF-8, so it was altered outside "
                         "Frontdoor; run frontdoor-cli verify");
    }
    fact.recordedAt = parseInstant(stmt.text(9)).value_or(Instant{});
    fact.hash = toHex(stmt.blob(10));
    fact.seal = stmt.blob(11);
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

std::optional<Fact> FactStore::fact(const std::string& id) const { return fact(db_, id); }

std::optional<Fact> FactStore::fact(Database& db, const std::string& id) {
    auto& stmt = db.cached(std::string(kSelectFact) + "WHERE id = ?");
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

void FactStore::replayAll() {
    const auto& tables = projections_.tables();
    for (auto it = tables.rbegin(); it != tables.rend(); ++it)
        db_.exec("DELETE FROM " + it->name);
    forEach([&](const Fact& fact) { projections_.apply(db_, fact); });
}

int64_t FactStore::rebuildProjection() {
    Transaction transaction(db_);
    replayAll();
    transaction.commit();
    return count();
}

ImportResult FactStore::importFacts(const std::vector<Fact>& facts, const ImportOptions& options) {
    if (sqlite3_get_autocommit(db_.handle()))
        throw std::logic_error("FactStore::importFacts needs an open transaction");
    ImportResult result;
    std::vector<const Fact*> ordered;
    ordered.reserve(facts.size());
    for (const auto& fact : facts)
        ordered.push_back(&fact);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Fact* a, const Fact* b) {
        return std::tie(a->deviceId, a->deviceSeq) < std::tie(b->deviceId, b->deviceSeq);
    });

    std::optional<FactKey> heldMax;
    {
        // The greatest stamp through its index, then the few facts sharing it.
        auto& newest = db_.cached("SELECT hlc, device_id, id FROM facts WHERE hlc = (SELECT max(hlc) FROM facts) "
                                  "ORDER BY device_id DESC, id DESC LIMIT 1");
        if (newest.step())
            heldMax = FactKey{newest.int64(0), newest.text(1), newest.text(2)};
        newest.reset();
    }

    std::map<std::string, std::pair<int64_t, std::string>> heads; // per device, as held so far
    std::vector<const Fact*> added; // the facts given, never copied
    added.reserve(facts.size());
    auto& byId = db_.cached("SELECT device_id, device_seq, hash FROM facts WHERE id = ?");
    auto& atSeq = db_.cached("SELECT id, hash FROM facts WHERE device_id = ? AND device_seq = ?");
    for (const Fact* incoming : ordered) {
        const Fact& fact = *incoming;
        if (fact.id.empty() || fact.deviceId.empty() || fact.deviceSeq < 1)
            throw StoreError("a fact from another desk has no id, device or sequence number (" + named(fact) + ")");
        if (!options.hashesChecked && computeFactHash(fact) != fact.hash)
            throw StoreError(named(fact) + " does not match its hash: it was altered after it was recorded");
        byId.bindAll(fact.id);
        if (byId.step()) {
            const bool same = byId.text(0) == fact.deviceId && byId.int64(1) == fact.deviceSeq &&
                              toHex(byId.blob(2)) == fact.hash;
            byId.reset();
            if (same) {
                ++result.alreadyHeld;
                continue;
            }
            const auto held = this->fact(fact.id);
            throw StoreError("two different facts have the id " + fact.id + ": " + named(*held) + " held here, hash " +
                             held->hash + ", and " + named(fact) + " arriving, hash " + fact.hash);
        }
        byId.reset();
        auto head = heads.find(fact.deviceId);
        if (head == heads.end()) {
            auto& newest = db_.cached("SELECT device_seq, hash FROM facts WHERE device_id = ? "
                                      "ORDER BY device_seq DESC LIMIT 1");
            newest.bindAll(fact.deviceId);
            std::pair<int64_t, std::string> held{0, ""};
            if (newest.step())
                held = {newest.int64(0), toHex(newest.blob(1))};
            newest.reset();
            head = heads.emplace(fact.deviceId, held).first;
        }
        // A number at or below the device's newest held may already be taken (by other content: the same
        // content was found by id above); beyond it, none is.
        if (fact.deviceSeq <= head->second.first) {
            atSeq.bindAll(fact.deviceId, fact.deviceSeq);
            if (atSeq.step()) {
                const std::string heldId = atSeq.text(0);
                const std::string heldHash = toHex(atSeq.blob(1));
                atSeq.reset();
                throw StoreError("device " + fact.deviceId + " has two different facts numbered " +
                                 std::to_string(fact.deviceSeq) + ": " + heldId + " held here, hash " + heldHash +
                                 ", and " + fact.id + " arriving, hash " + fact.hash);
            }
            atSeq.reset();
        }
        if (fact.deviceSeq != head->second.first + 1) {
            const int64_t first = head->second.first + 1;
            const int64_t last = fact.deviceSeq - 1;
            throw StoreError("device " + fact.deviceId + ": " + named(fact) + " does not continue the facts held, " +
                             "which end at " + std::to_string(head->second.first) + " (a gap: " +
                             (first == last ? "fact " + std::to_string(first) + " is"
                                            : "facts " + std::to_string(first) + " to " + std::to_string(last) + " are") +
                             " missing)");
        }
        if (fact.prevHash != head->second.second)
            throw StoreError("device " + fact.deviceId + ": " + named(fact) +
                             " does not follow the fact held before it (its previous hash " + fact.prevHash +
                             " is not the held " + head->second.second + "): the two desks' histories differ");
        insertFact(db_, fact);
        head->second = {fact.deviceSeq, fact.hash};
        added.push_back(&fact);
        if (seal_ && fact.deviceId == deviceId_)
            pendingHead_ = {fact.deviceSeq, fact.hash}; // this desk's own facts, taken back after a restore
    }
    result.applied = static_cast<int64_t>(added.size());
    // The HLC needs no separate note: append() takes the greatest stamp held as its floor, and these are
    // now held.
    std::sort(added.begin(), added.end(), [](const Fact* a, const Fact* b) {
        return std::tie(a->hlc.packed, a->deviceId, a->id) < std::tie(b->hlc.packed, b->deviceId, b->id);
    });
    projectImported(added, heldMax);
    return result;
}

void FactStore::projectImported(const std::vector<const Fact*>& added, const std::optional<FactKey>& heldMax) {
    if (added.empty()) {
        lastImportProjection_ = "none";
        return;
    }
    if (!heldMax || keyOf(*added.front()) > *heldMax) {
        // Every fact is newer than everything held: projecting them in order is the replay.
        for (const Fact* fact : added)
            projections_.apply(db_, *fact);
        lastImportProjection_ = "in_order";
        return;
    }
    if (reprojectSubjectsFrom(keyOf(*added.front()))) {
        lastImportProjection_ = "subjects";
        return;
    }
    replayAll();
    lastImportProjection_ = "rebuild";
}

bool FactStore::reprojectSubjectsFrom(const FactKey& from) {
    const auto& tables = projections_.tables();
    for (const auto& table : tables)
        if (table.subjectRows.empty())
            return false;
    db_.exec("DELETE FROM temp.fd_reproject");
    db_.exec("DELETE FROM temp.fd_pinned");
    // Every subject with a fact stamped at or after the earliest late fact (a few with an equal stamp
    // that sort before it: replaying a subject from its first fact is right whenever it is done).
    db_.prepare("INSERT OR IGNORE INTO temp.fd_reproject(subject) SELECT subject FROM facts WHERE hlc >= ?")
        .bindAll(std::get<0>(from))
        .run();
    const char* kReplayed = "WHERE subject IN (SELECT subject FROM temp.fd_reproject) "
                            "AND type IN (SELECT type FROM temp.fd_handled)";
    const int64_t replaying = db_.queryInt(std::string("SELECT count(*) FROM facts ") + kReplayed).value_or(0);
    // Beyond about a third of the record, one pass over everything is quicker than picking subjects out.
    if (replaying * 3 > count()) {
        db_.exec("DELETE FROM temp.fd_reproject");
        return false;
    }
    // Rows created before the late facts keep their keys; the rest are numbered again as they are
    // replayed, after every kept one, in HLC order (see Projections::pinsKeys).
    for (const auto& [table, createdBy] : projections_.pinnedKeyTables())
        db_.prepare("INSERT INTO temp.fd_pinned(tbl, id, pk) SELECT ?, t.id, t.pk FROM " + table +
                    " t WHERE t.id IN (SELECT subject FROM temp.fd_reproject) AND EXISTS (SELECT 1 FROM facts f "
                    "WHERE f.subject = t.id AND f.type = ? AND (f.hlc, f.device_id, f.id) < (?, ?, ?))")
            .bindAll(table, createdBy, std::get<0>(from), std::get<1>(from), std::get<2>(from))
            .run();
    // A person kept while their rows are replayed is still named by contacts not replayed: checked at commit.
    db_.exec("PRAGMA defer_foreign_keys = ON");
    for (auto it = tables.rbegin(); it != tables.rend(); ++it)
        db_.exec("DELETE FROM " + it->name + " WHERE " + it->subjectRows);
    Statement stmt = db_.prepare(std::string(kSelectFact) + kReplayed + " ORDER BY hlc, device_id, id");
    while (stmt.step())
        projections_.apply(db_, readFact(stmt));
    db_.exec("DELETE FROM temp.fd_reproject");
    db_.exec("DELETE FROM temp.fd_pinned");
    return true;
}

std::map<std::string, std::pair<int64_t, std::string>> FactStore::deviceHeads() const {
    // One index seek per desk, never a pass over the whole log: sync asks this every round.
    std::map<std::string, std::pair<int64_t, std::string>> heads;
    auto& nextDevice = db_.cached("SELECT device_id FROM facts WHERE device_id > ? ORDER BY device_id LIMIT 1");
    auto& head = db_.cached("SELECT device_seq, hash FROM facts WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1");
    std::string device;
    while (true) {
        nextDevice.bindAll(device);
        if (!nextDevice.step()) {
            nextDevice.reset();
            break;
        }
        device = nextDevice.text(0);
        nextDevice.reset();
        head.bindAll(device);
        if (head.step())
            heads[device] = {head.int64(0), toHex(head.blob(1))};
        head.reset();
    }
    return heads;
}

std::vector<Fact> FactStore::deviceFacts(const std::string& device, int64_t fromSeq, int64_t toSeq) const {
    std::vector<Fact> facts;
    if (toSeq < fromSeq)
        return facts;
    std::string prevHash;
    if (fromSeq > 1) {
        auto& before = db_.cached("SELECT hash FROM facts WHERE device_id = ? AND device_seq = ?");
        before.bindAll(device, fromSeq - 1);
        if (before.step())
            prevHash = toHex(before.blob(0));
        before.reset();
    }
    Statement stmt = db_.prepare(std::string(kSelectFact) +
                                 "WHERE device_id = ? AND device_seq BETWEEN ? AND ? ORDER BY device_seq");
    stmt.bindAll(device, fromSeq, toSeq);
    while (stmt.step()) {
        Fact fact = readFact(stmt);
        fact.prevHash = prevHash;
        prevHash = fact.hash;
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::string FactStore::factsDigest() const {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    Statement stmt = db_.prepare("SELECT id, hash FROM facts ORDER BY device_id, device_seq");
    int64_t count = 0;
    while (stmt.step()) {
        const std::string line = stmt.text(0) + '\x1f' + toHex(stmt.blob(1)) + '\n';
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(line.data()), line.size());
        ++count;
    }
    const std::string tail = "count:" + std::to_string(count);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(tail.data()), tail.size());
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return toHex(std::string(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string FactStore::projectionDigest() const {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    for (const auto& table : projections_.tables()) {
        const std::string header = "table:" + table.name + '\n';
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(header.data()), header.size());
        hashRows(state, db_, table);
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return toHex(std::string(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::vector<std::pair<std::string, std::string>> FactStore::projectionTableDigests() const {
    std::vector<std::pair<std::string, std::string>> digests;
    for (const auto& table : projections_.tables()) {
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        hashRows(state, db_, table);
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&state, digest);
        digests.emplace_back(table.name, toHex(std::string(reinterpret_cast<const char*>(digest), sizeof digest)));
    }
    return digests;
}

FactStore::ProjectionReport FactStore::compareProjectionWithRebuild() {
    ProjectionReport report;
    const auto now = projectionTableDigests();
    std::vector<std::pair<std::string, std::string>> rebuilt;
    try {
        // Never committed: the rebuild exists only to be compared, and is rolled back when this scope ends.
        Transaction scratch(db_);
        replayAll();
        rebuilt = projectionTableDigests();
    } catch (const std::exception& e) {
        report.matches = false;
        report.problem = std::string("the projection cannot be rebuilt from the facts: ") + e.what();
        return report;
    }
    for (size_t i = 0; i < now.size() && i < rebuilt.size(); ++i)
        if (now[i].second != rebuilt[i].second)
            report.tablesDiffering.push_back(now[i].first);
    report.matches = report.tablesDiffering.empty();
    return report;
}

FactStore::ChainReport FactStore::verifyChains() const {
    ChainReport report;
    Statement stmt = db_.prepare(std::string(kSelectFact) + "ORDER BY device_id, device_seq");
    std::string device;
    std::string prevHash;
    int64_t expectedSeq = 1;
    const auto problem = [&report](std::string text) {
        report.problems.push_back(std::move(text));
        report.intact = false;
    };
    const bool haveKey = seal_ && seal_->hasKey();
    const int64_t sealedFrom = haveKey ? seal_->sealedFrom().value_or(1) : 0;
    int64_t localNewestSeq = 0;
    const auto sealedHead = haveKey ? seal_->readHead()
                                    : std::pair<DeskSeal::HeadState, DeskSeal::Head>{DeskSeal::HeadState::Missing, {}};
    std::optional<std::string> hashAtHead; // this desk's fact at the sealed head's sequence number
    bool reportedMissingKey = false;
    const int64_t nowMs = toEpochMs(clock_.now());
    while (stmt.step()) {
        Fact fact;
        bool readable = true;
        try {
            fact = readFact(stmt);
        } catch (const StoreError& e) {
            readable = false;
            fact.id = stmt.text(0);
            fact.deviceId = stmt.text(2);
            fact.deviceSeq = stmt.int64(3);
            fact.hash = toHex(stmt.blob(10));
            fact.seal = stmt.blob(11);
            problem("device " + fact.deviceId + ": fact " + std::to_string(fact.deviceSeq) + " (" + fact.id +
                    ") cannot be read: its content is not valid JSON in UTF-8; it was altered outside Frontdoor");
        }
        if (fact.deviceId != device) {
            device = fact.deviceId;
            prevHash.clear();
            expectedSeq = 1;
        }
        ++report.factsChecked;
        if (fact.deviceSeq != expectedSeq)
            problem("device " + device + ": expected fact " + std::to_string(expectedSeq) + " but found " +
                    std::to_string(fact.deviceSeq));
        const std::string stored = fact.hash;
        if (readable) {
            fact.prevHash = prevHash;
            if (computeFactHash(fact) != stored)
                problem("device " + device + ": fact " + std::to_string(fact.deviceSeq) + " (" + fact.id +
                        ") does not match its hash: it was altered outside Frontdoor");
            // Time: a stamp that runs ahead of the fact's own time pushed the clock; a recorded time
            // ahead of the desk's clock was made on a clock set forward.
            const int64_t recordedMs = toEpochMs(fact.recordedAt);
            if (fact.hlc.wallMs() > recordedMs + kFutureToleranceMs)
                report.timeProblems.push_back("device " + device + ": fact " + std::to_string(fact.deviceSeq) +
                                              " (" + fact.id + ") is stamped " + fact.hlc.toString() +
                                              ", ahead of the time it was recorded, " +
                                              formatInstant(fact.recordedAt));
            if (recordedMs > nowMs + kFutureToleranceMs)
                report.timeProblems.push_back("device " + device + ": fact " + std::to_string(fact.deviceSeq) +
                                              " (" + fact.id + ") was recorded at " + formatInstant(fact.recordedAt) +
                                              ", ahead of this desk's clock (" + formatInstant(clock_.now()) + ")");
        }
        if (seal_ && device == deviceId_) {
            localNewestSeq = fact.deviceSeq;
            if (fact.deviceSeq == sealedHead.second.seq)
                hashAtHead = stored;
            if (!haveKey) {
                if (!fact.seal.empty() && !reportedMissingKey) {
                    problem("this desk's facts are sealed but its key " + seal_->keyPath() +
                            " is missing or unreadable, so their seals cannot be checked");
                    reportedMissingKey = true;
                }
                if (fact.seal.empty())
                    ++report.factsUnsealed;
            } else if (fact.deviceSeq < sealedFrom) {
                ++report.factsUnsealed;
            } else if (fact.seal.empty()) {
                problem("device " + device + ": fact " + std::to_string(fact.deviceSeq) + " (" + fact.id +
                        ") has no seal, though this desk has sealed every fact since " + std::to_string(sealedFrom) +
                        ": it was added or altered outside Frontdoor");
            } else if (!seal_->check(stored, fact.seal).value_or(false)) {
                problem("device " + device + ": fact " + std::to_string(fact.deviceSeq) + " (" + fact.id +
                        ") does not match its seal: it was altered outside Frontdoor, and its hash chain recomputed");
            } else {
                ++report.factsSealed;
            }
        } else if (device != deviceId_) {
            ++report.factsFromOtherDesks;
        }
        prevHash = stored;
        expectedSeq = fact.deviceSeq + 1;
    }
    // One stamp in the future carries every later fact with it: name the first few, count the rest.
    constexpr size_t kTimeProblemsShown = 20;
    if (report.timeProblems.size() > kTimeProblemsShown) {
        const size_t more = report.timeProblems.size() - kTimeProblemsShown;
        report.timeProblems.resize(kTimeProblemsShown);
        report.timeProblems.push_back("and " + std::to_string(more) + " more facts stamped ahead of their time");
    }
    if (seal_ && haveKey) {
        const auto& [state, head] = sealedHead;
        if (state == DeskSeal::HeadState::Missing) {
            problem("the sealed chain head " + seal_->headPath() +
                    " is missing, so facts deleted from the end of this desk's record cannot be ruled out");
        } else if (state == DeskSeal::HeadState::Altered) {
            problem("the sealed chain head " + seal_->headPath() + " does not match its seal: it was altered");
        } else if (head.seq > localNewestSeq) {
            problem("device " + deviceId_ + ": facts " + std::to_string(localNewestSeq + 1) + " to " +
                    std::to_string(head.seq) + " are missing: this desk sealed fact " + std::to_string(head.seq) +
                    " as its newest, so the newest facts were deleted outside Frontdoor (or the file was "
                    "replaced by an older copy)");
        } else if (hashAtHead != head.hash) {
            problem("device " + deviceId_ + ": fact " + std::to_string(head.seq) +
                    " is not the fact this desk sealed as its newest: the record was rewritten outside Frontdoor");
        }
    }
    return report;
}

} // namespace frontdoor::core
