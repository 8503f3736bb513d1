// The new-contact form's slips from the keyboard-only trials (issue 11 points 2, 3, 10, 11; issue 19
// points 5, 9, 11): a wrong child offered as certain and ready to link, an adult removed by one key,
// words that looked accepted and were refused at Record, an adult added out of sight, and a relative
// the relationship list did not know.
#include "UiTestSupport.h"

#include "widgets/AdultEditor.h"
#include "widgets/ChildEditor.h"
#include "widgets/CodeComboBox.h"
#include "widgets/DateLineEdit.h"
#include "widgets/FieldCell.h"
#include "widgets/MatchingPanel.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>

#include <functional>

using namespace frontdoor;

class NewContactSlipsTest : public QObject {
    Q_OBJECT
private slots:
    void namesAloneOfferNoCertainMatchAndHighlightNoOne();
    void linkingADifferentBirthDateAsksFirstAndTheButtonResets();
    void tabAfterLivesWithTheChildSkipsRemoveAndRemovingCanBeUndone();
    void aWordInSourceOrEthnicityCompletesOrIsRefusedAtOnce();
    void addingAnAdultScrollsToItsFirstField();
    void relationshipsIncludeWiderFamilyAndTypingCompletesOnlyToARealMatch();
};

namespace {

ui::NewContactForm* openForm(test::UiWorkspace& scratch, std::unique_ptr<ui::MainWindow>& window) {
    window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(), Qt::Key_N,
                    Qt::ControlModifier);
    return window->currentForm();
}

/// A made-up child known to the front door: Jayden Testwhit, born 03/07/2009.
std::string recordJayden(test::UiWorkspace& scratch) {
    auto contact = test::johnSmithContact();
    contact["children"][0]["given_name"] = "Jayden";
    contact["children"][0]["family_name"] = "Testwhit";
    contact["children"][0]["date_of_birth"] = "2009-07-03";
    contact["children"][0]["postcode"] = "WA7 2QQ";
    return core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, contact).personIds.front();
}

void typeInto(QWidget* widget, const QString& text) {
    widget->setFocus(Qt::OtherFocusReason);
    QTest::keyClicks(widget, text);
}

void waitForMatches(ui::MatchingPanel* panel) {
    QTest::qWait(300); // the form waits 200 ms after typing stops before it searches
    QTRY_VERIFY(!panel->searching());
}

/// Answers the modal question the next action opens by pressing the button named `buttonName`;
/// `text` gets the question's words.
void answerNextQuestion(const QString& buttonName, QString* text) {
    QTimer::singleShot(50, [buttonName, text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (text)
            *text = box->text();
        if (auto* button = box->findChild<QPushButton*>(buttonName))
            button->click();
    });
}

QLabel* labelFor(QWidget* form, QWidget* input) {
    for (auto* label : form->findChildren<QLabel*>())
        if (label->buddy() == input)
            return label;
    return nullptr;
}

/// The offscreen platform leaves a completer's closed list as the active window: give it back to the
/// form's window, as the window system does on screen.
void backToWindow(QWidget* window) {
    if (QApplication::activeWindow() != window)
        QApplication::setActiveWindow(window);
}

bool inView(QScrollArea* scroll, QWidget* widget) {
    const QRect rect(widget->mapTo(scroll->viewport(), QPoint(0, 0)), widget->size());
    return scroll->viewport()->rect().contains(rect);
}

} // namespace

