#include "widgets/ContactView.h"

#include "contacts/ContactService.h"
#include "models/TimelineModel.h"
#include "people/PersonSearch.h"
#include "standards/CensusCodes.h"
#include "support/BackgroundReader.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "support/Urgency.h"
#include "support/WorkflowText.h"
#include "widgets/FlowLayout.h"
#include "widgets/PersonView.h"
#include "windows/ConflictsPage.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/SyncConflicts.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QRegularExpression>
#include <QLabel>
#include <QTimer>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <functional>

namespace frontdoor::ui {
namespace {

/// What happened is given at least this much room before the other columns wrap.
constexpr int kTimelineWhatRoom = 300;

/// Calls `onResize` whenever the watched widget is resized.
class ResizeWatcher : public QObject {
public:
    ResizeWatcher(QObject* parent, std::function<void()> onResize) : QObject(parent), onResize_(std::move(onResize)) {}
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Resize)
            onResize_();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> onResize_;
};

constexpr int kCountdownRefreshMs = 30'000;

QString esc(const QString& text) { return text.toHtmlEscaped(); }

QString row(const QString& label, const QString& value) {
    if (value.trimmed().isEmpty())
        return {};
    return QStringLiteral("<tr><td class='k'>%1</td><td>%2</td></tr>").arg(esc(label), esc(value).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

QString codeLabel(const std::vector<core::CodeLabel>& list, const nlohmann::json& object, const char* key) {
    const std::string code = object.value(key, std::string());
    if (code.empty())
        return {};
    const std::string label = core::labelOf(list, code);
    return label.empty() ? qs(code) : qs(label);
}

QString childBirth(const nlohmann::json& child) {
    if (child.value("unborn", false) || child.contains("expected_date"))
        return QCoreApplication::translate("ContactView", "unborn, due %1").arg(ukDate(child.value("expected_date", std::string())));
    if (child.value("date_of_birth_unknown", false))
        return QCoreApplication::translate("ContactView", "date of birth not known");
    return ukDate(child.value("date_of_birth", std::string()));
}

} // namespace

QString contactRecordHtml(const nlohmann::json& contact) {
    const auto tr = [](const char* text) { return QCoreApplication::translate("ContactView", text); };
    QString html = QStringLiteral("<style>td.k{color:#555;padding-right:12px;white-space:nowrap;vertical-align:top;}"
                                  "h3{margin:10px 0 2px 0;} h2{margin:14px 0 2px 0;font-size:medium;color:#174ea6;} p.v{margin:2px 0 6px 0;}"
                                  "table.grid{border-collapse:collapse;} table.grid td, table.grid th{border:1px solid #ccc;"
                                  "padding:2px 4px;vertical-align:top;} table.grid th{background:#f1f3f4;text-align:left;}"
                                  ".m{color:#555;}</style>");
    // Referrer
    const auto& referrer = contact.contains("referrer") ? contact.at("referrer") : nlohmann::json::object();
    html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Referrer"));
    html += row(tr("Name"), jsonText(referrer, "name"));
    html += row(tr("Agency"), jsonText(referrer, "agency"));
    html += row(tr("Role"), jsonText(referrer, "role"));
    html += row(tr("Relationship"), jsonText(referrer, "relationship_to_child"));
    html += row(tr("Phone"), jsonText(referrer, "phone"));
    html += row(tr("Email"), jsonText(referrer, "email"));
    if (referrer.value("withhold_identity_from_family", false))
        html += row(tr("Identity"), tr("Not to be disclosed to the family"));
    html += QStringLiteral("</table>");

    // Children
    if (contact.contains("children")) {
        for (const auto& child : contact.at("children")) {
            QString name = (jsonText(child, "given_name") + QLatin1Char(' ') + jsonText(child, "family_name")).trimmed();
            if (name.isEmpty() || child.value("unborn", false))
                name = jsonText(child, "given_name").isEmpty() ? tr("Unborn %1").arg(jsonText(child, "family_name"))
                                                               : name;
            html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Child: %1").arg(esc(name)));
            html += row(tr("Born"), childBirth(child));
            for (const auto& [key, label] : {std::pair{"previous_names", tr("Previous names")},
                                             std::pair{"alternative_names", tr("Also known as")}}) {
                QStringList names;
                if (child.contains(key) && child.at(key).is_array())
                    for (const auto& other : child.at(key))
                        names << (jsonText(other, "given_name") + QLatin1Char(' ') + jsonText(other, "family_name")).trimmed();
                html += row(label, names.join(QStringLiteral(", ")));
            }
            html += row(tr("Sex"), codeLabel(core::sexes(), child, "sex"));
            html += row(tr("Ethnicity"), codeLabel(core::ethnicities(), child, "ethnicity"));
            html += row(tr("Address"), QStringList{jsonText(child, "address"), jsonText(child, "postcode")}
                                           .filter(QRegularExpression(QStringLiteral("\\S")))
                                           .join(QStringLiteral(", ")));
            html += row(tr("Child's voice"), jsonText(child, "voice"));
            html += row(tr("Voice missing because"), jsonText(child, "voice_missing_reason"));
            html += QStringLiteral("</table>");
        }
    }
    // Adults
    if (contact.contains("adults") && !contact.at("adults").empty()) {
        html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Adults"));
        for (const auto& adult : contact.at("adults")) {
            QStringList about{humanise(adult.value("relationship", std::string()))};
            const std::string pr = adult.value("parental_responsibility", std::string());
            about << (pr == "yes"  ? tr("parental responsibility")
                      : pr == "no" ? tr("no parental responsibility")
                                   : tr("parental responsibility not known"));
            if (adult.value("lives_with_child", false))
                about << tr("lives with the child");
            const std::string born = adult.value("date_of_birth", std::string());
            if (!born.empty())
                about << tr("born %1").arg(ukDate(born));
            const QString phone = jsonText(adult, "phone");
            if (!phone.isEmpty())
                about << phone;
            const QString where = QStringList{jsonText(adult, "address"), jsonText(adult, "postcode")}
                                      .filter(QRegularExpression(QStringLiteral("\\S")))
                                      .join(QStringLiteral(", "));
            if (!where.isEmpty())
                about << where;
            const QString notes = jsonText(adult, "notes");
            html += row((jsonText(adult, "given_name") + QLatin1Char(' ') + jsonText(adult, "family_name")).trimmed(),
                        about.join(QStringLiteral(", ")) + (notes.isEmpty() ? QString() : QStringLiteral("\n") + notes));
        }
        html += QStringLiteral("</table>");
    }
    // Concern and consent
    html += QStringLiteral("<h3>%1</h3><p class='v'>%2</p>")
                .arg(tr("Concern"), esc(jsonText(contact, "concern")).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    const auto& consent = contact.contains("consent") ? contact.at("consent") : nlohmann::json::object();
    html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Consent"));
    html += row(tr("Status"), humanise(consent.value("status", std::string())));
    html += row(tr("Basis without consent"), jsonText(consent, "basis_without_consent"));
    html += row(tr("Authorised by"), jsonText(consent, "authorised_by"));
    html += QStringLiteral("</table>");
    return html;
}

ContactView::ContactView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("contactView"));
    header_ = new QLabel;
    header_->setObjectName(QStringLiteral("contactHeader"));
    header_->setWordWrap(true);
    header_->setTextFormat(Qt::RichText);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusLine_ = new QLabel;
    statusLine_->setObjectName(QStringLiteral("contactStatus"));
    statusLine_->setWordWrap(true);
    statusLine_->setTextFormat(Qt::RichText);
    statusLine_->setAccessibleName(tr("Where the contact stands"));
    statusLine_->hide();

    // What the signed-in person may do now; rebuilt when the contact loads.
    actionsBar_ = new QWidget;
    actionsBar_->setObjectName(QStringLiteral("contactActions"));
    actionsLayout_ = new FlowLayout(actionsBar_); // wraps in a narrow detail pane
    actionsLayout_->setContentsMargins(0, 2, 0, 2);
    actionNote_ = new QLabel;
    actionNote_->setObjectName(QStringLiteral("contactActionNote"));
    actionNote_->setProperty("role", QStringLiteral("hint"));
    actionNote_->setWordWrap(true);
    actionsBar_->hide();
    actionNote_->hide();
    // While two desks' versions of this contact wait for a duty manager (core/workflow/SyncConflicts).
    conflictBanner_ = new QWidget;
    conflictBanner_->setObjectName(QStringLiteral("contactConflictBanner"));
    conflictBanner_->setProperty("role", QStringLiteral("warning"));
    conflictBanner_->setAttribute(Qt::WA_StyledBackground);
    conflictBanner_->setStyleSheet(QStringLiteral("#contactConflictBanner{background:#fce8e6;border:1px solid #d93025;}"));
    conflictText_ = new QLabel;
    conflictText_->setObjectName(QStringLiteral("contactConflictText"));
    conflictText_->setWordWrap(true);
    conflictText_->setTextFormat(Qt::RichText);
    conflictText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    conflictButton_ = new QPushButton(tr("Open the conflict (%1)").arg(shortcutText("conflicts")));
    conflictButton_->setObjectName(QStringLiteral("contactConflictButton"));
    connect(conflictButton_, &QPushButton::clicked, this, [this] { emit actionRequested(QStringLiteral("conflicts"), contactId_); });
    auto* bannerLayout = new QHBoxLayout(conflictBanner_);
    bannerLayout->setContentsMargins(6, 4, 6, 4);
    bannerLayout->addWidget(conflictText_, 1);
    bannerLayout->addWidget(conflictButton_, 0, Qt::AlignTop);
    conflictBanner_->hide();
    countdownTimer_ = new QTimer(this);
    countdownTimer_->setInterval(kCountdownRefreshMs);
    connect(countdownTimer_, &QTimer::timeout, this, &ContactView::refreshCountdowns);

    record_ = new QTextBrowser;
    record_->setObjectName(QStringLiteral("contactRecord"));
    record_->setAccessibleName(tr("The contact as recorded"));
    record_->setOpenLinks(false);

    timelineModel_ = new TimelineModel(this);
    timeline_ = new QTableView;
    timeline_->setObjectName(QStringLiteral("timeline"));
    timeline_->setAccessibleName(tr("Timeline: every entry about this contact"));
    timeline_->setModel(timelineModel_);
    timeline_->setSelectionBehavior(QAbstractItemView::SelectRows);
    timeline_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    timeline_->verticalHeader()->hide();
    timeline_->horizontalHeader()->setStretchLastSection(true);
    // When, who and in which role as wide as they need; what happened takes the rest, wrapping onto
    // more lines rather than being cut (the tooltip has it whole too).
    timeline_->setWordWrap(true);
    timeline_->setTextElideMode(Qt::ElideRight);
    timeline_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // In a narrow pane the time goes under the date and who and the role wrap, so what happened keeps
    // room enough to be read.
    const auto fitTimeline = [this] {
        const QFontMetrics metrics = timeline_->fontMetrics();
        const int when = metrics.horizontalAdvance(QStringLiteral("Wed 30/09/2026 23:59:59")) + 16;
        const int who = metrics.horizontalAdvance(QStringLiteral("sam.screener")) + 16;
        const int role = metrics.horizontalAdvance(QStringLiteral("duty manager")) + 16;
        const bool narrow = timeline_->viewport()->width() - (when + who + role) < kTimelineWhatRoom;
        timeline_->setColumnWidth(TimelineModel::When,
                                  narrow ? metrics.horizontalAdvance(QStringLiteral("Wed 30/09/2026")) + 16 : when);
        timeline_->setColumnWidth(TimelineModel::Who, who);
        timeline_->setColumnWidth(TimelineModel::Role, narrow ? metrics.horizontalAdvance(QStringLiteral("manager")) + 16 : role);
    };
    timeline_->viewport()->installEventFilter(new ResizeWatcher(timeline_->viewport(), fitTimeline));

    auto* timelineBox = new QWidget;
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    auto* timelineHeading = new QLabel(tr("Timeline"));
    timelineHeading->setObjectName(QStringLiteral("timelineHeading"));
    timelineHeading->setProperty("role", QStringLiteral("heading"));
    timelineLayout->addWidget(timelineHeading);
    timelineLayout->addWidget(timeline_);
    // A correction selected in the timeline: what it changed, side by side (field | before | after).
    auto* changes = new QLabel;
    changes->setObjectName(QStringLiteral("timelineChanges"));
    changes->setTextFormat(Qt::RichText);
    changes->setWordWrap(true);
    changes->hide();
    timelineLayout->addWidget(changes);
    connect(timeline_->selectionModel(), &QItemSelectionModel::currentRowChanged, changes,
            [this, changes](const QModelIndex& current) {
                const QString html = timelineModel_->changesHtml(current.row());
                changes->setText(html.isEmpty() ? QString() : tr("<b>What the correction changed</b>") + html);
                changes->setVisible(!html.isEmpty());
            });
    connect(timelineModel_, &QAbstractItemModel::modelReset, changes, [changes] {
        changes->clear(); // the contact read again: nothing selected yet
        changes->hide();
    });

    splitter_ = new QSplitter(Qt::Vertical);
    splitter_->setObjectName(QStringLiteral("contactSplitter"));
    splitter_->addWidget(record_);
    splitter_->addWidget(timelineBox);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);

    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("contactTabs"));
    tabs_->setAccessibleName(tr("Contact and children"));
    tabs_->addTab(splitter_, tr("Contact"));
    tabs_->setDocumentMode(true);
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        // Opening a child's tab reads that child's history: said once per showing of the contact.
        auto* view = qobject_cast<PersonView*>(tabs_->widget(index));
        if (view && !view->property("readLogged").toBool()) {
            view->setProperty("readLogged", true);
            emit personShown(view->personId());
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header_);
    layout->addWidget(statusLine_);
    layout->addWidget(conflictBanner_);
    layout->addWidget(actionsBar_);
    layout->addWidget(actionNote_);
    layout->addWidget(tabs_, 1);
    showMessage(tr("Select a contact to see it here."));
}

