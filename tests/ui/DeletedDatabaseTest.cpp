// Issue 10, point 14: the database file deleted (or replaced) under the running app. Before, the app
// went on "saving" into the orphaned file, said "Draft saved" and lost the typing when it closed. Now a
// save that cannot reach the database says so plainly, keeps the typing in the form and writes it to a
// recovery file beside the database.
#include "UiTestSupport.h"

#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"
#include "widgets/ChildEditor.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>

#include <filesystem>
#include <fstream>

using namespace frontdoor;

class DeletedDatabaseTest : public QObject {
    Q_OBJECT
private slots:
    void aDraftSavedIntoADeletedDatabaseIsNotCalledSavedAndTheTypingIsKept();
};

void DeletedDatabaseTest::aDraftSavedIntoADeletedDatabaseIsNotCalledSavedAndTheTypingIsKept() {
    test::UiWorkspace scratch;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(), Qt::Key_N,
                    Qt::ControlModifier);
    ui::NewContactForm* form = window->currentForm();
    QVERIFY(form);
    auto* status = form->findChild<QLabel*>(QStringLiteral("draftStatus"));
    QVERIFY(status);
    form->child(0)->givenName()->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Orla"));
    QVERIFY(form->saveDraftNow());
    QVERIFY(status->text().startsWith(QStringLiteral("Draft saved")));
    const QString before = status->text();

    // Someone (or something: a clean-up script, a restored backup) removes the file under the app.
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(scratch.path().toStdString() + suffix);
    form->child(0)->givenName()->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("gh"));
    QVERIFY(!form->saveDraftNow());

    // Not called saved; the banner says why in plain words and where the typing is kept.
    QCOMPARE(status->text(), before);
    QVERIFY(form->banner()->isVisible());
    const QString banner = form->banner()->text();
    QVERIFY2(banner.contains(QStringLiteral("nothing more can be saved")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("frontdoor-recovered-")), qPrintable(banner));
    QCOMPARE(form->child(0)->givenName()->text(), QStringLiteral("Orlagh"));

    // The recovery file beside the database holds what was typed.
    const QStringList files =
        QDir(scratch.folder.path()).entryList({QStringLiteral("frontdoor-recovered-*.json")}, QDir::Files);
    QCOMPARE(files.size(), 1);
    QFile file(QDir(scratch.folder.path()).filePath(files.front()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto recovered = nlohmann::json::parse(file.readAll().toStdString());
    QCOMPARE(recovered.at("user").get<std::string>(), std::string("sam.screener"));
    QCOMPARE(recovered.at("typed").at("children").at(0).at("given_name").get<std::string>(), std::string("Orlagh"));
    QVERIFY(!(file.permissions() & QFileDevice::ReadOther));

    // Another failed try updates the same file rather than scattering copies.
    QTest::keyClicks(form->child(0)->givenName(), QStringLiteral("!"));
    QVERIFY(!form->saveDraftNow());
    QCOMPARE(QDir(scratch.folder.path()).entryList({QStringLiteral("frontdoor-recovered-*.json")}, QDir::Files).size(),
             1);
}

QTEST_MAIN(DeletedDatabaseTest)
#include "DeletedDatabaseTest.moc"
