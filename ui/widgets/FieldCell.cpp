#include "widgets/FieldCell.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace frontdoor::ui {

FieldCell::FieldCell(const QString& label, QWidget* input, QWidget* extra, QWidget* parent)
    : QWidget(parent), label_(new QLabel(label)), input_(input), error_(new QLabel) {
    label_->setBuddy(input);
    label_->setProperty("role", QStringLiteral("fieldLabel"));
    error_->setObjectName(input->objectName() + QStringLiteral("Error"));
    error_->setProperty("role", QStringLiteral("error"));
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText);
    error_->hide();
    if (input->accessibleName().isEmpty())
        input->setAccessibleName(QString(label).remove(QLatin1Char('&')));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(label_);
    if (extra) {
        auto* line = new QHBoxLayout;
        line->setSpacing(8);
        line->addWidget(input, 1);
        line->addWidget(extra);
        layout->addLayout(line);
    } else {
        layout->addWidget(input);
    }
    layout->addWidget(error_);
    // A taller neighbour in the same grid row (one showing a problem) must not pull this label away
    // from its input: inputs that do not grow keep to the top of the cell.
    if (!(input->sizePolicy().verticalPolicy() & QSizePolicy::ExpandFlag))
        layout->addStretch(1);

    if (auto* edit = qobject_cast<QLineEdit*>(input))
        connect(edit, &QLineEdit::textEdited, this, &FieldCell::clearError);
    else if (auto* text = qobject_cast<QPlainTextEdit*>(input))
        connect(text, &QPlainTextEdit::textChanged, this, &FieldCell::clearError);
    else if (auto* combo = qobject_cast<QComboBox*>(input)) {
        connect(combo, &QComboBox::currentIndexChanged, this, &FieldCell::clearError);
        connect(combo, &QComboBox::editTextChanged, this, &FieldCell::clearError);
    } else if (auto* button = qobject_cast<QAbstractButton*>(input))
        connect(button, &QAbstractButton::toggled, this, &FieldCell::clearError);
    else if (auto* when = qobject_cast<QDateTimeEdit*>(input))
        connect(when, &QDateTimeEdit::dateTimeChanged, this, &FieldCell::clearError);
}

QString FieldCell::labelText() const { return QString(label_->text()).remove(QLatin1Char('&')); }

void FieldCell::setLabelText(const QString& text) { label_->setText(text); }

void FieldCell::setError(const QString& problem) {
    error_->setText(problem);
    error_->show();
    input_->setProperty("invalid", true);
    input_->setAccessibleDescription(problem);
}

void FieldCell::clearError() {
    if (error_->isHidden())
        return;
    error_->clear();
    error_->hide();
    input_->setProperty("invalid", false);
    input_->setAccessibleDescription(QString());
}

void FieldGrid::add(QWidget* cell, int span) {
    if (column_ + span > columns_)
        newRow();
    layout_->addWidget(cell, row_, column_, 1, span);
    column_ += span;
}

void FieldGrid::newRow() {
    if (column_ > 0)
        ++row_;
    column_ = 0;
}

} // namespace frontdoor::ui
