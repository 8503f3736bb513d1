#include "widgets/QueueSidebar.h"

#include "models/QueueListModel.h"
#include "support/Urgency.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace frontdoor::ui {

void QueueCountDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVariant count = index.data(QueueListModel::CountRole);
    const QString countText = count.isValid() ? QLocale().toString(count.toLongLong()) : QStringLiteral("…");
    const qint64 overdue = index.data(QueueListModel::OverdueRole).toLongLong();
    const QString overdueText = overdue > 0 ? QLocale().toString(overdue) : QString();
    const QFontMetrics metrics(opt.font);
    const int countWidth = metrics.horizontalAdvance(countText) + 16;
    const int overdueWidth = overdue > 0 ? metrics.horizontalAdvance(overdueText) + 14 : 0;
    opt.text = metrics.elidedText(opt.text, Qt::ElideRight,
                                  opt.rect.width() - countWidth - overdueWidth - (overdue > 0 ? 20 : 16));
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
    if (overdue > 0) {
        // How many of them are overdue, in red, before the count.
        const QRect red(pill.left() - overdueWidth - 4, pill.top(), overdueWidth, pill.height());
        const UrgencyLook look = urgencyLook(core::Urgency::Overdue);
        painter->setPen(Qt::NoPen);
        painter->setBrush(look.background);
        painter->drawRoundedRect(red, red.height() / 2.0, red.height() / 2.0);
        painter->setPen(look.text);
        painter->drawText(red, Qt::AlignCenter, overdueText);
    }
    painter->restore();
}

QSize QueueCountDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), QFontMetrics(option.font).height() + 14));
    return size;
}

} // namespace frontdoor::ui
