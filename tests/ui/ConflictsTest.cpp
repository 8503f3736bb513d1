// Conflicts between desks in the app (issue 13 point 4): two desks on one scratch share folder, offline
// from each other, both deal with one recommendation; after they sync, the contact shows a banner at
// each desk. A duty manager opens the conflict from the banner (Ctrl+Shift+K), sees both versions side
// by side, resolves it by keyboard with a note (a short note is refused, naming it), and the banner goes;
// the timeline says which decision stands. Roles that may not resolve see the banner, and no resolving.
#include "UiTestSupport.h"

#include "models/TimelineModel.h"
#include "rules/ScreeningDecisionService.h"
#include "support/SyncRunner.h"
#include "sync/SyncEngine.h"
#include "sync/Team.h"
#include "widgets/ContactView.h"
#include "windows/ConflictsPage.h"
#include "windows/MainWindow.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>

using namespace frontdoor;

class ConflictsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void aDutyManagerResolvesAConflictFromTheBannerByKeyboard();
    void aScreenerSeesTheBannerAndAnAuditorReadsOnly();
};

namespace {

const std::string kPassphrase = "correct horse battery staple";

// Two desks over one scratch share (as SyncDeskTest's): separate databases, one clock.
struct Team {
    QTemporaryDir root;
    core::FixedClock clock{test::uiTestNow()};
    std::unique_ptr<core::Workspace> a, b;
    std::string contactId;

    Team() {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, root.filePath(QStringLiteral("settings")));
        qputenv("XDG_DATA_HOME", root.filePath(QStringLiteral("data")).toUtf8());
        QDir(root.path()).mkpath(QStringLiteral("share"));
    }
    std::unique_ptr<core::Workspace> desk(const char* name) {
        return core::Workspace::create(root.filePath(QString::fromLatin1(name)).toStdString(), clock,
                                       core::DatabaseMode::Training);
    }
    bool round(core::Workspace& ws) {
        core::sync::FolderTransport folder(root.filePath(QStringLiteral("share")).toStdString());
        return core::sync::SyncEngine(ws, folder).round().reached();
    }
    void join(core::Workspace& ws) {
        core::sync::FolderTransport folder(root.filePath(QStringLiteral("share")).toStdString());
        core::sync::joinTeam(ws, folder, kPassphrase);
    }

    // Desk A records and screens a contact about John Smith; both desks hold it, recommended. Then the
    // share is out of reach of each: Dee Manager signs it off at desk B at 10:05, Mo Manager returns it
    // at desk A at 10:10. Back in touch, every desk keeps Dee's sign-off and holds Mo's return as a
    // conflict.
    void makeConflict() {
        a = desk("desk-a.sqlite");
        core::addDemoUsers(*a, "");
        join(*a);
        QVERIFY(round(*a));
        b = desk("desk-b.sqlite");
        join(*b);
        QVERIFY(round(*b));
        const core::Actor screener{"sam.screener", "screener"};
        contactId = core::ContactService(*a).record(screener, test::johnSmithContact()).contactId;
        core::ContactWorkflow(*a).startScreening(screener, contactId);
        const std::vector<std::string> indicators{"PERSISTENT_ABSENCE"};
        const auto suggestion =
            core::ScreeningDecisionService(*a).screenRecorded(contactId, {{"indicators", indicators}}).toJson();
        core::ContactWorkflow(*a).recommend(
            screener, contactId,
            {{"indicators", indicators},
             {"level", suggestion["level"]},
             {"outcome", suggestion["outcome"]},
             {"rag", suggestion["rag"]},
             {"recommendation", "Recommend what the threshold guidance suggests for this family."}});
        QVERIFY(round(*a));
        QVERIFY(round(*b));

        clock.advance(std::chrono::minutes{5});
        core::ContactWorkflow(*b).signOff(
            {"dee.manager", "duty_manager"}, contactId,
            {{"case_direction",
              {{"what", "Team Around the Family meeting"}, {"by_whom", "Sam Screener"}, {"by_when", "2026-12-04"}}}});
        clock.advance(std::chrono::minutes{5});
        core::ContactWorkflow(*a).returnForEdits({"mo.manager", "duty_manager"}, contactId,
                                                 "Please add the school's view before this is decided.");
        for (int i = 0; i < 2; ++i) {
            QVERIFY(round(*a));
            QVERIFY(round(*b));
        }
    }
};

