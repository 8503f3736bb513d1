// Corrections through the real window (issue 13 points 1 and 5): a screener corrects a child's date of
// birth by keyboard only (Ctrl+M, Tab to the field, the reason, Enter) and the contact's timeline
// then holds both versions: the contact as recorded and "Corrected by ... because ...", with the date
// before and after. Esc cancels and saves nothing; someone who may not correct is told why; a person's
// details are corrected from the person view the same way.
#include "UiTestSupport.h"

#include "contacts/ContactProjection.h"
#include "dialogs/CorrectionDialog.h"
#include "models/TimelineModel.h"
#include "people/PersonProjection.h"
#include "widgets/ContactView.h"
#include "widgets/PersonView.h"
#include "windows/MainWindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>

using namespace frontdoor;

namespace {

const QString kReason = QStringLiteral("The school rang back: day and month were swapped.");

struct Recorded {
    std::string contactId;
    std::string personId;
};

Recorded recordJohn(test::UiWorkspace& scratch) {
    const auto recorded = core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, test::johnSmithContact());
    return {recorded.contactId, recorded.personIds[0]};
}

ui::CorrectionDialog* waitForDialog(QWidget* window) {
    ui::CorrectionDialog* dialog = nullptr;
    for (int i = 0; i < 100 && !(dialog = window->findChild<ui::CorrectionDialog*>("correctionDialog")); ++i)
        QTest::qWait(20);
    return dialog;
}

// Corrections recorded about the contact (opening it logs a read as well: that is not one).
size_t correctionsOf(test::UiWorkspace& scratch, const std::string& id) {
    size_t count = 0;
    for (const auto& fact : scratch.ws->facts().factsAbout(id))
        count += fact.type == core::kContactAmended ? 1 : 0;
    return count;
}

} // namespace

class CorrectionTest : public QObject {
    Q_OBJECT
private slots:
    void aDateOfBirthIsCorrectedByKeyboardAndTheTimelineShowsBoth();
    void escapeCancelsAndSavesNothing();
    void someoneWhoMayNotCorrectIsToldWhy();
    void aPersonsDetailsAreCorrectedFromThePersonView();
};

