#include "support/SyncRunner.h"

#include "support/BackgroundReader.h"
#include "sync/ShareTransport.h"
#include "sync/Team.h"

#include <QRandomGenerator>
#include <QTimer>

namespace frontdoor::ui {

namespace {

// On the runner's thread, with its own connection: one round, if the desk has joined a team.
SyncSnapshot runRound(core::Workspace& ws) {
    SyncSnapshot snapshot;
    snapshot.deviceId = ws.facts().deviceId();
    const auto team = core::sync::loadDeskTeam(ws.db());
    if (!team)
        return snapshot;
    snapshot.joined = true;
    snapshot.sharePath = team->sharePath;
    core::sync::FolderTransport share(team->sharePath);
    snapshot.report = core::sync::SyncEngine(ws, share).round();
    const auto status = core::sync::syncStatus(ws);
    if (const auto it = status.find("last_sync_at"); it != status.end() && it->is_string())
        snapshot.lastSyncAt = it->get<std::string>();
    return snapshot;
}

} // namespace

SyncRunner::SyncRunner(std::string databasePath, const core::Clock& clock, QObject* parent)
    : QObject(parent),
      worker_(std::make_unique<BackgroundReader>(std::move(databasePath), clock, QStringLiteral("sync"))) {
    timer_ = new QTimer(this);
    timer_->setObjectName(QStringLiteral("syncTimer"));
    timer_->setSingleShot(true); // the next round is timed from the end of this one, so rounds never pile up
    connect(timer_, &QTimer::timeout, this, &SyncRunner::runNow);
}

SyncRunner::~SyncRunner() = default;

void SyncRunner::setInterval(int ms) { interval_ = std::max(100, ms); }

int SyncRunner::interval() const { return interval_; }

void SyncRunner::start() {
    running_ = true;
    runNow();
}

void SyncRunner::stop() {
    running_ = false;
    timer_->stop();
}

void SyncRunner::runNow() {
    timer_->stop();
    if (pending_) {
        again_ = true;
        return;
    }
    pending_ = true;
    worker_->run<SyncSnapshot>(this, QStringLiteral("round"), runRound,
                               [this](Answer<SyncSnapshot> answer) {
                                   if (answer.ok()) {
                                       finished(std::move(*answer.value));
                                       return;
                                   }
                                   SyncSnapshot failed;
                                   failed.joined = last_ && last_->joined; // a desk not (known to be) joined shows nothing
                                   failed.error = answer.error;
                                   if (last_) {
                                       failed.sharePath = last_->sharePath;
                                       failed.deviceId = last_->deviceId;
                                       failed.lastSyncAt = last_->lastSyncAt;
                                   }
                                   finished(std::move(failed));
                               });
}

void SyncRunner::finished(SyncSnapshot snapshot) {
    pending_ = false;
    if (snapshot.joined && snapshot.error.isEmpty()) {
        if (snapshot.report.reached())
            unreachableSince_.clear();
        else if (unreachableSince_.empty())
            unreachableSince_ = snapshot.report.at;
    }
    snapshot.unreachableSince = unreachableSince_;
    const bool arrived = snapshot.report.appliedFacts > 0 || snapshot.report.takenBackFacts > 0;
    last_ = snapshot;
    emit roundFinished(snapshot);
    if (arrived)
        emit factsArrived();
    if (again_) {
        again_ = false;
        runNow();
    } else if (running_) {
        // Up to a tenth either way, so desks started together (a login script at 08:00) drift apart
        // instead of rounding in step, where each of one desk's files would just miss the other's round.
        const int spread = interval_ / 10;
        timer_->start(interval_ - spread + static_cast<int>(QRandomGenerator::global()->bounded(2 * spread + 1)));
    }
}

} // namespace frontdoor::ui