void NewContactSlipsTest::namesAloneOfferNoCertainMatchAndHighlightNoOne() {
    // The trial: a child born 2009 offered as a "100% match", highlighted so Ctrl+L would link it,
    // before any date of birth was typed.
    test::UiWorkspace scratch;
    recordJayden(scratch);
    std::unique_ptr<ui::MainWindow> window;
    ui::NewContactForm* form = openForm(scratch, window);
    QVERIFY(form);
    ui::ChildEditor* child = form->child(0);
    typeInto(child->givenName(), QStringLiteral("Jayden"));
    typeInto(child->familyName(), QStringLiteral("Testwhit"));
    ui::MatchingPanel* panel = form->matchingPanel();
    waitForMatches(panel);

    QCOMPARE(panel->candidateCount(), 1); // still listed...
    const QString row = panel->listView()->model()->index(0, 0).data().toString();
    QVERIFY(row.contains(QStringLiteral("Jayden Testwhit")));
    QVERIFY2(!row.contains(QStringLiteral("100%")), qPrintable(row));
    QVERIFY(!panel->highlighted()); // ...but not highlighted ready to link
    QVERIFY(!panel->linkButton()->isEnabled());
    QVERIFY(!panel->linkButton()->text().contains(QStringLiteral("Jayden")));
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("matchStatus"))->text().contains(QStringLiteral("none likely")));
    QTest::keyClick(child->familyName(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(child->linkedId().isEmpty());

    // The screener can still choose him: Ctrl+Down highlights the best, and the button names him.
    QTest::keyClick(child->familyName(), Qt::Key_Down, Qt::ControlModifier);
    QVERIFY(panel->highlighted());
    QVERIFY(panel->linkButton()->isEnabled());
    QVERIFY(panel->linkButton()->text().contains(QStringLiteral("Jayden Testwhit")));
}

void NewContactSlipsTest::linkingADifferentBirthDateAsksFirstAndTheButtonResets() {
    test::UiWorkspace scratch;
    const std::string jayden = recordJayden(scratch);
    std::unique_ptr<ui::MainWindow> window;
    ui::NewContactForm* form = openForm(scratch, window);
    QVERIFY(form);
    ui::ChildEditor* child = form->child(0);
    typeInto(child->givenName(), QStringLiteral("Jayden"));
    typeInto(child->familyName(), QStringLiteral("Testwhit"));
    typeInto(child->dateOfBirth(), QStringLiteral("14/02/2016"));
    ui::MatchingPanel* panel = form->matchingPanel();
    waitForMatches(panel);
    QCOMPARE(panel->candidateCount(), 1);
    QVERIFY(!panel->highlighted());
    QTest::keyClick(child->dateOfBirth(), Qt::Key_Down, Qt::ControlModifier);
    const ui::CandidateView* candidate = panel->highlighted();
    QVERIFY(candidate);
    QVERIFY2(candidate->reasons.contains(QStringLiteral("date of birth differs: 14/02/2016 / 03/07/2009")),
             qPrintable(candidate->reasons.join(QStringLiteral("; "))));

    // Linking asks, naming the difference; the safe answer keeps the child unlinked.
    QString question;
    answerNextQuestion(QStringLiteral("doNotLink"), &question);
    QTest::keyClick(child->dateOfBirth(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY2(question.contains(QStringLiteral("date of birth differs: 14/02/2016 / 03/07/2009")), qPrintable(question));
    QVERIFY(child->linkedId().isEmpty());

    // Linking anyway links, and then the button names no one until another candidate is highlighted.
    backToWindow(window.get()); // the closed question stays the active window offscreen
    QTRY_VERIFY(!panel->searching());
    QVERIFY(panel->highlighted()); // the screener's choice stays highlighted
    answerNextQuestion(QStringLiteral("linkAnyway"), nullptr);
    QTest::keyClick(child->dateOfBirth(), Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(child->linkedId(), QString::fromStdString(jayden));
    QVERIFY(!panel->linkButton()->isEnabled());
    QVERIFY(!panel->linkButton()->text().contains(QStringLiteral("Jayden")));

    // When the panel changes to no match, the button does not name the child it used to show.
    child->unlink();
    backToWindow(window.get());
    QTest::keyClick(child->dateOfBirth(), Qt::Key_Down, Qt::ControlModifier);
    QVERIFY(panel->linkButton()->text().contains(QStringLiteral("Jayden")));
    child->familyName()->clear();
    typeInto(child->familyName(), QStringLiteral("Qwertyson"));
    child->givenName()->clear();
    typeInto(child->givenName(), QStringLiteral("Zebedee"));
    child->dateOfBirth()->clear();
    typeInto(child->dateOfBirth(), QStringLiteral("01/01/2020"));
    waitForMatches(panel);
    QCOMPARE(panel->candidateCount(), 0);
    QVERIFY(!panel->linkButton()->isEnabled());
    QVERIFY(!panel->linkButton()->text().contains(QStringLiteral("Jayden")));
}

void NewContactSlipsTest::tabAfterLivesWithTheChildSkipsRemoveAndRemovingCanBeUndone() {
    test::UiWorkspace scratch;
    std::unique_ptr<ui::MainWindow> window;
    ui::NewContactForm* form = openForm(scratch, window);
    QVERIFY(form);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCoreApplication::processEvents();
    TYPE_AT("adultGivenName", "Leanne");
    auto* livesWith = form->adult(0)->findChild<QWidget*>(QStringLiteral("livesWithChild"));
    livesWith->setFocus(Qt::TabFocusReason);
    QTest::keyClick(livesWith, Qt::Key_Space);
    // Tab leaves the adult for the next part of the form, never its Remove button.
    TAB_FROM("livesWithChild");
    QVERIFY(test::focusName() != QStringLiteral("removeAdult"));
    QCOMPARE(test::focusName(), QStringLiteral("addAdultButton"));

    // Removed by mistake: Ctrl+Z puts it back as it was.
    QTest::mouseClick(form->adult(0)->findChild<QPushButton*>(QStringLiteral("removeAdult")), Qt::LeftButton);
    QTRY_VERIFY(form->adult(0) == nullptr);
    QCOMPARE(test::focusName(), QStringLiteral("undoRemoveAdult"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(form->adult(0));
    QCOMPARE(form->adult(0)->givenName()->text(), QStringLiteral("Leanne"));
    QCOMPARE(form->contactJson().at("adults").at(0).value("lives_with_child", false), true);
    QCOMPARE(QApplication::focusWidget(), form->adult(0)->givenName());

    // A sibling removed from the keyboard comes back too.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(form->childCount(), 2);
    TYPE_AT("givenName", "Ruby");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(form->childCount(), 1);
    QCOMPARE(test::focusName(), QStringLiteral("undoRemoveChild"));
    QVERIFY(form->findChild<QPushButton*>(QStringLiteral("undoRemoveChild"))->text().contains(QStringLiteral("Ruby")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(form->childCount(), 2);
    QCOMPARE(form->child(1)->givenName()->text(), QStringLiteral("Ruby"));
    // Nor does Tab reach a child's Remove button.
    for (QWidget* widget : form->child(1)->focusChain())
        QVERIFY(widget->objectName() != QStringLiteral("removeChild"));
}

void NewContactSlipsTest::aWordInSourceOrEthnicityCompletesOrIsRefusedAtOnce() {
    test::UiWorkspace scratch;
    std::unique_ptr<ui::MainWindow> window;
    ui::NewContactForm* form = openForm(scratch, window);
    QVERIFY(form);
    auto* source = form->findChild<ui::CodeComboBox*>(QStringLiteral("source"));
    auto* receivedAt = form->findChild<QWidget*>(QStringLiteral("receivedAt"));
    auto* channel = form->findChild<QWidget*>(QStringLiteral("channel"));
    QLabel* receivedLabel = labelFor(form, receivedAt);
    QLabel* channelLabel = labelFor(form, channel);
    QVERIFY(receivedLabel && channelLabel);
    const auto gap = [form](QWidget* label, QWidget* input) {
        return input->mapTo(form, QPoint(0, 0)).y() - label->mapTo(form, QPoint(0, 0)).y();
    };
    const int receivedGap = gap(receivedLabel, receivedAt);
    const int channelGap = gap(channelLabel, channel);

    // A word completes to the code the drop-down offers first.
    TYPE_AT("source", "school");
    TAB_FROM("source");
    QCOMPARE(source->currentText(), QStringLiteral("2A Schools"));
    QCOMPARE(source->code(), QStringLiteral("2A"));
    QVERIFY(!form->cellForPath(QStringLiteral("source"))->hasError());

    // A word that names nothing is refused at once, beside the field, with the choices in words.
    backToWindow(window.get());
    source->setFocus(Qt::OtherFocusReason);
    QCOMPARE(test::focusName(), QStringLiteral("source"));
    source->lineEdit()->selectAll();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("skool"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    ui::FieldCell* sourceCell = form->cellForPath(QStringLiteral("source"));
    QVERIFY(sourceCell->hasError());
    QVERIFY(sourceCell->errorText().contains(QStringLiteral("2A Schools")));
    QVERIFY(sourceCell->errorText().contains(QStringLiteral("6 Police")));
    QCOMPARE(source->currentText(), QStringLiteral("skool")); // nothing typed is lost
    QCoreApplication::processEvents();
    // The refusal does not pull the Received and Channel labels away from their fields.
    QCOMPARE(gap(receivedLabel, receivedAt), receivedGap);
    QCOMPARE(gap(channelLabel, channel), channelGap);

    // Ethnicity: an exact word completes; "White" alone names several and is refused with them.
    auto* ethnicity = form->child(0)->findChild<ui::CodeComboBox*>(QStringLiteral("ethnicity"));
    backToWindow(window.get());
    ethnicity->setFocus(Qt::OtherFocusReason);
    TYPE_AT("ethnicity", "British");
    TAB_FROM("ethnicity");
    QCOMPARE(ethnicity->code(), QStringLiteral("WBRI"));
    backToWindow(window.get());
    ethnicity->setFocus(Qt::OtherFocusReason);
    ethnicity->lineEdit()->selectAll();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("White"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    ui::FieldCell* ethnicityCell = form->cellForPath(QStringLiteral("children[0].ethnicity"));
    QVERIFY(ethnicityCell->hasError());
    QVERIFY(ethnicityCell->errorText().contains(QStringLiteral("WBRI White British")));
    QVERIFY(ethnicityCell->errorText().contains(QStringLiteral("WIRI White Irish")));
    // Typing more settles it and the refusal goes.
    backToWindow(window.get());
    ethnicity->setFocus(Qt::OtherFocusReason);
    ethnicity->lineEdit()->selectAll();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("white irish"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(ethnicity->code(), QStringLiteral("WIRI"));
    QVERIFY(!ethnicityCell->hasError());
}

void NewContactSlipsTest::addingAnAdultScrollsToItsFirstField() {
    test::UiWorkspace scratch;
    std::unique_ptr<ui::MainWindow> window;
    ui::NewContactForm* form = openForm(scratch, window);
    QVERIFY(form);
    auto* scroll = form->findChild<QScrollArea*>(QStringLiteral("formScroll"));
    for (int adult = 0; adult < 3; ++adult) {
        // From the top of the form each time, as a screener would after the referrer's details.
        form->findChild<QWidget*>(QStringLiteral("referrerName"))->setFocus(Qt::OtherFocusReason);
        QCoreApplication::processEvents();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        // At once: the next key typed goes there, and the screener sees where it goes.
        QVERIFY(form->adult(adult));
        QCOMPARE(QApplication::focusWidget(), form->adult(adult)->givenName());
        QVERIFY(inView(scroll, form->adult(adult)->givenName()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Kerry"));
        QCOMPARE(form->adult(adult)->givenName()->text(), QStringLiteral("Kerry"));
    }
}

void NewContactSlipsTest::relationshipsIncludeWiderFamilyAndTypingCompletesOnlyToARealMatch() {
    test::UiWorkspace scratch;
    std::unique_ptr<ui::MainWindow> window;
    ui::NewContactForm* form = openForm(scratch, window);
    QVERIFY(form);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCoreApplication::processEvents();
    auto* relationship = form->adult(0)->findChild<ui::CodeComboBox*>(QStringLiteral("relationship"));
    QVERIFY(relationship);
    ui::FieldCell* cell = form->adult(0)->cellFor(QStringLiteral("relationship"));
    const auto typeRelationship = [&](const QString& text) {
        backToWindow(window.get());
        relationship->setFocus(Qt::OtherFocusReason);
        QCOMPARE(test::focusName(), QStringLiteral("relationship"));
        relationship->lineEdit()->selectAll();
        QTest::keyClicks(QApplication::focusWidget(), text);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    };

    typeRelationship(QStringLiteral("Aunt")); // the trial: "Aunt" became "Adult sibling"
    QCOMPARE(relationship->code(), QStringLiteral("aunt_or_uncle"));
    QCOMPARE(relationship->currentText(), QStringLiteral("Aunt or uncle"));
    typeRelationship(QStringLiteral("uncle"));
    QCOMPARE(relationship->code(), QStringLiteral("aunt_or_uncle"));
    typeRelationship(QStringLiteral("cousin"));
    QCOMPARE(relationship->code(), QStringLiteral("cousin"));
    typeRelationship(QStringLiteral("mum"));
    QCOMPARE(relationship->code(), QStringLiteral("mother"));
    typeRelationship(QStringLiteral("step sister"));
    QCOMPARE(relationship->code(), QStringLiteral("step_sibling"));
    QVERIFY(!cell->hasError());

    // "Nan" could be either side: refused at once with the choices, nothing silently picked.
    typeRelationship(QStringLiteral("Nan"));
    QVERIFY(cell->hasError());
    QVERIFY(cell->errorText().contains(QStringLiteral("Grandparent (mother's side)")));
    QVERIFY(cell->errorText().contains(QStringLiteral("Grandparent (father's side)")));
    QCOMPARE(relationship->currentText(), QStringLiteral("Nan"));
    typeRelationship(QStringLiteral("Zookeeper"));
    QVERIFY(cell->hasError());
    QVERIFY(cell->errorText().contains(QStringLiteral("Aunt or uncle")));

    typeRelationship(QStringLiteral("grandparent (mother"));
    QCOMPARE(relationship->code(), QStringLiteral("maternal_grandparent"));
    QVERIFY(!cell->hasError());
    QCOMPARE(form->contactJson().at("adults").at(0).at("relationship").get<std::string>(),
             std::string("maternal_grandparent"));
}

QTEST_MAIN(NewContactSlipsTest)
#include "NewContactSlipsTest.moc"
