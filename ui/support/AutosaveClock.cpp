#include "support/AutosaveClock.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QTimer>

#include <algorithm>

namespace frontdoor::ui {

AutosaveClock::AutosaveClock(QObject* parent, std::function<void()> save)
    : quiet_(new QTimer(parent)), maxWait_(new QTimer(parent)) {
    quiet_->setSingleShot(true);
    maxWait_->setSingleShot(true);
    QObject::connect(quiet_, &QTimer::timeout, parent, save);
    QObject::connect(maxWait_, &QTimer::timeout, parent, save);
}

void AutosaveClock::typed() {
    quiet_->start(kAutosaveQuietMs);
    // The first keystroke since the last save starts the longest wait; later ones do not move it.
    if (!maxWait_->isActive())
        maxWait_->start(kAutosaveMaxWaitMs);
}

void AutosaveClock::retryIn(int ms) {
    maxWait_->stop();
    quiet_->start(ms);
}

void AutosaveClock::stop() {
    quiet_->stop();
    maxWait_->stop();
}

bool AutosaveClock::isDue() const { return quiet_->isActive() || maxWait_->isActive(); }

namespace {

/// The text widget behind a focused widget (an editable combo box's line edit, a spin box's).
QWidget* textWidgetOf(QWidget* widget) {
    if (auto* combo = qobject_cast<QComboBox*>(widget); combo && combo->lineEdit())
        return combo->lineEdit();
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget))
        return spin->findChild<QLineEdit*>();
    return widget;
}

/// The named field a focused widget belongs to: itself, or the combo box or spin box it is part of.
QWidget* namedFieldOf(QWidget* widget, const QWidget* form) {
    for (QWidget* w = widget; w && w != form; w = w->parentWidget())
        if (!w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
            return w;
    return nullptr;
}

} // namespace

nlohmann::json cursorIn(const QWidget* form) {
    QWidget* focused = QApplication::focusWidget();
    if (!form || !focused || !form->isAncestorOf(focused))
        return nullptr;
    QWidget* field = namedFieldOf(focused, form);
    if (!field)
        return nullptr;
    nlohmann::json cursor{{"field", field->objectName().toStdString()}};
    QWidget* text = textWidgetOf(field);
    if (auto* line = qobject_cast<QLineEdit*>(text))
        cursor["position"] = line->cursorPosition();
    else if (auto* plain = qobject_cast<QPlainTextEdit*>(text))
        cursor["position"] = plain->textCursor().position();
    else if (auto* rich = qobject_cast<QTextEdit*>(text))
        cursor["position"] = rich->textCursor().position();
    return cursor;
}

bool putCursorBack(QWidget* form, const nlohmann::json& cursor) {
    if (!form || !cursor.is_object() || !cursor.contains("field") || !cursor.at("field").is_string())
        return false;
    const QString name = QString::fromStdString(cursor.at("field").get<std::string>());
    QWidget* field = name.isEmpty() ? nullptr : form->findChild<QWidget*>(name);
    if (!field || !field->isVisibleTo(form) || !field->isEnabled() || field->focusPolicy() == Qt::NoFocus)
        return false;
    field->setFocus(Qt::OtherFocusReason);
    const auto at = cursor.value("position", nlohmann::json());
    if (!at.is_number_integer())
        return true;
    const int position = std::max(0, at.get<int>());
    QWidget* text = textWidgetOf(field);
    if (auto* line = qobject_cast<QLineEdit*>(text)) {
        line->setCursorPosition(std::min(position, static_cast<int>(line->text().size())));
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(text)) {
        QTextCursor c = plain->textCursor();
        c.setPosition(std::min(position, plain->document()->characterCount() - 1));
        plain->setTextCursor(c);
        plain->ensureCursorVisible();
    } else if (auto* rich = qobject_cast<QTextEdit*>(text)) {
        QTextCursor c = rich->textCursor();
        c.setPosition(std::min(position, rich->document()->characterCount() - 1));
        rich->setTextCursor(c);
        rich->ensureCursorVisible();
    }
    return true;
}

} // namespace frontdoor::ui
