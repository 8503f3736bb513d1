#pragma once
// Paints an item's DisplayRole as rich text, wrapped to the view's width, so a list row can carry a
// name, its reasons and its flags on several lines.

#include <QStyledItemDelegate>

namespace frontdoor::ui {

class HtmlItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace frontdoor::ui
