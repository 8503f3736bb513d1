#pragma once
// The two small steps at the end of a contact's life: telling the referrer the outcome (how, when, by
// whom) and closing the contact (core refuses while something is outstanding, and says what). Each is
// a dialog that records through core and stays open, keeping what was typed, if core refuses.

#include "Workspace.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QDialog>

#include <memory>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

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

class CloseContactDialog : public QDialog {
    Q_OBJECT
public:
    /// `outstanding`: what the state shows is still to do (core has the last word).
    CloseContactDialog(core::Workspace& workspace, core::Session session, QString contactId,
                       const QStringList& outstanding, QWidget* parent = nullptr);
    ~CloseContactDialog() override;
    bool closeContact();

private:
    core::Workspace& workspace_;
    core::Session session_;
    QString contactId_;
    std::unique_ptr<FormFeedback> feedback_;
    QLineEdit* note_;
};

/// Hands a contact whose screening was started by mistake back to the queue, with the reason.
class HandBackDialog : public QDialog {
    Q_OBJECT
public:
    /// `children`: the contact's children's names, so the person sees which contact goes back.
    HandBackDialog(core::Workspace& workspace, core::Session session, QString contactId, const QString& children,
                   QWidget* parent = nullptr);
    ~HandBackDialog() override;
    bool handBack();

private:
    core::Workspace& workspace_;
    core::Session session_;
    QString contactId_;
    std::unique_ptr<FormFeedback> feedback_;
    QLineEdit* reason_;
};

/// Adds a note to a contact: what came to light since (the mother came home at 05:00). Open to a
/// screener, duty manager or EDT worker on a contact not closed (core has the last word); Ctrl+Enter or
/// the button adds it; refused, it stays open with the text kept.
class AddNoteDialog : public QDialog {
    Q_OBJECT
public:
    /// `children`: the contact's children's names, so the person sees which contact the note goes on.
    AddNoteDialog(core::Workspace& workspace, core::Session session, QString contactId, const QString& children,
                  QWidget* parent = nullptr);
    ~AddNoteDialog() override;
    bool addNote();

private:
    core::Workspace& workspace_;
    core::Session session_;
    QString contactId_;
    std::unique_ptr<FormFeedback> feedback_;
    QPlainTextEdit* text_;
};

} // namespace frontdoor::ui
