#pragma once
// The first run on a database with no users: instead of a sign-in nobody can pass, the person setting
// up the desk creates the first administrator (account name, display name, a password or PIN under the
// secret policy, typed twice) and is signed in as them. Each refusal is shown beside its field in core's
// words; nothing typed is lost.
//
// Or, on a desk joining a team that already works (issue 14 point 2): "Join my team's shared folder"
// (the folder and the team passphrase) joins the team (core/sync/Team), runs a sync round (on a thread
// of its own, never the UI's), and once the team's users have arrived closes with joined() set, so the
// app shows the normal sign-in where they sign in. A team with no users yet leaves the dialog open for
// the first administrator.

#include "Workspace.h"
#include "users/UserService.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace frontdoor::ui {

class BackgroundReader;

class FirstRunDialog : public QDialog {
    Q_OBJECT
public:
    FirstRunDialog(core::Workspace& workspace, const QString& accountName, QWidget* parent = nullptr);
    ~FirstRunDialog() override;

    /// Set once accepted: the new administrator, signed in.
    const std::optional<core::Session>& session() const { return session_; }
    /// Set once accepted after joining a team whose users arrived: sign in as one of them.
    bool joined() const { return joined_; }

public slots:
    void accept() override;
    /// Joins the team whose shared folder is typed (in the background); the dialog closes once the
    /// team's users are on this desk.
    void join();

private:
    void showErrors(const std::map<std::string, QString>& byField);
    void showJoinError(QLineEdit* field, QLabel* label, const QString& message);

    core::Workspace& workspace_;
    QLineEdit* account_;
    QLineEdit* displayName_;
    QLineEdit* secret_;
    QLineEdit* again_;
    QLabel* accountError_;
    QLabel* displayNameError_;
    QLabel* secretError_;
    QLabel* againError_;
    QPushButton* create_;
    QLineEdit* share_;
    QLineEdit* passphrase_;
    QLabel* shareError_;
    QLabel* passphraseError_;
    QLabel* joinStatus_;
    QPushButton* join_;
    std::unique_ptr<BackgroundReader> joiner_;
    std::optional<core::Session> session_;
    bool joined_ = false;
};

} // namespace frontdoor::ui
