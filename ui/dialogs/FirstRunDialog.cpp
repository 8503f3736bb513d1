#include "dialogs/FirstRunDialog.h"

#include "support/BackgroundReader.h"
#include "sync/SyncEngine.h"
#include "sync/Team.h"
#include "users/Roles.h"
#include "util/Errors.h"

#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>

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

// A field (or a row holding it) and, under it, its own refusal.
QWidget* withError(QLineEdit* field, QLabel* error, QWidget* row = nullptr) {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(row ? row : field);
    layout->addWidget(error);
    return box;
}

// What joining found, worked out on the joiner's thread.
struct JoinOutcome {
    QString field; ///< "share" or "passphrase" when it failed
    QString error;
    core::sync::JoinResult joined;
    core::sync::RoundReport round;
    bool usersHere = false;
};

JoinOutcome joinAndSync(core::Workspace& ws, const std::string& folder, const std::string& passphrase) {
    JoinOutcome outcome;
    try {
        core::sync::FolderTransport share(folder);
        outcome.joined = core::sync::joinTeam(ws, share, passphrase);
        outcome.round = core::sync::SyncEngine(ws, share).round();
        outcome.usersHere = core::UserService(ws).anyUsers();
    } catch (const core::ValidationError& e) {
        outcome.field = QStringLiteral("passphrase");
        outcome.error = QString::fromStdString(e.errors().empty() ? std::string(e.what()) : e.errors().front().problem);
    } catch (const core::sync::ShareRefused& e) {
        const QString message = QString::fromUtf8(e.what());
        outcome.field = message.contains(QLatin1String("passphrase")) ? QStringLiteral("passphrase")
                                                                      : QStringLiteral("share");
        outcome.error = message;
    } catch (const std::exception& e) {
        outcome.field = QStringLiteral("share");
        outcome.error = QString::fromUtf8(e.what());
    }
    return outcome;
}

} // namespace

FirstRunDialog::~FirstRunDialog() = default;

