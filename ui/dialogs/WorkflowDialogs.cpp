#include "dialogs/WorkflowDialogs.h"

#include "support/FormFeedback.h"
#include "support/Shortcuts.h"
#include "support/TabLeaves.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "widgets/FieldCell.h"
#include "workflow/ContactWorkflow.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace frontdoor::ui {

ReferrerFeedbackDialog::ReferrerFeedbackDialog(core::Workspace& workspace, core::Session session, QString contactId,
                                               const QString& referrer, const QString& outcome, QWidget* parent)
    : QDialog(parent), workspace_(workspace), session_(std::move(session)), contactId_(std::move(contactId)) {
    setObjectName(QStringLiteral("referrerFeedbackDialog"));
    setWindowTitle(tr("Tell the referrer"));
    auto* banner = newBannerLabel(QStringLiteral("referrerFeedbackBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner);
    auto* heading = new QLabel(tr("<b>%1</b> was told the outcome: %2.")
                                   .arg(referrer.isEmpty() ? tr("The referrer") : referrer.toHtmlEscaped(),
                                        outcome.toHtmlEscaped()));
    heading->setWordWrap(true);
    how_ = new QComboBox;
    how_->setObjectName(QStringLiteral("toldHow"));
    how_->addItem(QString(), QString());
    for (const auto& [code, label] : std::vector<std::pair<const char*, QString>>{
             {"phone", tr("Phone")},         {"email", tr("Email")},       {"secure_email", tr("Secure email")},
             {"letter", tr("Letter")},       {"in_person", tr("In person")}, {"portal", tr("Portal")}})
        how_->addItem(label, QString::fromLatin1(code));
    when_ = new QDateTimeEdit(toLocal(workspace_.clock().now()));
    when_->setObjectName(QStringLiteral("toldAt"));
    when_->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    tabLeaves(when_);
    by_ = new QLineEdit(qs(session_.user.id));
    by_->setObjectName(QStringLiteral("toldBy"));
    note_ = new QPlainTextEdit;
    note_->setObjectName(QStringLiteral("toldNote"));
    note_->setTabChangesFocus(true);
    note_->setFixedHeight(note_->fontMetrics().lineSpacing() * 3 + 14);
    note_->setPlaceholderText(tr("What you told them (optional)"));
    const auto cell = [this](const QString& path, const QString& label, QWidget* input) {
        auto* c = new FieldCell(label, input);
        feedback_->addCell(path, c);
        return c;
    };
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* recordButton = buttons->addButton(tr("Record"), QDialogButtonBox::AcceptRole);
    recordButton->setObjectName(QStringLiteral("recordFeedbackButton"));
    recordButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReferrerFeedbackDialog::record);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(banner);
    layout->addWidget(cell(QStringLiteral("how"), tr("&How"), how_));
    layout->addWidget(cell(QStringLiteral("told_at"), tr("&When"), when_));
    layout->addWidget(cell(QStringLiteral("told_by"), tr("&By whom"), by_));
    layout->addWidget(cell(QStringLiteral("note"), tr("&Note"), note_));
    layout->addWidget(buttons);
    how_->setFocus();
    resize(460, sizeHint().height());
}

ReferrerFeedbackDialog::~ReferrerFeedbackDialog() = default;

bool ReferrerFeedbackDialog::record() {
    ScopedUiTiming timing("referrer feedback recorded");
    feedback_->clear();
    nlohmann::json input{{"told_at", core::formatInstant(fromQDateTime(when_->dateTime()))},
                         {"told_by", ss(by_->text().trimmed())},
                         {"note", ss(note_->toPlainText().trimmed())}};
    if (!how_->currentData().toString().isEmpty())
        input["how"] = ss(how_->currentData().toString());
    try {
        core::ContactWorkflow(workspace_).informReferrer(session_.actor(), ss(contactId_), input);
    } catch (const core::ValidationError& e) {
        feedback_->showErrors(e.errors(), tr("Not recorded yet"));
        return false;
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("Not recorded"), e);
        return false;
    }
    accept();
    return true;
}

