#pragma once
// The sidebar: the signed-in role's queues with their counts. Counts are read on a BackgroundReader
// (counting a million contacts takes longer than a frame) and shown as they arrive.

#include "models/QueueDefinitions.h"

#include <QAbstractListModel>

#include <vector>

namespace frontdoor::ui {

class BackgroundReader;

class QueueListModel : public QAbstractListModel {
    Q_OBJECT
public:
    /// CountRole: the items (null until counted); OverdueRole: how many are overdue (null when the
    /// queue has no deadlines or is not counted yet).
    enum Roles { KeyRole = Qt::UserRole + 1, CountRole, OverdueRole };

    QueueListModel(BackgroundReader& reader, core::Session session, std::vector<QueueDefinition> queues,
                   QObject* parent = nullptr);

    const QueueDefinition& queue(int row) const { return queues_.at(static_cast<size_t>(row)); }
    int rowOf(const QString& key) const;
    /// -1 until counted.
    qint64 countOf(int row) const { return counts_.at(static_cast<size_t>(row)).items; }
    /// How many of the queue's items are overdue; -1 until counted, or for a queue without deadlines.
    qint64 overdueOf(int row) const { return counts_.at(static_cast<size_t>(row)).overdue; }
    /// Counts every queue again.
    void refreshCounts();
    /// Counts one queue again (after a draft is saved, only My drafts changes).
    void refreshCount(const QString& key);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

signals:
    void countChanged(int row, qint64 count);

private:
    void count(int row);

    BackgroundReader& reader_;
    core::Session session_;
    std::vector<QueueDefinition> queues_;
    std::vector<QueueCount> counts_;
};

} // namespace frontdoor::ui
