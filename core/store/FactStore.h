#pragma once
// The append-only fact log and the projection it feeds. All writes in Frontdoor go through append():
// the fact and every projection row it changes are written in one SQLite transaction, so the two can
// never disagree, and a crash leaves either both or neither.

#include "store/Fact.h"
#include "store/Projections.h"
#include "store/Sqlite.h"
#include "util/Clock.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

class FactStore {
public:
    /// `db` must already be migrated. Installs a guard on this connection that refuses to drop or alter
    /// the fact log (the triggers in the schema refuse UPDATE and DELETE from any connection).
    FactStore(Database& db, const Clock& clock, const Projections& projections, std::string deviceId);

    const std::string& deviceId() const { return deviceId_; }
    const Clock& clock() const { return clock_; }
    Database& database() { return db_; }

    /// Appends a fact and projects it. Must be called inside an open Transaction on this database.
    Fact append(const Actor& actor, const std::string& type, const std::string& subject, Json payload);

    /// Every fact about one record, oldest first.
    std::vector<Fact> factsAbout(const std::string& subject) const;
    /// One fact by id.
    std::optional<Fact> fact(const std::string& id) const;
    /// Every fact in the total order (hlc, device, id), calling `visit` for each.
    void forEach(const std::function<void(const Fact&)>& visit) const;
    int64_t count() const;

    /// Clears every projection table and replays all facts through the projection, in one transaction.
    /// Returns the number of facts replayed.
    int64_t rebuildProjection();

    /// SHA-256 over every projection table's rows in a fixed order: two databases with equal digests
    /// show users the same thing.
    std::string projectionDigest() const;

    struct ChainReport {
        bool intact = true;
        int64_t factsChecked = 0;
        std::vector<std::string> problems; ///< e.g. "device 0190...: fact 12 hash does not match its content"
    };
    /// Recomputes every desk's hash chain, detecting any fact altered outside Frontdoor.
    ChainReport verifyChains() const;

private:
    Fact readFact(Statement& stmt) const;

    Database& db_;
    const Clock& clock_;
    const Projections& projections_;
    std::string deviceId_;
};

/// Reads or creates this desk's id in the database's local settings.
std::string ensureDeviceId(Database& db, const Clock& clock);

} // namespace frontdoor::core