CloseContactDialog::CloseContactDialog(core::Workspace& workspace, core::Session session, QString contactId,
                                       const QStringList& outstanding, QWidget* parent)
    : QDialog(parent), workspace_(workspace), session_(std::move(session)), contactId_(std::move(contactId)) {
    setObjectName(QStringLiteral("closeContactDialog"));
    setWindowTitle(tr("Close the contact"));
    auto* banner = newBannerLabel(QStringLiteral("closeContactBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner);
    auto* about = new QLabel(outstanding.isEmpty()
                                 ? tr("Nothing is outstanding: closing ends the front door's work on this contact.")
                                 : tr("Still outstanding: %1. Closing will be refused until it is done.")
                                       .arg(outstanding.join(QStringLiteral("; "))));
    about->setObjectName(QStringLiteral("closeOutstanding"));
    about->setWordWrap(true);
    note_ = new QLineEdit;
    note_->setObjectName(QStringLiteral("closeNote"));
    note_->setPlaceholderText(tr("A closing note (optional)"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* closeButton = buttons->addButton(tr("Close the contact"), QDialogButtonBox::AcceptRole);
    closeButton->setObjectName(QStringLiteral("closeContactConfirm"));
    closeButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &CloseContactDialog::closeContact);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(banner);
    layout->addWidget(new FieldCell(tr("&Note"), note_));
    layout->addWidget(buttons);
    note_->setFocus();
    resize(460, sizeHint().height());
}

CloseContactDialog::~CloseContactDialog() = default;

bool CloseContactDialog::closeContact() {
    ScopedUiTiming timing("contact closed");
    feedback_->clear();
    try {
        core::ContactWorkflow(workspace_).close(session_.actor(), ss(contactId_), ss(note_->text().trimmed()));
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("Not closed"), e);
        return false;
    }
    accept();
    return true;
}

HandBackDialog::HandBackDialog(core::Workspace& workspace, core::Session session, QString contactId,
                               const QString& children, QWidget* parent)
    : QDialog(parent), workspace_(workspace), session_(std::move(session)), contactId_(std::move(contactId)) {
    setObjectName(QStringLiteral("handBackDialog"));
    setWindowTitle(tr("Hand back to the queue"));
    auto* banner = newBannerLabel(QStringLiteral("handBackBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner);
    auto* about = new QLabel(tr("Hand the contact about %1 back to Awaiting screening, for someone to pick up. "
                                "What was recorded while screening it stays.")
                                 .arg(children.isEmpty() ? tr("(no child named)") : children));
    about->setObjectName(QStringLiteral("handBackAbout"));
    about->setWordWrap(true);
    reason_ = new QLineEdit;
    reason_->setObjectName(QStringLiteral("handBackReason"));
    reason_->setPlaceholderText(tr("Why, e.g. \"started the wrong child by mistake\""));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* confirm = buttons->addButton(tr("Hand back"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("handBackConfirm"));
    confirm->setDefault(true);
    // Enter in the reason hands back; a Cancel that once had the focus must not take Enter over.
    confirm->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(reason_, &QLineEdit::returnPressed, this, &HandBackDialog::handBack);
    connect(buttons, &QDialogButtonBox::accepted, this, &HandBackDialog::handBack);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(banner);
    layout->addWidget(new FieldCell(tr("&Reason"), reason_));
    layout->addWidget(buttons);
    reason_->setFocus();
    resize(460, sizeHint().height());
}

HandBackDialog::~HandBackDialog() = default;

bool HandBackDialog::handBack() {
    ScopedUiTiming timing("screening handed back");
    feedback_->clear();
    try {
        core::ContactWorkflow(workspace_).handBack(session_.actor(), ss(contactId_), ss(reason_->text().trimmed()));
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("Not handed back"), e);
        return false;
    }
    accept();
    return true;
}

AddNoteDialog::AddNoteDialog(core::Workspace& workspace, core::Session session, QString contactId,
                             const QString& children, QWidget* parent)
    : QDialog(parent), workspace_(workspace), session_(std::move(session)), contactId_(std::move(contactId)) {
    setObjectName(QStringLiteral("addNoteDialog"));
    setWindowTitle(tr("Add a note"));
    auto* banner = newBannerLabel(QStringLiteral("addNoteBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner);
    auto* about = new QLabel(tr("A note on the contact about %1: what has come to light since. It is kept with your "
                                "name, role and the time, in the timeline and with the handover.")
                                 .arg(children.isEmpty() ? tr("(no child named)") : children));
    about->setObjectName(QStringLiteral("addNoteAbout"));
    about->setWordWrap(true);
    text_ = new QPlainTextEdit;
    text_->setObjectName(QStringLiteral("noteText"));
    text_->setTabChangesFocus(true);
    text_->setFixedHeight(text_->fontMetrics().lineSpacing() * 5 + 14);
    text_->setPlaceholderText(tr("e.g. \"Mother came home at 05:00; the children are with her\""));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* confirm = buttons->addButton(tr("Add the note (%1)").arg(shortcutText("saveNote")), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("addNoteConfirm"));
    confirm->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    for (const auto& key : shortcutKeys("saveNote"))
        connect(new QShortcut(key, this), &QShortcut::activated, this, &AddNoteDialog::addNote);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddNoteDialog::addNote);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(banner);
    layout->addWidget(new FieldCell(tr("&Note"), text_));
    layout->addWidget(buttons);
    text_->setFocus();
    resize(520, sizeHint().height());
}

AddNoteDialog::~AddNoteDialog() = default;

bool AddNoteDialog::addNote() {
    ScopedUiTiming timing("note added");
    feedback_->clear();
    try {
        core::ContactWorkflow(workspace_).addNote(session_.actor(), ss(contactId_), ss(text_->toPlainText().trimmed()));
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("Note not added"), e);
        return false;
    }
    accept();
    return true;
}

} // namespace frontdoor::ui
