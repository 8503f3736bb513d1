#pragma once
// One contact: where it stands (status, deadlines with live countdowns, recommendation, decision and
// case direction, handover, strategy discussions) and the actions the signed-in role may take now; as
// recorded (referrer, children with their voice, adults, concern, consent), its timeline (every fact:
// who, in which role, when), and a tab per child with that child's person view (every contact and the
// history flags). Read on a BackgroundReader; shown when it arrives.

#include "time/Countdown.h"
#include "users/UserService.h"
#include "util/Clock.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLayout;
class QPushButton;
class QTimer;
class QSplitter;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace frontdoor::ui {

class BackgroundReader;
class PersonView;
class TimelineModel;

class ContactView : public QWidget {
    Q_OBJECT
public:
    explicit ContactView(QWidget* parent = nullptr);

    /// Who is looking (for the actions offered) and the clock the countdowns run on. Without it the
    /// view shows the contact and no actions.
    void setViewer(const core::Session& session, const core::Clock& clock, core::UrgencyThresholds thresholds);
    /// Whether loading the contact logs the read (ContactService::view): a contact opened in a tab of
    /// its own is being read; one passing by in the detail pane as the arrow keys move is not, until
    /// it has been looked at for a while (MainWindow logs that).
    void setLogsReads(bool logs) { logsReads_ = logs; }

    /// Reads the contact, where it stands and each child's history on `reader` and shows them.
    void load(BackgroundReader& reader, const QString& contactId);
    /// Reads the contact again (after an action on it).
    void reload(BackgroundReader& reader);
    /// Shows a short message instead of a contact (nothing selected, a draft).
    void showMessage(const QString& html);

    const QString& contactId() const { return contactId_; }
    bool isLoaded() const { return loaded_; }
    QString title() const;
    /// Works out every countdown on the view again at the clock's now, the header and "Where it
    /// stands" alike, so they never disagree (the view's timer calls it every 30 seconds).
    void refreshCountdowns();
    QTabWidget* tabs() const { return tabs_; }
    QTableView* timelineView() const { return timeline_; }
    QSplitter* splitter() const { return splitter_; }
    std::vector<PersonView*> personViews() const;
    /// ContactWorkflow::state of the contact shown (null until loaded).
    const nlohmann::json& state() const { return state_; }
    const nlohmann::json& contact() const { return contact_; }
    /// The action buttons on show, by object name ("screenButton", "signOffButton", ...).
    QPushButton* actionButton(const QString& name) const;
    /// The line saying why an action is not offered ("You made this recommendation: ...").
    QLabel* actionNote() const { return actionNote_; }
    /// The banner shown while a conflict between desks on this contact is open (hidden otherwise).
    QWidget* conflictBanner() const { return conflictBanner_; }

signals:
    void loaded();
    void contactActivated(const QString& contactId);
    /// One of the action buttons: "screen", "signOff", "strategy", "tellReferrer", "close",
    /// "acknowledgeHandover"; or "conflicts" from the conflict banner.
    void actionRequested(const QString& action, const QString& contactId);
    /// A child's tab was opened (its history is being read).
    void personShown(const QString& personId);

private:
    struct Loaded {
        nlohmann::json contact;
        std::vector<nlohmann::json> histories;
        nlohmann::json state;
        nlohmann::json conflicts; ///< SyncConflicts::openOn
    };
    void showLoaded(const Loaded& data);
    void clearChildTabs();
    void showActions();
    void updateStatusLine();
    void showConflicts(const nlohmann::json& conflicts);
    void renderRecord();

    QString contactId_;
    QString title_;
    int generation_ = 0;
    bool loaded_ = false;
    bool logsReads_ = false;
    std::optional<core::Session> session_;
    const core::Clock* clock_ = nullptr;
    core::UrgencyThresholds thresholds_;
    nlohmann::json state_;
    QString recordHtml_; ///< what the record browser shows, so a refresh that changes nothing leaves it be
    nlohmann::json contact_;
    QLabel* header_;
    QLabel* statusLine_;
    QWidget* actionsBar_;
    QLayout* actionsLayout_;
    QLabel* actionNote_;
    QWidget* conflictBanner_;
    QLabel* conflictText_;
    QPushButton* conflictButton_;
    QTimer* countdownTimer_;
    QTabWidget* tabs_;
    QSplitter* splitter_;
    QTextBrowser* record_;
    QTableView* timeline_;
    TimelineModel* timelineModel_;
};

/// The contact as recorded, as HTML (for the detail pane and printing).
QString contactRecordHtml(const nlohmann::json& contact);

} // namespace frontdoor::ui
