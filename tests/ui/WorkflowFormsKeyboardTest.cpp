// The duty manager's workflow forms by keyboard (issue 19, points 3, 4, 6, 12, 13 and 14): Ctrl+Enter
// presses the button of the part the cursor is in and the form names it; after a sign-off or a return
// the tab stays on that contact and says what was done; the strategy discussion's tables take Tab,
// Enter and Escape as a person typing a list expects; the scheduling refusal names each field beside
// it and goes as each is put right; the record's keys work wherever the focus is while its tab is open
// and the footer tells the truth; and no two things in a window answer the same Alt+letter.
#include "UiTestSupport.h"

#include "support/Shortcuts.h"
#include "widgets/RowTable.h"
#include "windows/HandoverView.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"
#include "windows/ScreeningForm.h"
#include "windows/SignOffForm.h"
#include "windows/StrategyDiscussionForm.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/StrategyDiscussions.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

using namespace frontdoor;

namespace {

const core::Actor kScreener{"sam.screener", "screener"};
const core::Actor kDee{"dee.manager", "duty_manager"};

std::string recordRecommended(test::UiWorkspace& scratch, nlohmann::json contact, const std::string& indicator) {
    const std::string id = core::ContactService(*scratch.ws).record(kScreener, contact).contactId;
    test::recommendAsSuggested(*scratch.ws, kScreener, id, indicator);
    return id;
}

/// Mia Thornton's contact, signed off for a strategy discussion by another duty manager.
std::string miaSignedOffForStrategy(test::UiWorkspace& scratch) {
    const std::string id = recordRecommended(scratch, test::miaThorntonContact(), "ABUSE_DISCLOSURE");
    core::ContactWorkflow(*scratch.ws)
        .signOff(kDee, id, {{"case_direction", {{"what", "Strategy discussion today"}, {"by_whom", "Mo Manager"},
                                                {"by_when", "2026-11-24"}}}});
    return id;
}

nlohmann::json invitedFour() {
    return nlohmann::json::parse(R"([{"agency": "police", "name": "DS Kerr", "role": "officer"},
        {"agency": "health", "name": "Nurse Adebayo"},
        {"agency": "childrens_social_care", "name": "Sam Screener", "role": "social_worker"},
        {"agency": "childrens_social_care", "name": "Mo Manager", "role": "manager"}])");
}

void scheduleThroughCore(test::UiWorkspace& scratch, const std::string& id) {
    core::StrategyDiscussions(*scratch.ws)
        .schedule(kDee, id, {{"scheduled_for", "2026-11-23T10:30:00Z"}, {"location", "Teams call"}, {"invitees", invitedFour()}});
    scratch.clock.set(core::parseInstant("2026-11-23T11:00:00Z").value()); // the meeting has been
}

void holdThroughCore(test::UiWorkspace& scratch, const std::string& id) {
    core::StrategyDiscussions(*scratch.ws)
        .recordHeld(kDee, id, {{"held_at", "2026-11-23T10:35:00Z"}, {"attendees", invitedFour()},
                               {"agency_information", {{{"agency", "police"}, {"information", "Father arrested."}}}}});
}

ui::StrategyDiscussionForm* openStrategy(ui::MainWindow& window, const std::string& id) {
    ui::StrategyDiscussionForm* form = window.openStrategy(QString::fromStdString(id));
    if (form && !QTest::qWaitFor([form] { return form->isLoaded(); }, 10000))
        return nullptr;
    return form;
}

QString status(test::UiWorkspace& scratch, const std::string& id) {
    return QString::fromStdString(core::ContactWorkflow(*scratch.ws).state(id).at("status").get<std::string>());
}

/// A key pressed where the keyboard focus is (a key that opens a cell's editor moves it there).
void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWidget* focus = QApplication::focusWidget();
    QVERIFY2(focus, "something has the keyboard focus");
    QTest::keyClick(focus, static_cast<Qt::Key>(key), modifiers);
}

void type(const QString& text) {
    for (const QChar c : text) {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY2(focus, "something has the keyboard focus");
        QTest::keyClicks(focus, QString(c));
    }
}