void ContactView::setViewer(const core::Session& session, const core::Clock& clock, core::UrgencyThresholds thresholds) {
    session_ = session;
    clock_ = &clock;
    thresholds_ = thresholds;
}

QPushButton* ContactView::actionButton(const QString& name) const {
    auto* button = actionsBar_->findChild<QPushButton*>(name);
    return button && !button->property("stale").toBool() ? button : nullptr;
}

void ContactView::showActions() {
    for (auto* button : actionsBar_->findChildren<QPushButton*>()) {
        button->setProperty("stale", true);
        button->hide();
        button->deleteLater();
    }
    actionNote_->clear();
    actionNote_->hide();
    if (!session_ || !loaded_) {
        actionsBar_->hide();
        return;
    }
    const ContactActions actions = actionsFor(state_, *session_);
    const auto add = [this](const QString& name, const QString& text, const char* shortcutId, const QString& action) {
        auto* button = new QPushButton(tr("%1 (%2)").arg(text, shortcutText(shortcutId)));
        button->setObjectName(name);
        button->setAccessibleName(text);
        connect(button, &QPushButton::clicked, this, [this, action] { emit actionRequested(action, contactId_); });
        actionsLayout_->addWidget(button);
        return button;
    };
    if (actions.acknowledgeHandover)
        add(QStringLiteral("acknowledgeButton"), tr("Acknowledge handover"), "acknowledgeHandover",
            QStringLiteral("acknowledgeHandover"))
            ->setProperty("role", QStringLiteral("primary"));
    // The button names the child, so a slip (the wrong row) is visible before it is taken.
    const QString children = childNamesOf(contact_);
    if (actions.startScreening)
        add(QStringLiteral("screenButton"), children.isEmpty() ? tr("Screen") : tr("Screen %1").arg(children), "screen",
            QStringLiteral("screen"));
    if (actions.continueScreening)
        add(QStringLiteral("screenButton"),
            children.isEmpty() ? tr("Continue screening") : tr("Continue screening %1").arg(children), "screen",
            QStringLiteral("screen"));
    if (actions.handBack)
        add(QStringLiteral("handBackButton"), tr("Hand back to the queue"), "handBack", QStringLiteral("handBack"));
    if (actions.signOff)
        add(QStringLiteral("signOffButton"), tr("Sign off or return"), "signOff", QStringLiteral("signOff"))
            ->setProperty("role", QStringLiteral("primary"));
    if (actions.strategy)
        add(QStringLiteral("strategyButton"), actions.strategyLabel, "strategy", QStringLiteral("strategy"));
    if (actions.tellReferrer)
        add(QStringLiteral("tellReferrerButton"), tr("Tell the referrer"), "tellReferrer", QStringLiteral("tellReferrer"));
    if (actions.close)
        add(QStringLiteral("closeContactButton"), tr("Close the contact"), "closeContact", QStringLiteral("close"));
    if (actions.addNote)
        add(QStringLiteral("addNoteButton"), tr("Add a note"), "addNote", QStringLiteral("addNote"));
    QStringList notes;
    if (!actions.signOffWhyNot.isEmpty())
        notes << actions.signOffWhyNot;
    if (!actions.handoverWhyNot.isEmpty())
        notes << actions.handoverWhyNot;
    if (actions.close && !actions.outstanding.isEmpty())
        notes << tr("Before closing: %1.").arg(actions.outstanding.join(QStringLiteral("; ")));
    const bool any = actions.acknowledgeHandover || actions.startScreening || actions.continueScreening || actions.handBack ||
                     actions.signOff || actions.strategy || actions.tellReferrer || actions.close || actions.addNote;
    actionsBar_->setVisible(any);
    if (!notes.isEmpty()) {
        actionNote_->setText(notes.join(QLatin1Char(' ')));
        actionNote_->show();
    }
}

