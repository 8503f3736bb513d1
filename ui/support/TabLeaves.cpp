#include "support/TabLeaves.h"

#include <QDateTimeEdit>
#include <QKeyEvent>

namespace frontdoor::ui {
namespace {

class TabLeavesFilter : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::KeyPress) {
            const auto* key = static_cast<QKeyEvent*>(event);
            auto* widget = static_cast<QWidget*>(watched);
            const bool forward = key->key() == Qt::Key_Tab && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
            if (forward || key->key() == Qt::Key_Backtab) {
                // The next (or previous) field in the form's tab order that takes the focus by Tab.
                QWidget* next = widget;
                for (int guard = 0; guard < 1000; ++guard) {
                    next = forward ? next->nextInFocusChain() : next->previousInFocusChain();
                    if (next == widget)
                        return false;
                    if (!widget->isAncestorOf(next) && (next->focusPolicy() & Qt::TabFocus) && next->isVisible() &&
                        next->isEnabled() && !next->focusProxy())
                        break;
                }
                next->setFocus(forward ? Qt::TabFocusReason : Qt::BacktabFocusReason);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void tabLeaves(QDateTimeEdit* edit) { edit->installEventFilter(new TabLeavesFilter(edit)); }

} // namespace frontdoor::ui
