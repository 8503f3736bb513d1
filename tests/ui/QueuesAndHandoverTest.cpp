// The workflow queues through the real window: rows carry what is due and a countdown coloured by
// urgency (an overdue one red, at the top), worked out again as time passes without asking the
// database; an EDT worker's out-of-hours contact, recorded with its handover on the new-contact form,
// waits at the top of the duty manager's morning and is acknowledged; the referrer is told and the
// contact closed; and reading is logged once per opening, not for every row the arrow keys pass.
#include "UiTestSupport.h"

#include "dialogs/WorkflowDialogs.h"
#include "models/ContactListModel.h"
#include "models/QueueListModel.h"
#include "rules/ScreeningDecisionService.h"
#include "widgets/ContactView.h"
#include "widgets/FieldCell.h"
#include "windows/HandoverView.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"
#include "workflow/ContactWorkflow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

using namespace frontdoor;

class QueuesAndHandoverTest : public QObject {
    Q_OBJECT
private slots:
    void queueRowsShowColouredCountdownsAndAnOverdueOneIsRed();
    void anOutOfHoursContactTopsTheMorningQueueAndIsAcknowledged();
    void anOrdinaryContactShowsNoHandover();
    void theReferrerIsToldThenTheContactClosed();
    void readingIsLoggedOncePerOpening();
};