void ContactView::renderRecord() {
    // Where it stands first, then the contact as the referrer told it.
    QString html = contactRecordHtml(contact_);
    const int afterStyle = html.indexOf(QStringLiteral("</style>"));
    const QString where = clock_ ? workflowStateHtml(state_, *clock_, thresholds_) : QString();
    html.insert(afterStyle < 0 ? 0 : afterStyle + 8,
                QStringLiteral("<p class='m'>%1</p>").arg(tr("Reference <b>%1</b> · id %2").arg(esc(contactReferenceText(contact_)), esc(jsonText(contact_, "id")))) +
                    (where.isEmpty() ? QString() : where + QStringLiteral("<h2>%1</h2>").arg(tr("The contact as recorded"))));
    if (html == recordHtml_)
        return; // nothing read differently: the reader's selection and place stay as they are
    recordHtml_ = html;
    const int scroll = record_->verticalScrollBar() ? record_->verticalScrollBar()->value() : 0;
    record_->setHtml(html);
    if (record_->verticalScrollBar())
        record_->verticalScrollBar()->setValue(scroll);
}

void ContactView::refreshCountdowns() {
    if (!loaded_)
        return;
    updateStatusLine();
    renderRecord();
}

void ContactView::updateStatusLine() {
    if (!loaded_ || !state_.is_object() || !clock_) {
        statusLine_->hide();
        return;
    }
    const std::string received = state_.value("received_at", std::string());
    QStringList parts{QStringLiteral("<b>%1</b>").arg(statusLabel(state_.value("status", std::string())).toHtmlEscaped())};
    const auto deadline = [&](const char* key, const QString& label, const std::string& from) {
        if (state_.contains(key) && state_.at(key).is_object())
            parts << label + QLatin1Char(' ') + deadlineHtml(state_.at(key), *clock_, thresholds_, from);
    };
    deadline("decision_deadline", tr("Decision"), received);
    if (state_.value("status", std::string()) != "decided" && state_.value("status", std::string()) != "closed")
        deadline("rag_deadline", tr("RAG response"), received);
    if (state_.contains("handover") && !state_.at("handover").contains("acknowledged_by"))
        parts << tr("Handover") + QLatin1Char(' ') +
                     deadlineHtml(state_.at("handover").value("deadline", nlohmann::json::object()), *clock_, thresholds_,
                                  received);
    if (state_.contains("strategy_discussions"))
        for (const auto& discussion : state_.at("strategy_discussions"))
            if (discussion.value("status", std::string()) == "required" ||
                discussion.value("status", std::string()) == "scheduled")
                parts << tr("Strategy discussion") + QLatin1Char(' ') +
                             deadlineHtml(discussion.value("deadline", nlohmann::json::object()), *clock_, thresholds_,
                                          discussion.value("required_at", std::string()));
    statusLine_->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    statusLine_->show();
}

