// Sign-off and the strategy discussion through the real windows: the person who made a
// recommendation is not offered its sign-off, even holding the duty manager role, while another duty
// manager is and signs it off; a strategy discussion is scheduled (with the missing-agency warning
// live), held, its outcome recorded with actions, an action marked done, and its record saved as a PDF.
#include "UiTestSupport.h"

#include "models/ContactListModel.h"
#include "rules/ScreeningDecisionService.h"
#include "widgets/ContactView.h"
#include "widgets/RowTable.h"
#include "windows/MainWindow.h"
#include "windows/ScreeningForm.h"
#include "windows/SignOffForm.h"
#include "windows/StrategyDiscussionForm.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/StrategyDiscussions.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

using namespace frontdoor;

class SignOffAndStrategyTest : public QObject {
    Q_OBJECT
private slots:
    void theRecommenderIsNotOfferedSignOffAnotherDutyManagerSignsItOff();
    void aStrategyDiscussionIsScheduledHeldAndItsOutcomeRecordedThenSavedAsPdf();
};

void SignOffAndStrategyTest::theRecommenderIsNotOfferedSignOffAnotherDutyManagerSignsItOff() {
    test::UiWorkspace scratch;
    core::UserService(*scratch.ws).add(core::Actor{"ada.admin", "administrator"}, "pat.both", "Pat Both",
                                       {"screener", "duty_manager"}, "968574");
    auto contact = test::johnSmithContact();
    contact["received_at"] = "2026-11-23T09:15:00Z";
    contact["concern"] = "John has missed 14 of the last 30 school days and arrives hungry.";
    const std::string id = core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, contact).contactId;

    // Pat, as a screener, screens it and recommends through the screening form.
    {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("pat.both", "968574", "screener"));
        QTRY_COMPARE(window->contactModel()->rowCount(), 1);
        ui::ScreeningForm* form = window->openScreening(QString::fromStdString(id));
        QVERIFY(form);
        QTRY_VERIFY(form->isLoaded());
        form->setIndicatorTicked("PERSISTENT_ABSENCE", true);
        QTRY_VERIFY(!form->suggestionPending());
        QTest::keyClicks(form->findChild<QPlainTextEdit*>("recommendationText"),
                         "Early help: a Team Around the Family with the school.");
        QVERIFY(form->submit());
    }
    QCOMPARE(core::ContactWorkflow(*scratch.ws).state(id).at("status").get<std::string>(), std::string("recommended"));

    // Pat, now as a duty manager: the sign-off is not offered, and the screen says why.
    {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("pat.both", "968574", "duty_manager"));
        QVERIFY(window->showQueue("awaiting_signoff"));
        QTRY_COMPARE(window->contactModel()->rowCount(), 1);
        ui::ContactView* detail = window->detailPane();
        QTRY_VERIFY(detail->isLoaded());
        QVERIFY(detail->actionButton("signOffButton") == nullptr);
        QVERIFY(detail->actionNote()->isVisible());
        QCOMPARE(detail->actionNote()->text(),
                 QStringLiteral("You made this recommendation: another duty manager signs it off."));
        QVERIFY(!window->workAction("signOff")->isEnabled());
        // Enter on the row opens the sign-off page, without its actions.
        window->contactTable()->setFocus();
        QTest::keyClick(window->contactTable(), Qt::Key_Return);
        auto* form = qobject_cast<ui::SignOffForm*>(window->workTabs()->currentWidget());
        QVERIFY(form);
        QCOMPARE(form->objectName(), QStringLiteral("signOffForm"));
        QTRY_VERIFY(form->isLoaded());
        QVERIFY(!form->offersSignOff());
        QVERIFY(!form->findChild<QPushButton*>("signOffButton")->isVisible());
        QVERIFY(!form->findChild<QPushButton*>("returnButton")->isVisible());
        QVERIFY(form->findChild<QLabel*>("signOffNotOffered")->isVisible());
        QVERIFY(form->findChild<QLabel*>("signOffNotOffered")->text().contains("another duty manager signs it off"));
        // Ctrl+Enter does nothing here; core would refuse it anyway.
        QTest::keyClick(form, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(core::ContactWorkflow(*scratch.ws).state(id).at("status").get<std::string>(), std::string("recommended"));
    }

    // Another duty manager is offered it, and signs it off with the case direction.
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    QVERIFY(window->showQueue("awaiting_signoff"));
    QTRY_COMPARE(window->contactModel()->rowCount(), 1);
    QTRY_VERIFY(window->detailPane()->isLoaded());
    QVERIFY(window->detailPane()->actionButton("signOffButton") != nullptr);
    QVERIFY(window->workAction("signOff")->isEnabled());
    window->contactTable()->setFocus();
    QTest::keyClick(window->contactTable(), Qt::Key_D, Qt::ControlModifier);
    auto* form = qobject_cast<ui::SignOffForm*>(window->workTabs()->currentWidget());
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    QVERIFY(form->offersSignOff());
    // The screen shows the suggestion against the recommendation and the history.
    const QString detail = form->findChild<QTextBrowser*>("signOffDetail")->toPlainText();
    QVERIFY(detail.contains("Early help: a Team Around the Family with the school."));
    QVERIFY(detail.contains("The rules suggested"));
    QVERIFY(detail.contains("John Smith's history"));
    QCOMPARE(test::focusName(), QStringLiteral("caseDirectionWhat"));
    TYPE_AT("caseDirectionWhat", "Team Around the Family meeting with the school and mother");
    TAB_FROM("caseDirectionWhat");
    TYPE_AT("caseDirectionByWhom", "Sam Screener");
    TAB_FROM("caseDirectionByWhom");
    TYPE_AT("caseDirectionByWhen", "4/12/26");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(form->isDone()); // the tab stays on John, saying it is signed off
    QCOMPARE(window->workTabs()->currentWidget(), form);
    const auto state = core::ContactWorkflow(*scratch.ws).state(id);
    QCOMPARE(state.at("status").get<std::string>(), std::string("decided"));
    QCOMPARE(state.at("decision").at("by").get<std::string>(), std::string("mo.manager"));
    QCOMPARE(state.at("decision").at("case_direction").at("by_when").get<std::string>(), std::string("2026-12-04"));
}

