#pragma once
// One open Frontdoor database: the connection, the fact store, the projection handlers of every
// feature, and the services front ends call. The desktop app and frontdoor-cli each hold one.

#include "store/DatabaseProfile.h"
#include "store/FactStore.h"
#include "store/Projections.h"
#include "store/Sqlite.h"
#include "time/CalendarSettings.h"
#include "time/Deadlines.h"
#include "util/Clock.h"

#include <memory>
#include <string>
#include <vector>

namespace frontdoor::core {

class Workspace {
public:
    /// Creates a new database at `path` (and its folder) in `mode`, fixed for ever. Refuses (ConflictError)
    /// a path where a file already exists. ":memory:" makes an in-memory database, for tests.
    static std::unique_ptr<Workspace> create(const std::string& path, const Clock& clock, DatabaseMode mode);

    /// Opens the existing database at `path` (WAL, foreign keys on, full durability), migrating it to
    /// this build's schema. Throws NotFoundError naming the path when there is no file there (nothing
    /// is created), SchemaError for another program's file or one from a newer build (checked before
    /// anything is written), and ValidationError for a chosen clock (Clock::isChosen) on a live
    /// database. ":memory:" is created, as a training database.
    static std::unique_ptr<Workspace> open(const std::string& path, const Clock& clock);

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    Database& db() { return *db_; }
    FactStore& facts() { return *facts_; }
    const Clock& clock() const { return clock_; }
    const Projections& projections() const { return projections_; }
    /// Every timescale, on this desk's working calendar (bank holidays, opening hours, deadline rules,
    /// as installed; time/CalendarConfig.h).
    const Deadlines& deadlines() const { return *deadlines_; }
    /// The urgency thresholds for countdowns, as installed.
    const UrgencyThresholds& urgency() const;
    /// The installed calendar, its settings and who installed them.
    const struct DeskCalendar& deskCalendar() const { return *deskCalendar_; }
    /// Re-reads the installed calendar (after an installation, or facts from another desk).
    void reloadCalendar();
    /// Schema versions this open applied (empty when the file was already current).
    const std::vector<int>& migrationsApplied() const { return migrationsApplied_; }
    /// What this database is for: live, training or demo (fixed when it was created).
    DatabaseMode mode() const { return mode_; }

private:
    Workspace(std::unique_ptr<Database> db, const Clock& clock, DatabaseMode newFileMode);

    std::unique_ptr<Database> db_;
    const Clock& clock_;
    Projections projections_;
    std::unique_ptr<FactStore> facts_;
    std::vector<int> migrationsApplied_;
    DatabaseMode mode_ = DatabaseMode::Live;
    std::unique_ptr<struct DeskCalendar> deskCalendar_;
    std::unique_ptr<Deadlines> deadlines_;
};

/// Registers every feature's projection handlers and tables, in dependency order.
void registerAllProjections(Projections& projections);

} // namespace frontdoor::core
