#include "support/FocusKeeper.h"

#include "widgets/FieldCell.h"

#include <QApplication>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>

namespace frontdoor::ui::FocusKeeper {
namespace {

/// Scrolls `bar` so the span [low, high] (in content coordinates) is in the view of `length` now
/// showing from `shown`: the whole span with the margin if it fits, else its start.
void bringIntoView(QScrollBar* bar, int shown, int length, int low, int high) {
    const int first = low - kMargin;
    const int last = high + kMargin;
    if (last - first + 1 > length) {
        if (low < shown || low > shown + length - 1 - kMargin)
            bar->setValue(first);
        return;
    }
    if (first < shown)
        bar->setValue(first);
    else if (last > shown + length - 1)
        bar->setValue(last - length + 1);
}

/// What to show for `widget`: the widget, with its field label and any problem under it if they fit.
QRect wanted(QWidget* widget, QScrollArea* area) {
    QWidget* content = area->widget();
    const QRect own(widget->mapTo(content, QPoint(0, 0)), widget->size());
    for (QWidget* up = widget->parentWidget(); up && up != content; up = up->parentWidget()) {
        if (qobject_cast<FieldCell*>(up)) {
            const QRect cell(up->mapTo(content, QPoint(0, 0)), up->size());
            if (cell.height() + 2 * kMargin <= area->viewport()->height())
                return cell.united(own);
            break;
        }
        if (qobject_cast<QAbstractScrollArea*>(up))
            break; // a cell editor inside a table: the editor is what matters
    }
    return own;
}

void revealNow(QWidget* widget) {
    if (!widget || !widget->isVisible())
        return;
    for (QWidget* up = widget->parentWidget(); up; up = up->parentWidget()) {
        auto* area = qobject_cast<QScrollArea*>(up);
        if (!area || !area->widget() || !area->widget()->isAncestorOf(widget))
            continue;
        const QRect rect = wanted(widget, area);
        const QRect visible(-area->widget()->pos(), area->viewport()->size());
        bringIntoView(area->verticalScrollBar(), visible.top(), visible.height(), rect.top(), rect.bottom());
        if (area->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff)
            bringIntoView(area->horizontalScrollBar(), visible.left(), visible.width(), rect.left(), rect.right());
    }
}

} // namespace

void reveal(QWidget* widget) {
    revealNow(widget);
    // Again once a layout just changed (a part added, a problem shown) has put things where they go.
    QPointer<QWidget> guard(widget);
    QTimer::singleShot(0, qApp, [guard] {
        if (guard && guard->hasFocus())
            revealNow(guard);
    });
}

void install() {
    static bool installed = false;
    if (installed || !qApp)
        return;
    installed = true;
    QObject::connect(qApp, &QApplication::focusChanged, qApp, [](QWidget*, QWidget* now) {
        if (now && !now->isWindow())
            reveal(now);
    });
}

} // namespace frontdoor::ui::FocusKeeper
