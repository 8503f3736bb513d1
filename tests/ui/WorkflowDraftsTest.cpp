// Nothing typed in a workflow form is lost: the screening, sign-off and strategy discussion forms,
// driven through the real main window, keep what was typed as the person's draft (core::FormDrafts)
// when the tab or the window is closed, without asking anything, and a second after typing stops;
// opened again for the same contact they show it, and say so; once submitted, the draft is gone.
#include "UiTestSupport.h"

#include "models/ContactListModel.h"
#include "rules/ScreeningDecisionService.h"
#include "widgets/DateLineEdit.h"
#include "widgets/RowTable.h"
#include "windows/MainWindow.h"
#include "windows/ScreeningForm.h"
#include "windows/SignOffForm.h"
#include "windows/StrategyDiscussionForm.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/FormDrafts.h"
#include "workflow/StrategyDiscussions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

using namespace frontdoor;

class WorkflowDraftsTest : public QObject {
    Q_OBJECT
private slots:
    void screeningKeepsWhatWasTypedWhenItsTabClosesAndRecommendingClearsIt();
    void signOffKeepsWhatWasTypedWhenTheWindowClosesAndSigningOffClearsIt();
    void strategyDiscussionKeepsTheStepBeingTypedAndRecordingItClearsIt();
};

namespace {

/// Any question put to the person (a modal dialog) while it exists: closing a form should not need
/// one. A dialog found is noted and closed, so that the test fails rather than hangs.
class QuestionsAsked : public QObject {
public:
    QuestionsAsked() {
        timer_.setInterval(50);
        connect(&timer_, &QTimer::timeout, this, [this] {
            if (QWidget* dialog = QApplication::activeModalWidget()) {
                titles << dialog->windowTitle();
                dialog->close();
            }
        });
        timer_.start();
    }
    QStringList titles;

private:
    QTimer timer_;
};

std::optional<nlohmann::json> draftOf(test::UiWorkspace& scratch, const core::Actor& actor, const std::string& id,
                                      const std::string& form) {
    return core::FormDrafts(*scratch.ws).load(actor, id, form);
}

/// Enter on the queue's only row, as a person opens their work.
QWidget* openOnlyRow(ui::MainWindow& window, const QString& queue) {
    if (!window.showQueue(queue))
        return nullptr;
    if (!QTest::qWaitFor([&] { return window.contactModel()->rowCount() == 1 && window.contactTable()->currentIndex().row() == 0; }))
        return nullptr;
    window.contactTable()->setFocus();
    QTest::keyClick(window.contactTable(), Qt::Key_Return);
    return window.workTabs()->currentWidget();
}

QString draftLine(QWidget* form) { return form->findChild<QLabel*>(QStringLiteral("draftStatus"))->text(); }

void closeTabByKeyboard() { QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::ControlModifier); }

} // namespace

