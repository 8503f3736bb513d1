#include "dialogs/SignInDialog.h"

#include "support/BackgroundReader.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "users/Roles.h"
#include "util/Errors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace frontdoor::ui {

QString SignInDialog::operatingSystemAccount() {
    for (const char* name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

SignInDialog::SignInDialog(core::Workspace& workspace, const QString& userName, QWidget* parent)
    : QDialog(parent), workspace_(workspace),
      reader_(new BackgroundReader(workspace.db().path(), workspace.clock(), QStringLiteral("sign-in"), this)) {
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Frontdoor"));
    setAccessibleName(tr("Sign in"));

    auto* heading = new QLabel(tr("<b>Frontdoor</b><br>Contacts and referrals"));
    heading->setObjectName(QStringLiteral("signInHeading"));

    userName_ = new QLineEdit(userName);
    userName_->setObjectName(QStringLiteral("userName"));
    userName_->setAccessibleName(tr("User name"));
    secret_ = new QLineEdit;
    secret_->setObjectName(QStringLiteral("pin"));
    secret_->setAccessibleName(tr("PIN or password"));
    secret_->setEchoMode(QLineEdit::Password);
    role_ = new QComboBox;
    role_->setObjectName(QStringLiteral("role"));
    role_->setAccessibleName(tr("Role"));
    error_ = new QLabel;
    error_->setObjectName(QStringLiteral("signInError"));
    error_->setProperty("role", QStringLiteral("error"));
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText);
    error_->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&User name"), userName_);
    form->addRow(tr("&PIN or password"), secret_);
    form->addRow(QString(), error_);
    form->addRow(tr("&Role"), role_);

    auto* buttons = new QDialogButtonBox;
    signIn_ = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    signIn_->setObjectName(QStringLiteral("signInButton"));
    signIn_->setDefault(true);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter signs in from any field; a focused Cancel must not take over as the default button.
    cancel->setAutoDefault(false);
    signIn_->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto* database = new QLabel(tr("Database: %1").arg(qs(workspace.db().path())));
    database->setProperty("role", QStringLiteral("hint"));
    database->setWordWrap(true);
    database->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(buttons);
    layout->addWidget(database);
    setMinimumWidth(460);

    rolesTimer_ = new QTimer(this);
    rolesTimer_->setSingleShot(true);
    rolesTimer_->setInterval(150);
    connect(rolesTimer_, &QTimer::timeout, this, &SignInDialog::updateRoles);
    connect(userName_, &QLineEdit::textEdited, rolesTimer_, qOverload<>(&QTimer::start));
    connect(secret_, &QLineEdit::textEdited, error_, &QWidget::hide);
    connect(userName_, &QLineEdit::returnPressed, this, &SignInDialog::accept);
    connect(secret_, &QLineEdit::returnPressed, this, &SignInDialog::accept);
    updateRoles();

    if (!core::UserService(workspace_).anyUsers())
        showError(tr("This database has no users yet. An administrator adds them with "
                     "frontdoor-cli user add."));
    (userName.isEmpty() ? userName_ : secret_)->setFocus();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::updateRoles() {
    ScopedUiTiming timing("sign-in: roles");
    const QString previous = role_->currentData().toString();
    role_->clear();
    std::vector<std::string> roles;
    try {
        if (const auto user = core::UserService(workspace_).find(ss(userName_->text().trimmed())))
            roles = user->roles;
    } catch (const core::Error&) {
        // An unreadable user list is reported when signing in.
    }
    if (roles.empty())
        roles = core::allRoles(); // an unknown name is refused at sign-in, with the same words as a wrong PIN
    for (const auto& role : roles)
        role_->addItem(qs(core::roleLabel(role)), qs(role));
    const int keep = role_->findData(previous);
    role_->setCurrentIndex(keep >= 0 ? keep : 0);
}

void SignInDialog::showError(const QString& message) {
    error_->setText(message);
    error_->show();
}

void SignInDialog::setBusy(bool busy) {
    busy_ = busy;
    // Read-only rather than disabled, so the keyboard focus stays where it is.
    userName_->setReadOnly(busy);
    secret_->setReadOnly(busy);
    role_->setEnabled(!busy);
    signIn_->setEnabled(!busy);
    signIn_->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInDialog::accept() {
    if (busy_)
        return;
    if (rolesTimer_->isActive()) {
        rolesTimer_->stop();
        updateRoles();
    }
    const std::string id = ss(userName_->text().trimmed());
    const std::string secret = ss(secret_->text());
    const std::string role = ss(role_->currentData().toString());
    error_->hide();
    setBusy(true);
    reader_->run<core::Session>(
        this, QStringLiteral("sign in"),
        [id, secret, role](core::Workspace& ws) { return core::UserService(ws).signIn(id, secret, role); },
        [this](Answer<core::Session> answer) {
            setBusy(false);
            if (!answer.ok()) {
                showError(answer.error);
                secret_->clear();
                secret_->setFocus();
                return;
            }
            session_ = *answer.value;
            QDialog::accept();
        });
}

} // namespace frontdoor::ui
