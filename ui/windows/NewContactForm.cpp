#include "windows/NewContactForm.h"

#include "widgets/FormParts.h"
#include "contacts/Contact.h"
#include "contacts/ContactService.h"
#include "standards/CensusCodes.h"
#include "support/BackgroundReader.h"
#include "support/AutosaveClock.h"
#include "support/FocusKeeper.h"
#include "support/FormDraftKeeper.h"
#include "support/FormFeedback.h"
#include "support/RecoveryFile.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "util/Errors.h"
#include "widgets/AdultEditor.h"
#include "widgets/ChildEditor.h"
#include "widgets/CodeComboBox.h"
#include "widgets/DateLineEdit.h"
#include "widgets/FieldCell.h"
#include "widgets/MatchingPanel.h"
#include "users/Roles.h"
#include "workflow/ContactWorkflow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QSplitter>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

constexpr int kMatchDelayMs = 200;

void putText(nlohmann::json& json, const char* key, const QString& value) {
    const QString trimmed = value.trimmed();
    if (!trimmed.isEmpty())
        json[key] = ss(trimmed);
    else
        json.erase(key);
}

/// "Family name is required" reads better beside the field than "is required".
QString readableProblem(const QString& label, const QString& problem) {
    static const QRegularExpression startsWithVerb(QStringLiteral("^(is|must|cannot|needs) "));
    if (!label.isEmpty() && startsWithVerb.match(problem).hasMatch())
        return label + QLatin1Char(' ') + problem;
    return problem;
}

} // namespace

NewContactForm::NewContactForm(core::Workspace& workspace, BackgroundReader& matcher, core::Session session,
                               const std::optional<core::ContactDraft>& draft, QWidget* parent)
    : QWidget(parent), workspace_(workspace), matcher_(matcher), session_(std::move(session)) {
    setObjectName(QStringLiteral("newContactForm"));
    setAccessibleName(tr("New contact"));
    // A second after typing stops, and at least every 1.5 seconds while it goes on.
    autosave_ = std::make_unique<AutosaveClock>(this, [this] {
        ScopedUiTiming timing("draft autosave");
        saveDraftNow();
    });
    matchTimer_ = new QTimer(this);
    matchTimer_->setSingleShot(true);
    matchTimer_->setInterval(kMatchDelayMs);
    connect(matchTimer_, &QTimer::timeout, this, &NewContactForm::runMatch);

    buildForm();
    if (draft) {
        draftId_ = qs(draft->id);
        loadJson(draft->body);
        if (draft->body.is_object())
            draftCursor_ = draft->body.value("cursor", nlohmann::json());
        draftStatus_->setText(tr("Draft saved %1").arg(shortDateTime(draft->savedAt)));
    }
    rebuildTabOrder();
    connect(qApp, &QApplication::focusChanged, this, &NewContactForm::onFocusChanged);
    FocusKeeper::install(); // the field typed in stays in view
    if (draft) {
        scheduleMatch();
        // A reopened draft knows its linked children by id: name them in their banners.
        for (ChildEditor* editor : children_) {
            if (editor->linkedId().isEmpty())
                continue;
            const std::string id = ss(editor->linkedId());
            QPointer<ChildEditor> guard(editor);
            matcher_.run<core::Person>(
                this, QString(),
                [id](core::Workspace& ws) { return core::personFromStored(core::PersonSearch(ws).history(id).at("person")); },
                [guard](Answer<core::Person> answer) {
                    if (guard && answer.ok())
                        guard->describeLinkedPerson(*answer.value);
                });
        }
    }
}

NewContactForm::~NewContactForm() = default;

