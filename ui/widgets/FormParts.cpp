#include "widgets/FormParts.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyle>
#include <QLabel>
#include <QPlainTextEdit>

namespace frontdoor::ui {
namespace {

/// Asks for its minimum height only, so spare room (not its wish for 12 lines) is what makes it grow.
class GrowingTextBox : public QPlainTextEdit {
public:
    QSize sizeHint() const override { return {QPlainTextEdit::sizeHint().width(), minimumHeight()}; }
};

} // namespace

QGroupBox* newSection(const QString& title, const QString& objectName) {
    auto* box = new QGroupBox(title);
    box->setObjectName(objectName);
    return box;
}

QPlainTextEdit* newTextBox(const QString& objectName, int lines, const QString& placeholder) {
    auto* edit = new QPlainTextEdit;
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setPlaceholderText(placeholder);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 14);
    return edit;
}

QPlainTextEdit* newGrowingTextBox(const QString& objectName, int lines, const QString& placeholder) {
    auto* edit = new GrowingTextBox;
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setPlaceholderText(placeholder);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 14);
    edit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    return edit;
}

QLabel* newPageHeader(const QString& objectName, const QString& loadingText) {
    auto* header = new QLabel(loadingText);
    header->setObjectName(objectName);
    header->setWordWrap(true);
    header->setTextFormat(Qt::RichText);
    return header;
}

void showChoicesInFull(QComboBox* combo) {
    const auto fit = [combo] {
        QAbstractItemView* list = combo->view();
        int widest = 0;
        for (int row = 0; row < combo->count(); ++row) {
            const QString text = combo->itemText(row);
            widest = std::max(widest, list->fontMetrics().horizontalAdvance(text));
            combo->setItemData(row, text, Qt::ToolTipRole);
        }
        // The text, the item's margins, the list's frame and a scroll bar.
        const int width = widest + 24 + 2 * list->style()->pixelMetric(QStyle::PM_DefaultFrameWidth) +
                          list->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
        list->setMinimumWidth(width);
        if (QCompleter* completer = combo->completer(); completer && completer->popup())
            completer->popup()->setMinimumWidth(width);
    };
    fit();
    QObject::connect(combo->model(), &QAbstractItemModel::rowsInserted, combo, fit);
    QObject::connect(combo->model(), &QAbstractItemModel::modelReset, combo, fit);
    const auto tip = [combo] { combo->setToolTip(combo->currentText()); };
    tip();
    QObject::connect(combo, &QComboBox::currentTextChanged, combo, tip);
}

void setHint(QLineEdit* edit, const QString& hint) {
    edit->setPlaceholderText(hint);
    edit->setToolTip(hint);
}

} // namespace frontdoor::ui
