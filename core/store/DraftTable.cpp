#include "store/DraftTable.h"

#include <sqlite3.h>

namespace frontdoor::core {
namespace {

constexpr const char* kColumns = "SELECT owner_user_id, kind, subject, saved_at, body FROM drafts ";

StoredDraft readRow(Statement& stmt) {
    return {stmt.text(0), stmt.text(1), stmt.text(2), parseInstant(stmt.text(3)).value_or(Instant{}),
            nlohmann::json::parse(stmt.text(4))};
}

// A draft save commits without waiting for the disk (synchronous=NORMAL in WAL mode): it is typing in
// progress, saved every second or two, and waiting for an fsync each time would stall the typing on a
// busy disk. A killed or crashed app loses nothing committed (the operating system holds the write); only
// a power cut in the seconds before the next checkpoint could lose the newest draft. Decisions and every
// fact keep synchronous=FULL, restored as soon as the draft is written.
class RelaxedDurability {
public:
    explicit RelaxedDurability(Database& db) : db_(db), relaxed_(sqlite3_get_autocommit(db.handle()) != 0) {
        if (relaxed_)
            db_.exec("PRAGMA synchronous = NORMAL");
    }
    ~RelaxedDurability() {
        if (relaxed_) {
            try {
                db_.exec("PRAGMA synchronous = FULL");
            } catch (...) {
                // the connection is going away; nothing else will be written on it
            }
        }
    }
    RelaxedDurability(const RelaxedDurability&) = delete;
    RelaxedDurability& operator=(const RelaxedDurability&) = delete;

private:
    Database& db_;
    bool relaxed_;
};

} // namespace

void DraftTable::put(const std::string& owner, const std::string& kind, const std::string& subject,
                     const nlohmann::json& body, Instant savedAt) {
    RelaxedDurability relaxed(db_);
    WriteScope scope(db_); // no fact: only so that a write into a file deleted under the app is refused
    db_.cached("INSERT INTO drafts(owner_user_id, kind, subject, saved_at, body) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT(owner_user_id, kind, subject) DO UPDATE SET saved_at = excluded.saved_at, "
               "body = excluded.body")
        .bindAll(owner, kind, subject, formatInstant(savedAt), body.dump())
        .run();
    scope.commit();
}

std::optional<StoredDraft> DraftTable::get(const std::string& owner, const std::string& kind,
                                           const std::string& subject) {
    auto& stmt = db_.cached(std::string(kColumns) + "WHERE owner_user_id = ? AND kind = ? AND subject = ?");
    stmt.bindAll(owner, kind, subject);
    std::optional<StoredDraft> found;
    if (stmt.step())
        found = readRow(stmt);
    stmt.reset();
    return found;
}

std::optional<StoredDraft> DraftTable::anyOwner(const std::string& kind, const std::string& subject) {
    auto& stmt = db_.cached(std::string(kColumns) +
                            "WHERE kind = ? AND subject = ? ORDER BY saved_at DESC, owner_user_id LIMIT 1");
    stmt.bindAll(kind, subject);
    std::optional<StoredDraft> found;
    if (stmt.step())
        found = readRow(stmt);
    stmt.reset();
    return found;
}

std::vector<StoredDraft> DraftTable::list(const std::string& owner, const std::string& kind) {
    auto& stmt = db_.cached(std::string(kColumns) +
                            "WHERE owner_user_id = ? AND kind = ? ORDER BY saved_at DESC, subject");
    stmt.bindAll(owner, kind);
    std::vector<StoredDraft> result;
    while (stmt.step())
        result.push_back(readRow(stmt));
    stmt.reset();
    return result;
}

bool DraftTable::remove(const std::string& owner, const std::string& kind, const std::string& subject) {
    WriteScope scope(db_);
    db_.cached("DELETE FROM drafts WHERE owner_user_id = ? AND kind = ? AND subject = ?")
        .bindAll(owner, kind, subject)
        .run();
    const bool removed = db_.changes() > 0;
    scope.commit();
    return removed;
}

void DraftTable::removeAll(const std::string& kind, const std::string& subject) {
    WriteScope scope(db_);
    db_.cached("DELETE FROM drafts WHERE kind = ? AND subject = ?").bindAll(kind, subject).run();
    scope.commit();
}

} // namespace frontdoor::core
