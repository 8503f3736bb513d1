#include "models/QueueListModel.h"

#include "support/BackgroundReader.h"

#include <QLocale>

namespace frontdoor::ui {

QueueListModel::QueueListModel(BackgroundReader& reader, core::Session session, std::vector<QueueDefinition> queues,
                               QObject* parent)
    : QAbstractListModel(parent), reader_(reader), session_(std::move(session)), queues_(std::move(queues)),
      counts_(queues_.size(), QueueCount{-1, -1}) {}

int QueueListModel::rowOf(const QString& key) const {
    for (size_t i = 0; i < queues_.size(); ++i)
        if (queues_[i].key == key)
            return static_cast<int>(i);
    return -1;
}

void QueueListModel::refreshCounts() {
    for (size_t i = 0; i < queues_.size(); ++i)
        count(static_cast<int>(i));
}

void QueueListModel::refreshCount(const QString& key) {
    const int row = rowOf(key);
    if (row >= 0)
        count(row);
}

void QueueListModel::count(int row) {
    const auto counter = queues_[static_cast<size_t>(row)].count;
    const core::Session session = session_;
    reader_.run<QueueCount>(
        this, QStringLiteral("count ") + queues_[static_cast<size_t>(row)].key,
        [counter, session](core::Workspace& ws) { return counter(ws, session); },
        [this, row](Answer<QueueCount> answer) {
            if (!answer.ok())
                return; // the count stays as it was; the queue itself reports the error
            counts_[static_cast<size_t>(row)] = *answer.value;
            emit dataChanged(index(row), index(row));
            emit countChanged(row, answer.value->items);
        });
}

int QueueListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(queues_.size());
}

QVariant QueueListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& queue = queues_[static_cast<size_t>(index.row())];
    const qint64 count = counts_[static_cast<size_t>(index.row())].items;
    const qint64 overdue = counts_[static_cast<size_t>(index.row())].overdue;
    switch (role) {
    case Qt::DisplayRole:
        return queue.title;
    case Qt::ToolTipRole:
        return overdue > 0 ? tr("%1\n%n overdue", nullptr, static_cast<int>(overdue)).arg(queue.description)
                           : queue.description;
    case Qt::AccessibleTextRole:
        if (count < 0)
            return queue.title;
        if (overdue > 0)
            return tr("%1, %2, %3 overdue").arg(queue.title, QLocale().toString(count), QLocale().toString(overdue));
        return tr("%1, %2").arg(queue.title, QLocale().toString(count));
    case Qt::AccessibleDescriptionRole:
        return queue.description;
    case KeyRole:
        return queue.key;
    case CountRole:
        return count < 0 ? QVariant() : QVariant(count);
    case OverdueRole:
        return overdue < 0 ? QVariant() : QVariant(overdue);
    default:
        return {};
    }
}

} // namespace frontdoor::ui
