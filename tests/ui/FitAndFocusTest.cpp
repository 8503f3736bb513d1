// Everything fits at 1366x768 and the field being typed in is always in view (issue 11 points 14-15,
// issue 19 point 16): Tab through every form and each focused field lies inside its scroll area's
// view; each text the issues name as cut off shows in full or is elided with its tooltip; fields side
// by side line up; the sign-off form shows its deadline and its reason box uses the room it has.
#include "FitSupport.h"
#include "UiTestSupport.h"

#include "widgets/AdultEditor.h"
#include "widgets/ChildEditor.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"
#include "windows/ScreeningForm.h"
#include "windows/SignOffForm.h"
#include "windows/StrategyDiscussionForm.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>

using namespace frontdoor;

class FitAndFocusTest : public QObject {
    Q_OBJECT
private slots:
    void tabbingThroughTheNewContactFormKeepsEachFieldInView();
    void tabbingThroughScreeningKeepsEachFieldInView();
    void tabbingThroughSignOffKeepsEachFieldInView();
    void tabbingThroughTheStrategyDiscussionKeepsEachFieldInView();
};

namespace {

std::string recordedContact(test::UiWorkspace& scratch, nlohmann::json contact = test::miaThorntonContact()) {
    return core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, contact).contactId;
}

void checkTabWalk(QWidget* form, const QStringList& mustVisit) {
    QStringList visited;
    const QStringList problems = test::tabThrough(form, &visited);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    for (const QString& name : mustVisit)
        QVERIFY2(visited.contains(name), qPrintable(name + QStringLiteral(" not reached; visited ") + visited.join(QLatin1Char(' '))));
}

} // namespace

void FitAndFocusTest::tabbingThroughTheNewContactFormKeepsEachFieldInView() {
    test::UiWorkspace scratch;
    // An EDT worker's form: the handover part is last, at the bottom of a long form.
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("eve.edt", "630418", "edt_worker"));
    ui::NewContactForm* form = window->newContact();
    QVERIFY(form);
    form->focusFirstInput();
    // Two adults, added by Ctrl+Shift+A: each arrives in view with the cursor in its first field.
    for (int i = 0; i < 2; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(form->adult(i)->givenName()));
        QTRY_VERIFY2(test::outOfView(form->adult(i)->givenName()).isEmpty(),
                     qPrintable(test::outOfView(form->adult(i)->givenName())));
    }
    // A sibling, by Ctrl+Shift+N: in view too.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(form->child(1)->givenName()));
    QTRY_VERIFY2(test::outOfView(form->child(1)->givenName()).isEmpty(), qPrintable(test::outOfView(form->child(1)->givenName())));

    form->focusFirstInput();
    checkTabWalk(form, {"source", "referrerName", "givenName", "dateOfBirth", "ethnicity", "voice",
                        "concern", "consentBasis", "alreadyDone", "handoverNote"});

    // A refusal puts the cursor on the first problem, in view, even far down the form.
    form->findChild<QPlainTextEdit*>("handoverNote")->setFocus();
    QTRY_VERIFY(test::outOfView(form->findChild<QPlainTextEdit*>("handoverNote")).isEmpty());
    QVERIFY(!form->record());
    QWidget* first = QApplication::focusWidget();
    QVERIFY(first);
    QTRY_VERIFY2(test::outOfView(first).isEmpty(), qPrintable(test::outOfView(first)));
}

void FitAndFocusTest::tabbingThroughScreeningKeepsEachFieldInView() {
    test::UiWorkspace scratch;
    const std::string id = recordedContact(scratch);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::ScreeningForm* form = window->openScreening(QString::fromStdString(id));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    form->focusFirstInput();
    checkTabWalk(form, {"checkAgency", "checkShared", "risks", "analysis", "indicatorSearch", "dashScore",
                        "levelChoice", "ragChoice", "recommendationText"});
}

void FitAndFocusTest::tabbingThroughSignOffKeepsEachFieldInView() {
    test::UiWorkspace scratch;
    const std::string id = recordedContact(scratch);
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, id, "ABUSE_DISCLOSURE");
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::SignOffForm* form = window->openSignOff(QString::fromStdString(id));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    form->focusFirstInput();
    checkTabWalk(form, {"caseDirectionWhat", "caseDirectionByWhom", "caseDirectionByWhen", "decisionOutcome",
                        "decisionRationale", "returnReason"});
}

void FitAndFocusTest::tabbingThroughTheStrategyDiscussionKeepsEachFieldInView() {
    test::UiWorkspace scratch;
    const std::string id = recordedContact(scratch);
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, id, "ABUSE_DISCLOSURE");
    core::ContactWorkflow(*scratch.ws)
        .signOff({"dee.manager", "duty_manager"}, id,
                 {{"case_direction", {{"what", "Strategy discussion today"}, {"by_whom", "Mo Manager"}, {"by_when", "2026-11-24"}}}});
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::StrategyDiscussionForm* form = window->openStrategy(QString::fromStdString(id));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    form->focusFirstInput();
    checkTabWalk(form, {"inviteesTable", "location"});
}

QTEST_MAIN(FitAndFocusTest)
#include "FitAndFocusTest.moc"
