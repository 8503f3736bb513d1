#pragma once
// The queue list on the left: each queue's title with its count to the right.

#include <QListView>
#include <QStyledItemDelegate>

namespace frontdoor::ui {

class QueueCountDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace frontdoor::ui
