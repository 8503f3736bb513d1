// The first run on a database with no users: the person setting up the desk creates the first
// administrator and is signed in, instead of meeting a sign-in nobody can pass.
#include "UiTestSupport.h"

#include "dialogs/FirstRunDialog.h"
#include "users/UserService.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace frontdoor;

class FirstRunTest : public QObject {
    Q_OBJECT
private slots:
    void createsTheFirstAdministratorAndSignsThemIn();
    void refusesEachProblemBesideItsFieldAndKeepsTheTyping();
};

namespace {

// A database with no users at all, as a new live desk's.
struct EmptyDesk {
    QTemporaryDir folder;
    core::FixedClock clock{test::uiTestNow()};
    std::unique_ptr<core::Workspace> ws;
    EmptyDesk() {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder.filePath(QStringLiteral("settings")));
        qputenv("XDG_DATA_HOME", folder.filePath(QStringLiteral("data")).toUtf8());
        ws = core::Workspace::create(folder.filePath(QStringLiteral("desk.sqlite")).toStdString(), clock,
                                     core::DatabaseMode::Training);
    }
};

void type(const char* objectName, QDialog& dialog, const QString& text) {
    auto* field = dialog.findChild<QLineEdit*>(QString::fromLatin1(objectName));
    QVERIFY2(field, objectName);
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, text);
}

} // namespace

void FirstRunTest::createsTheFirstAdministratorAndSignsThemIn() {
    EmptyDesk desk;
    QVERIFY(!core::UserService(*desk.ws).anyUsers());
    ui::FirstRunDialog dialog(*desk.ws, QStringLiteral("ada.admin"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("firstRunAccount"))->text(), QStringLiteral("ada.admin"));
    // The account name is filled in from the system: typing starts at the display name.
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("firstRunDisplayName"));

    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Ada Admin"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("739164"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("739164"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    QTRY_VERIFY(dialog.session().has_value());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.session()->user.id, std::string("ada.admin"));
    QCOMPARE(dialog.session()->role, std::string("administrator"));
    // The account exists and its secret works for the next sign-in.
    QCOMPARE(core::UserService(*desk.ws).signIn("ada.admin", "739164", "administrator").user.displayName,
             std::string("Ada Admin"));
}

void FirstRunTest::refusesEachProblemBesideItsFieldAndKeepsTheTyping() {
    EmptyDesk desk;
    ui::FirstRunDialog dialog(*desk.ws, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* create = dialog.findChild<QPushButton*>(QStringLiteral("firstRunCreate"));

    // Two different secrets: refused beside the second, nothing created.
    type("firstRunAccount", dialog, QStringLiteral("ada.admin"));
    type("firstRunDisplayName", dialog, QStringLiteral("Ada Admin"));
    type("firstRunSecret", dialog, QStringLiteral("739164"));
    type("firstRunSecretAgain", dialog, QStringLiteral("739165"));
    create->click();
    auto* again = dialog.findChild<QLabel*>(QStringLiteral("firstRunSecretAgainError"));
    QVERIFY(again->isVisible());
    QVERIFY(again->text().contains(QStringLiteral("not the same")));
    QVERIFY(dialog.isVisible());
    QVERIFY(!core::UserService(*desk.ws).anyUsers());

    // A PIN too short for the policy: core's words beside the PIN; the names typed are kept.
    type("firstRunSecret", dialog, QStringLiteral("12"));
    type("firstRunSecretAgain", dialog, QStringLiteral("12"));
    create->click();
    auto* secret = dialog.findChild<QLabel*>(QStringLiteral("firstRunSecretError"));
    QVERIFY(secret->isVisible());
    QVERIFY(secret->text().contains(QStringLiteral("6")));
    QVERIFY(!again->isVisible());
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("firstRunDisplayName"))->text(), QStringLiteral("Ada Admin"));
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("firstRunSecret"));

    // Not an account name: refused beside it.
    type("firstRunAccount", dialog, QStringLiteral("ada admin!"));
    type("firstRunSecret", dialog, QStringLiteral("739164"));
    type("firstRunSecretAgain", dialog, QStringLiteral("739164"));
    create->click();
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("firstRunAccountError"))->isVisible());
    QVERIFY(!secret->isVisible());
    QVERIFY(!core::UserService(*desk.ws).anyUsers());
    QVERIFY(!dialog.session());
}

QTEST_MAIN(FirstRunTest)
#include "FirstRunTest.moc"