void CorrectionTest::aDateOfBirthIsCorrectedByKeyboardAndTheTimelineShowsBoth() {
    test::UiWorkspace scratch;
    const Recorded john = recordJohn(scratch);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::ContactView* view = window->openContact(QString::fromStdString(john.contactId));
    QTRY_VERIFY(view->isLoaded());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::ControlModifier);
    ui::CorrectionDialog* dialog = waitForDialog(window.get());
    QVERIFY(dialog);
    // It starts from the current values, the fields in the order they read.
    QTRY_COMPARE(test::focusName(), QStringLiteral("correction:received_at"));
    auto* birth = qobject_cast<QLineEdit*>(dialog->editorFor(QStringLiteral("children[0].date_of_birth")));
    QVERIFY(birth);
    QCOMPARE(birth->text(), QStringLiteral("12/03/2015"));
    auto* preview = dialog->findChild<QLabel*>("correctionPreview");
    QVERIFY(preview->text().contains("Nothing yet"));

    for (const char* name : {"correction:received_at", "correction:channel", "correction:source",
                             "correction:referrer.name", "correction:referrer.agency", "correction:referrer.role",
                             "correction:referrer.phone", "correction:referrer.email",
                             "correction:referrer.relationship_to_child", "correction:children[0].given_name",
                             "correction:children[0].family_name"})
        TAB_FROM_NAME(name);
    QCOMPARE(test::focusName(), QStringLiteral("correction:children[0].date_of_birth"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    TYPE_AT("correction:children[0].date_of_birth", "03/12/2015");

    // What will change shows before saving: the field, before and after.
    QVERIFY2(preview->text().contains("Child 1: date of birth") && preview->text().contains("12/03/2015") &&
                 preview->text().contains("03/12/2015"),
             qPrintable(preview->text()));

    // Saving without a reason is refused, naming it; nothing is written.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(dialog->isVisible());
    QCOMPARE(test::focusName(), QStringLiteral("correctionReason"));
    QCOMPARE(correctionsOf(scratch, john.contactId), size_t(0));

    TYPE_AT("correctionReason", "The school rang back: day and month were swapped.");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(window->findChild<ui::CorrectionDialog*>("correctionDialog") == nullptr);
    QVERIFY(window->statusBar()->currentMessage().startsWith("Corrected"));

    // The timeline holds both versions: as recorded, and the correction with who, why, before and after.
    QTRY_COMPARE(view->timelineView()->model()->rowCount(), 2);
    auto* timeline = view->timelineView()->model();
    QTRY_VERIFY(timeline->index(1, ui::TimelineModel::What).data().toString().startsWith("Corrected"));
    QCOMPARE(timeline->index(0, ui::TimelineModel::What).data().toString(), QStringLiteral("Contact recorded"));
    const QString what = timeline->index(1, ui::TimelineModel::What).data().toString();
    QVERIFY2(what.startsWith("Corrected by sam.screener because " + kReason) &&
                 what.contains(QString::fromUtf8("Child 1: date of birth: 12/03/2015 \u2192 03/12/2015")),
             qPrintable(what));
    view->timelineView()->setFocus();
    view->timelineView()->setCurrentIndex(timeline->index(1, 0));
    auto* changes = view->findChild<QLabel*>("timelineChanges");
    QTRY_VERIFY(changes->isVisible());
    QVERIFY(changes->text().contains("12/03/2015") && changes->text().contains("03/12/2015"));
    // The record now reads the corrected date; the person record too.
    QVERIFY(core::ContactService(*scratch.ws).show(john.contactId)["children"][0]["date_of_birth"] == "2015-12-03");
    QCOMPARE(core::formatDate(*core::loadPerson(scratch.ws->db(), john.personId)->dateOfBirth), std::string("2015-12-03"));
}

void CorrectionTest::escapeCancelsAndSavesNothing() {
    test::UiWorkspace scratch;
    const Recorded john = recordJohn(scratch);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::ContactView* view = window->openContact(QString::fromStdString(john.contactId));
    QTRY_VERIFY(view->isLoaded());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::ControlModifier);
    ui::CorrectionDialog* dialog = waitForDialog(window.get());
    QVERIFY(dialog);
    QTRY_COMPARE(test::focusName(), QStringLiteral("correction:received_at"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("15/06/2026 08:15"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(window->findChild<ui::CorrectionDialog*>("correctionDialog") == nullptr);
    QCOMPARE(correctionsOf(scratch, john.contactId), size_t(0));
}

void CorrectionTest::someoneWhoMayNotCorrectIsToldWhy() {
    test::UiWorkspace scratch;
    const Recorded john = recordJohn(scratch);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn("jo.screener", "417205", "screener"));
    ui::ContactView* view = window->openContact(QString::fromStdString(john.contactId));
    QTRY_VERIFY(view->isLoaded());
    window->statusBar()->clearMessage();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::ControlModifier);
    QTest::qWait(50);
    QVERIFY(window->findChild<ui::CorrectionDialog*>("correctionDialog") == nullptr);
    const QString why = window->statusBar()->currentMessage();
    QVERIFY2(why.contains("not available") && why.contains("duty manager"), qPrintable(why));
}

void CorrectionTest::aPersonsDetailsAreCorrectedFromThePersonView() {
    test::UiWorkspace scratch;
    const Recorded john = recordJohn(scratch);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::PersonView* person = window->openPerson(QString::fromStdString(john.personId));
    QTRY_VERIFY(person->isLoaded());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::ControlModifier);
    ui::CorrectionDialog* dialog = waitForDialog(window.get());
    QVERIFY(dialog);
    QTRY_COMPARE(test::focusName(), QStringLiteral("correction:given_name"));
    TAB_FROM("correction:given_name");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    TYPE_AT("correction:family_name", "Smyth");
    for (const char* name : {"correction:family_name", "correction:date_of_birth", "correction:sex",
                             "correction:ethnicity", "correction:address", "correction:postcode",
                             "correction:la_child_id"})
        TAB_FROM_NAME(name);
    TYPE_AT("correctionReason", "His birth certificate spells it Smyth.");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(window->findChild<ui::CorrectionDialog*>("correctionDialog") == nullptr);
    auto* corrections = person->findChild<QLabel*>("personCorrections");
    QTRY_VERIFY(corrections->isVisible());
    QVERIFY2(corrections->text().contains("Corrected by sam.screener because His birth certificate spells it Smyth.") &&
                 corrections->text().contains("Smith") && corrections->text().contains("Smyth"),
             qPrintable(corrections->text()));
    QTRY_COMPARE(person->displayName(), QStringLiteral("John Smyth"));
}

QTEST_MAIN(CorrectionTest)
#include "CorrectionTest.moc"