void ContactView::showConflicts(const nlohmann::json& conflicts) {
    if (!conflicts.is_array() || conflicts.empty()) {
        conflictBanner_->hide();
        return;
    }
    QStringList what;
    for (const auto& conflict : conflicts)
        what << QStringLiteral("<b>%1</b>: %2")
                    .arg(esc(conflictKindLabel(conflict.value("kind", std::string()))), esc(jsonText(conflict, "detail")));
    conflictText_->setText(tr("<b>Two desks disagreed</b>: %1. The first version stands for now. <b>A duty manager "
                              "must resolve it.</b>")
                               .arg(what.join(QStringLiteral("; "))));
    conflictButton_->setVisible(session_ && mayViewConflicts(session_->role));
    conflictBanner_->show();
}

QString ContactView::title() const { return title_.isEmpty() ? tr("Contact") : title_; }

std::vector<PersonView*> ContactView::personViews() const {
    std::vector<PersonView*> views;
    for (int i = 1; i < tabs_->count(); ++i)
        if (auto* view = qobject_cast<PersonView*>(tabs_->widget(i)))
            views.push_back(view);
    return views;
}

void ContactView::clearChildTabs() {
    while (tabs_->count() > 1) {
        QWidget* page = tabs_->widget(1);
        tabs_->removeTab(1);
        page->deleteLater();
    }
}

