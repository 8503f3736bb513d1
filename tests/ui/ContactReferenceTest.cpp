// The contact's reference a person reads over the phone ("FD-26-K7Q2-0042") is on screen: in the
// contact's header, above where it stands, over its timeline, in the queue row's tooltip; on the
// strategy discussion record and at the foot of its printed pages (not "contact 01a22125", which every
// contact recorded the same minute shared); and the search box finds the contact by it.
#include "UiTestSupport.h"

#include "models/ContactListModel.h"
#include "support/WorkflowText.h"
#include "widgets/ContactView.h"
#include "widgets/QuickSearchBox.h"
#include "windows/MainWindow.h"
#include "windows/StrategyDiscussionForm.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>

using namespace frontdoor;

class ContactReferenceTest : public QObject {
    Q_OBJECT
private slots:
    void theReferenceIsShownWithTheContactAndInItsQueueRow();
    void theSearchBoxFindsAContactByItsReference();
    void theStrategyDiscussionRecordAndItsFooterCarryTheReference();
};

namespace {

struct Recorded {
    std::string id;
    QString reference;
};

Recorded recordJohn(test::UiWorkspace& scratch) {
    core::ContactService contacts(*scratch.ws);
    const std::string id = contacts.record({"sam.screener", "screener"}, test::johnSmithContact()).contactId;
    return {id, QString::fromStdString(contacts.show(id).at("reference").get<std::string>())};
}

} // namespace

void ContactReferenceTest::theReferenceIsShownWithTheContactAndInItsQueueRow() {
    test::UiWorkspace scratch;
    const Recorded john = recordJohn(scratch);
    QVERIFY(john.reference.startsWith(QStringLiteral("FD-26-")));
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QTRY_COMPARE(window->contactModel()->rowCount(), 1);
    ui::ContactView* detail = window->detailPane();
    QTRY_VERIFY(detail->isLoaded());
    QCOMPARE(detail->contactId(), QString::fromStdString(john.id));

    auto* header = detail->findChild<QLabel*>(QStringLiteral("contactHeader"));
    QVERIFY(header);
    QVERIFY2(header->text().contains(john.reference), qPrintable(header->text()));
    auto* timelineHeading = detail->findChild<QLabel*>(QStringLiteral("timelineHeading"));
    QVERIFY(timelineHeading);
    QVERIFY2(timelineHeading->text().contains(john.reference), qPrintable(timelineHeading->text()));
    bool inRecord = false;
    for (auto* browser : detail->findChildren<QTextBrowser*>())
        inRecord = inRecord || browser->toPlainText().contains(QStringLiteral("Reference ") + john.reference);
    QVERIFY(inRecord);

    // The queue row: its children's cell says the reference when hovered.
    ui::ContactListModel* model = window->contactModel();
    const QString tip = model->data(model->index(0, ui::ContactListModel::Children), Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(john.reference), qPrintable(tip));
}

void ContactReferenceTest::theSearchBoxFindsAContactByItsReference() {
    test::UiWorkspace scratch;
    const Recorded john = recordJohn(scratch);
    recordJohn(scratch); // a second contact, so finding the right one means something
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    QTRY_COMPARE(window->contactModel()->rowCount(), 2);
    QTest::keyClick(window->contactTable(), Qt::Key_K, Qt::ControlModifier);
    ui::QuickSearchBox* search = window->quickSearch();
    QCOMPARE(QApplication::focusWidget(), search);
    QSignalSpy chosen(search, &ui::QuickSearchBox::contactChosen);
    QTest::keyClicks(search, john.reference.toLower()); // typed as heard, in lower case
    QTRY_VERIFY(search->resultsVisible());
    QCOMPARE(search->resultCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(chosen.count(), 1);
    QCOMPARE(chosen.front().front().toString(), QString::fromStdString(john.id));
}

void ContactReferenceTest::theStrategyDiscussionRecordAndItsFooterCarryTheReference() {
    test::UiWorkspace scratch;
    const Recorded john = recordJohn(scratch);
    auto window = test::showWindow<ui::MainWindow>(scratch, scratch.signIn());
    ui::StrategyDiscussionForm* form = window->openStrategy(QString::fromStdString(john.id));
    QVERIFY(form);
    QTRY_VERIFY(form->isLoaded());
    const QString footer = form->pageFooter();
    QVERIFY2(footer.contains(QStringLiteral("contact ") + john.reference), qPrintable(footer));
    QVERIFY(!footer.contains(QString::fromStdString(john.id).left(8)));
    QVERIFY(footer.contains(QStringLiteral("TRAINING")));
    // The record itself, as printed.
    const auto contact = core::ContactService(*scratch.ws).show(john.id);
    const QString record = ui::strategyDiscussionHtml(nlohmann::json::object(), contact);
    QVERIFY(record.contains(john.reference));
}

QTEST_MAIN(ContactReferenceTest)
#include "ContactReferenceTest.moc"