void NewContactForm::buildForm() {
    banner_ = newBannerLabel(QStringLiteral("formBanner"));

    // When and how.
    receivedAt_ = new QDateTimeEdit(toLocal(workspace_.clock().now()));
    receivedAt_->setObjectName(QStringLiteral("receivedAt"));
    receivedAt_->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    receivedAt_->setCalendarPopup(true);
    channel_ = new QComboBox;
    channel_->setObjectName(QStringLiteral("channel"));
    for (const auto& code : core::contactChannels())
        channel_->addItem(humanise(code), qs(code));
    source_ = new CodeComboBox(core::referralSources());
    source_->setObjectName(QStringLiteral("source"));
    setHint(source_->lineEdit(), tr("Type a code or a word: 2A, school, police…"));
    showChoicesInFull(channel_);
    cells_.insert(QStringLiteral("received_at"), new FieldCell(tr("Rece&ived"), receivedAt_));
    cells_.insert(QStringLiteral("channel"), new FieldCell(tr("Channel"), channel_));
    cells_.insert(QStringLiteral("source"), new FieldCell(tr("&Source"), source_));
    auto* received = newSection(tr("Received"), QStringLiteral("receivedSection"));
    auto* receivedGrid = new QGridLayout(received);
    FieldGrid receivedPlace(receivedGrid, 6);
    receivedPlace.add(cells_.value(QStringLiteral("received_at")), 2);
    receivedPlace.add(cells_.value(QStringLiteral("channel")), 1);
    receivedPlace.add(cells_.value(QStringLiteral("source")), 3);
    for (int column = 0; column < 6; ++column)
        receivedGrid->setColumnStretch(column, 1);

    // Referrer.
    const auto line = [](const char* name) {
        auto* edit = new QLineEdit;
        edit->setObjectName(QLatin1String(name));
        return edit;
    };
    referrerName_ = line("referrerName");
    referrerAgency_ = line("referrerAgency");
    referrerRole_ = line("referrerRole");
    referrerPhone_ = line("referrerPhone");
    referrerEmail_ = line("referrerEmail");
    referrerRelationship_ = line("referrerRelationship");
    setHint(referrerRelationship_, tr("Neighbour, grandparent… (the public)"));
    withholdIdentity_ = new QCheckBox(tr("Do not disclose the referrer's identity to the family"));
    withholdIdentity_->setObjectName(QStringLiteral("withholdIdentity"));
    cells_.insert(QStringLiteral("referrer.name"), new FieldCell(tr("Referrer's na&me"), referrerName_));
    cells_.insert(QStringLiteral("referrer.agency"), new FieldCell(tr("&Agency"), referrerAgency_));
    cells_.insert(QStringLiteral("referrer.role"), new FieldCell(tr("Role"), referrerRole_));
    cells_.insert(QStringLiteral("referrer.phone"), new FieldCell(tr("&Phone"), referrerPhone_));
    cells_.insert(QStringLiteral("referrer.email"), new FieldCell(tr("&Email"), referrerEmail_));
    cells_.insert(QStringLiteral("referrer.relationship_to_child"),
                  new FieldCell(tr("Relationship to the child"), referrerRelationship_));
    cells_.insert(QStringLiteral("referrer.withhold_identity_from_family"), new FieldCell(QString(), withholdIdentity_));
    auto* referrer = newSection(tr("Referrer"), QStringLiteral("referrerSection"));
    auto* referrerGrid = new QGridLayout(referrer);
    FieldGrid referrerPlace(referrerGrid, 6);
    referrerPlace.add(cells_.value(QStringLiteral("referrer.name")), 2);
    referrerPlace.add(cells_.value(QStringLiteral("referrer.agency")), 2);
    referrerPlace.add(cells_.value(QStringLiteral("referrer.role")), 2);
    referrerPlace.add(cells_.value(QStringLiteral("referrer.phone")), 2);
    referrerPlace.add(cells_.value(QStringLiteral("referrer.email")), 2);
    referrerPlace.add(cells_.value(QStringLiteral("referrer.relationship_to_child")), 2);
    referrerPlace.add(cells_.value(QStringLiteral("referrer.withhold_identity_from_family")), 6);
    for (int column = 0; column < 6; ++column)
        referrerGrid->setColumnStretch(column, 1);

    // Children.
    auto* childrenBox = newSection(tr("Children"), QStringLiteral("childrenSection"));
    auto* childrenOuter = new QVBoxLayout(childrenBox);
    childrenError_ = new QLabel;
    childrenError_->setObjectName(QStringLiteral("childrenError"));
    childrenError_->setProperty("role", QStringLiteral("error"));
    childrenError_->hide();
    childrenLayout_ = new QVBoxLayout;
    childrenLayout_->setSpacing(8);
    addChild_ = new QPushButton(tr("Add a sibling (%1)").arg(shortcutText("addChild")));
    addChild_->setObjectName(QStringLiteral("addChildButton"));
    connect(addChild_, &QPushButton::clicked, this, [this] { addChild(true); });
    undoRemoveChild_ = new QPushButton;
    undoRemoveChild_->setObjectName(QStringLiteral("undoRemoveChild"));
    undoRemoveChild_->hide();
    connect(undoRemoveChild_, &QPushButton::clicked, this, &NewContactForm::undoRemove);
    childrenOuter->addWidget(childrenError_);
    childrenOuter->addLayout(childrenLayout_);
    childrenOuter->addWidget(undoRemoveChild_, 0, Qt::AlignLeft);
    childrenOuter->addWidget(addChild_, 0, Qt::AlignLeft);

    // Adults.
    auto* adultsBox = newSection(tr("Adults around the children"), QStringLiteral("adultsSection"));
    auto* adultsOuter = new QVBoxLayout(adultsBox);
    adultsLayout_ = new QVBoxLayout;
    adultsLayout_->setSpacing(8);
    addAdult_ = new QPushButton(tr("Add an adult (%1)").arg(shortcutText("addAdult")));
    addAdult_->setObjectName(QStringLiteral("addAdultButton"));
    connect(addAdult_, &QPushButton::clicked, this, &NewContactForm::addAdult);
    undoRemoveAdult_ = new QPushButton;
    undoRemoveAdult_->setObjectName(QStringLiteral("undoRemoveAdult"));
    undoRemoveAdult_->hide();
    connect(undoRemoveAdult_, &QPushButton::clicked, this, &NewContactForm::undoRemove);
    adultsOuter->addLayout(adultsLayout_);
    adultsOuter->addWidget(undoRemoveAdult_, 0, Qt::AlignLeft);
    adultsOuter->addWidget(addAdult_, 0, Qt::AlignLeft);

    // Concern and consent.
    concern_ = new QPlainTextEdit;
    concern_->setObjectName(QStringLiteral("concern"));
    concern_->setTabChangesFocus(true);
    concern_->setPlaceholderText(tr("The worry, in the referrer's own words"));
    concern_->setMinimumHeight(140);
    cells_.insert(QStringLiteral("concern"), new FieldCell(tr("Co&ncern"), concern_));
    auto* concernBox = newSection(tr("Concern"), QStringLiteral("concernSection"));
    auto* concernLayout = new QVBoxLayout(concernBox);
    concernLayout->addWidget(cells_.value(QStringLiteral("concern")));

    consentStatus_ = new QComboBox;
    consentStatus_->setObjectName(QStringLiteral("consentStatus"));
    consentStatus_->addItem(QString(), QString());
    for (const auto& status : core::consentStatuses())
        consentStatus_->addItem(humanise(status), qs(status));
    consentBasis_ = new QPlainTextEdit;
    consentBasis_->setObjectName(QStringLiteral("consentBasis"));
    consentBasis_->setTabChangesFocus(true);
    consentBasis_->setFixedHeight(56);
    consentBasis_->setPlaceholderText(tr("When consent was refused or not sought: why sharing goes ahead"));
    consentAuthorisedBy_ = line("consentAuthorisedBy");
    showChoicesInFull(consentStatus_);
    cells_.insert(QStringLiteral("consent.status"), new FieldCell(tr("Consent"), consentStatus_));
    cells_.insert(QStringLiteral("consent.basis_without_consent"),
                  new FieldCell(tr("Basis for sharing without consent"), consentBasis_));
    cells_.insert(QStringLiteral("consent.authorised_by"), new FieldCell(tr("Authorised by"), consentAuthorisedBy_));
    auto* consentBox = newSection(tr("Consent and information sharing"), QStringLiteral("consentSection"));
    auto* consentGrid = new QGridLayout(consentBox);
    FieldGrid consentPlace(consentGrid, 6);
    consentPlace.add(cells_.value(QStringLiteral("consent.status")), 2);
    consentPlace.add(cells_.value(QStringLiteral("consent.authorised_by")), 4);
    consentPlace.add(cells_.value(QStringLiteral("consent.basis_without_consent")), 6);
    for (int column = 0; column < 6; ++column)
        consentGrid->setColumnStretch(column, 1);

    // Out of hours: what the EDT already did, and the note for the day team (an EDT worker's contacts
    // are recorded with their handover).
    QGroupBox* handoverBox = nullptr;
    if (isOutOfHours()) {
        alreadyDone_ = new QPlainTextEdit;
        alreadyDone_->setObjectName(QStringLiteral("alreadyDone"));
        alreadyDone_->setTabChangesFocus(true);
        alreadyDone_->setFixedHeight(80);
        alreadyDone_->setPlaceholderText(tr("Calls made, visits, police attendance, where the child is tonight"));
        handoverNote_ = new QPlainTextEdit;
        handoverNote_->setObjectName(QStringLiteral("handoverNote"));
        handoverNote_->setTabChangesFocus(true);
        handoverNote_->setFixedHeight(80);
        handoverNote_->setPlaceholderText(tr("What the day team needs to do first, and by when"));
        cells_.insert(QStringLiteral("handover.already_done"), new FieldCell(tr("What the EDT already &did"), alreadyDone_));
        cells_.insert(QStringLiteral("handover.handover_note"), new FieldCell(tr("Handover n&ote for the day team"), handoverNote_));
        handoverBox = newSection(tr("Out of hours: the handover"), QStringLiteral("handoverSection"));
        auto* handoverLayout = new QVBoxLayout(handoverBox);
        auto* about = new QLabel(tr("Recorded with the contact; a duty manager acknowledges it by the next opening."));
        about->setProperty("role", QStringLiteral("hint"));
        about->setWordWrap(true);
        handoverLayout->addWidget(about);
        handoverLayout->addWidget(cells_.value(QStringLiteral("handover.already_done")));
        handoverLayout->addWidget(cells_.value(QStringLiteral("handover.handover_note")));
        connect(alreadyDone_, &QPlainTextEdit::textChanged, this, &NewContactForm::markDirty);
        connect(handoverNote_, &QPlainTextEdit::textChanged, this, &NewContactForm::markDirty);
    }

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("formContent"));
    auto* contentLayout = new QVBoxLayout(content);
    for (QWidget* part : std::initializer_list<QWidget*>{received, referrer, childrenBox, adultsBox, concernBox, consentBox})
        contentLayout->addWidget(part);
    if (handoverBox)
        contentLayout->addWidget(handoverBox);
    contentLayout->addStretch(1);
    scroll_ = new QScrollArea;
    scroll_->setObjectName(QStringLiteral("formScroll"));
    scroll_->setWidget(content);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    matching_ = new MatchingPanel(matcher_, session_.actor());
    connect(matching_, &MatchingPanel::linkRequested, this, &NewContactForm::linkHighlighted);
    connect(matching_, &MatchingPanel::contactActivated, this, &NewContactForm::contactActivated);

    splitter_ = new QSplitter(Qt::Horizontal);
    splitter_->setObjectName(QStringLiteral("formSplitter"));
    splitter_->addWidget(scroll_);
    splitter_->addWidget(matching_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);
    matching_->setMinimumWidth(300);

    // Actions, always in view.
    draftStatus_ = newDraftStatusLine(tr("Not saved yet: the draft saves itself as you type"));
    recordButton_ = new QPushButton(isOutOfHours() ? tr("&Record with handover (%1)").arg(shortcutText("record"))
                                                   : tr("&Record contact (%1)").arg(shortcutText("record")));
    recordButton_->setObjectName(QStringLiteral("recordButton"));
    recordButton_->setDefault(false);
    recordButton_->setProperty("role", QStringLiteral("primary"));
    saveButton_ = new QPushButton(tr("Save draft (%1)").arg(shortcutText("saveDraft")));
    saveButton_->setObjectName(QStringLiteral("saveDraftButton"));
    discardButton_ = new QPushButton(tr("Discard draft…"));
    discardButton_->setObjectName(QStringLiteral("discardButton"));
    connect(recordButton_, &QPushButton::clicked, this, &NewContactForm::record);
    connect(saveButton_, &QPushButton::clicked, this, [this] {
        dirty_ = dirty_ || draftId_.isEmpty();
        saveDraftNow();
    });
    connect(discardButton_, &QPushButton::clicked, this, [this] { discard(); });
    auto* actions = new QHBoxLayout;
    actions->addWidget(draftStatus_, 1);
    actions->addWidget(discardButton_);
    actions->addWidget(saveButton_);
    actions->addWidget(recordButton_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(banner_);
    layout->addWidget(splitter_, 1);
    layout->addLayout(actions);

    addChild(false);
    // The form never narrower than its fields need: a narrow window gives the matching panel less.
    scroll_->setMinimumWidth(content->minimumSizeHint().width() + scroll_->verticalScrollBar()->sizeHint().width() + 4);

    // Typing anywhere marks the form changed and restarts the autosave clock.
    for (QLineEdit* edit : {referrerName_, referrerAgency_, referrerRole_, referrerPhone_, referrerEmail_,
                            referrerRelationship_, consentAuthorisedBy_})
        connect(edit, &QLineEdit::textEdited, this, &NewContactForm::markDirty);
    connect(receivedAt_, &QDateTimeEdit::dateTimeChanged, this, &NewContactForm::markDirty);
    connect(channel_, &QComboBox::activated, this, &NewContactForm::markDirty);
    connect(source_, &CodeComboBox::codeEdited, this, &NewContactForm::markDirty);
    connect(withholdIdentity_, &QCheckBox::toggled, this, &NewContactForm::markDirty);
    connect(concern_, &QPlainTextEdit::textChanged, this, &NewContactForm::markDirty);
    connect(consentStatus_, &QComboBox::currentIndexChanged, this, [this] {
        updateConsentBasis();
        markDirty();
    });
    connect(consentBasis_, &QPlainTextEdit::textChanged, this, &NewContactForm::markDirty);
    updateConsentBasis();

    const auto bind = [this](const char* id, auto slot) {
        auto* shortcut = new QShortcut(this);
        shortcut->setKeys(shortcutKeys(id));
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    bind("record", [this] { record(); });
    bind("saveDraft", [this] {
        dirty_ = dirty_ || draftId_.isEmpty();
        saveDraftNow();
    });
    bind("addChild", [this] { addChild(true); });
    bind("addAdult", [this] { addAdult(); });
    bind("removePart", [this] {
        QWidget* focus = QApplication::focusWidget();
        for (ChildEditor* editor : children_)
            if (focus && editor->isAncestorOf(focus) && children_.size() > 1)
                return removeChild(editor);
        for (AdultEditor* editor : adults_)
            if (focus && editor->isAncestorOf(focus))
                return removeAdult(editor);
    });
    bind("undoRemove", [this] { undoRemove(); });
    bind("nextCandidate", [this] { matching_->moveHighlight(1); });
    bind("previousCandidate", [this] { matching_->moveHighlight(-1); });
    bind("link", [this] { linkHighlighted(); });
    bind("unlink", [this] { unlinkCurrentChild(); });
}

QString NewContactForm::title() const {
    QStringList names;
    for (const auto* child : children_) {
        const QString name = (child->givenName()->text() + QLatin1Char(' ') + child->familyName()->text()).simplified();
        if (!name.isEmpty())
            names << name;
    }
    return names.isEmpty() ? tr("New contact") : tr("New contact: %1").arg(names.join(QStringLiteral(", ")));
}

void NewContactForm::updateConsentBasis() {
    const QString status = consentStatus_->currentData().toString();
    const bool needed = status == QLatin1String("refused") || status == QLatin1String("not_sought");
    // Still typeable when not needed (nothing typed is thrown away), but marked as not asked for.
    cells_.value(QStringLiteral("consent.basis_without_consent"))
        ->setLabelText(needed ? tr("Basis for sharing without consent (required)") : tr("Basis for sharing without consent"));
}

ChildEditor* NewContactForm::child(int index) const {
    return index >= 0 && index < childCount() ? children_[static_cast<size_t>(index)] : nullptr;
}

AdultEditor* NewContactForm::adult(int index) const {
    return index >= 0 && static_cast<size_t>(index) < adults_.size() ? adults_[static_cast<size_t>(index)] : nullptr;
}

ChildEditor* NewContactForm::newChildEditor(int index) {
    auto* editor = new ChildEditor(workspace_.clock(), index);
    connect(editor, &ChildEditor::changed, this, [this] {
        markDirty();
        emit titleChanged(title());
    });
    connect(editor, &ChildEditor::matchInputsChanged, this, [this, editor] {
        setCurrentChild(editor->index());
        scheduleMatch();
    });
    connect(editor, &ChildEditor::removeRequested, this, [this, editor] { removeChild(editor); });
    return editor;
}

void NewContactForm::addChild(bool copyFamilyDetails) {
    const int index = childCount();
    auto* editor = newChildEditor(index);
    if (copyFamilyDetails && !children_.empty())
        editor->copyFamilyDetailsFrom(*children_.front());
    children_.push_back(editor);
    childrenLayout_->addWidget(editor);
    for (auto* each : children_)
        each->setRemovable(children_.size() > 1);
    rebuildTabOrder();
    if (copyFamilyDetails) {
        markDirty();
        setCurrentChild(index);
        revealNew(editor, editor->givenName());
    }
}

void NewContactForm::removeChild(ChildEditor* editor) {
    if (children_.size() <= 1)
        return;
    const auto at = std::find(children_.begin(), children_.end(), editor);
    removed_.push_back({true, static_cast<int>(at - children_.begin()), editor->toJson()});
    children_.erase(at);
    editor->deleteLater();
    for (size_t i = 0; i < children_.size(); ++i) {
        children_[i]->setIndex(static_cast<int>(i));
        children_[i]->setRemovable(children_.size() > 1);
    }
    currentChild_ = std::min(currentChild_, childCount() - 1);
    rebuildTabOrder();
    markDirty();
    emit titleChanged(title());
    setCurrentChild(currentChild_);
    scheduleMatch(); // the panel was perhaps about the child removed
    showUndoRemove();
    undoRemoveChild_->setFocus(Qt::OtherFocusReason);
}

AdultEditor* NewContactForm::newAdultEditor(int index) {
    auto* editor = new AdultEditor(workspace_.clock(), index);
    connect(editor, &AdultEditor::changed, this, [this, editor] {
        markDirty();
        if (editor->index() == currentAdult_)
            scheduleMatch(); // adults are matched too, in the same panel
    });
    connect(editor, &AdultEditor::removeRequested, this, [this, editor] { removeAdult(editor); });
    return editor;
}

void NewContactForm::addAdult() {
    auto* editor = newAdultEditor(static_cast<int>(adults_.size()));
    adults_.push_back(editor);
    adultsLayout_->addWidget(editor);
    rebuildTabOrder();
    revealNew(editor, editor->givenName());
}

void NewContactForm::revealNew(QWidget* part, QWidget* first) {
    // Shown now (a layout shows a new widget only later), so the focus lands at once and the form can
    // scroll to it; scrolled again once the layout has settled, with the whole part in view if it fits.
    part->show();
    scroll_->widget()->layout()->activate();
    first->setFocus(Qt::ShortcutFocusReason);
    scroll_->ensureWidgetVisible(first, 0, 40);
    QPointer<QWidget> guard(part);
    QPointer<QWidget> firstGuard(first);
    QTimer::singleShot(0, this, [this, guard, firstGuard] {
        if (!guard || !firstGuard)
            return;
        scroll_->ensureWidgetVisible(guard, 0, 40);
        scroll_->ensureWidgetVisible(firstGuard, 0, 40); // a part taller than the view: its first field wins
    });
}

void NewContactForm::removeAdult(AdultEditor* editor) {
    const auto at = std::find(adults_.begin(), adults_.end(), editor);
    removed_.push_back({false, static_cast<int>(at - adults_.begin()), editor->toJson()});
    adults_.erase(at);
    editor->deleteLater();
    if (currentAdult_ >= static_cast<int>(adults_.size()))
        currentAdult_ = -1;
    for (size_t i = 0; i < adults_.size(); ++i)
        adults_[i]->setIndex(static_cast<int>(i));
    rebuildTabOrder();
    markDirty();
    showUndoRemove();
    undoRemoveAdult_->setFocus(Qt::OtherFocusReason);
}

QString NewContactForm::describeRemoved(const Removed& removed) const {
    const QString name = (jsonText(removed.body, "given_name") + QLatin1Char(' ') + jsonText(removed.body, "family_name"))
                             .simplified();
    const QString which = removed.child ? tr("Child %1").arg(removed.index + 1) : tr("Adult %1").arg(removed.index + 1);
    return name.isEmpty() ? which : tr("%1 (%2)").arg(which, name);
}

void NewContactForm::showUndoRemove() {
    // The button for the last removal sits where it was removed; Ctrl+Z (or Space on it) puts it back.
    undoRemoveChild_->hide();
    undoRemoveAdult_->hide();
    if (removed_.empty())
        return;
    const Removed& last = removed_.back();
    QPushButton* button = last.child ? undoRemoveChild_ : undoRemoveAdult_;
    button->setText(tr("Removed %1. Put back (%2)").arg(describeRemoved(last), shortcutText("undoRemove")));
    button->show();
}

void NewContactForm::undoRemove() {
    if (removed_.empty())
        return;
    const Removed last = removed_.back();
    removed_.pop_back();
    if (last.child) {
        const int index = std::clamp(last.index, 0, childCount());
        auto* editor = newChildEditor(index);
        editor->fromJson(last.body);
        children_.insert(children_.begin() + index, editor);
        childrenLayout_->insertWidget(index, editor);
        for (size_t i = 0; i < children_.size(); ++i) {
            children_[i]->setIndex(static_cast<int>(i));
            children_[i]->setRemovable(children_.size() > 1);
        }
        setCurrentChild(index);
        scheduleMatch();
        emit titleChanged(title());
        rebuildTabOrder();
        revealNew(editor, editor->givenName());
    } else {
        const int index = std::clamp(last.index, 0, static_cast<int>(adults_.size()));
        auto* editor = newAdultEditor(index);
        editor->fromJson(last.body);
        adults_.insert(adults_.begin() + index, editor);
        adultsLayout_->insertWidget(index, editor);
        for (size_t i = 0; i < adults_.size(); ++i)
            adults_[i]->setIndex(static_cast<int>(i));
        rebuildTabOrder();
        revealNew(editor, editor->givenName());
    }
    markDirty();
    showUndoRemove();
}

void NewContactForm::rebuildTabOrder() {
    QList<QWidget*> chain{receivedAt_,    channel_,      source_,        referrerName_,        referrerAgency_,
                          referrerRole_,  referrerPhone_, referrerEmail_, referrerRelationship_, withholdIdentity_};
    for (auto* child : children_)
        chain += child->focusChain();
    chain << undoRemoveChild_ << addChild_;
    for (auto* adult : adults_)
        chain += adult->focusChain();
    chain << undoRemoveAdult_ << addAdult_ << concern_ << consentStatus_ << consentAuthorisedBy_ << consentBasis_;
    if (alreadyDone_)
        chain << alreadyDone_ << handoverNote_;
    chain << recordButton_ << saveButton_ << discardButton_;
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        QWidget::setTabOrder(chain[i], chain[i + 1]);
}

void NewContactForm::focusFirstInput() {
    if (draftId_.isEmpty()) {
        source_->setFocus(Qt::OtherFocusReason);
        return;
    }
    // A continued draft: where the cursor was when it was saved, or where the typing most likely
    // stopped, the first empty essential.
    if (!draftCursor_.is_null() && putCursorBack(this, draftCursor_))
        return;
    const QList<QWidget*> essentials{source_, referrerName_, children_.front()->givenName(),
                                     children_.front()->familyName(), concern_};
    for (QWidget* widget : essentials) {
        const bool empty = widget == source_                                    ? source_->code().isEmpty()
                           : widget == concern_                                 ? concern_->toPlainText().isEmpty()
                           : qobject_cast<QLineEdit*>(widget)->text().isEmpty();
        if (empty) {
            widget->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    concern_->setFocus(Qt::OtherFocusReason);
    concern_->moveCursor(QTextCursor::End);
}

void NewContactForm::onFocusChanged(QWidget*, QWidget* now) {
    if (!now || !isAncestorOf(now))
        return;
    for (auto* child : children_) {
        if (child->isAncestorOf(now)) {
            if (child->index() != currentChild_ || currentAdult_ >= 0) {
                setCurrentChild(child->index());
                scheduleMatch();
            }
            return;
        }
    }
    for (auto* adult : adults_) {
        if (adult->isAncestorOf(now)) {
            if (adult->index() != currentAdult_) {
                currentAdult_ = adult->index();
                matching_->setLinkedPersonId(adult->linkedId());
                scheduleMatch();
            }
            return;
        }
    }
}

void NewContactForm::setCurrentChild(int index) {
    currentAdult_ = -1;
    currentChild_ = std::clamp(index, 0, childCount() - 1);
    matching_->setLinkedPersonId(children_[static_cast<size_t>(currentChild_)]->linkedId());
}

void NewContactForm::scheduleMatch() { matchTimer_->start(); }

void NewContactForm::runMatch() {
    ScopedUiTiming timing("match requested");
    if (const AdultEditor* grownUp = adult(currentAdult_)) {
        const core::PersonQuery query = grownUp->matchQuery();
        if (query.empty())
            return matching_->clear(tr("Type an adult's name or date of birth: anyone already known, in any family, "
                                       "appears here."));
        matching_->setLinkedPersonId(grownUp->linkedId());
        return matching_->search(query, tr("Adult %1").arg(currentAdult_ + 1));
    }
    const ChildEditor* editor = child(currentChild_);
    if (!editor)
        return;
    const core::PersonQuery query = editor->matchQuery();
    if (query.empty()) {
        matching_->clear(tr("Type a child's name or date of birth: anyone already known appears here."));
        return;
    }
    matching_->setLinkedPersonId(editor->linkedId());
    matching_->search(query, tr("Child %1").arg(currentChild_ + 1));
}

void NewContactForm::linkHighlighted() {
    if (AdultEditor* grownUp = adult(currentAdult_)) {
        const CandidateView* candidate = matching_->highlighted();
        if (!candidate)
            return;
        const core::Person person = candidate->person;
        const auto differences = core::PersonSearch::linkDifferences(grownUp->matchQuery(), person);
        if (!differences.empty()) {
            QString list;
            for (const auto& difference : differences)
                list += QStringLiteral("\n• ") + qs(difference);
            const auto answer = QMessageBox::warning(
                this, tr("Link an adult whose details differ?"),
                tr("Link %1 (%2) to Adult %3?\n%4\n\nLink only if you are sure this is the same person.")
                    .arg(candidate->name, candidate->born)
                    .arg(currentAdult_ + 1)
                    .arg(list),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes || adult(currentAdult_) != grownUp)
                return;
        }
        grownUp->linkTo(person);
        matching_->setLinkedPersonId(qs(person.id));
        matching_->clearHighlight();
        return;
    }
    const CandidateView* candidate = matching_->highlighted();
    ChildEditor* editor = child(currentChild_);
    if (!candidate || !editor)
        return;
    // A name or a date of birth that differs needs a second look: linking the wrong child puts another
    // child's history on this contact. The safe answer is the default.
    // A copy: a search finishing while the question is open replaces the panel's candidates.
    const core::Person person = candidate->person;
    const auto differences = core::PersonSearch::linkDifferences(editor->matchQuery(), person);
    if (!differences.empty()) {
        QString list;
        for (const auto& difference : differences)
            list += QStringLiteral("\n• ") + qs(difference);
        QMessageBox ask(QMessageBox::Warning, tr("Link a child whose details differ?"),
                        tr("Link %1 (born %2) to Child %3?\n%4\n\nLink only if you are sure this is the same child.")
                            .arg(candidate->name, candidate->born.isEmpty() ? tr("date not known") : candidate->born)
                            .arg(currentChild_ + 1)
                            .arg(list),
                        QMessageBox::NoButton, this);
        ask.setObjectName(QStringLiteral("confirmLink"));
        QPushButton* linkAnyway = ask.addButton(tr("&Link anyway"), QMessageBox::AcceptRole);
        linkAnyway->setObjectName(QStringLiteral("linkAnyway"));
        QPushButton* keepLooking = ask.addButton(tr("&Do not link"), QMessageBox::RejectRole);
        keepLooking->setObjectName(QStringLiteral("doNotLink"));
        ask.setDefaultButton(keepLooking);
        ask.setEscapeButton(keepLooking);
        ask.exec();
        if (ask.clickedButton() != linkAnyway || child(currentChild_) != editor)
            return;
    }
    editor->linkTo(person);
    matching_->setLinkedPersonId(qs(person.id));
    matching_->clearHighlight();
    emit titleChanged(title());
}

void NewContactForm::unlinkCurrentChild() {
    if (AdultEditor* grownUp = adult(currentAdult_)) {
        grownUp->unlink();
        matching_->setLinkedPersonId(QString());
        return;
    }
    if (ChildEditor* editor = child(currentChild_)) {
        editor->unlink();
        matching_->setLinkedPersonId(QString());
    }
}

void NewContactForm::markDirty() {
    if (loading_)
        return;
    dirty_ = true;
    draftCursor_ = nullptr; // typing again: where the cursor goes is the person's
    autosave_->typed();
}

nlohmann::json NewContactForm::contactJson() const {
    nlohmann::json json = extra_;
    json["received_at"] = core::formatInstant(fromQDateTime(receivedAt_->dateTime()));
    json["channel"] = ss(channel_->currentData().toString());
    putText(json, "source", source_->code());

    nlohmann::json referrer = referrerExtra_;
    putText(referrer, "name", referrerName_->text());
    putText(referrer, "agency", referrerAgency_->text());
    putText(referrer, "role", referrerRole_->text());
    putText(referrer, "phone", referrerPhone_->text());
    putText(referrer, "email", referrerEmail_->text());
    putText(referrer, "relationship_to_child", referrerRelationship_->text());
    if (withholdIdentity_->isChecked())
        referrer["withhold_identity_from_family"] = true;
    else
        referrer.erase("withhold_identity_from_family");
    if (!referrer.empty())
        json["referrer"] = referrer;
    else
        json.erase("referrer");

    auto children = nlohmann::json::array();
    for (const auto* child : children_)
        children.push_back(child->toJson());
    json["children"] = children;
    auto adults = nlohmann::json::array();
    for (const auto* adult : adults_)
        adults.push_back(adult->toJson());
    if (!adults.empty())
        json["adults"] = adults;
    else
        json.erase("adults");
    putText(json, "concern", concern_->toPlainText());

    nlohmann::json consent = consentExtra_;
    putText(consent, "status", consentStatus_->currentData().toString());
    putText(consent, "basis_without_consent", consentBasis_->toPlainText());
    putText(consent, "authorised_by", consentAuthorisedBy_->text());
    if (!consent.empty())
        json["consent"] = consent;
    else
        json.erase("consent");
    return json;
}

nlohmann::json NewContactForm::handoverJson() const {
    nlohmann::json handover = nlohmann::json::object();
    if (alreadyDone_) {
        putText(handover, "already_done", alreadyDone_->toPlainText());
        putText(handover, "handover_note", handoverNote_->toPlainText());
    }
    return handover;
}

bool NewContactForm::isOutOfHours() const { return session_.role == core::role::kEdtWorker; }

void NewContactForm::loadJson(const nlohmann::json& body) {
    loading_ = true;
    extra_ = body.is_object() ? body : nlohmann::json::object();
    for (const char* key : {"id", "received_at", "channel", "source", "referrer", "children", "adults", "concern", "consent",
                            "handover", "cursor"})
        extra_.erase(key);
    if (alreadyDone_ && body.is_object() && body.contains("handover") && body.at("handover").is_object()) {
        alreadyDone_->setPlainText(jsonText(body.at("handover"), "already_done"));
        handoverNote_->setPlainText(jsonText(body.at("handover"), "handover_note"));
    }
    if (const auto received = core::parseInstant(body.value("received_at", std::string())))
        receivedAt_->setDateTime(toLocal(*received));
    const int channel = channel_->findData(jsonText(body, "channel"));
    if (channel >= 0)
        channel_->setCurrentIndex(channel);
    source_->setCode(jsonText(body, "source"));

    const auto& referrer = body.contains("referrer") && body.at("referrer").is_object() ? body.at("referrer")
                                                                                         : nlohmann::json::object();
    referrerExtra_ = referrer;
    for (const char* key : {"name", "agency", "role", "phone", "email", "relationship_to_child", "withhold_identity_from_family"})
        referrerExtra_.erase(key);
    referrerName_->setText(jsonText(referrer, "name"));
    referrerAgency_->setText(jsonText(referrer, "agency"));
    referrerRole_->setText(jsonText(referrer, "role"));
    referrerPhone_->setText(jsonText(referrer, "phone"));
    referrerEmail_->setText(jsonText(referrer, "email"));
    referrerRelationship_->setText(jsonText(referrer, "relationship_to_child"));
    withholdIdentity_->setChecked(referrer.value("withhold_identity_from_family", false));

    const auto children = body.contains("children") && body.at("children").is_array() ? body.at("children")
                                                                                       : nlohmann::json::array();
    while (childCount() < static_cast<int>(children.size()))
        addChild(false);
    for (size_t i = 0; i < children.size(); ++i)
        children_[i]->fromJson(children[i]);
    if (body.contains("adults") && body.at("adults").is_array())
        for (const auto& adult : body.at("adults")) {
            auto* editor = newAdultEditor(static_cast<int>(adults_.size()));
            adults_.push_back(editor);
            adultsLayout_->addWidget(editor);
            editor->fromJson(adult);
        }
    concern_->setPlainText(jsonText(body, "concern"));
    const auto& consent = body.contains("consent") && body.at("consent").is_object() ? body.at("consent")
                                                                                     : nlohmann::json::object();
    consentExtra_ = consent;
    for (const char* key : {"status", "basis_without_consent", "authorised_by"})
        consentExtra_.erase(key);
    consentStatus_->setCurrentIndex(std::max(0, consentStatus_->findData(jsonText(consent, "status"))));
    consentBasis_->setPlainText(jsonText(consent, "basis_without_consent"));
    consentAuthorisedBy_->setText(jsonText(consent, "authorised_by"));
    loading_ = false;
    dirty_ = false;
    autosave_->stop();
}

bool NewContactForm::saveDraftNow() {
    autosave_->stop();
    if (recorded_ || !dirty_)
        return true;
    try {
        nlohmann::json body = contactJson();
        if (const auto handover = handoverJson(); !handover.empty())
            body["handover"] = handover; // kept with the draft; sent to core apart from the contact
        if (auto cursor = cursorIn(this); !cursor.is_null())
            body["cursor"] = std::move(cursor); // where the typing was, put back when the draft is continued
        const std::string id = core::ContactService(workspace_).saveDraft(session_.actor(), ss(draftId_), body);
        draftId_ = qs(id);
        dirty_ = false;
        draftStatus_->setText(tr("Draft saved %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
        if (!banner_->isHidden() && banner_->property("kind").toString() == QLatin1String("save"))
            banner_->hide();
        emit draftSaved(draftId_);
        return true;
    } catch (const std::exception& e) {
        QString message = tr("The draft could not be saved: %1. What you typed is still here; it will be tried again.")
                              .arg(QString::fromUtf8(e.what()));
        // The database itself failed (gone, replaced, full, unwritable): keep the typing outside it too.
        if (dynamic_cast<const core::StoreError*>(&e)) {
            nlohmann::json typed = contactJson();
            if (const auto handover = handoverJson(); !handover.empty())
                typed["handover"] = handover;
            recoveryFile_ = writeRecoveryFile(QString::fromStdString(workspace_.db().path()),
                                              QString::fromStdString(session_.user.id), QStringLiteral("new-contact"),
                                              typed, recoveryFile_);
            message += QLatin1Char(' ') + recoveryNote(recoveryFile_);
        }
        showBanner(message, true);
        banner_->setProperty("kind", QStringLiteral("save"));
        autosave_->retryIn(5000);
        return false;
    }
}

bool NewContactForm::prepareToClose(bool askOnFailure) {
    if (recorded_ || saveDraftNow())
        return true;
    if (!askOnFailure)
        return false;
    return QMessageBox::warning(this, tr("Draft not saved"),
                                tr("The draft could not be saved, so closing would lose what you typed.\n\n%1\n\n"
                                   "Close anyway?")
                                    .arg(banner_->text()),
                                QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Close;
}

bool NewContactForm::record() {
    ScopedUiTiming timing("record contact");
    // A code typed but not yet settled on (Ctrl+Enter straight from the box) counts as chosen.
    source_->settle();
    clearErrors();
    nlohmann::json input = contactJson();
    if (!draftId_.isEmpty())
        input["id"] = ss(draftId_);
    try {
        const auto result = isOutOfHours()
                                ? core::ContactWorkflow(workspace_).recordOutOfHours(session_.actor(), input, handoverJson())
                                : core::ContactService(workspace_).record(session_.actor(), input);
        recorded_ = true;
        dirty_ = false;
        autosave_->stop();
        const QString names = title().section(QStringLiteral(": "), 1);
        emit recorded(qs(result.contactId), names);
        return true;
    } catch (const core::ValidationError& e) {
        showErrors(e.errors());
    } catch (const std::exception& e) {
        showBanner(tr("The contact was not recorded: %1").arg(QString::fromUtf8(e.what())), true);
    }
    // Keep what was typed safe while the problems are put right.
    markDirty();
    saveDraftNow();
    return false;
}

void NewContactForm::discard(bool ask) {
    if (ask && (hasUnsavedChanges() || !draftId_.isEmpty())) {
        const auto answer = QMessageBox::question(this, tr("Discard this draft?"),
                                                  tr("Everything typed in this contact will be discarded. "
                                                     "The discarding is recorded."),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    if (!draftId_.isEmpty()) {
        try {
            core::ContactService(workspace_).discardDraft(session_.actor(), ss(draftId_), "discarded by the user");
        } catch (const std::exception& e) {
            showBanner(tr("The draft could not be discarded: %1").arg(QString::fromUtf8(e.what())), true);
            return;
        }
    }
    recorded_ = true; // nothing more to save
    autosave_->stop();
    emit discarded();
}

void NewContactForm::clearErrors() {
    for (auto* cell : findChildren<FieldCell*>())
        cell->clearError();
    childrenError_->hide();
    banner_->hide();
}

FieldCell* NewContactForm::cellForPath(const QString& path) const {
    static const QRegularExpression indexed(QStringLiteral(R"(^(children|adults)\[(\d+)\](?:\.(\w+))?)"));
    const auto match = indexed.match(path);
    if (match.hasMatch()) {
        const int index = match.captured(2).toInt();
        const QString key = match.captured(3).isEmpty() ? QStringLiteral("given_name") : match.captured(3);
        if (match.captured(1) == QLatin1String("children"))
            return child(index) ? child(index)->cellFor(key) : nullptr;
        return adult(index) ? adult(index)->cellFor(key) : nullptr;
    }
    if (path == QLatin1String("referrer"))
        return cells_.value(QStringLiteral("referrer.name"));
    if (path == QLatin1String("consent"))
        return cells_.value(QStringLiteral("consent.status"));
    return cells_.value(path);
}

void NewContactForm::showErrors(const std::vector<core::FieldError>& errors) {
    QStringList unplaced;
    QStringList where;
    QWidget* first = nullptr;
    int placed = 0;
    for (const auto& error : errors) {
        const QString path = qs(error.field);
        const QString problem = qs(error.problem);
        if (path == QLatin1String("children")) {
            childrenError_->setText(problem);
            childrenError_->show();
            first = first ? first : addChild_;
            where << tr("Children");
            ++placed;
            continue;
        }
        FieldCell* cell = cellForPath(path);
        if (!cell) {
            unplaced << QStringLiteral("%1: %2").arg(path, problem);
            continue;
        }
        QString text = readableProblem(cell->labelText(), problem);
        // Core names other fields by their JSON keys; say them as the form labels them.
        text.replace(QStringLiteral("give voice_missing_reason"), tr("say why there is no voice"));
        text.replace(QStringLiteral("voice_missing_reason"), tr("why there is no voice"));
        text.replace(QStringLiteral("date_of_birth_unknown"), tr("“not known”"));
        text.replace(QStringLiteral("basis_without_consent"), tr("the basis for sharing"));
        const QString name = cell->input()->accessibleName().isEmpty() ? cell->labelText()
                                                                       : cell->input()->accessibleName();
        if (!name.isEmpty() && !where.contains(name))
            where << name;
        // A date typed in a way the form could not read: say how to type it, not core's ISO format.
        if (auto* date = qobject_cast<DateLineEdit*>(cell->input()); date && date->hasUnreadableText())
            text = tr("“%1” is not a date: type it as dd/mm/yyyy, for example 12/03/2015").arg(date->text());
        cell->setError(cell->hasError() ? cell->errorText() + QLatin1Char('\n') + text : text);
        ++placed;
        if (!first)
            first = cell->input();
    }
    const QString summary = tr("Not recorded yet: %n problem(s) to put right, each shown beside its field: %1.", nullptr,
                               placed)
                                .arg(where.join(QStringLiteral(", ")));
    showBanner(unplaced.isEmpty() ? summary : summary + QLatin1Char('\n') + unplaced.join(QLatin1Char('\n')), true);
    banner_->setProperty("kind", QStringLiteral("validation"));
    if (first) {
        first->setFocus(Qt::OtherFocusReason);
        FocusKeeper::reveal(first); // also when it had the focus already
    }
}

void NewContactForm::showBanner(const QString& text, bool error) {
    banner_->setText(text);
    banner_->setProperty("role", error ? QStringLiteral("errorBanner") : QStringLiteral("infoBanner"));
    banner_->style()->unpolish(banner_);
    banner_->style()->polish(banner_);
    banner_->show();
}

} // namespace frontdoor::ui
