#include "windows/MainWindow.h"

#include "contacts/ContactService.h"
#include "dialogs/ShortcutsDialog.h"
#include "models/ContactListModel.h"
#include "models/QueueListModel.h"
#include "support/BackgroundReader.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "users/Roles.h"
#include "widgets/ContactView.h"
#include "widgets/PersonView.h"
#include "widgets/QueueSidebar.h"
#include "widgets/QuickSearchBox.h"
#include "windows/NewContactForm.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
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
const char* kTabKey = "frontdoorTabKey";

QString openDraftsKey(const core::Session& session) {
    return QStringLiteral("openDrafts/") + qs(session.user.id);
}

} // namespace

MainWindow::MainWindow(core::Workspace& workspace, core::Session session, QWidget* parent)
    : QMainWindow(parent), workspace_(workspace), session_(std::move(session)) {
    ScopedUiTiming timing("main window open");
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Frontdoor — %1, %2").arg(qs(session_.user.displayName), qs(core::roleLabel(session_.role))));
    setAttribute(Qt::WA_DeleteOnClose, false);

    listReader_ = std::make_unique<BackgroundReader>(workspace_.db().path(), workspace_.clock(), QStringLiteral("lists"));
    searchReader_ = std::make_unique<BackgroundReader>(workspace_.db().path(), workspace_.clock(), QStringLiteral("search"));
    countReader_ = std::make_unique<BackgroundReader>(workspace_.db().path(), workspace_.clock(), QStringLiteral("counts"));

    // Top: new contact and the search box, always in reach.
    search_ = new QuickSearchBox(*searchReader_);
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
    auto* sidebar = new QWidget;
    sidebar->setObjectName(QStringLiteral("queueSidebar"));
    auto* sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(6, 6, 0, 6);
    auto* queuesHeading = new QLabel(tr("Queues"));
    queuesHeading->setProperty("role", QStringLiteral("heading"));
    sidebarLayout->addWidget(queuesHeading);
    sidebarLayout->addWidget(queueList_, 1);
    auto* sidebarHint = new QLabel(tr("Ctrl+1 … Ctrl+%1 switch queues").arg(queues_->rowCount()));
    sidebarHint->setProperty("role", QStringLiteral("hint"));
    sidebarHint->setWordWrap(true);
    sidebarLayout->addWidget(sidebarHint);

    // The queue's contacts and the selected one's detail.
    model_ = new ContactListModel(*listReader_, session_, this);
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
    table_->setColumnWidth(ContactTableModel::Received, boldMetrics.horizontalAdvance(QStringLiteral("Wed 30/09/26 23:59")) + 16);
    table_->setColumnWidth(ContactTableModel::Children, metrics.averageCharWidth() * 20);
    table_->setColumnWidth(ContactTableModel::Source, metrics.averageCharWidth() * 14);
    table_->setColumnWidth(ContactTableModel::Status, metrics.averageCharWidth() * 18);
    table_->setColumnHidden(ContactTableModel::Due, true); // shown once core computes deadlines for queues
    detail_ = new ContactView;
    detail_->setObjectName(QStringLiteral("detailPane"));
    connect(detail_, &ContactView::contactActivated, this, [this](const QString& id) { openContact(id); });

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
    auto* database = new QLabel(qs(workspace_.db().path()));
    database->setObjectName(QStringLiteral("databaseLabel"));
    database->setToolTip(tr("The database this desk works in"));
    statusBar()->addPermanentWidget(database);

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
    if (!(hasDrafts && showQueue(QStringLiteral("my_drafts"))) && !showQueue(QStringLiteral("awaiting_screening")))
        selectQueueRow(0);
    restoreOpenDrafts();
    qApp->installEventFilter(this);
    if (tabs_->currentIndex() == 0)
        table_->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() {
    qApp->removeEventFilter(this);
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
    action(tr("&Quit"), "quit", [this] { close(); }, file);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int row = 0; row < queues_->rowCount() && row < 9; ++row) {
        auto* act = new QAction(queues_->queue(row).title, this);
        act->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
        connect(act, &QAction::triggered, this, [this, row] {
            selectQueueRow(row);
            table_->setFocus(Qt::ShortcutFocusReason);
        });
        view->addAction(act);
        addAction(act);
    }
    view->addSeparator();
    action(tr("&Refresh"), "refresh", [this] { refresh(); }, view);
    action(tr("Next &pane"), "nextPane", [this] { focusNextPane(); }, view);
    action(tr("Ne&xt tab"), "nextTab", [this] { tabs_->setCurrentIndex((tabs_->currentIndex() + 1) % tabs_->count()); }, view);
    action(tr("Pre&vious tab"), "previousTab", [this] {
        tabs_->setCurrentIndex((tabs_->currentIndex() + tabs_->count() - 1) % tabs_->count());
    }, view);

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
        table_->setCurrentIndex(model_->index(row, 0));
        table_->scrollTo(model_->index(row, 0));
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
    const QString title = queues_->queue(row).title;
    if (total < 0)
        countLabel_->setText(tr("%1: %2 shown").arg(title, QLocale().toString(model_->rowCount())));
    else
        countLabel_->setText(tr("%1: %2 of %3 shown")
                                 .arg(title, QLocale().toString(model_->rowCount()), QLocale().toString(total)));
}

