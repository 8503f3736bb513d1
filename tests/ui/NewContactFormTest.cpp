// The new-contact form, driven from the keyboard through the real main window: recording a contact
// without the mouse, the matching panel finding a known child despite slips, drafts surviving a closed
// window, and a refused contact keeping what was typed with each problem beside its field.
#include "UiTestSupport.h"

#include "people/PersonSearch.h"
#include "widgets/AdultEditor.h"
#include "widgets/ChildEditor.h"
#include "widgets/DateLineEdit.h"
#include "widgets/FieldCell.h"
#include "widgets/MatchingPanel.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>

using namespace frontdoor;

class NewContactFormTest : public QObject {
    Q_OBJECT
private slots:
    void recordsAContactUsingOnlyTheKeyboard();
    void matchingPanelFindsAKnownChildDespiteSlipsAndLinksIt();
    void typingSurvivesClosingTheWindow();
    void draftSavesItselfAfterTypingStops();
    void refusedContactKeepsTheTypingAndShowsEachProblemBesideItsField();
    void shortcutsWorkWhileTyping();
    void adultsAndOtherNamesAreRecorded();
    void aReasonForNoVoiceClearsTheVoiceProblem();
    void receivedKeepsTheMinuteShownNotHiddenSeconds();
};

namespace {

std::unique_ptr<ui::MainWindow> openWindow(test::UiWorkspace& scratch, const core::Session& session) {
    auto window = std::make_unique<ui::MainWindow>(*scratch.ws, session);
    window->resize(1366, 768);
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    return window;
}

ui::NewContactForm* pressNewContact(ui::MainWindow& window) {
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_N,
                    Qt::ControlModifier);
    return window.currentForm();
}

} // namespace

void NewContactFormTest::recordsAContactUsingOnlyTheKeyboard() {
    test::UiWorkspace scratch;
    auto window = openWindow(scratch, scratch.signIn());
    ui::NewContactForm* form = pressNewContact(*window);
    QVERIFY(form);
    QCOMPARE(form->objectName(), QStringLiteral("newContactForm"));

    // Received defaults to now and the channel to phone: the cursor starts in Source.
    TYPE_AT("source", "2A");
    TAB_FROM("source");
    QCOMPARE(form->findChild<QComboBox*>(QStringLiteral("source"))->currentText(), QStringLiteral("2A Schools"));
    TYPE_AT("referrerName", "Dana Whitfield");
    TAB_FROM("referrerName");
    TYPE_AT("referrerAgency", "Brookside Primary");
    TAB_FROM("referrerAgency");
    TYPE_AT("referrerRole", "Designated safeguarding lead");
    TAB_FROM("referrerRole");
    TYPE_AT("referrerPhone", "07700 900123");
    TAB_FROM("referrerPhone");
    TAB_FROM("referrerEmail");
    TAB_FROM("referrerRelationship");
    TAB_FROM("withholdIdentity");
    TYPE_AT("givenName", "Ava");
    TAB_FROM("givenName");
    TYPE_AT("familyName", "Testchild");
    TAB_FROM("familyName");
    TAB_FROM("unborn");
    TYPE_AT("dateOfBirth", "12/03/2015");
    TAB_FROM("dateOfBirth");
    TAB_FROM("dateOfBirthUnknown");
    TYPE_AT("sex", "f");
    TAB_FROM("sex");
    TYPE_AT("ethnicity", "WBRI");
    TAB_FROM("ethnicity");
    TYPE_AT("address", "4 Meadow Close, Runcorn");
    TAB_FROM("address");
    TYPE_AT("postcode", "wa7 5xy");
    TAB_FROM("postcode");
    TYPE_AT("voice", "Ava said she is scared when her dad shouts.");
    TAB_FROM("voice");
    TAB_FROM("voiceMissingReason");
    TAB_FROM("previousNames");
    TAB_FROM("alternativeNames");
    TAB_FROM("addChildButton");
    TAB_FROM("addAdultButton");
    TYPE_AT("concern", "Ava arrived with a bruise on her cheek and said her dad hit her.");
    TAB_FROM("concern");
    TYPE_AT("consentStatus", "g");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);

    // Recorded: the form has gone and the contact is in the database as typed.
    QTRY_VERIFY(window->currentForm() == nullptr);
    core::ContactService contacts(*scratch.ws);
    const auto list = contacts.list({});
    QCOMPARE(list.size(), size_t(1));
    QCOMPARE(list.front().childNames, std::vector<std::string>{"Ava Testchild"});
    const auto shown = contacts.show(list.front().id);
    QCOMPARE(shown.at("source").get<std::string>(), std::string("2A"));
    QCOMPARE(shown.at("channel").get<std::string>(), std::string("phone"));
    QCOMPARE(shown.at("referrer").at("name").get<std::string>(), std::string("Dana Whitfield"));
    QCOMPARE(shown.at("referrer").at("phone").get<std::string>(), std::string("07700 900123"));
    const auto& child = shown.at("children").at(0);
    QCOMPARE(child.at("date_of_birth").get<std::string>(), std::string("2015-03-12"));
    QCOMPARE(child.at("sex").get<std::string>(), std::string("F"));
    QCOMPARE(child.at("ethnicity").get<std::string>(), std::string("WBRI"));
    QCOMPARE(child.at("postcode").get<std::string>(), std::string("WA7 5XY"));
    QCOMPARE(child.at("voice").get<std::string>(), std::string("Ava said she is scared when her dad shouts."));
    QCOMPARE(shown.at("consent").at("status").get<std::string>(), std::string("given"));
    QCOMPARE(shown.at("received_at").get<std::string>(), std::string("2026-11-23T10:00:00.000Z"));
    QCOMPARE(shown.at("recorded_by").get<std::string>(), std::string("sam.screener"));
    // The draft it was typed in became the contact: nothing is left in My drafts.
    QVERIFY(contacts.drafts("sam.screener").empty());
}

