#include "sync/SyncEngine.h"

#include "store/Migrations.h"
#include "sync/BatchFile.h"
#include "sync/FactCodec.h"
#include "util/Errors.h"
#include "util/Text.h"
#include "util/Uuid.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <tuple>
#include <map>
#include <optional>
#include <set>

namespace frontdoor::core::sync {
namespace {

constexpr const char* kLastRoundKey = "sync.last_round";
constexpr const char* kLastSyncAtKey = "sync.last_sync_at";
constexpr const char* kCheckCursorKey = "sync.check_cursor";

// Only the desk writes its own folder; two rounds on one desk (the app's and the CLI's) take turns on
// a lock file beside the database, so neither ever races the other for a file name.
class RoundLock {
public:
    explicit RoundLock(const std::string& databasePath) {
        if (databasePath == ":memory:" || databasePath.empty())
            return;
        fd_ = ::open((databasePath + ".sync-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd_ >= 0)
            ::flock(fd_, LOCK_EX);
    }
    ~RoundLock() {
        if (fd_ >= 0) {
            ::flock(fd_, LOCK_UN);
            ::close(fd_);
        }
    }
    RoundLock(const RoundLock&) = delete;
    RoundLock& operator=(const RoundLock&) = delete;

private:
    int fd_ = -1;
};

std::optional<std::string> localSetting(Database& db, const std::string& key) {
    return db.lookupText("SELECT value FROM local_setting WHERE key = ?", key);
}

void setLocalSetting(Database& db, const std::string& key, const std::string& value) {
    WriteScope scope(db);
    db.prepare("INSERT INTO local_setting(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bindAll(key, value)
        .run();
    scope.commit();
}

// The newest sequence number held of one device (0 for none): one index lookup, where
// FactStore::deviceHeads() reads every device's.
int64_t headSeq(Database& db, const std::string& device) {
    return db.lookupInt("SELECT max(device_seq) FROM facts WHERE device_id = ?", device).value_or(0);
}

struct Published {
    int64_t firstSeq = 0;
    int64_t lastSeq = 0;
    std::string fileHash;
};

std::map<int64_t, Published> publishedFiles(Database& db, const std::string& device) {
    std::map<int64_t, Published> files;
    Statement stmt =
        db.prepare("SELECT file_seq, first_seq, last_seq, file_hash FROM sync_published WHERE device_id = ? ORDER BY file_seq");
    stmt.bindAll(device);
    while (stmt.step())
        files[stmt.int64(0)] = {stmt.int64(1), stmt.int64(2), stmt.text(3)};
    return files;
}

void recordPublished(Database& db, const std::string& device, int64_t fileSeq, int64_t firstSeq, int64_t lastSeq,
                     const std::string& fileHash, Instant at) {
    WriteScope scope(db);
    db.prepare("INSERT INTO sync_published(device_id, file_seq, first_seq, last_seq, file_hash, published_at) "
               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id, file_seq) DO UPDATE SET "
               "first_seq = excluded.first_seq, last_seq = excluded.last_seq, file_hash = excluded.file_hash, "
               "published_at = excluded.published_at")
        .bindAll(device, fileSeq, firstSeq, lastSeq, fileHash, formatInstant(at))
        .run();
    scope.commit();
}

std::string cloneMessage(const std::string& device, const std::string& file) {
    return "this desk's device id (" + device + ") is in use at another desk too: " + file +
           ", in this desk's own folder on the share, holds facts this desk did not record (a disk image or "
           "database file copied to a second PC). Nothing was published. An administrator runs, on this desk: "
           "frontdoor-cli sync reidentify (this desk's own work is kept, and recorded again under a new identity)";
}

std::string durationWords(int64_t ms) {
    const int64_t minutes = ms / 60000;
    if (minutes < 120)
        return std::to_string(minutes) + " minutes";
    const int64_t hours = minutes / 60;
    if (hours < 48)
        return std::to_string(hours) + " hours";
    return std::to_string(hours / 24) + " days";
}

Json notesJson(const std::vector<FileNote>& notes, const char* noteName) {
    Json list = Json::array();
    for (const auto& note : notes)
        list.push_back({{"file", note.file}, {noteName, note.note}});
    return list;
}

std::vector<FileNote> notesFrom(const Json& list, const char* noteName) {
    std::vector<FileNote> notes;
    if (list.is_array())
        for (const auto& item : list)
            notes.push_back({item.value("file", ""), item.value(noteName, "")});
    return notes;
}

// While files are applied, the connection's page cache is made large enough to hold the indexes a
// catch-up writes all over (a desk joining years of history grows them by gigabytes); the setting the
// workspace chose is put back afterwards, which also gives the memory back.
class LargerPageCache {
public:
    explicit LargerPageCache(Database& db) : db_(db) {
        previous_ = db_.queryInt("PRAGMA cache_size").value_or(0);
        const int64_t previousKiB = previous_ < 0 ? -previous_ : previous_ * 4; // pages of 4 KiB
        if (previousKiB < kApplyCacheKiB) {
            db_.exec("PRAGMA cache_size = -" + std::to_string(kApplyCacheKiB));
            raised_ = true;
        }
    }
    ~LargerPageCache() {
        if (raised_) {
            try {
                db_.exec("PRAGMA cache_size = " + std::to_string(previous_));
            } catch (const std::exception&) {
                // Only the cache's size; nothing recorded depends on it.
            }
        }
    }
    LargerPageCache(const LargerPageCache&) = delete;
    LargerPageCache& operator=(const LargerPageCache&) = delete;

private:
    static constexpr int64_t kApplyCacheKiB = 256 * 1024;
    Database& db_;
    int64_t previous_ = 0;
    bool raised_ = false;
};

} // namespace

Json RoundReport::toJson() const {
    Json deviceList = Json::array();
    for (const auto& device : devices)
        deviceList.push_back({{"device_id", device.deviceId},
                              {"last_seq_applied", device.lastSeqApplied},
                              {"next_file", device.nextFile},
                              {"waiting", device.waiting},
                              {"held", notesJson(device.held, "reason")},
                              {"problems", notesJson(device.problems, "problem")}});
    return Json{{"share", share},
                {"reason", reason},
                {"at", at},
                {"published", {{"files", publishedFiles}, {"facts", publishedFacts}, {"republished_files", republishedFiles}}},
                {"taken_back", {{"facts", takenBackFacts}}},
                {"applied", {{"files", appliedFiles}, {"facts", appliedFacts}}},
                {"devices", deviceList},
                {"own_problems", notesJson(ownProblems, "problem")},
                {"conflicts", conflicts}};
}

RoundReport RoundReport::fromJson(const Json& json) {
    RoundReport report;
    report.share = json.value("share", "unreachable");
    report.reason = json.value("reason", "");
    report.at = json.value("at", "");
    const Json published = json.value("published", Json::object());
    report.publishedFiles = published.value("files", int64_t{0});
    report.publishedFacts = published.value("facts", int64_t{0});
    report.republishedFiles = published.value("republished_files", int64_t{0});
    report.takenBackFacts = json.value("taken_back", Json::object()).value("facts", int64_t{0});
    const Json applied = json.value("applied", Json::object());
    report.appliedFiles = applied.value("files", int64_t{0});
    report.appliedFacts = applied.value("facts", int64_t{0});
    for (const auto& item : json.value("devices", Json::array())) {
        DeviceStatus device;
        device.deviceId = item.value("device_id", "");
        device.lastSeqApplied = item.value("last_seq_applied", int64_t{0});
        device.nextFile = item.value("next_file", int64_t{1});
        device.waiting = item.value("waiting", int64_t{0});
        device.held = notesFrom(item.value("held", Json::array()), "reason");
        device.problems = notesFrom(item.value("problems", Json::array()), "problem");
        report.devices.push_back(std::move(device));
    }
    report.ownProblems = notesFrom(json.value("own_problems", Json::array()), "problem");
    report.conflicts = json.value("conflicts", int64_t{0});
    return report;
}

int64_t openConflicts(Database& db) {
    if (db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_conflict'").value_or(0) == 0)
        return 0;
    return db.queryInt("SELECT count(*) FROM sync_conflict WHERE status = 'open'").value_or(0);
}

SyncEngine::SyncEngine(Workspace& workspace, ShareTransport& share, SyncOptions options)
    : ws_(workspace), share_(share), options_(options) {
    auto team = loadDeskTeam(ws_.db());
    if (!team)
        throw NotFoundError("this desk has not joined a team yet: FRONTDOOR_TEAM_PASSPHRASE=... frontdoor-cli sync "
                            "join --share DIR");
    team_ = std::move(*team);
}

std::string SyncEngine::ownFolder() const { return "devices/" + ws_.facts().deviceId() + "/out"; }

RoundReport SyncEngine::round() {
    RoundLock lock(ws_.db().path());
    RoundReport report;
    report.at = formatInstant(ws_.clock().now());
    try {
        checkTeamFile(share_, team_);
        bool mayPublish = true;
        reconcileOwnFolder(report, mayPublish);
        if (mayPublish)
            publish(report);
        std::vector<std::string> devices;
        for (const auto& name : share_.list("devices"))
            if (name != ws_.facts().deviceId() && name.size() == 36 && name.find('.') == std::string::npos)
                devices.push_back(name);
        for (const auto& device : devices)
            applyDevice(device, report);
        if (report.appliedFacts > 0 || report.takenBackFacts > 0)
            ws_.reloadCalendar(); // a calendar installed at another desk counts here from now on
    } catch (const ShareUnreachable& e) {
        report.share = "unreachable";
        report.reason = e.what();
    } catch (const ShareRefused& e) {
        report.share = "refused";
        report.reason = e.what();
    }
    report.conflicts = openConflicts(ws_.db());
    // One commit for the round's own bookkeeping: a round with nothing new costs one flush, not three.
    Transaction transaction(ws_.db());
    setLocalSetting(ws_.db(), kLastRoundKey, report.toJson().dump());
    if (report.reached())
        setLocalSetting(ws_.db(), kLastSyncAtKey, report.at);
    if (checkCursor_)
        setLocalSetting(ws_.db(), kCheckCursorKey, std::to_string(*checkCursor_));
    transaction.commit();
    return report;
}

void SyncEngine::reconcileOwnFolder(RoundReport& report, bool& mayPublish) {
    const std::string me = ws_.facts().deviceId();
    const std::string folder = ownFolder();
    std::map<int64_t, std::string> onShare;
    for (const auto& name : share_.list(folder)) {
        if (const auto seq = parseBatchFileName(name))
            onShare[*seq] = name;
        else if (isTemporaryName(name))
            share_.remove(folder + "/" + name); // left by a round that crashed or ran out of space; ours alone
        else
            report.ownProblems.push_back({folder + "/" + name, "not a Frontdoor batch file name (a copy made by "
                                                               "another program?); left alone"});
    }
    auto published = publishedFiles(ws_.db(), me);
    const int64_t lastRecorded = published.empty() ? 0 : published.rbegin()->first;

    // Files beyond this desk's record: published before the database was restored from a backup (take
    // the facts back), or by a round that stopped between the rename and recording it, or by a copy of
    // this desk (stop).
    for (const auto& [seq, name] : onShare) {
        if (seq <= lastRecorded)
            continue;
        const std::string path = folder + "/" + name;
        const auto bytes = share_.read(path);
        if (!bytes)
            continue;
        const DecodedBatch batch = decodeBatch(*bytes, team_.key);
        if (batch.status != DecodedBatch::Status::Ok || batch.header.deviceId != me || batch.header.fileSeq != seq ||
            batch.header.teamId != team_.teamId) {
            report.ownProblems.push_back(
                {path, (batch.status != DecodedBatch::Status::Ok ? batch.problem
                                                                   : std::string("its header names another file")) +
                           "; this desk publishes nothing until its own folder can be read"});
            mayPublish = false;
            return;
        }
        if (batch.header.firstSeq > headSeq(ws_.db(), me) + 1) {
            report.ownProblems.push_back({path, "holds this desk's facts from " + std::to_string(batch.header.firstSeq) +
                                                    ", but the file before it is missing; this desk publishes nothing "
                                                    "until it is back"});
            mayPublish = false;
            return;
        }
        const auto held = ws_.facts().deviceFacts(me, batch.header.firstSeq, batch.header.lastSeq);
        for (size_t i = 0; i < held.size() && i < batch.facts.size(); ++i)
            if (held[i].deviceSeq != batch.facts[i].deviceSeq || held[i].hash != batch.facts[i].hash)
                throw ShareRefused(cloneMessage(me, path));
        if (batch.facts.size() > held.size()) {
            const std::vector<Fact> missing(batch.facts.begin() + static_cast<long>(held.size()), batch.facts.end());
            try {
                Transaction transaction(ws_.db());
                const auto result = ws_.facts().importFacts(missing);
                transaction.commit();
                report.takenBackFacts += result.applied;
            } catch (const StoreError& e) {
                throw ShareRefused(cloneMessage(me, path) + " (" + e.what() + ")");
            }
        }
        recordPublished(ws_.db(), me, seq, batch.header.firstSeq, batch.header.lastSeq, sha256Hex(*bytes),
                        ws_.clock().now());
    }
    published = publishedFiles(ws_.db(), me);

    // Files this desk published that are gone (someone tidied the share): publish them again, the same
    // facts under the same names, from this desk's own log.
    for (const auto& [seq, file] : published) {
        if (onShare.count(seq))
            continue;
        auto facts = ws_.facts().deviceFacts(me, file.firstSeq, file.lastSeq);
        if (static_cast<int64_t>(facts.size()) != file.lastSeq - file.firstSeq + 1) {
            report.ownProblems.push_back({folder + "/" + batchFileName(seq),
                                          "missing from the share, and this desk no longer holds all of its facts (" +
                                              std::to_string(file.firstSeq) + " to " + std::to_string(file.lastSeq) +
                                              ") to publish it again"});
            continue;
        }
        writeOwnFile(seq, std::move(facts), report, false);
        onShare[seq] = batchFileName(seq);
    }

    // A few of this desk's files each round, in turn, compared with what it wrote: one damaged on the
    // share (a changed byte, cut short) is written again from the log.
    if (published.empty() || options_.ownFilesCheckedPerRound <= 0)
        return;
    const int64_t cursor = std::stoll(localSetting(ws_.db(), kCheckCursorKey).value_or("0"));
    auto it = published.upper_bound(cursor);
    int64_t last = cursor;
    for (int checked = 0; checked < options_.ownFilesCheckedPerRound && checked < static_cast<int>(published.size());
         ++checked) {
        if (it == published.end())
            it = published.begin();
        const auto& [seq, file] = *it;
        last = seq;
        const std::string path = folder + "/" + batchFileName(seq);
        const auto bytes = share_.read(path);
        if (bytes && sha256Hex(*bytes) != file.fileHash) {
            const DecodedBatch batch = decodeBatch(*bytes, team_.key);
            if (batch.status == DecodedBatch::Status::Ok) {
                const auto held = ws_.facts().deviceFacts(me, batch.header.firstSeq, batch.header.lastSeq);
                bool same = held.size() == batch.facts.size() && batch.header.fileSeq == seq;
                for (size_t i = 0; same && i < held.size(); ++i)
                    same = held[i].hash == batch.facts[i].hash;
                if (!same)
                    throw ShareRefused(cloneMessage(me, path));
                recordPublished(ws_.db(), me, seq, file.firstSeq, file.lastSeq, sha256Hex(*bytes), ws_.clock().now());
            } else {
                report.ownProblems.push_back({path, batch.problem + "; written again from this desk's record"});
                share_.remove(path);
                writeOwnFile(seq, ws_.facts().deviceFacts(me, file.firstSeq, file.lastSeq), report, false);
            }
        }
        ++it;
    }
    checkCursor_ = last;
}

void SyncEngine::writeOwnFile(int64_t fileSeq, std::vector<Fact> facts, RoundReport& report, bool isNew) {
    const std::string me = ws_.facts().deviceId();
    if (facts.empty())
        return;
    // Each fact carries the hash of the one before it, so a reader can check the chain file by file.
    if (facts.front().prevHash.empty() && facts.front().deviceSeq > 1) {
        const auto previous = ws_.facts().deviceFacts(me, facts.front().deviceSeq - 1, facts.front().deviceSeq - 1);
        if (!previous.empty())
            facts.front().prevHash = previous.front().hash;
    }
    for (size_t i = 1; i < facts.size(); ++i)
        facts[i].prevHash = facts[i - 1].hash;
    BatchHeader header;
    header.schemaVersion = static_cast<uint32_t>(latestSchemaVersion());
    header.teamId = team_.teamId;
    header.deviceId = me;
    header.fileSeq = fileSeq;
    const std::string bytes = encodeBatch(header, facts, team_.key);
    const std::string path = ownFolder() + "/" + batchFileName(fileSeq);
    share_.makeFolders(ownFolder());
    if (!share_.writeNew(path, bytes)) {
        // The name is taken: by this desk before a crash (the same facts), or by a copy of this desk.
        const auto existing = share_.read(path);
        const DecodedBatch batch = existing ? decodeBatch(*existing, team_.key) : DecodedBatch{};
        bool same = existing && batch.status == DecodedBatch::Status::Ok && batch.facts.size() == facts.size();
        for (size_t i = 0; same && i < facts.size(); ++i)
            same = batch.facts[i].hash == facts[i].hash;
        if (!same)
            throw ShareRefused(cloneMessage(me, path));
        recordPublished(ws_.db(), me, fileSeq, facts.front().deviceSeq, facts.back().deviceSeq, sha256Hex(*existing),
                        ws_.clock().now());
        return;
    }
    recordPublished(ws_.db(), me, fileSeq, facts.front().deviceSeq, facts.back().deviceSeq, sha256Hex(bytes),
                    ws_.clock().now());
    if (isNew) {
        ++report.publishedFiles;
        report.publishedFacts += static_cast<int64_t>(facts.size());
    } else {
        ++report.republishedFiles;
    }
}

void SyncEngine::publish(RoundReport& report) {
    const std::string me = ws_.facts().deviceId();
    const int64_t head = headSeq(ws_.db(), me);
    const auto published = publishedFiles(ws_.db(), me);
    int64_t nextFile = published.empty() ? 1 : published.rbegin()->first + 1;
    int64_t from = 1;
    for (const auto& [seq, file] : published)
        from = std::max(from, file.lastSeq + 1);
    while (from <= head) {
        const int64_t to = std::min<int64_t>(head, from + static_cast<int64_t>(options_.maxFactsPerFile) - 1);
        std::vector<Fact> facts = ws_.facts().deviceFacts(me, from, to);
        if (facts.empty())
            break;
        // Bounded in bytes too: a backlog of large facts becomes several files.
        size_t bytes = 0;
        size_t keep = 0;
        while (keep < facts.size()) {
            bytes += encodeFact(facts[keep]).size() + 1;
            if (keep > 0 && bytes > options_.maxBytesPerFile)
                break;
            ++keep;
        }
        facts.resize(keep);
        const int64_t last = facts.back().deviceSeq;
        writeOwnFile(nextFile, std::move(facts), report, true);
        ++nextFile;
        from = last + 1;
    }
}

void SyncEngine::applyDevice(const std::string& device, RoundReport& report) {
    DeviceStatus status;
    status.deviceId = device;
    const std::string folder = "devices/" + device + "/out";
    std::map<int64_t, std::string> files;
    for (const auto& name : share_.list(folder)) {
        if (const auto seq = parseBatchFileName(name))
            files[*seq] = name;
        else if (!isTemporaryName(name))
            status.problems.push_back({folder + "/" + name, "not a Frontdoor batch file name (a copy made by another "
                                                            "program?); not applied, left alone"});
    }
    int64_t next = ws_.db().lookupInt("SELECT next_file FROM sync_peer WHERE device_id = ?", device).value_or(1);
    const int64_t nowMs = toEpochMs(ws_.clock().now());
    const int64_t newestOnShare = files.empty() ? 0 : files.rbegin()->first;
    // The next file is read here and verified on another thread while this one is imported, so a desk
    // catching up spends the two cores on both.
    std::future<DecodedBatch> prefetched;
    int64_t prefetchedSeq = 0;
    std::optional<LargerPageCache> cache;
    if (files.count(next))
        cache.emplace(ws_.db());
    for (;;) {
        const auto found = files.find(next);
        const std::string path = folder + "/" + batchFileName(next);
        if (found == files.end()) {
            if (newestOnShare > next)
                status.problems.push_back(
                    {path, "missing: later files of this desk (up to " + batchFileName(newestOnShare) +
                               ") are on the share but not this one; nothing after it is applied until it appears"});
            break;
        }
        DecodedBatch batch;
        if (prefetchedSeq == next && prefetched.valid()) {
            batch = prefetched.get();
        } else {
            const auto bytes = share_.read(path);
            if (!bytes)
                break; // listed but not visible yet (the share's listing runs ahead): next round
            batch = decodeBatch(*bytes, team_.key);
        }
        if (batch.status == DecodedBatch::Status::NewerFormat) {
            status.held.push_back({path, batch.problem});
            break;
        }
        if (batch.status != DecodedBatch::Status::Ok) {
            status.problems.push_back({path, batch.problem});
            break;
        }
        const BatchHeader& header = batch.header;
        if (header.teamId != team_.teamId || header.deviceId != device || header.fileSeq != next) {
            status.problems.push_back({path, "its header says it is file " + std::to_string(header.fileSeq) +
                                                 " of device " + header.deviceId +
                                                 ": it was copied here from elsewhere; not applied"});
            break;
        }
        if (header.schemaVersion > static_cast<uint32_t>(latestSchemaVersion())) {
            status.held.push_back({path, "written by a newer Frontdoor (schema " + std::to_string(header.schemaVersion) +
                                             "; this desk has " + std::to_string(latestSchemaVersion()) +
                                             "): upgrade Frontdoor on this desk"});
            break;
        }
        const int64_t aheadMs = HlcStamp{header.hlcMax}.wallMs() - nowMs;
        if (aheadMs > options_.futureToleranceMs) {
            status.held.push_back({path, "stamped " + HlcStamp{header.hlcMax}.toString() + ", " + durationWords(aheadMs) +
                                             " ahead of this desk's clock: held until this desk's clock reaches it "
                                             "(check the clock on both desks)"});
            break;
        }
        if (files.count(next + 1)) {
            if (auto bytes = share_.read(folder + "/" + batchFileName(next + 1))) {
                prefetched = std::async(std::launch::async, [bytes = std::move(*bytes), key = team_.key] {
                    return decodeBatch(bytes, key);
                });
                prefetchedSeq = next + 1;
            }
        }
        try {
            Transaction transaction(ws_.db());
            // decodeBatch has just checked every fact's hash and the chain within the file; importFacts
            // checks that the file continues the chain held here.
            const auto result = ws_.facts().importFacts(batch.facts, ImportOptions{.hashesChecked = true});
            ws_.db()
                .prepare("INSERT INTO sync_peer(device_id, next_file, updated_at) VALUES (?, ?, ?) "
                         "ON CONFLICT(device_id) DO UPDATE SET next_file = excluded.next_file, "
                         "updated_at = excluded.updated_at")
                .bindAll(device, next + 1, formatInstant(ws_.clock().now()))
                .run();
            transaction.commit();
            ++report.appliedFiles;
            report.appliedFacts += result.applied;
        } catch (const StoreError& e) {
            status.problems.push_back({path, std::string("cannot be applied: ") + e.what()});
            break;
        }
        ++next;
    }
    status.nextFile = next;
    for (const auto& [seq, name] : files)
        if (seq >= next)
            ++status.waiting;
    status.lastSeqApplied = headSeq(ws_.db(), device);
    report.devices.push_back(std::move(status));
}

Json syncStatus(Workspace& workspace) {
    Database& db = workspace.db();
    const auto team = loadDeskTeam(db);
    Json status;
    if (const auto last = localSetting(db, kLastRoundKey)) {
        try {
            status = RoundReport::fromJson(Json::parse(*last)).toJson();
        } catch (const Json::exception&) {
        }
    }
    if (status.is_null()) {
        RoundReport never;
        never.share = "unknown";
        never.reason = "no sync round has run on this desk yet";
        status = never.toJson();
    }
    status["joined"] = team.has_value();
    status["team_id"] = team ? Json(team->teamId) : Json(nullptr);
    status["share_path"] = team ? Json(team->sharePath) : Json(nullptr);
    status["device_id"] = workspace.facts().deviceId();
    const auto lastSync = localSetting(db, kLastSyncAtKey);
    status["last_sync_at"] = lastSync ? Json(*lastSync) : Json(nullptr);
    status["conflicts"] = openConflicts(db);
    return status;
}

ShareComparison compareWithShare(Workspace& workspace, ShareTransport& share) {
    const auto team = loadDeskTeam(workspace.db());
    if (!team)
        throw NotFoundError("this desk has not joined a team, so there is no share to compare with");
    checkTeamFile(share, *team);
    ShareComparison result;
    const std::string me = workspace.facts().deviceId();
    for (const auto& device : share.list("devices")) {
        const std::string folder = "devices/" + device + "/out";
        int64_t newestOnShare = 0;
        for (const auto& name : share.list(folder)) {
            if (!parseBatchFileName(name))
                continue;
            const auto bytes = share.read(folder + "/" + name);
            if (!bytes)
                continue;
            const DecodedBatch batch = decodeBatch(*bytes, team->key);
            if (batch.status != DecodedBatch::Status::Ok || batch.header.deviceId != device)
                continue; // reported by sync rounds; nothing here to compare with
            ++result.filesChecked;
            newestOnShare = std::max(newestOnShare, batch.header.lastSeq);
            const auto held = workspace.facts().deviceFacts(device, batch.header.firstSeq, batch.header.lastSeq);
            for (const Fact& mine : held) {
                const Fact& theirs = batch.facts[static_cast<size_t>(mine.deviceSeq - batch.header.firstSeq)];
                ++result.factsCompared;
                if (mine.hash != theirs.hash)
                    result.problems.push_back("device " + device + ": fact " + std::to_string(mine.deviceSeq) +
                                              " in this database differs from its copy on the share (" + folder + "/" +
                                              name + "): the record was rewritten on one side");
            }
        }
        if (device == me) {
            const int64_t held = headSeq(workspace.db(), me);
            if (newestOnShare > held)
                result.problems.push_back("this desk published facts up to " + std::to_string(newestOnShare) +
                                          " but its database ends at " + std::to_string(held) +
                                          ": its newest facts were removed, or an old copy of the file restored "
                                          "(a sync round takes them back from the share)");
        }
    }
    return result;
}

Reidentified reidentify(const std::string& databasePath, const Clock& clock, ShareTransport& share) {
    namespace fs = std::filesystem;
    Reidentified result;
    const std::string newPath = databasePath + ".reidentify";
    {
        auto old = Workspace::open(databasePath, clock);
        const auto team = loadDeskTeam(old->db());
        if (!team)
            throw NotFoundError("this desk has not joined a team, so it has no identity on a share to change");
        checkTeamFile(share, *team);
        result.oldDeviceId = old->facts().deviceId();

        // How far this identity's facts match its folder on the share: those stay; the rest is this
        // desk's own work that the other desk's record contradicts (or that was never published).
        const std::string folder = "devices/" + result.oldDeviceId + "/out";
        std::map<int64_t, std::string> files;
        for (const auto& name : share.list(folder))
            if (const auto seq = parseBatchFileName(name))
                files[*seq] = name;
        bool agreeing = true;
        for (const auto& [seq, name] : files) {
            const auto bytes = share.read(folder + "/" + name);
            const DecodedBatch batch = bytes ? decodeBatch(*bytes, team->key) : DecodedBatch{};
            if (!bytes || batch.status != DecodedBatch::Status::Ok || batch.header.firstSeq != result.agreedSeq + 1)
                break;
            const auto held = old->facts().deviceFacts(result.oldDeviceId, batch.header.firstSeq, batch.header.lastSeq);
            for (size_t i = 0; i < batch.facts.size(); ++i) {
                if (i >= held.size() || held[i].hash != batch.facts[i].hash) {
                    agreeing = false;
                    break;
                }
                result.agreedSeq = batch.facts[i].deviceSeq;
            }
            if (!agreeing)
                break;
        }

        std::vector<Fact> kept;
        std::vector<Fact> rerecord;
        old->facts().forEach([&](const Fact& fact) {
            if (fact.deviceId == result.oldDeviceId && fact.deviceSeq > result.agreedSeq)
                rerecord.push_back(fact);
            else
                kept.push_back(fact);
        });
        // importFacts wants each device's chain continuous: fill in the previous hashes.
        std::stable_sort(kept.begin(), kept.end(), [](const Fact& a, const Fact& b) {
            return std::tie(a.deviceId, a.deviceSeq) < std::tie(b.deviceId, b.deviceSeq);
        });
        for (size_t i = 0; i < kept.size(); ++i)
            kept[i].prevHash = i > 0 && kept[i - 1].deviceId == kept[i].deviceId ? kept[i - 1].hash : "";

        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(newPath + suffix, ignored);
        auto fresh = Workspace::create(newPath, clock, old->mode());
        result.newDeviceId = fresh->facts().deviceId();
        Transaction transaction(fresh->db());
        if (!kept.empty())
            fresh->facts().importFacts(kept);
        for (const Fact& fact : rerecord)
            fresh->facts().append({fact.userId, fact.role}, fact.type, fact.subject, fact.payload);
        // The desk's own settings come along (not its old identity, nor how far it had synced).
        Statement settings = old->db().prepare("SELECT key, value FROM local_setting WHERE key <> 'device_id' "
                                               "AND key NOT LIKE 'sync.%'");
        while (settings.step())
            fresh->db()
                .prepare("INSERT OR REPLACE INTO local_setting(key, value) VALUES (?, ?)")
                .bindAll(settings.text(0), settings.text(1))
                .run();
        fresh->db()
            .prepare("INSERT INTO sync_team(one, team_id, mode, team_key, share_path, joined_at) VALUES (1, ?, ?, ?, ?, ?)")
            .bindAll(team->teamId, team->mode)
            .bindBlob(3, team->key.data(), team->key.size())
            .bind(4, team->sharePath)
            .bind(5, formatInstant(team->joinedAt))
            .run();
        transaction.commit();
        result.factsKept = static_cast<int64_t>(kept.size());
        result.factsRerecorded = static_cast<int64_t>(rerecord.size());
        fresh->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        old->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    // Both closed: the old file steps aside (kept), the new one takes its place.
    result.previousDatabase = databasePath + ".before-reidentify-" + std::to_string(toEpochMs(clock.now()));
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ignored;
        if (fs::exists(databasePath + suffix, ignored))
            fs::rename(databasePath + suffix, result.previousDatabase + suffix);
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ignored;
        if (fs::exists(newPath + suffix, ignored))
            fs::rename(newPath + suffix, databasePath + suffix);
    }
    return result;
}

} // namespace frontdoor::core::sync