void QueuesAndHandoverTest::queueRowsShowColouredCountdownsAndAnOverdueOneIsRed() {
    test::UiWorkspace scratch;
    core::ContactService contacts(*scratch.ws);
    auto late = test::johnSmithContact();
    late["received_at"] = "2026-11-19T10:00:00Z"; // Thursday: the decision was due on Friday
    const std::string lateId = contacts.record({"sam.screener", "screener"}, late).contactId;
    auto fresh = test::miaThorntonContact();
    fresh["received_at"] = "2026-11-23T09:30:00Z"; // this morning: due tomorrow
    const std::string freshId = contacts.record({"sam.screener", "screener"}, fresh).contactId;

    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::ContactListModel* model = window->contactModel();
    // Something is overdue: the window opens on it, most urgent first.
    QTRY_COMPARE(model->queueKey(), QStringLiteral("overdue"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->itemAt(0)->id, QString::fromStdString(lateId));
    QVERIFY(window->showQueue("awaiting_screening"));
    QTRY_COMPARE(model->queueKey(), QStringLiteral("awaiting_screening"));
    QTRY_COMPARE(model->rowCount(), 2);
    QVERIFY(!window->contactTable()->isColumnHidden(ui::ContactTableModel::Due));

    // The overdue one first, red, saying by how much; the other green, saying how long is left.
    const auto due = [&](int row) { return model->index(row, ui::ContactTableModel::Due); };
    QCOMPARE(model->itemAt(0)->id, QString::fromStdString(lateId));
    QVERIFY(due(0).data().toString().startsWith("Decision: overdue by"));
    QCOMPARE(due(0).data(ui::ContactTableModel::UrgencyRole).toString(), QStringLiteral("overdue"));
    QCOMPARE(due(0).data(ui::ContactTableModel::UrgencyColourRole).value<QColor>(), QColor(0xc5, 0x22, 0x1f));
    QCOMPARE(model->itemAt(1)->id, QString::fromStdString(freshId));
    QVERIFY(due(1).data().toString().endsWith("left"));
    QCOMPARE(due(1).data(ui::ContactTableModel::UrgencyRole).toString(), QStringLiteral("on_track"));
    QCOMPARE(due(1).data(ui::ContactTableModel::UrgencyColourRole).value<QColor>(), QColor(0x1e, 0x7e, 0x34));
    QCOMPARE(model->index(1, ui::ContactTableModel::What).data().toString(), QStringLiteral("Screening; decision due"));

    // The sidebar counts them, and how many are overdue.
    ui::QueueListModel* queues = window->queueModel();
    QTRY_COMPARE(queues->countOf(queues->rowOf("awaiting_screening")), qint64(2));
    QTRY_COMPARE(queues->overdueOf(queues->rowOf("awaiting_screening")), qint64(1));
    QTRY_COMPARE(queues->countOf(queues->rowOf("overdue")), qint64(1));

    // Time passes: the countdown is worked out again, without reading the queue again.
    const QString before = due(1).data().toString();
    scratch.clock.set(core::parseInstant("2026-11-24T09:15:00Z").value());
    QVERIFY(due(1).data().toString() != before);
    QCOMPARE(due(1).data().toString(), QStringLiteral("Decision: 15m left"));
    QCOMPARE(due(1).data(ui::ContactTableModel::UrgencyRole).toString(), QStringLiteral("due_soon"));
    QCOMPARE(due(1).data(ui::ContactTableModel::UrgencyColourRole).value<QColor>(), QColor(0xf9, 0xab, 0x00));
}

void QueuesAndHandoverTest::anOutOfHoursContactTopsTheMorningQueueAndIsAcknowledged() {
    test::UiWorkspace scratch;
    core::ContactService contacts(*scratch.ws);
    auto daytime = test::johnSmithContact();
    daytime["received_at"] = "2026-11-20T11:00:00Z";
    contacts.record({"sam.screener", "screener"}, daytime);
    scratch.clock.set(core::parseInstant("2026-11-22T02:40:00Z").value()); // Sunday night: the EDT on duty

    // The EDT worker records the contact, with what was done and the note for the day team.
    std::string id;
    {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("eve.edt", "630418", "edt_worker"));
        QTest::keyClick(window->contactTable(), Qt::Key_N, Qt::ControlModifier);
        ui::NewContactForm* form = window->currentForm();
        QVERIFY(form);
        QVERIFY(form->isOutOfHours());
        QVERIFY(form->findChild<QWidget*>("handoverSection"));
        const auto type = [form](const char* name, const QString& text) {
            QWidget* widget = form->findChild<QWidget*>(QString::fromLatin1(name));
            QVERIFY2(widget, name);
            if (auto* combo = qobject_cast<QComboBox*>(widget); combo && combo->isEditable())
                widget = combo->lineEdit();
            widget->setFocus();
            QTest::keyClicks(widget, text);
        };
        type("source", "6");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        type("referrerName", "PC Rowan Ellery");
        type("referrerAgency", "Police");
        type("givenName", "Mia");
        type("familyName", "Thornton");
        type("dateOfBirth", "02/05/2019");
        type("voice", "Mia said \"daddy hurt mummy and my arm\".");
        type("concern", "Domestic incident; Mia has a bruised forearm.");
        auto* consent = form->findChild<QComboBox*>("consentStatus");
        consent->setCurrentIndex(consent->findData("not_sought"));
        type("consentBasis", "Risk of significant harm.");
        type("alreadyDone", "Spoke to mother by phone; father left the address; police attended.");
        // Without the note for the day team, refused: the problem beside it, the typing kept.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(window->currentForm() == form);
        QCOMPARE(test::focusName(), QStringLiteral("handoverNote"));
        QVERIFY(qobject_cast<ui::FieldCell*>(form->findChild<QWidget*>("handoverNote")->parentWidget())->hasError());
        type("handoverNote", "Mia safe with mother tonight. Needs screening and a police check in the morning.");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(window->currentForm() == nullptr);
        const auto list = contacts.list({});
        for (const auto& summary : list)
            if (summary.childNames == std::vector<std::string>{"Mia Thornton"})
                id = summary.id;
        QVERIFY(!id.empty());
        // The EDT worker sees it waiting for the day team.
        QTRY_COMPARE(window->contactModel()->queueKey(), QStringLiteral("handovers"));
    }
    const auto state = core::ContactWorkflow(*scratch.ws).state(id);
    QCOMPARE(state.at("recorded_role").get<std::string>(), std::string("edt_worker"));
    QCOMPARE(state.at("handover").at("handover_note").get<std::string>(),
             std::string("Mia safe with mother tonight. Needs screening and a police check in the morning."));

    // Monday, 08:55: the duty manager's window opens on the handovers, this one at the top, due soon.
    scratch.clock.set(core::parseInstant("2026-11-23T08:55:00Z").value());
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::ContactListModel* model = window->contactModel();
    QTRY_COMPARE(model->queueKey(), QStringLiteral("handovers"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->itemAt(0)->id, QString::fromStdString(id));
    QCOMPARE(model->itemAt(0)->what, QStringLiteral("Acknowledge handover from eve.edt, Sun 22/11/2026 02:40"));
    QCOMPARE(model->index(0, ui::ContactTableModel::Due).data().toString(), QStringLiteral("EDT handover: 5m left"));
    // It heads the queue of contacts awaiting screening too, above the older one.
    QVERIFY(window->showQueue("awaiting_screening"));
    QTRY_COMPARE(model->rowCount(), 2);
    QCOMPARE(model->itemAt(0)->id, QString::fromStdString(id));
    QVERIFY(model->itemAt(0)->what.startsWith("Out-of-hours handover to acknowledge"));

    // Enter opens the handover: what the EDT did, the note, Mia's voice; Ctrl+Shift+H acknowledges it.
    QVERIFY(window->showQueue("handovers"));
    QTRY_COMPARE(model->rowCount(), 1);
    QTRY_COMPARE(window->contactTable()->currentIndex().row(), 0);
    window->contactTable()->setFocus();
    QTest::keyClick(window->contactTable(), Qt::Key_Return);
    auto* handover = qobject_cast<ui::HandoverView*>(window->workTabs()->currentWidget());
    QVERIFY(handover);
    QCOMPARE(handover->objectName(), QStringLiteral("handoverView"));
    QTRY_VERIFY(handover->isLoaded());
    const QString body = handover->findChild<QTextBrowser*>("handoverBody")->toPlainText();
    QVERIFY(body.contains("Spoke to mother by phone; father left the address; police attended."));
    QVERIFY(body.contains("daddy hurt mummy and my arm"));
    QCOMPARE(test::focusName(), QStringLiteral("acknowledgeNote"));
    TYPE_AT("acknowledgeNote", "Read at 08:55; Sam to screen first thing.");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(handover->isAcknowledged());
    const auto after = core::ContactWorkflow(*scratch.ws).state(id);
    QCOMPARE(after.at("handover").at("acknowledged_by").get<std::string>(), std::string("mo.manager"));
    QCOMPARE(after.at("handover").at("deadline").at("late").get<bool>(), false);
    QTRY_COMPARE(window->queueModel()->countOf(window->queueModel()->rowOf("handovers")), qint64(0));
    // Acknowledged, it can be screened straight away.
    QTRY_VERIFY(handover->findChild<QPushButton*>("screenAfterHandoverButton")->isVisible());
    // The manager's note is kept and shown wherever the acknowledgement is: the handover, the contact's
    // "where it stands", the timeline.
    QCOMPARE(after.at("handover").at("acknowledgement_note").get<std::string>(),
             std::string("Read at 08:55; Sam to screen first thing."));
    QTRY_VERIFY(handover->findChild<QTextBrowser*>("handoverBody")->toPlainText().contains(
        "Read at 08:55; Sam to screen first thing."));
    ui::ContactView* view = window->openContact(QString::fromStdString(id));
    QTRY_VERIFY(view->isLoaded());
    QVERIFY(view->findChild<QTextBrowser*>("contactRecord")->toPlainText().contains(
        "Read at 08:55; Sam to screen first thing."));
    bool inTimeline = false;
    for (const auto& entry : core::ContactService(*scratch.ws).timeline(id))
        inTimeline = inTimeline || entry.description == "Handover acknowledged: Read at 08:55; Sam to screen first thing.";
    QVERIFY(inTimeline);
}

void QueuesAndHandoverTest::anOrdinaryContactShowsNoHandover() {
    // The trial saw "Out-of-hours handover — From ," and an Acknowledge button on a daytime contact.
    test::UiWorkspace scratch;
    auto daytime = test::johnSmithContact();
    daytime["received_at"] = "2026-11-23T09:15:00Z";
    const std::string id = core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, daytime).contactId;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::ContactView* view = window->openContact(QString::fromStdString(id));
    QTRY_VERIFY(view->isLoaded());
    const QString record = view->findChild<QTextBrowser*>("contactRecord")->toPlainText();
    QVERIFY(!record.isEmpty());
    QVERIFY2(!record.contains("Out-of-hours handover"), qPrintable(record));
    QVERIFY2(!record.contains("acknowledges the handover"), qPrintable(record));
    const auto* acknowledge = view->findChild<QPushButton*>("acknowledgeButton");
    QVERIFY(!acknowledge || !acknowledge->isVisible());
    QVERIFY(!view->findChild<QLabel*>("contactActionNote")->text().contains("handover"));
}

