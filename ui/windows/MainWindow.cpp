#include "windows/MainWindow.h"
#include "windows/AccessReportPage.h"
#include "windows/ConflictsPage.h"
#include "windows/DuplicatesPage.h"

#include "contacts/ContactService.h"
#include "contacts/Outcomes.h"
#include "dialogs/CorrectionDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "dialogs/WorkflowDialogs.h"
#include "people/PersonSearch.h"
#include "support/IdleLock.h"
#include "support/SyncRunner.h"
#include "support/WorkflowText.h"
#include "widgets/CountdownDelegate.h"
#include "widgets/SyncIndicator.h"
#include "windows/HandoverView.h"
#include "windows/ScreeningForm.h"
#include "windows/SignOffForm.h"
#include "windows/StrategyDiscussionForm.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/Queues.h"
#include "models/ContactListModel.h"
#include "models/QueueListModel.h"
#include "support/BackgroundReader.h"
#include "support/FormDraftKeeper.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "users/Roles.h"
#include "widgets/ContactView.h"
#include "widgets/PersonView.h"
#include "people/AdultPeople.h"
#include "widgets/QueueColumns.h"
#include "widgets/QueueSidebar.h"
#include "widgets/QuickSearchBox.h"
#include "windows/NewContactForm.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPointer>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QStyle>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

constexpr int kCountsRefreshMs = 60'000;
/// How long a contact stays in the queue's detail pane before it counts as read (and is logged).
constexpr int kDwellBeforeReadMs = 2'000;
const char* kTabKey = "frontdoorTabKey";

/// Saves a page's draft before it closes (a new contact, or a workflow form's typing). False if it
/// could not be saved and the person chose to keep the page open (asked only when `askOnFailure`).
bool prepareToClose(QWidget* page, bool askOnFailure) {
    if (auto* form = qobject_cast<NewContactForm*>(page))
        return form->prepareToClose(askOnFailure);
    if (auto* form = qobject_cast<ScreeningForm*>(page))
        return form->prepareToClose(askOnFailure);
    if (auto* form = qobject_cast<SignOffForm*>(page))
        return form->prepareToClose(askOnFailure);
    if (auto* form = qobject_cast<StrategyDiscussionForm*>(page))
        return form->prepareToClose(askOnFailure);
    return true;
}

QString contactOf(QWidget* page) {
    if (auto* view = qobject_cast<ContactView*>(page))
        return view->contactId();
    if (auto* form = qobject_cast<ScreeningForm*>(page))
        return form->contactId();
    if (auto* form = qobject_cast<SignOffForm*>(page))
        return form->contactId();
    if (auto* form = qobject_cast<StrategyDiscussionForm*>(page))
        return form->contactId();
    if (auto* view = qobject_cast<HandoverView*>(page))
        return view->contactId();
    return {};
}

QString openDraftsKey(const core::Session& session) {
    return QStringLiteral("openDrafts/") + qs(session.user.id);
}

QString openFormsKey(const core::Session& session) {
    return QStringLiteral("openForms/") + qs(session.user.id);
}

/// The workflow forms that keep drafts, by the prefix of their tab key and core's form name.
struct WorkflowFormKind {
    const char* tabPrefix;
    const char* draftForm;
};
constexpr WorkflowFormKind kWorkflowForms[] = {
    {"screening:", "screening"}, {"signoff:", "signoff"}, {"strategy:", "strategy"}};

} // namespace

