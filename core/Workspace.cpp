#include "Workspace.h"

#include "contacts/ContactProjection.h"
#include "people/PersonMerge.h"
#include "people/PersonProjection.h"
#include "rules/RulesProjection.h"
#include "search/SearchLog.h"
#include "store/Migrations.h"
#include "time/CalendarConfig.h"
#include "users/UserService.h"
#include "workflow/FormDrafts.h"
#include "workflow/SyncConflicts.h"
#include "workflow/WorkflowProjection.h"
#include "util/Errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace frontdoor::core {

void registerAllProjections(Projections& projections) {
    registerPersonProjection(projections);
    registerPersonMergeProjection(projections);
    registerContactProjection(projections);
    registerUserProjection(projections);
    registerWorkflowProjection(projections);
    registerCalendarConfigProjection(projections);
    registerFormDraftProjection(projections);
    registerRulesProjection(projections);
    registerSearchLog(projections);
    registerSyncConflicts(projections);
}

namespace {

std::unique_ptr<Database> connect(const std::string& path, Database::OpenMode openMode) {
    auto db = std::make_unique<Database>(path, openMode);
    // Another program's file (or a newer build's) is refused before the journal mode or anything else
    // is changed, so it stays byte-for-byte as it was.
    checkFrontdoorFile(*db);
    if (path != ":memory:") {
        const auto mode = db->queryText("PRAGMA journal_mode = WAL");
        if (mode != "wal")
            throw StoreError("cannot switch " + path + " to write-ahead logging (journal mode is " +
                             mode.value_or("unknown") + ")");
    }
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    // REPLACE must fire delete triggers too, so it cannot silently remove a fact.
    db->exec("PRAGMA recursive_triggers = ON");
    db->exec("PRAGMA cache_size = -16000");
    return db;
}

} // namespace

std::unique_ptr<Workspace> Workspace::create(const std::string& path, const Clock& clock, DatabaseMode mode) {
    if (path != ":memory:") {
        namespace fs = std::filesystem;
        std::error_code error;
        if (fs::exists(path, error))
            throw ConflictError("there is already a database at " + path + "; it has not been changed");
        const auto folder = fs::path(path).parent_path();
        if (!folder.empty())
            fs::create_directories(folder);
        // Exclusive creation: two processes creating at once cannot both believe they made it.
        std::FILE* file = std::fopen(path.c_str(), "wbx");
        if (!file)
            throw ConflictError("cannot create a database at " + path + ": " + std::strerror(errno));
        std::fclose(file);
    }
    return std::unique_ptr<Workspace>(new Workspace(connect(path, Database::OpenMode::Existing), clock, mode));
}

std::unique_ptr<Workspace> Workspace::open(const std::string& path, const Clock& clock) {
    if (path == ":memory:")
        return create(path, clock, DatabaseMode::Training);
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw NotFoundError("no database at " + path);
    auto db = connect(path, Database::OpenMode::Existing);
    if (schemaVersion(*db) == 0)
        throw SchemaError(path + " is empty, not a Frontdoor database; it has not been changed");
    return std::unique_ptr<Workspace>(new Workspace(std::move(db), clock, DatabaseMode::Live));
}

Workspace::Workspace(std::unique_ptr<Database> db, const Clock& clock, DatabaseMode newFileMode)
    : db_(std::move(db)), clock_(clock) {
    // A time someone chose is for training and demo databases only: refused before anything is written.
    mode_ = schemaVersion(*db_) == 0 ? newFileMode : readDatabaseMode(*db_);
    if (clock_.isChosen() && !allowsFixedClock(mode_))
        throw ValidationError("clock", db_->path() + " is a live database: its facts take this desk's clock, "
                                       "never a time someone chose (that is for training and demo databases, "
                                       "made with frontdoor-cli init --training or --demo)");
    migrationsApplied_ = migrate(*db_, -1, newFileMode);
    mode_ = readDatabaseMode(*db_);
    registerAllProjections(projections_);
    const std::string deviceId = ensureDeviceId(*db_, clock_);
    std::unique_ptr<DeskSeal> seal;
    if (db_->path() != ":memory:")
        seal = std::make_unique<DeskSeal>(DeskSeal::defaultFolder(), deviceId, toString(mode_));
    facts_ = std::make_unique<FactStore>(*db_, clock_, projections_, deviceId, std::move(seal));
    reloadCalendar();
}

void Workspace::reloadCalendar() {
    auto desk = std::make_unique<DeskCalendar>(loadDeskCalendar(*db_));
    deadlines_ = std::make_unique<Deadlines>(*desk->calendar, desk->settings.deadlines);
    deskCalendar_ = std::move(desk);
}

const UrgencyThresholds& Workspace::urgency() const { return deskCalendar_->settings.urgency; }

Workspace::~Workspace() = default;

} // namespace frontdoor::core
