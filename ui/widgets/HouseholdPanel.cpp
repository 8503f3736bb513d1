#include "widgets/HouseholdPanel.h"

#include "support/Text.h"
#include "util/Instant.h"
#include "util/Text.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

enum Column { Name, Born, Role, Together, Last, ColumnCount };

} // namespace

HouseholdPanel::HouseholdPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("householdPanel"));
    heading_ = new QLabel;
    heading_->setObjectName(QStringLiteral("householdHeading"));
    heading_->setProperty("role", QStringLiteral("heading"));
    table_ = new QTableWidget(0, ColumnCount);
    table_->setObjectName(QStringLiteral("householdTable"));
    table_->setAccessibleName(tr("The household: people named with this person on contacts"));
    table_->setHorizontalHeaderLabels({tr("Name"), tr("Born"), tr("Role there"), tr("Contacts together"), tr("Last together")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);
    connect(table_, &QTableWidget::activated, this, [this](const QModelIndex& index) {
        if (const auto* item = table_->item(index.row(), Name))
            emit personActivated(item->data(Qt::UserRole).toString());
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading_);
    layout->addWidget(table_, 1);
    setHousehold(nlohmann::json::array());
}

int HouseholdPanel::memberCount() const { return table_->rowCount(); }

void HouseholdPanel::setHousehold(const nlohmann::json& household) {
    const int rows = household.is_array() ? static_cast<int>(household.size()) : 0;
    table_->setRowCount(rows);
    int children = 0;
    for (int row = 0; row < rows; ++row) {
        const auto& member = household.at(static_cast<size_t>(row));
        QStringList roles;
        for (const auto& label : member.value("role_labels", nlohmann::json::array()))
            roles << qs(label.get<std::string>());
        if (!member.value("roles", nlohmann::json::array()).empty() && member["roles"][0] == "child")
            ++children;
        auto* name = new QTableWidgetItem(jsonText(member, "display_name"));
        name->setData(Qt::UserRole, jsonText(member, "person_id"));
        table_->setItem(row, Name, name);
        table_->setItem(row, Born, new QTableWidgetItem(jsonText(member, "born")));
        table_->setItem(row, Role, new QTableWidgetItem(roles.join(QStringLiteral(", "))));
        auto* together = new QTableWidgetItem(QString::number(member.value("shared_contacts", 0)));
        together->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, Together, together);
        const auto last = core::parseInstant(member.value("last_contact_at", std::string()));
        table_->setItem(row, Last, new QTableWidgetItem(last ? qs(core::formatDayMonthYear(core::utcDate(*last))) : QString()));
    }
    table_->resizeColumnsToContents();
    heading_->setText(rows == 0 ? tr("Household: no one else named with them on a contact")
                                : tr("Household: %1 and %2 named with them on contacts, in any family")
                                      .arg(tr("%n child(ren)", nullptr, children))
                                      .arg(tr("%n adult(s)", nullptr, rows - children)));
}

} // namespace frontdoor::ui
