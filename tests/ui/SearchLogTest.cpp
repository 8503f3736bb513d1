// Searches in the desktop are part of the record (issue 10, point 3): the search box (Ctrl+K) and the
// new-contact form's matching panel log who searched for what and how many results came back, once
// the typing stops, not at every keystroke.
#include "UiTestSupport.h"

#include "search/SearchLog.h"
#include "support/BackgroundReader.h"
#include "widgets/MatchingPanel.h"
#include "widgets/QuickSearchBox.h"

#include <QLineEdit>
#include <QVBoxLayout>

using namespace frontdoor;

namespace {

std::vector<core::Fact> searchesIn(core::Workspace& ws) {
    std::vector<core::Fact> found;
    auto stmt = ws.db().prepare("SELECT id FROM facts WHERE type = 'search.performed' ORDER BY hlc");
    while (stmt.step())
        found.push_back(*ws.facts().fact(stmt.text(0)));
    return found;
}

} // namespace

class SearchLogTest : public QObject {
    Q_OBJECT
private slots:
    void theSearchBoxLogsTheSearchTheTypingStoppedAt();
    void leavingTheSearchBoxLogsAtOnce();
    void theMatchingPanelLogsOnceTheTypingStops();
};

void SearchLogTest::theSearchBoxLogsTheSearchTheTypingStoppedAt() {
    test::UiWorkspace scratch;
    core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, test::johnSmithContact());
    ui::BackgroundReader reader(scratch.path().toStdString(), scratch.clock, QStringLiteral("search"));
    QWidget window;
    auto* box = new ui::QuickSearchBox(reader, {"mo.manager", "duty_manager"});
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(box);
    window.resize(800, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    box->setFocus();

    QTest::keyClicks(box, QStringLiteral("Smi"));
    QTRY_VERIFY(box->resultsVisible() && box->resultCount() > 0); // a search ran for "Smi"
    QTest::keyClicks(box, QStringLiteral("th"));
    QTRY_VERIFY_WITH_TIMEOUT(!searchesIn(*scratch.ws).empty(), 10000);
    QTest::qWait(ui::QuickSearchBox::kLogAfterMs + 500); // nothing more is coming
    const auto searches = searchesIn(*scratch.ws);
    QCOMPARE(searches.size(), size_t(1));
    QCOMPARE(searches[0].userId, std::string("mo.manager"));
    QCOMPARE(searches[0].role, std::string("duty_manager"));
    QCOMPARE(searches[0].payload["kind"].get<std::string>(), std::string("quick"));
    QCOMPARE(searches[0].payload["query"]["text"].get<std::string>(), std::string("Smith"));
    QVERIFY(searches[0].payload["results"].get<int>() >= 1);
}

void SearchLogTest::leavingTheSearchBoxLogsAtOnce() {
    test::UiWorkspace scratch;
    core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, test::johnSmithContact());
    ui::BackgroundReader reader(scratch.path().toStdString(), scratch.clock, QStringLiteral("search"));
    QWidget window;
    auto* box = new ui::QuickSearchBox(reader, {"sam.screener", "screener"});
    auto* elsewhere = new QLineEdit;
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(box);
    layout->addWidget(elsewhere);
    window.resize(800, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    box->setFocus();
    QTest::keyClicks(box, QStringLiteral("Nobody"));
    QTRY_VERIFY(box->resultsVisible());
    elsewhere->setFocus();
    QTRY_VERIFY(!searchesIn(*scratch.ws).empty());
    const auto searches = searchesIn(*scratch.ws);
    QCOMPARE(searches.size(), size_t(1));
    QCOMPARE(searches[0].payload["query"]["text"].get<std::string>(), std::string("Nobody"));
    QCOMPARE(searches[0].payload["results"].get<int>(), 0);
}

void SearchLogTest::theMatchingPanelLogsOnceTheTypingStops() {
    test::UiWorkspace scratch;
    core::ContactService(*scratch.ws).record({"sam.screener", "screener"}, test::johnSmithContact());
    ui::BackgroundReader reader(scratch.path().toStdString(), scratch.clock, QStringLiteral("match"));
    ui::MatchingPanel panel(reader, {"sam.screener", "screener"});
    panel.show();
    core::PersonQuery query;
    query.familyName = "Smi";
    panel.search(query, QStringLiteral("Child 1"));
    QTRY_VERIFY(!panel.searching());
    query.familyName = "Smith";
    query.dateOfBirth = core::parseDate("2015-03-12");
    panel.search(query, QStringLiteral("Child 1"));
    QTRY_VERIFY(!panel.searching());
    QCOMPARE(panel.candidateCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!searchesIn(*scratch.ws).empty(), 10000);
    QTest::qWait(ui::MatchingPanel::kLogAfterMs + 500);
    const auto searches = searchesIn(*scratch.ws);
    QCOMPARE(searches.size(), size_t(1));
    QCOMPARE(searches[0].userId, std::string("sam.screener"));
    QCOMPARE(searches[0].payload["kind"].get<std::string>(), std::string("matching"));
    QCOMPARE(searches[0].payload["query"]["family"].get<std::string>(), std::string("Smith"));
    QCOMPARE(searches[0].payload["query"]["dob"].get<std::string>(), std::string("2015-03-12"));
    QCOMPARE(searches[0].payload["results"].get<int>(), 1);
}

QTEST_MAIN(SearchLogTest)
#include "SearchLogTest.moc"