MainWindow::MainWindow(core::Workspace& workspace, core::Session session, QWidget* parent)
    : QMainWindow(parent), workspace_(workspace), session_(std::move(session)) {
    ScopedUiTiming timing("main window open");
    setObjectName(QStringLiteral("mainWindow"));
    // The name once, at the end: the platform adds the application's display name ("Frontdoor") to a
    // title that does not already end with it, which made "Frontdoor — Sam, Screener — Frontdoor".
    QString title = tr("%1, %2 — Frontdoor").arg(qs(session_.user.displayName), qs(core::roleLabel(session_.role)));
    // A training or demo database is never mistaken for the live record (its clock may be set by hand).
    if (workspace_.mode() == core::DatabaseMode::Demo)
        title = tr("DEMO (made-up data) — %1").arg(title);
    else if (workspace_.mode() == core::DatabaseMode::Training)
        title = tr("TRAINING (not the live record) — %1").arg(title);
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose, false);

    listReader_ = std::make_unique<BackgroundReader>(workspace_.db().path(), workspace_.clock(), QStringLiteral("lists"));
    searchReader_ = std::make_unique<BackgroundReader>(workspace_.db().path(), workspace_.clock(), QStringLiteral("search"));
    countReader_ = std::make_unique<BackgroundReader>(workspace_.db().path(), workspace_.clock(), QStringLiteral("counts"));
    // Once after the upgrade: adults on contacts recorded before become people (people/AdultPeople.h), off
    // the UI thread; a role that may not (EDT, auditor) leaves it for the next screener or manager.
    if (!core::adultConversionDone(workspace_.db()))
        listReader_->run<bool>(
            this, QString(),
            [actor = session_.actor()](core::Workspace& ws) {
                core::convertAdults(ws, actor);
                return true;
            },
            [](Answer<bool>) {});

    // Top: new contact and the search box, always in reach.
    search_ = new QuickSearchBox(*searchReader_, session_.actor());
    search_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    search_->setMinimumWidth(320);
    connect(search_, &QuickSearchBox::personChosen, this, [this](const QString& id) { openPerson(id); });
    connect(search_, &QuickSearchBox::contactChosen, this, [this](const QString& id) { openContact(id); });

    // Left: the queues.
    queues_ = new QueueListModel(*countReader_, session_, queuesFor(qs(session_.role)), this);
    queueList_ = new QListView;
    queueList_->setObjectName(QStringLiteral("queueList"));
    queueList_->setAccessibleName(tr("Queues"));
    queueList_->setModel(queues_);
    queueList_->setItemDelegate(new QueueCountDelegate(queueList_));
    queueList_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    queueList_->setSelectionMode(QAbstractItemView::SingleSelection);
    queueList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long titles are elided, counts always shown
    auto* sidebar = new QWidget;
    sidebar->setObjectName(QStringLiteral("queueSidebar"));
    auto* sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(6, 6, 0, 6);
    auto* queuesHeading = new QLabel(tr("Queues"));
    queuesHeading->setProperty("role", QStringLiteral("heading"));
    sidebarLayout->addWidget(queuesHeading);
    sidebarLayout->addWidget(queueList_, 1);
    auto* sidebarHint = new QLabel(tr("Ctrl+number switches queues; each queue keeps its number (View menu)"));
    sidebarHint->setProperty("role", QStringLiteral("hint"));
    sidebarHint->setWordWrap(true);
    sidebarLayout->addWidget(sidebarHint);

    // The queue's contacts and the selected one's detail.
    model_ = new ContactListModel(*listReader_, session_, this);
    model_->setCountdownClock(&workspace_.clock(), workspace_.urgency());
    table_ = new QTableView;
    table_->setObjectName(QStringLiteral("contactTable"));
    table_->setAccessibleName(tr("Contacts in the queue"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTabKeyNavigation(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);
    table_->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = table_->fontMetrics();
    QFont bold = table_->font();
    bold.setBold(true); // the row being looked at is shown in bold
    const QFontMetrics boldMetrics(bold);
    table_->setColumnWidth(ContactTableModel::Received, boldMetrics.horizontalAdvance(QStringLiteral("Wed 30/09/2026 23:59")) + 16);
    table_->setColumnWidth(ContactTableModel::Children, metrics.averageCharWidth() * 20);
    table_->setColumnWidth(ContactTableModel::Source, metrics.averageCharWidth() * 14);
    table_->setColumnWidth(ContactTableModel::Status, metrics.averageCharWidth() * 18);
    // The countdown with what is due: "RAG response: overdue by 10d 23h" (a longer name elides; the
    // tooltip lists every deadline in full).
    table_->setColumnWidth(ContactTableModel::Due,
                           boldMetrics.horizontalAdvance(QStringLiteral("RAG response: overdue by 10d 23h")) + 24);
    table_->setColumnWidth(ContactTableModel::What, metrics.averageCharWidth() * 26);
    table_->setItemDelegateForColumn(ContactTableModel::Due, new CountdownDelegate(table_));
    new QueueColumns(table_); // "What is due" as wide as its rows need, within the room there is
    detail_ = new ContactView;
    detail_->setObjectName(QStringLiteral("detailPane"));
    detail_->setViewer(session_, workspace_.clock(), workspace_.urgency());
    connect(detail_, &ContactView::contactActivated, this, [this](const QString& id) { openContact(id); });
    connect(detail_, &ContactView::actionRequested, this, &MainWindow::runAction);
    connect(detail_, &ContactView::personShown, this, &MainWindow::logPersonRead);
    connect(qApp, &QApplication::focusChanged, this, [this] { markFocusedPane(); });
    connect(detail_, &ContactView::loaded, this, [this] {
        updateWorkActions();
        scheduleReadLog();
    });
    readTimer_ = new QTimer(this);
    readTimer_->setSingleShot(true);
    readTimer_->setInterval(kDwellBeforeReadMs);
    connect(readTimer_, &QTimer::timeout, this, [this] {
        // Looked at for a while in the detail pane: that is reading it, and the access log says so.
        if (!detail_->isLoaded() || tabs_->currentIndex() != 0 || detail_->contactId() == loggedDetail_)
            return;
        loggedDetail_ = detail_->contactId();
        const std::string id = ss(detail_->contactId());
        const core::Actor actor = session_.actor();
        listReader_->run<bool>(
            this, QString(), [id, actor](core::Workspace& ws) {
                core::ContactService(ws).logView(actor, id);
                return true;
            },
            [](Answer<bool>) {});
    });

    queueSplitter_ = new QSplitter(Qt::Horizontal);
    queueSplitter_->setObjectName(QStringLiteral("queueSplitter"));
    queueSplitter_->addWidget(table_);
    queueSplitter_->addWidget(detail_);
    queueSplitter_->setStretchFactor(0, 1);
    queueSplitter_->setStretchFactor(1, 1);
    queueSplitter_->setChildrenCollapsible(false);

    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("workTabs"));
    tabs_->setAccessibleName(tr("Open work"));
    tabs_->setTabsClosable(true);
    tabs_->setMovable(true);
    tabs_->setDocumentMode(true);
    tabs_->addTab(queueSplitter_, tr("Queue"));
    queueSplitter_->setProperty(kTabKey, QStringLiteral("queue"));
    tabs_->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabs_->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(tabs_, &QTabWidget::currentChanged, this, [this] { updateWorkActions(); });

    mainSplitter_ = new QSplitter(Qt::Horizontal);
    mainSplitter_->setObjectName(QStringLiteral("mainSplitter"));
    mainSplitter_->addWidget(sidebar);
    mainSplitter_->addWidget(tabs_);
    mainSplitter_->setStretchFactor(1, 1);
    mainSplitter_->setChildrenCollapsible(false);
    setCentralWidget(mainSplitter_);

    // Status bar: the queue's count, who is signed in, which database.
    countLabel_ = new QLabel;
    countLabel_->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addWidget(countLabel_, 1);
    auto* user = new QLabel(tr("Signed in: %1 (%2) as %3")
                                .arg(qs(session_.user.displayName), qs(session_.user.id), qs(core::roleLabel(session_.role))));
    user->setObjectName(QStringLiteral("signedInLabel"));
    statusBar()->addPermanentWidget(user);
    // Without a window manager (a kiosk desk, a remote session) there may be no title bar to say it.
    if (workspace_.mode() != core::DatabaseMode::Live) {
        auto* mode = new QLabel(workspace_.mode() == core::DatabaseMode::Demo ? tr("DEMO: made-up data")
                                                                            : tr("TRAINING: not the live record"));
        mode->setObjectName(QStringLiteral("databaseModeLabel"));
        mode->setProperty("role", QStringLiteral("modeBadge"));
        statusBar()->addPermanentWidget(mode);
    }
    // The path shortened in its middle, so the sync indicator beside it fits a 1366-pixel screen.
    auto* database = new QLabel(QFontMetrics(font()).elidedText(qs(workspace_.db().path()), Qt::ElideMiddle, 200));
    database->setObjectName(QStringLiteral("databaseLabel"));
    database->setToolTip(tr("The database this desk works in: %1").arg(qs(workspace_.db().path())));
    statusBar()->addPermanentWidget(database);
    syncIndicator_ = new SyncIndicator;
    statusBar()->addPermanentWidget(syncIndicator_);
    syncRunner_ = new SyncRunner(workspace_.db().path(), workspace_.clock(), this);
    connect(syncRunner_, &SyncRunner::roundFinished, syncIndicator_, &SyncIndicator::showSnapshot);
    connect(syncRunner_, &SyncRunner::factsArrived, this, &MainWindow::factsArrived);
    syncRunner_->start();

    idleLock_ = new IdleLock(*this, workspace_, session_);
    connect(idleLock_, &IdleLock::aboutToLock, this, [this] { saveAllDrafts(false); });
    connect(idleLock_, &IdleLock::otherUserSignedIn, this, &MainWindow::otherUserSignedIn);
    buildMenus();

    connect(queueList_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    selectQueueRow(current.row());
            });
    connect(model_, &ContactListModel::firstPageLoaded, this, &MainWindow::onQueueLoaded);
    connect(model_, &ContactListModel::loadFailed, this, [this](const QString& message) {
        countLabel_->setText(tr("The queue could not be read: %1").arg(message));
    });
    connect(model_, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateQueueStatus);
    connect(queues_, &QueueListModel::countChanged, this, &MainWindow::updateQueueStatus);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    connect(table_, &QTableView::activated, this, &MainWindow::activateRow);

    countsTimer_ = new QTimer(this);
    countsTimer_->setInterval(kCountsRefreshMs);
    connect(countsTimer_, &QTimer::timeout, queues_, &QueueListModel::refreshCounts);
    countsTimer_->start();
    queues_->refreshCounts();

    restoreWindowState();

    // Unfinished work first: a person with drafts starts in My drafts.
    bool hasDrafts = false;
    try {
        hasDrafts = !core::ContactService(workspace_).drafts(session_.user.id).empty();
    } catch (const core::Error&) {
    }
    // Then what is most urgent: anything overdue (the trial's duty manager landed on a page of green
    // handovers while three overdue decisions showed only as small red badges); then, for a duty
    // manager, the night's handovers while any wait.
    const auto anyIn = [this](const char* queue, const char* timing) {
        ScopedUiTiming check(timing);
        try {
            return !core::Queues(workspace_).items(queue, session_.actor(), 1).empty();
        } catch (const core::Error&) {
            return false;
        }
    };
    const bool dayTeam = session_.role == core::role::kDutyManager || session_.role == core::role::kScreener;
    const bool overdueWaiting = !hasDrafts && dayTeam && anyIn("overdue", "overdue waiting");
    const bool handoversWaiting =
        !hasDrafts && !overdueWaiting && session_.role == core::role::kDutyManager && anyIn("handovers", "handovers waiting");
    if (!(hasDrafts && showQueue(QStringLiteral("my_drafts"))) &&
        !(overdueWaiting && showQueue(QStringLiteral("overdue"))) &&
        !(handoversWaiting && showQueue(QStringLiteral("handovers"))) && !showQueue(QStringLiteral("awaiting_screening")))
        selectQueueRow(0);
    restoreOpenDrafts();
    qApp->installEventFilter(this);
    if (tabs_->currentIndex() == 0)
        table_->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() {
    qApp->removeEventFilter(this);
    disconnect(qApp, &QApplication::focusChanged, this, nullptr); // the panes go before QObject's disconnect
    // Pages hold references to the readers: delete them before the readers go.
    delete takeCentralWidget();
}

