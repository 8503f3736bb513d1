// Issue 11 points 9 and 12, through the real window: steady typing is kept (a draft is saved at least
// every 1.5 seconds while typing goes on, not only a second after it stops), a restored draft puts
// the cursor back where it was, and the screening form's indicator search finds the words people type
// ("bruise", "slapped").
#include "UiTestSupport.h"

#include "models/ContactListModel.h"
#include "widgets/ChildEditor.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"
#include "windows/ScreeningForm.h"
#include "workflow/FormDrafts.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

using namespace frontdoor;

class TypingKeptTest : public QObject {
    Q_OBJECT
private slots:
    void indicatorSearchFindsTheWordsPeopleType();
    void newContactKeepsSteadyTyping();
    void screeningKeepsSteadyTyping();
    void newContactDraftPutsTheCursorBack();
    void screeningDraftPutsTheCursorBack();
};

namespace {

const core::Actor kSam{"sam.screener", "screener"};

/// What was typed one key every `gapMs`, and when each key went in (ms since the first).
struct SteadyTyping {
    QString text;
    QList<qint64> at;
    qint64 total = 0;

    /// The keys typed at least `ms` before the typing ended: what a crash now must not lose.
    int typedBefore(qint64 ms) const {
        int count = 0;
        for (qint64 when : at)
            count += when <= total - ms ? 1 : 0;
        return count;
    }
};

SteadyTyping typeSteadily(QWidget* widget, const QString& text, int gapMs = 100) {
    SteadyTyping typing{text, {}, 0};
    QElapsedTimer clock;
    clock.start();
    for (const QChar c : text) {
        QTest::keyClick(widget, c.toLatin1());
        typing.at << clock.elapsed();
        QTest::qWait(gapMs);
    }
    typing.total = clock.elapsed();
    return typing;
}

std::unique_ptr<ui::MainWindow> openWindow(test::UiWorkspace& scratch) {
    auto window = std::make_unique<ui::MainWindow>(*scratch.ws, scratch.signIn());
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

/// Ctrl+E on the only contact waiting for screening.
ui::ScreeningForm* startScreening(ui::MainWindow& window) {
    if (!QTest::qWaitFor([&] { return window.contactModel()->rowCount() == 1 && window.contactTable()->currentIndex().row() == 0; }))
        return nullptr;
    window.contactTable()->setFocus();
    QTest::keyClick(window.contactTable(), Qt::Key_E, Qt::ControlModifier);
    auto* form = qobject_cast<ui::ScreeningForm*>(window.workTabs()->currentWidget());
    if (!form || !QTest::qWaitFor([&] { return form->isLoaded(); }))
        return nullptr;
    return form;
}

/// Enter on the only row of a queue, as a person opens their work.
ui::ScreeningForm* reopenFromMyWork(ui::MainWindow& window) {
    if (!window.showQueue(QStringLiteral("my_work")))
        return nullptr;
    if (!QTest::qWaitFor([&] { return window.contactModel()->rowCount() == 1 && window.contactTable()->currentIndex().row() == 0; }))
        return nullptr;
    window.contactTable()->setFocus();
    QTest::keyClick(window.contactTable(), Qt::Key_Return);
    auto* form = qobject_cast<ui::ScreeningForm*>(window.workTabs()->currentWidget());
    if (!form || !QTest::qWaitFor([&] { return form->isLoaded(); }))
        return nullptr;
    return form;
}

/// The ids of the indicators the picker shows now (the tooltip starts with the id).
QStringList shownIndicators(QTreeView* view) {
    QStringList ids;
    auto* model = qobject_cast<QStandardItemModel*>(view->model());
    for (int g = 0; model && g < model->rowCount(); ++g) {
        if (view->isRowHidden(g, {}))
            continue;
        QStandardItem* group = model->item(g);
        for (int r = 0; r < group->rowCount(); ++r)
            if (!view->isRowHidden(r, group->index()))
                ids << group->child(r)->toolTip().section(QStringLiteral(" · "), 0, 0);
    }
    return ids;
}

std::string savedRisks(test::UiWorkspace& scratch, const std::string& id) {
    const auto draft = core::FormDrafts(*scratch.ws).load(kSam, id, "screening");
    if (!draft)
        return {};
    return draft->value("typed", nlohmann::json::object()).value("risks", std::string());
}

} // namespace

void TypingKeptTest::indicatorSearchFindsTheWordsPeopleType() {
    test::UiWorkspace scratch;
    core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, test::miaThorntonContact());
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    auto* form = startScreening(*window);
    QVERIFY(form);

    // "bruise": every indicator about a physical injury, whether or not its wording says bruise.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(test::focusName(), QStringLiteral("indicatorSearch"));
    QTest::keyClicks(form->indicatorSearch(), "bruise");
    QStringList shown = shownIndicators(form->indicatorView());
    QVERIFY2(shown.contains("UNEXPLAINED_INJURY"), qPrintable(shown.join(' ')));
    QVERIFY(shown.contains("NMB_INJURY"));
    QVERIFY(shown.contains("INJURY_EXPLAINED"));
    QVERIFY(!shown.contains("NEEDS_MET"));

    // A caller's word, with its ending: "slapped" finds the disclosure of abuse; Down and Space tick it.
    form->indicatorSearch()->clear();
    QTest::keyClicks(form->indicatorSearch(), "slapped");
    shown = shownIndicators(form->indicatorView());
    QVERIFY2(shown.contains("ABUSE_DISCLOSURE"), qPrintable(shown.join(' ')));
    QVERIFY(!shown.contains("NEEDS_MET"));
    form->indicatorSearch()->clear();
    QTest::keyClicks(form->indicatorSearch(), "slapped disclosure");
    QCOMPARE(shownIndicators(form->indicatorView()), QStringList{"ABUSE_DISCLOSURE"});
    QTest::keyClick(form->indicatorSearch(), Qt::Key_Down);
    QTest::keyClick(form->indicatorView(), Qt::Key_Space);
    QCOMPARE(form->tickedIndicators(), QStringList{"ABUSE_DISCLOSURE"});
}

