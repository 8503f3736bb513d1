#include "widgets/QueueSidebar.h"

#include "models/QueueListModel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace frontdoor::ui {

void QueueCountDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVariant count = index.data(QueueListModel::CountRole);
    const QString countText = count.isValid() ? QLocale().toString(count.toLongLong()) : QStringLiteral("…");
    const QFontMetrics metrics(opt.font);
    const int countWidth = metrics.horizontalAdvance(countText) + 16;
    opt.text = metrics.elidedText(opt.text, Qt::ElideRight, opt.rect.width() - countWidth - 16);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const bool selected = opt.state & QStyle::State_Selected;
    const QRect pill(opt.rect.right() - countWidth - 4, opt.rect.center().y() - metrics.height() / 2 - 1, countWidth,
                     metrics.height() + 2);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? opt.palette.color(QPalette::HighlightedText) : QColor(0xe8, 0xea, 0xed));
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setPen(selected ? opt.palette.color(QPalette::Highlight) : QColor(0x30, 0x30, 0x30));
    painter->drawText(pill, Qt::AlignCenter, countText);
    painter->restore();
}

QSize QueueCountDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), QFontMetrics(option.font).height() + 14));
    return size;
}

} // namespace frontdoor::ui
