#pragma once
// Paints a queue row's countdown ("3h 15m left", "overdue by 1d 2h") as a chip in its urgency colour
// (ContactTableModel::UrgencyColourRole), readable on a selected row too. The words carry the meaning
// as well as the colour, for anyone who cannot tell red from green.

#include <QStyledItemDelegate>

namespace frontdoor::ui {

class CountdownDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace frontdoor::ui
