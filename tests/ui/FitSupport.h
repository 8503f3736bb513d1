#pragma once
// Checks that what is on screen can be seen: the focused field inside its scroll area's view, a text
// fully visible in its widget or elided with the whole of it in the tooltip, two fields side by side
// on one line. Shared by the fit tests.

#include <QAbstractItemView>
#include <QApplication>
#include <QFontMetrics>
#include <QHeaderView>
#include <QScrollArea>
#include <QString>
#include <QStyle>
#include <QTest>
#include <QWidget>

namespace frontdoor::test {

/// "" when `widget` lies inside the view of every scroll area around it (its top, when it is taller
/// than the view), else what is out of view.
inline QString outOfView(QWidget* widget) {
    for (QWidget* up = widget->parentWidget(); up; up = up->parentWidget()) {
        auto* area = qobject_cast<QScrollArea*>(up);
        if (!area || !area->widget() || !area->widget()->isAncestorOf(widget))
            continue;
        QWidget* viewport = area->viewport();
        QRect rect(widget->mapTo(viewport, QPoint(0, 0)), widget->size());
        if (rect.height() > viewport->height())
            rect.setHeight(viewport->height() / 2); // taller than the view: its top shows
        if (!viewport->rect().contains(rect))
            return QStringLiteral("%1 at %2,%3 %4x%5 is outside %6's view 0,0 %7x%8")
                .arg(widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                                    : widget->objectName())
                .arg(rect.x())
                .arg(rect.y())
                .arg(rect.width())
                .arg(rect.height())
                .arg(area->objectName())
                .arg(viewport->width())
                .arg(viewport->height());
    }
    return {};
}

/// The nearest ancestor (or the widget itself) with an object name, for messages.
inline QString nameOf(QWidget* widget) {
    for (QWidget* w = widget; w; w = w->parentWidget())
        if (!w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
            return w->objectName();
    return widget ? QString::fromLatin1(widget->metaObject()->className()) : QString();
}

/// Presses Tab from the focused widget until the focus leaves `form` or comes back round, checking
/// at each stop inside the form that the focused widget is in view. Returns the problems found and
/// fills `visited` with the names of the fields the focus stopped at.
inline QStringList tabThrough(QWidget* form, QStringList* visited, int maxSteps = 200) {
    QStringList problems;
    QWidget* first = QApplication::focusWidget();
    for (int step = 0; step < maxSteps; ++step) {
        QWidget* focus = QApplication::focusWidget();
        if (!focus || !form->isAncestorOf(focus))
            break;
        QApplication::processEvents(); // the keeper's second pass, once layouts settle
        QApplication::processEvents();
        const QString where = outOfView(focus);
        if (!where.isEmpty())
            problems << where;
        if (visited)
            *visited << nameOf(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
        if (QApplication::focusWidget() == first)
            break;
    }
    return problems;
}

/// The room a text has in `widget` horizontally, given `reserved` pixels the widget keeps for itself.
inline bool fits(const QFontMetrics& metrics, const QString& text, int room) {
    return metrics.horizontalAdvance(text) <= room;
}

/// "" when the text of `index` shows in full in its cell (the visible part of the column), or is
/// elided with the whole text in its tooltip; else what is wrong.
inline QString cellProblem(QAbstractItemView* view, const QModelIndex& index) {
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return {};
    QRect rect = view->visualRect(index);
    rect = rect.intersected(view->viewport()->rect());
    QFont font = view->font();
    if (const QVariant role = index.data(Qt::FontRole); role.isValid())
        font = font.resolve(role.value<QFont>());
    const QFontMetrics metrics(font);
    // The text margin a cell keeps on each side (the style's focus frame margin plus one pixel).
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    int widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    const int lines = static_cast<int>(text.count(QLatin1Char('\n'))) + 1;
    if (widest <= rect.width() - 2 * margin && metrics.lineSpacing() * lines <= rect.height())
        return {};
    if (view->property("wordWrap").toBool()) {
        const QRect wrapped = metrics.boundingRect(QRect(0, 0, rect.width() - 2 * margin, 100000),
                                                   Qt::TextWordWrap, text);
        if (wrapped.width() <= rect.width() - 2 * margin && wrapped.height() <= rect.height())
            return {};
    }
    if (index.data(Qt::ToolTipRole).toString().contains(text))
        return {};
    return QStringLiteral("row %1 column %2: \"%3\" needs %4 px, has %5, and no tooltip with it")
        .arg(index.row())
        .arg(index.column())
        .arg(text)
        .arg(widest)
        .arg(rect.width() - 2 * margin);
}

} // namespace frontdoor::test

#include <QComboBox>
#include <QLineEdit>
#include <QStyleOptionComboBox>
#include <QStyleOptionFrame>

namespace frontdoor::test {

/// The width a line edit has for its text: its contents rect less its margins and side buttons.
inline int textRoom(QLineEdit* edit) {
    QStyleOptionFrame option;
    option.initFrom(edit);
    option.rect = edit->rect();
    option.lineWidth = edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit) : 0;
    QRect room = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit);
    room = room.marginsRemoved(edit->textMargins());
    int width = room.width() - 2 * 2; // the line edit's own horizontal margin each side
    if (edit->isClearButtonEnabled())
        width -= edit->height(); // the clear button, when there is text
    return width;
}

/// "" when what `edit` shows (its text, or its hint when empty) fits, or is cut with the whole of it in
/// the tooltip and, for text, shown from its start when the cursor is elsewhere; else what is wrong.
inline QString lineEditProblem(QLineEdit* edit, const QString& name) {
    const bool hint = edit->text().isEmpty();
    const QString shown = hint ? edit->placeholderText() : edit->text();
    if (shown.isEmpty())
        return {};
    const int need = edit->fontMetrics().horizontalAdvance(shown);
    const int room = textRoom(edit);
    if (need <= room)
        return {};
    QWidget* tipped = edit;
    if (auto* combo = qobject_cast<QComboBox*>(edit->parentWidget()))
        tipped = combo;
    if (!tipped->toolTip().contains(shown) && !edit->toolTip().contains(shown))
        return QStringLiteral("%1: \"%2\" needs %3 px, has %4, and no tooltip with it").arg(name, shown).arg(need).arg(room);
    if (!hint && !edit->hasFocus() && edit->cursorPosition() != 0)
        return QStringLiteral("%1: \"%2\" is cut at its start").arg(name, shown);
    return {};
}

/// "" when every item of `combo`'s pop-up shows in full: the pop-up is as wide as its widest item.
inline QString popupProblem(QComboBox* combo) {
    combo->showPopup();
    QAbstractItemView* view = combo->view();
    QTest::qWait(50); // the pop-up is laid out when shown
    QStringList problems;
    for (int row = 0; row < combo->count(); ++row) {
        const QString text = combo->itemText(row);
        if (view->fontMetrics().horizontalAdvance(text) > view->viewport()->width() - 8)
            problems << QStringLiteral("item %1 \"%2\" needs %3 px, the pop-up has %4")
                            .arg(row)
                            .arg(text)
                            .arg(view->fontMetrics().horizontalAdvance(text))
                            .arg(view->viewport()->width() - 8);
    }
    combo->hidePopup();
    return problems.isEmpty() ? QString() : combo->objectName() + QStringLiteral(": ") + problems.join(QStringLiteral("; "));
}

} // namespace frontdoor::test
