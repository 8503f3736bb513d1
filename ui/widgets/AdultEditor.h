#pragma once
// One adult around the children on the new-contact form: name, relationship, parental
// responsibility, date of birth, whether they live with the child, phone, address and notes; and the
// person they are, once linked from the matching panel (or registered with the contact when not).

#include "people/PersonSearch.h"
#include "util/Clock.h"

#include <nlohmann/json.hpp>

#include <QFrame>
#include <QHash>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace frontdoor::ui {

class CodeComboBox;
class DateLineEdit;
class FieldCell;

class AdultEditor : public QFrame {
    Q_OBJECT
public:
    AdultEditor(const core::Clock& clock, int index, QWidget* parent = nullptr);

    void setIndex(int index);
    nlohmann::json toJson() const;
    void fromJson(const nlohmann::json& adult);
    FieldCell* cellFor(const QString& key) const;
    QList<QWidget*> focusChain() const;
    QLineEdit* givenName() const { return given_; }
    int index() const { return index_; }

    /// What the matching panel searches for while this adult is typed: among everyone (an adult may be
    /// someone first known as a child).
    core::PersonQuery matchQuery() const;
    /// Links this adult to a known person ("person_id"), filling only fields still empty.
    void linkTo(const core::Person& person);
    void unlink();
    QString linkedId() const;

signals:
    void changed();
    void removeRequested();

private:
    void describeLink(const QString& text);

    int index_ = 0;
    QLabel* heading_;
    QLabel* linked_;
    QPushButton* remove_;
    QLineEdit* given_;
    QLineEdit* family_;
    CodeComboBox* relationship_;
    QComboBox* responsibility_;
    QCheckBox* livesWith_;
    QLineEdit* phone_;
    DateLineEdit* birth_;
    QLineEdit* address_;
    QLineEdit* postcode_;
    QPlainTextEdit* notes_;
    QHash<QString, FieldCell*> cells_;
    nlohmann::json extra_ = nlohmann::json::object(); ///< keys this form does not show, kept as they came
};

} // namespace frontdoor::ui