void MainWindow::buildMenus() {
    const auto action = [this](const QString& text, const char* shortcutId, auto slot, QMenu* menu) {
        auto* act = new QAction(text, this);
        if (shortcutId)
            act->setShortcuts(shortcutKeys(shortcutId));
        act->setShortcutContext(Qt::WindowShortcut);
        connect(act, &QAction::triggered, this, slot);
        menu->addAction(act);
        addAction(act);
        return act;
    };
    QMenu* file = menuBar()->addMenu(tr("&Contact"));
    QAction* newContactAction = action(tr("&New contact"), "newContact", [this] { newContact(); }, file);
    newContactAction->setObjectName(QStringLiteral("newContactAction"));
    action(tr("&Search…"), "search", [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    }, file);
    file->addSeparator();
    action(tr("&Close tab"), "closeTab", [this] {
        if (tabs_->currentIndex() > 0)
            closeTab(tabs_->currentIndex());
    }, file);
    action(tr("&Lock"), "lock", [this] { idleLock_->lock(); }, file)->setObjectName(QStringLiteral("lockAction"));
    action(tr("&Quit"), "quit", [this] { close(); }, file);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    // A queue's shortcut is its own, the same whoever holds it (Ctrl+4 is always Awaiting screening);
    // a queue the role lacks simply has none here.
    for (int row = 0; row < queues_->rowCount(); ++row) {
        const int digit = queueShortcutDigit(queues_->queue(row).key);
        if (digit < 0)
            continue;
        auto* act = new QAction(queues_->queue(row).title, this);
        act->setObjectName(QStringLiteral("queueShortcut_") + queues_->queue(row).key);
        act->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + digit)));
        connect(act, &QAction::triggered, this, [this, row] {
            selectQueueRow(row);
            table_->setFocus(Qt::ShortcutFocusReason);
        });
        view->addAction(act);
        addAction(act);
    }
    view->addSeparator();
    action(tr("&Refresh"), "refresh", [this] { refresh(); }, view);
    if (mayViewConflicts(session_.role))
        action(tr("Sync &conflicts"), "conflicts", [this] { openConflicts(contactInView().contactId); }, view)
            ->setObjectName(QStringLiteral("conflictsAction"));
    action(tr("Next &pane"), "nextPane", [this] { focusNextPane(); }, view);
    action(tr("Ne&xt tab"), "nextTab", [this] { tabs_->setCurrentIndex((tabs_->currentIndex() + 1) % tabs_->count()); }, view);
    action(tr("Pre&vious tab"), "previousTab", [this] {
        tabs_->setCurrentIndex((tabs_->currentIndex() + tabs_->count() - 1) % tabs_->count());
    }, view);

    // Work on the contact in view: the selected row, the contact's tab, or the form.
    QMenu* work = menuBar()->addMenu(tr("&Work"));
    const auto workItem = [&](const QString& name, const QString& text, const char* shortcutId) {
        QAction* act = action(text, shortcutId, [this, name] {
            const ContactInView inView = contactInView();
            if (!inView.contactId.isEmpty())
                runAction(name, inView.contactId);
            else
                explainUnavailable(name);
        }, work);
        act->setObjectName(name + QStringLiteral("Action"));
        act->setEnabled(false);
        workActions_.insert(name, act);
    };
    workItem(QStringLiteral("screen"), tr("&Screen"), "screen");
    workItem(QStringLiteral("handBack"), tr("Hand &back to the queue…"), "handBack");
    workItem(QStringLiteral("signOff"), tr("Sign &off or return"), "signOff");
    workItem(QStringLiteral("strategy"), tr("S&trategy discussion"), "strategy");
    workItem(QStringLiteral("tellReferrer"), tr("Tell the &referrer"), "tellReferrer");
    workItem(QStringLiteral("close"), tr("&Close the contact"), "closeContact");
    workItem(QStringLiteral("acknowledgeHandover"), tr("&Acknowledge handover"), "acknowledgeHandover");
    workItem(QStringLiteral("addNote"), tr("Add a &note…"), "addNote");
    action(tr("Co&rrect the record…"), "correct", [this] { correctRecordInView(); }, work)
        ->setObjectName(QStringLiteral("correctAction"));

    // Possible duplicate people (windows/DuplicatesPage): duty managers merge, screeners say "not the same".
    if (session_.role == core::role::kDutyManager || session_.role == core::role::kScreener)
        action(tr("Possible &duplicates"), "duplicates", [this] { openDuplicates(); }, view)
            ->setObjectName(QStringLiteral("duplicatesAction"));

    // Auditors and administrators: who read which child's record (core/audit).
    if (session_.role == core::role::kAuditor || session_.role == core::role::kAdministrator) {
        QMenu* audit = menuBar()->addMenu(tr("Au&dit"));
        audit->setObjectName(QStringLiteral("auditMenu"));
        action(tr("&Access report"), nullptr, [this] { openAccessReport({}); }, audit)
            ->setObjectName(QStringLiteral("accessReportAction"));
        action(tr("&Who read this child's record"), nullptr, [this] {
            const QString key = tabs_->currentWidget() ? tabs_->currentWidget()->property(kTabKey).toString() : QString();
            openAccessReport(key.startsWith(QLatin1String("person:")) ? key.mid(7) : QString());
        }, audit)->setObjectName(QStringLiteral("whoReadAction"));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    action(tr("&Keyboard shortcuts"), "shortcuts", [this] { showShortcuts(); }, help);
    action(tr("&About Frontdoor"), nullptr, [this] {
        QMessageBox::about(this, tr("About Frontdoor"),
                           tr("<b>Frontdoor</b> %1<br>Contacts and referrals for children's services.<br>"
                              "Every entry is kept, with who made it, in which role and when.")
                               .arg(QApplication::applicationVersion()));
    }, help);

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setFloatable(false);
    toolbar->addAction(newContactAction);
    newContactAction->setToolTip(tr("New contact (%1)").arg(shortcutText("newContact")));
    toolbar->addSeparator();
    toolbar->addWidget(search_);
}

void MainWindow::showShortcuts() {
    ShortcutsDialog dialog(this);
    dialog.exec();
}

bool MainWindow::showQueue(const QString& key) {
    const int row = queues_->rowOf(key);
    if (row < 0)
        return false;
    selectQueueRow(row);
    return true;
}

void MainWindow::selectQueueRow(int row) {
    if (row < 0 || row >= queues_->rowCount())
        return;
    const QModelIndex index = queues_->index(row);
    if (queueList_->currentIndex() != index) {
        queueList_->setCurrentIndex(index); // comes back here through currentRowChanged
        return;
    }
    const auto& queue = queues_->queue(row);
    if (model_->queueKey() != queue.key) {
        model_->setQueue(queue);
        detail_->showMessage(tr("Loading %1…").arg(queue.title));
        // A workflow queue shows what is due and its countdown; a plain list, where each contact stands.
        table_->setColumnHidden(ContactTableModel::Due, !queue.workflow);
        table_->setColumnHidden(ContactTableModel::What, !queue.workflow);
        table_->setColumnHidden(ContactTableModel::Status, queue.workflow);
    }
    tabs_->setTabText(0, queue.title);
    tabs_->setCurrentIndex(0);
    updateQueueStatus();
}

void MainWindow::onQueueLoaded() {
    ScopedUiTiming timing("queue first page selected");
    int row = selectAfterLoad_.isEmpty() ? -1 : model_->rowOf(selectAfterLoad_);
    selectAfterLoad_.clear();
    if (row < 0 && model_->rowCount() > 0)
        row = 0;
    if (row >= 0) {
        // The first column on show (a workflow queue hides Status, a plain list Due and What).
        int column = 0;
        for (int visual = 0; visual < table_->horizontalHeader()->count(); ++visual) {
            const int logical = table_->horizontalHeader()->logicalIndex(visual);
            if (!table_->isColumnHidden(logical)) {
                column = logical;
                break;
            }
        }
        table_->setCurrentIndex(model_->index(row, column));
        table_->scrollTo(model_->index(row, column));
    } else {
        detail_->showMessage(tr("Nothing in this queue."));
    }
    updateQueueStatus();
}