void NewContactFormTest::matchingPanelFindsAKnownChildDespiteSlipsAndLinksIt() {
    test::UiWorkspace scratch;
    const auto known = core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, test::johnSmithContact());
    auto window = openWindow(scratch, scratch.signIn());
    ui::NewContactForm* form = pressNewContact(*window);
    QVERIFY(form);
    ui::ChildEditor* child = form->child(0);

    // The referrer spells the name wrongly and gives the date of birth day and month the wrong way round.
    child->givenName()->setFocus();
    QTest::keyClicks(child->givenName(), QStringLiteral("Jon"));
    QTest::keyClick(child->givenName(), Qt::Key_Tab);
    TYPE_AT("familyName", "Smyth");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    TYPE_AT("dateOfBirth", "03/12/2015");

    ui::MatchingPanel* panel = form->matchingPanel();
    QTRY_VERIFY(panel->candidateCount() > 0 && !panel->searching());
    const ui::CandidateView* best = panel->highlighted();
    QVERIFY(best);
    QCOMPARE(best->name, QStringLiteral("John Smith"));
    QCOMPARE(best->person.id, known.personIds.front());
    QVERIFY(best->reasons.join(QLatin1Char(' ')).contains(QStringLiteral("transposed")));
    QCOMPARE(best->contacts.size(), size_t(1)); // the earlier contact is shown

    // One key links the highlighted candidate to the child being typed (after a question, as the
    // spelling and the date differ); empty fields fill in.
    QTimer::singleShot(50, [] {
        if (QWidget* box = QApplication::activeModalWidget())
            if (auto* button = box->findChild<QPushButton*>(QStringLiteral("linkAnyway")))
                button->click();
    });
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
    QApplication::setActiveWindow(window.get()); // offscreen, the closed question stays the active window
    QCOMPARE(child->linkedId(), QString::fromStdString(known.personIds.front()));
    QCOMPARE(child->findChild<QLineEdit*>(QStringLiteral("postcode"))->text(), QStringLiteral("WA7 5XY"));
    QCOMPARE(child->findChild<QLineEdit*>(QStringLiteral("address"))->text(), QStringLiteral("4 Meadow Close, Runcorn"));
    QCOMPARE(child->givenName()->text(), QStringLiteral("Jon")); // the referrer's spelling stays
    QVERIFY(child->findChild<QLabel*>(QStringLiteral("linkBanner"))->isVisible());
    const auto body = form->contactJson();
    QCOMPARE(body.at("children").at(0).at("id").get<std::string>(), known.personIds.front());

    // Ctrl+Shift+U undoes it (Ctrl+Shift+L locks the desk).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(child->linkedId().isEmpty());
}

