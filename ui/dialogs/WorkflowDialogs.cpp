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

TextStepDialog::TextStepDialog(core::Workspace& workspace, core::Session session, QString contactId,
                               const Step& step, QWidget* parent)
    : QDialog(parent), workspace_(workspace), session_(std::move(session)), contactId_(std::move(contactId)) {
    setObjectName(step.dialogName);
    setWindowTitle(step.title);
    auto* banner = newBannerLabel(step.bannerName);
    feedback_ = std::make_unique<FormFeedback>(banner);
    auto* about = new QLabel(step.about);
    about->setObjectName(step.aboutName);
    about->setWordWrap(true);
    QWidget* field = nullptr;
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* confirmButton = buttons->addButton(step.confirmText, QDialogButtonBox::AcceptRole);
    confirmButton->setObjectName(step.confirmName);
    // Enter (Ctrl+Enter in a paragraph) confirms from the field; a Cancel that once had the focus must not
    // take Enter over.
    confirmButton->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    if (step.paragraphLines > 0) {
        paragraph_ = new QPlainTextEdit;
        paragraph_->setTabChangesFocus(true);
        paragraph_->setFixedHeight(paragraph_->fontMetrics().lineSpacing() * step.paragraphLines + 14);
        paragraph_->setPlaceholderText(step.placeholder);
        field = paragraph_;
        for (const auto& key : shortcutKeys("saveNote"))
            connect(new QShortcut(key, this), &QShortcut::activated, this, [this] { confirm(); });
    } else {
        line_ = new QLineEdit;
        line_->setPlaceholderText(step.placeholder);
        field = line_;
        connect(line_, &QLineEdit::returnPressed, this, [this] { confirm(); });
    }
    field->setObjectName(step.fieldName);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { confirm(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(banner);
    layout->addWidget(new FieldCell(step.fieldLabel, field));
    layout->addWidget(buttons);
    field->setFocus();
    resize(step.width, sizeHint().height());
}

TextStepDialog::~TextStepDialog() = default;

QString TextStepDialog::text() const {
    return (paragraph_ ? paragraph_->toPlainText() : line_->text()).trimmed();
}

bool TextStepDialog::confirmWith(
    const char* timing, const QString& refusal,
    const std::function<void(core::ContactWorkflow&, const core::Actor&, const std::string&, const std::string&)>&
        action) {
    ScopedUiTiming timed(timing);
    feedback_->clear();
    try {
        core::ContactWorkflow workflow(workspace_);
        action(workflow, session_.actor(), ss(contactId_), ss(text()));
    } catch (const std::exception& e) {
        feedback_->showFailure(refusal, e);
        return false;
    }
    accept();
    return true;
}

namespace {

QString childrenOrNone(const QString& children) {
    return children.isEmpty() ? QObject::tr("(no child named)") : children;
}

} // namespace

CloseContactDialog::CloseContactDialog(core::Workspace& workspace, core::Session session, QString contactId,
                                       const QStringList& outstanding, QWidget* parent)
    : TextStepDialog(workspace, std::move(session), std::move(contactId),
                     {QStringLiteral("closeContactDialog"), tr("Close the contact"), QStringLiteral("closeContactBanner"),
                      outstanding.isEmpty()
                          ? tr("Nothing is outstanding: closing ends the front door's work on this contact.")
                          : tr("Still outstanding: %1. Closing will be refused until it is done.")
                                .arg(outstanding.join(QStringLiteral("; "))),
                      QStringLiteral("closeOutstanding"), tr("&Note"), QStringLiteral("closeNote"),
                      tr("A closing note (optional)"), tr("Close the contact"), QStringLiteral("closeContactConfirm")},
                     parent) {}

bool CloseContactDialog::closeContact() {
    return confirmWith("contact closed", tr("Not closed"), [](auto& workflow, const auto& actor, const auto& id,
                                                                const auto& note) { workflow.close(actor, id, note); });
}

HandBackDialog::HandBackDialog(core::Workspace& workspace, core::Session session, QString contactId,
                               const QString& children, QWidget* parent)
    : TextStepDialog(workspace, std::move(session), std::move(contactId),
                     {QStringLiteral("handBackDialog"), tr("Hand back to the queue"), QStringLiteral("handBackBanner"),
                      tr("Hand the contact about %1 back to Awaiting screening, for someone to pick up. "
                         "What was recorded while screening it stays.")
                          .arg(childrenOrNone(children)),
                      QStringLiteral("handBackAbout"), tr("&Reason"), QStringLiteral("handBackReason"),
                      tr("Why, e.g. \"started the wrong child by mistake\""), tr("Hand back"),
                      QStringLiteral("handBackConfirm")},
                     parent) {}

bool HandBackDialog::handBack() {
    return confirmWith("screening handed back", tr("Not handed back"),
                       [](auto& workflow, const auto& actor, const auto& id, const auto& reason) {
                           workflow.handBack(actor, id, reason);
                       });
}

AddNoteDialog::AddNoteDialog(core::Workspace& workspace, core::Session session, QString contactId,
                             const QString& children, QWidget* parent)
    : TextStepDialog(workspace, std::move(session), std::move(contactId),
                     {QStringLiteral("addNoteDialog"), tr("Add a note"), QStringLiteral("addNoteBanner"),
                      tr("A note on the contact about %1: what has come to light since. It is kept with your "
                         "name, role and the time, in the timeline and with the handover.")
                          .arg(childrenOrNone(children)),
                      QStringLiteral("addNoteAbout"), tr("&Note"), QStringLiteral("noteText"),
                      tr("e.g. \"Mother came home at 05:00; the children are with her\""),
                      tr("Add the note (%1)").arg(shortcutText("saveNote")), QStringLiteral("addNoteConfirm"),
                      5, 520},
                     parent) {}

bool AddNoteDialog::addNote() {
    return confirmWith("note added", tr("Note not added"), [](auto& workflow, const auto& actor, const auto& id,
                                                              const auto& text) { workflow.addNote(actor, id, text); });
}

} // namespace frontdoor::ui