void MainWindow::updateQueueStatus() {
    const int row = queueList_->currentIndex().row();
    if (row < 0)
        return;
    const qint64 total = queues_->countOf(row);
    const qint64 overdue = queues_->overdueOf(row);
    const QString title = queues_->queue(row).title;
    QString text = total < 0 ? tr("%1: %2 shown").arg(title, QLocale().toString(model_->rowCount()))
                             : tr("%1: %2 of %3 shown")
                                   .arg(title, QLocale().toString(model_->rowCount()), QLocale().toString(total));
    if (overdue > 0)
        text += tr(", %n overdue", nullptr, static_cast<int>(overdue));
    countLabel_->setText(text);
}

void MainWindow::onCurrentRowChanged() {
    ScopedUiTiming timing("contact row selected");
    readTimer_->stop();
    const QueueItem* item = model_->itemAt(table_->currentIndex().row());
    if (!item || item->id != loggedDetail_)
        loggedDetail_.clear(); // another contact: looking back at this one later is reading it again
    if (!item) {
        detail_->showMessage(tr("Select a contact to see it here."));
        updateWorkActions();
        return;
    }
    if (item->kind == QueueItem::Kind::Draft) {
        detail_->showMessage(tr("<b>Draft: %1</b><br>Saved, not yet recorded. Press Enter to continue it.<br><br>%2")
                                 .arg(item->children.toHtmlEscaped(), item->concern.toHtmlEscaped()));
        updateWorkActions();
        return;
    }
    detail_->load(*listReader_, item->id);
    updateWorkActions();
    scheduleReadLog();
}

void MainWindow::scheduleReadLog() {
    readTimer_->stop();
    if (detail_->isLoaded())
        readTimer_->start();
}

void MainWindow::logPersonRead(const QString& personId) {
    if (personId.isEmpty())
        return;
    const std::string id = ss(personId);
    const core::Actor actor = session_.actor();
    listReader_->run<bool>(
        this, QString(), [id, actor](core::Workspace& ws) {
            core::PersonSearch(ws).viewHistory(actor, id);
            return true;
        },
        [](Answer<bool>) {});
}

void MainWindow::activateRow(const QModelIndex& index) {
    const QueueItem* item = model_->itemAt(index.row());
    if (!item)
        return;
    // Enter opens the row's work: what the queue is for.
    using Kind = QueueItem::Kind;
    const QString queue = model_->queueKey();
    const bool manager = session_.role == core::role::kDutyManager;
    if (item->kind == Kind::Draft)
        openDraft(item->id);
    else if (item->kind == Kind::Handover || (queue == QLatin1String("handovers")))
        openHandover(item->id);
    else if (item->kind == Kind::StrategyDiscussion || item->kind == Kind::StrategyAction)
        openStrategy(item->id);
    else if (queue == QLatin1String("my_work") &&
             (item->status == QLatin1String("in_screening") || item->status == QLatin1String("returned")))
        openScreening(item->id);
    else if (queue == QLatin1String("awaiting_signoff") && manager)
        openSignOff(item->id);
    else
        openContact(item->id);
}

QWidget* MainWindow::findPage(const QString& key) const {
    for (int i = 0; i < tabs_->count(); ++i)
        if (tabs_->widget(i)->property(kTabKey).toString() == key)
            return tabs_->widget(i);
    return nullptr;
}

MainWindow::ContactInView MainWindow::contactInView() const {
    ContactInView inView;
    QWidget* page = tabs_->currentWidget();
    if (tabs_->currentIndex() == 0) {
        const QueueItem* item = model_->itemAt(table_->currentIndex().row());
        if (!item || item->kind == QueueItem::Kind::Draft)
            return inView;
        inView.contactId = item->id;
        inView.status = item->status;
        inView.children = item->children;
        if (detail_->isLoaded() && detail_->contactId() == item->id)
            inView.state = &detail_->state();
        return inView;
    }
    inView.contactId = contactOf(page);
    if (auto* view = qobject_cast<ContactView*>(page); view && view->isLoaded()) {
        inView.state = &view->state();
        inView.children = childNamesOf(view->contact());
    }
    if (inView.children.isEmpty() && detail_->isLoaded() && detail_->contactId() == inView.contactId)
        inView.children = childNamesOf(detail_->contact());
    // A form's contact: its state as another view of it holds it, if any.
    if (!inView.state && !inView.contactId.isEmpty()) {
        if (detail_->isLoaded() && detail_->contactId() == inView.contactId)
            inView.state = &detail_->state();
        else
            for (int i = 1; i < tabs_->count(); ++i)
                if (auto* view = qobject_cast<ContactView*>(tabs_->widget(i));
                    view && view->isLoaded() && view->contactId() == inView.contactId)
                    inView.state = &view->state();
    }
    if (!inView.state && !inView.contactId.isEmpty())
        if (const auto read = formStates_.constFind(inView.contactId); read != formStates_.constEnd())
            inView.state = &read.value();
    return inView;
}

void MainWindow::readFormState(const QString& contactId) {
    if (formStatesAsked_.contains(contactId))
        return;
    formStatesAsked_.insert(contactId, true);
    listReader_->run<nlohmann::json>(
        this, QString(), [id = ss(contactId)](core::Workspace& ws) { return core::ContactWorkflow(ws).state(id); },
        [this, contactId](Answer<nlohmann::json> answer) {
            formStatesAsked_.remove(contactId);
            if (!answer.ok())
                return; // the actions stay as they were; pressing one says why
            formStates_.insert(contactId, *answer.value);
            updateWorkActions();
        });
}

QAction* MainWindow::workAction(const QString& action) const { return workActions_.value(action); }

void MainWindow::updateWorkActions() {
    if (workActions_.isEmpty())
        return;
    const ContactInView inView = contactInView();
    ContactActions offered;
    if (!inView.state && !inView.contactId.isEmpty() && tabs_->currentIndex() > 0)
        readFormState(inView.contactId); // a form's contact no view holds: what it may do next, read
    if (inView.state) {
        offered = actionsFor(*inView.state, session_);
    } else if (!inView.contactId.isEmpty()) {
        // The row's status until the contact's state is read: enough for screening.
        nlohmann::json state{{"status", ss(inView.status)}};
        offered = actionsFor(state, session_);
    }
    const auto set = [this](const char* name, bool enabled, const QString& why = {}) {
        QAction* act = workActions_.value(QLatin1String(name));
        act->setEnabled(enabled);
        act->setStatusTip(why);
        act->setToolTip(why.isEmpty() ? act->text().remove(QLatin1Char('&')) : why);
    };
    set("screen", offered.startScreening || offered.continueScreening);
    set("signOff", offered.signOff, offered.signOffWhyNot);
    set("strategy", offered.strategy);
    set("tellReferrer", offered.tellReferrer);
    set("close", offered.close, offered.outstanding.isEmpty() ? QString() : offered.outstanding.join(QStringLiteral("; ")));
    set("acknowledgeHandover", offered.acknowledgeHandover, offered.handoverWhyNot);
    set("addNote", offered.addNote);
    // A screening form is open only for a contact being screened: it can go back from there too, before
    // its state is read (core has the last word on who may hand it back).
    const bool screeningTab = tabs_->currentIndex() > 0 &&
                              tabs_->currentWidget()->property(kTabKey).toString().startsWith(QLatin1String("screening:"));
    set("handBack", offered.handBack || screeningTab);
    // The action names the child, so a slip (End, Up, Ctrl+E onto the wrong row) is visible.
    const QString children = inView.children.isEmpty() ? QString() : QLatin1Char(' ') + inView.children;
    workActions_.value(QStringLiteral("screen"))
        ->setText(offered.continueScreening ? tr("Continue &screening%1").arg(children) : tr("&Screen%1").arg(children));
}

