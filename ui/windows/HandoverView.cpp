#include "windows/HandoverView.h"

#include "contacts/ContactService.h"
#include "support/BackgroundReader.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "support/Urgency.h"
#include "support/WorkflowText.h"
#include "widgets/ContactView.h"
#include "widgets/FormParts.h"
#include "workflow/ContactWorkflow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

QString esc(const QString& text) { return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")); }

struct Loaded {
    nlohmann::json contact;
    nlohmann::json state;
};

} // namespace

HandoverView::HandoverView(core::Workspace& workspace, BackgroundReader& reader, core::Session session,
                           QString contactId, QWidget* parent)
    : QWidget(parent), workspace_(workspace), reader_(reader), session_(std::move(session)),
      contactId_(std::move(contactId)) {
    setObjectName(QStringLiteral("handoverView"));
    setAccessibleName(tr("Out-of-hours handover"));
    banner_ = new QLabel;
    banner_->setObjectName(QStringLiteral("handoverBanner"));
    banner_->setWordWrap(true);
    banner_->hide();
    header_ = newPageHeader(QStringLiteral("handoverHeader"), tr("Loading the handover…"));
    body_ = new QTextBrowser;
    body_->setObjectName(QStringLiteral("handoverBody"));
    body_->setAccessibleName(tr("The handover: what was done, the note, the child's voice, the contact"));

    note_ = new QLineEdit;
    note_->setObjectName(QStringLiteral("acknowledgeNote"));
    note_->setPlaceholderText(tr("A note, e.g. who picks it up (optional)"));
    note_->setAccessibleName(tr("Acknowledgement note"));
    acknowledge_ = new QPushButton(tr("&Acknowledge handover (%1)").arg(shortcutText("acknowledgeHandover")));
    acknowledge_->setObjectName(QStringLiteral("acknowledgeButton"));
    acknowledge_->setProperty("role", QStringLiteral("primary"));
    connect(acknowledge_, &QPushButton::clicked, this, &HandoverView::acknowledge);
    connect(note_, &QLineEdit::returnPressed, this, &HandoverView::acknowledge);
    screen_ = new QPushButton(tr("Screen it now (%1)").arg(shortcutText("screen")));
    screen_->setObjectName(QStringLiteral("screenAfterHandoverButton"));
    screen_->hide();
    connect(screen_, &QPushButton::clicked, this, [this] { emit screenRequested(contactId_); });
    actions_ = new QWidget;
    auto* actionsLayout = new QHBoxLayout(actions_);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    auto* noteLabel = new QLabel(tr("&Note"));
    noteLabel->setBuddy(note_);
    actionsLayout->addWidget(noteLabel);
    actionsLayout->addWidget(note_, 1);
    actionsLayout->addWidget(acknowledge_);
    actions_->hide();
    notOffered_ = new QLabel;
    notOffered_->setObjectName(QStringLiteral("handoverNotOffered"));
    notOffered_->setProperty("role", QStringLiteral("hint"));
    notOffered_->setWordWrap(true);
    notOffered_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(header_);
    layout->addWidget(banner_);
    layout->addWidget(actions_);
    layout->addWidget(notOffered_);
    auto* screenRow = new QHBoxLayout;
    screenRow->addStretch(1);
    screenRow->addWidget(screen_);
    layout->addLayout(screenRow);
    layout->addWidget(body_, 1);
    load();
}

QString HandoverView::title() const { return title_.isEmpty() ? tr("Handover") : title_; }

bool HandoverView::isAcknowledged() const {
    return state_.is_object() && state_.value("handover", nlohmann::json::object()).contains("acknowledged_by");
}