void NewContactFormTest::typingSurvivesClosingTheWindow() {
    test::UiWorkspace scratch;
    const core::Session session = scratch.signIn();
    {
        auto window = openWindow(scratch, session);
        ui::NewContactForm* form = pressNewContact(*window);
        QVERIFY(form);
        TYPE_AT("source", "police");
        ui::ChildEditor* child = form->child(0);
        child->givenName()->setFocus();
        QTest::keyClicks(child->givenName(), QStringLiteral("Mia"));
        auto* concern = form->findChild<QPlainTextEdit*>(QStringLiteral("concern"));
        concern->setFocus();
        QTest::keyClicks(concern, QStringLiteral("Mia's neighbour heard screaming at 2am"));
        // Closed mid-sentence, before the autosave's second has passed.
        QVERIFY(form->hasUnsavedChanges());
        QVERIFY(window->close());
    }
    const auto drafts = core::ContactService(*scratch.ws).drafts("sam.screener");
    QCOMPARE(drafts.size(), size_t(1));
    QCOMPARE(drafts.front().body.at("concern").get<std::string>(), std::string("Mia's neighbour heard screaming at 2am"));

    // A new window on the same database opens the draft again, as it was left.
    auto window = openWindow(scratch, session);
    QTRY_VERIFY(window->currentForm() != nullptr);
    ui::NewContactForm* form = window->currentForm();
    QCOMPARE(form->draftId(), QString::fromStdString(drafts.front().id));
    QCOMPARE(form->findChild<QPlainTextEdit*>(QStringLiteral("concern"))->toPlainText(),
             QStringLiteral("Mia's neighbour heard screaming at 2am"));
    QCOMPARE(form->child(0)->givenName()->text(), QStringLiteral("Mia"));
    QCOMPARE(form->contactJson().at("source").get<std::string>(), std::string("6")); // "police" settled on 6 Police
}

void NewContactFormTest::draftSavesItselfAfterTypingStops() {
    test::UiWorkspace scratch;
    auto window = openWindow(scratch, scratch.signIn());
    ui::NewContactForm* form = pressNewContact(*window);
    QVERIFY(form);
    form->child(0)->givenName()->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Noah"));
    core::ContactService contacts(*scratch.ws);
    QVERIFY(contacts.drafts("sam.screener").empty()); // not on every key...
    QTRY_COMPARE(contacts.drafts("sam.screener").size(), size_t(1)); // ...but once typing pauses
    QCOMPARE(contacts.drafts("sam.screener").front().body.at("children").at(0).at("given_name").get<std::string>(),
             std::string("Noah"));
    QVERIFY(!form->hasUnsavedChanges());
}

