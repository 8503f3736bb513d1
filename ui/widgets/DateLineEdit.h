#pragma once
// A date typed as people type them (12/03/2015, 12.3.15, 12032015, 2015-03-12), with what was read
// shown beside it ("Thu 12 Mar 2015, age 11"), so a slip is seen at once. What was typed is kept as
// typed: a date that cannot be read is sent to core as it is, and core's refusal shows beside it.

#include "util/Clock.h"
#include "util/Instant.h"

#include <QLineEdit>

#include <optional>

class QLabel;

namespace frontdoor::ui {

class DateLineEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit DateLineEdit(const core::Clock& clock, QWidget* parent = nullptr);

    /// The date read from the text; nullopt when empty or unreadable.
    std::optional<core::Date> date() const;
    bool hasUnreadableText() const;
    /// The value for core: ISO "2015-03-12" when readable, otherwise the text as typed.
    QString valueForCore() const;
    /// Shows `value` (ISO from core or a draft; anything else is shown as typed).
    void setValueFromCore(const QString& value);
    /// A label that says what the text was read as; the owner places it.
    QLabel* readingLabel() const { return reading_; }
    /// Whether to mention the age (dates of birth) in the reading.
    void setShowAge(bool show) { showAge_ = show; }

signals:
    void dateEdited();

private:
    void updateReading();

    const core::Clock& clock_;
    QLabel* reading_;
    bool showAge_ = true;
};

} // namespace frontdoor::ui
