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
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

#include <pwd.h>
#include <unistd.h>

namespace frontdoor::ui {
namespace {

constexpr const char* kLastUserNameKey = "signIn/lastUserName";

} // namespace

QString SignInDialog::operatingSystemAccount() {
    for (const char* name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    // Under su, a service account or a desktop launcher the variables may be unset: ask the system.
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return {};
}

QString SignInDialog::lastUserName() {
    const QString remembered = QSettings().value(QLatin1String(kLastUserNameKey)).toString();
    return remembered.isEmpty() ? operatingSystemAccount() : remembered;
}

void SignInDialog::rememberUserName(const QString& userName) {
    QSettings().setValue(QLatin1String(kLastUserNameKey), userName);
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

    // Shown only when the secret just typed is weaker than the policy.
    newSecretBox_ = new QWidget;
    newSecretBox_->setObjectName(QStringLiteral("newSecretBox"));
    auto* newSecretWhy = new QLabel;
    newSecretWhy->setObjectName(QStringLiteral("newSecretWhy"));
    newSecretWhy->setWordWrap(true);
    newSecret_ = new QLineEdit;
    newSecret_->setObjectName(QStringLiteral("newSecret"));
    newSecret_->setAccessibleName(tr("New PIN or password"));
    newSecret_->setEchoMode(QLineEdit::Password);
    repeatSecret_ = new QLineEdit;
    repeatSecret_->setObjectName(QStringLiteral("repeatSecret"));
    repeatSecret_->setAccessibleName(tr("New PIN or password again"));
    repeatSecret_->setEchoMode(QLineEdit::Password);
    auto* newForm = new QFormLayout(newSecretBox_);
    newForm->setContentsMargins(0, 0, 0, 0);
    newForm->addRow(newSecretWhy);
    newForm->addRow(tr("&New PIN or password"), newSecret_);
    newForm->addRow(tr("&Again"), repeatSecret_);
    newSecretBox_->hide();
    connect(newSecret_, &QLineEdit::textEdited, error_, &QWidget::hide);
    connect(repeatSecret_, &QLineEdit::textEdited, error_, &QWidget::hide);
    connect(newSecret_, &QLineEdit::returnPressed, this, &SignInDialog::accept);
    connect(repeatSecret_, &QLineEdit::returnPressed, this, &SignInDialog::accept);

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
    layout->addWidget(newSecretBox_);
    layout->addWidget(buttons);
    layout->addWidget(database);
    setMinimumWidth(460);

    connect(secret_, &QLineEdit::textEdited, error_, &QWidget::hide);
    connect(userName_, &QLineEdit::returnPressed, this, [this] {
        if (!signedIn_)
            accept();
    });
    connect(secret_, &QLineEdit::returnPressed, this, [this] {
        if (!signedIn_)
            accept();
    });
    updateRoles();

    if (!core::UserService(workspace_).anyUsers())
        showError(tr("This database has no users yet. An administrator adds them with "
                     "frontdoor-cli user add."));
    (userName.isEmpty() ? userName_ : secret_)->setFocus();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::updateRoles() {
    // The same list whatever name is typed: listing a name's own roles before its secret is proved
    // would tell anyone at the desk which names are accounts, and what each may do.
    role_->clear();
    role_->addItem(tr("My usual role"), QString());
    for (const auto& role : core::allRoles())
        role_->addItem(qs(core::roleLabel(role)), qs(role));
    role_->setCurrentIndex(0);
}

void SignInDialog::showError(const QString& message) {
    error_->setText(message);
    error_->show();
}

void SignInDialog::setBusy(bool busy) {
    busy_ = busy;
    // Read-only rather than disabled, so the keyboard focus stays where it is.
    userName_->setReadOnly(busy || signedIn_);
    secret_->setReadOnly(busy || signedIn_);
    newSecret_->setReadOnly(busy);
    repeatSecret_->setReadOnly(busy);
    role_->setEnabled(!busy && !signedIn_);
    signIn_->setEnabled(!busy);
    if (signedIn_)
        signIn_->setText(busy ? tr("Changing…") : tr("Change and sign in"));
    else
        signIn_->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInDialog::askForNewSecret(core::Session session) {
    signedIn_ = std::move(session);
    core::SecretPolicy policy;
    try {
        policy = core::UserService(workspace_).policy();
    } catch (const core::Error&) {
        // the defaults; core checks the new secret against the policy in force anyway
    }
    newSecretBox_->findChild<QLabel*>(QStringLiteral("newSecretWhy"))
        ->setText(tr("Your PIN or password is weaker than this team's policy, so choose a new one before going on: "
                     "a PIN of at least %1 digits (not one digit repeated, not counting up or down), or a password "
                     "of at least %2 characters.")
                      .arg(policy.minPinDigits)
                      .arg(policy.minPasswordLength));
    newSecretBox_->show();
    setBusy(false);
    newSecret_->setFocus();
}

void SignInDialog::changeSecret() {
    // Enter moves on until both are typed (the default button may see the same Enter too).
    if (newSecret_->text().isEmpty() || repeatSecret_->text().isEmpty()) {
        (newSecret_->text().isEmpty() ? newSecret_ : repeatSecret_)->setFocus();
        return;
    }
    const std::string secret = ss(newSecret_->text());
    if (newSecret_->text() != repeatSecret_->text()) {
        showError(tr("The two new PINs or passwords are not the same; type them again."));
        newSecret_->clear();
        repeatSecret_->clear();
        newSecret_->setFocus();
        return;
    }
    const core::Actor actor = signedIn_->actor();
    error_->hide();
    setBusy(true);
    reader_->run<bool>(
        this, QStringLiteral("new secret"),
        [actor, secret](core::Workspace& ws) {
            core::UserService(ws).setSecret(actor, actor.userId, secret);
            return true;
        },
        [this](Answer<bool> answer) {
            setBusy(false);
            if (!answer.ok()) {
                showError(answer.error);
                newSecret_->clear();
                repeatSecret_->clear();
                newSecret_->setFocus();
                return;
            }
            session_ = std::move(*signedIn_);
            session_->mustChangeSecret = false;
            signedIn_.reset();
            rememberUserName(qs(session_->user.id));
            QDialog::accept();
        });
}

void SignInDialog::accept() {
    if (busy_)
        return;
    if (signedIn_) {
        changeSecret();
        return;
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
            if (answer.value->mustChangeSecret) {
                askForNewSecret(*answer.value);
                return;
            }
            session_ = *answer.value;
            rememberUserName(qs(session_->user.id));
            QDialog::accept();
        });
}

} // namespace frontdoor::ui