void ContactView::showMessage(const QString& html) {
    ++generation_;
    loaded_ = false;
    contactId_.clear();
    title_.clear();
    state_ = nlohmann::json();
    contact_ = nlohmann::json();
    countdownTimer_->stop();
    statusLine_->hide();
    conflictBanner_->hide();
    showActions();
    header_->setText(html);
    record_->clear();
    recordHtml_.clear();
    timelineModel_->setTimeline(nlohmann::json::array());
    clearChildTabs();
}

void ContactView::load(BackgroundReader& reader, const QString& contactId) {
    if (contactId == contactId_ && loaded_)
        return;
    contactId_ = contactId;
    loaded_ = false;
    const int generation = ++generation_;
    const std::string id = ss(contactId);
    std::optional<core::Actor> reader_as;
    if (logsReads_ && session_)
        reader_as = session_->actor();
    reader.run<Loaded>(
        this, QStringLiteral("contact detail"),
        [id, reader_as](core::Workspace& ws) {
            Loaded result;
            core::ContactService contacts(ws);
            result.contact = reader_as ? contacts.view(*reader_as, id) : contacts.show(id);
            result.state = core::ContactWorkflow(ws).state(id);
            result.conflicts = core::SyncConflicts(ws).openOn(id);
            core::PersonSearch people(ws);
            if (result.contact.contains("children"))
                for (const auto& child : result.contact.at("children"))
                    if (child.contains("id"))
                        result.histories.push_back(people.history(child.at("id").get<std::string>()));
            return result;
        },
        [this, generation](Answer<Loaded> answer) {
            if (generation != generation_)
                return;
            if (!answer.ok()) {
                header_->setText(tr("<b>This contact could not be shown.</b> %1").arg(answer.error.toHtmlEscaped()));
                return;
            }
            showLoaded(*answer.value);
        });
}