void MainWindow::runAction(const QString& action, const QString& contactId) {
    if (contactId.isEmpty())
        return;
    if (action == QLatin1String("screen"))
        openScreening(contactId);
    else if (action == QLatin1String("signOff"))
        openSignOff(contactId);
    else if (action == QLatin1String("strategy"))
        openStrategy(contactId);
    else if (action == QLatin1String("tellReferrer"))
        tellReferrer(contactId);
    else if (action == QLatin1String("close"))
        closeContact(contactId);
    else if (action == QLatin1String("handBack"))
        handBack(contactId);
    else if (action == QLatin1String("addNote"))
        addNote(contactId);
    else if (action == QLatin1String("conflicts"))
        openConflicts(contactId);
    else if (action == QLatin1String("acknowledgeHandover")) {
        // Read it first: the handover opens; pressed again there, it is acknowledged.
        if (auto* view = qobject_cast<HandoverView*>(tabs_->currentWidget()); view && view->contactId() == contactId)
            view->acknowledge();
        else
            openHandover(contactId);
    }
}

void MainWindow::contactChanged(const QString& contactId) {
    formStates_.remove(contactId);
    queues_->refreshCounts();
    const QueueItem* current = model_->itemAt(table_->currentIndex().row());
    selectAfterLoad_ = current ? current->id : contactId;
    model_->reload();
    if (detail_->contactId() == contactId)
        detail_->reload(*listReader_);
    for (int i = 1; i < tabs_->count(); ++i)
        if (auto* view = qobject_cast<ContactView*>(tabs_->widget(i)); view && view->contactId() == contactId)
            view->reload(*listReader_);
    updateWorkActions();
}

void MainWindow::factsArrived() {
    workspace_.reloadCalendar(); // a calendar installed at another desk counts here from now on
    formStates_.clear();
    queues_->refreshCounts();
    if (const QueueItem* current = model_->itemAt(table_->currentIndex().row()))
        selectAfterLoad_ = current->id;
    model_->reload();
    if (!detail_->contactId().isEmpty())
        detail_->reload(*listReader_);
    for (int i = 1; i < tabs_->count(); ++i)
        if (auto* view = qobject_cast<ContactView*>(tabs_->widget(i)))
            view->reload(*listReader_);
        else if (auto* conflicts = qobject_cast<ConflictsPage*>(tabs_->widget(i)))
            conflicts->reload();
    updateWorkActions();
}

void MainWindow::closePage(QWidget* page) {
    const int index = tabs_->indexOf(page);
    if (index > 0)
        tabs_->removeTab(index);
    page->deleteLater();
    rememberOpenDrafts();
}

