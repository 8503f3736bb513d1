// The sign-in dialog: a wrong PIN is refused with core's words beside the PIN, the name is kept; the
// right PIN signs in, in the role chosen; a PIN weaker than the policy is changed before going on.
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
    void offersTheSameRolesForEveryName();
    void asksForANewSecretWhenTheOldIsWeakerThanThePolicy();
    void remembersTheLastUserNameOnThisDesk();
    void findsTheAccountNameWithoutTheEnvironment();
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

    QTest::keyClicks(pin, QStringLiteral("999999"));
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("not recognised")));
    QCOMPARE(name->text(), QStringLiteral("sam.screener"));
    QVERIFY(pin->text().isEmpty());
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.session());
    QTRY_COMPARE(QApplication::focusWidget(), pin);

    QTest::keyClicks(pin, QStringLiteral("417205"));
    QVERIFY(!error->isVisible()); // typing again clears the message
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.session().has_value() || error->isVisible(), 10000);
    QVERIFY2(dialog.session().has_value(), qPrintable(error->text() + QStringLiteral(" / pin: ") + pin->text()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.session()->user.id, std::string("sam.screener"));
    QCOMPARE(dialog.session()->role, std::string("screener"));
}

void SignInDialogTest::offersTheSameRolesForEveryName() {
    test::UiWorkspace scratch;
    ui::SignInDialog dialog(*scratch.ws, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("userName"));
    auto* role = dialog.findChild<QComboBox*>(QStringLiteral("role"));
    QCOMPARE(QApplication::focusWidget(), name); // no name known: start there
    // The list is the same for a name that is not an account, so it gives nothing away.
    QTest::keyClicks(name, QStringLiteral("no.body"));
    QTest::qWait(300);
    QStringList forNobody;
    for (int i = 0; i < role->count(); ++i)
        forNobody << role->itemText(i);
    name->clear();
    QTest::keyClicks(name, QStringLiteral("mo.manager"));
    QTest::qWait(300);
    QStringList forMo;
    for (int i = 0; i < role->count(); ++i)
        forMo << role->itemText(i);
    QCOMPARE(forMo, forNobody);
    QCOMPARE(role->currentData().toString(), QString()); // their usual role

    QTest::keyClick(name, Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("582936"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(dialog.session().has_value());
    QCOMPARE(dialog.session()->role, std::string("duty_manager"));
}

void SignInDialogTest::asksForANewSecretWhenTheOldIsWeakerThanThePolicy() {
    test::UiWorkspace scratch;
    core::UserService(*scratch.ws).setPolicy({"ada.admin", "administrator"}, 8, std::nullopt);
    ui::SignInDialog dialog(*scratch.ws, QStringLiteral("sam.screener"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* pin = dialog.findChild<QLineEdit*>(QStringLiteral("pin"));
    auto* newSecret = dialog.findChild<QLineEdit*>(QStringLiteral("newSecret"));
    auto* repeat = dialog.findChild<QLineEdit*>(QStringLiteral("repeatSecret"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("signInError"));
    QVERIFY(!newSecret->isVisible());

    QTest::keyClicks(pin, QStringLiteral("417205")); // six digits; the policy now wants eight
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(newSecret->isVisible(), 10000);
    QVERIFY(!dialog.session());
    QTRY_COMPARE(QApplication::focusWidget(), newSecret);
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("newSecretWhy"))->text().contains(QStringLiteral("8 digits")));

    // Typed differently twice: said so, nothing changed.
    QTest::keyClicks(newSecret, QStringLiteral("38502716"));
    QTest::keyClick(newSecret, Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), repeat);
    QTest::keyClicks(repeat, QStringLiteral("38502717"));
    QTest::keyClick(repeat, Qt::Key_Return);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(!dialog.session());

    // Still too weak: core's words.
    QTest::keyClicks(newSecret, QStringLiteral("1234567"));
    QTest::keyClick(newSecret, Qt::Key_Return);
    QTest::keyClicks(repeat, QStringLiteral("1234567"));
    QTest::keyClick(repeat, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && error->text().contains(QStringLiteral("8 digits")), 10000);
    QVERIFY(!dialog.session());

    QTest::keyClicks(newSecret, QStringLiteral("38502716"));
    QTest::keyClick(newSecret, Qt::Key_Return);
    QTest::keyClicks(repeat, QStringLiteral("38502716"));
    QTest::keyClick(repeat, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.session().has_value(), 10000);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.session()->mustChangeSecret);
    const auto again = core::UserService(*scratch.ws).signIn("sam.screener", "38502716", "screener");
    QVERIFY(!again.mustChangeSecret);
}

void SignInDialogTest::remembersTheLastUserNameOnThisDesk() {
    test::UiWorkspace scratch; // settings in a scratch folder
    QCOMPARE(ui::SignInDialog::lastUserName(), ui::SignInDialog::operatingSystemAccount()); // nothing yet
    {
        ui::SignInDialog dialog(*scratch.ws, ui::SignInDialog::lastUserName());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("userName"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("jo.screener"));
        auto* pin = dialog.findChild<QLineEdit*>(QStringLiteral("pin"));
        QTest::keyClicks(pin, QStringLiteral("417205"));
        QTest::keyClick(pin, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.session().has_value(), 10000);
    }
    // The next sign-in on this desk starts with that name, and the cursor in the PIN.
    QCOMPARE(ui::SignInDialog::lastUserName(), QStringLiteral("jo.screener"));
    ui::SignInDialog again(*scratch.ws, ui::SignInDialog::lastUserName());
    again.show();
    QVERIFY(QTest::qWaitForWindowActive(&again));
    QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("userName"))->text(), QStringLiteral("jo.screener"));
    QCOMPARE(QApplication::focusWidget(), again.findChild<QLineEdit*>(QStringLiteral("pin")));
}

void SignInDialogTest::findsTheAccountNameWithoutTheEnvironment() {
    // As under su or a service account: no USER, USERNAME or LOGNAME.
    const QByteArray saved[] = {qgetenv("USER"), qgetenv("USERNAME"), qgetenv("LOGNAME")};
    for (const char* name : {"USER", "USERNAME", "LOGNAME"})
        qunsetenv(name);
    const QString account = ui::SignInDialog::operatingSystemAccount();
    int i = 0;
    for (const char* name : {"USER", "USERNAME", "LOGNAME"}) {
        if (!saved[i].isEmpty())
            qputenv(name, saved[i]);
        ++i;
    }
    QVERIFY(!account.isEmpty());
}

QTEST_MAIN(SignInDialogTest)
#include "SignInDialogTest.moc"
