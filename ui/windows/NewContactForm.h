#pragma once
// A new contact on one screen: when and how it came, the referrer, the children (with a matching
// panel beside them), the adults, the concern and consent. Everything typed is saved as a draft about a
// second after typing stops and at least every 1.5 seconds while it goes on (AutosaveClock), when the
// tab or window closes and when the app quits, so nothing typed is lost (and a continued draft puts the
// cursor back where it was); Ctrl+Enter records the contact, and what core refuses is shown beside the field it is about.
// For an EDT worker the form has an out-of-hours part (what was already done, the handover note) and
// records through ContactWorkflow::recordOutOfHours.

#include "Workspace.h"
#include "contacts/ContactService.h"
#include "support/AutosaveClock.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTimer;
class QVBoxLayout;

namespace frontdoor::core {
struct FieldError;
}

namespace frontdoor::ui {

class AdultEditor;
class BackgroundReader;
class ChildEditor;
class CodeComboBox;
class FieldCell;
class MatchingPanel;

class NewContactForm : public QWidget {
    Q_OBJECT
public:
    /// A new, empty contact, or (with `draft`) one continued from a saved draft. `matcher` runs the
    /// matching searches; `workspace` (the UI thread's) saves drafts and records.
    NewContactForm(core::Workspace& workspace, BackgroundReader& matcher, core::Session session,
                   const std::optional<core::ContactDraft>& draft = std::nullopt, QWidget* parent = nullptr);
    ~NewContactForm() override;

    /// The draft's id ("" until first saved).
    const QString& draftId() const { return draftId_; }
    /// "New contact", or "New contact: Ava Smith" once a child is named.
    QString title() const;
    bool isRecorded() const { return recorded_; }
    /// Whether anything has been typed that is not saved yet.
    bool hasUnsavedChanges() const { return dirty_; }

    /// The form as `contact record` input (also the draft's body).
    nlohmann::json contactJson() const;
    /// Out of hours (an EDT worker's form): the handover, {"already_done", "handover_note"}.
    nlohmann::json handoverJson() const;
    /// An EDT worker records out-of-hours contacts, each with its handover to the day team.
    bool isOutOfHours() const;

    /// Saves the draft now if anything changed. Returns false (and says why in the banner) if core
    /// refused; what was typed stays in the form.
    bool saveDraftNow();
    /// Saves what is unsaved, for closing the tab or the window. False if the draft could not be saved
    /// and the person chose to keep the form open.
    bool prepareToClose(bool askOnFailure = true);
    /// Records the contact (Ctrl+Enter). On refusal shows each problem beside its field and focuses the
    /// first; nothing typed is lost.
    bool record();
    /// Asks (unless `ask` is false), then discards the draft and closes.
    void discard(bool ask = true);

    void addChild(bool copyFamilyDetails = true);
    void addAdult();
    /// Links the matching panel's highlighted candidate to the child being typed (Ctrl+L).
    void linkHighlighted();
    void unlinkCurrentChild();

    MatchingPanel* matchingPanel() const { return matching_; }
    ChildEditor* child(int index) const;
    int childCount() const { return static_cast<int>(children_.size()); }
    AdultEditor* adult(int index) const;
    /// The cell showing a core field path, or null ("children[0].date_of_birth").
    FieldCell* cellForPath(const QString& path) const;
    QLabel* banner() const { return banner_; }
    QSplitter* splitter() const { return splitter_; }
    /// Focuses the first input the person would type in.
    void focusFirstInput();

signals:
    void titleChanged(const QString& title);
    void draftSaved(const QString& draftId);
    void recorded(const QString& contactId, const QString& summary);
    void discarded();
    void contactActivated(const QString& contactId);

private:
    void buildForm();
    void loadJson(const nlohmann::json& body);
    void markDirty();
    void rebuildTabOrder();
    void clearErrors();
    void showErrors(const std::vector<core::FieldError>& errors);
    void showBanner(const QString& text, bool error);
    void removeChild(ChildEditor* child);
    void removeAdult(AdultEditor* adult);
    /// A child or adult removed, kept so Ctrl+Z can put it back (as it was typed, where it was).
    struct Removed {
        bool child = false;
        int index = 0;
        nlohmann::json body;
    };
    QString describeRemoved(const Removed& removed) const;
    void showUndoRemove();
    /// Shows a child or adult just added (or put back), focuses `first` and scrolls it into view.
    void revealNew(QWidget* part, QWidget* first);
    void undoRemove();
    ChildEditor* newChildEditor(int index);
    AdultEditor* newAdultEditor(int index);
    void setCurrentChild(int index);
    void scheduleMatch();
    void runMatch();
    void updateConsentBasis();
    void onFocusChanged(QWidget* old, QWidget* now);

    core::Workspace& workspace_;
    BackgroundReader& matcher_;
    core::Session session_;
    QString draftId_;
    QString recoveryFile_; ///< where the typing went when the database could not take it
    bool dirty_ = false;
    bool recorded_ = false;
    bool loading_ = false;
    int currentChild_ = 0;
    int currentAdult_ = -1; ///< the adult the matching panel searches for; -1 when it is for a child

    QLabel* banner_ = nullptr;
    QLabel* draftStatus_ = nullptr;
    QSplitter* splitter_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QDateTimeEdit* receivedAt_ = nullptr;
    QComboBox* channel_ = nullptr;
    CodeComboBox* source_ = nullptr;
    QLineEdit* referrerName_ = nullptr;
    QLineEdit* referrerAgency_ = nullptr;
    QLineEdit* referrerRole_ = nullptr;
    QLineEdit* referrerPhone_ = nullptr;
    QLineEdit* referrerEmail_ = nullptr;
    QLineEdit* referrerRelationship_ = nullptr;
    QCheckBox* withholdIdentity_ = nullptr;
    QVBoxLayout* childrenLayout_ = nullptr;
    QLabel* childrenError_ = nullptr;
    std::vector<ChildEditor*> children_;
    QPushButton* addChild_ = nullptr;
    QVBoxLayout* adultsLayout_ = nullptr;
    std::vector<AdultEditor*> adults_;
    QPushButton* addAdult_ = nullptr;
    QPushButton* undoRemoveChild_ = nullptr;
    QPushButton* undoRemoveAdult_ = nullptr;
    std::vector<Removed> removed_;
    QPlainTextEdit* concern_ = nullptr;
    QComboBox* consentStatus_ = nullptr;
    QPlainTextEdit* consentBasis_ = nullptr;
    QLineEdit* consentAuthorisedBy_ = nullptr;
    QPlainTextEdit* alreadyDone_ = nullptr;
    QPlainTextEdit* handoverNote_ = nullptr;
    QPushButton* recordButton_ = nullptr;
    QPushButton* saveButton_ = nullptr;
    QPushButton* discardButton_ = nullptr;
    MatchingPanel* matching_ = nullptr;
    std::unique_ptr<AutosaveClock> autosave_;
    nlohmann::json draftCursor_; ///< where the continued draft's cursor was, until typing resumes
    QTimer* matchTimer_ = nullptr;
    QHash<QString, FieldCell*> cells_;
    nlohmann::json extra_ = nlohmann::json::object();         ///< top-level keys the form does not show
    nlohmann::json referrerExtra_ = nlohmann::json::object(); ///< referrer keys likewise
    nlohmann::json consentExtra_ = nlohmann::json::object();
};

} // namespace frontdoor::ui
