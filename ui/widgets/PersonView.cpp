#include "widgets/PersonView.h"

#include "models/ContactListModel.h"
#include "models/TimelineModel.h"
#include "contacts/Outcomes.h"
#include "people/PersonSearch.h"
#include "standards/CensusCodes.h"
#include "support/BackgroundReader.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "widgets/HouseholdPanel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdoor::ui {

PersonView::PersonView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("personView"));
    title_ = new QLabel;
    title_->setObjectName(QStringLiteral("personName"));
    title_->setProperty("role", QStringLiteral("title"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_ = new QLabel;
    details_->setObjectName(QStringLiteral("personDetails"));
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    flags_ = new QLabel;
    flags_->setObjectName(QStringLiteral("personFlags"));
    flags_->setWordWrap(true);
    flags_->setTextFormat(Qt::RichText);
    contactsHeading_ = new QLabel;
    contactsHeading_->setProperty("role", QStringLiteral("heading"));

    model_ = new ContactTableModel(this);
    contacts_ = new QTableView;
    contacts_->setObjectName(QStringLiteral("personContacts"));
    contacts_->setAccessibleName(tr("The person's contacts"));
    contacts_->setModel(model_);
    contacts_->setSelectionBehavior(QAbstractItemView::SelectRows);
    contacts_->setSelectionMode(QAbstractItemView::SingleSelection);
    contacts_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    contacts_->setAlternatingRowColors(true);
    contacts_->setWordWrap(false);
    contacts_->verticalHeader()->hide();
    contacts_->horizontalHeader()->setStretchLastSection(true);
    contacts_->setColumnHidden(ContactTableModel::Children, true);
    contacts_->setColumnHidden(ContactTableModel::Due, true);
    const QFontMetrics metrics = contacts_->fontMetrics();
    QFont bold = contacts_->font();
    bold.setBold(true); // the row being looked at is shown in bold
    const QFontMetrics boldMetrics(bold);
    contacts_->setColumnWidth(ContactTableModel::Received, boldMetrics.horizontalAdvance(QStringLiteral("Wed 30/09/26 23:59")) + 16);
    contacts_->setColumnWidth(ContactTableModel::Source, metrics.averageCharWidth() * 20);
    // Shown for a person named as an adult somewhere: their role and the children ("Mother · Caleb Mercer").
    contacts_->setColumnWidth(ContactTableModel::Children, metrics.averageCharWidth() * 36);
    int statusWidth = 0; // the longest outcome, flagged, fits
    for (const auto& outcome : core::contactOutcomes())
        statusWidth = std::max(statusWidth, metrics.horizontalAdvance(QStringLiteral("⚑ ") + qs(outcome.label)));
    contacts_->setColumnWidth(ContactTableModel::Status, statusWidth + 16);
    contacts_->verticalHeader()->setDefaultSectionSize(metrics.height() + 10);
    connect(contacts_, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const auto* item = model_->itemAt(index.row()))
            emit contactActivated(item->id);
    });

    household_ = new HouseholdPanel;
    connect(household_, &HouseholdPanel::personActivated, this, &PersonView::personActivated);

    auto* contactsPart = new QWidget;
    auto* contactsLayout = new QVBoxLayout(contactsPart);
    contactsLayout->setContentsMargins(0, 0, 0, 0);
    contactsLayout->addWidget(contactsHeading_);
    contactsLayout->addWidget(contacts_, 1);
    auto* parts = new QSplitter(Qt::Vertical);
    parts->setObjectName(QStringLiteral("personParts"));
    parts->setChildrenCollapsible(false);
    parts->addWidget(contactsPart);
    parts->addWidget(household_);
    parts->setStretchFactor(0, 3);
    parts->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(details_);
    layout->addWidget(flags_);
    corrections_ = new QLabel;
    corrections_->setObjectName(QStringLiteral("personCorrections"));
    corrections_->setWordWrap(true);
    corrections_->setTextFormat(Qt::RichText);
    corrections_->hide();
    layout->addWidget(corrections_);
    layout->addWidget(parts, 1);
    title_->setText(tr("Loading…"));
}

void PersonView::emphasiseContact(const QString& contactId) {
    model_->setEmphasisedId(contactId);
    const int row = model_->rowOf(contactId);
    if (row >= 0)
        contacts_->setCurrentIndex(model_->index(row, 0));
}

