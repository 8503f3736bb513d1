#include "dialogs/FirstRunDialog.h"

#include "users/Roles.h"
#include "util/Errors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdoor::ui {

namespace {

QLabel* errorLabel(const QString& objectName) {
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

// A field and, under it, its own refusal.
QWidget* withError(QLineEdit* field, QLabel* error) {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

} // namespace

FirstRunDialog::FirstRunDialog(core::Workspace& workspace, const QString& accountName, QWidget* parent)
    : QDialog(parent), workspace_(workspace) {
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Set up Frontdoor on this desk"));
    const auto policy = core::UserService(workspace_).policy();

    auto* intro = new QLabel(
        tr("<b>This database has no users yet.</b><br>Create its first administrator: you will be signed in "
           "as them, and they add everyone else (Users, or <code>frontdoor-cli user add</code>).<br>"
           "Database: %1 (%2)")
            .arg(QString::fromStdString(workspace_.db().path()).toHtmlEscaped(),
                 QString::fromStdString(core::toString(workspace_.mode()))));
    intro->setObjectName(QStringLiteral("firstRunIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    account_ = new QLineEdit(accountName);
    account_->setObjectName(QStringLiteral("firstRunAccount"));
    displayName_ = new QLineEdit;
    displayName_->setObjectName(QStringLiteral("firstRunDisplayName"));
    displayName_->setPlaceholderText(tr("as colleagues will see it, e.g. Ada Admin"));
    secret_ = new QLineEdit;
    secret_->setObjectName(QStringLiteral("firstRunSecret"));
    secret_->setEchoMode(QLineEdit::Password);
    secret_->setPlaceholderText(tr("a PIN of at least %1 digits, or a password of at least %2 characters")
                                    .arg(policy.minPinDigits)
                                    .arg(policy.minPasswordLength));
    again_ = new QLineEdit;
    again_->setObjectName(QStringLiteral("firstRunSecretAgain"));
    again_->setEchoMode(QLineEdit::Password);

    accountError_ = errorLabel(QStringLiteral("firstRunAccountError"));
    displayNameError_ = errorLabel(QStringLiteral("firstRunDisplayNameError"));
    secretError_ = errorLabel(QStringLiteral("firstRunSecretError"));
    againError_ = errorLabel(QStringLiteral("firstRunSecretAgainError"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Account name:"), withError(account_, accountError_));
    form->addRow(tr("&Display name:"), withError(displayName_, displayNameError_));
    form->addRow(tr("&PIN or password:"), withError(secret_, secretError_));
    form->addRow(tr("&Again:"), withError(again_, againError_));

    auto* buttons = new QDialogButtonBox;
    create_ = buttons->addButton(tr("&Create administrator and sign in"), QDialogButtonBox::AcceptRole);
    create_->setObjectName(QStringLiteral("firstRunCreate"));
    create_->setDefault(true);
    auto* quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("firstRunQuit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    (account_->text().isEmpty() ? account_ : displayName_)->setFocus();

    // Typing in a field clears its own refusal, and only its own.
    for (auto [field, error] : {std::pair{account_, accountError_}, std::pair{displayName_, displayNameError_},
                                std::pair{secret_, secretError_}, std::pair{again_, againError_}})
        connect(field, &QLineEdit::textEdited, error, &QLabel::hide);
}

void FirstRunDialog::showErrors(const std::map<std::string, QString>& byField) {
    const std::vector<std::pair<std::string, std::pair<QLineEdit*, QLabel*>>> fields{
        {"user", {account_, accountError_}},
        {"display_name", {displayName_, displayNameError_}},
        {"secret", {secret_, secretError_}},
        {"again", {again_, againError_}}};
    QLineEdit* first = nullptr;
    for (const auto& [name, widgets] : fields) {
        const auto it = byField.find(name);
        widgets.second->setVisible(it != byField.end());
        if (it != byField.end()) {
            widgets.second->setText(it->second);
            if (!first)
                first = widgets.first;
        }
    }
    // Anything core names that has no field of its own (roles) goes under the account.
    for (const auto& [name, message] : byField)
        if (name != "user" && name != "display_name" && name != "secret" && name != "again") {
            accountError_->setText(message);
            accountError_->show();
            first = first ? first : account_;
        }
    if (first)
        first->setFocus();
}

void FirstRunDialog::accept() {
    const std::string account = account_->text().trimmed().toStdString();
    const std::string secret = secret_->text().toStdString();
    if (secret_->text() != again_->text()) {
        showErrors({{"again", tr("is not the same as the PIN or password above")}});
        again_->selectAll();
        return;
    }
    try {
        core::UserService users(workspace_);
        users.add(std::nullopt, account, displayName_->text().trimmed().toStdString(), {core::role::kAdministrator},
                  secret);
        session_ = users.signIn(account, secret, core::role::kAdministrator);
    } catch (const core::ValidationError& e) {
        std::map<std::string, QString> byField;
        for (const auto& error : e.errors())
            byField[error.field] = QString::fromStdString(error.problem);
        showErrors(byField);
        return;
    } catch (const std::exception& e) {
        showErrors({{"user", QString::fromUtf8(e.what())}});
        return;
    }
    QDialog::accept();
}

} // namespace frontdoor::ui
