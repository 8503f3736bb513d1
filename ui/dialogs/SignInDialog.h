#pragma once
// Signing in: the operating-system account's name already filled in, the PIN or password, the role
// to act in (their usual role, the first they hold, unless another is chosen; the list is the same for
// every name, so it does not tell which names are accounts). Enter signs in. The check (Argon2id,
// deliberately slow) runs off the UI thread on its own connection; a refusal shows core's words beside
// the PIN and keeps the name. A user whose secret is weaker than the secret policy is asked for a new
// one (typed twice) before the dialog lets them in.

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
    /// True while asking a signed-in user for a new secret (theirs is weaker than the policy).
    bool askingForNewSecret() const { return signedIn_.has_value(); }
    /// The name the operating system gives the person running this program ($USER, or the account
    /// database when the environment does not say, as under su or a service account).
    static QString operatingSystemAccount();
    /// The name last signed in with on this desk (kept in QSettings), or else the operating-system account.
    static QString lastUserName();
    /// Remembers the name a successful sign-in used, for the next sign-in on this desk.
    static void rememberUserName(const QString& userName);

public slots:
    void accept() override;

private:
    void updateRoles();
    void showError(const QString& message);
    void setBusy(bool busy);
    void askForNewSecret(core::Session session);
    void changeSecret();

    core::Workspace& workspace_;
    BackgroundReader* reader_;
    QLineEdit* userName_;
    QLineEdit* secret_;
    QComboBox* role_;
    QLabel* error_;
    QWidget* newSecretBox_;
    QLineEdit* newSecret_;
    QLineEdit* repeatSecret_;
    QPushButton* signIn_;
    std::optional<core::Session> session_;
    std::optional<core::Session> signedIn_; ///< signed in, but must set a new secret first
    bool busy_ = false;
};

} // namespace frontdoor::ui