void NewContactFormTest::refusedContactKeepsTheTypingAndShowsEachProblemBesideItsField() {
    test::UiWorkspace scratch;
    auto window = openWindow(scratch, scratch.signIn());
    ui::NewContactForm* form = pressNewContact(*window);
    QVERIFY(form);
    TYPE_AT("source", "2A");
    form->child(0)->givenName()->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Leo"));
    form->child(0)->dateOfBirth()->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("31/02/2015"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);

    // Nothing recorded; each problem beside its field; the cursor on the first; the typing still there.
    QVERIFY(core::ContactService(*scratch.ws).list({}).empty());
    QVERIFY(window->currentForm() == form);
    ui::FieldCell* referrer = form->cellForPath(QStringLiteral("referrer.name"));
    QVERIFY(referrer->hasError());
    ui::FieldCell* family = form->cellForPath(QStringLiteral("children[0].family_name"));
    QVERIFY(family->hasError());
    QVERIFY(family->errorText().contains(QStringLiteral("required")));
    ui::FieldCell* birth = form->cellForPath(QStringLiteral("children[0].date_of_birth"));
    QVERIFY(birth->hasError());
    QVERIFY(birth->errorText().contains(QStringLiteral("dd/mm/yyyy")));
    QVERIFY(form->cellForPath(QStringLiteral("concern"))->hasError());
    QVERIFY(form->cellForPath(QStringLiteral("consent"))->hasError());
    QVERIFY(form->banner()->isVisible());
    QCOMPARE(QApplication::focusWidget(), form->cellForPath(QStringLiteral("referrer.name"))->input());
    QCOMPARE(form->child(0)->givenName()->text(), QStringLiteral("Leo"));
    QCOMPARE(form->child(0)->dateOfBirth()->text(), QStringLiteral("31/02/2015"));
    // The refused typing is safe in the draft too.
    QTRY_COMPARE(core::ContactService(*scratch.ws).drafts("sam.screener").size(), size_t(1));

    // Typing in a field clears its message.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Dana"));
    QVERIFY(!referrer->hasError());
}