void MainWindow::onCurrentRowChanged() {
    ScopedUiTiming timing("contact row selected");
    const QueueItem* item = model_->itemAt(table_->currentIndex().row());
    if (!item) {
        detail_->showMessage(tr("Select a contact to see it here."));
        return;
    }
    if (item->kind == QueueItem::Kind::Draft) {
        detail_->showMessage(tr("<b>Draft: %1</b><br>Saved, not yet recorded. Press Enter to continue it.<br><br>%2")
                                 .arg(item->children.toHtmlEscaped(), item->concern.toHtmlEscaped()));
        return;
    }
    detail_->load(*listReader_, item->id);
}

void MainWindow::activateRow(const QModelIndex& index) {
    const QueueItem* item = model_->itemAt(index.row());
    if (!item)
        return;
    if (item->kind == QueueItem::Kind::Draft)
        openDraft(item->id);
    else
        openContact(item->id);
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

ContactView* MainWindow::openContact(const QString& contactId) {
    ScopedUiTiming timing("open contact tab");
    const QString key = QStringLiteral("contact:") + contactId;
    for (int i = 0; i < tabs_->count(); ++i)
        if (tabs_->widget(i)->property(kTabKey).toString() == key) {
            tabs_->setCurrentIndex(i);
            return qobject_cast<ContactView*>(tabs_->widget(i));
        }
    auto* view = new ContactView;
    connect(view, &ContactView::contactActivated, this, [this](const QString& id) { openContact(id); });
    connect(view, &ContactView::loaded, this, [this, view] {
        const int index = tabs_->indexOf(view);
        if (index >= 0)
            tabs_->setTabText(index, view->title());
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
    connect(view, &PersonView::loaded, this, [this, view] {
        const int index = tabs_->indexOf(view);
        if (index >= 0)
            tabs_->setTabText(index, view->displayName());
        view->contactsView()->setFocus(Qt::OtherFocusReason);
        if (view->contactsView()->model()->rowCount() > 0)
            view->contactsView()->setCurrentIndex(view->contactsView()->model()->index(0, 0));
    });
    view->load(*listReader_, personId);
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
        if (!showQueue(QStringLiteral("awaiting_screening")) || model_->queueKey() == QLatin1String("awaiting_screening"))
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
    if (auto* form = qobject_cast<NewContactForm*>(page)) {
        if (!form->prepareToClose())
            return;
        QSettings().setValue(QStringLiteral("newContact/formSplitter"), form->splitter()->saveState());
        if (!form->draftId().isEmpty())
            statusBar()->showMessage(tr("Draft kept in My drafts."), 6000);
    }
    tabs_->removeTab(index);
    page->deleteLater();
    rememberOpenDrafts();
}

bool MainWindow::saveAllDrafts(bool askOnFailure) {
    bool allSaved = true;
    for (int i = 0; i < tabs_->count(); ++i)
        if (auto* form = qobject_cast<NewContactForm*>(tabs_->widget(i))) {
            if (!form->prepareToClose(askOnFailure)) {
                tabs_->setCurrentIndex(i);
                allSaved = false;
            }
        }
    return allSaved;
}

void MainWindow::rememberOpenDrafts() {
    if (closing_)
        return;
    QStringList ids;
    for (int i = 0; i < tabs_->count(); ++i)
        if (auto* form = qobject_cast<NewContactForm*>(tabs_->widget(i)))
            if (!form->draftId().isEmpty() && !form->isRecorded())
                ids << form->draftId();
    QSettings settings;
    settings.setValue(openDraftsKey(session_), ids);
    settings.sync(); // a crash should still reopen them
}

void MainWindow::restoreOpenDrafts() {
    const QStringList ids = QSettings().value(openDraftsKey(session_)).toStringList();
    NewContactForm* last = nullptr;
    for (const QString& id : ids)
        if (auto* form = openDraft(id))
            last = form;
    if (last) {
        tabs_->setCurrentWidget(last);
        last->focusFirstInput();
        statusBar()->showMessage(tr("Your unfinished contacts are open again, as you left them."), 10'000);
    }
}

void MainWindow::refresh() {
    queues_->refreshCounts();
    model_->reload();
    if (!detail_->contactId().isEmpty()) {
        const QString id = detail_->contactId();
        detail_->showMessage(tr("Loading…"));
        detail_->load(*listReader_, id);
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
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1366, 800);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (!mainSplitter_->restoreState(settings.value(QStringLiteral("mainWindow/mainSplitter")).toByteArray()))
        mainSplitter_->setSizes({180, width() - 180});
    if (!queueSplitter_->restoreState(settings.value(QStringLiteral("mainWindow/queueSplitter")).toByteArray()))
        queueSplitter_->setSizes({(width() - 190) * 55 / 100, (width() - 190) * 45 / 100});
    detail_->splitter()->restoreState(settings.value(QStringLiteral("mainWindow/contactSplitter")).toByteArray());
    table_->horizontalHeader()->restoreState(settings.value(QStringLiteral("mainWindow/contactColumns")).toByteArray());
    table_->setColumnHidden(ContactTableModel::Due, true);
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
