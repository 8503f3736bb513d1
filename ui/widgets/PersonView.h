#pragma once
// Everything the front door knows about one person, child or adult: details, the history flags
// (re-referral, repeat contacts) and every contact they appear in, in any family, newest first, with
// their role there (core's PersonSearch::history); below, the household (HouseholdPanel). Enter on a
// contact opens it; on a household member, that person.

#include "store/Fact.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <optional>

class QLabel;
class QTableView;

namespace frontdoor::ui {

class BackgroundReader;
class ContactTableModel;
class HouseholdPanel;

class PersonView : public QWidget {
    Q_OBJECT
public:
    explicit PersonView(QWidget* parent = nullptr);

    /// Reads the person's history on `reader` and shows it; with `readBy`, the read is logged
    /// (PersonSearch::viewHistory), as when a person opens a child's history in a tab of its own.
    void load(BackgroundReader& reader, const QString& personId, std::optional<core::Actor> readBy = std::nullopt);
    /// Shows a history already read (the "history" JSON of core).
    void setHistory(const nlohmann::json& history);
    /// Marks one of the contacts (the one being looked at) and puts the cursor on it.
    void emphasiseContact(const QString& contactId);
    const QString& personId() const { return personId_; }
    QString displayName() const { return displayName_; }
    QTableView* contactsView() const { return contacts_; }
    bool isLoaded() const { return loaded_; }
    HouseholdPanel* household() const { return household_; }

signals:
    void contactActivated(const QString& contactId);
    void personActivated(const QString& personId);
    void loaded();

private:
    QString personId_;
    QString displayName_;
    QLabel* title_;
    QLabel* details_;
    QLabel* flags_;
    QLabel* corrections_; ///< each correction of the person's details: who, why, before and after
    QLabel* contactsHeading_;
    QTableView* contacts_;
    ContactTableModel* model_;
    HouseholdPanel* household_;
    bool loaded_ = false;
};

} // namespace frontdoor::ui
