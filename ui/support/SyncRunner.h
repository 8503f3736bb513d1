#pragma once
// The desk's background sync (issue 12, point 10): a sync round (core/sync/SyncEngine) every few seconds,
// on a thread with its own connection to the database (a BackgroundReader of its own), never on the UI
// thread, and only once the desk has joined a team. Each round's outcome comes back to the UI thread as
// roundFinished(); the window refreshes what it shows when facts from another desk arrived, and the
// status bar's SyncIndicator says how the share is.

#include "Workspace.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>

class QTimer;

namespace frontdoor::ui {

class BackgroundReader;

/// What one round found, as the UI thread sees it.
struct SyncSnapshot {
    bool joined = false;     ///< false: the desk has not joined a team (no round ran)
    std::string sharePath;
    std::string deviceId;
    core::sync::RoundReport report; ///< this round's (share "reachable", "unreachable" or "refused")
    std::string lastSyncAt;          ///< when the desk last reached the share ("" if never)
    std::string unreachableSince;    ///< the first round that could not use the share, since it last could
    QString error;                   ///< the round itself failed (the database), in core's words
};

class SyncRunner : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 5000;

    /// `clock` must outlive the runner. Nothing runs until start().
    SyncRunner(std::string databasePath, const core::Clock& clock, QObject* parent = nullptr);
    ~SyncRunner() override;

    /// Milliseconds between the end of one round and the start of the next (default 5 s; each wait is
    /// drawn within a tenth of it either way).
    void setInterval(int ms);
    int interval() const;
    /// Starts the rounds: the first at once, then one per interval. A desk that has not joined a team is
    /// asked again each interval (it may join from the CLI while the app runs); no round runs for it.
    void start();
    void stop();
    /// Asks for a round now (a round already running is not doubled: the next one follows it).
    void runNow();
    /// A round is waiting or running.
    bool busy() const { return pending_; }
    /// The last round's outcome, if one has finished.
    const std::optional<SyncSnapshot>& last() const { return last_; }

signals:
    /// After each round (or each check that found the desk not joined), on the UI thread.
    void roundFinished(const frontdoor::ui::SyncSnapshot& snapshot);
    /// After a round that applied facts recorded at another desk (or took back this desk's own).
    void factsArrived();

private:
    void finished(SyncSnapshot snapshot);

    std::unique_ptr<BackgroundReader> worker_;
    QTimer* timer_ = nullptr;
    int interval_ = kDefaultIntervalMs;
    bool pending_ = false;
    bool again_ = false;
    bool running_ = false;
    std::optional<SyncSnapshot> last_;
    std::string unreachableSince_;
};

} // namespace frontdoor::ui
