#include "widgets/QueueColumns.h"

#include "models/ContactListModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace frontdoor::ui {
namespace {

/// Room left for the columns after "What is due" (at least when it was received).
constexpr int kRoomForTheRest = 200;
/// Past this many rows the widest of the first ones is enough (a page is 200).
constexpr int kRowsMeasured = 400;

} // namespace

QueueColumns::QueueColumns(QTableView* table) : QObject(table), table_(table) {
    base_ = table_->columnWidth(ContactTableModel::What);
    table_->viewport()->installEventFilter(this);
    QAbstractItemModel* model = table_->model();
    const auto later = [this] { QTimer::singleShot(0, this, &QueueColumns::fit); };
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::layoutChanged, this, later);
}

bool QueueColumns::eventFilter(QObject* watched, QEvent* event) {
    if (watched == table_->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &QueueColumns::fit);
    return QObject::eventFilter(watched, event);
}

void QueueColumns::fit() {
    const int column = ContactTableModel::What;
    if (table_->isColumnHidden(column))
        return;
    QAbstractItemModel* model = table_->model();
    const QFontMetrics metrics = table_->fontMetrics();
    int widest = metrics.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString());
    const int rows = std::min(model->rowCount(), kRowsMeasured);
    for (int row = 0; row < rows; ++row)
        widest = std::max(widest, metrics.horizontalAdvance(model->index(row, column).data().toString()));
    int before = 0; // the columns to its left (the Due chip)
    for (int visual = 0; visual < table_->horizontalHeader()->visualIndex(column); ++visual) {
        const int logical = table_->horizontalHeader()->logicalIndex(visual);
        if (!table_->isColumnHidden(logical))
            before += table_->columnWidth(logical);
    }
    const int room = table_->viewport()->width() - before - kRoomForTheRest;
    const int width = std::max(base_, std::min(widest + 16, room));
    if (width != table_->columnWidth(column))
        table_->setColumnWidth(column, width);
}

} // namespace frontdoor::ui
