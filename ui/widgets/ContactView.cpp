#include "widgets/ContactView.h"

#include "contacts/ContactService.h"
#include "models/TimelineModel.h"
#include "people/PersonSearch.h"
#include "standards/CensusCodes.h"
#include "support/BackgroundReader.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "widgets/PersonView.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QRegularExpression>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

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
                                  "h3{margin:10px 0 2px 0;} p.v{margin:2px 0 6px 0;}</style>");
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
            const QString phone = jsonText(adult, "phone");
            if (!phone.isEmpty())
                about << phone;
            html += row((jsonText(adult, "given_name") + QLatin1Char(' ') + jsonText(adult, "family_name")).trimmed(),
                        about.join(QStringLiteral(", ")));
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
    timeline_->setColumnWidth(TimelineModel::When, 170);
    timeline_->setColumnWidth(TimelineModel::Who, 120);
    timeline_->setColumnWidth(TimelineModel::Role, 110);
    timeline_->setWordWrap(false);

    auto* timelineBox = new QWidget;
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    auto* timelineHeading = new QLabel(tr("Timeline"));
    timelineHeading->setProperty("role", QStringLiteral("heading"));
    timelineLayout->addWidget(timelineHeading);
    timelineLayout->addWidget(timeline_);

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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header_);
    layout->addWidget(tabs_, 1);
    showMessage(tr("Select a contact to see it here."));
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
    header_->setText(html);
    record_->clear();
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
    reader.run<Loaded>(
        this, QStringLiteral("contact detail"),
        [id](core::Workspace& ws) {
            Loaded result;
            result.contact = core::ContactService(ws).show(id);
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

void ContactView::showLoaded(const Loaded& data) {
    ScopedUiTiming timing("contact detail shown");
    const auto& contact = data.contact;
    QString status = humanise(contact.value("status", std::string()));
    const QString outcome = jsonText(contact, "outcome_label");
    if (!outcome.isEmpty())
        status += QStringLiteral(": ") + outcome;
    header_->setText(tr("<b style='font-size:large'>Contact received %1</b><br>%2 · %3 %4 · <b>%5</b> · recorded by %6")
                         .arg(esc(shortDateTime(contact.value("received_at", std::string()))),
                              esc(humanise(contact.value("channel", std::string()))),
                              esc(jsonText(contact, "source")), esc(jsonText(contact, "source_label")), esc(status),
                              esc(jsonText(contact, "recorded_by"))));
    record_->setHtml(contactRecordHtml(contact));
    QStringList names;
    for (const auto& history : data.histories)
        names << jsonText(history, "display_name");
    const auto received = core::parseInstant(contact.value("received_at", std::string()));
    title_ = tr("Contact %1%2")
                 .arg(received ? toLocal(*received).toString(QStringLiteral("dd/MM/yy")) : QString(),
                      names.isEmpty() ? QString() : QStringLiteral(": ") + names.join(QStringLiteral(", ")));
    timelineModel_->setTimeline(contact.contains("timeline") ? contact.at("timeline") : nlohmann::json::array());
    timeline_->resizeColumnToContents(TimelineModel::When);

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
    loaded_ = true;
    emit loaded();
}

} // namespace frontdoor::ui