ScreeningForm* MainWindow::openScreening(const QString& contactId) {
    ScopedUiTiming timing("screening form opened");
    const QString key = QStringLiteral("screening:") + contactId;
    if (auto* page = findPage(key)) {
        tabs_->setCurrentWidget(page);
        return qobject_cast<ScreeningForm*>(page);
    }
    // Picking a contact up to screen it is a step of its own: it moves to the screener's work.
    try {
        const ContactInView inView = contactInView();
        const QString children = inView.contactId == contactId ? inView.children : QString();
        core::ContactWorkflow(workspace_).startScreening(session_.actor(), ss(contactId));
        statusBar()->showMessage(tr("Screening started%1: it is in My work. Started the wrong one? Hand it back (%2).")
                                     .arg(children.isEmpty() ? QString() : QStringLiteral(": ") + children,
                                          shortcutText("handBack")),
                                 15'000);
        contactChanged(contactId);
    } catch (const core::ConflictError&) {
        // Already being screened (or returned and being put right): carry on with it.
    } catch (const core::Error& e) {
        statusBar()->showMessage(tr("Not screened: %1").arg(qs(e.what())), 10'000);
        return nullptr;
    }
    auto* form = new ScreeningForm(workspace_, *listReader_, session_, contactId);
    connect(form, &ScreeningForm::titleChanged, this, [this, form](const QString& title) {
        const int index = tabs_->indexOf(form);
        if (index >= 0) {
            tabs_->setTabText(index, title);
            tabs_->setTabToolTip(index, title);
        }
    });
    connect(form, &ScreeningForm::contactChanged, this, &MainWindow::contactChanged);
    connect(form, &ScreeningForm::recommended, this, [this, form](const QString& id) {
        statusBar()->showMessage(tr("Recommendation recorded: it waits for a duty manager's sign-off."), 10'000);
        QSettings().setValue(QStringLiteral("screening/splitter"), form->splitter()->saveState());
        QSettings().setValue(QStringLiteral("screening/sideSplitter"), form->sideSplitter()->saveState());
        closePage(form);
        contactChanged(id);
        table_->setFocus(Qt::OtherFocusReason);
    });
    if (!form->splitter()->restoreState(QSettings().value(QStringLiteral("screening/splitter")).toByteArray()))
        form->splitter()->setSizes({tabs_->width() * 60 / 100, tabs_->width() * 40 / 100});
    form->sideSplitter()->restoreState(QSettings().value(QStringLiteral("screening/sideSplitter")).toByteArray());
    openPage(key, form->title(), form);
    rememberOpenDrafts();
    form->focusFirstInput();
    return form;
}

SignOffForm* MainWindow::openSignOff(const QString& contactId) {
    ScopedUiTiming timing("sign-off form opened");
    const QString key = QStringLiteral("signoff:") + contactId;
    if (auto* page = findPage(key)) {
        tabs_->setCurrentWidget(page);
        return qobject_cast<SignOffForm*>(page);
    }
    auto* form = new SignOffForm(workspace_, *listReader_, session_, contactId);
    connect(form, &SignOffForm::titleChanged, this, [this, form](const QString& title) {
        const int index = tabs_->indexOf(form);
        if (index >= 0) {
            tabs_->setTabText(index, title);
            tabs_->setTabToolTip(index, title);
        }
    });
    // Done: the tab stays on the contact acted on, saying what was done (the form shows it); moving
    // on to another child's tab would leave a manager believing they had acted on that child.
    const auto done = [this, form](const QString& id, const QString& message) {
        statusBar()->showMessage(message, 10'000);
        QSettings().setValue(QStringLiteral("signOff/splitter"), form->splitter()->saveState());
        tabs_->setCurrentWidget(form);
        contactChanged(id);
        rememberOpenDrafts();
    };
    connect(form, &SignOffForm::decided, this, [done](const QString& id, const QString& outcome) {
        done(id, tr("Signed off: %1.").arg(qs(core::outcomeLabel(ss(outcome)))));
    });
    connect(form, &SignOffForm::returned, this, [done](const QString& id) {
        done(id, tr("Returned to the screener with your reason."));
    });
    if (!form->splitter()->restoreState(QSettings().value(QStringLiteral("signOff/splitter")).toByteArray()))
        form->splitter()->setSizes({tabs_->width() * 60 / 100, tabs_->width() * 40 / 100});
    openPage(key, form->title(), form);
    rememberOpenDrafts();
    form->focusFirstInput();
    return form;
}

StrategyDiscussionForm* MainWindow::openStrategy(const QString& contactId) {
    ScopedUiTiming timing("strategy discussion opened");
    const QString key = QStringLiteral("strategy:") + contactId;
    if (auto* page = findPage(key)) {
        tabs_->setCurrentWidget(page);
        return qobject_cast<StrategyDiscussionForm*>(page);
    }
    auto* form = new StrategyDiscussionForm(workspace_, *listReader_, session_, contactId);
    connect(form, &StrategyDiscussionForm::titleChanged, this, [this, form](const QString& title) {
        const int index = tabs_->indexOf(form);
        if (index >= 0) {
            tabs_->setTabText(index, title);
            tabs_->setTabToolTip(index, title);
        }
    });
    connect(form, &StrategyDiscussionForm::recorded, this, [this](const QString& id, const QString& status) {
        statusBar()->showMessage(tr("Strategy discussion: %1.").arg(statusLabel(ss(status)).toLower()), 10'000);
        contactChanged(id);
    });
    openPage(key, form->title(), form);
    rememberOpenDrafts();
    form->focusFirstInput();
    return form;
}

HandoverView* MainWindow::openHandover(const QString& contactId) {
    ScopedUiTiming timing("handover opened");
    const QString key = QStringLiteral("handover:") + contactId;
    if (auto* page = findPage(key)) {
        tabs_->setCurrentWidget(page);
        return qobject_cast<HandoverView*>(page);
    }
    auto* view = new HandoverView(workspace_, *listReader_, session_, contactId);
    connect(view, &HandoverView::titleChanged, this, [this, view](const QString& title) {
        const int index = tabs_->indexOf(view);
        if (index >= 0) {
            tabs_->setTabText(index, title);
            tabs_->setTabToolTip(index, title);
        }
    });
    connect(view, &HandoverView::loaded, this, [this] { updateWorkActions(); });
    connect(view, &HandoverView::acknowledged, this, [this](const QString& id) {
        statusBar()->showMessage(tr("Handover acknowledged."), 10'000);
        contactChanged(id);
    });
    connect(view, &HandoverView::screenRequested, this, [this](const QString& id) { openScreening(id); });
    openPage(key, view->title(), view);
    view->focusFirstInput();
    return view;
}

ReferrerFeedbackDialog* MainWindow::tellReferrer(const QString& contactId) {
    ScopedUiTiming timing("referrer feedback opened");
    // Who referred and the outcome, from the contact as it stands (one contact's read).
    QString referrer, outcome;
    try {
        const auto contact = core::ContactService(workspace_).show(ss(contactId));
        const auto& who = contact.value("referrer", nlohmann::json::object());
        referrer = QStringList{jsonText(who, "name"), jsonText(who, "agency")}
                       .filter(QRegularExpression(QStringLiteral("\\S")))
                       .join(QStringLiteral(", "));
        outcome = jsonText(contact, "outcome_label");
    } catch (const core::Error& e) {
        statusBar()->showMessage(qs(e.what()), 10'000);
        return nullptr;
    }
    auto* dialog = new ReferrerFeedbackDialog(workspace_, session_, contactId, referrer, outcome, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, contactId] {
        statusBar()->showMessage(tr("Recorded: the referrer was told the outcome."), 10'000);
        contactChanged(contactId);
    });
    dialog->open();
    return dialog;
}

CloseContactDialog* MainWindow::closeContact(const QString& contactId) {
    QStringList outstanding;
    const ContactInView inView = contactInView();
    if (inView.contactId == contactId && inView.state)
        outstanding = actionsFor(*inView.state, session_).outstanding;
    auto* dialog = new CloseContactDialog(workspace_, session_, contactId, outstanding, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, contactId] {
        statusBar()->showMessage(tr("Contact closed."), 10'000);
        contactChanged(contactId);
    });
    dialog->open();
    return dialog;
}

HandBackDialog* MainWindow::handBack(const QString& contactId) {
    const ContactInView inView = contactInView();
    auto* dialog = new HandBackDialog(workspace_, session_, contactId,
                                      inView.contactId == contactId ? inView.children : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, contactId] {
        statusBar()->showMessage(tr("Handed back: the contact is in Awaiting screening again."), 10'000);
        if (QWidget* form = findPage(QStringLiteral("screening:") + contactId))
            closePage(form);
        contactChanged(contactId);
    });
    dialog->open();
    return dialog;
}

AddNoteDialog* MainWindow::addNote(const QString& contactId) {
    const ContactInView inView = contactInView();
    auto* dialog = new AddNoteDialog(workspace_, session_, contactId,
                                     inView.contactId == contactId ? inView.children : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, contactId] {
        statusBar()->showMessage(tr("Note added: it is in the timeline, and with the handover."), 10'000);
        contactChanged(contactId);
    });
    dialog->open();
    return dialog;
}

CorrectionDialog* MainWindow::correctRecordInView() {
    auto* person = qobject_cast<PersonView*>(tabs_->currentWidget());
    const QString id = person ? person->personId() : contactInView().contactId;
    QString whyNot = tr("open a contact or a person first");
    const auto kind = person ? CorrectionDialog::Kind::Person : CorrectionDialog::Kind::Contact;
    auto* dialog = id.isEmpty() ? nullptr : CorrectionDialog::create(workspace_, session_, kind, id, this, whyNot);
    if (!dialog) {
        statusBar()->showMessage(tr("Correcting is not available: %1.").arg(whyNot), 15'000);
        return nullptr;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, view = QPointer<PersonView>(person), onPerson = person != nullptr, id] {
        statusBar()->showMessage(tr("Corrected: the earlier version stays in the timeline."), 10'000);
        if (!onPerson)
            contactChanged(id);
        else if (view)
            view->load(*listReader_, id);
    });
    dialog->open();
    return dialog;
}

void MainWindow::explainUnavailable(const QString& name) {
    const ContactInView inView = contactInView();
    nlohmann::json state;
    if (inView.state)
        state = *inView.state;
    else if (!inView.contactId.isEmpty())
        state = {{"status", ss(inView.status)}};
    QString label = workActions_.contains(name) ? workActions_.value(name)->text() : name;
    label.remove(QLatin1Char('&'));
    if (label.endsWith(QChar(0x2026)))
        label.chop(1);
    statusBar()->showMessage(tr("%1 is not available: %2").arg(label, unavailableReason(name, state, session_)),
                             15'000);
}

QWidget* MainWindow::openPage(const QString& key, const QString& title, QWidget* page) {
    for (int i = 0; i < tabs_->count(); ++i) {
        if (tabs_->widget(i)->property(kTabKey).toString() == key) {
            if (page && page != tabs_->widget(i))
                page->deleteLater();
            tabs_->setCurrentIndex(i);
            return tabs_->widget(i);
        }
    }
    page->setProperty(kTabKey, key);
    const int index = tabs_->addTab(page, title);
    tabs_->setTabToolTip(index, title);
    tabs_->setCurrentIndex(index);
    return page;
}

AccessReportPage* MainWindow::openAccessReport(const QString& personId) {
    auto* page = qobject_cast<AccessReportPage*>(
        openPage(QStringLiteral("audit"), tr("Access report"), new AccessReportPage(workspace_, session_.actor())));
    if (page && !personId.isEmpty())
        page->showChild(personId);
    return page;
}

ConflictsPage* MainWindow::openConflicts(const QString& contactId) {
    if (!mayViewConflicts(session_.role))
        return nullptr;
    auto* page = qobject_cast<ConflictsPage*>(findPage(QStringLiteral("conflicts")));
    if (!page) {
        page = new ConflictsPage(workspace_, session_);
        connect(page, &ConflictsPage::resolved, this, &MainWindow::contactChanged);
        connect(page, &ConflictsPage::contactRequested, this, [this](const QString& id) { openContact(id); });
        openPage(QStringLiteral("conflicts"), tr("Sync conflicts"), page);
    } else {
        page->reload();
        tabs_->setCurrentWidget(page);
    }
    page->showContact(contactId);
    return page;
}

DuplicatesPage* MainWindow::openDuplicates() {
    if (auto* open = qobject_cast<DuplicatesPage*>(findPage(QStringLiteral("duplicates")))) {
        tabs_->setCurrentWidget(open);
        return open;
    }
    auto* page = new DuplicatesPage(workspace_, session_.actor());
    connect(syncRunner_, &SyncRunner::factsArrived, page, &DuplicatesPage::scan); // after each sync bringing facts
    return qobject_cast<DuplicatesPage*>(openPage(QStringLiteral("duplicates"), tr("Possible duplicates"), page));
}

ContactView* MainWindow::openContact(const QString& contactId) {
    ScopedUiTiming timing("open contact tab");
    const QString key = QStringLiteral("contact:") + contactId;
    for (int i = 0; i < tabs_->count(); ++i)
        if (tabs_->widget(i)->property(kTabKey).toString() == key) {
            tabs_->setCurrentIndex(i);
            return qobject_cast<ContactView*>(tabs_->widget(i));
        }
    auto* view = new ContactView;
    view->setViewer(session_, workspace_.clock(), workspace_.urgency());
    view->setLogsReads(true); // opened to be read: the access log says so, once
    connect(view, &ContactView::contactActivated, this, [this](const QString& id) { openContact(id); });
    connect(view, &ContactView::actionRequested, this, &MainWindow::runAction);
    connect(view, &ContactView::personShown, this, &MainWindow::logPersonRead);
    connect(view, &ContactView::loaded, this, [this, view] {
        const int index = tabs_->indexOf(view);
        if (index >= 0)
            tabs_->setTabText(index, view->title());
        updateWorkActions();
    });
    view->load(*listReader_, contactId);
    openPage(key, tr("Contact"), view);
    view->tabs()->setFocus(Qt::OtherFocusReason);
    return view;
}

PersonView* MainWindow::openPerson(const QString& personId) {
    ScopedUiTiming timing("open person tab");
    const QString key = QStringLiteral("person:") + personId;
    for (int i = 0; i < tabs_->count(); ++i)
        if (tabs_->widget(i)->property(kTabKey).toString() == key) {
            tabs_->setCurrentIndex(i);
            return qobject_cast<PersonView*>(tabs_->widget(i));
        }
    auto* view = new PersonView;
    connect(view, &PersonView::contactActivated, this, [this](const QString& id) { openContact(id); });
    connect(view, &PersonView::personActivated, this, [this](const QString& id) { openPerson(id); });
    connect(view, &PersonView::loaded, this, [this, view] {
        const int index = tabs_->indexOf(view);
        if (index >= 0)
            tabs_->setTabText(index, view->displayName());
        view->contactsView()->setFocus(Qt::OtherFocusReason);
        if (view->contactsView()->model()->rowCount() > 0)
            view->contactsView()->setCurrentIndex(view->contactsView()->model()->index(0, 0));
    });
    view->load(*listReader_, personId, session_.actor());
    openPage(key, tr("Person"), view);
    return view;
}

NewContactForm* MainWindow::adoptForm(NewContactForm* form) {
    connect(form, &NewContactForm::titleChanged, this, [this, form](const QString& title) {
        const int index = tabs_->indexOf(form);
        if (index >= 0) {
            tabs_->setTabText(index, title);
            tabs_->setTabToolTip(index, title);
        }
    });
    connect(form, &NewContactForm::draftSaved, this, [this, form](const QString& id) {
        form->setProperty(kTabKey, QStringLiteral("draft:") + id);
        rememberOpenDrafts();
        queues_->refreshCount(QStringLiteral("my_drafts"));
        if (model_->queueKey() == QLatin1String("my_drafts"))
            model_->reload();
    });
    connect(form, &NewContactForm::recorded, this, [this, form](const QString& contactId, const QString& names) {
        statusBar()->showMessage(names.isEmpty() ? tr("Contact recorded.") : tr("Contact recorded: %1").arg(names), 10'000);
        const int index = tabs_->indexOf(form);
        if (index >= 0)
            tabs_->removeTab(index);
        form->deleteLater();
        rememberOpenDrafts();
        queues_->refreshCounts();
        selectAfterLoad_ = contactId;
        // Where the new contact now waits: out of hours, with its handover; by day, for screening.
        const QString next = session_.role == core::role::kEdtWorker ? QStringLiteral("handovers")
                                                                      : QStringLiteral("awaiting_screening");
        if (!showQueue(next) || model_->queueKey() == next)
            model_->reload();
        table_->setFocus(Qt::OtherFocusReason);
    });
    connect(form, &NewContactForm::discarded, this, [this, form] {
        const int index = tabs_->indexOf(form);
        if (index >= 0)
            tabs_->removeTab(index);
        form->deleteLater();
        rememberOpenDrafts();
        queues_->refreshCount(QStringLiteral("my_drafts"));
        if (model_->queueKey() == QLatin1String("my_drafts"))
            model_->reload();
    });
    connect(form, &NewContactForm::contactActivated, this, [this](const QString& id) { openContact(id); });
    QSettings settings;
    if (!form->splitter()->restoreState(settings.value(QStringLiteral("newContact/formSplitter")).toByteArray()))
        form->splitter()->setSizes({tabs_->width() * 58 / 100, tabs_->width() * 42 / 100});
    return form;
}

NewContactForm* MainWindow::newContact() {
    ScopedUiTiming timing("new contact form opened");
    auto* form = adoptForm(new NewContactForm(workspace_, *searchReader_, session_));
    openPage(QStringLiteral("new:%1").arg(++newFormSerial_), form->title(), form);
    form->focusFirstInput();
    return form;
}

NewContactForm* MainWindow::openDraft(const QString& draftId) {
    ScopedUiTiming timing("draft opened");
    const QString key = QStringLiteral("draft:") + draftId;
    for (int i = 0; i < tabs_->count(); ++i)
        if (tabs_->widget(i)->property(kTabKey).toString() == key) {
            tabs_->setCurrentIndex(i);
            return qobject_cast<NewContactForm*>(tabs_->widget(i));
        }
    std::optional<core::ContactDraft> draft;
    try {
        draft = core::ContactService(workspace_).draft(ss(draftId));
    } catch (const core::Error& e) {
        QMessageBox::warning(this, tr("Draft"), qs(e.what()));
        return nullptr;
    }
    if (!draft || draft->owner != session_.user.id)
        return nullptr;
    auto* form = adoptForm(new NewContactForm(workspace_, *searchReader_, session_, draft));
    openPage(key, form->title(), form);
    rememberOpenDrafts();
    form->focusFirstInput();
    return form;
}

NewContactForm* MainWindow::currentForm() const { return qobject_cast<NewContactForm*>(tabs_->currentWidget()); }

void MainWindow::closeTab(int index) {
    if (index <= 0 || index >= tabs_->count())
        return;
    QWidget* page = tabs_->widget(index);
    // What was typed is saved as a draft first; nothing needs asking unless that fails.
    if (!prepareToClose(page, true))
        return;
    if (auto* form = qobject_cast<NewContactForm*>(page)) {
        QSettings().setValue(QStringLiteral("newContact/formSplitter"), form->splitter()->saveState());
        if (!form->draftId().isEmpty())
            statusBar()->showMessage(tr("Draft kept in My drafts."), 6000);
    }
    if (auto* form = qobject_cast<ScreeningForm*>(page)) {
        QSettings().setValue(QStringLiteral("screening/splitter"), form->splitter()->saveState());
        QSettings().setValue(QStringLiteral("screening/sideSplitter"), form->sideSplitter()->saveState());
    }
    if (auto* form = qobject_cast<SignOffForm*>(page))
        QSettings().setValue(QStringLiteral("signOff/splitter"), form->splitter()->saveState());
    tabs_->removeTab(index);
    page->deleteLater();
    rememberOpenDrafts();
}

bool MainWindow::saveAllDrafts(bool askOnFailure) {
    // New contacts and the workflow forms alike: each saves its draft (one short transaction each).
    bool allSaved = true;
    for (int i = 1; i < tabs_->count(); ++i)
        if (!prepareToClose(tabs_->widget(i), askOnFailure)) {
            tabs_->setCurrentIndex(i);
            allSaved = false;
        }
    return allSaved;
}

void MainWindow::rememberOpenDrafts() {
    if (closing_)
        return;
    QStringList ids;
    QStringList forms;
    for (int i = 0; i < tabs_->count(); ++i) {
        QWidget* page = tabs_->widget(i);
        if (auto* form = qobject_cast<NewContactForm*>(page)) {
            if (!form->draftId().isEmpty() && !form->isRecorded())
                ids << form->draftId();
            continue;
        }
        // A workflow form is remembered as soon as it opens, so that after a crash it opens again
        // with the typing its draft kept; restoreOpenDrafts() skips those that kept nothing.
        if (auto* signOff = qobject_cast<SignOffForm*>(page); signOff && signOff->isDone())
            continue; // signed off or returned: nothing to open again
        const QString key = page->property(kTabKey).toString();
        for (const auto& kind : kWorkflowForms)
            if (key.startsWith(QLatin1String(kind.tabPrefix)))
                forms << key;
    }
    QSettings settings;
    settings.setValue(openDraftsKey(session_), ids);
    settings.setValue(openFormsKey(session_), forms);
    settings.sync(); // a crash should still reopen them
}

void MainWindow::restoreOpenDrafts() {
    // Both lists are read first: opening each page rewrites them.
    const QStringList ids = QSettings().value(openDraftsKey(session_)).toStringList();
    const QStringList forms = QSettings().value(openFormsKey(session_)).toStringList();
    QWidget* last = nullptr;
    for (const QString& id : ids)
        if (auto* form = openDraft(id))
            last = form;
    // Workflow forms open again only where the person's typing was kept: one opened and left alone,
    // or submitted since (on this desk or another), has no draft and stays closed.
    for (const QString& key : forms)
        for (const auto& kind : kWorkflowForms) {
            if (!key.startsWith(QLatin1String(kind.tabPrefix)))
                continue;
            const QString contactId = key.mid(int(qstrlen(kind.tabPrefix)));
            if (!FormDraftKeeper::read(workspace_, session_.actor(), ss(contactId), kind.draftForm))
                continue;
            QWidget* page = nullptr;
            if (key.startsWith(QLatin1String("screening:")))
                page = openScreening(contactId);
            else if (key.startsWith(QLatin1String("signoff:")))
                page = openSignOff(contactId);
            else
                page = openStrategy(contactId);
            if (page)
                last = page;
        }
    rememberOpenDrafts();
    if (last) {
        tabs_->setCurrentWidget(last);
        if (auto* form = qobject_cast<NewContactForm*>(last))
            form->focusFirstInput();
        statusBar()->showMessage(tr("What you had not finished is open again, as you left it."), 10'000);
    }
}

void MainWindow::refresh() {
    formStates_.clear();
    queues_->refreshCounts();
    if (const QueueItem* current = model_->itemAt(table_->currentIndex().row()))
        selectAfterLoad_ = current->id;
    model_->reload();
    if (!detail_->contactId().isEmpty()) {
        const QString id = detail_->contactId();
        detail_->showMessage(tr("Loading…"));
        detail_->load(*listReader_, id);
    }
}

void MainWindow::markFocusedPane() {
    // F6 moves between these panes; the one holding the focus says so with a frame (Style.cpp draws
    // what the dynamic property asks for), so a person knows where the next key goes.
    QWidget* focused = QApplication::focusWidget();
    for (QWidget* pane : {static_cast<QWidget*>(queueList_), static_cast<QWidget*>(table_),
                          static_cast<QWidget*>(detail_->tabs()), static_cast<QWidget*>(search_)}) {
        const bool has = focused && (pane == focused || pane->isAncestorOf(focused));
        if (pane->property("paneFocus").toBool() == has)
            continue;
        pane->setProperty("paneFocus", has);
        pane->style()->unpolish(pane);
        pane->style()->polish(pane);
        pane->update();
    }
}

void MainWindow::focusNextPane() {
    QWidget* panes[] = {queueList_, table_, detail_->tabs(), search_};
    int current = -1;
    for (int i = 0; i < 4; ++i)
        if (panes[i] == focusWidget() || panes[i]->isAncestorOf(focusWidget()))
            current = i;
    if (tabs_->currentIndex() != 0) {
        tabs_->setCurrentIndex(0);
        current = -1;
    }
    panes[(current + 1) % 4]->setFocus(Qt::TabFocusReason);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // In the queue, Home and End (with or without Ctrl) go to the first and last row as in any list,
    // staying in the Due column, instead of scrolling sideways past it (the trial: End, Up, Ctrl+E
    // started screening a different child).
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const auto modifiers = key->modifiers() & ~Qt::KeypadModifier;
        if ((key->key() == Qt::Key_Home || key->key() == Qt::Key_End) &&
            (modifiers == Qt::NoModifier || modifiers == Qt::ControlModifier) && model_->rowCount() > 0) {
            const int row = key->key() == Qt::Key_Home ? 0 : model_->rowCount() - 1;
            table_->setCurrentIndex(model_->index(row, 0));
            table_->scrollTo(model_->index(row, 0));
            table_->horizontalScrollBar()->setValue(table_->horizontalScrollBar()->minimum());
            return true;
        }
    }
    // Ctrl+K, Ctrl+Enter, Ctrl+L... must work while typing: text boxes claim some Ctrl keys for
    // themselves (Ctrl+K deletes to the end of the line), so for keys in the shortcut table the
    // window's shortcut wins.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (widget && widget->window() == this) {
            const auto* key = static_cast<QKeyEvent*>(event);
            if (key->modifiers() & Qt::ControlModifier) {
                const QKeySequence pressed(QKeyCombination(key->modifiers() & ~Qt::KeypadModifier,
                                                           static_cast<Qt::Key>(key->key())));
                // A Work shortcut whose action is not available (greyed in the menu) says why, instead of
                // the key doing nothing: the EDT worker pressing Ctrl+E reads that screening is the day
                // team's, and how to add a note.
                for (auto it = workActions_.cbegin(); it != workActions_.cend(); ++it)
                    if (!it.value()->isEnabled() && it.value()->shortcuts().contains(pressed) &&
                        QApplication::activeModalWidget() == nullptr) {
                        explainUnavailable(it.key());
                        break;
                    }
                for (const auto& entry : shortcutTable())
                    for (const auto& keys : entry.keys)
                        if (keys == pressed) {
                            event->ignore();
                            return true;
                        }
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::restoreWindowState() {
    QSettings settings;
    // The first window fits the screen it opens on (a 1366x768 laptop with no window manager showed a
    // 1366x800 window, its status bar and the forms' last fields off the bottom); a geometry saved on a
    // larger screen is brought inside this one.
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        const QSize wanted(std::min(1600, available.width()), std::min(1000, available.height()));
        resize(wanted);
        move(available.left() + (available.width() - wanted.width()) / 2,
             available.top() + (available.height() - wanted.height()) / 2);
    }
    if (width() > available.width() || height() > available.height() || !available.intersects(geometry())) {
        resize(std::min(width(), available.width()), std::min(height(), available.height()));
        move(available.topLeft());
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    // The sidebar as wide as its longest title with an overdue count and a count beside it.
    const QFontMetrics metrics = queueList_->fontMetrics();
    int sidebar = 0;
    for (int row = 0; row < queues_->rowCount(); ++row)
        sidebar = std::max(sidebar, metrics.horizontalAdvance(queues_->queue(row).title));
    sidebar = std::clamp(sidebar + 2 * (metrics.horizontalAdvance(QStringLiteral("9,999")) + 18) + 36, 200, 300);
    if (!mainSplitter_->restoreState(settings.value(QStringLiteral("mainWindow/mainSplitter")).toByteArray()))
        mainSplitter_->setSizes({sidebar, width() - sidebar});
    if (!queueSplitter_->restoreState(settings.value(QStringLiteral("mainWindow/queueSplitter")).toByteArray()))
        queueSplitter_->setSizes({(width() - sidebar - 10) * 55 / 100, (width() - sidebar - 10) * 45 / 100});
    detail_->splitter()->restoreState(settings.value(QStringLiteral("mainWindow/contactSplitter")).toByteArray());
    table_->horizontalHeader()->restoreState(settings.value(QStringLiteral("mainWindow/contactColumns")).toByteArray());
}

void MainWindow::saveWindowState() {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/mainSplitter"), mainSplitter_->saveState());
    settings.setValue(QStringLiteral("mainWindow/queueSplitter"), queueSplitter_->saveState());
    settings.setValue(QStringLiteral("mainWindow/contactSplitter"), detail_->splitter()->saveState());
    settings.setValue(QStringLiteral("mainWindow/contactColumns"), table_->horizontalHeader()->saveState());
    if (auto* form = currentForm())
        settings.setValue(QStringLiteral("newContact/formSplitter"), form->splitter()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!saveAllDrafts(true)) {
        event->ignore();
        return;
    }
    rememberOpenDrafts(); // the forms still open are reopened next time
    closing_ = true;
    saveWindowState();
    event->accept();
}

} // namespace frontdoor::ui
