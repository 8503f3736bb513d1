#include "widgets/FormParts.h"

#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>

namespace frontdoor::ui {

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

QLabel* newPageHeader(const QString& objectName, const QString& loadingText) {
    auto* header = new QLabel(loadingText);
    header->setObjectName(objectName);
    header->setWordWrap(true);
    header->setTextFormat(Qt::RichText);
    return header;
}

} // namespace frontdoor::ui
