#pragma once
// Contacts (and drafts) as a table. ContactTableModel shows rows it is given (a person's contacts);
// ContactListModel reads a queue in pages on a BackgroundReader as the view scrolls (fetchMore), so a
// queue of a million contacts opens as fast as one of ten and the UI thread never waits for SQLite.

#include "models/QueueDefinitions.h"
#include "time/Countdown.h"
#include "util/Clock.h"

#include <QAbstractTableModel>

#include <vector>

namespace frontdoor::ui {

class BackgroundReader;

class ContactTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// Status shows the outcome once decided ("Early help (Team Around the Family)"), else the state.
    /// Due (the live countdown) and What (what is due) are for workflow queues.
    enum Column { Due, What, Received, Children, Source, Status, Concern, ColumnCount };
    /// UrgencyRole: core's urgency name ("on_track", "due_soon", "overdue") of the row's countdown now;
    /// UrgencyColourRole: its chip colour.
    enum Roles { IdRole = Qt::UserRole + 1, KindRole, DueRole, UrgencyRole, UrgencyColourRole };

    explicit ContactTableModel(QObject* parent = nullptr);

    /// Countdowns are worked out from this clock (the workspace's) as time passes: the Due column is
    /// repainted every 30 seconds without asking the database again.
    void setCountdownClock(const core::Clock* clock, core::UrgencyThresholds thresholds);
    /// The countdown of a row now, if it has a due time.
    std::optional<core::Countdown> countdownOf(int row) const;

    void setRows(std::vector<QueueItem> rows);
    const QueueItem* itemAt(int row) const;
    /// The row showing this id, or -1.
    int rowOf(const QString& id) const;
    /// Shows this contact's row in bold (the contact being looked at, in a child's history).
    void setEmphasisedId(const QString& id);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    std::vector<QueueItem> rows_;
    QString emphasised_;
    const core::Clock* clock_ = nullptr;
    core::UrgencyThresholds thresholds_;
};

class ContactListModel : public ContactTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;

    ContactListModel(BackgroundReader& reader, core::Session session, QObject* parent = nullptr);

    /// Shows another queue: clears the rows and asks for its first page.
    void setQueue(const QueueDefinition& queue);
    /// Reads the first page again (after a change), keeping the queue.
    void reload();
    const QString& queueKey() const { return queue_.key; }
    bool loading() const { return loading_; }

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    /// The first page of the current queue is in (the view may now select a row).
    void firstPageLoaded();
    void loadFailed(const QString& message);

private:
    void requestPage(bool first);

    BackgroundReader& reader_;
    core::Session session_;
    QueueDefinition queue_;
    int generation_ = 0;
    bool loading_ = false;
    bool complete_ = true;
};

} // namespace frontdoor::ui
