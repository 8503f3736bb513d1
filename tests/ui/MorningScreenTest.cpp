// The duty manager's screens at 9 a.m. (issue 19 points 15 and 16): one countdown rule and one date
// format on the contact view; F6 shows which pane has the focus; a full name in the search box lists
// the person's contacts too; a queue's shortcut is the same whoever holds it; the title says
// "Frontdoor" once.
#include "UiTestSupport.h"

#include <QAction>

#include "models/ContactListModel.h"
#include "models/TimelineModel.h"
#include "support/Style.h"
#include "support/Urgency.h"
#include "time/Countdown.h"
#include "widgets/ContactView.h"
#include "widgets/QuickSearchBox.h"
#include "windows/MainWindow.h"
#include "workflow/StrategyDiscussions.h"

#include <QLabel>
#include <QListView>
#include <QRegularExpression>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocumentFragment>

using namespace frontdoor;

class MorningScreenTest : public QObject {
    Q_OBJECT
private slots:
    void theContactViewUsesOneCountdownRuleAndOneDateFormat();
    void f6FramesThePaneThatHasTheFocus();
    void aFullNameInTheSearchBoxListsThePersonAndTheirContacts();
    void aQueueKeepsItsShortcutWhoeverHoldsIt();
    void theTitleSaysFrontdoorOnce();
};

namespace {

const core::Actor kScreener{"sam.screener", "screener"};
const core::Actor kManager{"mo.manager", "duty_manager"};

// Mia's contact, recommended for a strategy discussion and signed off at 09:30: the discussion is due
// within 24 hours of the decision, and scheduled for tomorrow 08:00.
std::string miaAwaitingHerStrategyDiscussion(test::UiWorkspace& scratch) {
    core::ContactService contacts(*scratch.ws);
    const std::string id = contacts.record(kScreener, test::miaThorntonContact()).contactId;
    scratch.clock.set(core::parseInstant("2026-11-23T09:10:00Z").value());
    test::recommendAsSuggested(*scratch.ws, kScreener, id, "ABUSE_DISCLOSURE");
    scratch.clock.set(core::parseInstant("2026-11-23T09:30:00Z").value());
    core::ContactWorkflow(*scratch.ws)
        .signOff(kManager, id,
                 {{"case_direction", {{"what", "Strategy discussion"}, {"by_whom", "Mo Manager"}, {"by_when", "2026-11-24"}}}});
    return id;
}

QStringList visibleTexts(QWidget* root) {
    QStringList texts;
    for (auto* label : root->findChildren<QLabel*>())
        if (label->isVisible())
            texts << label->text();
    for (auto* browser : root->findChildren<QTextBrowser*>())
        texts << browser->toPlainText();
    for (auto* view : root->findChildren<QTableView*>()) {
        auto* model = view->model();
        if (!model)
            continue;
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                texts << model->index(r, c).data().toString();
    }
    return texts;
}

// What a person reads in a label or browser: the HTML's text, with no-break spaces as spaces.
QString plain(const QString& text) {
    return QTextDocumentFragment::fromHtml(text).toPlainText().replace(QChar(0x00a0), QLatin1Char(' ')).simplified();
}

} // namespace