FirstRunDialog::FirstRunDialog(core::Workspace& workspace, const QString& accountName, QWidget* parent)
    : QDialog(parent), workspace_(workspace) {
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Set up Frontdoor on this desk"));
    const auto policy = core::UserService(workspace_).policy();

    auto* intro = new QLabel(
        tr("<b>This database has no users yet.</b><br>Create its first administrator: you will be signed in "
           "as them, and they add everyone else (Users, or <code>frontdoor-cli user add</code>). On a desk of a "
           "team that already uses Frontdoor, join its shared folder below instead.<br>"
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

    // A desk joining a team that already works: its users arrive with the team's facts.
    auto* joinBox = new QGroupBox(tr("Or join my team's shared folder"));
    joinBox->setObjectName(QStringLiteral("firstRunJoinBox"));
    auto* joinIntro = new QLabel(tr("On a desk of a team that already uses Frontdoor: the shared folder your IT team "
                                    "set up, and the team passphrase. The team's users can sign in here once its "
                                    "work has arrived."));
    joinIntro->setWordWrap(true);
    share_ = new QLineEdit;
    share_->setObjectName(QStringLiteral("firstRunShare"));
    share_->setPlaceholderText(tr("e.g. /mnt/icart/frontdoor"));
    auto* browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("firstRunShareBrowse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("The team's shared folder"), share_->text());
        if (!folder.isEmpty())
            share_->setText(folder);
    });
    auto* shareRow = new QWidget;
    auto* shareLayout = new QHBoxLayout(shareRow);
    shareLayout->setContentsMargins(0, 0, 0, 0);
    shareLayout->addWidget(share_, 1);
    shareLayout->addWidget(browse);
    passphrase_ = new QLineEdit;
    passphrase_->setObjectName(QStringLiteral("firstRunPassphrase"));
    passphrase_->setEchoMode(QLineEdit::Password);
    passphrase_->setPlaceholderText(tr("the team passphrase (at least %1 characters)").arg(core::sync::kMinPassphraseLength));
    shareError_ = errorLabel(QStringLiteral("firstRunShareError"));
    passphraseError_ = errorLabel(QStringLiteral("firstRunPassphraseError"));
    joinStatus_ = new QLabel;
    joinStatus_->setObjectName(QStringLiteral("firstRunJoinStatus"));
    joinStatus_->setWordWrap(true);
    joinStatus_->hide();
    join_ = new QPushButton(tr("&Join my team's shared folder"));
    join_->setObjectName(QStringLiteral("firstRunJoin"));
    join_->setAutoDefault(false);
    connect(join_, &QPushButton::clicked, this, &FirstRunDialog::join);
    auto* joinForm = new QFormLayout;
    joinForm->addRow(tr("Shared &folder:"), withError(static_cast<QLineEdit*>(nullptr), shareError_, shareRow));
    joinForm->addRow(tr("Team passp&hrase:"), withError(passphrase_, passphraseError_));
    auto* joinLayout = new QVBoxLayout(joinBox);
    joinLayout->addWidget(joinIntro);
    joinLayout->addLayout(joinForm);
    joinLayout->addWidget(joinStatus_);
    joinLayout->addWidget(join_, 0, Qt::AlignRight);
    for (auto [field, error] : {std::pair{share_, shareError_}, std::pair{passphrase_, passphraseError_}})
        connect(field, &QLineEdit::textEdited, error, &QLabel::hide);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    layout->addWidget(joinBox);
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

void FirstRunDialog::showJoinError(QLineEdit* field, QLabel* label, const QString& message) {
    label->setText(message);
    label->show();
    field->setFocus();
    field->selectAll();
}

void FirstRunDialog::join() {
    const QString folder = share_->text().trimmed();
    if (folder.isEmpty()) {
        showJoinError(share_, shareError_, tr("give the team's shared folder, e.g. /mnt/icart/frontdoor"));
        return;
    }
    shareError_->hide();
    passphraseError_->hide();
    join_->setEnabled(false);
    create_->setEnabled(false);
    joinStatus_->setText(tr("Joining the team and fetching its work… (a team with years of history takes a few "
                            "minutes)"));
    joinStatus_->show();
    if (!joiner_)
        joiner_ = std::make_unique<BackgroundReader>(workspace_.db().path(), workspace_.clock(),
                                                     QStringLiteral("join"));
    const std::string path = folder.toStdString();
    const std::string passphrase = passphrase_->text().toStdString();
    joiner_->run<JoinOutcome>(
        this, QStringLiteral("join"),
        [path, passphrase](core::Workspace& ws) { return joinAndSync(ws, path, passphrase); },
        [this](Answer<JoinOutcome> answer) {
            join_->setEnabled(true);
            create_->setEnabled(true);
            if (!answer.ok()) {
                joinStatus_->hide();
                showJoinError(share_, shareError_, answer.error);
                return;
            }
            const JoinOutcome& outcome = *answer.value;
            if (!outcome.error.isEmpty()) {
                joinStatus_->hide();
                if (outcome.field == QLatin1String("passphrase"))
                    showJoinError(passphrase_, passphraseError_, outcome.error);
                else
                    showJoinError(share_, shareError_, outcome.error);
                return;
            }
            if (outcome.usersHere) {
                joined_ = true;
                QDialog::accept(); // the app shows the sign-in: the team's users sign in here now
                return;
            }
            // Joined, but no user has arrived: the share is new (this desk made the team) or was not
            // reachable for the round. This desk's first administrator is made here, and travels.
            const QString round = outcome.round.reached()
                                      ? tr("The team has no users on the shared folder yet: create its first "
                                           "administrator above; the other desks get them when they join.")
                                      : tr("Its work could not be fetched yet (%1): Frontdoor fetches it by itself "
                                           "once the folder is back, or create an administrator above.")
                                            .arg(QString::fromStdString(outcome.round.reason));
            joinStatus_->setText((outcome.joined.createdTeam ? tr("This desk made the team (team %1). ")
                                                             : tr("Joined team %1. "))
                                     .arg(QString::fromStdString(outcome.joined.teamId)) +
                                 round);
            join_->setEnabled(false);
            displayName_->setFocus();
        });
}

} // namespace frontdoor::ui