/// The Alt+letter each thing in the window answers, with what answers it: the menu bar's menus, the
/// tab bars, and every button, labelled field and group box of `page` (in every step of the form:
/// hidden parts included) or shown elsewhere in the window.
QMap<QString, QStringList> mnemonics(QMainWindow& window, QWidget* page) {
    QMap<QString, QStringList> owners;
    const auto add = [&owners](const QString& text, const QString& owner) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            owners[key.toString()] << owner;
    };
    for (QAction* menu : window.menuBar()->actions())
        add(menu->text(), QStringLiteral("menu ") + menu->text());
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        const bool onPage = widget == page || page->isAncestorOf(widget);
        if (!onPage && !widget->isVisible())
            continue;
        const QString name = widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                                            : widget->objectName();
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            add(button->text(), name + QStringLiteral(" \"") + button->text() + QLatin1Char('"'));
        else if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy())
            add(label->text(), QStringLiteral("label \"") + label->text() + QLatin1Char('"'));
        else if (auto* box = qobject_cast<QGroupBox*>(widget))
            add(box->title(), QStringLiteral("group \"") + box->title() + QLatin1Char('"'));
        else if (auto* bar = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < bar->count(); ++i)
                add(bar->tabText(i), QStringLiteral("tab \"") + bar->tabText(i) + QLatin1Char('"'));
    }
    return owners;
}

QString clashes(QMainWindow& window, QWidget* page) {
    QStringList clashes;
    const auto owners = mnemonics(window, page);
    for (auto it = owners.begin(); it != owners.end(); ++it)
        if (it.value().size() > 1)
            clashes << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", "));
    return clashes.join(QStringLiteral("; "));
}

} // namespace

class WorkflowFormsKeyboardTest : public QObject {
    Q_OBJECT
private slots:
    void ctrlEnterInTheReturnReasonReturnsAndTheFormSaysWhichButtonItPresses();
    void afterASignOffOrAReturnTheTabStaysOnThatContactAndSaysWhatWasDone();
    void theStrategyTablesTakeTabEnterAndEscapeAsTypingAList();
    void theSchedulingRefusalNamesEachFieldBesideItAndGoesAsEachIsFixed();
    void theRecordsKeysWorkWhereverTheFocusIsAndTheFooterTellsTheTruth();
    void noTwoThingsInAWindowAnswerTheSameAltLetter();
};