void WorkflowDraftsTest::screeningKeepsWhatWasTypedWhenItsTabClosesAndRecommendingClearsIt() {
    test::UiWorkspace scratch;
    const std::string id =
        core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, test::miaThorntonContact()).contactId;
    const core::Actor sam{"sam.screener", "screener"};
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QuestionsAsked asked;

    // Ctrl+E on the contact starts screening it.
    QTRY_COMPARE(window->contactModel()->rowCount(), 1);
    QTRY_COMPARE(window->contactTable()->currentIndex().row(), 0);
    window->contactTable()->setFocus();
    QTest::keyClick(window->contactTable(), Qt::Key_E, Qt::ControlModifier);
    auto* form = qobject_cast<ui::ScreeningForm*>(window->workTabs()->currentWidget());
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    QVERIFY(!draftLine(form).startsWith("Restored"));

    // A partner check half typed (not added), the analysis, an indicator ticked, a question about the
    // child answered, the DASH score, another outcome than suggested with the rationale, the words.
    QTRY_COMPARE(test::focusName(), QStringLiteral("checkAgency"));
    TYPE_AT("checkAgency", "Police");
    TAB_FROM("checkAgency");
    TYPE_AT("checkPerson", "PC Ellery");
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("risks"), "Physical harm to Mia; domestic abuse at home.");
    QTest::keyClick(form->findChild<QPlainTextEdit*>("risks"), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(form->indicatorSearch(), "disclosure abused");
    QTest::keyClick(form->indicatorSearch(), Qt::Key_Down);
    QTest::keyClick(form->indicatorView(), Qt::Key_Space);
    QCOMPARE(form->tickedIndicators(), QStringList{"ABUSE_DISCLOSURE"});
    QTRY_VERIFY(!form->suggestionPending());
    auto* question = form->findChild<QCheckBox*>("context_not_independently_mobile");
    QVERIFY(question);
    question->setFocus();
    QTest::keyClick(question, Qt::Key_Space);
    QVERIFY(question->isChecked());
    auto* dash = form->findChild<QSpinBox*>("dashScore");
    dash->setFocus();
    QTest::keyClick(dash, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(dash, "14");
    QCOMPARE(dash->value(), 14);
    auto* outcome = form->findChild<QComboBox*>("outcomeChoice");
    outcome->setFocus();
    QTest::keyClicks(outcome, "Child");
    QCOMPARE(outcome->currentData().toString(), QStringLiteral("child_and_family_assessment"));
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("rationale"), "Father is out of the home on bail.");
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("recommendationText"), "Assess under section 17.");

    // A second after the typing stops it is saved, as a crash would find it.
    QTRY_VERIFY_WITH_TIMEOUT(draftOf(scratch, sam, id, "screening").has_value() &&
                                 draftOf(scratch, sam, id, "screening")->dump().find("Assess under section 17.") !=
                                     std::string::npos,
                             5000);
    QVERIFY(draftLine(form).startsWith("Draft saved"));

    // Typed after the last save, then Ctrl+W at once: closed without a question, nothing lost.
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("strengths"), "Mother protective.");
    closeTabByKeyboard();
    QCOMPARE(window->workTabs()->count(), 1);
    QCOMPARE(asked.titles, QStringList());

    // Opened again (Enter on the row in My work): everything as it was typed, and the form says so.
    form = qobject_cast<ui::ScreeningForm*>(openOnlyRow(*window, "my_work"));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    QVERIFY2(draftLine(form).startsWith("Restored what you typed at "), qPrintable(draftLine(form)));
    QCOMPARE(form->findChild<QLineEdit*>("checkAgency")->text(), QStringLiteral("Police"));
    QCOMPARE(form->findChild<QLineEdit*>("checkPerson")->text(), QStringLiteral("PC Ellery"));
    QCOMPARE(form->findChild<QPlainTextEdit*>("risks")->toPlainText(), QStringLiteral("Physical harm to Mia; domestic abuse at home."));
    QCOMPARE(form->findChild<QPlainTextEdit*>("strengths")->toPlainText(), QStringLiteral("Mother protective."));
    QCOMPARE(form->tickedIndicators(), QStringList{"ABUSE_DISCLOSURE"});
    QVERIFY(form->findChild<QCheckBox*>("context_not_independently_mobile")->isChecked());
    QCOMPARE(form->findChild<QSpinBox*>("dashScore")->value(), 14);
    QCOMPARE(form->findChild<QComboBox*>("outcomeChoice")->currentData().toString(),
             QStringLiteral("child_and_family_assessment"));
    QCOMPARE(form->findChild<QPlainTextEdit*>("rationale")->toPlainText(), QStringLiteral("Father is out of the home on bail."));
    QCOMPARE(form->findChild<QPlainTextEdit*>("recommendationText")->toPlainText(), QStringLiteral("Assess under section 17."));
    // The suggestion is for the indicators as ticked, and the choice still departs from it.
    QTRY_VERIFY(!form->suggestionPending());
    QCOMPARE(form->suggestion().at("outcome").get<std::string>(), std::string("strategy_discussion"));
    QCOMPARE(form->departures(), QStringList{"outcome"});

    // Recommended: recorded as typed, and the draft is gone.
    QTest::keyClick(form->findChild<QPlainTextEdit*>("rationale"), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(qobject_cast<ui::ScreeningForm*>(window->workTabs()->currentWidget()) == nullptr);
    const auto state = core::ContactWorkflow(*scratch.ws).state(id);
    QCOMPARE(state.at("status").get<std::string>(), std::string("recommended"));
    QCOMPARE(state.at("analysis").at("strengths").get<std::string>(), std::string("Mother protective."));
    const auto decision = core::ScreeningDecisionService(*scratch.ws).forContact(id).back();
    QCOMPARE(decision.rationale, std::string("Father is out of the home on bail."));
    QVERIFY(!draftOf(scratch, sam, id, "screening").has_value());
    QCOMPARE(asked.titles, QStringList());

    // Recommended, it is not opened again when the screener next starts the app.
    window->close();
    window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QCOMPARE(window->workTabs()->count(), 1);
}

