#pragma once
// Shared by the QTest tests of the windows: a scratch database with the demo users and a fixed clock,
// settings kept in a scratch folder, and a helper that types into whatever has the keyboard focus,
// checking first that the focus is where a person following the form would expect it.

#include "Workspace.h"
#include "contacts/ContactService.h"
#include "demo/DemoData.h"
#include "rules/ScreeningDecisionService.h"
#include "users/UserService.h"
#include "util/Clock.h"
#include "workflow/ContactWorkflow.h"

#include <QApplication>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

namespace frontdoor::test {

/// 2026-11-23T10:00:00Z, a Monday morning.
inline core::Instant uiTestNow() { return core::parseInstant("2026-11-23T10:00:00Z").value(); }

struct UiWorkspace {
    QTemporaryDir folder;
    core::FixedClock clock{uiTestNow()};
    std::unique_ptr<core::Workspace> ws;

    UiWorkspace() {
        // Window state and open drafts live in QSettings: keep them out of the real user's.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder.filePath(QStringLiteral("settings")));
        // The desk's key and sealed chain head (store/DeskSeal.h) too: keep them out of the real home.
        qputenv("XDG_DATA_HOME", folder.filePath(QStringLiteral("data")).toUtf8());
        // A training database: the only kind (besides demo) that runs on a fixed clock.
        ws = core::Workspace::create(path().toStdString(), clock, core::DatabaseMode::Training);
        core::addDemoUsers(*ws, "");
    }
    QString path() const { return folder.filePath(QStringLiteral("frontdoor.sqlite")); }
    core::Session signIn(const std::string& user = "sam.screener", const std::string& pin = "417205",
                         const std::string& role = "screener") {
        return core::UserService(*ws).signIn(user, pin, role);
    }
};

/// The object name of the focused widget, or of the nearest named ancestor (a combo box's line edit).
inline QString focusName() {
    for (QWidget* widget = QApplication::focusWidget(); widget; widget = widget->parentWidget())
        if (!widget->objectName().isEmpty() && !widget->objectName().startsWith(QLatin1String("qt_")))
            return widget->objectName();
    return {};
}

/// A contact about John Smith, born 12/03/2015, recorded through core (as another desk would).
inline nlohmann::json johnSmithContact() {
    return nlohmann::json::parse(R"({
      "received_at": "2026-06-15T09:15:00Z", "channel": "phone", "source": "2A",
      "referrer": {"name": "Dana Whitfield", "agency": "Brookside Primary"},
      "children": [{"given_name": "John", "family_name": "Smith", "date_of_birth": "2015-03-12", "sex": "M",
                    "ethnicity": "WBRI", "address": "4 Meadow Close, Runcorn", "postcode": "WA7 5XY",
                    "voice": "John said he is scared when his dad shouts."}],
      "concern": "John arrived with a bruise on his cheek.",
      "consent": {"status": "given"}
    })");
}

/// A police notification about Mia Thornton, received at 08:40 on the test's Monday (from the core
/// workflow tests): the rules suggest a strategy discussion for ABUSE_DISCLOSURE.
inline nlohmann::json miaThorntonContact() {
    return nlohmann::json::parse(R"json({
      "received_at": "2026-11-23T08:40:00Z", "channel": "police_notification", "source": "6",
      "referrer": {"name": "PC Rowan Ellery", "agency": "Police (public protection unit)", "role": "Officer"},
      "children": [{"given_name": "Mia", "family_name": "Thornton", "date_of_birth": "2019-05-02",
                    "voice": "Mia told officers \"daddy hurt mummy and my arm\"."}],
      "adults": [{"given_name": "Leanne", "family_name": "Thornton", "relationship": "mother",
                  "parental_responsibility": "yes"}],
      "concern": "Domestic incident overnight; Mia has a bruised forearm and says her father grabbed her.",
      "consent": {"status": "not_sought", "basis_without_consent": "Risk of significant harm; evidence."}
    })json");
}

/// Shows a main window for `session`, at the small screen size the app must fit.
template <class Window>
std::unique_ptr<Window> showWindow(UiWorkspace& scratch, const core::Session& session) {
    auto window = std::make_unique<Window>(*scratch.ws, session);
    window->resize(1366, 768);
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    return window;
}

/// Types into a table cell as a person would: the first key opens the cell's editor, the rest go to
/// it, and Tab then Escape leave it with the text in the cell.
inline void typeInCell(QTableWidget* table, int row, int column, const QString& text) {
    table->setFocus(Qt::OtherFocusReason);
    table->setCurrentCell(row, column);
    QTest::keyClicks(table, text.left(1));
    QTest::keyClicks(QApplication::focusWidget(), text.mid(1));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
}

/// How many times the record was read (the access log: record.viewed facts about it).
inline int readsOf(core::Workspace& ws, const std::string& subject) {
    int reads = 0;
    for (const auto& fact : ws.facts().factsAbout(subject))
        reads += fact.type == "record.viewed" ? 1 : 0;
    return reads;
}

/// Screens the contact and recommends what the rules suggest for `indicator` (as the core workflow
/// tests do), for tests that start at sign-off.
inline void recommendAsSuggested(core::Workspace& ws, const core::Actor& by, const std::string& id,
                                 const std::string& indicator) {
    core::ContactWorkflow workflow(ws);
    workflow.startScreening(by, id);
    const auto suggestion = core::ScreeningDecisionService(ws).screenRecorded(id, {{"indicators", {indicator}}}).toJson();
    workflow.recommend(by, id,
                       {{"indicators", {indicator}}, {"level", suggestion["level"]}, {"outcome", suggestion["outcome"]},
                        {"rag", suggestion["rag"]}, {"recommendation", "Recommend as the threshold guidance suggests."}});
}

} // namespace frontdoor::test

/// Checks the focus is on `expected`, then types `text` there.
#define TYPE_AT(expected, text)                                                                                  \
    do {                                                                                                         \
        QCOMPARE(frontdoor::test::focusName(), QStringLiteral(expected));                                        \
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral(text));                                     \
    } while (false)

/// Checks the focus is on the widget named by the string `name`, then presses Tab.
#define TAB_FROM_NAME(name)                                                                                      \
    do {                                                                                                         \
        QCOMPARE(frontdoor::test::focusName(), QString::fromLatin1(name));                                       \
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);                                               \
    } while (false)

/// Checks the focus is on `expected`, then presses Tab.
#define TAB_FROM(expected)                                                                                       \
    do {                                                                                                         \
        QCOMPARE(frontdoor::test::focusName(), QStringLiteral(expected));                                        \
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);                                               \
    } while (false)
