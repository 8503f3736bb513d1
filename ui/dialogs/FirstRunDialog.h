#pragma once
// The first run on a database with no users: instead of a sign-in nobody can pass, the person setting
// up the desk creates the first administrator (account name, display name, a password or PIN under the
// secret policy, typed twice) and is signed in as them. Each refusal is shown beside its field in core's
// words; nothing typed is lost.

#include "Workspace.h"
#include "users/UserService.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace frontdoor::ui {

class FirstRunDialog : public QDialog {
    Q_OBJECT
public:
    FirstRunDialog(core::Workspace& workspace, const QString& accountName, QWidget* parent = nullptr);

    /// Set once accepted: the new administrator, signed in.
    const std::optional<core::Session>& session() const { return session_; }

public slots:
    void accept() override;

private:
    void showErrors(const std::map<std::string, QString>& byField);

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
    std::optional<core::Session> session_;
};

} // namespace frontdoor::ui
