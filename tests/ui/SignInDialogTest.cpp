// The sign-in dialog: a wrong PIN is refused with core's words beside the PIN, the name is kept; the
// right PIN signs in, in the role chosen.
#include "UiTestSupport.h"

#include "dialogs/SignInDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

using namespace frontdoor;

class SignInDialogTest : public QObject {
    Q_OBJECT
private slots:
    void refusesAWrongPinAndAcceptsTheRightOne();
    void offersTheUsersOwnRoles();
};

void SignInDialogTest::refusesAWrongPinAndAcceptsTheRightOne() {
    test::UiWorkspace scratch;
    ui::SignInDialog dialog(*scratch.ws, QStringLiteral("sam.screener"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("userName"));
    auto* pin = dialog.findChild<QLineEdit*>(QStringLiteral("pin"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("signInError"));
    QCOMPARE(name->text(), QStringLiteral("sam.screener"));
    QCOMPARE(QApplication::focusWidget(), pin); // the name is already there: straight to the PIN

    QTest::keyClicks(pin, QStringLiteral("9999"));
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("not recognised")));
    QCOMPARE(name->text(), QStringLiteral("sam.screener"));
    QVERIFY(pin->text().isEmpty());
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.session());
    QTRY_COMPARE(QApplication::focusWidget(), pin);

    QTest::keyClicks(pin, QStringLiteral("1111"));
    QVERIFY(!error->isVisible()); // typing again clears the message
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.session().has_value() || error->isVisible(), 10000);
    QVERIFY2(dialog.session().has_value(), qPrintable(error->text() + QStringLiteral(" / pin: ") + pin->text()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.session()->user.id, std::string("sam.screener"));
    QCOMPARE(dialog.session()->role, std::string("screener"));
}

void SignInDialogTest::offersTheUsersOwnRoles() {
    test::UiWorkspace scratch;
    ui::SignInDialog dialog(*scratch.ws, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("userName"));
    auto* role = dialog.findChild<QComboBox*>(QStringLiteral("role"));
    QCOMPARE(QApplication::focusWidget(), name); // no name known: start there
    QTest::keyClicks(name, QStringLiteral("mo.manager"));
    QTRY_COMPARE(role->count(), 1);
    QCOMPARE(role->currentData().toString(), QStringLiteral("duty_manager"));

    QTest::keyClick(name, Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2222"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(dialog.session().has_value());
    QCOMPARE(dialog.session()->role, std::string("duty_manager"));
}

QTEST_MAIN(SignInDialogTest)
#include "SignInDialogTest.moc"
