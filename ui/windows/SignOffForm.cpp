#include "windows/SignOffForm.h"

#include "contacts/ContactService.h"
#include "contacts/Outcomes.h"
#include "people/PersonSearch.h"
#include "rules/ScreeningDecisionService.h"
#include "support/BackgroundReader.h"
#include "support/FocusKeeper.h"
#include "support/FormDraftKeeper.h"
#include "support/FormFeedback.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "support/Urgency.h"
#include "support/WorkflowText.h"
#include "widgets/ContactView.h"
#include "widgets/DateLineEdit.h"
#include "widgets/FieldCell.h"
#include "widgets/FormParts.h"
#include "workflow/ContactWorkflow.h"

#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShortcut>
#include <QStyle>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

QString esc(const QString& text) { return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")); }

} // namespace

struct SignOffForm::Loaded {
    nlohmann::json contact;
    nlohmann::json state;
    nlohmann::json decision = nlohmann::json::object();
    std::vector<nlohmann::json> histories;
    std::optional<nlohmann::json> draft;
};

SignOffForm::SignOffForm(core::Workspace& workspace, BackgroundReader& reader, core::Session session, QString contactId,
                         QWidget* parent)
    : QWidget(parent), workspace_(workspace), reader_(reader), session_(std::move(session)),
      contactId_(std::move(contactId)) {
    setObjectName(QStringLiteral("signOffForm"));
    setAccessibleName(tr("Sign-off"));
    banner_ = newBannerLabel(QStringLiteral("signOffBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner_);
    draftStatus_ = newDraftStatusLine();
    draftStatus_->setWordWrap(true);
    drafts_ = new FormDraftKeeper(workspace_, session_.actor(), contactId_, "signoff", [this] { return draftFields(); },
                                  draftStatus_, *feedback_, this);
    header_ = newPageHeader(QStringLiteral("signOffHeader"), tr("Loading the recommendation…"));

    detail_ = new QTextBrowser;
    detail_->setObjectName(QStringLiteral("signOffDetail"));
    detail_->setAccessibleName(tr("The recommendation, its reasons, the checks, the analysis and the history"));

    // The decision.
    // The boxes grow into the room the panel has (a tall screen gives them more), never below their lines.
    what_ = newGrowingTextBox(QStringLiteral("caseDirectionWhat"), 3, tr("What happens next, as the worker will act on it"));
    byWhom_ = new QLineEdit;
    byWhom_->setObjectName(QStringLiteral("caseDirectionByWhom"));
    setHint(byWhom_, tr("A name or a team"));
    byWhen_ = new DateLineEdit(workspace_.clock());
    byWhen_->setObjectName(QStringLiteral("caseDirectionByWhen"));
    byWhen_->setShowAge(false);
    outcome_ = new QComboBox;
    outcome_->setObjectName(QStringLiteral("decisionOutcome"));
    showChoicesInFull(outcome_);
    rationale_ = newTextBox(QStringLiteral("decisionRationale"), 3, tr("Why you decide differently from the recommendation"));
    returnReason_ = newGrowingTextBox(QStringLiteral("returnReason"), 3, tr("What the screener should change or check"));
    signOffButton_ = new QPushButton;
    signOffButton_->setObjectName(QStringLiteral("signOffButton"));
    returnButton_ = new QPushButton;
    returnButton_->setObjectName(QStringLiteral("returnButton"));
    defaultAction_ = new QLabel;
    defaultAction_->setObjectName(QStringLiteral("signOffDefaultAction"));
    defaultAction_->setProperty("role", QStringLiteral("hint"));
    defaultAction_->setWordWrap(true);
    result_ = new QLabel;
    result_->setObjectName(QStringLiteral("signOffResult"));
    result_->setProperty("role", QStringLiteral("infoBanner"));
    result_->setWordWrap(true);
    result_->setTextFormat(Qt::PlainText);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    result_->setFocusPolicy(Qt::StrongFocus);
    result_->hide();
    connect(signOffButton_, &QPushButton::clicked, this, &SignOffForm::signOff);
    connect(returnButton_, &QPushButton::clicked, this, &SignOffForm::returnForEdits);
    connect(outcome_, &QComboBox::currentIndexChanged, this, &SignOffForm::updateRationale);
    // Typing, kept as a draft a second after it stops.
    for (QPlainTextEdit* edit : {what_, rationale_, returnReason_})
        connect(edit, &QPlainTextEdit::textChanged, drafts_, &FormDraftKeeper::changed);
    for (QLineEdit* edit : {static_cast<QLineEdit*>(byWhom_), static_cast<QLineEdit*>(byWhen_)})
        connect(edit, &QLineEdit::textEdited, drafts_, &FormDraftKeeper::changed);
    connect(outcome_, &QComboBox::activated, drafts_, &FormDraftKeeper::changed);

    const auto cell = [this](const QString& path, const QString& label, QWidget* input, QWidget* extra = nullptr) {
        auto* c = new FieldCell(label, input, extra);
        feedback_->addCell(path, c);
        return c;
    };
    auto* directionBox = new QGroupBox(tr("Case direction"));
    directionBox->setObjectName(QStringLiteral("caseDirectionSection"));
    auto* directionLayout = new QVBoxLayout(directionBox);
    // Mnemonics unique in the window: W, H and C are the Work, Help and Contact menus.
    directionLayout->addWidget(cell(QStringLiteral("case_direction.what"), tr("Wh&at"), what_), 1);
    auto* whoWhen = new QHBoxLayout;
    whoWhen->addWidget(cell(QStringLiteral("case_direction.by_whom"), tr("&By whom"), byWhom_), 3);
    auto* whenCell = cell(QStringLiteral("case_direction.by_when"), tr("By whe&n"), byWhen_);
    static_cast<QVBoxLayout*>(whenCell->layout())->insertWidget(2, byWhen_->readingLabel());
    whoWhen->addWidget(whenCell, 2);
    directionLayout->addLayout(whoWhen);
    auto* outcomeBox = new QGroupBox(tr("Outcome"));
    outcomeBox->setObjectName(QStringLiteral("decisionOutcomeSection"));
    auto* outcomeLayout = new QVBoxLayout(outcomeBox);
    outcomeLayout->addWidget(cell(QStringLiteral("outcome"), tr("&Outcome"), outcome_));
    rationaleCell_ = cell(QStringLiteral("rationale"), tr("Rationale"), rationale_);
    outcomeLayout->addWidget(rationaleCell_);
    auto* returnBox = new QGroupBox(tr("Or return it to the screener"));
    returnBox->setObjectName(QStringLiteral("returnSection"));
    auto* returnLayout = new QVBoxLayout(returnBox);
    returnLayout->addWidget(cell(QStringLiteral("reason"), tr("&Reason"), returnReason_), 1);
    returnLayout->addWidget(returnButton_, 0, Qt::AlignRight);

    decisionPanel_ = new QWidget;
    decisionPanel_->setObjectName(QStringLiteral("signOffDecision"));
    auto* decisionLayout = new QVBoxLayout(decisionPanel_);
    decisionLayout->setContentsMargins(0, 0, 0, 0);
    decisionLayout->addWidget(directionBox, 1);
    decisionLayout->addWidget(outcomeBox);
    decisionLayout->addWidget(signOffButton_, 0, Qt::AlignRight);
    decisionLayout->addWidget(returnBox, 1);
    decisionLayout->addWidget(defaultAction_);
    decisionLayout->addWidget(draftStatus_);
    notOffered_ = new QLabel;
    notOffered_->setObjectName(QStringLiteral("signOffNotOffered"));
    notOffered_->setWordWrap(true);
    notOffered_->setProperty("role", QStringLiteral("infoBanner"));
    notOffered_->hide();
    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 0, 4, 0);
    auto* heading = new QLabel(tr("Your decision"));
    heading->setProperty("role", QStringLiteral("heading"));
    // By when the decision is due, counting down, where the decision is made.
    deadline_ = new QLabel;
    deadline_->setObjectName(QStringLiteral("signOffDeadline"));
    deadline_->setTextFormat(Qt::RichText);
    deadline_->setWordWrap(true);
    deadline_->hide();
    auto* countdownTimer = new QTimer(this);
    countdownTimer->setInterval(30'000);
    connect(countdownTimer, &QTimer::timeout, this, &SignOffForm::updateDeadline);
    countdownTimer->start();
    sideLayout->addWidget(heading);
    sideLayout->addWidget(deadline_);
    sideLayout->addWidget(result_);
    sideLayout->addWidget(notOffered_);
    sideLayout->addWidget(decisionPanel_, 1);
    sideLayout->addStretch(0); // the room below, once the decision panel is gone
    auto* sideScroll = new QScrollArea;
    sideScroll->setWidget(side);
    sideScroll->setWidgetResizable(true);
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sideScroll->setMinimumWidth(340);

    splitter_ = new QSplitter(Qt::Horizontal);
    splitter_->setObjectName(QStringLiteral("signOffSplitter"));
    splitter_->addWidget(detail_);
    splitter_->addWidget(sideScroll);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(header_);
    layout->addWidget(banner_);
    layout->addWidget(splitter_, 1);

    setTabOrder(what_, byWhom_);
    setTabOrder(byWhom_, byWhen_);
    setTabOrder(byWhen_, outcome_);
    setTabOrder(outcome_, rationale_);
    setTabOrder(rationale_, signOffButton_);
    setTabOrder(signOffButton_, returnReason_);
    setTabOrder(returnReason_, returnButton_);
    setTabOrder(returnButton_, detail_);

    const auto bind = [this](const char* id, auto slot) {
        auto* shortcut = new QShortcut(this);
        shortcut->setKeys(shortcutKeys(id));
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    bind("decide", [this] { pressDefault(); });
    bind("returnForEdits", [this] {
        if (!offered_ || done_)
            return;
        if (returnReason_->toPlainText().trimmed().isEmpty()) {
            returnReason_->setFocus(Qt::ShortcutFocusReason); // say why first; Ctrl+Shift+R again returns it
            return;
        }
        returnForEdits();
    });

    // The button Ctrl+Enter presses follows the cursor, and the form says which it is.
    connect(qApp, &QApplication::focusChanged, this, [this] { updateDefaultButton(); });
    FocusKeeper::install(); // the field typed in stays in view
    updateDefaultButton();

    setEnabled(false);
    const std::string id = ss(contactId_);
    const core::Actor actor = session_.actor();
    reader_.run<Loaded>(
        this, QStringLiteral("sign-off form"),
        [id, actor](core::Workspace& ws) {
            Loaded data;
            data.contact = core::ContactService(ws).view(actor, id);
            data.contact.erase("timeline");
            data.state = core::ContactWorkflow(ws).state(id);
            const auto decisions = core::ScreeningDecisionService(ws).forContact(id);
            if (!decisions.empty())
                data.decision = decisions.back().toJson();
            core::PersonSearch people(ws);
            for (const auto& child : data.contact.value("children", nlohmann::json::array()))
                if (child.contains("id"))
                    data.histories.push_back(people.history(child.at("id").get<std::string>()));
            data.draft = FormDraftKeeper::read(ws, actor, id, "signoff");
            return data;
        },
        [this](Answer<Loaded> answer) {
            setEnabled(true);
            if (!answer.ok()) {
                header_->setText(tr("<b>This recommendation cannot be shown.</b> %1").arg(answer.error.toHtmlEscaped()));
                decisionPanel_->hide();
                return;
            }
            showLoaded(*answer.value);
        });
}

SignOffForm::~SignOffForm() {
    disconnect(qApp, nullptr, this, nullptr); // no focus changes while the children go
    // A form closed any other way than through its tab (the window torn down) still keeps its draft.
    drafts_->saveNow();
}

QString SignOffForm::title() const { return title_.isEmpty() ? tr("Sign-off") : title_; }

void SignOffForm::showLoaded(const Loaded& data) {
    ScopedUiTiming timing("sign-off form shown");
    const auto& state = data.state;
    state_ = state;
    updateDeadline();
    const auto& recommendation = state.value("recommendation", nlohmann::json::object());
    const auto& decision = data.decision;
    const auto& suggestion = decision.value("suggestion", nlohmann::json::object());
    const QStringList children = childrenOf(data.contact);
    childNames_ = childNamesOf(data.contact);
    title_ = tr("Sign-off: %1").arg(childNames_);
    emit titleChanged(title_);
    recommendedOutcome_ = jsonText(recommendation, "outcome");
    header_->setText(tr("<b style='font-size:large'>Sign-off</b> · %1 · received %2 · recommended by %3, %4")
                         .arg(children.join(QStringLiteral(", ")).toHtmlEscaped(),
                              shortDateTime(data.contact.value("received_at", std::string())).toHtmlEscaped(),
                              jsonText(recommendation, "by").toHtmlEscaped(),
                              shortDateTime(recommendation.value("at", std::string())).toHtmlEscaped()));

    // What was recommended, and how it stands against the rules' suggestion.
    QString html = QStringLiteral(
        "<style>td.k{color:#555;padding-right:12px;white-space:nowrap;vertical-align:top;} h3{margin:12px 0 3px 0;}"
        "table.grid{border-collapse:collapse;} table.grid td, table.grid th{border:1px solid #ccc;padding:3px 6px;"
        "vertical-align:top;} table.grid th{background:#f1f3f4;text-align:left;} td.diff{background:#fef7e0;"
        "font-weight:bold;} .m{color:#555;} .rationale{background:#fef7e0;border:1px solid #f9ab00;padding:6px;}</style>");
    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(tr("The recommendation"), esc(jsonText(recommendation, "recommendation")));
    const auto compare = [&](const QString& label, const QString& suggested, const QString& chosen) {
        const bool differs = suggested != chosen;
        return QStringLiteral("<tr><td class='k'>%1</td><td>%2</td><td%3>%4%5</td></tr>")
            .arg(label.toHtmlEscaped(), suggested.toHtmlEscaped(), differs ? QStringLiteral(" class='diff'") : QString(),
                 chosen.toHtmlEscaped(), differs ? tr(" (differs)") : QString());
    };
    html += QStringLiteral("<table class='grid' cellspacing='0'><tr><th></th><th>%1</th><th>%2</th></tr>")
                .arg(tr("The rules suggested"), tr("Recommended"));
    html += compare(tr("Level"), jsonText(suggestion, "level_label"), jsonText(recommendation, "level_label"));
    html += compare(tr("Outcome"), jsonText(suggestion, "outcome_label"),
                    qs(core::outcomeLabel(recommendation.value("outcome", std::string()))));
    html += compare(tr("RAG"), ragLabel(suggestion.value("rag", std::string())),
                    ragLabel(recommendation.value("rag", std::string())));
    html += QStringLiteral("</table>");
    const QString rationale = jsonText(decision, "rationale");
    if (!decision.value("departs_from_suggestion", nlohmann::json::array()).empty())
        html += QStringLiteral("<p class='rationale'><b>%1</b> %2</p>")
                    .arg(tr("The screener's rationale for departing from the suggestion:"), esc(rationale));
    else if (!rationale.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("The screener's rationale:"), esc(rationale));
    html += QStringLiteral("<h3>%1</h3><ol>").arg(tr("Why the rules suggested it (%1)").arg(jsonText(decision, "rules_version")));
    for (const auto& reason : suggestion.value("reasons", nlohmann::json::array()))
        html += QStringLiteral("<li>%1</li>").arg(esc(jsonText(reason, "text")));
    html += QStringLiteral("</ol>");
    QStringList ticked;
    for (const auto& id : decision.value("inputs", nlohmann::json::object()).value("indicators", nlohmann::json::array()))
        if (id.is_string())
            ticked << qs(id.get<std::string>());
    if (!ticked.isEmpty())
        html += QStringLiteral("<p class='m'>%1</p>").arg(tr("Indicators ticked: %1").arg(ticked.join(QStringLiteral(", "))).toHtmlEscaped());

    // What signing this off would make it: a referral within 12 months of an earlier referral is a
    // re-referral (the screening's own finding, as the rules were given it), said of this contact only.
    const std::string outcome = recommendation.value("outcome", std::string());
    const auto derived = decision.value("inputs", nlohmann::json::object()).value("derived", nlohmann::json::object());
    if (core::isReferralOutcome(outcome) && derived.contains("re_referral")) {
        const QString said = derived.value("re_referral", false)
                                 ? tr("Signed off as recommended (a referral), this contact is a re-referral: it comes "
                                      "within 12 months of an earlier referral.")
                                 : tr("Signed off as recommended (a referral), this contact is not a re-referral: no "
                                      "referral in the 12 months before it.");
        html += QStringLiteral("<p id='reReferralNote'><b>%1</b></p>").arg(said.toHtmlEscaped());
    }

    // The child's history and flags: the same lines as the person view.
    for (const auto& history : data.histories) {
        html += QStringLiteral("<h3>%1</h3>").arg(tr("%1's history").arg(jsonText(history, "display_name")).toHtmlEscaped());
        const auto& flags = history.value("flags", nlohmann::json::object());
        QStringList lines;
        for (const auto& line : flags.value("explanations", nlohmann::json::array()))
            lines << QStringLiteral("<span style='color:#a1260d'><b>⚑</b> %1</span>").arg(esc(qs(line.get<std::string>())));
        html += QStringLiteral("<p>%1</p>").arg(lines.isEmpty() ? tr("No re-referral or repeat-contact flags")
                                                                 : lines.join(QStringLiteral("<br>")));
        const auto& contacts = history.value("contacts", nlohmann::json::array());
        html += QStringLiteral("<table class='grid' cellspacing='0'><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
                    .arg(tr("Received"), tr("Source"), tr("Outcome"));
        int shown = 0;
        for (const auto& contact : contacts) {
            if (++shown > 10)
                break;
            const bool thisOne = jsonText(contact, "id") == contactId_;
            const std::string outcome = contact.value("outcome", std::string());
            html += QStringLiteral("<tr><td>%1%2</td><td>%3</td><td>%4%5</td></tr>")
                        .arg(shortDateTime(contact.value("received_at", std::string())).toHtmlEscaped(),
                             thisOne ? tr(" (this contact)") : QString(), jsonText(contact, "source").toHtmlEscaped(),
                             outcome.empty() ? humanise(contact.value("status", std::string())).toHtmlEscaped()
                                             : qs(core::outcomeLabel(outcome)).toHtmlEscaped(),
                             contact.value("is_re_referral", false) ? tr(" ⚑ re-referral") : QString());
        }
        html += QStringLiteral("</table>");
        if (contacts.size() > 10)
            html += QStringLiteral("<p class='m'>%1</p>").arg(tr("and %1 earlier.").arg(contacts.size() - 10));
    }
    const QString checks = partnerChecksHtml(state.value("partner_checks", nlohmann::json::array()));
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Partner checks")) +
            (checks.isEmpty() ? QStringLiteral("<p class='m'>%1</p>").arg(tr("None recorded.")) : checks);
    const QString analysis = analysisHtml(state.value("analysis", nlohmann::json()));
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Analysis")) +
            (analysis.isEmpty() ? QStringLiteral("<p class='m'>%1</p>").arg(tr("None recorded.")) : analysis);
    QString record = contactRecordHtml(data.contact);
    record.remove(QRegularExpression(QStringLiteral("<style>.*</style>")));
    html += QStringLiteral("<h3 style='color:#174ea6'>%1</h3>").arg(tr("The contact as recorded")) + record;
    detail_->setHtml(html);

    // The outcome: as recommended, or another with a reason.
    outcome_->clear();
    outcome_->addItem(tr("As recommended: %1").arg(qs(core::outcomeLabel(ss(recommendedOutcome_)))), recommendedOutcome_);
    for (const auto& outcome : core::contactOutcomes())
        if (qs(outcome.code) != recommendedOutcome_)
            outcome_->addItem(qs(outcome.label), qs(outcome.code));
    updateRationale();

    // Four eyes: the recommender (or anyone not a duty manager) is not offered sign-off.
    const ContactActions actions = actionsFor(state, session_);
    offered_ = actions.signOff;
    decisionPanel_->setVisible(offered_);
    if (!offered_) {
        QString why = actions.signOffWhyNot;
        if (why.isEmpty())
            why = tr("This contact is not waiting for sign-off (%1).").arg(statusLabel(state.value("status", std::string())));
        notOffered_->setText(why);
        notOffered_->show();
    } else {
        // What this duty manager typed before and did not submit: put back.
        drafts_->begin();
        if (data.draft && drafts_->matches(*data.draft)) {
            restoreDraft(FormDraftKeeper::typed(*data.draft));
            drafts_->restored(*data.draft);
        }
    }
    loaded_ = true;
    emit loaded();
}

void SignOffForm::updateDeadline() {
    QStringList parts;
    const std::string received = state_.value("received_at", std::string());
    const auto deadline = [&](const char* key, const QString& label) {
        if (state_.contains(key) && state_.at(key).is_object() && !state_.at(key).contains("met_at"))
            parts << QStringLiteral("<b>%1</b> %2")
                         .arg(label.toHtmlEscaped(),
                              deadlineHtml(state_.at(key), workspace_.clock(), workspace_.urgency(), received));
    };
    if (!done_) {
        deadline("decision_deadline", tr("Decision"));
        deadline("rag_deadline", tr("RAG response"));
    }
    deadline_->setText(parts.join(QStringLiteral("<br>")));
    deadline_->setVisible(!parts.isEmpty());
}

void SignOffForm::updateRationale() {
    const bool differs = outcome_->currentData().toString() != recommendedOutcome_;
    rationaleCell_->setLabelText(differs ? tr("Rationale (required: your decision differs from the recommendation)")
                                         : tr("Rationale (only when deciding differently)"));
}

nlohmann::json SignOffForm::draftFields() const {
    return {{"what", ss(what_->toPlainText())},
            {"by_whom", ss(byWhom_->text())},
            {"by_when", ss(byWhen_->valueForCore())},
            {"outcome", ss(outcome_->currentData().toString())},
            {"rationale", ss(rationale_->toPlainText())},
            {"return_reason", ss(returnReason_->toPlainText())}};
}

void SignOffForm::restoreDraft(const nlohmann::json& typed) {
    if (typed.contains("what"))
        what_->setPlainText(jsonText(typed, "what"));
    if (typed.contains("by_whom"))
        byWhom_->setText(jsonText(typed, "by_whom"));
    if (typed.contains("by_when"))
        byWhen_->setValueFromCore(jsonText(typed, "by_when"));
    if (typed.contains("outcome"))
        outcome_->setCurrentIndex(std::max(0, outcome_->findData(jsonText(typed, "outcome"))));
    if (typed.contains("rationale"))
        rationale_->setPlainText(jsonText(typed, "rationale"));
    if (typed.contains("return_reason"))
        returnReason_->setPlainText(jsonText(typed, "return_reason"));
}

bool SignOffForm::saveDraftNow() { return drafts_->saveNow(); }

bool SignOffForm::prepareToClose(bool askOnFailure) { return drafts_->prepareToClose(this, askOnFailure); }

void SignOffForm::focusFirstInput() {
    if (!loaded_) {
        connect(this, &SignOffForm::loaded, this, &SignOffForm::focusFirstInput, Qt::SingleShotConnection);
        return;
    }
    if (drafts_->restoreCursor())
        return; // back where the typing was when the draft was saved
    if (offered_)
        what_->setFocus(Qt::OtherFocusReason);
    else
        detail_->setFocus(Qt::OtherFocusReason);
}

bool SignOffForm::signOff() {
    ScopedUiTiming timing("sign-off submitted");
    if (!loaded_ || !offered_ || done_)
        return false;
    feedback_->clear();
    nlohmann::json direction{{"what", ss(what_->toPlainText().trimmed())}, {"by_whom", ss(byWhom_->text().trimmed())}};
    const QString byWhen = byWhen_->valueForCore();
    if (!byWhen.isEmpty())
        direction["by_when"] = ss(byWhen);
    nlohmann::json input{{"case_direction", direction}};
    const QString outcome = outcome_->currentData().toString();
    if (outcome != recommendedOutcome_)
        input["outcome"] = ss(outcome);
    const QString rationale = rationale_->toPlainText().trimmed();
    if (!rationale.isEmpty())
        input["rationale"] = ss(rationale);
    try {
        core::ContactWorkflow(workspace_).signOff(session_.actor(), ss(contactId_), input);
    } catch (const core::ValidationError& e) {
        feedback_->showErrors(e.errors(), tr("Not signed off yet"));
        drafts_->saveNow(); // what was typed is safe while the problems are put right
        return false;
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("Not signed off"), e);
        drafts_->saveNow();
        return false;
    }
    drafts_->discard();
    QString words = tr("Signed off by you: %1.").arg(qs(core::outcomeLabel(ss(outcome))));
    if (outcome != recommendedOutcome_)
        words += QLatin1Char(' ') + tr("(Not the recommendation: %1.)").arg(qs(core::outcomeLabel(ss(recommendedOutcome_))));
    words += QLatin1Char(' ') +
             tr("Case direction: %1, by %2%3.")
                 .arg(what_->toPlainText().trimmed(), byWhom_->text().trimmed(),
                      byWhen.isEmpty() ? QString() : tr(", by %1").arg(ukDate(ss(byWhen))));
    showDone(tr("Signed off: %1").arg(childNames_), words);
    emit decided(contactId_, outcome);
    return true;
}

QPushButton* SignOffForm::defaultButton() const {
    const QWidget* focus = QApplication::focusWidget();
    if (focus && (focus == returnButton_ || focus == returnReason_ || returnReason_->isAncestorOf(focus)))
        return returnButton_;
    return signOffButton_;
}

void SignOffForm::pressDefault() {
    if (!offered_ || done_)
        return;
    if (defaultButton() == returnButton_)
        returnForEdits();
    else
        signOff();
}

void SignOffForm::updateDefaultButton() {
    QPushButton* pressed = defaultButton();
    if (pressed == shownDefault_)
        return;
    shownDefault_ = pressed;
    const QString enter = shortcutText("decide");
    const bool returning = pressed == returnButton_;
    signOffButton_->setText(returning ? tr("&Sign off") : tr("&Sign off (%1)").arg(enter));
    returnButton_->setText(returning ? tr("Return for &edits (%1)").arg(enter)
                                     : tr("Return for &edits (%1)").arg(shortcutText("returnForEdits")));
    defaultAction_->setText(returning ? tr("%1 returns it to the screener with your reason (you are in the reason).").arg(enter)
                                      : tr("%1 signs off. In the return reason it returns it to the screener instead.").arg(enter));
    // The button Ctrl+Enter presses looks like the one that will be pressed.
    for (QPushButton* button : {signOffButton_, returnButton_}) {
        button->setProperty("role", button == pressed ? QStringLiteral("primary") : QString());
        button->style()->unpolish(button);
        button->style()->polish(button);
    }
}

void SignOffForm::showDone(const QString& title, const QString& words) {
    done_ = true;
    title_ = title;
    emit titleChanged(title_);
    decisionPanel_->hide();
    notOffered_->hide();
    updateDeadline(); // met now
    feedback_->clear();
    result_->setText(words + QLatin1Char(' ') + tr("%1 closes this tab.").arg(shortcutText("closeTab")));
    result_->show();
    result_->setFocus(Qt::OtherFocusReason);
}

bool SignOffForm::returnForEdits() {
    ScopedUiTiming timing("recommendation returned");
    if (!loaded_ || !offered_ || done_)
        return false;
    feedback_->clear();
    try {
        core::ContactWorkflow(workspace_).returnForEdits(session_.actor(), ss(contactId_),
                                                         ss(returnReason_->toPlainText().trimmed()));
    } catch (const core::ValidationError& e) {
        feedback_->showErrors(e.errors(), tr("Not returned yet"));
        drafts_->saveNow();
        return false;
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("Not returned"), e);
        drafts_->saveNow();
        return false;
    }
    drafts_->discard();
    showDone(tr("Returned: %1").arg(childNames_),
             tr("Returned by you to the screener, with your reason: \u201c%1\u201d. It waits in their work until "
                "they put it right and recommend again.")
                 .arg(returnReason_->toPlainText().trimmed()));
    emit returned(contactId_);
    return true;
}

} // namespace frontdoor::ui
