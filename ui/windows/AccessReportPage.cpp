#include "windows/AccessReportPage.h"

#include "audit/AccessReport.h"
#include "time/UkTime.h"
#include "util/Errors.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace frontdoor::ui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QTableWidget* newTable(const QString& objectName, const QStringList& headers) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(true);
    return table;
}

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

core::Instant startOfDay(const QDate& date) {
    return core::fromUkLocal(core::Date{std::chrono::year{date.year()}, std::chrono::month{static_cast<unsigned>(date.month())},
                                        std::chrono::day{static_cast<unsigned>(date.day())}},
                             core::Milliseconds{0});
}

} // namespace

AccessReportPage::AccessReportPage(core::Workspace& workspace, core::Actor actor, QWidget* parent)
    : QWidget(parent), workspace_(workspace), actor_(std::move(actor)) {
    setObjectName(QStringLiteral("accessReportPage"));

    // Who read one child's record.
    auto* childBox = new QGroupBox(tr("Who read a child's record"));
    person_ = new QLineEdit;
    person_->setObjectName(QStringLiteral("auditPerson"));
    person_->setPlaceholderText(tr("the child's person id (Audit ▸ Who read this child's record fills it in)"));
    auto* show = new QPushButton(tr("Sho&w"));
    show->setObjectName(QStringLiteral("auditShowChild"));
    connect(show, &QPushButton::clicked, this, [this] { showChild(person_->text().trimmed()); });
    connect(person_, &QLineEdit::returnPressed, show, &QPushButton::click);
    childTitle_ = new QLabel;
    childTitle_->setObjectName(QStringLiteral("auditChildTitle"));
    childTitle_->setWordWrap(true);
    access_ = newTable(QStringLiteral("auditAccessTable"),
                       {tr("When"), tr("Who"), tr("Role"), tr("Desk"), tr("What was read"), tr("In their work")});
    auto* childRow = new QHBoxLayout;
    childRow->addWidget(person_, 1);
    childRow->addWidget(show);
    auto* childLayout = new QVBoxLayout(childBox);
    childLayout->addLayout(childRow);
    childLayout->addWidget(childTitle_);
    childLayout->addWidget(access_, 1);

    // Whose reading stands out.
    auto* readingBox = new QGroupBox(tr("Whose reading stands out"));
    // The last 30 days on the desk's clock (a training database's clock may be set).
    const core::Date local = core::toUkLocal(workspace_.clock().now()).date;
    const QDate today(static_cast<int>(local.year()), static_cast<int>(static_cast<unsigned>(local.month())),
                      static_cast<int>(static_cast<unsigned>(local.day())));
    from_ = new QDateEdit(today.addDays(-29));
    from_->setObjectName(QStringLiteral("auditFrom"));
    to_ = new QDateEdit(today);
    to_->setObjectName(QStringLiteral("auditTo"));
    for (auto* edit : {from_, to_}) {
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        edit->setCalendarPopup(true);
    }
    auto* run = new QPushButton(tr("&Run"));
    run->setObjectName(QStringLiteral("auditRunReading"));
    connect(run, &QPushButton::clicked, this, &AccessReportPage::runReadingReport);
    readingTitle_ = new QLabel;
    readingTitle_->setObjectName(QStringLiteral("auditReadingTitle"));
    readingTitle_->setWordWrap(true);
    readers_ = newTable(QStringLiteral("auditReadersTable"), {tr("Who"), tr("Views"), tr("Outside their work"),
                                                                tr("Records"), tr("While closed"), tr("Stands out")});
    auto* period = new QHBoxLayout;
    period->addWidget(new QLabel(tr("From")));
    period->addWidget(from_);
    period->addWidget(new QLabel(tr("to")));
    period->addWidget(to_);
    period->addWidget(run);
    period->addStretch(1);
    auto* readingLayout = new QVBoxLayout(readingBox);
    readingLayout->addLayout(period);
    readingLayout->addWidget(readingTitle_);
    readingLayout->addWidget(readers_, 1);

    auto* note = new QLabel(tr("Reading outside one's work is not wrong in itself (a duty manager checks a colleague's "
                               "case); the report shows it for a person to judge. Running a report is recorded."));
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(childBox, 1);
    layout->addWidget(readingBox, 1);
}

void AccessReportPage::showChild(const QString& personId) {
    person_->setText(personId);
    access_->setRowCount(0);
    try {
        const auto report = core::childAccessReport(workspace_, actor_, personId.toStdString());
        childTitle_->setText(tr("%1: %n view(s) of the record, oldest first", nullptr,
                                static_cast<int>(report.entries.size()))
                                 .arg(qs(report.childName)));
        for (const auto& entry : report.entries) {
            const int row = access_->rowCount();
            access_->insertRow(row);
            access_->setItem(row, 0, cell(qs(core::formatUkDayTime(entry.at))));
            access_->setItem(row, 1, cell(qs(entry.displayName)));
            access_->setItem(row, 2, cell(qs(entry.role)));
            access_->setItem(row, 3, cell(qs(entry.deviceId).left(8)));
            access_->setItem(row, 4, cell(entry.what == "person" ? tr("The child's record")
                                                                 : tr("Contact %1").arg(qs(entry.contactReference))));
            auto* work = cell(entry.inTheirWork ? tr("Yes") : tr("No"));
            if (!entry.inTheirWork)
                work->setForeground(QColor(0x9a, 0x5b, 0x00));
            access_->setItem(row, 5, work);
        }
        access_->resizeColumnsToContents();
    } catch (const core::Error& e) {
        childTitle_->setText(QString::fromUtf8(e.what()));
    }
}

void AccessReportPage::runReadingReport() {
    readers_->setRowCount(0);
    try {
        const auto report =
            core::readingReport(workspace_, actor_, startOfDay(from_->date()), startOfDay(to_->date().addDays(1)));
        readingTitle_->setText(tr("%1 to %2: %n reader(s); flagged from %3 views outside their work and %4 times the "
                                  "team's median (%5)",
                                  nullptr, static_cast<int>(report.readers.size()))
                                   .arg(from_->date().toString(QStringLiteral("dd/MM/yyyy")),
                                        to_->date().toString(QStringLiteral("dd/MM/yyyy")))
                                   .arg(report.thresholds.minimumOutsideWork)
                                   .arg(report.thresholds.timesMedian)
                                   .arg(report.medianOutsideWork));
        for (const auto& reader : report.readers) {
            const int row = readers_->rowCount();
            readers_->insertRow(row);
            readers_->setItem(row, 0, cell(qs(reader.displayName)));
            readers_->setItem(row, 1, cell(QString::number(reader.views)));
            readers_->setItem(row, 2, cell(QString::number(reader.viewsOutsideWork)));
            readers_->setItem(row, 3, cell(QString::number(reader.distinctRecords)));
            readers_->setItem(row, 4, cell(QString::number(reader.outsideOpeningHours)));
            auto* why = cell(reader.standsOut ? qs(reader.why) : QString());
            readers_->setItem(row, 5, why);
            if (reader.standsOut)
                for (int column = 0; column < readers_->columnCount(); ++column) {
                    QFont bold = readers_->item(row, column)->font();
                    bold.setBold(true);
                    readers_->item(row, column)->setFont(bold);
                    readers_->item(row, column)->setBackground(QColor(0xfd, 0xec, 0xea));
                }
        }
        readers_->resizeColumnsToContents();
    } catch (const core::Error& e) {
        readingTitle_->setText(QString::fromUtf8(e.what()));
    }
}

} // namespace frontdoor::ui
