// Everything fits at 1366x768 and the field being typed in is always in view (issue 11 points 14-15,
// issue 19 point 16): Tab through every form and each focused field lies inside its scroll area's
// view; each text the issues name as cut off shows in full or is elided with its tooltip; fields side
// by side line up; the sign-off form shows its deadline and its reason box uses the room it has.
#include "FitSupport.h"
#include "UiTestSupport.h"

#include "dialogs/ShortcutsDialog.h"
#include "models/ContactListModel.h"
#include "widgets/AdultEditor.h"
#include "widgets/ContactView.h"
#include "widgets/ChildEditor.h"
#include "support/Text.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"
#include "windows/ScreeningForm.h"
#include "windows/SignOffForm.h"
#include "windows/StrategyDiscussionForm.h"

#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QTreeView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextDocument>

using namespace frontdoor;

namespace {

/// The small screen the app must fit and the large one issue 19 was tried on.
void screenSizes() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

} // namespace

class FitAndFocusTest : public QObject {
    Q_OBJECT
private slots:
    void tabbingThroughTheNewContactFormKeepsEachFieldInView_data() { screenSizes(); }
    void tabbingThroughTheNewContactFormKeepsEachFieldInView();
    void tabbingThroughScreeningKeepsEachFieldInView_data() { screenSizes(); }
    void tabbingThroughScreeningKeepsEachFieldInView();
    void tabbingThroughSignOffKeepsEachFieldInView_data() { screenSizes(); }
    void tabbingThroughSignOffKeepsEachFieldInView();
    void tabbingThroughTheStrategyDiscussionKeepsEachFieldInView_data() { screenSizes(); }
    void tabbingThroughTheStrategyDiscussionKeepsEachFieldInView();
    void signOffShowsItsDeadlineAndTheReasonBoxUsesTheRoomAt1920();
    void queueColumnsShowTheirTextOrATooltipInEveryQueue();
    void theTimelinesWhatHappenedShowsInFullOrInItsTooltip();
    void theNewContactFormsHintsBoxesAndPopupsShowInFull();
    void sexAndEthnicityLineUpWithTheDateOfBirth();
    void screeningsLevelPartnerChecksAndIndicatorsShowInFull();
    void byWhenLinesUpWithByWhomOnSignOff();
    void theShortcutsListScrollsToItsEnd();
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
    QFETCH(QSize, size);
    window->resize(size);
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
    QFETCH(QSize, size);
    window->resize(size);
    ui::ScreeningForm* form = window->openScreening(QString::fromStdString(id));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    form->focusFirstInput();
    checkTabWalk(form, {"checkAgency", "checkShared", "risks", "analysis", "indicatorSearch", "dashScore",
                        "levelChoice", "ragChoice", "recommendationText"});
    // A refusal puts the cursor on the first problem, in view, from the top of the form too.
    form->findChild<QLineEdit*>("checkAgency")->setFocus();
    QVERIFY(!form->submit());
    QWidget* first = QApplication::focusWidget();
    QVERIFY(first && form->isAncestorOf(first));
    QTRY_VERIFY2(test::outOfView(first).isEmpty(), qPrintable(test::outOfView(first)));
}

void FitAndFocusTest::tabbingThroughSignOffKeepsEachFieldInView() {
    test::UiWorkspace scratch;
    const std::string id = recordedContact(scratch);
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, id, "ABUSE_DISCLOSURE");
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    QFETCH(QSize, size);
    window->resize(size);
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
    QFETCH(QSize, size);
    window->resize(size);
    ui::StrategyDiscussionForm* form = window->openStrategy(QString::fromStdString(id));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    form->focusFirstInput();
    checkTabWalk(form, {"inviteesTable", "location"});
}