void MorningScreenTest::theContactViewUsesOneCountdownRuleAndOneDateFormat() {
    test::UiWorkspace scratch;
    const std::string id = miaAwaitingHerStrategyDiscussion(scratch);
    scratch.clock.set(core::parseInstant("2026-11-23T10:15:00Z").value());
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::ContactView* view = window->openContact(QString::fromStdString(id));
    QVERIFY(view);
    QTRY_VERIFY(view->isLoaded());

    // An hour on (the view's timer would do this every 30 seconds): the header and "Where it stands"
    // both say the time left now, by the one rule (core's Countdown): 09:30 tomorrow, 22h 14m away.
    scratch.clock.set(core::parseInstant("2026-11-23T11:16:00Z").value());
    view->refreshCountdowns();
    const QString expected = QString::fromStdString(
        core::countdown(core::parseInstant("2026-11-23T09:30:00Z").value(), core::parseInstant("2026-11-24T09:30:00Z").value(),
                        scratch.clock.now())
            .text());
    QCOMPARE(expected, QStringLiteral("22h 14m left"));
    auto* header = view->findChild<QLabel*>(QStringLiteral("contactStatus"));
    QVERIFY(header);
    const QString headerText = plain(header->text());
    QVERIFY2(headerText.contains(QStringLiteral("Strategy discussion due Tue 24/11/2026 09:30 ") + expected), qPrintable(headerText));
    QString record;
    for (auto* browser : view->findChildren<QTextBrowser*>())
        record += plain(browser->toHtml());
    QVERIFY2(record.contains(QStringLiteral("due Tue 24/11/2026 09:30 ") + expected), qPrintable(record));
    QVERIFY(!record.contains(QStringLiteral("23h 15m left")));

    // One date format on the screen: "Mon 23/11/2026 09:30" or "24/11/2026"; no ISO dates, no
    // two-digit years, no seconds (the timeline, the child's tab, the header, the record).
    view->tabs()->setCurrentIndex(1); // Mia's tab: her contacts, with when each was received
    const QRegularExpression iso(QStringLiteral("\\b\\d{4}-\\d{2}-\\d{2}\\b"));
    const QRegularExpression shortYear(QStringLiteral("\\b\\d{2}/\\d{2}/\\d{2}\\b(?!/)"));
    const QRegularExpression seconds(QStringLiteral("\\b\\d{2}:\\d{2}:\\d{2}\\b"));
    int dated = 0;
    for (const QString& text : visibleTexts(view)) {
        const QString shown = plain(text);
        QVERIFY2(!iso.match(shown).hasMatch(), qPrintable(shown));
        QVERIFY2(!shortYear.match(shown).hasMatch(), qPrintable(shown));
        QVERIFY2(!seconds.match(shown).hasMatch(), qPrintable(shown));
        dated += shown.contains(QRegularExpression(QStringLiteral("\\b\\d{2}/\\d{2}/\\d{4}\\b"))) ? 1 : 0;
    }
    QVERIFY(dated > 5); // the header, the record, each timeline entry, the child's contacts
}

void MorningScreenTest::f6FramesThePaneThatHasTheFocus() {
    test::UiWorkspace scratch;
    core::ContactService(*scratch.ws).record(kScreener, test::johnSmithContact());
    ui::applyFrontdoorStyle(*qApp);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QTRY_COMPARE(window->contactModel()->rowCount(), 1);
    const QList<QWidget*> panes{window->queueList(), window->contactTable(), window->detailPane()->tabs(),
                                window->quickSearch()};
    const QColor frame(0x1a, 0x73, 0xe8);
    window->contactTable()->setFocus(Qt::OtherFocusReason); // where the day starts
    for (int press = 0; press < 5; ++press) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        int framed = 0;
        for (QWidget* pane : panes) {
            const bool holds = pane == QApplication::focusWidget() || pane->isAncestorOf(QApplication::focusWidget());
            QCOMPARE(pane->property("paneFocus").toBool(), holds);
            framed += holds ? 1 : 0;
        }
        QCOMPARE(framed, 1);
    }
    // What a person sees: the list with the focus has a blue frame, and loses it with the focus.
    window->contactTable()->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(window->contactTable()->grab().toImage().pixelColor(0, 0), frame);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(window->contactTable()->grab().toImage().pixelColor(0, 0) != frame);
    qApp->setStyleSheet(QString());
}