void ContactView::reload(BackgroundReader& reader) {
    if (contactId_.isEmpty())
        return;
    const QString id = contactId_;
    const bool logs = logsReads_;
    logsReads_ = false; // the same reading, not a new one
    loaded_ = false;
    load(reader, id);
    logsReads_ = logs;
}

void ContactView::showLoaded(const Loaded& data) {
    ScopedUiTiming timing("contact detail shown");
    const auto& contact = data.contact;
    state_ = data.state;
    contact_ = contact;
    contact_.erase("timeline");
    QString status = humanise(contact.value("status", std::string()));
    const QString outcome = jsonText(contact, "outcome_label");
    if (!outcome.isEmpty())
        status += QStringLiteral(": ") + outcome;
    const QString reference = contactReferenceText(contact);
    header_->setText(tr("<b style='font-size:large'>Contact %7 received %1</b><br>%2 · %3 %4 · <b>%5</b> · recorded by %6")
                         .arg(esc(shortDateTime(contact.value("received_at", std::string()))),
                              esc(humanise(contact.value("channel", std::string()))),
                              esc(jsonText(contact, "source")), esc(jsonText(contact, "source_label")), esc(status),
                              esc(jsonText(contact, "recorded_by")), esc(reference)));
    if (auto* heading = findChild<QLabel*>(QStringLiteral("timelineHeading")))
        heading->setText(tr("Timeline of %1").arg(reference));
    renderRecord();
    QStringList names;
    for (const auto& history : data.histories)
        names << jsonText(history, "display_name");
    const auto received = core::parseInstant(contact.value("received_at", std::string()));
    title_ = tr("Contact %1%2")
                 .arg(received ? toLocal(*received).toString(QStringLiteral("dd/MM/yyyy")) : QString(),
                      names.isEmpty() ? QString() : QStringLiteral(": ") + names.join(QStringLiteral(", ")));
    timelineModel_->setTimeline(contact.contains("timeline") ? contact.at("timeline") : nlohmann::json::array());
    timeline_->resizeColumnToContents(TimelineModel::When);

    const int childTab = tabs_->currentIndex();
    clearChildTabs();
    for (const auto& history : data.histories) {
        auto* view = new PersonView;
        view->setHistory(history);
        view->emphasiseContact(contactId_);
        connect(view, &PersonView::contactActivated, this, &ContactView::contactActivated);
        QString label = view->displayName();
        const auto& flags = history.contains("flags") ? history.at("flags") : nlohmann::json::object();
        if (flags.value("re_referral", false) || flags.value("repeat_contacts", false))
            label += QStringLiteral(" ⚑");
        const int index = tabs_->addTab(view, label);
        tabs_->setTabToolTip(index, tr("%1's history: every contact and the flags").arg(view->displayName()));
    }
    if (childTab > 0 && childTab < tabs_->count()) {
        tabs_->widget(childTab)->setProperty("readLogged", true); // the same reading, after an action
        tabs_->setCurrentIndex(childTab);
    }
    loaded_ = true;
    updateStatusLine();
    showConflicts(data.conflicts);
    if (clock_)
        countdownTimer_->start();
    showActions();
    emit loaded();
}

} // namespace frontdoor::ui
