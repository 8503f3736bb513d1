// Adults are people too, on the desktop (issue 13): typing the mother's partner on a new contact finds
// him from another family's contact, with his role there, and links him; the person view shows every
// contact he appears in and the household around him.
#include "UiTestSupport.h"

#include "people/PersonSearch.h"
#include "widgets/AdultEditor.h"
#include "widgets/ChildEditor.h"
#include "widgets/HouseholdPanel.h"
#include "widgets/MatchingPanel.h"
#include "widgets/PersonView.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"

#include <QLabel>
#include <QListView>
#include <QTabWidget>
#include <QPushButton>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>

using namespace frontdoor;

class HouseholdTest : public QObject {
    Q_OBJECT
private slots:
    void anAdultKnownInAnotherFamilyIsMatchedAndLinked();
    void personViewShowsTheHousehold();
};

namespace {

// Family A: Amy Brown, her mother Lisa, and Lisa's partner Darren Hughes.
core::RecordedContact recordFamilyA(test::UiWorkspace& scratch) {
    auto input = test::johnSmithContact();
    input["children"] = nlohmann::json::array({{{"given_name", "Amy"}, {"family_name", "Brown"},
                                                {"date_of_birth", "2016-05-09"}, {"voice", "Amy said Darren shouts."}}});
    input["adults"] = nlohmann::json::array(
        {{{"given_name", "Lisa"}, {"family_name", "Brown"}, {"relationship", "mother"}, {"parental_responsibility", "yes"}},
         {{"given_name", "Darren"}, {"family_name", "Hughes"}, {"relationship", "parent_partner"},
          {"parental_responsibility", "no"}, {"date_of_birth", "1990-04-02"}}});
    return core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, input);
}

std::unique_ptr<ui::MainWindow> openWindow(test::UiWorkspace& scratch) {
    auto window = std::make_unique<ui::MainWindow>(*scratch.ws, scratch.signIn());
    window->resize(1366, 768);
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    return window;
}

} // namespace

void HouseholdTest::anAdultKnownInAnotherFamilyIsMatchedAndLinked() {
    test::UiWorkspace scratch;
    const auto familyA = recordFamilyA(scratch);
    const QString darrenId = QString::fromStdString(familyA.adultPersonIds.at(1));
    auto window = openWindow(scratch);
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(), Qt::Key_N,
                    Qt::ControlModifier);
    ui::NewContactForm* form = window->currentForm();
    QVERIFY(form);

    // Another family's contact: the screener adds an adult (Ctrl+Shift+A) and types him.
    form->child(0)->givenName()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCoreApplication::processEvents();
    TYPE_AT("adultGivenName", "Darren");
    TAB_FROM("adultGivenName");
    TYPE_AT("adultFamilyName", "Hughes");
    auto* born = form->adult(0)->findChild<QLineEdit*>(QStringLiteral("adultDateOfBirth"));
    born->setFocus();
    TYPE_AT("adultDateOfBirth", "02/04/1990");

    ui::MatchingPanel* panel = form->matchingPanel();
    QTRY_VERIFY(panel->candidateCount() > 0 && !panel->searching());
    const ui::CandidateView* best = panel->highlighted();
    QVERIFY(best);
    QCOMPARE(best->person.id, darrenId.toStdString());
    QCOMPARE(best->contacts.size(), size_t(1));
    QCOMPARE(best->contacts.front().what, QStringLiteral("as Parent's partner (Amy Brown)"));
    QVERIFY(panel->linkButton()->text().contains(QStringLiteral("Adult 1")));

    // Ctrl+L links him; the contact carries his person.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(form->adult(0)->linkedId(), darrenId);
    QVERIFY(form->adult(0)->findChild<QLabel*>(QStringLiteral("adultLinked"))->isVisible());
    QCOMPARE(QString::fromStdString(form->contactJson().at("adults").at(0).at("person_id").get<std::string>()), darrenId);

    // Back on the child, the panel is the child's again, and offers children only.
    form->child(0)->givenName()->setFocus();
    QTest::keyClicks(form->child(0)->givenName(), QStringLiteral("Amy"));
    QTest::keyClick(form->child(0)->givenName(), Qt::Key_Tab);
    TYPE_AT("familyName", "Brown");
    QTRY_VERIFY(!panel->searching() && panel->candidateCount() == 1 &&
                panel->listView()->model()->index(0, 0).data().toString().contains(QStringLiteral("Amy Brown")));
    panel->moveHighlight(1);
    QVERIFY(panel->highlighted());
    QCOMPARE(panel->highlighted()->name, QStringLiteral("Amy Brown"));
    QVERIFY(panel->linkButton()->text().contains(QStringLiteral("Child 1")));
    form->discard(false);
}

