// Issue 11 point 1: in a queue, Home and End move between rows as in any list and keep the Due column
// in view; Ctrl+E says which child it will start screening; a contact started by mistake is handed
// back to the queue, with a reason, from the keyboard.
#include "UiTestSupport.h"

#include "dialogs/WorkflowDialogs.h"
#include "models/ContactListModel.h"
#include "windows/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStatusBar>
#include <QTableView>

using namespace frontdoor;

class QueueKeysTest : public QObject {
    Q_OBJECT
private slots:
    void homeAndEndMoveBetweenRowsAndCtrlENamesTheChild();
};

void QueueKeysTest::homeAndEndMoveBetweenRowsAndCtrlENamesTheChild() {
    test::UiWorkspace scratch;
    core::ContactService contacts(*scratch.ws);
    const char* names[][2] = {{"Ava", "Quinn"}, {"Ben", "Rowe"}, {"Cara", "Stone"}, {"Dev", "Tate"}};
    int minute = 0;
    for (const auto& name : names) {
        auto input = test::johnSmithContact();
        input["received_at"] = "2026-11-23T09:" + std::to_string(10 + minute++) + ":00Z";
        input["children"][0]["given_name"] = name[0];
        input["children"][0]["family_name"] = name[1];
        input["children"][0].erase("date_of_birth");
        input["children"][0]["date_of_birth"] = "2015-0" + std::to_string(minute) + "-01";
        contacts.record({"sam.screener", "screener"}, input);
    }
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::ContactListModel* model = window->contactModel();
    QVERIFY(window->showQueue("awaiting_screening"));
    QTRY_COMPARE(model->rowCount(), 4);
    QTableView* table = window->contactTable();
    table->setFocus();
    QTRY_COMPARE(table->currentIndex().row(), 0);

    // End goes to the last row, in the Due column, with nothing scrolled sideways.
    table->horizontalScrollBar()->setValue(table->horizontalScrollBar()->maximum());
    QTest::keyClick(table, Qt::Key_End);
    QCOMPARE(table->currentIndex().row(), 3);
    QCOMPARE(table->currentIndex().column(), 0);
    QCOMPARE(table->horizontalScrollBar()->value(), table->horizontalScrollBar()->minimum());
    QTest::keyClick(table, Qt::Key_Home);
    QCOMPARE(table->currentIndex().row(), 0);
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(table->currentIndex().row(), 3);
    QCOMPARE(table->currentIndex().column(), 0);
    QTest::keyClick(table, Qt::Key_Up);
    QCOMPARE(table->currentIndex().row(), 2);

    // Ctrl+E says whom it will screen: the child on the highlighted row.
    const QString child = model->itemAt(2)->children;
    QVERIFY(!child.isEmpty());
    QTRY_VERIFY2(window->workAction(QStringLiteral("screen"))->text().contains(child),
                 qPrintable(window->workAction(QStringLiteral("screen"))->text()));
    const std::string id = model->itemAt(2)->id.toStdString();
    QTest::keyClick(table, Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE(core::ContactWorkflow(*scratch.ws).state(id).at("status").get<std::string>(),
                 std::string("in_screening"));
    QVERIFY(window->statusBar()->currentMessage().contains(child));

    // Started by mistake: Ctrl+Shift+B hands it back, with the reason, and it is awaiting screening again.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    ui::HandBackDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ui::HandBackDialog*>()) != nullptr && dialog->isVisible());
    auto* reason = dialog->findChild<QLineEdit*>(QStringLiteral("handBackReason"));
    QTRY_COMPARE(QApplication::focusWidget(), reason);
    QTest::keyClicks(reason, QStringLiteral("Started the wrong child by mistake"));
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY2(!dialog || !dialog->isVisible(),
                 qPrintable(dialog ? dialog->findChild<QLabel*>(QStringLiteral("handBackBanner"))->text() : QString()));
    QTRY_COMPARE(core::ContactWorkflow(*scratch.ws).state(id).at("status").get<std::string>(), std::string("recorded"));
    bool inTimeline = false;
    for (const auto& entry : core::ContactService(*scratch.ws).timeline(id))
        inTimeline = inTimeline || entry.description ==
                                       "Screening handed back to the queue: Started the wrong child by mistake";
    QVERIFY(inTimeline);
}

QTEST_MAIN(QueueKeysTest)
#include "QueueKeysTest.moc"
