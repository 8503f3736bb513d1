#include "widgets/HtmlItemDelegate.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace frontdoor::ui {
namespace {

constexpr int kPadding = 6;

void prepare(QTextDocument& document, const QStyleOptionViewItem& option, const QModelIndex& index, int width) {
    document.setDefaultFont(option.font);
    document.setDocumentMargin(0);
    document.setHtml(index.data(Qt::DisplayRole).toString());
    document.setTextWidth(std::max(50, width - 2 * kPadding));
}

int availableWidth(const QStyleOptionViewItem& option) {
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 300;
}

} // namespace

void HtmlItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    QTextDocument document;
    prepare(document, option, index, option.rect.width());
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = option.state & QStyle::State_Selected;
    context.palette = option.palette;
    if (selected)
        context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
    painter->save();
    painter->translate(option.rect.topLeft() + QPoint(kPadding, kPadding));
    painter->setClipRect(QRect(0, 0, option.rect.width() - kPadding, option.rect.height() - kPadding));
    if (selected) {
        // Rich text carries its own colours; on the highlight, draw it in the highlighted text colour.
        QTextDocument plain;
        prepare(plain, option, index, option.rect.width());
        QTextCursor cursor(&plain);
        cursor.select(QTextCursor::Document);
        QTextCharFormat format;
        format.setForeground(option.palette.color(QPalette::HighlightedText));
        cursor.mergeCharFormat(format);
        plain.documentLayout()->draw(painter, context);
    } else {
        document.documentLayout()->draw(painter, context);
    }
    painter->restore();
}

QSize HtmlItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QTextDocument document;
    const int width = availableWidth(option);
    prepare(document, option, index, width);
    return {width, static_cast<int>(document.size().height()) + 2 * kPadding};
}

} // namespace frontdoor::ui
