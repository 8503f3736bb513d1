#pragma once
// An out-of-hours handover as the day team's duty manager reads it in the morning: when the EDT wrote
// it and by when it must be acknowledged (a live countdown), what the EDT already did, the handover
// note, each child's voice as the EDT captured it, and the contact as recorded; then Acknowledge
// (Ctrl+Shift+H), with a note if wanted. Anyone else sees it without the action, and why.

#include "Workspace.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace frontdoor::ui {

class BackgroundReader;

class HandoverView : public QWidget {
    Q_OBJECT
public:
    HandoverView(core::Workspace& workspace, BackgroundReader& reader, core::Session session, QString contactId,
                 QWidget* parent = nullptr);

    const QString& contactId() const { return contactId_; }
    bool isLoaded() const { return loaded_; }
    bool isAcknowledged() const;
    QString title() const;
    /// Acknowledges the handover with the note typed. False (and why, in the banner) if refused.
    bool acknowledge();
    void focusFirstInput();

signals:
    void loaded();
    void titleChanged(const QString& title);
    void acknowledged(const QString& contactId);
    /// "Screen it now" after acknowledging.
    void screenRequested(const QString& contactId);

private:
    void load();

    core::Workspace& workspace_;
    BackgroundReader& reader_;
    core::Session session_;
    QString contactId_;
    QString title_;
    bool loaded_ = false;
    nlohmann::json state_;
    QLabel* banner_;
    QLabel* header_;
    QTextBrowser* body_;
    QWidget* actions_;
    QLineEdit* note_;
    QPushButton* acknowledge_;
    QPushButton* screen_;
    QLabel* notOffered_;
};

} // namespace frontdoor::ui
