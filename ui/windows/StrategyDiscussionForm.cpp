#include "windows/StrategyDiscussionForm.h"

#include "contacts/ContactService.h"
#include "support/BackgroundReader.h"
#include "support/FormDraftKeeper.h"
#include "support/FocusKeeper.h"
#include "support/FormFeedback.h"
#include "support/Shortcuts.h"
#include "support/TabLeaves.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "support/Urgency.h"
#include "support/WorkflowText.h"
#include "users/Roles.h"
#include "widgets/FieldCell.h"
#include "widgets/FormParts.h"
#include "widgets/RowTable.h"
#include "workflow/StrategyDiscussions.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStandardPaths>
#include <QTextDocument>
#include <QTime>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

QLineEdit* line(const QString& name, const QString& placeholder = {}) {
    auto* edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QDateTimeEdit* when(const QString& name) {
    auto* edit = new QDateTimeEdit;
    edit->setObjectName(name);
    edit->setDisplayFormat(QStringLiteral("ddd dd/MM/yyyy HH:mm"));
    edit->setCalendarPopup(true);
    tabLeaves(edit);
    return edit;
}

/// Core names the social care roles it requires by code ("social_worker", "manager"); people type
/// "Social worker". The code is sent when that is what was typed; any other role as typed.
QString roleForCore(const QString& typed) {
    QString code = typed.trimmed().toLower();
    code.replace(QLatin1Char(' '), QLatin1Char('_'));
    if (code == QLatin1String("social_worker") || code == QLatin1String("manager") || code == QLatin1String("officer"))
        return code;
    return typed.trimmed();
}

nlohmann::json rolesForCore(nlohmann::json rows) {
    for (auto& row : rows)
        if (row.contains("role"))
            row["role"] = ss(roleForCore(qs(row.at("role").get<std::string>())));
    return rows;
}

nlohmann::json rolesForPeople(nlohmann::json rows) {
    for (auto& row : rows)
        if (row.is_object() && row.contains("role") && row.at("role").is_string()) {
            const std::string role = row.at("role").get<std::string>();
            if (role == "social_worker" || role == "manager" || role == "officer")
                row["role"] = ss(humanise(role));
        }
    return rows;
}

/// The next half hour from now: when a discussion is usually first proposed for.
QDateTime nextHalfHour(const core::Clock& clock) {
    QDateTime at = toLocal(clock.now());
    at.setTime(QTime(at.time().hour(), at.time().minute() < 30 ? 30 : 0));
    if (at <= toLocal(clock.now()))
        at = at.addSecs(at.time().minute() == 0 ? 3600 : 1800);
    return at;
}

} // namespace

struct StrategyDiscussionForm::Loaded {
    nlohmann::json discussions;
    nlohmann::json contact;
    nlohmann::json suggested;
    std::optional<nlohmann::json> draft;
};

StrategyDiscussionForm::StrategyDiscussionForm(core::Workspace& workspace, BackgroundReader& reader,
                                               core::Session session, QString contactId, QWidget* parent)
    : QWidget(parent), workspace_(workspace), reader_(reader), session_(std::move(session)),
      contactId_(std::move(contactId)) {
    setObjectName(QStringLiteral("strategyDiscussionForm"));
    setAccessibleName(tr("Strategy discussion"));
    build();
    setEnabled(false);
    load();
}

StrategyDiscussionForm::~StrategyDiscussionForm() {
    // A form closed any other way than through its tab (the window torn down) still keeps its draft.
    drafts_->saveNow();
}