void FitAndFocusTest::signOffShowsItsDeadlineAndTheReasonBoxUsesTheRoomAt1920() {
    test::UiWorkspace scratch;
    const std::string id = recordedContact(scratch); // received 08:40 on the test's Monday
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, id, "ABUSE_DISCLOSURE");
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    window->resize(1920, 1080);
    ui::SignOffForm* form = window->openSignOff(QString::fromStdString(id));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    QApplication::processEvents();

    // The decision's deadline, with its due time and a countdown, where the decision is made.
    auto* deadline = form->findChild<QLabel*>("signOffDeadline");
    QVERIFY(deadline);
    QVERIFY(deadline->isVisible());
    const auto state = core::ContactWorkflow(*scratch.ws).state(id);
    const QString due = ui::shortDateTime(state.at("decision_deadline").at("due_at").get<std::string>());
    QTextDocument text;
    text.setHtml(deadline->text());
    const QString shown = text.toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("Decision due ") + due), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral(" left")) || shown.contains(QStringLiteral("overdue by")), qPrintable(shown));
    // Time passes, the countdown follows (it is not the text of when the form opened).
    scratch.clock.advance(std::chrono::hours(30));
    form->updateDeadline();
    text.setHtml(deadline->text());
    QVERIFY2(text.toPlainText().contains(QStringLiteral("overdue by")), qPrintable(text.toPlainText()));

    // The reason box takes the room the panel has: no two-line box with empty space below it.
    auto* reason = form->findChild<QPlainTextEdit*>("returnReason");
    QVERIFY(reason->height() >= reason->fontMetrics().lineSpacing() * 5);
    auto* status = form->findChild<QLabel*>("signOffDefaultAction");
    QWidget* panel = reason->parentWidget();
    while (panel && !qobject_cast<QScrollArea*>(panel))
        panel = panel->parentWidget();
    QVERIFY(panel);
    QWidget* viewport = static_cast<QScrollArea*>(panel)->viewport();
    const int lastBottom = status->mapTo(viewport, QPoint(0, status->height())).y();
    QVERIFY2(viewport->height() - lastBottom < 80, qPrintable(QStringLiteral("%1 px empty below").arg(viewport->height() - lastBottom)));
}

namespace {

/// Ruby Ashdown and her brother Leo (made up), found alone at home on a Sunday night, recorded by the
/// EDT with its handover: a long "What is due" in the day team's queues.
std::string recordOutOfHours(test::UiWorkspace& scratch) {
    auto contact = nlohmann::json::parse(R"json({
      "received_at": "2026-11-23T02:00:00Z", "channel": "police_notification", "source": "1B",
      "referrer": {"name": "PC Imogen Vale", "agency": "Police (public protection unit)", "role": "Officer"},
      "children": [{"given_name": "Ruby-Mae", "family_name": "Ashdown-Whitfield", "date_of_birth": "2018-06-14",
                    "voice": "Ruby said she wanted her mum."},
                   {"given_name": "Leo", "family_name": "Ashdown-Whitfield", "date_of_birth": "2020-02-01",
                    "voice": "Leo was asleep."}],
      "concern": "Ruby and Leo found alone at home at 01:30; mother not reachable by phone.",
      "consent": {"status": "not_sought", "basis_without_consent": "Risk of significant harm tonight."}
    })json");
    nlohmann::json handover{{"already_done", "Police stayed with the children; neighbour looking after them."},
                            {"handover_note", "Find the mother and screen in the morning."}};
    return core::ContactWorkflow(*scratch.ws).recordOutOfHours({"eve.edt", "edt_worker"}, contact, handover).contactId;
}

QStringList tableProblems(QTableView* table, const QList<int>& columns) {
    QStringList problems;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const int top = table->rowViewportPosition(row);
        if (top < 0 || top + table->rowHeight(row) > table->viewport()->height())
            continue; // scrolled (partly) out of view: it shows as the others do when scrolled to
        for (int column : columns)
            if (!table->isColumnHidden(column))
                if (const QString problem = test::cellProblem(table, table->model()->index(row, column)); !problem.isEmpty())
                    problems << problem;
    }
    return problems;
}

/// The top of each widget's input, in `common`'s coordinates.
int topIn(QWidget* widget, QWidget* common) { return widget->mapTo(common, QPoint(0, 0)).y(); }

} // namespace

void FitAndFocusTest::queueColumnsShowTheirTextOrATooltipInEveryQueue() {
    test::UiWorkspace scratch;
    recordOutOfHours(scratch);
    recordedContact(scratch);
    const std::string signOff = recordedContact(scratch, test::johnSmithContact());
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, signOff, "ABUSE_DISCLOSURE");
    for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
        window->resize(size);
        QTRY_VERIFY(window->contactModel()->rowCount() > 0);
        const QStringList keys{"handovers", "awaiting_screening", "awaiting_signoff", "overdue", "all_contacts"};
        for (const QString& key : keys) {
            if (!window->showQueue(key))
                continue;
            QTRY_VERIFY(!window->contactModel()->loading());
            if (window->contactModel()->rowCount() == 0)
                continue;
            QApplication::processEvents();
            QTableView* table = window->contactTable();
            const QStringList problems =
                tableProblems(table, {ui::ContactTableModel::Due, ui::ContactTableModel::What, ui::ContactTableModel::Children,
                                      ui::ContactTableModel::Source});
            QVERIFY2(problems.isEmpty(), qPrintable(key + QStringLiteral(": ") + problems.join(QLatin1Char('\n'))));
            // "What is due" in view, not off the right edge, and on a large screen whole.
            if (!table->isColumnHidden(ui::ContactTableModel::What)) {
                if (size.width() >= 1920)
                    for (int row = 0; row < window->contactModel()->rowCount(); ++row) {
                        const QString what = window->contactModel()->index(row, ui::ContactTableModel::What).data().toString();
                        QVERIFY2(table->fontMetrics().horizontalAdvance(what) + 8 <= table->columnWidth(ui::ContactTableModel::What),
                                 qPrintable(QStringLiteral("%1: \"%2\" is cut in %3 px").arg(key, what).arg(table->columnWidth(ui::ContactTableModel::What))));
                    }
                const int right = table->columnViewportPosition(ui::ContactTableModel::What) +
                                  table->columnWidth(ui::ContactTableModel::What);
                QVERIFY2(right <= table->viewport()->width(),
                         qPrintable(QStringLiteral("%1 at %2x%3: What is due ends at %4 of %5").arg(key).arg(size.width())
                                        .arg(size.height()).arg(right).arg(table->viewport()->width())));
            }
        }
    }
}

