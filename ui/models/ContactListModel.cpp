#include "models/ContactListModel.h"

#include "support/BackgroundReader.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "support/Urgency.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QTimer>

namespace frontdoor::ui {
namespace {

constexpr int kCountdownRepaintMs = 30'000;

} // namespace

ContactTableModel::ContactTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ContactTableModel::setCountdownClock(const core::Clock* clock, core::UrgencyThresholds thresholds) {
    const bool first = !clock_;
    clock_ = clock;
    thresholds_ = thresholds;
    if (!first || !clock_)
        return;
    auto* timer = new QTimer(this);
    timer->setInterval(kCountdownRepaintMs);
    connect(timer, &QTimer::timeout, this, [this] {
        if (!rows_.empty())
            emit dataChanged(index(0, Due), index(rowCount() - 1, Due),
                             {Qt::DisplayRole, Qt::ToolTipRole, UrgencyRole, UrgencyColourRole});
    });
    timer->start();
}

std::optional<core::Countdown> ContactTableModel::countdownOf(int row) const {
    const QueueItem* item = itemAt(row);
    if (!item || !item->dueMs || !clock_)
        return std::nullopt;
    return countdownAt(*clock_, thresholds_, item->startedMs.value_or(*item->dueMs), *item->dueMs);
}

void ContactTableModel::setRows(std::vector<QueueItem> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

const QueueItem* ContactTableModel::itemAt(int row) const {
    if (row < 0 || static_cast<size_t>(row) >= rows_.size())
        return nullptr;
    return &rows_[static_cast<size_t>(row)];
}

int ContactTableModel::rowOf(const QString& id) const {
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].id == id)
            return static_cast<int>(i);
    return -1;
}

void ContactTableModel::setEmphasisedId(const QString& id) {
    emphasised_ = id;
    if (!rows_.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole});
}

int ContactTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ContactTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ContactTableModel::data(const QModelIndex& index, int role) const {
    const QueueItem* item = itemAt(index.row());
    if (!index.isValid() || !item)
        return {};
    switch (role) {
    case IdRole:
        return item->id;
    case KindRole:
        return static_cast<int>(item->kind);
    case DueRole:
        return item->dueMs ? QVariant(*item->dueMs) : QVariant();
    case UrgencyRole:
        if (const auto countdown = countdownOf(index.row()))
            return qs(std::string(core::urgencyName(countdown->urgency)));
        return {};
    case UrgencyColourRole:
        if (const auto countdown = countdownOf(index.row()))
            return urgencyLook(countdown->urgency).background;
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Received:
            return item->hasReceived ? compactDateTime(core::fromEpochMs(item->receivedMs)) : QString();
        case Children:
            return item->children;
        case Source:
            return item->source;
        case Status: {
            if (item->kind == QueueItem::Kind::Draft)
                return tr("Draft");
            const QString state = item->outcome.isEmpty() ? humanise(ss(item->status)) : item->outcome;
            return item->reReferral ? tr("⚑ %1").arg(state) : state;
        }
        case Concern:
            return item->concern;
        case Due:
            // "RAG response: overdue by 2h": the soonest deadline that applies, and what it is.
            if (const auto countdown = countdownOf(index.row()))
                return item->dueWhat.isEmpty() ? qs(countdown->text())
                                               : tr("%1: %2").arg(item->dueWhat, qs(countdown->text()));
            return {};
        case What:
            return item->what;
        }
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == Due) {
            if (const auto countdown = countdownOf(index.row()))
                return tr("%1 (%2)").arg(data(index, Qt::DisplayRole).toString(),
                                         countdown->overdue() ? tr("overdue")
                                         : countdown->urgency == core::Urgency::DueSoon ? tr("due soon")
                                                                                       : tr("on track"));
        }
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == Due && item->dueMs) {
            if (item->deadlines.empty())
                return tr("Due %1").arg(shortDateTime(core::fromEpochMs(*item->dueMs)));
            // Every deadline that applies, soonest first: the row shows the first.
            QStringList lines;
            for (const auto& [what, dueMs] : item->deadlines)
                lines << tr("%1 due %2").arg(what, shortDateTime(core::fromEpochMs(dueMs)));
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == What)
            return item->what;
        if (index.column() == Status && item->reReferral)
            return tr("Re-referral: a referral within 12 months of an earlier one. %1").arg(item->outcome);
        if (index.column() == Received && item->hasReceived)
            return shortDateTime(core::fromEpochMs(item->receivedMs));
        if (index.column() == Children && !item->reference.isEmpty())
            return tr("%1\nReference %2").arg(item->children, item->reference);
        if (index.column() == Concern || index.column() == Children || index.column() == Status ||
            index.column() == Source)
            return data(index, Qt::DisplayRole);
        break;
    case Qt::FontRole:
        if (item->kind == QueueItem::Kind::Draft || (!emphasised_.isEmpty() && item->id == emphasised_)) {
            QFont font;
            font.setItalic(item->kind == QueueItem::Kind::Draft);
            font.setBold(item->id == emphasised_);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == Status && item->reReferral)
            return QBrush(QColor(0xa1, 0x26, 0x0d));
        break;
    default:
        break;
    }
    return {};
}