void StrategyDiscussionForm::build() {
    banner_ = newBannerLabel(QStringLiteral("strategyBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner_);
    draftStatus_ = newDraftStatusLine();
    drafts_ = new FormDraftKeeper(workspace_, session_.actor(), contactId_, "strategy", [this] { return draftFields(); },
                                  draftStatus_, *feedback_, this);
    header_ = newPageHeader(QStringLiteral("strategyHeader"), tr("Loading the strategy discussion…"));
    const core::Clock& clock = workspace_.clock();
    const auto cell = [this](const QString& path, const QString& label, QWidget* input) {
        auto* c = new FieldCell(label, input);
        feedback_->addCell(path, c);
        return c;
    };
    const auto tablePlace = [this](const QString& name, RowTable* table) {
        feedback_->addPlace(name + QLatin1Char('['), [table, name](const QString& path, const QString& problem) -> QWidget* {
            static const QRegularExpression indexed(QStringLiteral(R"(^\w+\[(\d+)\](?:\.(\w+))?)"));
            const auto match = indexed.match(path);
            // Core counts the rows it was sent; rows with nothing typed were not sent.
            return match.hasMatch() ? table->markError(table->rowOfJsonIndex(match.captured(1).toInt()), match.captured(2), problem)
                                    : nullptr;
        });
        feedback_->addPlace(name, [table](const QString&, const QString& problem) -> QWidget* {
            return table->markTableError(problem);
        });
    };

    // Mnemonics are unique in the window: C, V, W and H belong to the Contact, View, Work and Help menus.

    // 1. Schedule.
    scheduleBox_ = new QGroupBox(tr("1. Schedule"));
    scheduleBox_->setObjectName(QStringLiteral("scheduleSection"));
    scheduledFor_ = when(QStringLiteral("scheduledFor"));
    location_ = line(QStringLiteral("location"), tr("Room, or the call's link and dial-in"));
    invitees_ = new RowTable(clock, {{QStringLiteral("agency"), tr("Agency"), RowTable::Kind::Agency, 170},
                                     {QStringLiteral("name"), tr("Name"), RowTable::Kind::Text, 170},
                                     {QStringLiteral("role"), tr("Role"), RowTable::Kind::Text, 0}});
    invitees_->setObjectName(QStringLiteral("inviteesTable"));
    invitees_->setAccessibleName(tr("Invitees"));
    missing_ = new QLabel;
    missing_->setObjectName(QStringLiteral("missingAgencies"));
    missing_->setWordWrap(true);
    missing_->setProperty("role", QStringLiteral("errorBanner"));
    missing_->hide();
    acknowledge_ = new QCheckBox(tr("I acknowledge the missing agency and schedule without it (duty manager)"));
    acknowledge_->setObjectName(QStringLiteral("acknowledgeMissing"));
    acknowledge_->hide();
    scheduleButton_ = new QPushButton(tr("Schedule"));
    scheduleButton_->setObjectName(QStringLiteral("scheduleButton"));
    connect(scheduleButton_, &QPushButton::clicked, this, &StrategyDiscussionForm::schedule);
    auto* addInvitee = new QPushButton(tr("Add invitee (%1)").arg(shortcutText("addRow")));
    addInvitee->setObjectName(QStringLiteral("addInviteeButton"));
    connect(addInvitee, &QPushButton::clicked, invitees_, &RowTable::addRow);
    auto* scheduleGrid = new QGridLayout(scheduleBox_);
    FieldGrid schedulePlace(scheduleGrid, 6);
    schedulePlace.add(cell(QStringLiteral("scheduled_for"), tr("Wh&en"), scheduledFor_), 2);
    schedulePlace.add(cell(QStringLiteral("location"), tr("Where, or the call details"), location_), 4);
    auto* inviteesLabel = new QLabel(tr("&Invited (type a name; Tab moves across)"));
    inviteesLabel->setBuddy(invitees_);
    scheduleGrid->addWidget(inviteesLabel, 1, 0, 1, 6);
    auto* inviteesPlace = new QVBoxLayout;
    inviteesPlace->setSpacing(2);
    inviteesPlace->addWidget(invitees_);
    inviteesPlace->addWidget(invitees_->errorLine());
    scheduleGrid->addLayout(inviteesPlace, 2, 0, 1, 6);
    scheduleGrid->addWidget(missing_, 3, 0, 1, 6);
    scheduleGrid->addWidget(acknowledge_, 4, 0, 1, 6);
    auto* scheduleButtons = new QHBoxLayout;
    scheduleButtons->addWidget(addInvitee);
    scheduleButtons->addStretch(1);
    scheduleButtons->addWidget(scheduleButton_);
    scheduleGrid->addLayout(scheduleButtons, 5, 0, 1, 6);
    tablePlace(QStringLiteral("invitees"), invitees_);
    connect(invitees_, &RowTable::edited, this, [this] {
        updateMissing();
        markDirty();
    });

    // 2. Held.
    heldBox_ = new QGroupBox(tr("2. Held"));
    heldBox_->setObjectName(QStringLiteral("heldSection"));
    heldAt_ = when(QStringLiteral("heldAt"));
    attendees_ = new RowTable(clock, {{QStringLiteral("name"), tr("Name"), RowTable::Kind::Text, 170},
                                      {QStringLiteral("agency"), tr("Agency"), RowTable::Kind::Agency, 170},
                                      {QStringLiteral("role"), tr("Role"), RowTable::Kind::Text, 0}});
    attendees_->setObjectName(QStringLiteral("attendeesTable"));
    attendees_->setAccessibleName(tr("Attendees"));
    apologies_ = new RowTable(clock, {{QStringLiteral("name"), tr("Name"), RowTable::Kind::Text, 170},
                                      {QStringLiteral("agency"), tr("Agency"), RowTable::Kind::Agency, 0}});
    apologies_->setObjectName(QStringLiteral("apologiesTable"));
    apologies_->setAccessibleName(tr("Apologies"));
    information_ = new RowTable(clock, {{QStringLiteral("agency"), tr("Agency"), RowTable::Kind::Agency, 170},
                                        {QStringLiteral("information"), tr("What they shared"), RowTable::Kind::LongText, 0}});
    information_->setObjectName(QStringLiteral("informationTable"));
    information_->setAccessibleName(tr("What each agency shared"));
    heldButton_ = new QPushButton(tr("Record as held"));
    heldButton_->setObjectName(QStringLiteral("heldButton"));
    connect(heldButton_, &QPushButton::clicked, this, &StrategyDiscussionForm::recordHeld);
    auto* heldLayout = new QVBoxLayout(heldBox_);
    auto* heldAtRow = new QHBoxLayout;
    heldAtRow->addWidget(cell(QStringLiteral("held_at"), tr("Hel&d at"), heldAt_), 1);
    heldAtRow->addStretch(2);
    heldLayout->addLayout(heldAtRow);
    const auto labelled = [](const QString& text, QWidget* buddy) {
        auto* label = new QLabel(text);
        label->setBuddy(buddy);
        return label;
    };
    heldLayout->addWidget(labelled(tr("A&ttended"), attendees_));
    heldLayout->addWidget(attendees_);
    heldLayout->addWidget(attendees_->errorLine());
    heldLayout->addWidget(labelled(tr("A&pologies"), apologies_));
    heldLayout->addWidget(apologies_);
    heldLayout->addWidget(apologies_->errorLine());
    heldLayout->addWidget(labelled(tr("What each agency &shared"), information_));
    heldLayout->addWidget(information_);
    heldLayout->addWidget(information_->errorLine());
    heldLayout->addWidget(heldButton_, 0, Qt::AlignRight);
    tablePlace(QStringLiteral("attendees"), attendees_);
    tablePlace(QStringLiteral("apologies"), apologies_);
    tablePlace(QStringLiteral("agency_information"), information_);

    // 3. Outcome.
    outcomeBox_ = new QGroupBox(tr("3. Outcome"));
    outcomeBox_->setObjectName(QStringLiteral("outcomeSection"));
    atRisk_ = new RowTable(clock, {{QStringLiteral("name"), tr("Name"), RowTable::Kind::Text, 200},
                                   {QStringLiteral("relationship"), tr("Relationship"), RowTable::Kind::Text, 0},
                                   {QStringLiteral("in_family"), tr("In the family"), RowTable::Kind::Check, 110}});
    atRisk_->setObjectName(QStringLiteral("atRiskTable"));
    atRisk_->setAccessibleName(tr("Who is at risk"));
    safety_ = newTextBox(QStringLiteral("safetyActions"), 3, tr("What keeps the children safe now"));
    s47_ = new QComboBox;
    s47_->setObjectName(QStringLiteral("s47Decision"));
    s47_->addItem(tr("Choose…"), QString());
    for (const char* code : {"joint", "single_agency", "none"})
        s47_->addItem(s47Label(code), QString::fromLatin1(code));
    s47Reason_ = newTextBox(QStringLiteral("s47Reason"), 2, tr("Why there is no enquiry"));
    medicalRequired_ = new QCheckBox(tr("A medical examination is needed"));
    medicalRequired_->setObjectName(QStringLiteral("medicalRequired"));
    medicalArrangements_ = line(QStringLiteral("medicalArrangements"), tr("Who, where and when"));
    familyWhat_ = line(QStringLiteral("familyToldWhat"), tr("What the family is told"));
    familyWhen_ = line(QStringLiteral("familyToldWhen"), tr("When, and by whom"));
    actions_ = new RowTable(clock, {{QStringLiteral("action"), tr("Action"), RowTable::Kind::Text, 0},
                                    {QStringLiteral("owner"), tr("Owner"), RowTable::Kind::Text, 140},
                                    {QStringLiteral("agency"), tr("Agency"), RowTable::Kind::Agency, 150},
                                    {QStringLiteral("due"), tr("Due"), RowTable::Kind::Date, 100}});
    actions_->setObjectName(QStringLiteral("actionsTable"));
    actions_->setAccessibleName(tr("Agreed actions"));
    outcomeButton_ = new QPushButton(tr("Record the outcome"));
    outcomeButton_->setObjectName(QStringLiteral("outcomeButton"));
    connect(outcomeButton_, &QPushButton::clicked, this, &StrategyDiscussionForm::recordOutcome);
    auto* addAction = new QPushButton(tr("Add action (%1)").arg(shortcutText("addRow")));
    addAction->setObjectName(QStringLiteral("addActionButton"));
    connect(addAction, &QPushButton::clicked, actions_, &RowTable::addRow);
    auto* outcomeGrid = new QGridLayout(outcomeBox_);
    outcomeGrid->addWidget(labelled(tr("&At risk"), atRisk_), 0, 0, 1, 6);
    auto* atRiskPlace = new QVBoxLayout;
    atRiskPlace->setSpacing(2);
    atRiskPlace->addWidget(atRisk_);
    atRiskPlace->addWidget(atRisk_->errorLine());
    outcomeGrid->addLayout(atRiskPlace, 1, 0, 1, 6);
    outcomeGrid->addWidget(cell(QStringLiteral("immediate_safety_actions"), tr("Immediate safet&y actions"), safety_), 2, 0, 1, 6);
    outcomeGrid->addWidget(cell(QStringLiteral("s47_decision"), tr("Section &47"), s47_), 3, 0, 1, 3);
    s47ReasonCell_ = cell(QStringLiteral("s47_reason"), tr("Why no enquiry"), s47Reason_);
    outcomeGrid->addWidget(s47ReasonCell_, 3, 3, 1, 3);
    outcomeGrid->addWidget(cell(QStringLiteral("medical_examination.required"), QString(), medicalRequired_), 4, 0, 1, 2);
    outcomeGrid->addWidget(cell(QStringLiteral("medical_examination.arrangements"), tr("Arrangements"), medicalArrangements_), 4, 2, 1, 4);
    outcomeGrid->addWidget(cell(QStringLiteral("family_told.what"), tr("The family is told"), familyWhat_), 5, 0, 1, 4);
    outcomeGrid->addWidget(cell(QStringLiteral("family_told.when"), tr("When"), familyWhen_), 5, 4, 1, 2);
    outcomeGrid->addWidget(labelled(tr("Agreed acti&ons: each with an owner, agency and due date"), actions_), 6, 0, 1, 6);
    auto* actionsPlace = new QVBoxLayout;
    actionsPlace->setSpacing(2);
    actionsPlace->addWidget(actions_);
    actionsPlace->addWidget(actions_->errorLine());
    outcomeGrid->addLayout(actionsPlace, 7, 0, 1, 6);
    auto* outcomeButtons = new QHBoxLayout;
    outcomeButtons->addWidget(addAction);
    outcomeButtons->addStretch(1);
    outcomeButtons->addWidget(outcomeButton_);
    outcomeGrid->addLayout(outcomeButtons, 8, 0, 1, 6);
    for (int column = 0; column < 6; ++column)
        outcomeGrid->setColumnStretch(column, 1);
    tablePlace(QStringLiteral("at_risk"), atRisk_);
    tablePlace(QStringLiteral("actions"), actions_);
    connect(s47_, &QComboBox::currentIndexChanged, this, [this] {
        const bool none = s47_->currentData().toString() == QLatin1String("none");
        s47ReasonCell_->setLabelText(none ? tr("Why no enquiry (required)") : tr("Why no enquiry"));
        markDirty();
    });

    // 4. The agreed actions, once recorded.
    actionsBox_ = new QGroupBox(tr("Agreed actions"));
    actionsBox_->setObjectName(QStringLiteral("agreedActionsSection"));
    actionList_ = new RowTable(clock, {{QStringLiteral("action"), tr("Action"), RowTable::Kind::Text, 0},
                                       {QStringLiteral("owner"), tr("Owner"), RowTable::Kind::Text, 130},
                                       {QStringLiteral("agency"), tr("Agency"), RowTable::Kind::Agency, 140},
                                       {QStringLiteral("due"), tr("Due"), RowTable::Kind::Date, 95},
                                       {QStringLiteral("done"), tr("Done"), RowTable::Kind::Text, 130}});
    actionList_->setObjectName(QStringLiteral("agreedActionsList"));
    actionList_->setAccessibleName(tr("Agreed actions and whether they are done"));
    actionList_->setReadOnly(true);
    actionList_->setSelectionBehavior(QAbstractItemView::SelectRows);
    doneNote_ = line(QStringLiteral("actionDoneNote"), tr("A note, e.g. what was found (optional)"));
    doneButton_ = new QPushButton(tr("Mark done (%1)").arg(shortcutText("markActionDone")));
    doneButton_->setObjectName(QStringLiteral("markDoneButton"));
    connect(doneButton_, &QPushButton::clicked, this, &StrategyDiscussionForm::markActionDone);
    auto* actionsLayout = new QVBoxLayout(actionsBox_);
    actionsLayout->addWidget(actionList_);
    auto* doneRow = new QHBoxLayout;
    doneRow->addWidget(doneNote_, 1);
    doneRow->addWidget(doneButton_);
    actionsLayout->addLayout(doneRow);
    actionsBox_->hide();

    // Once held, what is recorded reads as it prints, above the step still to take.
    record_ = new QLabel;
    record_->setObjectName(QStringLiteral("strategyRecord"));
    record_->setAccessibleName(tr("The strategy discussion as recorded"));
    record_->setTextFormat(Qt::RichText);
    record_->setWordWrap(true);
    record_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    record_->setFocusPolicy(Qt::StrongFocus);
    record_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    record_->setFrameShape(QFrame::StyledPanel);
    record_->setAutoFillBackground(true);
    record_->setBackgroundRole(QPalette::Base);
    record_->setMargin(8);
    record_->hide();

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(4, 4, 8, 4);
    contentLayout->addWidget(record_);
    for (QWidget* part : {static_cast<QWidget*>(scheduleBox_), static_cast<QWidget*>(heldBox_),
                          static_cast<QWidget*>(outcomeBox_), static_cast<QWidget*>(actionsBox_)})
        contentLayout->addWidget(part);
    contentLayout->addStretch(1);
    scroll_ = new QScrollArea;
    scroll_->setObjectName(QStringLiteral("strategyScroll"));
    scroll_->setWidget(content);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    printButton_ = new QPushButton(tr("Print… (%1)").arg(shortcutText("print")));
    printButton_->setObjectName(QStringLiteral("printButton"));
    connect(printButton_, &QPushButton::clicked, this, &StrategyDiscussionForm::print);
    pdfButton_ = new QPushButton(tr("Save as PDF… (%1)").arg(shortcutText("savePdf")));
    pdfButton_->setObjectName(QStringLiteral("savePdfButton"));
    connect(pdfButton_, &QPushButton::clicked, this, &StrategyDiscussionForm::savePdfAs);
    hint_ = new QLabel;
    hint_->setObjectName(QStringLiteral("strategyFooter"));
    hint_->setProperty("role", QStringLiteral("hint"));
    hint_->setWordWrap(true);
    auto* notes = new QVBoxLayout;
    notes->setSpacing(0);
    notes->addWidget(hint_);
    notes->addWidget(draftStatus_);
    auto* bottom = new QHBoxLayout;
    bottom->addLayout(notes, 1);
    bottom->addWidget(printButton_);
    bottom->addWidget(pdfButton_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(header_);
    layout->addWidget(banner_);
    layout->addWidget(scroll_, 1);
    layout->addLayout(bottom);

    for (QLineEdit* edit : {location_, medicalArrangements_, familyWhat_, familyWhen_})
        connect(edit, &QLineEdit::textEdited, this, &StrategyDiscussionForm::markDirty);
    for (QPlainTextEdit* edit : {safety_, s47Reason_})
        connect(edit, &QPlainTextEdit::textChanged, this, &StrategyDiscussionForm::markDirty);
    for (RowTable* table : {attendees_, apologies_, information_, atRisk_, actions_})
        connect(table, &RowTable::edited, this, &StrategyDiscussionForm::markDirty);
    for (RowTable* table : {invitees_, attendees_, apologies_, information_, atRisk_, actions_})
        connect(table, &RowTable::typing, this, &StrategyDiscussionForm::markDirty);
    for (QDateTimeEdit* edit : {scheduledFor_, heldAt_})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &StrategyDiscussionForm::markDirty);
    for (QCheckBox* box : {acknowledge_, medicalRequired_})
        connect(box, &QCheckBox::toggled, this, &StrategyDiscussionForm::markDirty);
    connect(doneNote_, &QLineEdit::textEdited, this, &StrategyDiscussionForm::markDirty);

    // The order the steps read, each step's button after its fields.
    const QList<QWidget*> chain{scheduledFor_, location_, invitees_, addInvitee, acknowledge_, scheduleButton_,
                                heldAt_, attendees_, apologies_, information_, heldButton_, record_, atRisk_, safety_,
                                s47_, s47Reason_, medicalRequired_, medicalArrangements_, familyWhat_, familyWhen_,
                                actions_, addAction, outcomeButton_, actionList_, doneNote_, doneButton_, printButton_,
                                pdfButton_};
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        QWidget::setTabOrder(chain[i], chain[i + 1]);

    // Saving a step takes what is typed in the form: from the form. The record's own keys work
    // wherever the focus is while its tab is open (a shortcut of a hidden tab is not live), the tab
    // bar and the queues beside it too.
    const auto bind = [this](const char* id, Qt::ShortcutContext context, auto slot) {
        auto* shortcut = new QShortcut(this);
        shortcut->setKeys(shortcutKeys(id));
        shortcut->setContext(context);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    bind("strategyNext", Qt::WidgetWithChildrenShortcut, [this] { saveNextStep(); });
    bind("markActionDone", Qt::WindowShortcut, [this] { markActionDone(); });
    bind("print", Qt::WindowShortcut, [this] { print(); });
    bind("savePdf", Qt::WindowShortcut, [this] { savePdfAs(); });
    FocusKeeper::install(); // the field typed in stays in view
}

void StrategyDiscussionForm::load() {
    const std::string id = ss(contactId_);
    const core::Actor actor = session_.actor();
    reader_.run<Loaded>(
        this, QStringLiteral("strategy discussion"),
        [id, actor](core::Workspace& ws) {
            Loaded data;
            core::StrategyDiscussions discussions(ws);
            data.discussions = discussions.forContact(id);
            data.contact = core::ContactService(ws).show(id);
            data.contact.erase("timeline");
            data.suggested = discussions.suggestedInvitees(id);
            data.draft = FormDraftKeeper::read(ws, actor, id, "strategy");
            return data;
        },
        [this](Answer<Loaded> answer) {
            setEnabled(true);
            if (!answer.ok()) {
                header_->setText(tr("<b>This strategy discussion cannot be shown.</b> %1").arg(answer.error.toHtmlEscaped()));
                return;
            }
            showLoaded(*answer.value);
        });
}

QString StrategyDiscussionForm::title() const { return title_.isEmpty() ? tr("Strategy discussion") : title_; }

QString StrategyDiscussionForm::status() const { return jsonText(discussion_, "status"); }

void StrategyDiscussionForm::showLoaded(const Loaded& data) {
    ScopedUiTiming timing("strategy discussion shown");
    settingUp_ = true;
    contact_ = data.contact;
    suggested_ = data.suggested;
    discussion_ = data.discussions.is_array() && !data.discussions.empty() ? data.discussions.back() : nlohmann::json();
    const QStringList children = childrenOf(contact_);
    title_ = tr("Strategy discussion: %1").arg(childNamesOf(contact_));
    emit titleChanged(title_);
    if (discussion_.is_null()) {
        header_->setText(tr("<b>No strategy discussion is needed for this contact.</b> The sign-off decides that "
                            "(an outcome of strategy discussion or immediate protection)."));
        for (QWidget* box : {static_cast<QWidget*>(scheduleBox_), static_cast<QWidget*>(heldBox_),
                             static_cast<QWidget*>(outcomeBox_)})
            box->setEnabled(false);
        settingUp_ = false;
        loaded_ = true;
        emit loaded();
        return;
    }
    const std::string state = discussion_.value("status", std::string());
    QString due;
    if (state == "required" || state == "scheduled") {
        const auto dueAt = core::parseInstant(discussion_.value("due_at", std::string()));
        const auto from = core::parseInstant(discussion_.value("required_at", std::string()));
        if (dueAt && from) {
            const auto now = core::countdown(*from, *dueAt, workspace_.clock().now(), workspace_.urgency());
            due = tr(" · to be held by %1 %2").arg(shortDateTime(*dueAt).toHtmlEscaped(), chipHtml(qs(now.text()), now.urgency));
        }
    }
    header_->setText(tr("<b style='font-size:large'>Strategy discussion</b> · %1 · contact received %2 · <b>%3</b>%4")
                         .arg(children.join(QStringLiteral(", ")).toHtmlEscaped(),
                              shortDateTime(contact_.value("received_at", std::string())).toHtmlEscaped(),
                              statusLabel(state).toHtmlEscaped(), due));

    // Schedule: as scheduled, or the suggestion.
    if (const auto at = core::parseInstant(discussion_.value("scheduled_for", std::string())))
        scheduledFor_->setDateTime(toLocal(*at));
    else
        scheduledFor_->setDateTime(nextHalfHour(workspace_.clock()));
    location_->setText(jsonText(discussion_, "location"));
    const auto& invited = discussion_.value("invitees", nlohmann::json());
    nlohmann::json invitees = invited.is_array() && !invited.empty() ? invited : nlohmann::json::array();
    QStringList why;
    if (invitees.empty())
        for (const auto& suggestion : suggested_) {
            invitees.push_back({{"agency", suggestion.value("agency", "")}, {"name", suggestion.value("name", "")},
                                {"role", suggestion.value("role", "")}});
            if (suggestion.contains("why"))
                why << tr("%1 (%2)").arg(agencyLabel(suggestion.value("agency", std::string())), jsonText(suggestion, "why"));
        }
    invitees_->setJson(rolesForPeople(invitees));
    if (!why.isEmpty())
        invitees_->setToolTip(tr("Also suggested: %1").arg(why.join(QStringLiteral("; "))));

    // Held: as recorded, or the invitees as the likely attendees.
    const auto& meeting = discussion_.value("meeting", nlohmann::json());
    if (const auto at = core::parseInstant(discussion_.value("held_at", std::string())))
        heldAt_->setDateTime(toLocal(*at));
    else if (const auto scheduled = core::parseInstant(discussion_.value("scheduled_for", std::string()));
             scheduled && *scheduled <= workspace_.clock().now())
        heldAt_->setDateTime(toLocal(*scheduled));
    else
        heldAt_->setDateTime(toLocal(workspace_.clock().now()));
    if (meeting.is_object()) {
        attendees_->setJson(rolesForPeople(meeting.value("attendees", nlohmann::json::array())));
        apologies_->setJson(meeting.value("apologies", nlohmann::json::array()));
        information_->setJson(meeting.value("agency_information", nlohmann::json::array()));
    } else {
        nlohmann::json likely = nlohmann::json::array();
        for (const auto& invitee : invited.is_array() ? invited : nlohmann::json::array())
            likely.push_back(invitee);
        attendees_->setJson(rolesForPeople(likely));
        apologies_->setJson(nlohmann::json::array());
        nlohmann::json agencies = nlohmann::json::array();
        QStringList seen;
        for (const auto& invitee : likely) {
            const QString agency = jsonText(invitee, "agency");
            if (!agency.isEmpty() && !seen.contains(agency)) {
                seen << agency;
                agencies.push_back({{"agency", ss(agency)}});
            }
        }
        information_->setJson(agencies);
    }

    // Outcome: as recorded, or the children at risk to start from.
    const auto& outcome = discussion_.value("outcome", nlohmann::json());
    if (outcome.is_object() && !outcome.empty()) {
        atRisk_->setJson(outcome.value("at_risk", nlohmann::json::array()));
        safety_->setPlainText(jsonText(outcome, "immediate_safety_actions"));
        s47_->setCurrentIndex(std::max(0, s47_->findData(jsonText(outcome, "s47_decision"))));
        s47Reason_->setPlainText(jsonText(outcome, "s47_reason"));
        const auto& medical = outcome.value("medical_examination", nlohmann::json::object());
        medicalRequired_->setChecked(medical.value("required", false));
        medicalArrangements_->setText(jsonText(medical, "arrangements"));
        const auto& told = outcome.value("family_told", nlohmann::json::object());
        familyWhat_->setText(jsonText(told, "what"));
        familyWhen_->setText(jsonText(told, "when"));
        actions_->setJson(discussion_.value("actions", nlohmann::json::array()));
    } else if (atRisk_->rowCount() == 0) {
        nlohmann::json people = nlohmann::json::array();
        for (const auto& child : contact_.value("children", nlohmann::json::array())) {
            QString name = (jsonText(child, "given_name") + QLatin1Char(' ') + jsonText(child, "family_name")).trimmed();
            if (jsonText(child, "given_name").isEmpty())
                name = tr("Unborn %1").arg(jsonText(child, "family_name"));
            people.push_back({{"name", ss(name)}, {"relationship", ss(tr("child"))}, {"in_family", true}});
        }
        atRisk_->setJson(people);
        if (actions_->rowCount() == 0)
            actions_->setJson(nlohmann::json::array({nlohmann::json::object()}));
    }

    // Agreed actions, once recorded.
    auto list = nlohmann::json::array();
    for (const auto& action : discussion_.value("actions", nlohmann::json::array())) {
        auto row = action;
        row["done"] = action.contains("completed_at") ? ss(shortDateTime(action.value("completed_at", std::string())))
                                                      : std::string();
        list.push_back(row);
    }
    actionList_->setJson(list);

    updateSections();
    updateMissing();

    // What was typed at this step before and not recorded yet: put back. A draft typed at another
    // step (the discussion has moved on since) is not.
    drafts_->begin({{"status", discussion_.value("status", std::string())}});
    if (data.draft && drafts_->matches(*data.draft)) {
        restoreDraft(FormDraftKeeper::typed(*data.draft));
        drafts_->restored(*data.draft);
    }
    settingUp_ = false;
    loaded_ = true;
    emit loaded();
}

void StrategyDiscussionForm::updateSections() {
    const QString state = status();
    const bool open = state == QLatin1String("required") || state == QLatin1String("scheduled");
    const bool held = state == QLatin1String("held");
    const bool done = state == QLatin1String("outcome_recorded");
    // Steps still to take are typed in; steps taken read as recorded (and as they print).
    scheduleBox_->setVisible(open);
    heldBox_->setVisible(open);
    outcomeBox_->setEnabled(held);
    record_->setVisible(held || done);
    if (held || done)
        record_->setText(strategyDiscussionHtml(discussion_, contact_, false));
    scheduleBox_->setTitle(state == QLatin1String("required") ? tr("1. Schedule")
                                                              : tr("1. Schedule (scheduled%1)")
                                                                    .arg(open ? tr("; change and save to reschedule") : QString()));
    heldBox_->setTitle(open ? tr("2. Held") : tr("2. Held (recorded)"));
    outcomeBox_->setTitle(done ? tr("3. Outcome (recorded)") : tr("3. Outcome"));
    scheduleButton_->setText(state == QLatin1String("scheduled") ? tr("Reschedule") : tr("Schedule (%1)").arg(shortcutText("strategyNext")));
    heldButton_->setText(state == QLatin1String("scheduled") ? tr("Record as held (%1)").arg(shortcutText("strategyNext"))
                                                             : tr("Record as held"));
    outcomeButton_->setText(tr("Record the outcome (%1)").arg(shortcutText("strategyNext")));
    for (RowTable* table : {invitees_})
        table->setReadOnly(!open);
    for (RowTable* table : {attendees_, apologies_, information_})
        table->setReadOnly(!open);
    for (RowTable* table : {atRisk_, actions_})
        table->setReadOnly(!held);
    actionsBox_->setVisible(done);
    outcomeBox_->setVisible(held);
    // The footer says what is true at this step.
    hint_->setText(done ? tr("Everything in this discussion is recorded. %1 marks the selected action done; %2 prints "
                             "the record, %3 saves it as a PDF, to share with the partners.")
                              .arg(shortcutText("markActionDone"), shortcutText("print"), shortcutText("savePdf"))
                        : tr("%1 saves this step (%2). The record prints for sharing with the partners.")
                              .arg(shortcutText("strategyNext"),
                                   state == QLatin1String("required")    ? tr("schedules it")
                                   : state == QLatin1String("scheduled") ? tr("records it held")
                                                                         : tr("records the outcome")));
}

QStringList StrategyDiscussionForm::missingAgencies() const {
    // The agencies core requires are the suggestion's "required" invitees; where an agency is required
    // more than once (children's social care: a worker and a manager), the role tells them apart.
    QStringList missing;
    if (!suggested_.is_array())
        return missing;
    const nlohmann::json rows = rolesForCore(invitees_->toJson());
    // Count an agency chosen without a name yet, too: the warning is about who is invited.
    std::vector<std::pair<QString, QString>> invited;
    for (int r = 0; r < invitees_->rowCount(); ++r) {
        const QTableWidgetItem* agency = invitees_->item(r, invitees_->columnOf(QStringLiteral("agency")));
        const QTableWidgetItem* role = invitees_->item(r, invitees_->columnOf(QStringLiteral("role")));
        if (agency && !agency->data(Qt::UserRole + 1).toString().isEmpty())
            invited.emplace_back(agency->data(Qt::UserRole + 1).toString(), role ? roleForCore(role->text()) : QString());
    }
    Q_UNUSED(rows);
    for (const auto& required : suggested_) {
        if (!required.value("required", false))
            continue;
        const QString agency = jsonText(required, "agency");
        const QString role = jsonText(required, "role");
        int sameAgency = 0;
        for (const auto& other : suggested_)
            sameAgency += other.value("required", false) && jsonText(other, "agency") == agency ? 1 : 0;
        bool covered = false;
        for (const auto& [code, typedRole] : invited)
            covered = covered || (code == agency && (sameAgency == 1 || typedRole == role));
        if (!covered)
            missing << (sameAgency > 1 ? tr("%1 (%2)").arg(agencyLabel(ss(agency)), humanise(ss(role)).toLower())
                                       : agencyLabel(ss(agency)));
    }
    return missing;
}

void StrategyDiscussionForm::updateMissing() {
    const QStringList missing = missingAgencies();
    const bool open = status() == QLatin1String("required") || status() == QLatin1String("scheduled");
    if (missing.isEmpty() || !open) {
        missing_->hide();
        acknowledge_->hide();
        acknowledge_->setChecked(false);
        return;
    }
    const bool manager = session_.role == core::role::kDutyManager;
    missing_->setText(tr("Not invited: %1. A strategy discussion needs police, health and children's social care "
                         "(a social worker and a manager). %2")
                          .arg(missing.join(QStringLiteral(", ")),
                               manager ? tr("Invite them, or acknowledge the gap below: it stays on the record.")
                                       : tr("Invite them; only a duty manager can schedule without them.")));
    missing_->show();
    acknowledge_->setVisible(true);
    acknowledge_->setEnabled(manager);
}

void StrategyDiscussionForm::markDirty() {
    if (settingUp_)
        return;
    drafts_->changed();
    // Each problem leaves as its field is put right; the refusal's summary with the last of them.
    bool tablesClear = true;
    for (RowTable* table : {invitees_, attendees_, apologies_, information_, atRisk_, actions_})
        tablesClear = tablesClear && !table->hasErrors();
    feedback_->withdrawIfPutRight(tablesClear);
}

nlohmann::json StrategyDiscussionForm::draftFields() const {
    return {{"scheduled_for", core::formatInstant(fromQDateTime(scheduledFor_->dateTime()))},
            {"location", ss(location_->text())},
            {"invitees", invitees_->draftJson()},
            {"acknowledge_missing", acknowledge_->isChecked()},
            {"held_at", core::formatInstant(fromQDateTime(heldAt_->dateTime()))},
            {"attendees", attendees_->draftJson()},
            {"apologies", apologies_->draftJson()},
            {"agency_information", information_->draftJson()},
            {"at_risk", atRisk_->draftJson()},
            {"immediate_safety_actions", ss(safety_->toPlainText())},
            {"s47_decision", ss(s47_->currentData().toString())},
            {"s47_reason", ss(s47Reason_->toPlainText())},
            {"medical_required", medicalRequired_->isChecked()},
            {"medical_arrangements", ss(medicalArrangements_->text())},
            {"family_told_what", ss(familyWhat_->text())},
            {"family_told_when", ss(familyWhen_->text())},
            {"actions", actions_->draftJson()},
            {"done_note", ss(doneNote_->text())}};
}

void StrategyDiscussionForm::restoreDraft(const nlohmann::json& typed) {
    const auto when = [&typed](const char* key, QDateTimeEdit* edit) {
        if (const auto at = core::parseInstant(typed.value(key, std::string())))
            edit->setDateTime(toLocal(*at));
    };
    const auto text = [&typed](const char* key, QLineEdit* edit) {
        if (typed.contains(key))
            edit->setText(jsonText(typed, key));
    };
    const auto longText = [&typed](const char* key, QPlainTextEdit* edit) {
        if (typed.contains(key))
            edit->setPlainText(jsonText(typed, key));
    };
    const auto rows = [&typed](const char* key, RowTable* table) {
        if (typed.contains(key) && typed.at(key).is_array())
            table->setJson(typed.at(key));
    };
    const auto check = [&typed](const char* key, QCheckBox* box) {
        if (typed.contains(key) && typed.at(key).is_boolean())
            box->setChecked(typed.at(key).get<bool>());
    };
    when("scheduled_for", scheduledFor_);
    text("location", location_);
    rows("invitees", invitees_);
    updateMissing(); // the acknowledgement is offered for the invitees as typed
    check("acknowledge_missing", acknowledge_);
    when("held_at", heldAt_);
    rows("attendees", attendees_);
    rows("apologies", apologies_);
    rows("agency_information", information_);
    rows("at_risk", atRisk_);
    longText("immediate_safety_actions", safety_);
    if (typed.contains("s47_decision"))
        s47_->setCurrentIndex(std::max(0, s47_->findData(jsonText(typed, "s47_decision"))));
    longText("s47_reason", s47Reason_);
    check("medical_required", medicalRequired_);
    text("medical_arrangements", medicalArrangements_);
    text("family_told_what", familyWhat_);
    text("family_told_when", familyWhen_);
    rows("actions", actions_);
    text("done_note", doneNote_);
}

bool StrategyDiscussionForm::saveDraftNow() { return drafts_->saveNow(); }

bool StrategyDiscussionForm::prepareToClose(bool askOnFailure) { return drafts_->prepareToClose(this, askOnFailure); }

bool StrategyDiscussionForm::submit(const char* what, const std::function<void()>& action) {
    feedback_->clear();
    for (RowTable* table : {invitees_, attendees_, apologies_, information_, atRisk_, actions_})
        table->clearErrors();
    try {
        action();
    } catch (const core::ValidationError& e) {
        feedback_->showErrors(e.errors(), tr("%1: not yet").arg(tr(what)));
        drafts_->saveNow(); // what was typed is safe while the problems are put right
        return false;
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("%1: not recorded").arg(tr(what)), e);
        drafts_->saveNow();
        return false;
    }
    // The step is recorded: what was typed for it is in the record now.
    drafts_->discard();
    feedback_->showMessage(tr("%1: recorded.").arg(tr(what)), false);
    const QString was = status();
    setEnabled(false);
    connect(this, &StrategyDiscussionForm::loaded, this, [this, was] {
        // Disabled while it reloaded, the form lost the focus: give it back, at the step now to take,
        // so the record's keys and the next Tab start here rather than wherever the focus fell.
        QWidget* focus = QApplication::focusWidget();
        if (!focus || !isAncestorOf(focus) || !focus->isVisible())
            focusFirstInput();
        emit recorded(contactId_, status());
        Q_UNUSED(was);
    }, Qt::SingleShotConnection);
    load();
    return true;
}

bool StrategyDiscussionForm::schedule() {
    ScopedUiTiming timing("strategy discussion scheduled");
    nlohmann::json input{{"scheduled_for", core::formatInstant(fromQDateTime(scheduledFor_->dateTime()))},
                         {"location", ss(location_->text().trimmed())},
                         {"invitees", rolesForCore(invitees_->toJson())}};
    if (acknowledge_->isVisible() && acknowledge_->isChecked())
        input["acknowledge_missing"] = true;
    return submit(QT_TR_NOOP("Scheduling"), [&] {
        core::StrategyDiscussions(workspace_).schedule(session_.actor(), ss(contactId_), input);
    });
}

bool StrategyDiscussionForm::recordHeld() {
    ScopedUiTiming timing("strategy discussion held");
    const nlohmann::json input{{"held_at", core::formatInstant(fromQDateTime(heldAt_->dateTime()))},
                               {"attendees", rolesForCore(attendees_->toJson())},
                               {"apologies", apologies_->toJson()},
                               {"agency_information", information_->toJson()}};
    return submit(QT_TR_NOOP("Recording the discussion as held"), [&] {
        core::StrategyDiscussions(workspace_).recordHeld(session_.actor(), ss(contactId_), input);
    });
}

bool StrategyDiscussionForm::recordOutcome() {
    ScopedUiTiming timing("strategy outcome recorded");
    nlohmann::json input{{"at_risk", atRisk_->toJson()},
                         {"immediate_safety_actions", ss(safety_->toPlainText().trimmed())},
                         {"medical_examination", {{"required", medicalRequired_->isChecked()}}},
                         {"family_told", {{"what", ss(familyWhat_->text().trimmed())},
                                          {"when", ss(familyWhen_->text().trimmed())}}},
                         {"actions", actions_->toJson()}};
    if (!s47_->currentData().toString().isEmpty())
        input["s47_decision"] = ss(s47_->currentData().toString());
    if (!s47Reason_->toPlainText().trimmed().isEmpty())
        input["s47_reason"] = ss(s47Reason_->toPlainText().trimmed());
    if (!medicalArrangements_->text().trimmed().isEmpty())
        input["medical_examination"]["arrangements"] = ss(medicalArrangements_->text().trimmed());
    return submit(QT_TR_NOOP("The outcome"), [&] {
        core::StrategyDiscussions(workspace_).recordOutcome(session_.actor(), ss(contactId_), input);
    });
}

bool StrategyDiscussionForm::markActionDone() {
    const int row = actionList_->currentRow();
    const auto& actions = discussion_.value("actions", nlohmann::json::array());
    if (row < 0 || static_cast<size_t>(row) >= actions.size()) {
        feedback_->showMessage(tr("Choose the action that is done in the list first."), true);
        actionList_->setFocus(Qt::OtherFocusReason);
        return false;
    }
    const int index = actions.at(static_cast<size_t>(row)).value("index", row);
    const std::string note = ss(doneNote_->text().trimmed());
    const bool ok = submit(QT_TR_NOOP("Marking the action done"), [&] {
        core::StrategyDiscussions(workspace_).completeAction(session_.actor(), ss(contactId_), index, note);
    });
    if (ok)
        doneNote_->clear();
    return ok;
}

bool StrategyDiscussionForm::saveNextStep() {
    const QString state = status();
    if (state == QLatin1String("required"))
        return schedule();
    if (state == QLatin1String("scheduled"))
        return recordHeld();
    if (state == QLatin1String("held"))
        return recordOutcome();
    return false;
}

void StrategyDiscussionForm::focusFirstInput() {
    if (!loaded_) {
        connect(this, &StrategyDiscussionForm::loaded, this, &StrategyDiscussionForm::focusFirstInput,
                Qt::SingleShotConnection);
        return;
    }
    if (drafts_->restoreCursor())
        return; // back where the typing was when the draft was saved
    const QString state = status();
    if (state == QLatin1String("required"))
        scheduledFor_->setFocus(Qt::OtherFocusReason);
    else if (state == QLatin1String("scheduled"))
        heldAt_->setFocus(Qt::OtherFocusReason);
    else if (state == QLatin1String("held"))
        atRisk_->setFocus(Qt::OtherFocusReason);
    else
        actionList_->setFocus(Qt::OtherFocusReason);
}

QString StrategyDiscussionForm::documentHtml() const {
    QString html;
    if (workspace_.mode() != core::DatabaseMode::Live)
        html += QStringLiteral("<p style='color:#b00020;font-weight:bold'>%1</p>")
                    .arg(workspace_.mode() == core::DatabaseMode::Demo
                             ? tr("DEMO: made-up data from a demo database, not a record about a real child.")
                             : tr("TRAINING: from a training database, not the live record."));
    html += strategyDiscussionHtml(discussion_, contact_);
    html += QStringLiteral("<p class='m' style='margin-top:18px'>%1</p>")
                .arg(tr("Printed from Frontdoor by %1 (%2) on %3.")
                         .arg(qs(session_.user.displayName), qs(session_.user.id), shortDateTime(workspace_.clock().now()))
                         .toHtmlEscaped());
    return html;
}

QString StrategyDiscussionForm::pageFooter() const {
    QString reference = tr("Strategy discussion · %1 · contact %2 · OFFICIAL-SENSITIVE")
                            .arg(childNamesOf(contact_), contactReferenceText(contact_));
    // Every page of a printout from a demo or training database says so.
    if (workspace_.mode() == core::DatabaseMode::Demo)
        reference = tr("DEMO: made-up data, not a record · %1").arg(reference);
    else if (workspace_.mode() == core::DatabaseMode::Training)
        reference = tr("TRAINING: not the live record · %1").arg(reference);
    return reference;
}

std::unique_ptr<QTextDocument> StrategyDiscussionForm::document() const {
    auto doc = std::make_unique<QTextDocument>();
    QFont font = doc->defaultFont();
    font.setPointSize(10);
    doc->setDefaultFont(font);
    doc->setHtml(documentHtml());
    return doc;
}

void StrategyDiscussionForm::paintRecord(QPainter& painter, QPaintDevice& device, const QRectF& page, QPrinter* printer,
                                         int onlyPage) const {
    auto doc = document();
    doc->documentLayout()->setPaintDevice(&device);
    doc->setDocumentMargin(0);
    QFont footerFont = doc->defaultFont();
    footerFont.setPointSize(8);
    const QFontMetricsF footerMetrics(footerFont, &device);
    const qreal footer = footerMetrics.height() * 2.5;
    const QSizeF body(page.width(), page.height() - footer);
    doc->setPageSize(body);
    const int pages = doc->pageCount();
    const QString reference = pageFooter();
    for (int i = 0; i < pages; ++i) {
        if (onlyPage >= 0 && i != onlyPage)
            continue;
        if (printer && i > 0 && onlyPage < 0)
            printer->newPage();
        painter.save();
        painter.translate(page.left(), page.top() - i * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * body.height(), body.width(), body.height());
        painter.setClipRect(context.clip);
        doc->documentLayout()->draw(&painter, context);
        painter.restore();
        painter.save();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        const QRectF line(page.left(), page.bottom() - footerMetrics.height(), page.width(), footerMetrics.height());
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, reference);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(i + 1).arg(pages));
        painter.restore();
    }
}

