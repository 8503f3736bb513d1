#pragma once
// The small steps on a contact that are a dialog each: telling the referrer the outcome (how, when, by
// whom), closing the contact (core refuses while something is outstanding, and says what), handing a
// screening back, adding a note. Each records through core and stays open, keeping what was typed, if
// core refuses.

#include "Workspace.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QDialog>

#include <functional>
#include <memory>
#include <string>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace frontdoor::core {
class ContactWorkflow;
}

namespace frontdoor::ui {

class FormFeedback;

class ReferrerFeedbackDialog : public QDialog {
    Q_OBJECT
public:
    /// `referrer`: who referred, for the heading ("Dana Whitfield, Brookside Primary").
    ReferrerFeedbackDialog(core::Workspace& workspace, core::Session session, QString contactId, const QString& referrer,
                           const QString& outcome, QWidget* parent = nullptr);
    ~ReferrerFeedbackDialog() override;
    /// Records it; accepts the dialog when core does.
    bool record();

private:
    core::Workspace& workspace_;
    core::Session session_;
    QString contactId_;
    std::unique_ptr<FormFeedback> feedback_;
    QComboBox* how_;
    QDateTimeEdit* when_;
    QLineEdit* by_;
    QPlainTextEdit* note_;
};

/// One short step on a contact that takes a line or a paragraph of text (a closing note, a reason, a
/// note) and records it through core: what the step does, the text, a confirm button. Enter in a line
/// (Ctrl+Enter in a paragraph) confirms; refused, the dialog stays open with the text kept and core's
/// words in its banner.
class TextStepDialog : public QDialog {
    Q_OBJECT
public:
    /// What differs between the steps; every name is an objectName the tests find it by.
    struct Step {
        QString dialogName, title, bannerName;
        QString about, aboutName;
        QString fieldLabel, fieldName, placeholder;
        QString confirmText, confirmName;
        int paragraphLines = 0; ///< 0: a one-line field; else a paragraph this many lines high
        int width = 460;
    };
    ~TextStepDialog() override;
    /// The text as typed, trimmed.
    QString text() const;

protected:
    TextStepDialog(core::Workspace& workspace, core::Session session, QString contactId, const Step& step,
                   QWidget* parent);
    /// Runs `action` (core's call) with the text; accepts when core does, else shows why under `refusal`.
    bool confirmWith(const char* timing, const QString& refusal,
                     const std::function<void(core::ContactWorkflow&, const core::Actor&, const std::string& contactId,
                                              const std::string& text)>& action);
    /// The step's own confirm (called by the button, Enter or Ctrl+Enter).
    virtual bool confirm() = 0;

private:
    core::Workspace& workspace_;
    core::Session session_;
    QString contactId_;
    std::unique_ptr<FormFeedback> feedback_;
    QLineEdit* line_ = nullptr;
    QPlainTextEdit* paragraph_ = nullptr;
};

class CloseContactDialog : public TextStepDialog {
    Q_OBJECT
public:
    /// `outstanding`: what the state shows is still to do (core has the last word).
    CloseContactDialog(core::Workspace& workspace, core::Session session, QString contactId,
                       const QStringList& outstanding, QWidget* parent = nullptr);
    bool closeContact();

protected:
    bool confirm() override { return closeContact(); }
};

/// Hands a contact whose screening was started by mistake back to the queue, with the reason.
class HandBackDialog : public TextStepDialog {
    Q_OBJECT
public:
    /// `children`: the contact's children's names, so the person sees which contact goes back.
    HandBackDialog(core::Workspace& workspace, core::Session session, QString contactId, const QString& children,
                   QWidget* parent = nullptr);
    bool handBack();

protected:
    bool confirm() override { return handBack(); }
};

/// Adds a note to a contact: what came to light since (the mother came home at 05:00). Open to a
/// screener, duty manager or EDT worker on a contact not closed (core has the last word); Ctrl+Enter or
/// the button adds it; refused, it stays open with the text kept.
class AddNoteDialog : public TextStepDialog {
    Q_OBJECT
public:
    /// `children`: the contact's children's names, so the person sees which contact the note goes on.
    AddNoteDialog(core::Workspace& workspace, core::Session session, QString contactId, const QString& children,
                  QWidget* parent = nullptr);
    bool addNote();

protected:
    bool confirm() override { return addNote(); }
};

} // namespace frontdoor::ui