void HouseholdTest::personViewShowsTheHousehold() {
    test::UiWorkspace scratch;
    const auto familyA = recordFamilyA(scratch);
    // Family B names Darren again, as Kai's father.
    auto input = test::johnSmithContact();
    input["received_at"] = "2026-07-01T09:00:00Z";
    input["children"] = nlohmann::json::array({{{"given_name", "Kai"}, {"family_name", "Green"},
                                                {"date_of_birth", "2019-01-20"}, {"voice", "Kai was quiet."}}});
    input["adults"] = nlohmann::json::array({{{"given_name", "Darren"}, {"family_name", "Hughes"},
                                              {"relationship", "father"}, {"parental_responsibility", "yes"},
                                              {"person_id", familyA.adultPersonIds.at(1)}}});
    core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, input);
    auto window = openWindow(scratch);

    ui::PersonView* view = window->openPerson(QString::fromStdString(familyA.adultPersonIds.at(1)));
    QTRY_VERIFY(view->isLoaded());
    QVERIFY(view->findChild<QLabel*>(QStringLiteral("personDetails"))->text().contains(QStringLiteral("Adult")));
    // Both contacts, in any family, with his role in each.
    auto* contacts = view->findChild<QTableView*>(QStringLiteral("personContacts"));
    QCOMPARE(contacts->model()->rowCount(), 2);
    QStringList roles;
    for (int row = 0; row < 2; ++row)
        for (int column = 0; column < contacts->model()->columnCount(); ++column)
            if (!contacts->isColumnHidden(column) &&
                contacts->model()->index(row, column).data().toString().contains(QStringLiteral(" · ")))
                roles << contacts->model()->index(row, column).data().toString();
    QCOMPARE(roles, (QStringList{QStringLiteral("Father · Kai Green"), QStringLiteral("Parent's partner · Amy Brown")}));

    // The household: both children first, then Lisa.
    auto* household = view->findChild<QTableWidget*>(QStringLiteral("householdTable"));
    QVERIFY(household && household->isVisible());
    QCOMPARE(household->rowCount(), 3);
    QStringList members;
    for (int row = 0; row < household->rowCount(); ++row)
        members << household->item(row, 0)->text() + QStringLiteral(" (") + household->item(row, 2)->text() + QLatin1Char(')');
    QCOMPARE(members, (QStringList{QStringLiteral("Kai Green (Child)"), QStringLiteral("Amy Brown (Child)"),
                                   QStringLiteral("Lisa Brown (Mother)")}));
    QVERIFY(view->findChild<QLabel*>(QStringLiteral("householdHeading"))->text().contains(QStringLiteral("2 child")));

    // Enter on a member opens their person view.
    auto* tabs = window->findChild<QTabWidget*>(QStringLiteral("workTabs"));
    QVERIFY(tabs);
    const int tabsBefore = tabs->count();
    household->setFocus();
    household->setCurrentCell(2, 0);
    QTest::keyClick(household, Qt::Key_Return);
    QTRY_COMPARE(tabs->count(), tabsBefore + 1);
    auto* lisa = qobject_cast<ui::PersonView*>(tabs->currentWidget());
    QVERIFY(lisa);
    QCOMPARE(lisa->personId(), QString::fromStdString(familyA.adultPersonIds.at(0)));
}

QTEST_MAIN(HouseholdTest)
#include "HouseholdTest.moc"