void WorkflowDraftsTest::signOffKeepsWhatWasTypedWhenTheWindowClosesAndSigningOffClearsIt() {
    test::UiWorkspace scratch;
    auto contact = test::johnSmithContact();
    contact["received_at"] = "2026-11-23T09:15:00Z";
    const std::string id = core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, contact).contactId;
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, id, "PERSISTENT_ABSENCE");
    const std::string recommended = core::ContactWorkflow(*scratch.ws).state(id).at("recommendation").at("outcome");
    const core::Actor mo{"mo.manager", "duty_manager"};
    QuestionsAsked asked;

    // The duty manager starts the decision: the case direction, another outcome with the rationale.
    {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
        auto* form = qobject_cast<ui::SignOffForm*>(openOnlyRow(*window, "awaiting_signoff"));
        QVERIFY(form);
        QTRY_VERIFY(form->isLoaded());
        QVERIFY(form->offersSignOff());
        QTRY_COMPARE(test::focusName(), QStringLiteral("caseDirectionWhat"));
        TYPE_AT("caseDirectionWhat", "Child and family assessment; visit the family this week");
        TAB_FROM("caseDirectionWhat");
        TYPE_AT("caseDirectionByWhom", "Assessment team");
        TAB_FROM("caseDirectionByWhom");
        TYPE_AT("caseDirectionByWhen", "4/12/26");
        TAB_FROM("caseDirectionByWhen");
        QCOMPARE(test::focusName(), QStringLiteral("decisionOutcome"));
        QTest::keyClicks(QApplication::focusWidget(), "Child");
        QCOMPARE(form->findChild<QComboBox*>("decisionOutcome")->currentData().toString(),
                 QStringLiteral("child_and_family_assessment"));
        QVERIFY(QStringLiteral("child_and_family_assessment") != QString::fromStdString(recommended));
        TAB_FROM("decisionOutcome");
        TYPE_AT("decisionRationale", "Fourteen days missed and arriving hungry: neglect needs assessing.");

        // The window closes (Ctrl+Q): no question asked.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!window->isVisible());
        QCOMPARE(asked.titles, QStringList());
    }
    QVERIFY(draftOf(scratch, mo, id, "signoff").has_value());

    // Next time, the sign-off is open again in front, without looking for it, with all of it, and
    // says so.
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    auto* form = qobject_cast<ui::SignOffForm*>(window->workTabs()->currentWidget());
    QVERIFY2(form, "the sign-off form that was open when the window closed is open again");
    QCOMPARE(form->property("frontdoorTabKey").toString(), QStringLiteral("signoff:") + QString::fromStdString(id));
    QTRY_VERIFY(form->isLoaded());
    QVERIFY2(draftLine(form).startsWith("Restored what you typed at "), qPrintable(draftLine(form)));
    QCOMPARE(form->findChild<QPlainTextEdit*>("caseDirectionWhat")->toPlainText(),
             QStringLiteral("Child and family assessment; visit the family this week"));
    QCOMPARE(form->findChild<QLineEdit*>("caseDirectionByWhom")->text(), QStringLiteral("Assessment team"));
    QCOMPARE(form->findChild<ui::DateLineEdit*>("caseDirectionByWhen")->valueForCore(), QStringLiteral("2026-12-04"));
    QCOMPARE(form->findChild<QComboBox*>("decisionOutcome")->currentData().toString(),
             QStringLiteral("child_and_family_assessment"));
    QCOMPARE(form->findChild<QPlainTextEdit*>("decisionRationale")->toPlainText(),
             QStringLiteral("Fourteen days missed and arriving hungry: neglect needs assessing."));

    // Signed off as typed; the draft is gone.
    QTest::keyClick(form->findChild<QPlainTextEdit*>("decisionRationale"), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(form->isDone());
    const auto state = core::ContactWorkflow(*scratch.ws).state(id);
    QCOMPARE(state.at("status").get<std::string>(), std::string("decided"));
    QCOMPARE(state.at("decision").at("case_direction").at("by_whom").get<std::string>(), std::string("Assessment team"));
    QVERIFY(!draftOf(scratch, mo, id, "signoff").has_value());
    QCOMPARE(asked.titles, QStringList());
}