void TypingKeptTest::newContactKeepsSteadyTyping() {
    test::UiWorkspace scratch;
    auto window = openWindow(scratch);
    ui::NewContactForm* form = pressNewContact(*window);
    QVERIFY(form);
    auto* concern = form->findChild<QPlainTextEdit*>(QStringLiteral("concern"));
    concern->setFocus();

    // Three seconds of steady typing, never a pause of a second; then, at once, what a kill -9 would
    // find in the database.
    const SteadyTyping typing = typeSteadily(concern, QStringLiteral("Dad hit Mia; bruise on her arm"));
    QCOMPARE(concern->toPlainText(), typing.text);
    const auto drafts = core::ContactService(*scratch.ws).drafts("sam.screener");
    QCOMPARE(drafts.size(), size_t(1));
    const QString saved = QString::fromStdString(drafts.front().body.value("concern", std::string()));
    QVERIFY2(typing.text.startsWith(saved), qPrintable(saved));
    QVERIFY2(saved.size() >= typing.typedBefore(2000),
             qPrintable(QStringLiteral("saved \"%1\" after %2 ms of typing").arg(saved).arg(typing.total)));
}

void TypingKeptTest::screeningKeepsSteadyTyping() {
    test::UiWorkspace scratch;
    const std::string id =
        core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, test::miaThorntonContact()).contactId;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    auto* form = startScreening(*window);
    QVERIFY(form);
    auto* risks = form->findChild<QPlainTextEdit*>(QStringLiteral("risks"));
    risks->setFocus();

    const SteadyTyping typing = typeSteadily(risks, QStringLiteral("Physical harm; mum scared of him"));
    QCOMPARE(risks->toPlainText(), typing.text);
    const QString saved = QString::fromStdString(savedRisks(scratch, id));
    QVERIFY2(typing.text.startsWith(saved), qPrintable(saved));
    QVERIFY2(saved.size() >= typing.typedBefore(2000),
             qPrintable(QStringLiteral("saved \"%1\" after %2 ms of typing").arg(saved).arg(typing.total)));
}

void TypingKeptTest::newContactDraftPutsTheCursorBack() {
    test::UiWorkspace scratch;
    {
        auto window = openWindow(scratch);
        ui::NewContactForm* form = pressNewContact(*window);
        QVERIFY(form);
        form->child(0)->givenName()->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Mia"));
        auto* concern = form->findChild<QPlainTextEdit*>(QStringLiteral("concern"));
        concern->setFocus();
        // Typing, then back three characters to put a word in the middle: the cursor is not at the end.
        QTest::keyClicks(concern, QStringLiteral("Neighbour heard screaming at 2am"));
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(concern, Qt::Key_Left);
        QTest::keyClicks(concern, QStringLiteral("about "));
        QCOMPARE(concern->toPlainText(), QStringLiteral("Neighbour heard screaming at about 2am"));
        QCOMPARE(concern->textCursor().position(), 35);
        QVERIFY(window->close());
    }
    const auto drafts = core::ContactService(*scratch.ws).drafts("sam.screener");
    QCOMPARE(drafts.size(), size_t(1));
    QCOMPARE(drafts.front().body.value("cursor", nlohmann::json()).dump(), std::string(R"({"field":"concern","position":35})"));
    // Opened again: the concern has the cursor, where it was, not the first empty field.
    auto window = openWindow(scratch);
    QTRY_VERIFY(window->currentForm() != nullptr);
    ui::NewContactForm* form = window->currentForm();
    QTRY_COMPARE(test::focusName(), QStringLiteral("concern"));
    QCOMPARE(form->findChild<QPlainTextEdit*>(QStringLiteral("concern"))->textCursor().position(), 35);
}

void TypingKeptTest::screeningDraftPutsTheCursorBack() {
    test::UiWorkspace scratch;
    const std::string id =
        core::ContactService(*scratch.ws).record({"jo.screener", "screener"}, test::miaThorntonContact()).contactId;
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    auto* form = startScreening(*window);
    QVERIFY(form);
    auto* strengths = form->findChild<QPlainTextEdit*>(QStringLiteral("strengths"));
    strengths->setFocus();
    QTest::keyClicks(strengths, QStringLiteral("Mother protective; gran nearby"));
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(strengths, Qt::Key_Left);
    QTest::keyClicks(strengths, QStringLiteral("maternal "));
    QCOMPARE(strengths->toPlainText(), QStringLiteral("Mother protective; gran maternal nearby"));
    QCOMPARE(strengths->textCursor().position(), 33);
    QTest::keyClick(strengths, Qt::Key_W, Qt::ControlModifier); // closes the tab, keeping the draft
    QTRY_VERIFY(qobject_cast<ui::ScreeningForm*>(window->workTabs()->currentWidget()) == nullptr);
    QVERIFY(core::FormDrafts(*scratch.ws).load(kSam, id, "screening").has_value());

    // Opened again from My work: back in the strengths, at the place the typing was, not the first field.
    form = reopenFromMyWork(*window);
    QVERIFY(form);
    QTRY_COMPARE(test::focusName(), QStringLiteral("strengths"));
    QCOMPARE(form->findChild<QPlainTextEdit*>(QStringLiteral("strengths"))->textCursor().position(), 33);
}

QTEST_MAIN(TypingKeptTest)
#include "TypingKeptTest.moc"