void FitAndFocusTest::theTimelinesWhatHappenedShowsInFullOrInItsTooltip() {
    test::UiWorkspace scratch;
    const std::string id = recordOutOfHours(scratch);
    core::ContactWorkflow(*scratch.ws)
        .addNote({"eve.edt", "edt_worker"}, id, "Mother came home at 05:00; Ruby and Leo are with her and asleep.");
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
    // In the queue's detail pane, beside the rows: the narrowest place the timeline is shown.
    QVERIFY(window->showQueue("all_contacts"));
    QTRY_COMPARE(window->contactModel()->rowCount(), 1);
    ui::ContactView* view = window->detailPane();
    QTRY_VERIFY(view->isLoaded());
    QApplication::processEvents();
    auto* timeline = view->findChild<QTableView*>("timeline");
    QVERIFY(timeline);
    QTRY_VERIFY(timeline->model()->rowCount() >= 2);
    const QStringList problems = tableProblems(timeline, {0, 1, 2, 3});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void FitAndFocusTest::theNewContactFormsHintsBoxesAndPopupsShowInFull() {
    test::UiWorkspace scratch;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::NewContactForm* form = window->newContact();
    form->focusFirstInput();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QApplication::processEvents();
    // The ethnicity typed as a code settles on its words, shown from the first letter.
    auto* ethnicity = form->child(0)->findChild<QComboBox*>("ethnicity");
    ethnicity->setFocus();
    QTest::keyClicks(ethnicity, "wbri");
    QTest::keyClick(ethnicity, Qt::Key_Tab);
    QCOMPARE(ethnicity->currentText(), QStringLiteral("WBRI White British"));
    // The most common one shows whole, first letter included.
    QVERIFY2(ethnicity->lineEdit()->fontMetrics().horizontalAdvance(ethnicity->currentText()) <= test::textRoom(ethnicity->lineEdit()),
             qPrintable(QStringLiteral("%1 px for the ethnicity").arg(test::textRoom(ethnicity->lineEdit()))));
    QCOMPARE(ethnicity->lineEdit()->cursorPosition(), 0);
    QStringList problems;
    for (QLineEdit* edit : form->findChildren<QLineEdit*>()) {
        if (!edit->isVisible() || edit->objectName().startsWith(QLatin1String("qt_spinbox")))
            continue;
        const QString problem = test::lineEditProblem(edit, test::nameOf(edit));
        if (!problem.isEmpty())
            problems << problem;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    for (const char* name : {"ethnicity", "source", "relationship", "voiceMissingReason", "consentStatus", "sex", "channel"}) {
        auto* combo = form->findChild<QComboBox*>(QLatin1String(name));
        QVERIFY2(combo, name);
        const QString problem = test::popupProblem(combo);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void FitAndFocusTest::sexAndEthnicityLineUpWithTheDateOfBirth() {
    test::UiWorkspace scratch;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::NewContactForm* form = window->newContact();
    QApplication::processEvents();
    ui::ChildEditor* child = form->child(0);
    QWidget* birth = child->findChild<QWidget*>("dateOfBirth");
    for (const char* name : {"sex", "ethnicity"}) {
        QWidget* other = child->findChild<QWidget*>(QLatin1String(name));
        QCOMPARE(topIn(other, child), topIn(birth, child));
        QCOMPARE(other->height(), birth->height());
    }
    // Still in line once the date's reading shows under it.
    QTest::keyClicks(birth, "12/03/2015");
    QApplication::processEvents();
    QCOMPARE(topIn(child->findChild<QWidget*>("sex"), child), topIn(birth, child));
}

void FitAndFocusTest::screeningsLevelPartnerChecksAndIndicatorsShowInFull() {
    test::UiWorkspace scratch;
    const std::string id = recordedContact(scratch);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::ScreeningForm* form = window->openScreening(QString::fromStdString(id));
    QTRY_VERIFY(form->isLoaded());
    // A partner check with long words in every column.
    QTest::keyClicks(form->findChild<QLineEdit*>("checkAgency"), "School (designated safeguarding lead)");
    QTest::keyClicks(form->findChild<QLineEdit*>("checkPerson"), "Mrs Philippa Okonkwo-Henderson");
    auto* basis = form->findChild<QComboBox*>("checkBasis");
    basis->setCurrentIndex(2);
    QTest::keyClicks(form->findChild<QPlainTextEdit*>("checkShared"),
                     "Mia has been late eleven times this term and was seen with a bruise on her forearm.");
    QTest::keyClick(form->findChild<QPlainTextEdit*>("checkShared"), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    auto* checks = form->findChild<QTableView*>("partnerCheckList");
    QTRY_COMPARE(checks->model()->rowCount(), 1);
    QApplication::processEvents();
    QStringList problems = tableProblems(checks, {0, 1, 2, 3, 4});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    // The consent basis pop-up, and the level, outcome and RAG boxes and their pop-ups.
    QString problem = test::popupProblem(basis);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    form->setIndicatorTicked("ABUSE_DISCLOSURE", true);
    QTRY_VERIFY(!form->suggestionPending());
    for (const char* name : {"levelChoice", "outcomeChoice", "ragChoice", "screenedChild"}) {
        auto* combo = form->findChild<QComboBox*>(QLatin1String(name));
        QVERIFY2(combo, name);
        QStyleOptionComboBox option;
        option.initFrom(combo);
        option.editable = combo->isEditable();
        option.frame = combo->hasFrame();
        const int room = combo->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo).width() - 4;
        const int need = combo->fontMetrics().horizontalAdvance(combo->currentText());
        QVERIFY2(need <= room || combo->toolTip().contains(combo->currentText()),
                 qPrintable(QStringLiteral("%1: \"%2\" needs %3 px, has %4").arg(name, combo->currentText()).arg(need).arg(room)));
        problem = test::popupProblem(combo);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // Every indicator row in view shows its words in full (the third, three lines long, too).
    auto* picker = form->findChild<QTreeView*>("indicatorPicker");
    form->findChild<QLineEdit*>("indicatorSearch")->setText(QString());
    QApplication::processEvents();
    problems.clear();
    for (QModelIndex index = picker->indexAt(QPoint(4, 4)); index.isValid(); index = picker->indexBelow(index)) {
        if (picker->visualRect(index).top() >= picker->viewport()->height())
            break;
        if (picker->visualRect(index).bottom() > picker->viewport()->height())
            continue; // the last, partly scrolled in
        for (int column = 0; column < 3; ++column)
            if (const QString p = test::cellProblem(picker, index.siblingAtColumn(column)); !p.isEmpty())
                problems << p;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void FitAndFocusTest::byWhenLinesUpWithByWhomOnSignOff() {
    test::UiWorkspace scratch;
    const std::string id = recordedContact(scratch);
    test::recommendAsSuggested(*scratch.ws, {"sam.screener", "screener"}, id, "ABUSE_DISCLOSURE");
    for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("mo.manager", "582936", "duty_manager"));
        window->resize(size);
        ui::SignOffForm* form = window->openSignOff(QString::fromStdString(id));
        QTRY_VERIFY(form->isLoaded());
        QApplication::processEvents();
        QWidget* byWhom = form->findChild<QWidget*>("caseDirectionByWhom");
        QWidget* byWhen = form->findChild<QWidget*>("caseDirectionByWhen");
        QCOMPARE(topIn(byWhen, form), topIn(byWhom, form));
        QCOMPARE(byWhen->height(), byWhom->height());
        QTest::keyClicks(byWhen, "4/12/26");
        QApplication::processEvents();
        QCOMPARE(topIn(byWhen, form), topIn(byWhom, form));
    }
}

void FitAndFocusTest::theShortcutsListScrollsToItsEnd() {
    test::UiWorkspace scratch;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::ShortcutsDialog dialog(window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();
    auto* table = dialog.findChild<QTableView*>("shortcutsTable");
    QVERIFY(table);
    // Down to the end: the last row shows whole, above the bottom of the list.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
    QApplication::processEvents();
    const int last = table->model()->rowCount() - 1;
    const QRect rect = table->visualRect(table->model()->index(last, 2));
    QVERIFY2(rect.bottom() < table->viewport()->height(),
             qPrintable(QStringLiteral("last row ends at %1 of %2").arg(rect.bottom()).arg(table->viewport()->height())));
    QStringList problems = tableProblems(table, {0, 1, 2});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(FitAndFocusTest)
#include "FitAndFocusTest.moc"