void WorkflowDraftsTest::strategyDiscussionKeepsTheStepBeingTypedAndRecordingItClearsIt() {
    test::UiWorkspace scratch;
    const std::string id =
        core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, test::miaThorntonContact()).contactId;
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, id, "ABUSE_DISCLOSURE");
    core::ContactWorkflow(*scratch.ws)
        .signOff({"dee.manager", "duty_manager"}, id,
                 {{"case_direction", {{"what", "Strategy discussion today"}, {"by_whom", "Mo Manager"}, {"by_when", "2026-11-24"}}}});
    const core::Actor mo{"mo.manager", "duty_manager"};
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    QuestionsAsked asked;
    const auto open = [&]() -> ui::StrategyDiscussionForm* {
        auto* form = qobject_cast<ui::StrategyDiscussionForm*>(openOnlyRow(*window, "strategy_due"));
        if (form && !QTest::qWaitFor([&] { return form->isLoaded(); }))
            return nullptr;
        return form;
    };

    // Opened and closed without typing: nothing to keep.
    auto* form = open();
    QVERIFY(form);
    closeTabByKeyboard();
    QCOMPARE(window->workTabs()->count(), 1);
    QVERIFY(!draftOf(scratch, mo, id, "strategy").has_value());

    // 1. Schedule: where, and an invitee whose name is still being typed in its cell when the tab closes.
    form = open();
    QVERIFY(form);
    QCOMPARE(form->status(), QStringLiteral("required"));
    const int suggested = form->invitees()->rowCount();
    QTest::keyClicks(form->findChild<QLineEdit*>("location"), "Teams call, link sent to all");
    ui::RowTable* invitees = form->invitees();
    invitees->setFocus();
    QTest::keyClick(invitees, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    test::typeInCell(invitees, suggested, 0, "Ed");
    test::typeInCell(invitees, suggested, 2, "Designated safeguarding lead");
    invitees->setFocus();
    invitees->setCurrentCell(suggested, 1);
    QTest::keyClicks(invitees, "M"); // the first key opens the cell's editor, the rest go to it
    QTest::keyClicks(QApplication::focusWidget(), "s Okafor");
    QVERIFY(invitees->indexWidget(invitees->model()->index(suggested, 1)) != nullptr); // the cell's editor is open
    closeTabByKeyboard();
    QCOMPARE(window->workTabs()->count(), 1);

    form = open();
    QVERIFY(form);
    QVERIFY2(draftLine(form).startsWith("Restored what you typed at "), qPrintable(draftLine(form)));
    QCOMPARE(form->findChild<QLineEdit*>("location")->text(), QStringLiteral("Teams call, link sent to all"));
    invitees = form->invitees();
    QCOMPARE(invitees->rowCount(), suggested + 1);
    QCOMPARE(invitees->item(suggested, 0)->text(), QStringLiteral("Education"));
    QCOMPARE(invitees->item(suggested, 1)->text(), QStringLiteral("Ms Okafor"));
    QVERIFY(form->missingAgencies().isEmpty());
    // Names for the suggested, then Ctrl+Enter schedules it: the draft is gone.
    for (int row = 0; row < 4; ++row)
        test::typeInCell(invitees, row, 1, QStringLiteral("Invitee %1").arg(row + 1));
    for (int row = 4; row < invitees->rowCount() - 1; ++row) // the other suggestions: not today
        invitees->removeRow(row--);
    QTest::keyClick(invitees, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(form->status(), QStringLiteral("scheduled"));
    auto discussion = core::StrategyDiscussions(*scratch.ws).forContact(id).back();
    QCOMPARE(discussion.at("location").get<std::string>(), std::string("Teams call, link sent to all"));
    QCOMPARE(discussion.at("invitees").back().at("name").get<std::string>(), std::string("Ms Okafor"));
    QVERIFY(!draftOf(scratch, mo, id, "strategy").has_value());
    QVERIFY(!draftLine(form).startsWith("Restored"));

    // 2. Held: what the police shared, typed, then the window closes.
    ui::RowTable* information = form->agencyInformation();
    int police = -1;
    for (int row = 0; row < information->rowCount(); ++row)
        if (information->item(row, 0)->text() == QLatin1String("Police"))
            police = row;
    QVERIFY(police >= 0);
    test::typeInCell(information, police, 1, "Father arrested; bail conditions not to return.");
    window->close();
    QTRY_VERIFY(!window->isVisible());
    window.reset();
    window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    form = open();
    QVERIFY(form);
    QCOMPARE(form->status(), QStringLiteral("scheduled"));
    QVERIFY2(draftLine(form).startsWith("Restored what you typed at "), qPrintable(draftLine(form)));
    QCOMPARE(form->agencyInformation()->item(police, 1)->text(), QStringLiteral("Father arrested; bail conditions not to return."));
    QTest::keyClick(form->agencyInformation(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(form->status(), QStringLiteral("held"));
    QVERIFY(!draftOf(scratch, mo, id, "strategy").has_value());

    // 3. Outcome: the safety actions, the section 47 decision and an agreed action, then Ctrl+W.
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("safetyActions"), "Father bailed away from the home.");
    auto* s47 = form->findChild<QComboBox*>("s47Decision");
    s47->setFocus();
    QTest::keyClick(s47, Qt::Key_Down); // from "Choose…" to the first, the joint enquiry
    QCOMPARE(s47->currentData().toString(), QStringLiteral("joint"));
    QTest::keyClicks(form->findChild<QLineEdit*>("familyToldWhat"), "Joint enquiry");
    ui::RowTable* actions = form->actions();
    test::typeInCell(actions, 0, 0, "Joint visit");
    test::typeInCell(actions, 0, 1, "DS Kerr");
    test::typeInCell(actions, 0, 2, "Po");
    test::typeInCell(actions, 0, 3, "25.11.26");
    actions->setFocus();
    closeTabByKeyboard();
    QCOMPARE(window->workTabs()->count(), 1);

    form = open();
    QVERIFY(form);
    QCOMPARE(form->status(), QStringLiteral("held"));
    QVERIFY2(draftLine(form).startsWith("Restored what you typed at "), qPrintable(draftLine(form)));
    QCOMPARE(form->findChild<QPlainTextEdit*>("safetyActions")->toPlainText(), QStringLiteral("Father bailed away from the home."));
    QCOMPARE(form->findChild<QComboBox*>("s47Decision")->currentData().toString(), QStringLiteral("joint"));
    QCOMPARE(form->findChild<QLineEdit*>("familyToldWhat")->text(), QStringLiteral("Joint enquiry"));
    actions = form->actions();
    QCOMPARE(actions->item(0, 0)->text(), QStringLiteral("Joint visit"));
    QCOMPARE(actions->item(0, 2)->text(), QStringLiteral("Police"));
    QCOMPARE(actions->item(0, 3)->text(), QStringLiteral("25/11/2026"));
    QTest::keyClicks(form->findChild<QLineEdit*>("familyToldWhen"), "Today by 15:30, by Sam");
    QTest::keyClick(form->findChild<QLineEdit*>("familyToldWhen"), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(form->status(), QStringLiteral("outcome_recorded"));
    discussion = core::StrategyDiscussions(*scratch.ws).forContact(id).back();
    QCOMPARE(discussion.at("actions")[0].at("due").get<std::string>(), std::string("2026-11-25"));
    QVERIFY(!draftOf(scratch, mo, id, "strategy").has_value());
    QCOMPARE(asked.titles, QStringList());
}

QTEST_MAIN(WorkflowDraftsTest)
#include "WorkflowDraftsTest.moc"
