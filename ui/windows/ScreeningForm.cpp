#include "windows/ScreeningForm.h"

#include "contacts/ContactService.h"
#include "contacts/Outcomes.h"
#include "rules/RuleSetService.h"
#include "rules/ScreeningDecisionService.h"
#include "support/BackgroundReader.h"
#include "support/FocusKeeper.h"
#include "support/FormDraftKeeper.h"
#include "support/FormFeedback.h"
#include "support/Shortcuts.h"
#include "support/TabLeaves.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "support/WorkflowText.h"
#include "widgets/ContactView.h"
#include "widgets/FieldCell.h"
#include "widgets/FormParts.h"
#include "widgets/RowTable.h"
#include "workflow/ContactWorkflow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <type_traits>

namespace frontdoor::ui {
namespace {

constexpr int kSuggestDelayMs = 120;
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2;

/// Indicator words wrap in their column, so each can be read in full (the tree's rows grow to fit).
class WrappingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QSize base = QStyledItemDelegate::sizeHint(option, index);
        const auto* view = qobject_cast<const QTreeView*>(opt.widget);
        if (!view || opt.text.isEmpty())
            return base;
        int depth = 0;
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
            ++depth;
        int width = view->columnWidth(index.column()) - 12;
        if (index.column() == 0)
            width -= view->indentation() * (depth + 1) + (opt.features & QStyleOptionViewItem::HasCheckIndicator ? 24 : 0);
        const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, std::max(width, 60), 100000),
                                                        Qt::TextWordWrap, opt.text);
        return {base.width(), std::max(base.height(), text.height() + 8)};
    }
};

nlohmann::json analysisJson(const QPlainTextEdit* risks, const QPlainTextEdit* strengths, const QPlainTextEdit* analysis) {
    return {{"risks", ss(risks->toPlainText().trimmed())},
            {"strengths", ss(strengths->toPlainText().trimmed())},
            {"analysis", ss(analysis->toPlainText().trimmed())}};
}

} // namespace

struct ScreeningForm::Loaded {
    nlohmann::json contact;
    nlohmann::json state;
    nlohmann::json rules;
    std::shared_ptr<const core::RuleSet> ruleSet;
    nlohmann::json lastDecision;
    nlohmann::json suggestion;
    std::optional<nlohmann::json> draft;
};

ScreeningForm::ScreeningForm(core::Workspace& workspace, BackgroundReader& reader, core::Session session,
                             QString contactId, QWidget* parent)
    : QWidget(parent), workspace_(workspace), reader_(reader), session_(std::move(session)),
      contactId_(std::move(contactId)) {
    setObjectName(QStringLiteral("screeningForm"));
    setAccessibleName(tr("Screening"));
    build();
    setEnabled(false);

    // Reading the contact to screen it is a read of the record: logged once, as the form opens.
    const std::string id = ss(contactId_);
    const core::Actor actor = session_.actor();
    reader_.run<Loaded>(
        this, QStringLiteral("screening form"),
        [id, actor](core::Workspace& ws) {
            Loaded data;
            data.contact = core::ContactService(ws).view(actor, id);
            data.contact.erase("timeline");
            data.state = core::ContactWorkflow(ws).state(id);
            const auto active = core::RuleSetService(ws).active();
            data.ruleSet = active.rules;
            data.rules = core::describeRuleSet(*active.rules);
            core::ScreeningDecisionService decisions(ws);
            const auto earlier = decisions.forContact(id);
            nlohmann::json request{{"indicators", nlohmann::json::array()}};
            if (!earlier.empty()) {
                data.lastDecision = earlier.back().toJson();
                const auto& inputs = data.lastDecision.value("inputs", nlohmann::json::object());
                request["indicators"] = inputs.value("indicators", nlohmann::json::array());
            }
            data.suggestion = decisions.screenRecorded(id, request).toJson();
            data.draft = FormDraftKeeper::read(ws, actor, id, "screening");
            return data;
        },
        [this](Answer<Loaded> answer) {
            if (!answer.ok()) {
                header_->setText(tr("<b>This contact cannot be screened here.</b> %1").arg(answer.error.toHtmlEscaped()));
                setEnabled(true);
                return;
            }
            showLoaded(*answer.value);
        });
}

ScreeningForm::~ScreeningForm() {
    // A form closed any other way than through its tab (the window torn down) still keeps its draft.
    drafts_->saveNow();
}

