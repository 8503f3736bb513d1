#include "widgets/CodeComboBox.h"

#include "support/Text.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QEvent>
#include <QLineEdit>

namespace frontdoor::ui {

CodeComboBox::CodeComboBox(const std::vector<core::CodeLabel>& codes, QWidget* parent) : QComboBox(parent) {
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    addItem(QString(), QString());
    for (const auto& entry : codes)
        addItem(qs(entry.code + " " + entry.label), qs(entry.code));
    setMaxVisibleItems(20);
    // Long labels ("1B Individual: acquaintance (including neighbours and child minders)") must not
    // set the form's width; the list shows them in full.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(10);
    view()->setTextElideMode(Qt::ElideNone);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    setCurrentIndex(0);
    connect(lineEdit(), &QLineEdit::textEdited, this, &CodeComboBox::codeEdited);
    connect(this, &QComboBox::activated, this, [this] { emit codeEdited(); });
    connect(lineEdit(), &QLineEdit::editingFinished, this, &CodeComboBox::settle);
    // Leaving the box settles it, also when the completer's list was open: then neither
    // editingFinished nor a focus-out event arrives, but the application's focus change does.
    lineEdit()->installEventFilter(this);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget* old, QWidget* now) {
        const auto inside = [this](QWidget* widget) { return widget && (widget == this || isAncestorOf(widget)); };
        if (inside(old) && !inside(now) && now && !now->isWindow())
            settle();
    });
}

int CodeComboBox::resolve(const QString& typed) const {
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return 0;
    const int exact = findText(text, Qt::MatchFixedString);
    if (exact >= 0)
        return exact;
    for (int i = 1; i < count(); ++i)
        if (itemData(i).toString().compare(text, Qt::CaseInsensitive) == 0)
            return i;
    int only = -1;
    for (int i = 1; i < count(); ++i) {
        if (itemText(i).contains(text, Qt::CaseInsensitive)) {
            if (only >= 0)
                return -1; // more than one: the person has not chosen yet
            only = i;
        }
    }
    return only;
}

QString CodeComboBox::code() const {
    const int index = resolve(currentText());
    if (index >= 0)
        return itemData(index).toString();
    return currentText().trimmed();
}

void CodeComboBox::setCode(const QString& code) {
    const int index = code.isEmpty() ? 0 : findData(code);
    if (index >= 0) {
        setCurrentIndex(index);
        setEditText(itemText(index));
    } else {
        setEditText(code);
    }
    showStart();
}

void CodeComboBox::showStart() {
    // In a narrow box the code and the start of the label matter most.
    lineEdit()->setCursorPosition(0);
    setToolTip(currentText());
}

bool CodeComboBox::eventFilter(QObject* watched, QEvent* event) {
    if (watched == lineEdit() && event->type() == QEvent::FocusOut)
        settle();
    return QComboBox::eventFilter(watched, event);
}

void CodeComboBox::focusOutEvent(QFocusEvent* event) {
    settle();
    QComboBox::focusOutEvent(event);
}

void CodeComboBox::settle() {
    const int index = resolve(currentText());
    if (index < 0)
        return; // kept as typed; core names the problem when the contact is recorded
    if (itemText(index) != currentText() || currentIndex() != index) {
        const bool changed = itemData(index).toString() != itemData(currentIndex()).toString() ||
                             itemText(index) != currentText();
        setCurrentIndex(index);
        setEditText(itemText(index));
        showStart();
        if (changed)
            emit codeEdited();
    }
}

} // namespace frontdoor::ui
