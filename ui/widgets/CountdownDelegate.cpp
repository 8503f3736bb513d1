#include "widgets/CountdownDelegate.h"

#include "models/ContactListModel.h"

#include <QApplication>
#include <QPainter>

namespace frontdoor::ui {

void CountdownDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // the row's own background
    const QColor colour = index.data(ContactTableModel::UrgencyColourRole).value<QColor>();
    if (text.isEmpty() || !colour.isValid())
        return;
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int width = std::min(metrics.horizontalAdvance(text) + 14, opt.rect.width() - 6);
    const QRect chip(opt.rect.left() + 3, opt.rect.center().y() - metrics.height() / 2 - 1, width, metrics.height() + 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(chip, 4, 4);
    // Dark text on amber, white on green and red.
    painter->setPen(colour.lightness() > 140 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
    painter->setFont(bold);
    painter->drawText(chip, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, chip.width() - 6));
    painter->restore();
}

QSize CountdownDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 24);
    return size;
}

} // namespace frontdoor::ui
