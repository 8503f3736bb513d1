#pragma once
// One sync round at one desk: check the share is the team's, reconcile this desk's own folder with its
// log (take back its own facts after a restore, stop a cloned desk, republish files that vanished), publish
// its new facts in bounded batch files, then apply every other desk's files in sequence order. The
// share's faults never reach the database: a round that cannot reach the share says so and changes
// nothing but what it had already finished (each file is applied in its own transaction).

#include "Workspace.h"
#include "sync/ShareTransport.h"
#include "sync/Team.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core::sync {

struct SyncOptions {
    size_t maxFactsPerFile = 10000;
    size_t maxBytesPerFile = 16u << 20; ///< of JSON lines before compression
    /// A file stamped further ahead of this desk's clock than this is held, not applied.
    int64_t futureToleranceMs = 10 * 60 * 1000;
    /// This desk's own published files re-read each round (round robin) to find one damaged on the share.
    int ownFilesCheckedPerRound = 2;
};

struct FileNote {
    std::string file; ///< path on the share, "devices/<id>/out/00000003.fdb"
    std::string note; ///< why it is held, or what is wrong with it
};

struct DeviceStatus {
    std::string deviceId;
    int64_t lastSeqApplied = 0; ///< the newest of its facts this desk holds
    int64_t nextFile = 1;       ///< the file this desk reads next
    int64_t waiting = 0;        ///< its files on the share not applied (behind a gap, a held file or a problem)
    std::vector<FileNote> held;
    std::vector<FileNote> problems;
};

struct RoundReport {
    std::string share = "reachable"; ///< reachable, unreachable, refused
    std::string reason;
    std::string at; ///< when the round ran (this desk's clock)
    int64_t publishedFiles = 0;
    int64_t publishedFacts = 0;
    int64_t republishedFiles = 0; ///< this desk's own files that had vanished or were damaged, written again
    int64_t takenBackFacts = 0;   ///< this desk's own facts taken back from its folder (a restored desk)
    int64_t appliedFiles = 0;
    int64_t appliedFacts = 0;
    std::vector<DeviceStatus> devices;
    std::vector<FileNote> ownProblems; ///< in this desk's own folder
    int64_t conflicts = 0;

    bool reached() const { return share == "reachable"; }
    /// The JSON `frontdoor-cli sync` prints (docs/cli.md).
    Json toJson() const;
    static RoundReport fromJson(const Json& json);
};

class SyncEngine {
public:
    /// The desk must have joined a team (throws NotFoundError saying how, otherwise).
    SyncEngine(Workspace& workspace, ShareTransport& share, SyncOptions options = {});

    /// One round: publish, then apply. Never throws for what the share does: the report says
    /// unreachable or refused, and why. Two rounds at once on one desk (the app and the CLI) take turns.
    RoundReport round();

private:
    void reconcileOwnFolder(RoundReport& report, bool& mayPublish);
    void publish(RoundReport& report);
    void applyDevice(const std::string& device, RoundReport& report);
    void writeOwnFile(int64_t fileSeq, std::vector<Fact> facts, RoundReport& report, bool isNew);
    std::string ownFolder() const;

    Workspace& ws_;
    ShareTransport& share_;
    SyncOptions options_;
    DeskTeam team_;
    std::optional<int64_t> checkCursor_; ///< the last own file checked this round, saved with the round
};

/// The last round's report and when this desk last reached the share (`sync status`), without a round.
Json syncStatus(Workspace& workspace);

/// The number of open conflicts (0 before the conflicts table exists).
int64_t openConflicts(Database& db);

struct Reidentified {
    std::string oldDeviceId;
    std::string newDeviceId;
    int64_t agreedSeq = 0;       ///< the old identity's facts up to here match the share's copies, and are kept
    int64_t factsKept = 0;       ///< every fact copied into the new database as it was
    int64_t factsRerecorded = 0; ///< this desk's own work the share does not hold, recorded again as the new identity
    std::string previousDatabase; ///< the database as it was, kept beside the new one
};
/// Gives a desk found sharing its device id with another desk (a copied disk image) a new identity. The
/// database file cannot drop facts, so a new one is made beside it: every fact of other desks, and this
/// identity's facts as far as they match its folder on the share, copied as they are; this desk's work
/// beyond that (which the other desk's record contradicts) recorded again, by the same users, as facts of
/// the new device id. The old file is kept as `previousDatabase`; nothing is lost. The database must not
/// be open (close the workspace first). Throws ShareUnreachable / ShareRefused when the share cannot be
/// compared.
Reidentified reidentify(const std::string& databasePath, const Clock& clock, ShareTransport& share);

} // namespace frontdoor::core::sync
