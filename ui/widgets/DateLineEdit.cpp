#include "widgets/DateLineEdit.h"

#include "support/Text.h"

#include <QDate>
#include <QLabel>
#include <QLocale>

namespace frontdoor::ui {

DateLineEdit::DateLineEdit(const core::Clock& clock, QWidget* parent)
    : QLineEdit(parent), clock_(clock), reading_(new QLabel) {
    setPlaceholderText(tr("dd/mm/yyyy"));
    reading_->setObjectName(QStringLiteral("dateReading"));
    reading_->setProperty("role", QStringLiteral("hint"));
    reading_->setTextFormat(Qt::PlainText);
    connect(this, &QLineEdit::textEdited, this, [this] {
        updateReading();
        emit dateEdited();
    });
    connect(this, &QLineEdit::textChanged, this, &DateLineEdit::updateReading);
}

std::optional<core::Date> DateLineEdit::date() const {
    return parseTypedDate(text(), core::utcDate(clock_.now()));
}

bool DateLineEdit::hasUnreadableText() const { return !text().trimmed().isEmpty() && !date(); }

QString DateLineEdit::valueForCore() const {
    if (const auto parsed = date())
        return qs(core::formatDate(*parsed));
    return text().trimmed();
}

void DateLineEdit::setValueFromCore(const QString& value) {
    if (const auto parsed = core::parseDate(ss(value)))
        setText(ukDate(ss(value)));
    else
        setText(value);
}

void DateLineEdit::updateReading() {
    const QString typed = text().trimmed();
    if (typed.isEmpty()) {
        reading_->clear();
        return;
    }
    const auto parsed = date();
    if (!parsed) {
        reading_->setText(tr("not a date yet: type dd/mm/yyyy"));
        return;
    }
    const QDate qdate(static_cast<int>(parsed->year()), static_cast<int>(static_cast<unsigned>(parsed->month())),
                      static_cast<int>(static_cast<unsigned>(parsed->day())));
    QString reading = QLocale().toString(qdate, QStringLiteral("ddd d MMM yyyy"));
    const core::Date today = core::utcDate(clock_.now());
    if (showAge_ && *parsed <= today)
        reading += tr(", age %1").arg(core::ageInYears(*parsed, today));
    reading_->setText(reading);
}

} // namespace frontdoor::ui
