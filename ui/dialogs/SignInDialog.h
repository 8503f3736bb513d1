#pragma once
// Signing in: the operating-system account's name already filled in, the PIN or password, the role
// to act in (the user's own roles, the first chosen). Enter signs in. The check (Argon2id, deliberately
// slow) runs off the UI thread on its own connection; a refusal shows core's words beside the PIN and
// keeps the name.

#include "Workspace.h"
#include "users/UserService.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace frontdoor::ui {

class BackgroundReader;

class SignInDialog : public QDialog {
    Q_OBJECT
public:
    /// `workspace` is used on the UI thread only to list a user's roles; signing in uses a connection
    /// of its own.
    SignInDialog(core::Workspace& workspace, const QString& userName, QWidget* parent = nullptr);
    ~SignInDialog() override;

    /// Set once accepted.
    const std::optional<core::Session>& session() const { return session_; }
    /// The name the operating system gives the person running this program.
    static QString operatingSystemAccount();

public slots:
    void accept() override;

private:
    void updateRoles();
    void showError(const QString& message);
    void setBusy(bool busy);

    core::Workspace& workspace_;
    BackgroundReader* reader_;
    QLineEdit* userName_;
    QLineEdit* secret_;
    QComboBox* role_;
    QLabel* error_;
    QPushButton* signIn_;
    QTimer* rolesTimer_;
    std::optional<core::Session> session_;
    bool busy_ = false;
};

} // namespace frontdoor::ui
