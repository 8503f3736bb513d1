#pragma once
// One child on the new-contact form: names (and any previous or alternative names, which matching
// also searches), date of birth (or expected date for an unborn child, or "not known"), sex,
// ethnicity, address, and the child's voice or why it is missing. A child can be
// linked to a person the front door already knows (from the matching panel); the link is the person's
// id, and the known details fill the fields still empty. Names stay as the referrer gave them.

#include "people/Person.h"
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

class ChildEditor : public QFrame {
    Q_OBJECT
public:
    ChildEditor(const core::Clock& clock, int index, QWidget* parent = nullptr);

    void setIndex(int index);
    int index() const { return index_; }
    void setRemovable(bool removable);

    /// The child in the shape of `contact record`'s input; blank fields are left out.
    nlohmann::json toJson() const;
    void fromJson(const nlohmann::json& child);
    /// What the matching panel searches for; empty when too little is typed.
    core::PersonQuery matchQuery() const;

    /// Links the child to a known person and fills the empty fields from what is known.
    void linkTo(const core::Person& person);
    void unlink();
    const QString& linkedId() const { return linkedId_; }
    /// Names the linked person in the banner (a draft reopened knows only the id at first).
    void describeLinkedPerson(const core::Person& person);

    /// The cell for a key of core's child object ("date_of_birth"), or null.
    FieldCell* cellFor(const QString& key) const;
    /// Inputs in the order Tab visits them.
    QList<QWidget*> focusChain() const;
    QLineEdit* givenName() const { return given_; }
    QLineEdit* familyName() const { return family_; }
    DateLineEdit* dateOfBirth() const { return birth_; }
    /// Copies what siblings usually share (family name, address, postcode, ethnicity) from `other`.
    void copyFamilyDetailsFrom(const ChildEditor& other);

signals:
    void changed();
    void matchInputsChanged();
    void removeRequested();

private:
    void updateUnborn();
    void showLink(const QString& summary);

    const core::Clock& clock_;
    int index_;
    QString linkedId_;
    QString linkedSummary_;
    QLabel* heading_;
    QPushButton* remove_;
    QLabel* linkBanner_;
    QPushButton* unlinkButton_;
    QWidget* linkRow_;
    QLineEdit* given_;
    QLineEdit* family_;
    QCheckBox* unborn_;
    DateLineEdit* birth_;
    QCheckBox* birthUnknown_;
    QComboBox* sex_;
    CodeComboBox* ethnicity_;
    QLineEdit* address_;
    QLineEdit* postcode_;
    QLineEdit* previousNames_;
    QLineEdit* alternativeNames_;
    QPlainTextEdit* voice_;
    QComboBox* voiceMissing_;
    QHash<QString, FieldCell*> cells_;
    nlohmann::json extra_ = nlohmann::json::object(); ///< keys this form does not show, kept as they came
};

} // namespace frontdoor::ui
