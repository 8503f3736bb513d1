#pragma once
// The main window: the signed-in role's queues on the left (with counts), and a tabbed work area. The
// first tab is the selected queue (its contacts, loaded in pages as you scroll, and the selected
// contact's detail: as recorded, timeline, and each child's history); contacts, people and new
// contacts open in further tabs. Workflow screens (screening, sign-off, strategy discussion, EDT
// handover) open as tabs the same way, through openPage(); their queues are entries in
// QueueDefinitions.

#include "Workspace.h"
#include "users/UserService.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QLabel;
class QListView;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace frontdoor::ui {

class BackgroundReader;
class ContactListModel;
class ContactView;
class NewContactForm;
class PersonView;
class QueueListModel;
class QuickSearchBox;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(core::Workspace& workspace, core::Session session, QWidget* parent = nullptr);
    ~MainWindow() override;

    const core::Session& session() const { return session_; }

    /// Shows the queue with this key ("awaiting_screening"); false if the role has no such queue.
    bool showQueue(const QString& key);
    /// Opens a page in a tab of its own, or brings forward the tab already showing `key`
    /// ("contact:<id>", "person:<id>", "draft:<id>"). The window takes ownership of `page`; if a tab
    /// already shows `key`, `page` is deleted. Returns the page shown.
    QWidget* openPage(const QString& key, const QString& title, QWidget* page);
    ContactView* openContact(const QString& contactId);
    PersonView* openPerson(const QString& personId);
    NewContactForm* newContact();
    NewContactForm* openDraft(const QString& draftId);
    /// Saves every open form's draft (closing the window and quitting call this).
    bool saveAllDrafts(bool askOnFailure);

    // For tests and the screenshot tour.
    QListView* queueList() const { return queueList_; }
    QTableView* contactTable() const { return table_; }
    ContactListModel* contactModel() const { return model_; }
    QueueListModel* queueModel() const { return queues_; }
    ContactView* detailPane() const { return detail_; }
    QTabWidget* workTabs() const { return tabs_; }
    QuickSearchBox* quickSearch() const { return search_; }
    NewContactForm* currentForm() const;
    BackgroundReader& listReader() const { return *listReader_; }
    BackgroundReader& searchReader() const { return *searchReader_; }
    void showShortcuts();

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildMenus();
    void selectQueueRow(int row);
    void onQueueLoaded();
    void onCurrentRowChanged();
    void activateRow(const QModelIndex& index);
    void closeTab(int index);
    void refresh();
    void updateQueueStatus();
    void focusNextPane();
    void rememberOpenDrafts();
    void restoreOpenDrafts();
    void restoreWindowState();
    void saveWindowState();
    NewContactForm* adoptForm(NewContactForm* form);

    core::Workspace& workspace_;
    core::Session session_;
    std::unique_ptr<BackgroundReader> listReader_;
    std::unique_ptr<BackgroundReader> searchReader_;
    std::unique_ptr<BackgroundReader> countReader_; ///< counting a million rows must not hold up a page
    QueueListModel* queues_ = nullptr;
    QListView* queueList_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QSplitter* mainSplitter_ = nullptr;
    QSplitter* queueSplitter_ = nullptr;
    QTableView* table_ = nullptr;
    ContactListModel* model_ = nullptr;
    ContactView* detail_ = nullptr;
    QuickSearchBox* search_ = nullptr;
    QLabel* countLabel_ = nullptr;
    QTimer* countsTimer_ = nullptr;
    QString selectAfterLoad_;
    int newFormSerial_ = 0;
    bool closing_ = false;
};

} // namespace frontdoor::ui