void HandoverView::load() {
    const std::string id = ss(contactId_);
    const core::Actor actor = session_.actor();
    reader_.run<Loaded>(
        this, QStringLiteral("handover"),
        [id, actor](core::Workspace& ws) {
            Loaded data;
            data.contact = core::ContactService(ws).view(actor, id);
            data.contact.erase("timeline");
            data.state = core::ContactWorkflow(ws).state(id);
            return data;
        },
        [this](Answer<Loaded> answer) {
            if (!answer.ok()) {
                header_->setText(tr("<b>This handover cannot be shown.</b> %1").arg(answer.error.toHtmlEscaped()));
                return;
            }
            ScopedUiTiming timing("handover shown");
            const auto& contact = answer.value->contact;
            state_ = answer.value->state;
            const auto& handover = state_.value("handover", nlohmann::json::object());
            const QStringList children = childrenOf(contact);
            title_ = tr("Handover: %1").arg(childNamesOf(contact));
            emit titleChanged(title_);
            if (handover.empty()) {
                header_->setText(tr("<b>This contact has no out-of-hours handover.</b>"));
                loaded_ = true;
                emit loaded();
                return;
            }
            const std::string received = state_.value("received_at", std::string());
            header_->setText(tr("<b style='font-size:large'>Out-of-hours handover</b> · %1<br>Written by %2, %3 · "
                                "acknowledgement %4")
                                 .arg(children.join(QStringLiteral(", ")).toHtmlEscaped(),
                                      jsonText(handover, "written_by").toHtmlEscaped(),
                                      shortDateTime(handover.value("written_at", std::string())).toHtmlEscaped(),
                                      handover.contains("acknowledged_by")
                                          ? tr("by %1; %2")
                                                .arg(jsonText(handover, "acknowledged_by").toHtmlEscaped(),
                                                     deadlineHtml(handover.value("deadline", nlohmann::json::object()),
                                                                  workspace_.clock(), workspace_.urgency(), received))
                                          : deadlineHtml(handover.value("deadline", nlohmann::json::object()),
                                                         workspace_.clock(), workspace_.urgency(), received)));
            QString html = QStringLiteral("<style>h3{margin:12px 0 3px 0;} .note{background:#e8f0fe;padding:6px;}"
                                          ".voice{background:#e6f4ea;padding:6px;}</style>");
            html += QStringLiteral("<h3>%1</h3><p class='note'>%2</p>").arg(tr("What the EDT already did"), esc(jsonText(handover, "already_done")));
            html += QStringLiteral("<h3>%1</h3><p class='note'>%2</p>").arg(tr("Handover note"), esc(jsonText(handover, "handover_note")));
            if (handover.contains("acknowledged_by")) {
                const QString note = jsonText(handover, "acknowledgement_note");
                html += QStringLiteral("<h3>%1</h3><p class='note' id='acknowledgementNote'>%2</p>")
                            .arg(tr("Acknowledged by %1, %2")
                                     .arg(esc(jsonText(handover, "acknowledged_by")),
                                          esc(shortDateTime(handover.value("acknowledged_at", std::string())))),
                                 note.isEmpty() ? tr("<i>no note</i>") : esc(note));
            }
            // What came to light after the handover was written (the mother home at 05:00): the day team
            // reads it here, with the handover, not only in the timeline.
            nlohmann::json later = nlohmann::json::array();
            for (const auto& note : state_.value("notes", nlohmann::json::array()))
                if (note.value("after_handover", false))
                    later.push_back(note);
            html += notesHtml(later);
            html += QStringLiteral("<h3>%1</h3>").arg(tr("The child's voice"));
            for (const auto& child : contact.value("children", nlohmann::json::array())) {
                const QString name = (jsonText(child, "given_name") + QLatin1Char(' ') + jsonText(child, "family_name")).trimmed();
                const QString voice = jsonText(child, "voice");
                html += QStringLiteral("<p class='voice'><b>%1:</b> %2</p>")
                            .arg(name.toHtmlEscaped(),
                                 voice.isEmpty() ? tr("<i>no voice recorded: %1</i>").arg(esc(jsonText(child, "voice_missing_reason")))
                                                 : esc(voice));
            }
            html += QStringLiteral("<p><i>%1</i></p>").arg(esc(jsonText(handover, "explanation")));
            QString record = contactRecordHtml(contact);
            record.remove(QRegularExpression(QStringLiteral("<style>.*</style>")));
            html += QStringLiteral("<h3 style='color:#174ea6'>%1</h3>").arg(tr("The contact as recorded")) + record;
            body_->setHtml(html);

            const ContactActions actions = actionsFor(state_, session_);
            actions_->setVisible(actions.acknowledgeHandover);
            notOffered_->setVisible(!actions.acknowledgeHandover);
            notOffered_->setText(handover.contains("acknowledged_by")
                                     ? tr("Acknowledged by %1. The contact is %2.")
                                           .arg(jsonText(handover, "acknowledged_by"),
                                                statusLabel(state_.value("status", std::string())).toLower())
                                     : actions.handoverWhyNot);
            screen_->setVisible(handover.contains("acknowledged_by") && actionsFor(state_, session_).startScreening);
            loaded_ = true;
            emit loaded();
        });
}

bool HandoverView::acknowledge() {
    ScopedUiTiming timing("handover acknowledged");
    if (!loaded_ || isAcknowledged())
        return false;
    try {
        core::ContactWorkflow(workspace_).acknowledgeHandover(session_.actor(), ss(contactId_), ss(note_->text().trimmed()));
    } catch (const std::exception& e) {
        banner_->setText(tr("Not acknowledged: %1").arg(QString::fromUtf8(e.what())));
        banner_->setProperty("role", QStringLiteral("errorBanner"));
        banner_->style()->unpolish(banner_);
        banner_->style()->polish(banner_);
        banner_->show();
        return false;
    }
    banner_->setText(tr("Handover acknowledged: it has left the handovers queue."));
    banner_->setProperty("role", QStringLiteral("infoBanner"));
    banner_->style()->unpolish(banner_);
    banner_->style()->polish(banner_);
    banner_->show();
    loaded_ = false;
    connect(this, &HandoverView::loaded, this, [this] {
        if (screen_->isVisible())
            screen_->setFocus(Qt::OtherFocusReason);
    }, Qt::SingleShotConnection);
    load();
    emit acknowledged(contactId_);
    return true;
}

void HandoverView::focusFirstInput() {
    if (!loaded_) {
        connect(this, &HandoverView::loaded, this, &HandoverView::focusFirstInput, Qt::SingleShotConnection);
        return;
    }
    if (actions_->isVisible())
        note_->setFocus(Qt::OtherFocusReason);
    else
        body_->setFocus(Qt::OtherFocusReason);
}

} // namespace frontdoor::ui