void QueuesAndHandoverTest::theReferrerIsToldThenTheContactClosed() {
    test::UiWorkspace scratch;
    auto contact = test::johnSmithContact();
    contact["received_at"] = "2026-11-23T09:15:00Z";
    const std::string id = core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, contact).contactId;
    core::ContactWorkflow workflow(*scratch.ws);
    workflow.startScreening({"sam.screener", "screener"}, id);
    const auto suggestion =
        core::ScreeningDecisionService(*scratch.ws).screenRecorded(id, {{"indicators", {"PERSISTENT_ABSENCE"}}}).toJson();
    workflow.recommend({"sam.screener", "screener"}, id,
                       {{"indicators", {"PERSISTENT_ABSENCE"}}, {"level", suggestion["level"]},
                        {"outcome", suggestion["outcome"]}, {"rag", suggestion["rag"]},
                        {"recommendation", "Early help with the school, as the guidance suggests."}});
    workflow.signOff({"mo.manager", "duty_manager"}, id,
                     {{"case_direction", {{"what", "TAF meeting"}, {"by_whom", "Sam Screener"}, {"by_when", "2026-12-04"}}}});

    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QVERIFY(window->showQueue("referrer_feedback"));
    QTRY_COMPARE(window->contactModel()->rowCount(), 1);
    QTRY_VERIFY(window->detailPane()->isLoaded());
    // Closing is offered, with what is outstanding; core refuses it, and the dialog says why.
    QVERIFY(window->detailPane()->actionNote()->text().contains("the referrer has not been told the outcome"));
    ui::CloseContactDialog* closing = window->closeContact(QString::fromStdString(id));
    QVERIFY(closing);
    QVERIFY(!closing->closeContact());
    QVERIFY(closing->findChild<QLabel*>("closeContactBanner")->text().contains("referrer has not been told"));
    closing->reject();

    // Ctrl+R: the referrer was told, by phone.
    window->contactTable()->setFocus();
    QTest::keyClick(window->contactTable(), Qt::Key_R, Qt::ControlModifier);
    auto* told = window->findChild<ui::ReferrerFeedbackDialog*>("referrerFeedbackDialog");
    QVERIFY(told);
    auto* how = told->findChild<QComboBox*>("toldHow");
    how->setCurrentIndex(how->findData("phone"));
    QTest::keyClicks(told->findChild<QPlainTextEdit*>("toldNote"), "Told Dana the TAF plan.");
    QVERIFY(told->record());
    auto state = workflow.state(id);
    QCOMPARE(state.at("referrer_feedback").at("status").get<std::string>(), std::string("done"));
    QCOMPARE(state.at("referrer_feedback").at("how").get<std::string>(), std::string("phone"));
    QTRY_COMPARE(window->contactModel()->rowCount(), 0);

    // Now it closes.
    ui::CloseContactDialog* close = window->closeContact(QString::fromStdString(id));
    QVERIFY(close->closeContact());
    QCOMPARE(workflow.state(id).at("status").get<std::string>(), std::string("closed"));
}

