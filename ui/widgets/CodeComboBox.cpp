#include "widgets/CodeComboBox.h"

#include "support/Text.h"
#include "widgets/FieldCell.h"
#include "widgets/FormParts.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QEvent>
#include <QLineEdit>
#include <QRegularExpression>

#include <algorithm>

namespace frontdoor::ui {
namespace {

constexpr int kSearchWordsRole = Qt::UserRole + 1;
constexpr int kLabelRole = Qt::UserRole + 2;

std::vector<CodeComboBox::Choice> codedChoices(const std::vector<core::CodeLabel>& codes) {
    std::vector<CodeComboBox::Choice> choices;
    for (const auto& entry : codes)
        choices.push_back({qs(entry.code), qs(entry.code + " " + entry.label), {}});
    return choices;
}

/// Whole words as written ("great-uncle", "A&E"), or split at hyphens too ("great", "uncle").
QStringList wordsOf(const QString& text, bool splitHyphens) {
    static const QRegularExpression spaces(QStringLiteral("[\\s,;:()/]+"));
    static const QRegularExpression spacesAndHyphens(QStringLiteral("[\\s,;:()/\\-]+"));
    return text.split(splitHyphens ? spacesAndHyphens : spaces, Qt::SkipEmptyParts);
}

} // namespace

CodeComboBox::CodeComboBox(const std::vector<core::CodeLabel>& codes, QWidget* parent) : QComboBox(parent) {
    setUp(codedChoices(codes));
    // The label alone is what "starts with" is about: "Schools" for "2A Schools".
    for (int i = 1; i < count(); ++i)
        setItemData(i, qs(core::labelOf(codes, ss(itemData(i).toString()))), kLabelRole);
}

CodeComboBox::CodeComboBox(const std::vector<Choice>& choices, QWidget* parent) : QComboBox(parent) { setUp(choices); }

void CodeComboBox::setUp(const std::vector<Choice>& choices) {
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    addItem(QString(), QString());
    for (const auto& choice : choices) {
        addItem(choice.text, choice.code);
        setItemData(count() - 1, choice.searchWords, kSearchWordsRole);
        setItemData(count() - 1, choice.text, kLabelRole);
    }
    setMaxVisibleItems(20);
    // Long labels ("1B Individual: acquaintance (including neighbours and child minders)") must not
    // set the form's width; the list shows them in full.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(10);
    view()->setTextElideMode(Qt::ElideNone);
    showChoicesInFull(this); // the list, and the completer's, as wide as the longest label
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

int CodeComboBox::rank(int index, const QString& typed) const {
    const QString code = itemData(index).toString();
    const QString text = itemText(index);
    const QString label = itemData(index, kLabelRole).toString();
    const QStringList searchWords = itemData(index, kSearchWordsRole).toStringList();
    const auto same = [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) == 0; };
    if (same(code, typed) || same(text, typed) || same(label, typed))
        return 0;
    if (label.startsWith(typed, Qt::CaseInsensitive))
        return 1;
    for (const auto& said : searchWords)
        if (same(said, typed))
            return 2; // what people say for it: "mum", "nan"
    QStringList words = wordsOf(label, false);
    for (const auto& said : searchWords)
        words << wordsOf(said, false);
    for (const auto& word : words)
        if (same(word, typed))
            return 3; // a word of it: "GP", "uncle"
    // Every typed word starts a word of the item: "health visitor", "half brother".
    QStringList pieces = wordsOf(label, true);
    for (const auto& said : searchWords)
        pieces << wordsOf(said, true);
    const QStringList typedWords = wordsOf(typed, true);
    const bool allStart = !typedWords.isEmpty() && std::all_of(typedWords.begin(), typedWords.end(), [&](const QString& t) {
        return std::any_of(pieces.begin(), pieces.end(), [&](const QString& p) { return p.startsWith(t, Qt::CaseInsensitive); });
    });
    if (allStart)
        return 4;
    if (text.contains(typed, Qt::CaseInsensitive))
        return 5;
    return -1;
}

int CodeComboBox::resolve(const QString& typed, QList<int>* ties) const {
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return 0;
    int best = -1;
    QList<int> found;
    QList<int> any;
    for (int i = 1; i < count(); ++i) {
        const int r = rank(i, text);
        if (r < 0)
            continue;
        any << i;
        if (best < 0 || r < best) {
            best = r;
            found = {i};
        } else if (r == best) {
            found << i;
        }
    }
    if (best == 0 || found.size() == 1)
        return found.front();
    if (ties)
        *ties = any;
    return -1; // none, or several equally: the person has not chosen yet
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

void CodeComboBox::refuse(const QString& problem) {
    const QString shown = refusal_;
    refusal_ = problem;
    for (QWidget* widget = parentWidget(); widget; widget = widget->parentWidget()) {
        if (auto* cell = qobject_cast<FieldCell*>(widget)) {
            if (!problem.isEmpty())
                cell->setError(problem);
            else if (cell->hasError() && cell->errorText() == shown)
                cell->clearError(); // only this box's own refusal: core's problems stay until fixed
            return;
        }
    }
}

void CodeComboBox::settle() {
    QList<int> ties;
    const int index = resolve(currentText(), &ties);
    if (index < 0) {
        // Kept as typed (nothing is lost), and refused now rather than when the contact is recorded.
        QStringList choices;
        for (int i : ties.isEmpty() ? QList<int>() : ties)
            choices << itemText(i);
        if (choices.isEmpty())
            for (int i = 1; i < count(); ++i)
                choices << itemText(i);
        const QString typed = currentText().trimmed();
        const QString message =
            ties.isEmpty()
                ? tr("\u201c%1\u201d is none of the choices. Choose one (Alt+Down shows them): %2.")
                      .arg(typed, choices.join(QStringLiteral("; ")))
                : tr("\u201c%1\u201d could be %2. Type more or choose one (Alt+Down).")
                      .arg(typed, choices.join(tr(" or ")));
        refuse(message);
        return;
    }
    if (!refusal_.isEmpty())
        refuse(QString());
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
