// Issue 14 point 4, the auditor's screen: who read a child's record, and whose reading stands out; only
// auditors and administrators have it.
#include "UiTestSupport.h"

#include "contacts/ContactService.h"
#include "windows/AccessReportPage.h"
#include "windows/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>

using namespace frontdoor;

class AccessReportTest : public QObject {
    Q_OBJECT
private slots:
    void anAuditorSeesWhoReadAChildsRecord();
    void onlyAuditorsAndAdministratorsHaveTheAuditMenu();
};

void AccessReportTest::anAuditorSeesWhoReadAChildsRecord() {
    test::UiWorkspace scratch;
    core::ContactService contacts(*scratch.ws);
    const auto recorded = contacts.record({"sam.screener", "screener"}, test::johnSmithContact());
    contacts.logView({"jo.screener", "screener"}, recorded.contactId); // read by someone not working on it

    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("aud.auditor", "851274", "auditor"));
    auto* page = window->openAccessReport(QString::fromStdString(recorded.personIds.front()));
    QVERIFY(page);
    auto* table = page->findChild<QTableWidget*>(QStringLiteral("auditAccessTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Jo Screener"));
    QVERIFY(table->item(0, 4)->text().startsWith(QStringLiteral("Contact FD-")));
    QCOMPARE(table->item(0, 5)->text(), QStringLiteral("No"));
    QVERIFY(page->findChild<QLabel*>(QStringLiteral("auditChildTitle"))->text().startsWith(QStringLiteral("John Smith")));

    page->runReadingReport();
    auto* readers = page->findChild<QTableWidget*>(QStringLiteral("auditReadersTable"));
    QCOMPARE(readers->rowCount(), 1);
    QCOMPARE(readers->item(0, 0)->text(), QStringLiteral("Jo Screener"));
    QCOMPARE(readers->item(0, 2)->text(), QStringLiteral("1"));
}

void AccessReportTest::onlyAuditorsAndAdministratorsHaveTheAuditMenu() {
    test::UiWorkspace scratch;
    auto screener = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QVERIFY(!screener->findChild<QMenu*>(QStringLiteral("auditMenu")));
    screener.reset();
    auto admin = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("ada.admin", "749163", "administrator"));
    QVERIFY(admin->findChild<QMenu*>(QStringLiteral("auditMenu")));
}

QTEST_MAIN(AccessReportTest)
#include "AccessReportTest.moc"
