// Triage order and one meaning for "re-referral", through the real window (issues 11 points 5 and 8,
// 19 point 1): a red case past its RAG response deadline leads Awaiting sign-off, its Due cell says
// "RAG response: overdue by …" in red, and the Overdue queue holds it; a child referred once, today,
// is not called a re-referral in the person view, and the sign-off form says the same lines.
#include "UiTestSupport.h"

#include "models/ContactListModel.h"
#include "models/QueueListModel.h"
#include "widgets/PersonView.h"
#include "windows/MainWindow.h"
#include "windows/SignOffForm.h"
#include "workflow/ContactWorkflow.h"

#include <QLabel>
#include <QTableView>
#include <QTextBrowser>

using namespace frontdoor;

class TriageAndFlagsTest : public QObject {
    Q_OBJECT
private slots:
    void aRedCasePastItsRagResponseLeadsTheQueueInRedAndIsOverdue();
    void aChildReferredOnceTodayIsNotCalledAReReferral();
};

namespace {

std::string record(test::UiWorkspace& scratch, const std::string& receivedAt, const std::string& givenName,
                   const std::string& personId = "") {
    auto contact = test::johnSmithContact();
    contact["received_at"] = receivedAt;
    contact["children"][0]["given_name"] = givenName;
    if (!personId.empty())
        contact["children"][0]["id"] = personId;
    return core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, contact).contactId;
}

} // namespace

void TriageAndFlagsTest::aRedCasePastItsRagResponseLeadsTheQueueInRedAndIsOverdue() {
    test::UiWorkspace scratch; // Monday 23/11/2026 10:00
    const core::Actor screener{"sam.screener", "screener"};
    // Green, received on Friday afternoon: its decision is due first, on Monday afternoon.
    const std::string green = record(scratch, "2026-11-20T15:00:00Z", "Ellie");
    test::recommendAsSuggested(*scratch.ws, screener, green, "PERSISTENT_ABSENCE");
    // Red, received this morning: a response within four working hours (13:30), a decision by Tuesday.
    const std::string red = record(scratch, "2026-11-23T09:30:00Z", "Rowan");
    test::recommendAsSuggested(*scratch.ws, screener, red, "ABUSE_DISCLOSURE");
    const auto state = core::ContactWorkflow(*scratch.ws).state(red);
    QCOMPARE(state.at("rag_deadline").at("due_at").get<std::string>(), std::string("2026-11-23T13:30:00.000Z"));
    scratch.clock.set(core::parseInstant("2026-11-23T14:00:00Z").value());

    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    QVERIFY(window->showQueue("awaiting_signoff"));
    auto* table = window->findChild<QTableView*>("contactTable");
    QVERIFY(table);
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QVERIFY(!table->isColumnHidden(ui::ContactTableModel::Due));
    const auto due = [&](int row) { return table->model()->index(row, ui::ContactTableModel::Due); };
    const auto idAt = [&](int row) { return table->model()->index(row, 0).data(ui::ContactTableModel::IdRole).toString(); };

    // The red case first, its Due cell naming the RAG response, overdue, in red.
    QCOMPARE(idAt(0), QString::fromStdString(red));
    QCOMPARE(due(0).data().toString(), QStringLiteral("RAG response: overdue by 30m"));
    QCOMPARE(due(0).data(ui::ContactTableModel::UrgencyRole).toString(), QStringLiteral("overdue"));
    QCOMPARE(due(0).data(ui::ContactTableModel::UrgencyColourRole).value<QColor>(), QColor(0xc5, 0x22, 0x1f));
    // The tooltip lists every deadline that applies, soonest first.
    const QString tip = due(0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith("RAG response due "), qPrintable(tip));
    QVERIFY2(tip.contains("\nDecision due "), qPrintable(tip));
    // The green one below it, on its decision, not overdue.
    QCOMPARE(idAt(1), QString::fromStdString(green));
    QVERIFY(due(1).data().toString().startsWith("Decision: "));
    QVERIFY(due(1).data(ui::ContactTableModel::UrgencyRole).toString() != QStringLiteral("overdue"));

    // The sidebar counts it overdue, and the Overdue queue holds it, saying which deadline passed.
    ui::QueueListModel* queues = window->queueModel();
    QTRY_COMPARE(queues->overdueOf(queues->rowOf("awaiting_signoff")), qint64(1));
    QTRY_COMPARE(queues->countOf(queues->rowOf("overdue")), qint64(1));
    QVERIFY(window->showQueue("overdue"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(idAt(0), QString::fromStdString(red));
    QCOMPARE(table->model()->index(0, ui::ContactTableModel::What).data().toString(),
             QStringLiteral("RAG response overdue"));
    QCOMPARE(due(0).data(ui::ContactTableModel::UrgencyColourRole).value<QColor>(), QColor(0xc5, 0x22, 0x1f));
}

void TriageAndFlagsTest::aChildReferredOnceTodayIsNotCalledAReReferral() {
    test::UiWorkspace scratch; // Monday 23/11/2026 10:00
    const std::string first = record(scratch, "2026-11-23T08:30:00Z", "John");
    const std::string personId =
        core::ContactService(*scratch.ws).show(first).at("children").at(0).at("id").get<std::string>();
    core::ContactService(*scratch.ws)
        .importOutcome({"ada.admin", "administrator"}, first, "child_and_family_assessment",
                       core::parseInstant("2026-11-23T09:15:00Z").value(), "");
    const QString recent = QStringLiteral("Referred on 23/11/2026: a new referral within 12 months would be a re-referral");

    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    {
        ui::PersonView* person = window->openPerson(QString::fromStdString(personId));
        QVERIFY(person);
        QTRY_VERIFY(person->isLoaded());
        const QString flags = person->findChild<QLabel*>("personFlags")->text();
        QVERIFY2(flags.contains(recent), qPrintable(flags));
        QVERIFY2(!flags.contains("Re-referral"), qPrintable(flags));
    }

    // A second contact about John, recommended as a referral: signing it off makes it a re-referral,
    // and the sign-off form says so, with the same history lines as the person view.
    const std::string second = record(scratch, "2026-11-23T09:40:00Z", "John", personId);
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, second, "ABUSE_DISCLOSURE");
    ui::SignOffForm* form = window->openSignOff(QString::fromStdString(second));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    const QString detail = form->findChild<QTextBrowser*>("signOffDetail")->toPlainText();
    QVERIFY2(detail.contains(recent), qPrintable(detail));
    QVERIFY2(detail.contains("this contact is a re-referral"), qPrintable(detail));
    QVERIFY2(!detail.contains("Re-referral:"), qPrintable(detail));
    ui::PersonView* person = window->openPerson(QString::fromStdString(personId));
    QTRY_VERIFY(person->isLoaded());
    QVERIFY(person->findChild<QLabel*>("personFlags")->text().contains(recent));
}

QTEST_MAIN(TriageAndFlagsTest)
#include "TriageAndFlagsTest.moc"