void NewContactFormTest::shortcutsWorkWhileTyping() {
    test::UiWorkspace scratch;
    auto window = openWindow(scratch, scratch.signIn());
    ui::NewContactForm* form = pressNewContact(*window);
    QVERIFY(form);

    // Ctrl+Enter in the concern records (here: is refused), it does not add a line.
    auto* concern = form->findChild<QPlainTextEdit*>(QStringLiteral("concern"));
    concern->setFocus();
    QTest::keyClicks(concern, QStringLiteral("Seen with a bruise"));
    QTest::keyClick(concern, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(concern->toPlainText(), QStringLiteral("Seen with a bruise"));
    QVERIFY(form->banner()->isVisible());

    // Ctrl+K in a text box goes to the search box (a line edit would otherwise delete to the end).
    auto* name = form->findChild<QLineEdit*>(QStringLiteral("referrerName"));
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("Dana Whitfield"));
    name->setCursorPosition(4);
    QTest::keyClick(name, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(name->text(), QStringLiteral("Dana Whitfield"));
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("quickSearch"));

    // Ctrl+Shift+N adds a sibling with the family name and address already there, cursor on the name.
    form->child(0)->familyName()->setFocus();
    QTest::keyClicks(form->child(0)->familyName(), QStringLiteral("Okafor"));
    QTest::keyClick(form->child(0)->familyName(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(form->childCount(), 2);
    QCOMPARE(form->child(1)->familyName()->text(), QStringLiteral("Okafor"));
    QCOMPARE(QApplication::focusWidget(), form->child(1)->givenName());

    // Ctrl+W closes the tab and keeps the draft.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::ControlModifier);
    QVERIFY(window->currentForm() == nullptr);
    const auto drafts = core::ContactService(*scratch.ws).drafts("sam.screener");
    QCOMPARE(drafts.size(), size_t(1));
    QCOMPARE(drafts.front().body.at("children").size(), size_t(2));
}

void NewContactFormTest::adultsAndOtherNamesAreRecorded() {
    test::UiWorkspace scratch;
    // A contact typed on Friday, continued from My drafts.
    auto typed = test::johnSmithContact();
    typed["received_at"] = "2026-11-20T15:00:00Z";
    const std::string draftId = core::ContactService(*scratch.ws).saveDraft({"sam.screener", "screener"}, "", typed);
    auto window = openWindow(scratch, scratch.signIn());
    QTRY_VERIFY(window->currentForm() == nullptr || window->currentForm()->draftId().toStdString() == draftId);
    ui::NewContactForm* form = window->openDraft(QString::fromStdString(draftId));
    QVERIFY(form);
    // The child's previous and other names, typed after the voice.
    auto* previous = form->child(0)->findChild<QLineEdit*>(QStringLiteral("previousNames"));
    previous->setFocus();
    QTest::keyClicks(previous, QStringLiteral("John Jones"));
    QTest::keyClick(previous, Qt::Key_Tab);
    TYPE_AT("alternativeNames", "Johnny Smith, Smithy");
    // An adult: date of birth as typed, address, notes.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCoreApplication::processEvents(); // the new adult's fields are shown (as the next key would find them)
    TYPE_AT("adultGivenName", "Leanne");
    TAB_FROM("adultGivenName");
    TYPE_AT("adultFamilyName", "Smith");
    auto* relationship = form->adult(0)->findChild<QComboBox*>(QStringLiteral("relationship"));
    relationship->setCurrentIndex(relationship->findData(QStringLiteral("mother")));
    auto* responsibility = form->adult(0)->findChild<QComboBox*>(QStringLiteral("parentalResponsibility"));
    responsibility->setCurrentIndex(responsibility->findData(QStringLiteral("yes")));
    auto* born = form->adult(0)->findChild<QLineEdit*>(QStringLiteral("adultDateOfBirth"));
    born->setFocus();
    TYPE_AT("adultDateOfBirth", "4.7.91");
    TAB_FROM("adultDateOfBirth");
    TAB_FROM("adultPhone");
    TYPE_AT("adultAddress", "12 Bank Street, Widnes");
    TAB_FROM("adultAddress");
    TYPE_AT("adultPostcode", "wa8 6aa");
    TAB_FROM("adultPostcode");
    TYPE_AT("adultNotes", "Works nights; best reached after 2pm.");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(window->currentForm() == nullptr);

    core::ContactService contacts(*scratch.ws);
    const auto shown = contacts.show(contacts.list({}).front().id);
    const auto& child = shown.at("children").at(0);
    QCOMPARE(child.at("previous_names").at(0).at("family_name").get<std::string>(), std::string("Jones"));
    QCOMPARE(child.at("alternative_names").size(), size_t(2));
    QCOMPARE(child.at("alternative_names").at(0).at("given_name").get<std::string>(), std::string("Johnny"));
    QCOMPARE(child.at("alternative_names").at(1).at("family_name").get<std::string>(), std::string("Smithy"));
    const auto& adult = shown.at("adults").at(0);
    QCOMPARE(adult.at("date_of_birth").get<std::string>(), std::string("1991-07-04"));
    QCOMPARE(adult.at("address").get<std::string>(), std::string("12 Bank Street, Widnes"));
    QCOMPARE(adult.at("postcode").get<std::string>(), std::string("WA8 6AA"));
    QCOMPARE(adult.at("notes").get<std::string>(), std::string("Works nights; best reached after 2pm."));
}

void NewContactFormTest::aReasonForNoVoiceClearsTheVoiceProblem() {
    // The trial: a stale "voice" error stayed under the child's voice after a "No voice because" reason
    // was chosen.
    test::UiWorkspace scratch;
    auto window = openWindow(scratch, scratch.signIn());
    ui::NewContactForm* form = pressNewContact(*window);
    QVERIFY(form);
    form->child(0)->givenName()->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Leo"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    ui::FieldCell* voice = form->cellForPath(QStringLiteral("children[0].voice"));
    QVERIFY(voice);
    QVERIFY(voice->hasError());
    auto* reason = form->findChild<QComboBox*>(QStringLiteral("voiceMissingReason"));
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    QVERIFY(!reason->currentText().isEmpty());
    QVERIFY(!voice->hasError());
}

void NewContactFormTest::receivedKeepsTheMinuteShownNotHiddenSeconds() {
    // The trial: 02:40 typed was stored as 02:40:14.215 (the seconds of the box's default, "now").
    test::UiWorkspace scratch;
    scratch.clock.set(core::parseInstant("2026-11-23T10:02:14.215Z").value());
    auto window = openWindow(scratch, scratch.signIn());
    ui::NewContactForm* form = pressNewContact(*window);
    QVERIFY(form);
    QCOMPARE(form->contactJson().at("received_at").get<std::string>(), std::string("2026-11-23T10:02:00.000Z"));
}

QTEST_MAIN(NewContactFormTest)
#include "NewContactFormTest.moc"
