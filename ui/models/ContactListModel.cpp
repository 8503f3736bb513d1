#include "models/ContactListModel.h"

#include "contacts/Outcomes.h"
#include "standards/CensusCodes.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <QStringList>

namespace frontdoor::ui {

ContactListModel::ContactListModel(core::Workspace& workspace, QObject* parent)
    : QAbstractTableModel(parent), workspace_(workspace) {
    setFilter({});
}

void ContactListModel::setFilter(const core::ContactFilter& filter) {
    beginResetModel();
    filter_ = filter;
    filter_.limit = kPageSize;
    filter_.offset = 0;
    core::ContactService service(workspace_);
    total_ = service.count(filter_);
    rows_ = service.list(filter_);
    endResetModel();
}

QString ContactListModel::contactIdAt(int row) const {
    if (row < 0 || static_cast<size_t>(row) >= rows_.size())
        return {};
    return QString::fromStdString(rows_[static_cast<size_t>(row)].id);
}

int ContactListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ContactListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ContactListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || static_cast<size_t>(index.row()) >= rows_.size())
        return {};
    const auto& row = rows_[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Received: {
            const auto when = QDateTime::fromMSecsSinceEpoch(core::toEpochMs(row.receivedAt), Qt::UTC).toLocalTime();
            return QLocale().toString(when, QStringLiteral("ddd dd/MM/yyyy HH:mm"));
        }
        case Children: {
            QStringList names;
            for (const auto& name : row.childNames)
                names << QString::fromStdString(name);
            return names.join(QStringLiteral(", "));
        }
        case Source:
            return QString::fromStdString(row.source + " " + core::labelOf(core::referralSources(), row.source));
        case Status:
            return QString::fromStdString(row.status);
        case Outcome:
            return row.outcome.empty() ? QString() : QString::fromStdString(core::outcomeLabel(row.outcome));
        case Concern:
            return QString::fromStdString(row.concernSummary);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Concern)
        return QString::fromStdString(row.concernSummary);
    return {};
}

QVariant ContactListModel::headerData(int section, Qt::Orientation orientation, int role) const {
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
    case Outcome:
        return tr("Outcome");
    case Concern:
        return tr("Concern");
    }
    return {};
}

bool ContactListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && static_cast<qint64>(rows_.size()) < total_;
}

void ContactListModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid())
        return;
    core::ContactFilter page = filter_;
    page.offset = static_cast<int>(rows_.size());
    auto more = core::ContactService(workspace_).list(page);
    if (more.empty()) {
        total_ = static_cast<qint64>(rows_.size());
        return;
    }
    beginInsertRows({}, static_cast<int>(rows_.size()), static_cast<int>(rows_.size() + more.size()) - 1);
    for (auto& row : more)
        rows_.push_back(std::move(row));
    endInsertRows();
}

} // namespace frontdoor::ui
