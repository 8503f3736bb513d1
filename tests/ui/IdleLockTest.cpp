// Issue 14 point 3: the desk locks after the policy's idle minutes (the clock moved, not waited for) or at
// once with Ctrl+Shift+L; drafts are saved first, the record is hidden, shortcuts do nothing, and only the
// same user's PIN (or another user signing in) opens it.
#include "UiTestSupport.h"

#include "contacts/ContactService.h"
#include "support/IdleLock.h"
#include "windows/MainWindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>

using namespace frontdoor;
using namespace std::chrono_literals;

class IdleLockTest : public QObject {
    Q_OBJECT
private slots:
    void locksAfterTheIdleMinutesWithTheDraftSavedAndTheRecordHidden();
    void inputPutsTheLockOff();
    void ctrlShiftLLocksAtOnceAndAnotherUserCanSignIn();
};

namespace {

void typeConcern(ui::MainWindow& window, const QString& text) {
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(window.findChild<QPlainTextEdit*>(QStringLiteral("concern")));
    auto* concern = window.findChild<QPlainTextEdit*>(QStringLiteral("concern"));
    concern->setFocus();
    QTest::keyClicks(concern, text);
}

} // namespace

void IdleLockTest::locksAfterTheIdleMinutesWithTheDraftSavedAndTheRecordHidden() {
    test::UiWorkspace scratch;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    auto* lock = window->idleLock();
    QCOMPARE(lock->timeout(), 10min); // the policy's default
    typeConcern(*window, QStringLiteral("Nursery worried about bruising"));

    scratch.clock.set(test::uiTestNow() + 9min);
    lock->checkIdle();
    QVERIFY(!lock->isLocked());
    scratch.clock.set(test::uiTestNow() + 10min + 1s);
    lock->checkIdle();
    QVERIFY(lock->isLocked());

    // What was typed is saved as a draft before anything is hidden.
    const auto drafts = core::ContactService(*scratch.ws).drafts("sam.screener");
    QCOMPARE(drafts.size(), size_t(1));
    QCOMPARE(QString::fromStdString(drafts.front().body.value("concern", std::string())),
             QStringLiteral("Nursery worried about bruising"));

    // Nothing of the record shows: the work area, menus and status bar are hidden behind the lock screen.
    QVERIFY(lock->lockScreen()->isVisible());
    QVERIFY(!window->centralWidget()->isVisible());
    QVERIFY(!window->menuBar()->isVisible());
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("lockSecret"));

    // Shortcuts do nothing while locked: Ctrl+K would put the focus in the hidden search box.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("lockSecret"));

    // A wrong PIN is refused in words; the right one opens the desk as it was left.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("111111"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(lock->isLocked());
    QVERIFY(window->findChild<QLabel*>(QStringLiteral("lockError"))->isVisible());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("417205"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!lock->isLocked());
    QVERIFY(!lock->lockScreen()->isVisible());
    QVERIFY(window->centralWidget()->isVisible());
    QCOMPARE(window->findChild<QPlainTextEdit*>(QStringLiteral("concern"))->toPlainText(),
             QStringLiteral("Nursery worried about bruising"));
}

void IdleLockTest::inputPutsTheLockOff() {
    test::UiWorkspace scratch;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    auto* lock = window->idleLock();
    scratch.clock.set(test::uiTestNow() + 8min);
    typeConcern(*window, QStringLiteral("Still typing"));
    scratch.clock.set(test::uiTestNow() + 16min); // ten minutes after the typing, minus two
    lock->checkIdle();
    QVERIFY(!lock->isLocked());
    scratch.clock.set(test::uiTestNow() + 18min + 1s);
    lock->checkIdle();
    QVERIFY(lock->isLocked());
}

void IdleLockTest::ctrlShiftLLocksAtOnceAndAnotherUserCanSignIn() {
    test::UiWorkspace scratch;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    auto* lock = window->idleLock();
    QSignalSpy other(window.get(), &ui::MainWindow::otherUserSignedIn);
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(lock->isLocked());

    // The duty manager signs in at the same desk: the app is told to open their window.
    auto* user = window->findChild<QLineEdit*>(QStringLiteral("lockUser"));
    QCOMPARE(user->text(), QStringLiteral("sam.screener"));
    user->selectAll();
    QTest::keyClicks(user, QStringLiteral("mo.manager"));
    auto* secret = window->findChild<QLineEdit*>(QStringLiteral("lockSecret"));
    QTest::keyClicks(secret, QStringLiteral("582936"));
    QTest::keyClick(secret, Qt::Key_Return);
    QCOMPARE(other.count(), 1);
    QCOMPARE(other.first().first().value<core::Session>().user.id, std::string("mo.manager"));
    // Sam's window stays locked until it is replaced.
    QVERIFY(lock->isLocked());
}

QTEST_MAIN(IdleLockTest)
#include "IdleLockTest.moc"
