// Issue 13 point 2 on the desktop: the possible-duplicates queue, the two people side by side, merging by
// keyboard with a reason and seeing one history, undoing it; screeners may only say "not the same child".
#include "UiTestSupport.h"

#include "contacts/ContactService.h"
#include "people/PersonMerge.h"
#include "widgets/PersonView.h"
#include "windows/DuplicatesPage.h"
#include "windows/MainWindow.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

using namespace frontdoor;

class DuplicatesTest : public QObject {
    Q_OBJECT
private slots:
    void aDutyManagerMergesTwoPeopleFromTheQueueAndSeesOneHistory();
    void aScreenerMaySayNotTheSameChildButNotMerge();
};

namespace {

// John Smith (the helper's contact) and, at another desk, "Jon Smyth" with day and month transposed.
struct TwoRecords {
    std::string john, jon;
    explicit TwoRecords(core::Workspace& ws) {
        core::ContactService contacts(ws);
        const core::Actor screener{"sam.screener", "screener"};
        john = contacts.record(screener, test::johnSmithContact()).personIds.at(0);
        auto again = test::johnSmithContact();
        again["received_at"] = "2026-10-01T09:00:00Z";
        again["children"][0]["given_name"] = "Jon";
        again["children"][0]["family_name"] = "Smyth";
        again["children"][0]["date_of_birth"] = "2015-12-03";
        jon = contacts.record(screener, again).personIds.at(0);
    }
};

int contactRows(ui::PersonView* view) { return view->contactsView()->model()->rowCount(); }

ui::DuplicateDecisionDialog* openDialog(QWidget* page) {
    ui::DuplicateDecisionDialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] { return (dialog = page->findChild<ui::DuplicateDecisionDialog*>()) != nullptr && dialog->isVisible(); },
                    5000);
    return shown ? dialog : nullptr;
}

} // namespace

void DuplicatesTest::aDutyManagerMergesTwoPeopleFromTheQueueAndSeesOneHistory() {
    test::UiWorkspace scratch;
    const TwoRecords people(*scratch.ws);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    auto* action = window->findChild<QAction*>(QStringLiteral("duplicatesAction"));
    QVERIFY(action);
    action->trigger();
    auto* page = window->findChild<ui::DuplicatesPage*>(QStringLiteral("duplicatesPage"));
    QVERIFY(page);
    auto* table = page->findChild<QTableWidget*>(QStringLiteral("duplicatesTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
    QVERIFY(table->item(0, 3)->text().contains(QStringLiteral("transposed")));

    // Side by side: each person with their own contact.
    auto* left = page->findChild<ui::PersonView*>(QStringLiteral("duplicateLeft"));
    auto* right = page->findChild<ui::PersonView*>(QStringLiteral("duplicateRight"));
    QTRY_VERIFY_WITH_TIMEOUT(left->isLoaded() && right->isLoaded() && contactRows(left) == 1 && contactRows(right) == 1, 10000);
    const bool johnOnLeft = left->personId() == QString::fromStdString(people.john);
    QCOMPARE(johnOnLeft ? right->personId() : left->personId(), QString::fromStdString(people.jon));

    // By keyboard: the table has the focus, Tab goes to "keep the left", Space opens the confirmation.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    table->setFocus();
    QTRY_COMPARE(test::focusName(), QStringLiteral("duplicatesTable"));
    QTest::keyClick(table, Qt::Key_Tab);
    QCOMPARE(test::focusName(), QStringLiteral("keepLeftButton"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    auto* dialog = openDialog(page);
    QVERIFY(dialog);
    auto* reason = dialog->findChild<QPlainTextEdit*>(QStringLiteral("duplicateDecisionReason"));
    QTRY_COMPARE(test::focusName(), QStringLiteral("duplicateDecisionReason"));
    // Without a reason nothing is merged and the dialog says why.
    QTest::keyClick(reason, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("duplicateDecisionBanner"))->isVisible());
    QCOMPARE(core::resolvePersonId(scratch.ws->db(), people.jon), people.jon);
    QTest::keyClicks(reason, QStringLiteral("Same boy: the school has one pupil of that name"));
    QTest::keyClick(reason, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!page->findChild<ui::DuplicateDecisionDialog*>());

    // One history: the kept person on the left with both contacts; the pair has left the queue.
    const std::string kept = johnOnLeft ? people.john : people.jon;
    const std::string merged = johnOnLeft ? people.jon : people.john;
    QCOMPARE(core::resolvePersonId(scratch.ws->db(), merged), kept);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(left->personId() == QString::fromStdString(kept) && contactRows(left) == 2, 10000);
    QVERIFY(left->findChild<QLabel*>(QStringLiteral("personDetails"))->text().contains(QStringLiteral("also recorded as")));
    // The merged person's own tab shows the same one history.
    auto* view = window->openPerson(QString::fromStdString(merged));
    QTRY_VERIFY_WITH_TIMEOUT(view->isLoaded(), 10000);
    QCOMPARE(contactRows(view), 2);
    QCOMPARE(view->personId(), QString::fromStdString(kept));

    // Undone from the list of merges: both are as they were.
    window->openDuplicates();
    auto* merges = page->findChild<QTableWidget*>(QStringLiteral("mergesTable"));
    QTRY_COMPARE(merges->rowCount(), 1);
    page->findChild<QPushButton*>(QStringLiteral("unmergeButton"))->click();
    dialog = openDialog(page);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("duplicateDecisionReason")), QStringLiteral("Brothers after all"));
    dialog->findChild<QPushButton*>(QStringLiteral("duplicateDecisionConfirm"))->click();
    QTRY_VERIFY(!page->findChild<ui::DuplicateDecisionDialog*>());
    QCOMPARE(core::resolvePersonId(scratch.ws->db(), merged), merged);
    QTRY_COMPARE_WITH_TIMEOUT(merges->rowCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
}

void DuplicatesTest::aScreenerMaySayNotTheSameChildButNotMerge() {
    test::UiWorkspace scratch;
    const TwoRecords people(*scratch.ws);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    auto* page = window->openDuplicates();
    auto* table = page->findChild<QTableWidget*>(QStringLiteral("duplicatesTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
    QVERIFY(!page->findChild<QPushButton*>(QStringLiteral("keepLeftButton"))->isVisible());
    QVERIFY(!page->findChild<QPushButton*>(QStringLiteral("unmergeButton"))->isVisible());
    auto* notSame = page->findChild<QPushButton*>(QStringLiteral("notDuplicateButton"));
    QVERIFY(notSame->isVisible() && notSame->isEnabled());
    table->setFocus();
    QTRY_COMPARE(test::focusName(), QStringLiteral("duplicatesTable"));
    QTest::keyClick(table, Qt::Key_Tab);
    QCOMPARE(test::focusName(), QStringLiteral("notDuplicateButton"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    auto* dialog = openDialog(page);
    QVERIFY(dialog);
    QTRY_COMPARE(test::focusName(), QStringLiteral("duplicateDecisionReason"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Cousins"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!page->findChild<ui::DuplicateDecisionDialog*>());
    QVERIFY(core::markedNotDuplicate(scratch.ws->db(), people.john, people.jon));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, 10000);
}

QTEST_MAIN(DuplicatesTest)
#include "DuplicatesTest.moc"