void SignOffAndStrategyTest::aStrategyDiscussionIsScheduledHeldAndItsOutcomeRecordedThenSavedAsPdf() {
    test::UiWorkspace scratch;
    const std::string id =
        core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, test::miaThorntonContact()).contactId;
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, id, "ABUSE_DISCLOSURE");
    core::ContactWorkflow(*scratch.ws)
        .signOff({"dee.manager", "duty_manager"}, id,
                 {{"case_direction", {{"what", "Strategy discussion today"}, {"by_whom", "Mo Manager"}, {"by_when", "2026-11-24"}}}});

    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    QVERIFY(window->showQueue("strategy_due"));
    QTRY_COMPARE(window->contactModel()->rowCount(), 1);
    QCOMPARE(window->contactModel()->itemAt(0)->what, QStringLiteral("Strategy discussion to schedule"));
    window->contactTable()->setFocus();
    QTest::keyClick(window->contactTable(), Qt::Key_Return);
    auto* form = qobject_cast<ui::StrategyDiscussionForm*>(window->workTabs()->currentWidget());
    QVERIFY(form);
    QCOMPARE(form->objectName(), QStringLiteral("strategyDiscussionForm"));
    QTRY_VERIFY(form->isLoaded());
    QCOMPARE(form->status(), QStringLiteral("required"));

    // The invitees come pre-filled from core's suggestion: police, health, a social worker and a manager.
    ui::RowTable* invitees = form->invitees();
    QVERIFY(invitees->rowCount() >= 4);
    QVERIFY(form->missingAgencies().isEmpty());
    // Take the police off: the warning shows at once, with the duty manager's acknowledgement.
    invitees->setCurrentCell(0, 0);
    invitees->setFocus();
    QTest::keyClick(invitees, Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(form->missingAgencies(), QStringList{"Police"});
    QVERIFY(form->findChild<QLabel*>("missingAgencies")->isVisible());
    QVERIFY(form->findChild<QLabel*>("missingAgencies")->text().contains("Not invited: Police"));
    QVERIFY(form->findChild<QCheckBox*>("acknowledgeMissing")->isVisible());
    QVERIFY(form->findChild<QCheckBox*>("acknowledgeMissing")->isEnabled());
    // Invite them again: a new row, the agency chosen by typing, a name.
    QTest::keyClick(invitees, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    const int police = invitees->rowCount() - 1;
    test::typeInCell(invitees, police, 0, "Po");
    test::typeInCell(invitees, police, 1, "DS Kerr");
    test::typeInCell(invitees, police, 2, "Officer");
    QVERIFY(form->missingAgencies().isEmpty());
    QVERIFY(!form->findChild<QLabel*>("missingAgencies")->isVisible());
    // Names for the others, as the coordinator rings round.
    const QStringList names{"Nurse Adebayo", "Sam Screener", "Mo Manager"};
    for (int row = 0; row < 3; ++row)
        test::typeInCell(invitees, row, 1, names[row]);
    for (int row = 3; row < invitees->rowCount() - 1; ++row) // education, the referrer: not needed today
        invitees->removeRow(row--);
    QTest::keyClicks(form->findChild<QLineEdit*>("location"), "Teams call, link sent to all");
    QTest::keyClick(form->findChild<QLineEdit*>("location"), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(form->status(), QStringLiteral("scheduled"));
    auto discussion = core::StrategyDiscussions(*scratch.ws).forContact(id).back();
    QCOMPARE(discussion.at("invitees").size(), size_t(4));
    QVERIFY(discussion.at("missing_agencies").empty());

    // Held: the attendees are the invitees; what police and health shared.
    ui::RowTable* attendees = form->attendees();
    QCOMPARE(attendees->rowCount(), 4);
    ui::RowTable* information = form->agencyInformation();
    QVERIFY(information->rowCount() >= 2);
    for (int row = 0; row < information->rowCount(); ++row) {
        const QString agency = information->item(row, 0)->text();
        if (agency == QLatin1String("Police"))
            test::typeInCell(information, row, 1, "Father arrested; bail conditions not to return.");
        else if (agency == QLatin1String("Health"))
            test::typeInCell(information, row, 1, "Mia seen at ED in June with a wrist sprain.");
    }
    QTest::keyClick(information, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(form->status(), QStringLiteral("held"));

    // The outcome: Mia at risk (pre-filled), safety, a joint section 47 enquiry, the medical, the
    // family told, and two actions each with an owner, agency and date.
    QCOMPARE(form->atRisk()->rowCount(), 1);
    QCOMPARE(form->atRisk()->item(0, 0)->text(), QStringLiteral("Mia Thornton"));
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("safetyActions"),
                     "Father bailed away from the home; mother agrees a safety plan.");
    auto* s47 = form->findChild<QComboBox*>("s47Decision");
    s47->setCurrentIndex(s47->findData("joint"));
    form->findChild<QCheckBox*>("medicalRequired")->setChecked(true);
    QTest::keyClicks(form->findChild<QLineEdit*>("medicalArrangements"), "Child protection medical at 16:00, Dr Kaur");
    QTest::keyClicks(form->findChild<QLineEdit*>("familyToldWhat"), "Joint enquiry and medical");
    QTest::keyClicks(form->findChild<QLineEdit*>("familyToldWhen"), "Today by 15:30, by Sam");
    ui::RowTable* actions = form->actions();
    test::typeInCell(actions, 0, 0, "Child protection medical");
    test::typeInCell(actions, 0, 1, "Dr Kaur");
    test::typeInCell(actions, 0, 2, "H");
    test::typeInCell(actions, 0, 3, "23/11/2026");
    actions->setFocus();
    QTest::keyClick(actions, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    test::typeInCell(actions, 1, 0, "Joint visit and ABE interview planning");
    test::typeInCell(actions, 1, 1, "DS Kerr");
    test::typeInCell(actions, 1, 2, "Po");
    test::typeInCell(actions, 1, 3, "25.11.26");
    QTest::keyClick(actions, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(form->status(), QStringLiteral("outcome_recorded"));
    discussion = core::StrategyDiscussions(*scratch.ws).forContact(id).back();
    QCOMPARE(discussion.at("s47_decision").get<std::string>(), std::string("joint"));
    QCOMPARE(discussion.at("icpc_due").at("due_at").get<std::string>(), std::string("2026-12-14T17:00:00.000Z"));
    QCOMPARE(discussion.at("actions").size(), size_t(2));
    QCOMPARE(discussion.at("actions")[0].at("agency").get<std::string>(), std::string("health"));
    QCOMPARE(discussion.at("actions")[1].at("due").get<std::string>(), std::string("2026-11-25"));

    // The agreed actions, listed; the medical is done.
    ui::RowTable* list = form->actionList();
    QCOMPARE(list->rowCount(), 2);
    list->setFocus();
    list->setCurrentCell(0, 0);
    QTest::keyClick(list, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!form->actionList()->item(0, 4)->text().isEmpty());
    discussion = core::StrategyDiscussions(*scratch.ws).forContact(id).back();
    QVERIFY(discussion.at("actions")[0].contains("completed_at"));

    // The record to share: a PDF, written without a dialog.
    QTemporaryDir out;
    const QString pdf = out.filePath("strategy-discussion.pdf");
    QVERIFY(form->saveAsPdf(pdf));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(4), QByteArray("%PDF"));
    QVERIFY2(file.size() > 10'000, qPrintable(QString::number(file.size())));
    const QString document = form->documentHtml();
    for (const char* expected : {"Mia Thornton", "DS Kerr", "Father arrested; bail conditions not to return.",
                                 "Section 47 enquiry, joint with the police", "Joint visit and ABE interview planning",
                                 "25/11/2026", "Initial conference (ICPC) due", "Mon 14/12/2026"})
        QVERIFY2(document.contains(QString::fromUtf8(expected)), expected);
    // Printed from a training database, it says so.
    QVERIFY(document.contains(QStringLiteral("TRAINING")));
}

QTEST_MAIN(SignOffAndStrategyTest)
#include "SignOffAndStrategyTest.moc"