void QueuesAndHandoverTest::readingIsLoggedOncePerOpening() {
    test::UiWorkspace scratch;
    core::ContactService contacts(*scratch.ws);
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        auto contact = test::johnSmithContact();
        contact["received_at"] = "2026-11-23T0" + std::to_string(7 + i) + ":00:00Z";
        ids.push_back(contacts.record({"jo.screener", "screener"}, contact).contactId);
    }
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::ContactListModel* model = window->contactModel();
    QTRY_COMPARE(model->rowCount(), 3);
    QTRY_VERIFY(window->detailPane()->isLoaded());
    // Moving through the queue with the arrow keys is not reading each contact.
    window->contactTable()->setFocus();
    QTest::keyClick(window->contactTable(), Qt::Key_Down);
    QTest::keyClick(window->contactTable(), Qt::Key_Down);
    QTRY_VERIFY(window->detailPane()->isLoaded());
    const std::string shown = window->detailPane()->contactId().toStdString();
    QCOMPARE(shown, model->itemAt(2)->id.toStdString());
    for (const auto& id : ids)
        QCOMPARE(test::readsOf(*scratch.ws, id), 0);
    // Left in the detail pane for a couple of seconds, it has been read: logged once.
    QTRY_COMPARE_WITH_TIMEOUT(test::readsOf(*scratch.ws, shown), 1, 5000);
    QTest::qWait(2500);
    QCOMPARE(test::readsOf(*scratch.ws, shown), 1);
    // Opening one in a tab of its own is reading it.
    QTest::keyClick(window->contactTable(), Qt::Key_Up);
    const std::string opened = model->itemAt(1)->id.toStdString();
    QTest::keyClick(window->contactTable(), Qt::Key_Return);
    auto* view = qobject_cast<ui::ContactView*>(window->workTabs()->currentWidget());
    QVERIFY(view);
    QTRY_VERIFY(view->isLoaded());
    QCOMPARE(test::readsOf(*scratch.ws, opened), 1);
    // A child's tab is reading the child's history.
    const std::string personId = view->contact().at("children").at(0).at("id").get<std::string>();
    const int before = test::readsOf(*scratch.ws, personId);
    view->tabs()->setCurrentIndex(1);
    QTRY_COMPARE(test::readsOf(*scratch.ws, personId), before + 1);
}

QTEST_MAIN(QueuesAndHandoverTest)
#include "QueuesAndHandoverTest.moc"