void PersonView::load(BackgroundReader& reader, const QString& personId, std::optional<core::Actor> readBy) {
    personId_ = personId;
    const std::string id = ss(personId);
    reader.run<nlohmann::json>(
        this, QStringLiteral("person history"),
        [id, readBy](core::Workspace& ws) {
            core::PersonSearch people(ws);
            return readBy ? people.viewHistory(*readBy, id) : people.history(id);
        },
        [this](Answer<nlohmann::json> answer) {
            if (!answer.ok()) {
                title_->setText(tr("This person could not be shown"));
                details_->setText(answer.error);
                return;
            }
            setHistory(*answer.value);
        });
}

void PersonView::setHistory(const nlohmann::json& history) {
    ScopedUiTiming timing("person view shown");
    const auto& person = history.contains("person") ? history.at("person") : nlohmann::json::object();
    personId_ = jsonText(person, "id");
    displayName_ = jsonText(history, "display_name");
    title_->setText(displayName_);

    QStringList parts;
    const QString born = jsonText(history, "born");
    if (!born.isEmpty())
        parts << (born.startsWith(QLatin1String("due")) || born.contains(QLatin1String("not known"))
                      ? born
                      : tr("born %1").arg(born));
    const std::string sex = person.value("sex", std::string());
    if (!sex.empty())
        parts << qs(core::labelOf(core::sexes(), sex));
    const std::string ethnicity = person.value("ethnicity", std::string());
    if (!ethnicity.empty())
        parts << qs(core::labelOf(core::ethnicities(), ethnicity));
    const QString address = jsonText(person, "address");
    const QString postcode = jsonText(person, "postcode");
    if (!address.isEmpty() || !postcode.isEmpty())
        parts << QStringList{address, postcode}.join(QStringLiteral(", ")).remove(QRegularExpression(QStringLiteral("^, |, $")));
    const QString laId = jsonText(person, "la_child_id");
    if (!laId.isEmpty())
        parts << tr("LA id %1").arg(laId);
    // Merges (core/people/PersonMerge.h): the id asked for was merged into this person, or others were.
    if (history.contains("merged_into"))
        parts.prepend(tr("the record asked for was merged into this one"));
    for (const auto& merged : history.value("merged_from", nlohmann::json::array()))
        parts << tr("also recorded as %1 (%2), merged by %3")
                     .arg(jsonText(merged, "display_name"), jsonText(merged, "born"), jsonText(merged, "merged_by"));
    if (person.value("adult", false))
        parts.prepend(tr("Adult named on contacts"));
    details_->setText(parts.join(QStringLiteral(" · ")));

    const auto& flags = history.contains("flags") ? history.at("flags") : nlohmann::json::object();
    QStringList lines;
    if (flags.contains("explanations"))
        for (const auto& line : flags.at("explanations"))
            if (line.is_string())
                lines << QStringLiteral("<span style='color:#a1260d'><b>⚑</b> %1</span>")
                             .arg(qs(line.get<std::string>()).toHtmlEscaped());
    flags_->setText(lines.isEmpty() ? tr("<span style='color:#1b6e20'>No re-referral or repeat-contact flags</span>")
                                    : lines.join(QStringLiteral("<br>")));

    // Corrections of the person's details (core/people/PersonCorrections.h): the earlier values stay.
    QString corrected;
    for (const auto& correction : history.value("corrections", nlohmann::json::array()))
        corrected += QStringLiteral("<p><b>%1</b> (%2)</p>%3")
                         .arg(jsonText(correction, "what").toHtmlEscaped(),
                              shortDateTime(correction.value("at", std::string())),
                              correctionTableHtml(correction.value("changes", nlohmann::json::array())));
    corrections_->setText(corrected);
    corrections_->setVisible(!corrected.isEmpty());

    std::vector<QueueItem> rows;
    bool asAdult = false;
    if (history.contains("contacts"))
        for (const auto& contact : history.at("contacts")) {
            QueueItem item = queueItemFromJson(contact);
            // Their role on each contact, in any family: "Parent's partner · Amy Brown".
            const std::string role = contact.value("role", std::string("child"));
            asAdult = asAdult || role != "child";
            item.children = jsonText(contact, "role_label") + QStringLiteral(" · ") + item.children;
            rows.push_back(std::move(item));
        }
    contacts_->setColumnHidden(ContactTableModel::Children, !asAdult);
    contactsHeading_->setText(asAdult ? tr("%n contact(s) in any family, newest first, with their role there", nullptr,
                                           static_cast<int>(rows.size()))
                                      : tr("%n contact(s), newest first", nullptr, static_cast<int>(rows.size())));
    household_->setHousehold(history.value("household", nlohmann::json::array()));
    model_->setRows(std::move(rows));
    loaded_ = true;
    emit loaded();
}

} // namespace frontdoor::ui
