#include "Workspace.h"

#include "contacts/ContactProjection.h"
#include "people/PersonProjection.h"
#include "rules/RulesProjection.h"
#include "search/SearchLog.h"
#include "store/Migrations.h"
#include "time/CalendarConfig.h"
#include "users/UserService.h"
#include "workflow/FormDrafts.h"
#include "workflow/WorkflowProjection.h"
#include "util/Errors.h"

namespace frontdoor::core {

void registerAllProjections(Projections& projections) {
    registerPersonProjection(projections);
    registerContactProjection(projections);
    registerUserProjection(projections);
    registerWorkflowProjection(projections);
    registerCalendarConfigProjection(projections);
    registerFormDraftProjection(projections);
    registerRulesProjection(projections);
    registerSearchLog(projections);
}

std::unique_ptr<Workspace> Workspace::open(const std::string& path, const Clock& clock) {
    auto db = std::make_unique<Database>(path);
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
    auto workspace = std::unique_ptr<Workspace>(new Workspace(std::move(db), clock));
    return workspace;
}

Workspace::Workspace(std::unique_ptr<Database> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {
    migrationsApplied_ = migrate(*db_);
    registerAllProjections(projections_);
    facts_ = std::make_unique<FactStore>(*db_, clock_, projections_, ensureDeviceId(*db_, clock_));
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