QVariant ContactTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Received:
        return tr("Received");
    case Children:
        return tr("Children");
    case Source:
        return tr("Source");
    case Status:
        return tr("Status");
    case Concern:
        return tr("Concern");
    case Due:
        return tr("Due");
    case What:
        return tr("What is due");
    }
    return {};
}

ContactListModel::ContactListModel(BackgroundReader& reader, core::Session session, QObject* parent)
    : ContactTableModel(parent), reader_(reader), session_(std::move(session)) {}

void ContactListModel::setQueue(const QueueDefinition& queue) {
    ScopedUiTiming timing("queue switch");
    queue_ = queue;
    setRows({});
    requestPage(true);
}

void ContactListModel::reload() {
    if (queue_.page)
        requestPage(true);
}

bool ContactListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !loading_ && !complete_;
}

void ContactListModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent))
        requestPage(false);
}

void ContactListModel::requestPage(bool first) {
    if (first)
        ++generation_;
    loading_ = true;
    complete_ = false;
    std::optional<QueueCursor> cursor;
    if (!first && !rows_.empty()) {
        QueueCursor next;
        next.lastReceivedMs = rows_.back().receivedMs;
        for (auto it = rows_.rbegin(); it != rows_.rend() && it->receivedMs == next.lastReceivedMs; ++it)
            ++next.loadedAtLastInstant;
        next.loaded = static_cast<int>(rows_.size());
        cursor = next;
    }
    const int generation = generation_;
    const auto page = queue_.page;
    const core::Session session = session_;
    reader_.run<QueuePage>(
        this, first ? QStringLiteral("first page") : QStringLiteral("next page"),
        [page, session, cursor](core::Workspace& ws) { return page(ws, session, cursor, kPageSize); },
        [this, generation, first](Answer<QueuePage> answer) {
            if (generation != generation_)
                return; // an answer about a queue no longer shown
            ScopedUiTiming timing(first ? "first page shown" : "next page shown");
            loading_ = false;
            if (!answer.ok()) {
                complete_ = true;
                emit loadFailed(answer.error);
                return;
            }
            complete_ = answer.value->complete;
            auto& items = answer.value->items;
            if (first) {
                setRows(std::move(items));
                emit firstPageLoaded();
            } else if (!items.empty()) {
                const int start = static_cast<int>(rows_.size());
                beginInsertRows({}, start, start + static_cast<int>(items.size()) - 1);
                for (auto& item : items)
                    rows_.push_back(std::move(item));
                endInsertRows();
            }
        });
}

} // namespace frontdoor::ui
