#pragma once
// The append-only fact log and the projection it feeds. All writes in Frontdoor go through append():
// the fact and every projection row it changes are written in one SQLite transaction, so the two can
// never disagree, and a crash leaves either both or neither.

#include "store/DeskSeal.h"
#include "store/Fact.h"
#include "store/Projections.h"
#include "store/Sqlite.h"
#include "util/Clock.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace frontdoor::core {

/// What FactStore::importFacts did: facts newly held, and facts it already held (no-ops).
struct ImportResult {
    int64_t applied = 0;
    int64_t alreadyHeld = 0;
};

/// How FactStore::importFacts may save work its caller has already done.
struct ImportOptions {
    /// The caller has just recomputed every fact's hash from its content and found it equal, and checked
    /// that each fact after the first names the one before it as its previous hash (sync::decodeBatch does
    /// both, for a whole file, before anything is applied). importFacts then does not hash them again; it
    /// still checks that the facts continue each device's chain held here, and every other check.
    bool hashesChecked = false;
};

class FactStore {
public:
    /// `db` must already be migrated. Installs a guard on this connection that refuses to drop or alter
    /// the fact log (the triggers in the schema refuse UPDATE and DELETE from any connection).
    /// `seal` (may be null, e.g. for ":memory:") seals each fact and the chain head outside the file.
    FactStore(Database& db, const Clock& clock, const Projections& projections, std::string deviceId,
              std::unique_ptr<DeskSeal> seal = nullptr);
    ~FactStore();

    const std::string& deviceId() const { return deviceId_; }
    const Clock& clock() const { return clock_; }
    Database& database() { return db_; }

    /// Appends a fact and projects it. Must be called inside an open Transaction on this database.
    Fact append(const Actor& actor, const std::string& type, const std::string& subject, Json payload);

    /// Every fact about one record, oldest first.
    std::vector<Fact> factsAbout(const std::string& subject) const;
    /// One fact by id.
    std::optional<Fact> fact(const std::string& id) const;
    /// One fact by id from `db`'s log: for a projection handler, which is given the database, not the store.
    static std::optional<Fact> fact(Database& db, const std::string& id);
    /// Every fact in the total order (hlc, device, id), calling `visit` for each.
    void forEach(const std::function<void(const Fact&)>& visit) const;
    int64_t count() const;

    using ImportResult = core::ImportResult;
    /// Inside an open Transaction. Facts recorded at other desks (or this desk's own, taken back from the
    /// share after a restore), each with its own id, hlc, device, deviceSeq, prevHash, hash and seal as
    /// recorded. Per device, facts must continue the chain held (seq = held max + 1, prevHash = hash held)
    /// in the order given after sorting by (device, seq); each fact's hash must match its content
    /// (computeFactHash). A fact id already held with identical content is a no-op (alreadyHeld); a fact id,
    /// or a (device, seq), held with different content throws StoreError naming both. Observes each HLC so
    /// later local stamps sort after them. Projects so that the result equals replaying every held fact in
    /// (hlc, device, id) order. Throws (changing nothing once the caller's transaction rolls back) on the
    /// first fact refused.
    ImportResult importFacts(const std::vector<Fact>& facts, const ImportOptions& options = {});
    /// How the last importFacts projected: "none", "in_order" (every fact newer than all held),
    /// "subjects" (the subjects the late facts touch, re-projected) or "rebuild" (everything). For
    /// measurements and tests.
    const std::string& lastImportProjection() const { return lastImportProjection_; }
    /// Highest device_seq held per device, and the hash at that seq.
    std::map<std::string, std::pair<int64_t, std::string>> deviceHeads() const;
    /// Facts of one device with seq in [fromSeq, toSeq], ascending, each with its prevHash filled in (for
    /// publishing and for verify --share).
    std::vector<Fact> deviceFacts(const std::string& device, int64_t fromSeq, int64_t toSeq) const;
    /// SHA-256 (hex) of every fact id and hash in (device, seq) order, and of their count: two desks
    /// with equal digests hold the same facts.
    std::string factsDigest() const;

    /// Clears every projection table and replays all facts through the projection, in one transaction.
    /// Returns the number of facts replayed.
    int64_t rebuildProjection();

    /// SHA-256 over every projection table's rows in a fixed order: two databases with equal digests
    /// show users the same thing.
    std::string projectionDigest() const;

    /// SHA-256 of each projection table, in declaration order.
    std::vector<std::pair<std::string, std::string>> projectionTableDigests() const;

    struct ChainReport {
        bool intact = true;
        int64_t factsChecked = 0;
        int64_t factsSealed = 0;   ///< this desk's facts whose seal was checked and holds
        int64_t factsUnsealed = 0; ///< this desk's facts from before it began sealing (not tampering)
        int64_t factsFromOtherDesks = 0; ///< sealed under other desks' keys: checked by verify --share
        std::vector<std::string> problems; ///< e.g. "device 0190...: fact 12 hash does not match its content"
        /// Facts whose time runs ahead: an HLC stamp ahead of the fact's recorded time, or a recorded
        /// time ahead of the desk's clock (by more than a few minutes).
        std::vector<std::string> timeProblems;
    };
    /// Recomputes every desk's hash chain, detecting any fact altered outside Frontdoor; checks this
    /// desk's seals and its sealed chain head (facts deleted from the end); reports facts stamped in the
    /// future. Never throws for a damaged fact: it is reported.
    ChainReport verifyChains() const;

    struct ProjectionReport {
        bool matches = true;
        std::vector<std::string> tablesDiffering; ///< tables whose rows differ from a rebuild
        std::string problem;                      ///< why the rebuild could not be made, if it could not
    };
    /// Rebuilds the projection from the facts inside a transaction that is rolled back, and compares
    /// each table with what is there now: a hand-edited table, or the effects of deleted facts, differ.
    ProjectionReport compareProjectionWithRebuild();

    /// The seal, if this store has one.
    const DeskSeal* deskSeal() const { return seal_.get(); }

private:
    /// Throws StoreError (never aborting) when a payload is not valid JSON in UTF-8.
    static Fact readFact(Statement& stmt);
    void replayAll();
    /// Projects facts just inserted by importFacts (sorted by (hlc, device, id)); `heldMax` is the
    /// greatest key held before them.
    void projectImported(const std::vector<const Fact*>& added,
                         const std::optional<std::tuple<int64_t, std::string, std::string>>& heldMax);
    /// Re-projects every subject with a fact stamped at or after `from` (deleting their rows and
    /// replaying their facts in order). False, having changed nothing, when a table cannot say which
    /// rows a subject owns or when rebuilding everything would be about as quick.
    bool reprojectSubjectsFrom(const std::tuple<int64_t, std::string, std::string>& from);

    Database& db_;
    const Clock& clock_;
    const Projections& projections_;
    std::string deviceId_;
    std::unique_ptr<DeskSeal> seal_;
    std::optional<std::pair<int64_t, std::string>> pendingHead_; ///< sealed outside once committed
    std::string lastImportProjection_ = "none";
};

/// Reads or creates this desk's id in the database's local settings.
std::string ensureDeviceId(Database& db, const Clock& clock);

} // namespace frontdoor::core
