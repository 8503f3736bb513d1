#pragma once
// The duty manager's page of sync conflicts (View ▸ Sync conflicts, Ctrl+Shift+K; issue 13 point 4): two
// desks that could not see each other did incompatible things to one contact (core/workflow/SyncConflicts).
// Open conflicts first: the kind in words, the contact's reference and children, and the two versions
// side by side (who, role, when, what each decided); a duty manager resolves one by keyboard, keeping A
// (the first, as it stands) or B (the later decision), with a note of at least 10 characters. Resolved
// conflicts below, with who resolved them, when and the note. Administrators and auditors read it only.

#include "Workspace.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QWidget>

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace frontdoor::ui {

/// A conflict's kind (core's "signed_off_twice", ...) in words.
QString conflictKindLabel(const std::string& kind);

/// Whether `role` may open the page (duty managers resolve; administrators and auditors read).
bool mayViewConflicts(const std::string& role);

class ConflictsPage : public QWidget {
    Q_OBJECT
public:
    ConflictsPage(core::Workspace& workspace, core::Session session, QWidget* parent = nullptr);

    /// Reads the conflicts again (after a sync round brought facts, or a resolution), keeping the
    /// selection where the conflict is still listed.
    void reload();
    /// Selects the first open conflict on this contact (the contact's banner opens the page so), or the
    /// first open one; focuses the list.
    void showContact(const QString& contactId);
    /// Resolves the selected open conflict with the choice and note typed (Ctrl+Enter).
    bool resolveSelected();

    QTableWidget* openTable() const { return open_; }
    QTableWidget* resolvedTable() const { return resolved_; }
    QString selectedId() const;

signals:
    /// A conflict on this contact was resolved (the contact's views and the queues read it again).
    void resolved(const QString& contactId);
    /// Open this contact in a tab.
    void contactRequested(const QString& contactId);

private:
    void showSelected();
    const nlohmann::json* selected() const;

    core::Workspace& workspace_;
    core::Session session_;
    bool mayResolve_;
    nlohmann::json conflicts_ = nlohmann::json::array(); ///< SyncConflicts::list's "conflicts"
    QLabel* summary_;
    QTableWidget* open_;
    QLabel* detail_;
    QGroupBox* sideA_;
    QGroupBox* sideB_;
    QLabel* textA_;
    QLabel* textB_;
    QWidget* resolveBox_;
    QRadioButton* keepA_;
    QRadioButton* keepB_;
    QPlainTextEdit* note_;
    QPushButton* resolve_;
    QPushButton* openContact_;
    QLabel* banner_;
    QLabel* readOnly_;
    QTableWidget* resolved_;
};

} // namespace frontdoor::ui