void ScreeningForm::build() {
    banner_ = newBannerLabel(QStringLiteral("screeningBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner_);
    draftStatus_ = newDraftStatusLine();
    drafts_ = new FormDraftKeeper(workspace_, session_.actor(), contactId_, "screening", [this] { return draftFields(); },
                                  draftStatus_, *feedback_, this);
    header_ = newPageHeader(QStringLiteral("screeningHeader"), tr("Loading the contact…"));

    // Partner checks: those recorded, and one being typed.
    auto* checksBox = newSection(tr("Partner checks"), QStringLiteral("partnerChecksSection"));
    checks_ = new RowTable(workspace_.clock(),
                           {{QStringLiteral("agency"), tr("Agency"), RowTable::Kind::Text, 105},
                            {QStringLiteral("person_spoken_to"), tr("Spoke to"), RowTable::Kind::Text, 95},
                            {QStringLiteral("when"), tr("When"), RowTable::Kind::Text, 110},
                            {QStringLiteral("shared"), tr("What was shared"), RowTable::Kind::Text, 0},
                            {QStringLiteral("basis"), tr("Basis"), RowTable::Kind::Text, 110}});
    checks_->setObjectName(QStringLiteral("partnerCheckList"));
    checks_->setAccessibleName(tr("Partner checks recorded"));
    checks_->setReadOnly(true);
    checks_->setFocusPolicy(Qt::NoFocus);
    checkAgency_ = new QLineEdit;
    checkAgency_->setObjectName(QStringLiteral("checkAgency"));
    auto* agencies = new QCompleter(QStringList{tr("Police"), tr("Health visiting"), tr("School nursing"), tr("GP"),
                                                tr("School (designated safeguarding lead)"), tr("CAMHS"),
                                                tr("Domestic abuse service"), tr("Housing"), tr("Probation"),
                                                tr("Early help"), tr("Midwifery"), tr("Adult social care")},
                                    checkAgency_);
    agencies->setCaseSensitivity(Qt::CaseInsensitive);
    agencies->setFilterMode(Qt::MatchContains);
    checkAgency_->setCompleter(agencies);
    checkPerson_ = new QLineEdit;
    checkPerson_->setObjectName(QStringLiteral("checkPerson"));
    checkWhen_ = new QDateTimeEdit;
    checkWhen_->setObjectName(QStringLiteral("checkWhen"));
    checkWhen_->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    checkWhen_->setDateTime(toLocal(workspace_.clock().now()));
    tabLeaves(checkWhen_);
    checkShared_ = newTextBox(QStringLiteral("checkShared"), 2, tr("What they told you"));
    checkBasis_ = new QComboBox;
    checkBasis_->setObjectName(QStringLiteral("checkBasis"));
    checkBasis_->setEditable(true);
    checkBasis_->setInsertPolicy(QComboBox::NoInsert);
    checkBasis_->addItems({QString(), tr("Consent given by the parent"),
                           tr("Without consent: safeguarding (asking could put the child at risk)"),
                           tr("Without consent: authorised by the duty manager"), tr("Police information-sharing protocol")});
    setHint(checkBasis_->lineEdit(), tr("Consent, or why shared without it"));
    showChoicesInFull(checkBasis_);
    checkBasis_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    checkBasis_->setMinimumContentsLength(16);
    addCheck_ = new QPushButton(tr("Add partner check (%1)").arg(shortcutText("addRow")));
    addCheck_->setObjectName(QStringLiteral("addPartnerCheckButton"));
    connect(addCheck_, &QPushButton::clicked, this, &ScreeningForm::addPartnerCheck);
    const auto cell = [this](const QString& path, const QString& label, QWidget* input) {
        auto* c = new FieldCell(label, input);
        feedback_->addCell(path, c);
        return c;
    };
    auto* checkGrid = new QGridLayout;
    FieldGrid checkPlace(checkGrid, 6);
    checkPlace.add(cell(QStringLiteral("agency"), tr("A&gency"), checkAgency_), 3);
    checkPlace.add(cell(QStringLiteral("person_spoken_to"), tr("Person spoken to"), checkPerson_), 3);
    checkPlace.add(cell(QStringLiteral("checked_at"), tr("When"), checkWhen_), 2);
    checkPlace.add(cell(QStringLiteral("basis"), tr("Basis for sharing"), checkBasis_), 4);
    checkPlace.add(cell(QStringLiteral("shared"), tr("What was shared"), checkShared_), 6);
    checkGrid->addWidget(addCheck_, 3, 0, 1, 6, Qt::AlignRight);
    for (int column = 0; column < 6; ++column)
        checkGrid->setColumnStretch(column, 1);
    auto* checksLayout = new QVBoxLayout(checksBox);
    checksLayout->addWidget(checks_);
    checksLayout->addLayout(checkGrid);

    // Analysis.
    auto* analysisBox = newSection(tr("Analysis"), QStringLiteral("analysisSection"));
    risks_ = newTextBox(QStringLiteral("risks"), 3, tr("What worries you, and why"));
    strengths_ = newTextBox(QStringLiteral("strengths"), 3, tr("What is working well: people and things that keep the child safe"));
    analysis_ = newTextBox(QStringLiteral("analysis"), 3, tr("What it means for the child, weighing both"));
    auto* analysisGrid = new QGridLayout(analysisBox);
    FieldGrid analysisPlace(analysisGrid, 2);
    analysisPlace.add(cell(QStringLiteral("risks"), tr("Ris&ks"), risks_), 1);
    analysisPlace.add(cell(QStringLiteral("strengths"), tr("S&trengths"), strengths_), 1);
    analysisPlace.add(cell(QStringLiteral("analysis"), tr("Anal&ysis"), analysis_), 2);

    // Indicators.
    auto* indicatorBox = newSection(tr("Threshold indicators"), QStringLiteral("indicatorSection"));
    child_ = new QComboBox;
    child_->setObjectName(QStringLiteral("screenedChild"));
    child_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    child_->setMinimumContentsLength(16);
    indicatorSearch_ = new QLineEdit;
    indicatorSearch_->setObjectName(QStringLiteral("indicatorSearch"));
    setHint(indicatorSearch_, tr("Type to find an indicator: bruise, neglect, domestic… (Down to the list)"));
    indicatorSearch_->setClearButtonEnabled(true);
    indicatorSearch_->installEventFilter(this);
    indicatorModel_ = new QStandardItemModel(this);
    indicatorModel_->setHorizontalHeaderLabels({tr("Indicator"), tr("Level"), tr("Sources")});
    indicators_ = new QTreeView;
    indicators_->setObjectName(QStringLiteral("indicatorPicker"));
    indicators_->setAccessibleName(tr("Threshold indicators by domain: Space ticks"));
    indicators_->setModel(indicatorModel_);
    indicators_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    indicators_->setUniformRowHeights(false);
    indicators_->setWordWrap(true);
    indicators_->setAlternatingRowColors(true);
    indicators_->setMinimumHeight(260);
    indicators_->header()->setStretchLastSection(false);
    indicators_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    indicators_->header()->resizeSection(1, 80);
    indicators_->header()->resizeSection(2, 130);
    indicators_->installEventFilter(this);
    indicators_->setItemDelegate(new WrappingDelegate(indicators_));
    connect(indicators_->header(), &QHeaderView::sectionResized, indicators_, [this] { indicators_->doItemsLayout(); });
    connect(indicatorModel_, &QStandardItemModel::itemChanged, this, &ScreeningForm::onIndicatorChanged);
    connect(indicatorSearch_, &QLineEdit::textChanged, this, &ScreeningForm::filterIndicators);
    ticked_ = new QLabel(tr("Nothing ticked yet."));
    ticked_->setObjectName(QStringLiteral("tickedIndicators"));
    ticked_->setWordWrap(true);
    ticked_->setTextFormat(Qt::PlainText);
    auto* indicatorLayout = new QVBoxLayout(indicatorBox);
    auto* childRow = new QHBoxLayout;
    auto* childLabel = new QLabel(tr("Scr&eening for"));
    childLabel->setBuddy(child_);
    childRow->addWidget(childLabel);
    childRow->addWidget(child_, 1);
    indicatorLayout->addLayout(childRow);
    auto* searchLabel = new QLabel(tr("&Find an indicator (%1)").arg(shortcutText("findIndicator")));
    searchLabel->setBuddy(indicatorSearch_);
    indicatorLayout->addWidget(searchLabel);
    indicatorLayout->addWidget(indicatorSearch_);
    indicatorLayout->addWidget(indicators_);
    indicatorLayout->addWidget(ticked_);

    // About the child: the rule set's questions, and the DASH score.
    auto* contextBox = newSection(tr("About the child"), QStringLiteral("contextSection"));
    contextBox_ = contextBox;
    dash_ = new QSpinBox;
    dash_->setObjectName(QStringLiteral("dashScore"));
    dash_->setRange(-1, 27);
    dash_->setSpecialValueText(tr("not asked"));
    dash_->setValue(-1);
    dash_->setAccessibleName(tr("DASH risk checklist score"));
    history_ = new QLabel;
    history_->setObjectName(QStringLiteral("historyUsed"));
    history_->setWordWrap(true);
    history_->setProperty("role", QStringLiteral("hint"));
    connect(dash_, &QSpinBox::valueChanged, this, [this] {
        markDirty();
        requestSuggestion();
    });
    new QVBoxLayout(contextBox);

    // The recommendation.
    auto* recommendationBox = newSection(tr("Recommendation"), QStringLiteral("recommendationSection"));
    level_ = new QComboBox;
    level_->setObjectName(QStringLiteral("levelChoice"));
    outcome_ = new QComboBox;
    outcome_->setObjectName(QStringLiteral("outcomeChoice"));
    for (const auto& outcome : core::contactOutcomes())
        outcome_->addItem(qs(outcome.label), qs(outcome.code));
    for (QComboBox* combo : {level_, outcome_}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }
    for (QComboBox* combo : {level_, outcome_, child_})
        showChoicesInFull(combo);
    rag_ = new QComboBox;
    rag_->setObjectName(QStringLiteral("ragChoice"));
    for (const char* rag : {"red", "amber", "green"})
        rag_->addItem(ragLabel(rag), QString::fromLatin1(rag));
    connect(level_, &QComboBox::activated, this, [this] { levelChosen_ = true; updateDepartures(); markDirty(); });
    connect(outcome_, &QComboBox::activated, this, [this] { outcomeChosen_ = true; updateDepartures(); markDirty(); });
    connect(rag_, &QComboBox::activated, this, [this] { ragChosen_ = true; updateDepartures(); markDirty(); });
    departure_ = new QLabel;
    departure_->setObjectName(QStringLiteral("departureNote"));
    departure_->setWordWrap(true);
    rationale_ = newTextBox(QStringLiteral("rationale"), 3, tr("Why your choice differs from the rules' suggestion"));
    recommendation_ = newTextBox(QStringLiteral("recommendationText"), 3,
                              tr("Your recommendation and why, as the duty manager will read it"));
    auto* useSuggestionButton = new QPushButton(tr("Use the suggestion (%1)").arg(shortcutText("useSuggestion")));
    useSuggestionButton->setObjectName(QStringLiteral("useSuggestionButton"));
    useSuggestion_ = useSuggestionButton;
    connect(useSuggestionButton, &QPushButton::clicked, this, &ScreeningForm::useSuggestion);
    auto* recommendationGrid = new QGridLayout(recommendationBox);
    FieldGrid recommendationPlace(recommendationGrid, 6);
    recommendationPlace.add(cell(QStringLiteral("level"), tr("&Level"), level_), 2);
    recommendationPlace.add(cell(QStringLiteral("outcome"), tr("&Outcome"), outcome_), 3);
    recommendationPlace.add(cell(QStringLiteral("rag"), tr("R&AG"), rag_), 1);
    auto* departureRow = new QWidget;
    auto* departureLayout = new QHBoxLayout(departureRow);
    departureLayout->setContentsMargins(0, 0, 0, 0);
    departureLayout->addWidget(departure_, 1);
    departureLayout->addWidget(useSuggestionButton, 0, Qt::AlignTop);
    recommendationPlace.add(departureRow, 6);
    rationaleCell_ = cell(QStringLiteral("rationale"), tr("Rationale"), rationale_);
    recommendationPlace.add(rationaleCell_, 6);
    recommendationPlace.add(cell(QStringLiteral("recommendation"), tr("&Recommendation"), recommendation_), 6);
    for (int column = 0; column < 6; ++column)
        recommendationGrid->setColumnStretch(column, 1);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(4, 4, 8, 4);
    for (QWidget* part : {static_cast<QWidget*>(checksBox), static_cast<QWidget*>(analysisBox),
                          static_cast<QWidget*>(indicatorBox), static_cast<QWidget*>(contextBox),
                          static_cast<QWidget*>(recommendationBox)})
        contentLayout->addWidget(part);
    contentLayout->addStretch(1);
    scroll_ = new QScrollArea;
    scroll_->setObjectName(QStringLiteral("screeningScroll"));
    scroll_->setWidget(content);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Never narrower than its fields need: a narrow window gives the suggestion less.
    scroll_->setMinimumWidth(content->minimumSizeHint().width() + scroll_->verticalScrollBar()->sizeHint().width() + 4);

    // Beside the form: the live suggestion, and the contact being screened.
    suggestionView_ = new QTextBrowser;
    suggestionView_->setObjectName(QStringLiteral("suggestionPanel"));
    suggestionView_->setAccessibleName(tr("The rules' suggestion and its reasons"));
    suggestionView_->setFocusPolicy(Qt::ClickFocus);
    contactView_ = new QTextBrowser;
    contactView_->setObjectName(QStringLiteral("screenedContact"));
    contactView_->setAccessibleName(tr("The contact being screened"));
    contactView_->setFocusPolicy(Qt::ClickFocus);
    auto* side = side_ = new QSplitter(Qt::Vertical);
    side->setObjectName(QStringLiteral("screeningSide"));
    side->addWidget(suggestionView_);
    side->addWidget(contactView_);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    side->setChildrenCollapsible(false);

    splitter_ = new QSplitter(Qt::Horizontal);
    splitter_->setObjectName(QStringLiteral("screeningSplitter"));
    splitter_->addWidget(scroll_);
    splitter_->addWidget(side);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);
    side->setMinimumWidth(280);

    saveAnalysis_ = new QPushButton(tr("Save analysis (%1)").arg(shortcutText("saveAnalysis")));
    saveAnalysis_->setObjectName(QStringLiteral("saveAnalysisButton"));
    connect(saveAnalysis_, &QPushButton::clicked, this, &ScreeningForm::saveAnalysis);
    submit_ = new QPushButton(tr("Recommend (%1)").arg(shortcutText("recommend")));
    submit_->setObjectName(QStringLiteral("recommendButton"));
    submit_->setProperty("role", QStringLiteral("primary"));
    connect(submit_, &QPushButton::clicked, this, &ScreeningForm::submit);
    auto* hint = new QLabel(tr("The analysis is saved with the recommendation; partner checks are recorded as you add them."));
    hint->setProperty("role", QStringLiteral("hint"));
    hint->setWordWrap(true);
    auto* notes = new QVBoxLayout;
    notes->setSpacing(0);
    notes->addWidget(hint);
    notes->addWidget(draftStatus_);
    auto* actions = new QHBoxLayout;
    actions->addLayout(notes, 1);
    actions->addWidget(saveAnalysis_);
    actions->addWidget(submit_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(header_);
    layout->addWidget(banner_);
    layout->addWidget(splitter_, 1);
    layout->addLayout(actions);

    for (QPlainTextEdit* edit : {risks_, strengths_, analysis_, rationale_, recommendation_, checkShared_})
        connect(edit, &QPlainTextEdit::textChanged, this, &ScreeningForm::markDirty);
    for (QLineEdit* edit : {checkAgency_, checkPerson_})
        connect(edit, &QLineEdit::textEdited, this, &ScreeningForm::markDirty);
    connect(checkWhen_, &QDateTimeEdit::dateTimeChanged, this, &ScreeningForm::markDirty);
    connect(checkBasis_, &QComboBox::currentTextChanged, this, &ScreeningForm::markDirty);
    connect(child_, &QComboBox::activated, this, [this] {
        markDirty();
        requestSuggestion();
    });

    suggestTimer_ = new QTimer(this);
    suggestTimer_->setSingleShot(true);
    suggestTimer_->setInterval(kSuggestDelayMs);
    connect(suggestTimer_, &QTimer::timeout, this, [this] {
        ScopedUiTiming timing("suggestion requested");
        const std::string id = ss(contactId_);
        const nlohmann::json ask = request();
        const int generation = ++suggestionGeneration_;
        reader_.run<nlohmann::json>(
            this, QStringLiteral("suggestion"),
            [id, ask](core::Workspace& ws) { return core::ScreeningDecisionService(ws).screenRecorded(id, ask).toJson(); },
            [this, generation](Answer<nlohmann::json> answer) {
                if (generation != suggestionGeneration_)
                    return;
                suggestionPending_ = false;
                if (!answer.ok()) {
                    suggestionView_->setHtml(tr("<p><b>No suggestion:</b> %1</p>").arg(answer.error.toHtmlEscaped()));
                    emit suggestionUpdated();
                    return;
                }
                showSuggestion(*answer.value);
            },
            true);
    });

    const auto bind = [this](const char* id, auto slot) {
        auto* shortcut = new QShortcut(this);
        shortcut->setKeys(shortcutKeys(id));
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    bind("recommend", [this] { submit(); });
    bind("saveAnalysis", [this] { saveAnalysis(); });
    bind("useSuggestion", [this] { useSuggestion(); });
    bind("findIndicator", [this] {
        indicatorSearch_->setFocus(Qt::ShortcutFocusReason);
        indicatorSearch_->selectAll();
        scroll_->ensureWidgetVisible(indicatorSearch_, 0, 40);
    });
    // The partner check editor's Ctrl+Shift+N (tables have their own).
    for (QWidget* input : std::initializer_list<QWidget*>{checkAgency_, checkPerson_, checkWhen_, checkShared_, checkBasis_}) {
        auto* shortcut = new QShortcut(input);
        shortcut->setKeys(shortcutKeys("addRow"));
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ScreeningForm::addPartnerCheck);
    }
    connect(qApp, &QApplication::focusChanged, this, [this, indicatorBox](QWidget* old, QWidget* now) {
        if (!now || !scroll_->widget()->isAncestorOf(now))
            return;
        // Finding an indicator: the whole picker in view, from its top.
        if ((now == indicatorSearch_ || now == indicators_) && old != indicatorSearch_ && old != indicators_) {
            scroll_->verticalScrollBar()->setValue(indicatorBox->mapTo(scroll_->widget(), QPoint(0, 0)).y() - 4);
            return;
        }
    });
    FocusKeeper::install(); // any other field typed in stays in view
}

QString ScreeningForm::title() const { return title_.isEmpty() ? tr("Screening") : title_; }

void ScreeningForm::showLoaded(const Loaded& data) {
    ScopedUiTiming timing("screening form shown");
    settingUp_ = true;
    rules_ = data.ruleSet;
    rulesJson_ = data.rules;
    const auto& state = data.state;
    const QStringList children = childrenOf(data.contact);
    title_ = tr("Screening: %1").arg(children.isEmpty() ? tr("contact") : childNamesOf(data.contact));
    emit titleChanged(title_);
    header_->setText(tr("<b style='font-size:large'>Screening</b> · %1 · received %2 · %3")
                         .arg(children.join(QStringLiteral(", ")).toHtmlEscaped(),
                              shortDateTime(data.contact.value("received_at", std::string())).toHtmlEscaped(),
                              statusLabel(state.value("status", std::string())).toHtmlEscaped()));
    if (state.value("status", std::string()) == "returned")
        feedback_->showMessage(tr("Returned for edits: %1").arg(jsonText(state, "returned_reason")), false);

    // The contact, for reference while screening.
    contactView_->setHtml(contactRecordHtml(data.contact));

    // Partner checks recorded so far.
    auto rows = nlohmann::json::array();
    for (const auto& check : state.value("partner_checks", nlohmann::json::array()))
        rows.push_back({{"agency", check.value("agency", "")},
                        {"person_spoken_to", check.value("person_spoken_to", "")},
                        {"when", ss(shortDateTime(check.value("checked_at", std::string())))},
                        {"shared", check.value("shared", "")},
                        {"basis", check.value("basis", "")}});
    checks_->setJson(rows);

    // The analysis so far.
    savedAnalysis_ = state.value("analysis", nlohmann::json());
    risks_->setPlainText(jsonText(savedAnalysis_, "risks"));
    strengths_->setPlainText(jsonText(savedAnalysis_, "strengths"));
    analysis_->setPlainText(jsonText(savedAnalysis_, "analysis"));

    // Which child: the suggestion's (the youngest unless the screener chooses).
    child_->clear();
    for (int i = 0; i < children.size(); ++i)
        child_->addItem(children[i], i);
    const int screened = data.suggestion.value("child", nlohmann::json::object()).value("index", 0);
    child_->setCurrentIndex(std::max(0, child_->findData(screened)));
    child_->setEnabled(children.size() > 1);

    buildIndicators(rulesJson_.value("domains", nlohmann::json::array()));

    // The rule set's questions about the child.
    auto* contextLayout = static_cast<QVBoxLayout*>(contextBox_->layout());
    for (const auto& question : rulesJson_.value("context_questions", nlohmann::json::array())) {
        const std::string id = question.value("id", std::string());
        if (question.value("type", std::string()) != "yes_no" || id == "re_referral")
            continue; // history questions come from the child's record
        // The question's words wrap beside the box (a check box's own text does not).
        auto* box = new QCheckBox;
        box->setObjectName(QStringLiteral("context_") + qs(id));
        box->setAccessibleName(jsonText(question, "words"));
        auto* words = new QLabel(jsonText(question, "words"));
        words->setWordWrap(true);
        words->setBuddy(box);
        words->setProperty("toggles", QVariant::fromValue(static_cast<QObject*>(box)));
        words->installEventFilter(this);
        auto* row = new QHBoxLayout;
        row->addWidget(box, 0, Qt::AlignTop);
        row->addWidget(words, 1);
        contextFlags_.insert(qs(id), box);
        contextLayout->addLayout(row);
        // A layout shows the widgets it is given only when the event loop next runs; until then Tab
        // would skip the question. Shown now, it is in the tab order the moment the form is loaded.
        box->show();
        words->show();
        connect(box, &QCheckBox::toggled, this, [this] {
            markDirty();
            requestSuggestion();
        });
    }
    auto* dashRow = new QHBoxLayout;
    auto* dashLabel = new QLabel(tr("&DASH risk checklist score (0–27), when there is domestic abuse"));
    dashLabel->setBuddy(dash_);
    dashRow->addWidget(dashLabel, 1);
    dashRow->addWidget(dash_);
    contextLayout->addLayout(dashRow);
    contextLayout->addWidget(history_);

    // The levels of this rule set, with their local labels.
    level_->clear();
    for (const auto& level : rulesJson_.value("levels", nlohmann::json::array()))
        level_->addItem(tr("%1: %2").arg(jsonText(level, "label"), jsonText(level, "name")), level.value("level", 0));

    // A returned contact: the earlier screening as it was, to change what the manager asked.
    const auto& last = data.lastDecision;
    if (last.is_object() && !last.empty()) {
        const auto& inputs = last.value("inputs", nlohmann::json::object());
        const auto& context = inputs.value("context", nlohmann::json::object());
        for (auto it = contextFlags_.begin(); it != contextFlags_.end(); ++it)
            it.value()->setChecked(context.value(ss(it.key()), false));
        if (context.contains("dash_score") && context.at("dash_score").is_number_integer())
            dash_->setValue(context.at("dash_score").get<int>());
        level_->setCurrentIndex(std::max(0, level_->findData(last.value("level", 0))));
        outcome_->setCurrentIndex(std::max(0, outcome_->findData(jsonText(last, "outcome"))));
        rag_->setCurrentIndex(std::max(0, rag_->findData(jsonText(last, "rag"))));
        levelChosen_ = outcomeChosen_ = ragChosen_ = true;
        rationale_->setPlainText(jsonText(last, "rationale"));
        recommendation_->setPlainText(
            jsonText(state.value("recommendation", nlohmann::json::object()), "recommendation"));
        for (const auto& id : inputs.value("indicators", nlohmann::json::array()))
            if (id.is_string())
                setIndicatorTicked(qs(id.get<std::string>()), true);
    }
    showSuggestion(data.suggestion);
    checkWhenDefault_ = checkWhen_->dateTime();
    rebuildTabOrder();
    updateTicked();

    // What the screener typed before and did not record yet: put back over the record.
    drafts_->begin();
    const bool restored = data.draft && drafts_->matches(*data.draft);
    if (restored) {
        restoreDraft(FormDraftKeeper::typed(*data.draft));
        drafts_->restored(*data.draft);
    }
    loaded_ = true;
    settingUp_ = false;
    setEnabled(true);
    if (restored)
        requestSuggestion(); // for the indicators and answers as they were typed
    emit loaded();
}

void ScreeningForm::rebuildTabOrder() {
    // The order the screen reads: checks, analysis, indicators, the child, the recommendation.
    QList<QWidget*> chain{checkAgency_, checkPerson_, checkWhen_, checkBasis_, checkShared_, addCheck_, risks_,
                          strengths_, analysis_, child_, indicatorSearch_, indicators_};
    for (const auto& question : rulesJson_.value("context_questions", nlohmann::json::array()))
        if (QCheckBox* box = contextFlags_.value(qs(question.value("id", std::string()))))
            chain << box;
    chain << dash_ << level_ << outcome_ << rag_ << useSuggestion_ << rationale_ << recommendation_ << saveAnalysis_
          << submit_;
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        QWidget::setTabOrder(chain[i], chain[i + 1]);
}

void ScreeningForm::buildIndicators(const nlohmann::json& domains) {
    indicatorModel_->removeRows(0, indicatorModel_->rowCount());
    for (const auto& domain : domains) {
        auto* group = new QStandardItem(jsonText(domain, "label"));
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font();
        bold.setBold(true);
        group->setFont(bold);
        QList<QStandardItem*> groupRow{group, new QStandardItem, new QStandardItem};
        for (auto* item : groupRow)
            item->setFlags(Qt::ItemIsEnabled);
        for (const auto& indicator : domain.value("indicators", nlohmann::json::array())) {
            auto* words = new QStandardItem(jsonText(indicator, "words"));
            words->setData(jsonText(indicator, "id"), kIdRole);
            words->setData(jsonText(indicator, "id") + QLatin1Char(' ') + jsonText(indicator, "words") + QLatin1Char(' ') +
                               jsonText(domain, "label"),
                           kSearchRole);
            words->setCheckable(true);
            words->setCheckState(Qt::Unchecked);
            words->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            QStringList sources;
            QStringList links;
            for (const auto& source : indicator.value("sources", nlohmann::json::array())) {
                sources << jsonText(source, "key");
                links << jsonText(source, "link");
            }
            QStringList about{tr("%1 · %2 · suggests %3")
                                  .arg(jsonText(indicator, "id"), jsonText(indicator, "level_label"),
                                       qs(core::outcomeLabel(indicator.value("outcome", std::string()))))};
            if (indicator.contains("also_consider")) {
                QStringList also;
                for (const auto& code : indicator.at("also_consider"))
                    also << qs(core::outcomeLabel(code.get<std::string>()));
                about << tr("Also consider: %1").arg(also.join(QStringLiteral(", ")));
            }
            if (!jsonText(indicator, "notes").isEmpty())
                about << jsonText(indicator, "notes");
            if (!links.isEmpty())
                about << tr("Sources: %1").arg(links.join(QStringLiteral(" ")));
            words->setToolTip(about.join(QLatin1Char('\n')));
            auto* level = new QStandardItem(jsonText(indicator, "level_label"));
            level->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            auto* source = new QStandardItem(sources.join(QStringLiteral(", ")));
            source->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            source->setToolTip(links.join(QLatin1Char('\n')));
            group->appendRow({words, level, source});
        }
        indicatorModel_->appendRow(groupRow);
    }
    indicators_->expandAll();
}

void ScreeningForm::filterIndicators() {
    ScopedUiTiming timing("indicator filter");
    // Core decides what matches (every word of the search, in the id, words or domain); the picker
    // hides the rest.
    QSet<QString> shown;
    if (rules_)
        for (const auto* indicator : core::searchIndicators(*rules_, ss(indicatorSearch_->text())))
            shown.insert(qs(indicator->id));
    QModelIndex firstShown;
    for (int g = 0; g < indicatorModel_->rowCount(); ++g) {
        QStandardItem* group = indicatorModel_->item(g);
        int visible = 0;
        for (int r = 0; r < group->rowCount(); ++r) {
            const bool match = shown.contains(group->child(r)->data(kIdRole).toString());
            indicators_->setRowHidden(r, group->index(), !match);
            if (match) {
                ++visible;
                if (!firstShown.isValid())
                    firstShown = group->child(r)->index();
            }
        }
        indicators_->setRowHidden(g, {}, visible == 0);
    }
    indicators_->expandAll();
    const QModelIndex current = indicators_->currentIndex();
    if (firstShown.isValid() && (!current.isValid() || indicators_->isRowHidden(current.row(), current.parent()) ||
                                 !current.parent().isValid()))
        indicators_->setCurrentIndex(firstShown);
}

bool ScreeningForm::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseButtonRelease) {
        // Clicking a question's words ticks its box, as clicking a check box's own text would.
        if (auto* box = qobject_cast<QCheckBox*>(watched->property("toggles").value<QObject*>())) {
            box->toggle();
            box->setFocus(Qt::MouseFocusReason);
            return true;
        }
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (watched == indicatorSearch_) {
        // Down goes to the list; Enter ticks the highlighted indicator without leaving the search.
        if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
            indicators_->setFocus(Qt::OtherFocusReason);
            if (!indicators_->currentIndex().isValid() || !indicators_->currentIndex().parent().isValid())
                filterIndicators();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            const QModelIndex current = indicators_->currentIndex();
            if (current.isValid() && current.parent().isValid()) {
                QStandardItem* item = indicatorModel_->itemFromIndex(current.siblingAtColumn(0));
                item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
            }
            return true;
        }
    } else if (watched == indicators_) {
        // Typing in the list types in the search: "type to filter, Space to tick".
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isPrint() && text != QLatin1String(" ") &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            indicatorSearch_->setFocus(Qt::OtherFocusReason);
            indicatorSearch_->insert(text);
            return true;
        }
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            const QModelIndex current = indicators_->currentIndex();
            if (current.isValid() && current.parent().isValid()) {
                QStandardItem* item = indicatorModel_->itemFromIndex(current.siblingAtColumn(0));
                item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
            }
            return true;
        }
        if ((key->key() == Qt::Key_Up || key->key() == Qt::Key_Down) && key->modifiers() == Qt::NoModifier) {
            // Up and Down go from indicator to indicator, over the domains' headings; Up from the
            // first goes back to the search.
            const bool down = key->key() == Qt::Key_Down;
            QModelIndex next = indicators_->currentIndex();
            do
                next = down ? indicators_->indexBelow(next) : indicators_->indexAbove(next);
            while (next.isValid() && !next.parent().isValid());
            if (next.isValid())
                indicators_->setCurrentIndex(next);
            else if (!down)
                indicatorSearch_->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ScreeningForm::onIndicatorChanged(QStandardItem* item) {
    if (!item || item->data(kIdRole).toString().isEmpty())
        return;
    updateTicked();
    if (settingUp_)
        return;
    markDirty();
    requestSuggestion();
}

void ScreeningForm::setIndicatorTicked(const QString& indicatorId, bool ticked) {
    for (int g = 0; g < indicatorModel_->rowCount(); ++g) {
        QStandardItem* group = indicatorModel_->item(g);
        for (int r = 0; r < group->rowCount(); ++r)
            if (group->child(r)->data(kIdRole).toString() == indicatorId)
                group->child(r)->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList ScreeningForm::tickedIndicators() const {
    QStringList ids;
    for (int g = 0; g < indicatorModel_->rowCount(); ++g) {
        QStandardItem* group = indicatorModel_->item(g);
        for (int r = 0; r < group->rowCount(); ++r)
            if (group->child(r)->checkState() == Qt::Checked)
                ids << group->child(r)->data(kIdRole).toString();
    }
    return ids;
}

void ScreeningForm::updateTicked() {
    QStringList words;
    for (int g = 0; g < indicatorModel_->rowCount(); ++g) {
        QStandardItem* group = indicatorModel_->item(g);
        for (int r = 0; r < group->rowCount(); ++r)
            if (group->child(r)->checkState() == Qt::Checked)
                words << QStringLiteral("%1 (%2)").arg(group->child(r)->data(kIdRole).toString(), group->child(r, 1)->text());
    }
    ticked_->setText(words.isEmpty() ? tr("Nothing ticked yet.")
                                     : tr("Ticked (%1): %2").arg(words.size()).arg(words.join(QStringLiteral(", "))));
}

nlohmann::json ScreeningForm::request() const {
    nlohmann::json context = nlohmann::json::object();
    for (auto it = contextFlags_.begin(); it != contextFlags_.end(); ++it)
        context[ss(it.key())] = it.value()->isChecked();
    if (dash_->value() >= 0)
        context["dash_score"] = dash_->value();
    auto indicators = nlohmann::json::array();
    for (const QString& id : tickedIndicators())
        indicators.push_back(ss(id));
    nlohmann::json json{{"indicators", indicators}, {"context", context}};
    if (child_->count() > 1)
        json["child"] = child_->currentData().toInt();
    return json;
}

void ScreeningForm::requestSuggestion() {
    if (!loaded_ || settingUp_)
        return;
    suggestionPending_ = true;
    suggestTimer_->start();
}

void ScreeningForm::showSuggestion(const nlohmann::json& suggestion) {
    ScopedUiTiming timing("suggestion shown");
    suggestion_ = suggestion;
    QString html = QStringLiteral("<style>li{margin-bottom:4px;} .big{font-size:large;font-weight:bold;} .m{color:#555;}"
                                  "</style>");
    const std::string rag = suggestion.value("rag", std::string());
    const QString ragColour = rag == "red" ? QStringLiteral("#c5221f") : rag == "amber" ? QStringLiteral("#b06000")
                                                                                          : QStringLiteral("#1e7e34");
    html += QStringLiteral("<p class='m'>%1</p>").arg(tr("The rules suggest (%1); you decide.")
                                                          .arg(jsonText(suggestion, "rules_version").toHtmlEscaped()));
    html += QStringLiteral("<p class='big'>%1 · %2 · <span style='color:%3'>RAG %4</span></p>")
                .arg(jsonText(suggestion, "level_label").toHtmlEscaped(),
                     jsonText(suggestion, "outcome_label").toHtmlEscaped(), ragColour, ragLabel(rag).toHtmlEscaped());
    if (suggestion.value("strategy_discussion", false))
        html += QStringLiteral("<p><b style='color:#c5221f'>%1</b></p>")
                    .arg(tr("A strategy discussion is needed (within 24 hours of the decision)."));
    const auto& child = suggestion.value("child", nlohmann::json::object());
    if (!child.empty())
        html += QStringLiteral("<p class='m'>%1</p>")
                    .arg(tr("For %1, %2.").arg(jsonText(child, "name"), jsonText(child, "age")).toHtmlEscaped());
    html += QStringLiteral("<b>%1</b><ol>").arg(tr("Why"));
    for (const auto& reason : suggestion.value("reasons", nlohmann::json::array()))
        html += QStringLiteral("<li>%1</li>").arg(jsonText(reason, "text").toHtmlEscaped());
    html += QStringLiteral("</ol>");
    QStringList also;
    for (const auto& code : suggestion.value("also_consider", nlohmann::json::array()))
        also << qs(core::outcomeLabel(code.get<std::string>()));
    if (!also.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Also consider:"), also.join(QStringLiteral(", ")).toHtmlEscaped());
    QStringList alerts;
    for (const auto& alert : suggestion.value("alerts", nlohmann::json::array()))
        alerts << humanise(alert.get<std::string>());
    if (!alerts.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Alerts:"), alerts.join(QStringLiteral(", ")).toHtmlEscaped());
    suggestionView_->setHtml(html);

    // What the history said, from the child's record.
    const auto& derived = suggestion.value("inputs", nlohmann::json::object()).value("derived", nlohmann::json::object());
    const std::string source = derived.value("history_source", std::string());
    if (source == "not_known")
        history_->setText(tr("History: the child is new to the front door (no earlier contacts)."));
    else
        history_->setText(tr("From the child's history: %1 contact(s) in the last 12 months, this one included; %2.")
                              .arg(derived.value("contacts_in_12_months", 0))
                              .arg(derived.value("re_referral", false) ? tr("a referral now would be a re-referral")
                                                                        : tr("not a re-referral")));
    applySuggestionToChoices();
    emit suggestionUpdated();
}

void ScreeningForm::applySuggestionToChoices() {
    if (suggestion_.is_null())
        return;
    if (!levelChosen_)
        level_->setCurrentIndex(std::max(0, level_->findData(suggestion_.value("level", 0))));
    if (!outcomeChosen_)
        outcome_->setCurrentIndex(std::max(0, outcome_->findData(jsonText(suggestion_, "outcome"))));
    if (!ragChosen_)
        rag_->setCurrentIndex(std::max(0, rag_->findData(jsonText(suggestion_, "rag"))));
    updateDepartures();
}

void ScreeningForm::useSuggestion() {
    levelChosen_ = outcomeChosen_ = ragChosen_ = false;
    applySuggestionToChoices();
    markDirty();
}

QStringList ScreeningForm::departures() const {
    QStringList differs;
    if (suggestion_.is_null())
        return differs;
    if (level_->currentData().toInt() != suggestion_.value("level", 0))
        differs << QStringLiteral("level");
    if (outcome_->currentData().toString() != jsonText(suggestion_, "outcome"))
        differs << QStringLiteral("outcome");
    if (rag_->currentData().toString() != jsonText(suggestion_, "rag"))
        differs << QStringLiteral("rag");
    return differs;
}

void ScreeningForm::updateDepartures() {
    const QStringList differs = departures();
    if (differs.isEmpty()) {
        departure_->setText(tr("Follows the rules' suggestion."));
        departure_->setProperty("role", QStringLiteral("hint"));
        rationaleCell_->setLabelText(tr("Rationale (optional: your choice follows the suggestion)"));
    } else {
        QStringList words;
        for (const QString& what : differs)
            words << (what == QLatin1String("rag") ? tr("RAG") : what == QLatin1String("level") ? tr("level") : tr("outcome"));
        departure_->setText(tr("Differs from the suggestion in %1: say why in the rationale.")
                                .arg(words.join(tr(" and "))));
        departure_->setProperty("role", QStringLiteral("error"));
        rationaleCell_->setLabelText(tr("Rationale (required: your choice differs from the suggestion in %1)")
                                         .arg(words.join(tr(" and "))));
    }
    departure_->style()->unpolish(departure_);
    departure_->style()->polish(departure_);
}

void ScreeningForm::markDirty() {
    if (!settingUp_)
        drafts_->changed();
}

nlohmann::json ScreeningForm::draftFields() const {
    nlohmann::json fields{{"check_agency", ss(checkAgency_->text())},
                          {"check_person", ss(checkPerson_->text())},
                          {"check_basis", ss(checkBasis_->currentText())},
                          {"check_shared", ss(checkShared_->toPlainText())},
                          {"risks", ss(risks_->toPlainText())},
                          {"strengths", ss(strengths_->toPlainText())},
                          {"analysis", ss(analysis_->toPlainText())},
                          {"rationale", ss(rationale_->toPlainText())},
                          {"recommendation", ss(recommendation_->toPlainText())},
                          {"dash_score", dash_->value()}};
    // The time of the check as the form set it is not typing: it is kept only once changed.
    if (checkWhen_->dateTime() != checkWhenDefault_)
        fields["check_when"] = core::formatInstant(fromQDateTime(checkWhen_->dateTime()));
    if (child_->count() > 1)
        fields["child"] = child_->currentData().toInt();
    auto indicators = nlohmann::json::array();
    for (const QString& id : tickedIndicators())
        indicators.push_back(ss(id));
    fields["indicators"] = indicators;
    nlohmann::json context = nlohmann::json::object();
    for (auto it = contextFlags_.begin(); it != contextFlags_.end(); ++it)
        context[ss(it.key())] = it.value()->isChecked();
    fields["context"] = context;
    // A choice made by hand; the others follow the suggestion, whatever it is when the form opens again.
    if (levelChosen_)
        fields["level"] = level_->currentData().toInt();
    if (outcomeChosen_)
        fields["outcome"] = ss(outcome_->currentData().toString());
    if (ragChosen_)
        fields["rag"] = ss(rag_->currentData().toString());
    return fields;
}

void ScreeningForm::restoreDraft(const nlohmann::json& typed) {
    const auto text = [&typed](const char* key, auto* edit) {
        if (!typed.contains(key))
            return;
        const QString value = jsonText(typed, key);
        if constexpr (std::is_same_v<std::remove_pointer_t<decltype(edit)>, QPlainTextEdit>)
            edit->setPlainText(value);
        else
            edit->setText(value);
    };
    text("check_agency", checkAgency_);
    text("check_person", checkPerson_);
    text("check_shared", checkShared_);
    text("risks", risks_);
    text("strengths", strengths_);
    text("analysis", analysis_);
    text("rationale", rationale_);
    text("recommendation", recommendation_);
    if (typed.contains("check_basis"))
        checkBasis_->setCurrentText(jsonText(typed, "check_basis"));
    if (const auto when = core::parseInstant(typed.value("check_when", std::string())))
        checkWhen_->setDateTime(toLocal(*when));
    if (typed.contains("child") && typed.at("child").is_number_integer())
        child_->setCurrentIndex(std::max(0, child_->findData(typed.at("child").get<int>())));
    if (typed.contains("indicators") && typed.at("indicators").is_array()) {
        QSet<QString> ticked;
        for (const auto& id : typed.at("indicators"))
            if (id.is_string())
                ticked.insert(qs(id.get<std::string>()));
        for (int g = 0; g < indicatorModel_->rowCount(); ++g) {
            QStandardItem* group = indicatorModel_->item(g);
            for (int r = 0; r < group->rowCount(); ++r)
                group->child(r)->setCheckState(ticked.contains(group->child(r)->data(kIdRole).toString()) ? Qt::Checked
                                                                                                          : Qt::Unchecked);
        }
    }
    if (typed.contains("context") && typed.at("context").is_object())
        for (auto it = contextFlags_.begin(); it != contextFlags_.end(); ++it)
            it.value()->setChecked(typed.at("context").value(ss(it.key()), false));
    if (typed.contains("dash_score") && typed.at("dash_score").is_number_integer())
        dash_->setValue(typed.at("dash_score").get<int>());
    // Level, outcome and RAG: as chosen by hand, or (null) following the suggestion again.
    const auto choice = [&typed](const char* key, QComboBox* combo, bool& chosen) {
        if (!typed.contains(key))
            return;
        const auto& value = typed.at(key);
        chosen = !value.is_null();
        if (value.is_number_integer())
            combo->setCurrentIndex(std::max(0, combo->findData(value.get<int>())));
        else if (value.is_string())
            combo->setCurrentIndex(std::max(0, combo->findData(qs(value.get<std::string>()))));
    };
    choice("level", level_, levelChosen_);
    choice("outcome", outcome_, outcomeChosen_);
    choice("rag", rag_, ragChosen_);
    applySuggestionToChoices();
    updateTicked();
}

bool ScreeningForm::saveDraftNow() { return drafts_->saveNow(); }

bool ScreeningForm::prepareToClose(bool askOnFailure) { return drafts_->prepareToClose(this, askOnFailure); }

void ScreeningForm::focusFirstInput() {
    if (!loaded_) {
        connect(this, &ScreeningForm::loaded, this, &ScreeningForm::focusFirstInput, Qt::SingleShotConnection);
        return;
    }
    if (drafts_->restoreCursor())
        return; // back where the typing was when the draft was saved
    checkAgency_->setFocus(Qt::OtherFocusReason);
    scroll_->verticalScrollBar()->setValue(0);
}

bool ScreeningForm::addPartnerCheck() {
    ScopedUiTiming timing("partner check added");
    feedback_->clear();
    nlohmann::json check{{"agency", ss(checkAgency_->text().trimmed())},
                         {"person_spoken_to", ss(checkPerson_->text().trimmed())},
                         {"checked_at", core::formatInstant(fromQDateTime(checkWhen_->dateTime()))},
                         {"shared", ss(checkShared_->toPlainText().trimmed())},
                         {"basis", ss(checkBasis_->currentText().trimmed())}};
    try {
        core::ContactWorkflow(workspace_).addPartnerCheck(session_.actor(), ss(contactId_), check);
    } catch (const core::ValidationError& e) {
        feedback_->showErrors(e.errors(), tr("The partner check was not added"));
        return false;
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("The partner check was not added"), e);
        return false;
    }
    check["when"] = ss(shortDateTime(fromQDateTime(checkWhen_->dateTime())));
    auto rows = checks_->toJson();
    rows.push_back(check);
    checks_->setJson(rows);
    checkAgency_->clear();
    checkPerson_->clear();
    checkShared_->clear();
    checkBasis_->setCurrentIndex(0);
    checkWhen_->setDateTime(toLocal(workspace_.clock().now()));
    checkWhenDefault_ = checkWhen_->dateTime();
    checkAgency_->setFocus(Qt::OtherFocusReason);
    feedback_->showMessage(tr("Partner check recorded."), false);
    emit contactChanged(contactId_);
    return true;
}

bool ScreeningForm::saveAnalysis() {
    const nlohmann::json now = analysisJson(risks_, strengths_, analysis_);
    const bool empty = now.value("risks", "").empty() && now.value("strengths", "").empty() &&
                       now.value("analysis", "").empty();
    if (empty || (savedAnalysis_.is_object() && savedAnalysis_.value("risks", "") == now.value("risks", "") &&
                  savedAnalysis_.value("strengths", "") == now.value("strengths", "") &&
                  savedAnalysis_.value("analysis", "") == now.value("analysis", "")))
        return true;
    feedback_->clear();
    try {
        core::ContactWorkflow(workspace_).saveAnalysis(session_.actor(), ss(contactId_), now);
    } catch (const core::ValidationError& e) {
        feedback_->showErrors(e.errors(), tr("The analysis was not saved"));
        return false;
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("The analysis was not saved"), e);
        return false;
    }
    savedAnalysis_ = now;
    feedback_->showMessage(tr("Analysis saved."), false);
    emit contactChanged(contactId_);
    return true;
}

bool ScreeningForm::submit() {
    ScopedUiTiming timing("recommendation submitted");
    if (!loaded_)
        return false;
    if (!saveAnalysis())
        return false;
    feedback_->clear();
    nlohmann::json input = request();
    input["level"] = level_->currentData().toInt();
    input["outcome"] = ss(outcome_->currentData().toString());
    input["rag"] = ss(rag_->currentData().toString());
    const QString rationale = rationale_->toPlainText().trimmed();
    if (!rationale.isEmpty())
        input["rationale"] = ss(rationale);
    input["recommendation"] = ss(recommendation_->toPlainText().trimmed());
    if (rules_)
        input["rules_version"] = rules_->version;
    try {
        core::ContactWorkflow(workspace_).recommend(session_.actor(), ss(contactId_), input);
    } catch (const core::ValidationError& e) {
        feedback_->showErrors(e.errors(), tr("Not recommended yet"));
        drafts_->saveNow(); // what was typed is safe while the problems are put right
        return false;
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("Not recommended"), e);
        drafts_->saveNow();
        return false;
    }
    drafts_->discard();
    emit recommended(contactId_);
    return true;
}

} // namespace frontdoor::ui