void MorningScreenTest::aFullNameInTheSearchBoxListsThePersonAndTheirContacts() {
    test::UiWorkspace scratch;
    core::ContactService contacts(*scratch.ws);
    auto lily = test::johnSmithContact();
    lily["children"][0]["given_name"] = "Lily";
    lily["children"][0]["family_name"] = "Carter";
    lily["received_at"] = "2026-10-02T10:00:00Z";
    const auto first = contacts.record(kScreener, lily);
    lily["received_at"] = "2026-11-20T14:30:00Z";
    lily["children"][0]["id"] = first.personIds[0];
    const auto newest = contacts.record(kScreener, lily);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QTRY_VERIFY(!window->contactModel()->queueKey().isEmpty());

    window->contactTable()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_K, Qt::ControlModifier);
    ui::QuickSearchBox* search = window->quickSearch();
    QCOMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, QStringLiteral("Lily Carter"));
    QTRY_VERIFY(search->resultsVisible());
    QTRY_COMPARE(search->resultCount(), 3); // Lily, then her two contacts
    const QString second = search->resultsView()->model()->index(1, 0).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(second.startsWith(QStringLiteral("Contact, Contact FD-")) && second.contains(QStringLiteral("20/11/2026")),
             qPrintable(second));
    // One step from the person to her newest contact, and Enter opens it.
    QTest::keyClick(search, Qt::Key_Down);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(qobject_cast<ui::ContactView*>(window->workTabs()->currentWidget()));
    QCOMPARE(qobject_cast<ui::ContactView*>(window->workTabs()->currentWidget())->contactId(),
             QString::fromStdString(newest.contactId));
}

void MorningScreenTest::aQueueKeepsItsShortcutWhoeverHoldsIt() {
    test::UiWorkspace scratch;
    struct Holder {
        const char* user;
        const char* pin;
        const char* role;
        bool screens; ///< has Awaiting screening
    };
    for (const Holder& holder : {Holder{"sam.screener", "417205", "screener", true},
                                 Holder{"mo.manager", "582936", "duty_manager", true},
                                 Holder{"eve.edt", "630418", "edt_worker", false}}) {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn(holder.user, holder.pin, holder.role));
        ui::ContactListModel* model = window->contactModel();
        QTRY_VERIFY(!model->queueKey().isEmpty());
        window->contactTable()->setFocus(Qt::OtherFocusReason);
        // Ctrl+8 is Overdue for everyone who has it; Ctrl+0 All contacts.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_8, Qt::ControlModifier);
        QTRY_COMPARE(model->queueKey(), QStringLiteral("overdue"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_0, Qt::ControlModifier);
        QTRY_COMPARE(model->queueKey(), QStringLiteral("all_contacts"));
        // Ctrl+4 is Awaiting screening; an EDT worker, who has no such queue, stays where they are.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_4, Qt::ControlModifier);
        if (holder.screens) {
            QTRY_COMPARE(model->queueKey(), QStringLiteral("awaiting_screening"));
        } else {
            QTest::qWait(50);
            QCOMPARE(model->queueKey(), QStringLiteral("all_contacts"));
            QVERIFY(!window->findChild<QAction*>(QStringLiteral("queueShortcut_awaiting_screening")));
        }
        auto* overdue = window->findChild<QAction*>(QStringLiteral("queueShortcut_overdue"));
        QVERIFY(overdue);
        QCOMPARE(overdue->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_8));
    }
}

void MorningScreenTest::theTitleSaysFrontdoorOnce() {
    test::UiWorkspace scratch;
    QApplication::setApplicationDisplayName(QStringLiteral("Frontdoor"));
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    const QString title = window->windowTitle();
    QCOMPARE(title.count(QStringLiteral("Frontdoor")), 1);
    // Ending with the application's name, the platform does not add it a second time.
    QVERIFY2(title.endsWith(QStringLiteral("— Frontdoor")), qPrintable(title));
    QVERIFY2(title.contains(QStringLiteral("Screener")), qPrintable(title));
}

QTEST_MAIN(MorningScreenTest)
#include "MorningScreenTest.moc"
