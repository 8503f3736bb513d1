// Notes on a contact through the real window (issue 19 point 7): the EDT worker, after recording, can
// do nothing else on the contact; a Work shortcut not available says why in the status bar instead of
// doing nothing (Ctrl+E), and Ctrl+Shift+M adds a note, which the day team reads with the handover and in
// "Where it stands", marked "added after the handover".
#include "UiTestSupport.h"

#include "dialogs/WorkflowDialogs.h"
#include "models/ContactListModel.h"
#include "widgets/ContactView.h"
#include "windows/HandoverView.h"
#include "windows/MainWindow.h"
#include "workflow/ContactWorkflow.h"

#include <QAction>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

using namespace frontdoor;

namespace {

const std::string kNote = "Mother came home at 05:00; Ruby is with her and asleep.";

// Ruby Ashdown (made up): found alone at home on a Sunday night, recorded by the EDT with its handover.
std::string recordOutOfHours(test::UiWorkspace& scratch) {
    scratch.clock.set(core::parseInstant("2026-11-22T02:40:00Z").value());
    auto contact = nlohmann::json::parse(R"json({
      "received_at": "2026-11-22T02:00:00Z", "channel": "police_notification", "source": "6",
      "referrer": {"name": "PC Imogen Vale", "agency": "Police (public protection unit)", "role": "Officer"},
      "children": [{"given_name": "Ruby", "family_name": "Ashdown", "date_of_birth": "2018-06-14",
                    "voice": "Ruby said she wanted her mum."}],
      "concern": "Ruby found alone at home at 01:30; mother not reachable by phone.",
      "consent": {"status": "not_sought", "basis_without_consent": "Risk of significant harm tonight."}
    })json");
    nlohmann::json handover{{"already_done", "Police stayed with Ruby; neighbour looking after her."},
                            {"handover_note", "Find the mother and screen in the morning."}};
    return core::ContactWorkflow(*scratch.ws)
        .recordOutOfHours({"eve.edt", "edt_worker"}, contact, handover)
        .contactId;
}

} // namespace

class ContactNotesTest : public QObject {
    Q_OBJECT
private slots:
    void theEdtWorkerReadsWhyCtrlEDoesNothingAndAddsANote();
    void aRefusedNoteKeepsTheDialogOpenWithTheText();
};

void ContactNotesTest::theEdtWorkerReadsWhyCtrlEDoesNothingAndAddsANote() {
    test::UiWorkspace scratch;
    const std::string id = recordOutOfHours(scratch);
    scratch.clock.set(core::parseInstant("2026-11-22T05:05:00Z").value());
    {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("eve.edt", "630418", "edt_worker"));
        QTRY_COMPARE(window->contactModel()->queueKey(), QStringLiteral("handovers"));
        QTRY_COMPARE(window->contactModel()->rowCount(), 1);
        QTRY_COMPARE(window->contactTable()->currentIndex().row(), 0);
        window->contactTable()->setFocus();
        QTRY_VERIFY(window->workAction("addNote")->isEnabled());
        QVERIFY(!window->workAction("screen")->isEnabled());

        // Ctrl+E is the day team's: the status bar says so, and how to add a note, instead of nothing.
        window->statusBar()->clearMessage();
        QTest::keyClick(window->contactTable(), Qt::Key_E, Qt::ControlModifier);
        const QString why = window->statusBar()->currentMessage();
        QVERIFY2(why.contains("not available") && why.contains("screener or duty manager") &&
                     why.contains("EDT worker") && why.contains("note"),
                 qPrintable(why));
        QCOMPARE(core::ContactWorkflow(*scratch.ws).state(id).at("status").get<std::string>(), std::string("recorded"));

        // Ctrl+Shift+M: a note, typed and added with Ctrl+Enter.
        QTest::keyClick(window->contactTable(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        ui::AddNoteDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<ui::AddNoteDialog*>("addNoteDialog")) != nullptr);
        QTRY_COMPARE(test::focusName(), QStringLiteral("noteText"));
        QTest::keyClicks(QApplication::focusWidget(), QString::fromStdString(kNote));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(window->findChild<ui::AddNoteDialog*>("addNoteDialog") == nullptr);
        QVERIFY(window->statusBar()->currentMessage().startsWith("Note added"));
    }
    const auto notes = core::ContactWorkflow(*scratch.ws).state(id).at("notes");
    QCOMPARE(notes.size(), size_t(1));
    QCOMPARE(notes[0].at("text").get<std::string>(), kNote);
    QCOMPARE(notes[0].at("by").get<std::string>(), std::string("eve.edt"));
    QVERIFY(notes[0].at("after_handover").get<bool>());

    // Monday morning: the duty manager reads it with the handover and in "Where it stands".
    scratch.clock.set(core::parseInstant("2026-11-23T08:55:00Z").value());
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::HandoverView* handover = window->openHandover(QString::fromStdString(id));
    QVERIFY(handover);
    QTRY_VERIFY(handover->isLoaded());
    const QString body = handover->findChild<QTextBrowser*>("handoverBody")->toPlainText();
    QVERIFY2(body.contains(QString::fromStdString(kNote)) && body.contains("added after the handover"), qPrintable(body));
    ui::ContactView* view = window->openContact(QString::fromStdString(id));
    QTRY_VERIFY(view->isLoaded());
    const QString record = view->findChild<QTextBrowser*>("contactRecord")->toPlainText();
    QVERIFY2(record.contains(QString::fromStdString(kNote)) && record.contains("added after the handover"),
             qPrintable(record));
}

void ContactNotesTest::aRefusedNoteKeepsTheDialogOpenWithTheText() {
    test::UiWorkspace scratch;
    const std::string id = recordOutOfHours(scratch);
    scratch.clock.set(core::parseInstant("2026-11-22T05:05:00Z").value());
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("eve.edt", "630418", "edt_worker"));
    ui::AddNoteDialog* dialog = window->addNote(QString::fromStdString(id));
    QVERIFY(dialog);
    // Nothing typed: refused, naming the field; the dialog stays open.
    QVERIFY(!dialog->addNote());
    QVERIFY(dialog->isVisible());
    QVERIFY(core::ContactWorkflow(*scratch.ws).state(id).at("notes").empty());
    auto* text = dialog->findChild<QPlainTextEdit*>("noteText");
    text->setPlainText(QString(5001, QLatin1Char('x')));
    QVERIFY(!dialog->addNote());
    QCOMPARE(text->toPlainText().size(), 5001); // what was typed is kept
    QVERIFY(core::ContactWorkflow(*scratch.ws).state(id).at("notes").empty());
}

QTEST_MAIN(ContactNotesTest)
#include "ContactNotesTest.moc"
