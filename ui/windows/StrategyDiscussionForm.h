#pragma once
// A contact's strategy discussion, from being needed to its agreed actions being done: schedule it
// (when, where or the call details, the invitees by agency, pre-filled from core's suggestion, with a
// live warning when a required agency is missing and, for a duty manager, the acknowledgement of the
// gap), record it held (attendees, apologies, what each agency shared), record the outcome (who is at
// risk, immediate safety actions, the section 47 decision, the medical examination, what the family is
// told and when, the agreed actions with owner, agency and due date), mark actions done, and print the
// record or save it as a PDF to share with the partners. The step being typed is kept as the person's
// draft of the form (core::FormDrafts) a second after typing stops (at least every 1.5 s while it goes on), when the tab or window closes and
// when the app quits, put back when the discussion opens again at the same step, and cleared when the
// step is recorded.

#include "Workspace.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QImage>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPainter;
class QPaintDevice;
class QPrinter;
class QPushButton;
class QScrollArea;
class QTextDocument;

namespace frontdoor::ui {

class BackgroundReader;
class FieldCell;
class FormDraftKeeper;
class FormFeedback;
class RowTable;

class StrategyDiscussionForm : public QWidget {
    Q_OBJECT
public:
    StrategyDiscussionForm(core::Workspace& workspace, BackgroundReader& reader, core::Session session,
                           QString contactId, QWidget* parent = nullptr);
    ~StrategyDiscussionForm() override;

    const QString& contactId() const { return contactId_; }
    bool isLoaded() const { return loaded_; }
    QString title() const;
    /// required, scheduled, held, outcome_recorded ("" until loaded).
    QString status() const;
    /// Saves the draft of what is typed now, if anything changed. False if core refused.
    bool saveDraftNow();
    /// Saves the draft, for closing the tab or the window. False if it could not be saved and the
    /// person chose to keep the form open (asked only when `askOnFailure`).
    bool prepareToClose(bool askOnFailure = true);
    /// The required agencies not invited, as the form reads the invitees now ("police", ...).
    QStringList missingAgencies() const;

    bool schedule();
    bool recordHeld();
    bool recordOutcome();
    /// Marks the agreed action on the current row of the actions list done.
    bool markActionDone();
    /// Ctrl+Enter: the next step for the discussion's status.
    bool saveNextStep();
    /// Writes the record as a PDF at `path`, without asking (for the Save as PDF action and tests).
    bool saveAsPdf(const QString& path);
    /// Asks where to save the PDF, then saves it.
    void savePdfAs();
    /// Prints through the print dialog.
    void print();
    /// The record's first page as an image (for previews and the screenshot tour).
    QImage firstPageImage(int width) const;
    /// The record as it prints.
    QString documentHtml() const;
    /// The line at the foot of every printed page: the children, the contact's reference, the marking.
    QString pageFooter() const;

    RowTable* invitees() const { return invitees_; }
    RowTable* attendees() const { return attendees_; }
    RowTable* agencyInformation() const { return information_; }
    RowTable* atRisk() const { return atRisk_; }
    RowTable* actions() const { return actions_; }
    RowTable* actionList() const { return actionList_; }
    void focusFirstInput();

signals:
    void loaded();
    void titleChanged(const QString& title);
    /// Something was recorded: the contact's state and the queues have changed.
    void recorded(const QString& contactId, const QString& status);

private:
    struct Loaded;
    void build();
    void load();
    void showLoaded(const Loaded& data);
    void updateMissing();
    void updateSections();
    void markDirty();
    nlohmann::json draftFields() const;
    void restoreDraft(const nlohmann::json& typed);
    std::unique_ptr<QTextDocument> document() const;
    /// Lays the record out in pages of `page` (device pixels) on `device` and paints them, each with a
    /// footer (page n of m, the reference, the marking): every page for a printer (new pages between),
    /// or only page `onlyPage` on an image.
    void paintRecord(QPainter& painter, QPaintDevice& device, const QRectF& page, QPrinter* printer,
                     int onlyPage = -1) const;
    bool submit(const char* what, const std::function<void()>& action);

    core::Workspace& workspace_;
    BackgroundReader& reader_;
    core::Session session_;
    QString contactId_;
    QString title_;
    bool loaded_ = false;
    bool settingUp_ = false;
    nlohmann::json discussion_;
    nlohmann::json contact_;
    nlohmann::json suggested_;

    std::unique_ptr<FormFeedback> feedback_;
    FormDraftKeeper* drafts_ = nullptr;
    QLabel* draftStatus_ = nullptr;
    QLabel* hint_ = nullptr; ///< the footer: what the keys do at this step
    QLabel* banner_ = nullptr;
    QLabel* header_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QLabel* record_ = nullptr; ///< what is recorded so far, as it reads (and prints)
    // Schedule.
    QGroupBox* scheduleBox_ = nullptr;
    QDateTimeEdit* scheduledFor_ = nullptr;
    QLineEdit* location_ = nullptr;
    RowTable* invitees_ = nullptr;
    QLabel* missing_ = nullptr;
    QCheckBox* acknowledge_ = nullptr;
    QPushButton* scheduleButton_ = nullptr;
    // Held.
    QGroupBox* heldBox_ = nullptr;
    QDateTimeEdit* heldAt_ = nullptr;
    RowTable* attendees_ = nullptr;
    RowTable* apologies_ = nullptr;
    RowTable* information_ = nullptr;
    QPushButton* heldButton_ = nullptr;
    // Outcome.
    QGroupBox* outcomeBox_ = nullptr;
    RowTable* atRisk_ = nullptr;
    QPlainTextEdit* safety_ = nullptr;
    QComboBox* s47_ = nullptr;
    QPlainTextEdit* s47Reason_ = nullptr;
    FieldCell* s47ReasonCell_ = nullptr;
    QCheckBox* medicalRequired_ = nullptr;
    QLineEdit* medicalArrangements_ = nullptr;
    QLineEdit* familyWhat_ = nullptr;
    QLineEdit* familyWhen_ = nullptr;
    RowTable* actions_ = nullptr;
    QPushButton* outcomeButton_ = nullptr;
    // After the outcome.
    QGroupBox* actionsBox_ = nullptr;
    RowTable* actionList_ = nullptr;
    QLineEdit* doneNote_ = nullptr;
    QPushButton* doneButton_ = nullptr;
    QPushButton* printButton_ = nullptr;
    QPushButton* pdfButton_ = nullptr;
};

} // namespace frontdoor::ui
