#pragma once
// The main window: the signed-in role's queues on the left (with counts, and how many are overdue),
// and a tabbed work area. The first tab is the selected queue (its rows, with what is due and a live
// countdown, and the selected contact's detail: where it stands, as recorded, timeline, and each
// child's history); contacts, people, new contacts and the workflow screens (screening, sign-off,
// strategy discussion, handover) open in further tabs through openPage(). The Work menu acts on the
// contact in view (the selected row, the contact tab or the form): Ctrl+E screen, Ctrl+D sign off,
// Ctrl+T strategy discussion, Ctrl+R tell the referrer, Ctrl+Shift+C close, Ctrl+Shift+H handover,
// Ctrl+Shift+M add a note, Ctrl+M correct the record. A Work shortcut pressed when its action is not
// available says why in the status bar (a disabled action would otherwise swallow the key without a word).
//
// Reading is logged (ContactService::view, PersonSearch::viewHistory) once per opening: a contact or
// person opened in a tab of its own, a workflow screen, a child's tab opened, or a contact left in the
// queue's detail pane for two seconds (moving through the queue with the arrow keys is not reading
// each contact it passes).

#include "Workspace.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QHash>
#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QListView;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace frontdoor::ui {

class AccessReportPage;
class ConflictsPage;
class DuplicatesPage;
class BackgroundReader;
class IdleLock;
class CloseContactDialog;
class HandBackDialog;
class AddNoteDialog;
class CorrectionDialog;
class ContactListModel;
class ContactView;
class HandoverView;
class NewContactForm;
class PersonView;
class QueueListModel;
class QuickSearchBox;
class ReferrerFeedbackDialog;
class ScreeningForm;
class SignOffForm;
class SyncIndicator;
class SyncRunner;
class StrategyDiscussionForm;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(core::Workspace& workspace, core::Session session, QWidget* parent = nullptr);
    ~MainWindow() override;

    const core::Session& session() const { return session_; }
    /// Locks the desk after the policy's idle minutes, or at once (Ctrl+Shift+L).
    IdleLock* idleLock() const { return idleLock_; }
    /// The background sync (rounds every 5 s once the desk has joined a team) and its status-bar word.
    SyncRunner* syncRunner() const { return syncRunner_; }
    SyncIndicator* syncIndicator() const { return syncIndicator_; }

signals:
    /// Another user signed in at the lock screen: the app replaces this window with theirs.
    void otherUserSignedIn(frontdoor::core::Session session);

public:

    /// Shows the queue with this key ("awaiting_screening"); false if the role has no such queue.
    bool showQueue(const QString& key);
    /// Opens a page in a tab of its own, or brings forward the tab already showing `key`
    /// ("contact:<id>", "person:<id>", "draft:<id>"). The window takes ownership of `page`; if a tab
    /// already shows `key`, `page` is deleted. Returns the page shown.
    QWidget* openPage(const QString& key, const QString& title, QWidget* page);
    ContactView* openContact(const QString& contactId);
    /// The auditor's access report (Audit menu), showing who read `personId`'s record when given.
    AccessReportPage* openAccessReport(const QString& personId);
    /// The sync conflicts page (duty managers, administrators, auditors), on `contactId`'s conflict if it
    /// has one open. Null for other roles.
    ConflictsPage* openConflicts(const QString& contactId);
    /// View ▸ Possible duplicates (duty managers and screeners); scans again after each sync bringing facts.
    DuplicatesPage* openDuplicates();
    PersonView* openPerson(const QString& personId);
    NewContactForm* newContact();
    NewContactForm* openDraft(const QString& draftId);
    /// Starts screening a recorded (or returned) contact and opens the screening form; opens it
    /// without starting when screening is under way. Null (with a message why) if core refuses.
    ScreeningForm* openScreening(const QString& contactId);
    SignOffForm* openSignOff(const QString& contactId);
    StrategyDiscussionForm* openStrategy(const QString& contactId);
    HandoverView* openHandover(const QString& contactId);
    /// Opens (window-modal, not blocking) the dialog recording that the referrer was told.
    ReferrerFeedbackDialog* tellReferrer(const QString& contactId);
    CloseContactDialog* closeContact(const QString& contactId);
    HandBackDialog* handBack(const QString& contactId);
    AddNoteDialog* addNote(const QString& contactId);
    /// Ctrl+M: the correction form for the person in view (a person tab) or else the contact in view.
    CorrectionDialog* correctRecordInView();
    /// Runs a Work action ("screen", "signOff", "strategy", "tellReferrer", "close",
    /// "acknowledgeHandover", "addNote") on a contact.
    void runAction(const QString& action, const QString& contactId);
    /// The Work menu's action for one of those names (for tests: enabled when offered).
    QAction* workAction(const QString& action) const;
    /// Saves every open form's draft: new contacts, screening, sign-off, strategy discussions (closing
    /// the window and quitting call this). False if one could not be saved and the person chose to
    /// keep the window open.
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
    void markFocusedPane();
    void rememberOpenDrafts();
    void restoreOpenDrafts();
    void restoreWindowState();
    void saveWindowState();
    NewContactForm* adoptForm(NewContactForm* form);
    QWidget* findPage(const QString& key) const;
    /// The contact in view: the current tab's, or the queue's selected row; with its state when known.
    struct ContactInView {
        QString contactId;
        const nlohmann::json* state = nullptr;
        QString status; ///< the queue row's, until the state is loaded
        QString children; ///< "Lucy Molyneux, Kai Molyneux", so an action can say whom it is about
    };
    ContactInView contactInView() const;
    void updateWorkActions();
    void readFormState(const QString& contactId);
    /// Says in the status bar why the Work action `name` is not available for the contact in view.
    void explainUnavailable(const QString& name);
    /// After something was recorded about a contact: counts, the queue, and every view of it.
    void contactChanged(const QString& contactId);
    /// After a sync round brought facts from another desk: counts, the queue and every open contact.
    void factsArrived();
    void closePage(QWidget* page);
    void scheduleReadLog();
    void logPersonRead(const QString& personId);

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
    QTimer* readTimer_ = nullptr; ///< the detail pane's contact counts as read after two seconds
    QHash<QString, QAction*> workActions_;
    /// The state of a contact open only in a workflow form (a signed-off page, say), read in the
    /// background so the Work menu can offer what comes next there (Ctrl+T after a sign-off).
    QHash<QString, nlohmann::json> formStates_;
    QHash<QString, bool> formStatesAsked_;
    QString loggedDetail_; ///< the detail pane's contact whose reading is logged (until another is shown)
    QString selectAfterLoad_;
    int newFormSerial_ = 0;
    bool closing_ = false;
    IdleLock* idleLock_ = nullptr;
    SyncRunner* syncRunner_ = nullptr;
    SyncIndicator* syncIndicator_ = nullptr;
};

} // namespace frontdoor::ui
