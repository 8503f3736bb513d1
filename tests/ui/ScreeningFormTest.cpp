// Screening through the real window, from the keyboard: Ctrl+E on a queue row starts screening, a
// partner check is added as a row, ticking an indicator updates the rules' suggestion, choosing a
// different outcome makes the rationale required (and a refusal keeps what was typed), and submitting
// records the recommendation.
#include "UiTestSupport.h"

#include "models/ContactListModel.h"
#include "widgets/FieldCell.h"
#include "windows/MainWindow.h"
#include "windows/ScreeningForm.h"
#include "workflow/ContactWorkflow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>

using namespace frontdoor;

class ScreeningFormTest : public QObject {
    Q_OBJECT
private slots:
    void tickingAnIndicatorUpdatesTheSuggestionAndADifferentOutcomeNeedsARationale();
};

void ScreeningFormTest::tickingAnIndicatorUpdatesTheSuggestionAndADifferentOutcomeNeedsARationale() {
    test::UiWorkspace scratch;
    const std::string id =
        core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, test::miaThorntonContact()).contactId;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());

    // The contact waits in Awaiting screening; Ctrl+E on its row picks it up.
    QTRY_COMPARE(window->contactModel()->queueKey(), QStringLiteral("awaiting_screening"));
    QTRY_COMPARE(window->contactModel()->rowCount(), 1);
    QTRY_COMPARE(window->contactTable()->currentIndex().row(), 0);
    window->contactTable()->setFocus();
    QTest::keyClick(window->contactTable(), Qt::Key_E, Qt::ControlModifier);
    auto* form = qobject_cast<ui::ScreeningForm*>(window->workTabs()->currentWidget());
    QVERIFY(form);
    QCOMPARE(form->objectName(), QStringLiteral("screeningForm"));
    QTRY_VERIFY(form->isLoaded());
    core::ContactWorkflow workflow(*scratch.ws);
    QCOMPARE(workflow.state(id).at("status").get<std::string>(), std::string("in_screening"));

    // The cursor starts on the partner check, and Tab goes through the screen in the order it reads.
    QTRY_COMPARE(test::focusName(), QStringLiteral("checkAgency"));
    for (const char* name : {"checkAgency", "checkPerson", "checkWhen", "checkBasis", "checkShared",
                             "addPartnerCheckButton", "risks", "strengths", "analysis", // one child: no choice to make
                             "indicatorSearch", "indicatorPicker"})
        TAB_FROM_NAME(name);
    QCOMPARE(test::focusName(), QStringLiteral("context_not_independently_mobile"));
    form->findChild<QLineEdit*>("checkAgency")->setFocus();

    // A partner check, typed and added with Ctrl+Shift+N: a row of the list, recorded at once.
    QTest::keyClicks(form->findChild<QLineEdit*>("checkAgency"), "Police");
    QTest::keyClicks(form->findChild<QLineEdit*>("checkPerson"), "PC Ellery");
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("checkShared"), "Father arrested overnight; bail conditions.");
    QTest::keyClicks(form->findChild<QComboBox*>("checkBasis")->lineEdit(), "Police information-sharing protocol");
    QTest::keyClick(form->findChild<QComboBox*>("checkBasis")->lineEdit(), Qt::Key_N,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(form->findChild<QTableWidget*>("partnerCheckList")->rowCount(), 1);
    QCOMPARE(form->findChild<QTableWidget*>("partnerCheckList")->item(0, 1)->text(), QStringLiteral("PC Ellery"));
    QVERIFY(form->findChild<QLineEdit*>("checkAgency")->text().isEmpty());
    QCOMPARE(workflow.state(id).at("partner_checks").size(), size_t(1));

    QTest::keyClicks(form->findChild<QPlainTextEdit*>("risks"), "Physical harm to Mia; domestic abuse at home.");
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("strengths"), "Mother protective; father out of the home.");

    // Nothing ticked: the rules suggest little.
    QTRY_VERIFY(!form->suggestion().is_null());
    QVERIFY(form->suggestion().at("outcome").get<std::string>() != "strategy_discussion");

    // Ctrl+F finds an indicator; Down goes to the list; Space ticks it; the suggestion follows.
    QTest::keyClick(form->findChild<QPlainTextEdit*>("strengths"), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(test::focusName(), QStringLiteral("indicatorSearch"));
    QTest::keyClicks(form->indicatorSearch(), "disclosure abused");
    QTest::keyClick(form->indicatorSearch(), Qt::Key_Down);
    QCOMPARE(test::focusName(), QStringLiteral("indicatorPicker"));
    QTest::keyClick(form->indicatorView(), Qt::Key_Space);
    QCOMPARE(form->tickedIndicators(), QStringList{"ABUSE_DISCLOSURE"});
    QVERIFY(form->suggestionPending());
    QTRY_VERIFY(!form->suggestionPending());
    QCOMPARE(form->suggestion().at("outcome").get<std::string>(), std::string("strategy_discussion"));
    QVERIFY(form->findChild<QTextBrowser*>("suggestionPanel")->toPlainText().contains("Strategy discussion (section 47)"));
    // The recommendation is pre-set from the suggestion.
    auto* outcome = form->findChild<QComboBox*>("outcomeChoice");
    QCOMPARE(outcome->currentData().toString(), QStringLiteral("strategy_discussion"));
    QVERIFY(form->departures().isEmpty());

    // Choosing another outcome: the rationale becomes required, and says so.
    outcome->setFocus();
    QTest::keyClicks(outcome, "Child");
    QCOMPARE(outcome->currentData().toString(), QStringLiteral("child_and_family_assessment"));
    QCOMPARE(form->departures(), QStringList{"outcome"});
    QVERIFY(form->findChild<QLabel*>("departureNote")->text().contains("Differs from the suggestion in outcome"));
    auto* rationale = form->findChild<QPlainTextEdit*>("rationale");
    QVERIFY(qobject_cast<ui::FieldCell*>(rationale->parentWidget())->labelText().contains("required"));

    QTest::keyClicks(form->findChild<QPlainTextEdit*>("recommendationText"),
                     "Assess under section 17 with the family; police lead on the father.");
    QTest::keyClick(form->findChild<QPlainTextEdit*>("recommendationText"), Qt::Key_Return, Qt::ControlModifier);
    // Refused without the rationale: the problem beside it, the cursor on it, nothing typed lost.
    QCOMPARE(workflow.state(id).at("status").get<std::string>(), std::string("in_screening"));
    QCOMPARE(test::focusName(), QStringLiteral("rationale"));
    QVERIFY(qobject_cast<ui::FieldCell*>(rationale->parentWidget())->hasError());
    QCOMPARE(form->findChild<QPlainTextEdit*>("recommendationText")->toPlainText(),
             QStringLiteral("Assess under section 17 with the family; police lead on the father."));
    QCOMPARE(form->tickedIndicators(), QStringList{"ABUSE_DISCLOSURE"});

    QTest::keyClicks(rationale, "Father is out of the home on bail; mother is protective and engaging.");
    QTest::keyClick(rationale, Qt::Key_Return, Qt::ControlModifier);

    // Recorded: the form has gone, the contact waits for sign-off with the screener's choice and why.
    QTRY_VERIFY(qobject_cast<ui::ScreeningForm*>(window->workTabs()->currentWidget()) == nullptr);
    const auto state = workflow.state(id);
    QCOMPARE(state.at("status").get<std::string>(), std::string("recommended"));
    QCOMPARE(state.at("recommendation").at("outcome").get<std::string>(), std::string("child_and_family_assessment"));
    QCOMPARE(state.at("recommendation").at("by").get<std::string>(), std::string("sam.screener"));
    QCOMPARE(state.at("analysis").at("risks").get<std::string>(), std::string("Physical harm to Mia; domestic abuse at home."));
    const auto decision = core::ScreeningDecisionService(*scratch.ws).forContact(id).back();
    QCOMPARE(decision.departsFrom, std::vector<std::string>{"outcome"});
    QCOMPARE(decision.rationale, std::string("Father is out of the home on bail; mother is protective and engaging."));
    // Opening the contact to screen it was reading it: logged once.
    QCOMPARE(test::readsOf(*scratch.ws, id), 1);
}

QTEST_MAIN(ScreeningFormTest)
#include "ScreeningFormTest.moc"
