#pragma once
// A duty manager's sign-off of a recommendation: what was recommended and why, the rules' suggestion
// against the recommendation (differences highlighted, with the screener's rationale), the partner
// checks and analysis, the child's history and flags, and the contact as recorded; then the decision:
// case direction (what, by whom, by when), optionally a different outcome with the reason, and sign
// off (Ctrl+Enter), or return it to the screener with a reason (Ctrl+Shift+R). Ctrl+Enter presses the
// button of the part the cursor is in: in the return reason it returns, never signs off; the form
// names on screen the button it will press. Once signed off or returned, the form stays on the
// contact and says what was done, in words, where the decision was (the result line); Ctrl+W closes
// it. The person who made the
// recommendation is not offered sign-off (four eyes on every decision); core refuses it anyway.
// What the duty manager types is kept as their draft of the form (core::FormDrafts) a second after
// typing stops, when the tab or window closes and when the app quits, put back when the sign-off opens
// for the contact again, and cleared when it is signed off or returned.

#include "Workspace.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTextBrowser;

namespace frontdoor::ui {

class BackgroundReader;
class DateLineEdit;
class FieldCell;
class FormDraftKeeper;
class FormFeedback;

class SignOffForm : public QWidget {
    Q_OBJECT
public:
    SignOffForm(core::Workspace& workspace, BackgroundReader& reader, core::Session session, QString contactId,
                QWidget* parent = nullptr);
    ~SignOffForm() override;

    const QString& contactId() const { return contactId_; }
    bool isLoaded() const { return loaded_; }
    QString title() const;
    /// Saves the draft of what is typed now, if anything changed. False if core refused.
    bool saveDraftNow();
    /// Saves the draft, for closing the tab or the window. False if it could not be saved and the
    /// person chose to keep the form open (asked only when `askOnFailure`).
    bool prepareToClose(bool askOnFailure = true);
    /// Whether this person is offered sign-off (a duty manager who did not make the recommendation,
    /// while it waits for sign-off).
    bool offersSignOff() const { return offered_; }

    /// Signs off (Ctrl+Enter). False, with the problems beside their fields, if core refuses.
    bool signOff();
    /// Returns the recommendation to the screener with the reason typed (Ctrl+Shift+R).
    bool returnForEdits();
    QSplitter* splitter() const { return splitter_; }
    void focusFirstInput();
    /// Shows the decision's (and the RAG response's) deadline again, counted at the clock's now; the
    /// form does so every 30 seconds.
    void updateDeadline();
    /// Signed off or returned: the form shows what was done instead of the decision.
    bool isDone() const { return done_; }
    /// The button Ctrl+Enter presses now: the return button while the cursor is in the return
    /// reason (or on that button), else the sign-off button.
    QPushButton* defaultButton() const;

signals:
    void loaded();
    void titleChanged(const QString& title);
    void decided(const QString& contactId, const QString& outcome);
    void returned(const QString& contactId);

private:
    struct Loaded;
    void showLoaded(const Loaded& data);
    void updateRationale();
    nlohmann::json draftFields() const;
    void restoreDraft(const nlohmann::json& typed);
    /// Ctrl+Enter: the button of the part the cursor is in.
    void pressDefault();
    /// Names the button Ctrl+Enter presses, on the buttons and the line under them.
    void updateDefaultButton();
    /// After the sign-off or the return: the decision gives way to what was done, in words.
    void showDone(const QString& title, const QString& words);

    core::Workspace& workspace_;
    BackgroundReader& reader_;
    core::Session session_;
    QString contactId_;
    QString title_;
    QString childNames_;
    QString recommendedOutcome_;
    bool loaded_ = false;
    bool offered_ = false;
    bool done_ = false;
    QPushButton* shownDefault_ = nullptr;

    std::unique_ptr<FormFeedback> feedback_;
    FormDraftKeeper* drafts_ = nullptr;
    QLabel* draftStatus_ = nullptr;
    QLabel* banner_ = nullptr;
    QLabel* header_ = nullptr;
    QSplitter* splitter_ = nullptr;
    QTextBrowser* detail_ = nullptr;
    QWidget* decisionPanel_ = nullptr;
    QLabel* notOffered_ = nullptr;
    QPlainTextEdit* what_ = nullptr;
    QLineEdit* byWhom_ = nullptr;
    DateLineEdit* byWhen_ = nullptr;
    QComboBox* outcome_ = nullptr;
    FieldCell* rationaleCell_ = nullptr;
    QPlainTextEdit* rationale_ = nullptr;
    QPlainTextEdit* returnReason_ = nullptr;
    QPushButton* signOffButton_ = nullptr;
    QPushButton* returnButton_ = nullptr;
    QLabel* defaultAction_ = nullptr; ///< "Ctrl+Return: Sign off"
    QLabel* result_ = nullptr;        ///< what was done, once it is
    QLabel* deadline_ = nullptr;      ///< by when the decision (and the RAG response) is due, counting down
    nlohmann::json state_;            ///< the contact's state as loaded, for the countdowns
};

} // namespace frontdoor::ui