std::unique_ptr<ui::MainWindow> openWindow(core::Workspace& ws, const std::string& user, const std::string& pin,
                                           const std::string& role) {
    auto window = std::make_unique<ui::MainWindow>(ws, core::UserService(ws).signIn(user, pin, role));
    window->resize(1366, 768);
    window->show();
    if (window->syncRunner())
        window->syncRunner()->stop(); // no rounds of its own: the desks exchanged what they had
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    return window;
}

QString timelineText(ui::ContactView* view) {
    QStringList lines;
    auto* model = view->timelineView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        lines << model->index(row, ui::TimelineModel::What).data().toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void ConflictsTest::initTestCase() {
    qputenv("FRONTDOOR_SYNC_KDF", "fast"); // the team key's Argon2id at its minimum cost (tests only)
}

void ConflictsTest::aDutyManagerResolvesAConflictFromTheBannerByKeyboard() {
    Team team;
    team.makeConflict();
    if (QTest::currentTestFailed())
        return;
    const QString contactId = QString::fromStdString(team.contactId);
    auto window = openWindow(*team.a, "mo.manager", "582936", "duty_manager");

    // The contact says that two desks disagreed, and that a duty manager must resolve it.
    ui::ContactView* view = window->openContact(contactId);
    QVERIFY(view);
    QTRY_VERIFY(view->isLoaded());
    QVERIFY(view->conflictBanner()->isVisible());
    const QString bannerText = view->findChild<QLabel*>(QStringLiteral("contactConflictText"))->text();
    QVERIFY2(bannerText.contains(QStringLiteral("Two desks disagreed")) &&
                 bannerText.contains(QStringLiteral("A duty manager must resolve it")) &&
                 bannerText.contains(QStringLiteral("Signed off at one desk, returned at another")),
             qPrintable(bannerText));
    auto* bannerButton = view->findChild<QPushButton*>(QStringLiteral("contactConflictButton"));
    QVERIFY(bannerButton && bannerButton->isVisible());
    QVERIFY(bannerButton->text().contains(QStringLiteral("Ctrl+Shift+K")));

    // Its shortcut opens the conflicts page on this contact's conflict: both versions side by side.
    QTest::keyClick(view->tabs(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    auto* page = qobject_cast<ui::ConflictsPage*>(window->workTabs()->currentWidget());
    QVERIFY(page);
    QCOMPARE(page->objectName(), QStringLiteral("conflictsPage"));
    QCOMPARE(page->openTable()->rowCount(), 1);
    QCOMPARE(page->resolvedTable()->rowCount(), 0);
    QVERIFY(!page->selectedId().isEmpty());
    QCOMPARE(page->openTable()->item(0, 1)->text(), QStringLiteral("John Smith"));
    const QString sideA = page->findChild<QLabel*>(QStringLiteral("conflictSideAText"))->text();
    const QString sideB = page->findChild<QLabel*>(QStringLiteral("conflictSideBText"))->text();
    QVERIFY2(sideA.contains(QStringLiteral("dee.manager")) && sideA.contains(QStringLiteral("Stands now")) &&
                 sideA.contains(QStringLiteral("10:05")),
             qPrintable(sideA));
    QVERIFY2(sideB.contains(QStringLiteral("mo.manager")) && sideB.contains(QStringLiteral("Not applied")) &&
                 sideB.contains(QStringLiteral("10:10")) && sideB.contains(QStringLiteral("school's view")),
             qPrintable(sideB));
    QCOMPARE(test::focusName(), QStringLiteral("openConflicts"));

    // By keyboard: Tab to the choice, Down to keep B (Mo's return), Tab to the note.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(test::focusName(), QStringLiteral("keepA"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QVERIFY(page->findChild<QRadioButton*>(QStringLiteral("keepB"))->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(test::focusName(), QStringLiteral("conflictNote"));

    // A note too short to say why is refused, naming it; nothing is resolved.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("agreed"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    auto* error = page->findChild<QLabel*>(QStringLiteral("conflictResolveError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("Why:")) && error->text().contains(QStringLiteral("10 characters")),
             qPrintable(error->text()));
    QCOMPARE(page->openTable()->rowCount(), 1);
    QCOMPARE(test::focusName(), QStringLiteral("conflictNote"));

    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral(" with Dee: the school's view is needed first."));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(page->openTable()->rowCount(), 0);
    QCOMPARE(page->resolvedTable()->rowCount(), 1);
    QCOMPARE(page->resolvedTable()->item(0, 3)->text(), QStringLiteral("B, the later decision"));
    QVERIFY(page->resolvedTable()->item(0, 4)->text().startsWith(QStringLiteral("mo.manager")));
    QCOMPARE(page->resolvedTable()->item(0, 6)->text(),
             QStringLiteral("agreed with Dee: the school's view is needed first."));
    QVERIFY(page->findChild<QLabel*>(QStringLiteral("conflictsSummary"))->text().startsWith(QStringLiteral("No open")));

    // Back on the contact: the banner has gone, the return stands and the timeline says so.
    window->workTabs()->setCurrentWidget(view);
    QTRY_VERIFY(view->isLoaded() && !view->conflictBanner()->isVisible());
    QTRY_COMPARE(QString::fromStdString(view->state().value("status", std::string())), QStringLiteral("returned"));
    const QString timeline = timelineText(view);
    QVERIFY2(timeline.contains(QStringLiteral("Conflict between desks resolved: the later decision stands")) &&
                 timeline.contains(QStringLiteral("applied later:")) && timeline.contains(QStringLiteral("superseded:")),
             qPrintable(timeline));
}

void ConflictsTest::aScreenerSeesTheBannerAndAnAuditorReadsOnly() {
    Team team;
    team.makeConflict();
    if (QTest::currentTestFailed())
        return;
    const QString contactId = QString::fromStdString(team.contactId);
    {
        // Desk B's screener: the banner, but no way to the conflicts (a duty manager's to resolve).
        auto window = openWindow(*team.b, "sam.screener", "417205", "screener");
        QVERIFY(!window->findChild<QAction*>(QStringLiteral("conflictsAction")));
        ui::ContactView* view = window->openContact(contactId);
        QTRY_VERIFY(view->isLoaded());
        QVERIFY(view->conflictBanner()->isVisible());
        QVERIFY(!view->findChild<QPushButton*>(QStringLiteral("contactConflictButton"))->isVisible());
        QVERIFY(!window->openConflicts(contactId));
    }
    {
        // Desk A's auditor: the conflicts, both versions, and no resolving.
        auto window = openWindow(*team.a, "aud.auditor", "851274", "auditor");
        QVERIFY(window->findChild<QAction*>(QStringLiteral("conflictsAction")));
        ui::ContactView* view = window->openContact(contactId);
        QTRY_VERIFY(view->isLoaded());
        QVERIFY(view->conflictBanner()->isVisible());
        QTest::keyClick(view->tabs(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        auto* page = qobject_cast<ui::ConflictsPage*>(window->workTabs()->currentWidget());
        QVERIFY(page);
        QCOMPARE(page->openTable()->rowCount(), 1);
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("conflictSideAText"))->isVisible());
        QVERIFY(!page->findChild<QWidget*>(QStringLiteral("conflictResolveBox"))->isVisible());
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("conflictsReadOnly"))->isVisible());
        QTest::keyClick(page->openTable(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(page->openTable()->rowCount(), 1);
        // Enter on the conflict opens its contact.
        window->workTabs()->setCurrentWidget(page);
        page->openTable()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(page->openTable(), Qt::Key_Return);
        auto* opened = qobject_cast<ui::ContactView*>(window->workTabs()->currentWidget());
        QVERIFY(opened);
        QCOMPARE(opened->contactId(), contactId);
    }
}

QTEST_MAIN(ConflictsTest)
#include "ConflictsTest.moc"