void WorkflowFormsKeyboardTest::ctrlEnterInTheReturnReasonReturnsAndTheFormSaysWhichButtonItPresses() {
    test::UiWorkspace scratch;
    auto contact = test::johnSmithContact();
    contact["received_at"] = "2026-11-23T09:15:00Z";
    const std::string id = recordRecommended(scratch, contact, "PERSISTENT_ABSENCE");
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::SignOffForm* form = window->openSignOff(QString::fromStdString(id));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    auto* says = form->findChild<QLabel*>("signOffDefaultAction");
    QVERIFY2(says, "the form names the button Ctrl+Enter presses");
    auto* signOffButton = form->findChild<QPushButton*>("signOffButton");
    auto* returnButton = form->findChild<QPushButton*>("returnButton");
    const QString enter = ui::shortcutText("decide");

    // A case direction typed, so that a sign-off would go through.
    TYPE_AT("caseDirectionWhat", "Team Around the Family meeting with the school");
    TAB_FROM("caseDirectionWhat");
    TYPE_AT("caseDirectionByWhom", "Sam Screener");
    TAB_FROM("caseDirectionByWhom");
    TYPE_AT("caseDirectionByWhen", "4/12/26");
    QVERIFY2(says->text().contains("signs off"), qPrintable(says->text()));
    QVERIFY(signOffButton->text().contains(enter));
    QVERIFY(!returnButton->text().contains(enter));
    QCOMPARE(form->defaultButton(), signOffButton);

    // Into the return reason: Ctrl+Enter now returns, and the screen says so before it is pressed.
    form->findChild<QPlainTextEdit*>("returnReason")->setFocus(Qt::MouseFocusReason);
    TYPE_AT("returnReason", "Please check the school's attendance figures with the attendance officer.");
    QVERIFY2(says->text().contains("returns it to the screener"), qPrintable(says->text()));
    QVERIFY(returnButton->text().contains(enter));
    QVERIFY(!signOffButton->text().contains(enter));
    QCOMPARE(form->defaultButton(), returnButton);
    press(Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(status(scratch, id), QStringLiteral("returned"));
}

void WorkflowFormsKeyboardTest::afterASignOffOrAReturnTheTabStaysOnThatContactAndSaysWhatWasDone() {
    test::UiWorkspace scratch;
    auto john = test::johnSmithContact();
    john["received_at"] = "2026-11-23T09:15:00Z";
    const std::string johnId = recordRecommended(scratch, john, "PERSISTENT_ABSENCE");
    const std::string miaId = recordRecommended(scratch, test::miaThorntonContact(), "ABUSE_DISCLOSURE");
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    QTabWidget* tabs = window->workTabs();

    // Mia's sign-off open, then John's: John's is signed off.
    ui::SignOffForm* mia = window->openSignOff(QString::fromStdString(miaId));
    QTRY_VERIFY(mia->isLoaded());
    ui::SignOffForm* johns = window->openSignOff(QString::fromStdString(johnId));
    QTRY_VERIFY(johns->isLoaded());
    QCOMPARE(tabs->currentWidget(), johns);
    TYPE_AT("caseDirectionWhat", "Team Around the Family meeting with the school");
    TAB_FROM("caseDirectionWhat");
    TYPE_AT("caseDirectionByWhom", "Sam Screener");
    TAB_FROM("caseDirectionByWhom");
    TYPE_AT("caseDirectionByWhen", "4/12/26");
    press(Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(status(scratch, johnId), QStringLiteral("decided"));
    // Still John's tab, saying in words on the page what was done, not Mia's.
    QCOMPARE(tabs->currentWidget(), johns);
    QVERIFY(johns->isDone());
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Signed off: John Smith"));
    auto* result = johns->findChild<QLabel*>("signOffResult");
    QVERIFY(result && result->isVisible());
    QVERIFY2(result->text().startsWith("Signed off by you: "), qPrintable(result->text()));
    QVERIFY2(result->text().contains("Team Around the Family meeting with the school, by Sam Screener, by 04/12/2026"),
             qPrintable(result->text()));
    QVERIFY(!johns->findChild<QWidget*>("signOffDecision")->isVisible());
    QCOMPARE(test::focusName(), QStringLiteral("signOffResult"));
    // Ctrl+Enter again does nothing more.
    press(Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(status(scratch, johnId), QStringLiteral("decided"));

    // Mia's is returned with Ctrl+Shift+R: it stays on Mia, and says so.
    tabs->setCurrentWidget(mia);
    mia->findChild<QPlainTextEdit*>("returnReason")->setFocus(Qt::MouseFocusReason);
    TYPE_AT("returnReason", "Please add the police reference.");
    press(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(status(scratch, miaId), QStringLiteral("returned"));
    QCOMPARE(tabs->currentWidget(), mia);
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Returned: Mia Thornton"));
    const QString returned = mia->findChild<QLabel*>("signOffResult")->text();
    QVERIFY2(returned.contains("Returned by you to the screener") && returned.contains("Please add the police reference."),
             qPrintable(returned));
}

void WorkflowFormsKeyboardTest::theStrategyTablesTakeTabEnterAndEscapeAsTypingAList() {
    test::UiWorkspace scratch;
    const std::string id = miaSignedOffForStrategy(scratch);
    scheduleThroughCore(scratch, id);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::StrategyDiscussionForm* form = openStrategy(*window, id);
    QVERIFY(form);
    QCOMPARE(form->status(), QStringLiteral("scheduled"));

    // What each agency shared: one row per agency invited (police, health, children's social care).
    ui::RowTable* information = form->agencyInformation();
    const int agencies = information->rowCount();
    QCOMPARE(agencies, 3);
    information->setFocus(Qt::TabFocusReason);
    information->setCurrentCell(0, 1);
    type("Father arrested overnight.");
    press(Qt::Key_Return); // Enter finishes the cell: no new line inside it
    QVERIFY(!information->indexWidget(information->currentIndex())); // no editor open
    QCOMPARE(information->item(0, 1)->text(), QStringLiteral("Father arrested overnight."));
    QCOMPARE(test::focusName(), QStringLiteral("informationTable"));
    // Tab: cell to cell, row to row, never out onto "Record as held".
    press(Qt::Key_Tab);
    QCOMPARE(information->currentRow(), 1);
    QCOMPARE(information->currentColumn(), 0);
    press(Qt::Key_Tab);
    QCOMPARE(information->currentRow(), 1);
    QCOMPARE(information->currentColumn(), 1);
    QCOMPARE(test::focusName(), QStringLiteral("informationTable"));
    type("Seen at ED in June.");
    press(Qt::Key_Return, Qt::ShiftModifier); // Shift+Enter: a new line in the cell
    type("No other concerns.");
    press(Qt::Key_Return);
    QCOMPARE(information->item(1, 1)->text(), QStringLiteral("Seen at ED in June.\nNo other concerns."));
    QCOMPARE(information->item(0, 1)->text(), QStringLiteral("Father arrested overnight."));
    // From the last cell of the last row with something in it: a new row, typed into at once.
    information->setCurrentCell(agencies - 1, 1);
    type("Third contact this year.");
    press(Qt::Key_Tab);
    QCOMPARE(information->rowCount(), agencies + 1);
    QCOMPARE(information->currentRow(), agencies);
    QCOMPARE(test::focusName(), QStringLiteral("informationTable"));
    // Left empty, Tab takes it away again and leaves the table, and not onto a button.
    press(Qt::Key_Tab);
    QCOMPARE(information->rowCount(), agencies);
    QWidget* after = QApplication::focusWidget();
    QVERIFY(after && !information->isAncestorOf(after) && after != information);
    QVERIFY2(!qobject_cast<QAbstractButton*>(after), qPrintable(test::focusName()));
    QCOMPARE(information->toJson().size(), size_t(3));

    // Held: the agreed actions.
    form->recordHeld();
    QTRY_COMPARE(form->status(), QStringLiteral("held"));
    ui::RowTable* actions = form->actions();
    QCOMPARE(actions->rowCount(), 1);
    actions->setFocus(Qt::TabFocusReason);
    actions->setCurrentCell(0, 0);
    type("Child protection medical");
    press(Qt::Key_Tab);
    type("Dr Kaur");
    press(Qt::Key_Tab);
    type("H");
    press(Qt::Key_Tab);
    QCOMPARE(actions->currentColumn(), 3);
    type("25/11/26");
    press(Qt::Key_Escape); // Escape keeps the due date just typed
    QVERIFY(!actions->indexWidget(actions->currentIndex())); // no editor open
    QCOMPARE(actions->item(0, 3)->text(), QStringLiteral("25/11/2026"));
    QCOMPARE(actions->item(0, 2)->text(), QStringLiteral("Health"));
    // Tab from the last cell does not go back to the row's Action with its text selected: a new row.
    press(Qt::Key_Tab);
    QCOMPARE(actions->rowCount(), 2);
    QCOMPARE(actions->currentRow(), 1);
    QCOMPARE(actions->currentColumn(), 0);
    type("Joint visit");
    press(Qt::Key_Return);
    QCOMPARE(actions->item(0, 0)->text(), QStringLiteral("Child protection medical"));
    QCOMPARE(actions->item(1, 0)->text(), QStringLiteral("Joint visit"));
    // Tab onto a cell with text opens it after its text: typing adds to it, never over it.
    actions->setCurrentCell(0, 0);
    press(Qt::Key_Tab);
    press(Qt::Key_Backtab);
    type(" at 16:00");
    press(Qt::Key_Return);
    QCOMPARE(actions->item(0, 0)->text(), QStringLiteral("Child protection medical at 16:00"));
    // Ctrl+Tab leaves the table at once, for the next field and not a button.
    press(Qt::Key_Tab, Qt::ControlModifier);
    QWidget* next = QApplication::focusWidget();
    QVERIFY(next && next != actions && !actions->isAncestorOf(next));
    QVERIFY2(!qobject_cast<QAbstractButton*>(next), qPrintable(test::focusName()));
    QCOMPARE(actions->rowCount(), 2);
}

void WorkflowFormsKeyboardTest::theSchedulingRefusalNamesEachFieldBesideItAndGoesAsEachIsFixed() {
    test::UiWorkspace scratch;
    const std::string id = miaSignedOffForStrategy(scratch);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::StrategyDiscussionForm* form = openStrategy(*window, id);
    QVERIFY(form);
    QCOMPARE(form->status(), QStringLiteral("required"));
    ui::RowTable* invitees = form->invitees();
    // The suggested invitees with a role and no name yet (police, children's social care twice, the
    // school); health has neither, so it is not sent (and is said to be missing).
    QList<int> unnamed;
    for (int row = 0; row < invitees->rowCount(); ++row)
        if (invitees->item(row, 1)->text().isEmpty() && !invitees->item(row, 2)->text().isEmpty())
            unnamed << row;
    QCOMPARE(unnamed.size(), 4);
    QVERIFY(unnamed[1] > 1); // the health row before it: core's invitees[1] is the table's third row

    // Scheduled with no place and the suggested invitees not named yet.
    QCOMPARE(test::focusName(), QStringLiteral("scheduledFor"));
    press(Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(form->status(), QStringLiteral("required"));
    auto* banner = form->findChild<QLabel*>("strategyBanner");
    QVERIFY(banner->isVisible());
    for (const QString& line : banner->text().split('\n'))
        QVERIFY2(!line.startsWith("is required"), qPrintable(banner->text()));
    auto* location = form->findChild<QLabel*>("locationError");
    QVERIFY(location->isVisible());
    QVERIFY2(location->text().startsWith("Where, or the call details is required"), qPrintable(location->text()));
    auto* inviteesError = form->findChild<QLabel*>("inviteesTableError");
    QVERIFY2(inviteesError, "the invitees' problems are said beside the table");
    QVERIFY(inviteesError->isVisible());
    QCOMPARE(inviteesError->text().split('\n').size(), unnamed.size());
    QVERIFY2(inviteesError->text().startsWith(QStringLiteral("Row %1 (Police): Name is required").arg(unnamed[0] + 1)),
             qPrintable(inviteesError->text()));
    // Each row's problem is marked on that row (the rows core was not sent are counted out).
    for (const int row : unnamed)
        QVERIFY2(inviteesError->text().contains(QStringLiteral("Row %1 (").arg(row + 1)), qPrintable(inviteesError->text()));
    QVERIFY(invitees->item(unnamed[1], 1)->toolTip().startsWith("is required"));

    // Each message goes as its field is put right; the banner with the last of them.
    form->findChild<QLineEdit*>("location")->setFocus(Qt::MouseFocusReason);
    type("Teams call");
    QVERIFY(!location->isVisible());
    QVERIFY(banner->isVisible());
    const QStringList names{"DS Kerr", "Nurse Adebayo", "Sam Screener", "Mo Manager", "Ms Head", "Mr Key"};
    for (int i = 0; i < unnamed.size(); ++i) {
        test::typeInCell(invitees, unnamed[i], 1, names[i % names.size()]);
        if (i + 1 < unnamed.size()) {
            QCOMPARE(inviteesError->text().split('\n').size(), unnamed.size() - i - 1);
            QVERIFY(banner->isVisible());
        }
    }
    QVERIFY(!inviteesError->isVisible());
    QVERIFY(!banner->isVisible());
}

void WorkflowFormsKeyboardTest::theRecordsKeysWorkWhereverTheFocusIsAndTheFooterTellsTheTruth() {
    test::UiWorkspace scratch;
    const std::string id = miaSignedOffForStrategy(scratch);
    scheduleThroughCore(scratch, id);
    holdThroughCore(scratch, id);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::StrategyDiscussionForm* form = openStrategy(*window, id);
    QVERIFY(form);
    QCOMPARE(form->status(), QStringLiteral("held"));

    // The outcome, recorded with Ctrl+Enter from the actions table.
    form->findChild<QPlainTextEdit*>("safetyActions")->setPlainText("Father bailed away from the home.");
    auto* s47 = form->findChild<QComboBox*>("s47Decision");
    s47->setCurrentIndex(s47->findData("joint"));
    form->findChild<QCheckBox*>("medicalRequired")->setChecked(true);
    form->findChild<QLineEdit*>("medicalArrangements")->setText("Child protection medical at 16:00, Dr Kaur");
    form->findChild<QLineEdit*>("familyToldWhat")->setText("Joint enquiry and medical");
    form->findChild<QLineEdit*>("familyToldWhen")->setText("Today by 15:30, by Sam");
    form->actions()->setJson({{{"action", "Child protection medical"}, {"owner", "Dr Kaur"}, {"agency", "health"},
                               {"due", "2026-11-23"}}});
    form->actions()->setFocus(Qt::OtherFocusReason);
    press(Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(form->status(), QStringLiteral("outcome_recorded"));

    // The focus is back in the form, and the footer says what is true now.
    QWidget* focus = QApplication::focusWidget();
    QVERIFY2(focus && form->isAncestorOf(focus), qPrintable(test::focusName()));
    QVERIFY(form->findChild<QLabel*>("strategyBanner")->text().contains("The outcome: recorded"));
    const QString draft = form->findChild<QLabel*>("draftStatus")->text();
    QVERIFY2(!draft.contains("Not saved"), qPrintable(draft));
    const QString footer = form->findChild<QLabel*>("strategyFooter")->text();
    QVERIFY2(footer.contains("recorded") && footer.contains(ui::shortcutText("savePdf")), qPrintable(footer));

    // Ctrl+Shift+S from the tab bar (or anywhere while the tab is open) asks where to save the PDF.
    QString asked;
    QTimer answer;
    connect(&answer, &QTimer::timeout, &answer, [&] {
        if (QWidget* dialog = QApplication::activeModalWidget()) {
            asked = dialog->windowTitle();
            dialog->close();
        }
    });
    answer.start(50);
    window->workTabs()->tabBar()->setFocus(Qt::MouseFocusReason);
    press(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(asked, QStringLiteral("Save the strategy discussion as PDF"));
    // In another tab, the record's keys are not live.
    asked.clear();
    QApplication::setActiveWindow(window.get());
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->workTabs()->setCurrentIndex(0);
    window->contactTable()->setFocus(Qt::OtherFocusReason);
    press(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::qWait(200);
    QCOMPARE(asked, QString());
}

void WorkflowFormsKeyboardTest::noTwoThingsInAWindowAnswerTheSameAltLetter() {
    test::UiWorkspace scratch;
    scratch.clock.set(core::parseInstant("2026-11-22T02:40:00Z").value()); // Sunday night: the EDT on duty
    auto night = test::miaThorntonContact();
    night["received_at"] = "2026-11-22T02:00:00Z";
    const std::string handover =
        core::ContactWorkflow(*scratch.ws)
            .recordOutOfHours({"eve.edt", "edt_worker"}, night,
                              {{"already_done", "Spoke to mother by phone."}, {"handover_note", "Needs screening."}})
            .contactId;
    scratch.clock.set(test::uiTestNow());
    const std::string recorded = core::ContactService(*scratch.ws).record(kScreener, test::johnSmithContact()).contactId;
    auto john = test::johnSmithContact();
    john["received_at"] = "2026-11-23T09:15:00Z";
    const std::string recommended = recordRecommended(scratch, john, "PERSISTENT_ABSENCE");
    const std::string strategy = miaSignedOffForStrategy(scratch);

    {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
        ui::NewContactForm* newContact = window->newContact();
        QVERIFY(newContact);
        QVERIFY2(clashes(*window, newContact).isEmpty(), qPrintable("new contact: " + clashes(*window, newContact)));
        ui::ScreeningForm* screening = window->openScreening(QString::fromStdString(recorded));
        QVERIFY(screening);
        QTRY_VERIFY(screening->isLoaded());
        QVERIFY2(clashes(*window, screening).isEmpty(), qPrintable("screening: " + clashes(*window, screening)));
    }
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    ui::SignOffForm* signOff = window->openSignOff(QString::fromStdString(recommended));
    QTRY_VERIFY(signOff->isLoaded());
    QVERIFY2(clashes(*window, signOff).isEmpty(), qPrintable("sign-off: " + clashes(*window, signOff)));
    ui::StrategyDiscussionForm* discussion = openStrategy(*window, strategy);
    QVERIFY(discussion);
    QVERIFY2(clashes(*window, discussion).isEmpty(), qPrintable("strategy discussion: " + clashes(*window, discussion)));
    ui::HandoverView* view = window->openHandover(QString::fromStdString(handover));
    QTRY_VERIFY(view->isLoaded());
    QVERIFY2(clashes(*window, view).isEmpty(), qPrintable("handover: " + clashes(*window, view)));
    // Alt+H is the Help menu, and only that.
    QCOMPARE(mnemonics(*window, discussion).value(QKeySequence::mnemonic("&Help").toString()).size(), 1);
}

QTEST_MAIN(WorkflowFormsKeyboardTest)
#include "WorkflowFormsKeyboardTest.moc"