bool StrategyDiscussionForm::saveAsPdf(const QString& path) {
    ScopedUiTiming timing("strategy record PDF");
    if (discussion_.is_null())
        return false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    printer.setDocName(title());
    printer.setCreator(QStringLiteral("Frontdoor"));
    QPainter painter;
    if (!painter.begin(&printer))
        return false;
    paintRecord(painter, printer, QRectF(QPointF(0, 0), printer.pageRect(QPrinter::DevicePixel).size()), &printer);
    painter.end();
    const QFileInfo written(path);
    return written.exists() && written.size() > 0;
}

void StrategyDiscussionForm::savePdfAs() {
    if (discussion_.is_null())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        tr("Strategy discussion %1 %2.pdf")
            .arg(childNamesOf(contact_).section(QStringLiteral(", "), 0, 0),
                 toLocal(workspace_.clock().now()).toString(QStringLiteral("yyyy-MM-dd"))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the strategy discussion as PDF"), suggested,
                                                      tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (saveAsPdf(path))
        feedback_->showMessage(tr("Saved %1. It holds personal data: share it only by secure email.").arg(path), false);
    else
        feedback_->showMessage(tr("The PDF could not be saved at %1.").arg(path), true);
}

void StrategyDiscussionForm::print() {
    if (discussion_.is_null())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    printer.setDocName(title());
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the strategy discussion"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPainter painter;
    if (painter.begin(&printer))
        paintRecord(painter, printer, QRectF(QPointF(0, 0), printer.pageRect(QPrinter::DevicePixel).size()), &printer);
}

QImage StrategyDiscussionForm::firstPageImage(int width) const {
    // An A4 page with 15 mm margins, at the resolution that makes it `width` pixels wide: laid out
    // and painted by the same code as the PDF, so it is the PDF's first page.
    const qreal dotsPerMm = width / 210.0;
    QImage image(width, qRound(297.0 * dotsPerMm), QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(dotsPerMm * 1000));
    image.setDotsPerMeterY(qRound(dotsPerMm * 1000));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal margin = 15 * dotsPerMm;
    paintRecord(painter, image, QRectF(margin, margin, image.width() - 2 * margin, image.height() - 2 * margin), nullptr, 0);
    return image;
}

} // namespace frontdoor::ui
