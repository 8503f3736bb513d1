#pragma once
// The desk locks itself: after the policy's minutes without input (UserService::policy, 10 by default,
// set by an administrator) or at once with Ctrl+Shift+L. Before it locks, every open form's draft is
// saved (aboutToLock); the window's contents, menus and any dialogs are hidden, shortcuts do nothing,
// and only a PIN or password opens it again: the same user's (unlocked, work as they left it) or another
// user's (otherUserSignedIn: the app closes the first user's window, their drafts kept, and opens the
// second's). Idle time is measured on the workspace's clock, so tests move the clock instead of waiting.

#include "Workspace.h"
#include "users/UserService.h"

#include <QObject>
#include <QPointer>

#include <chrono>

class QLabel;
class QLineEdit;
class QMainWindow;
class QPushButton;
class QTimer;
class QWidget;

namespace frontdoor::ui {

class IdleLock : public QObject {
    Q_OBJECT
public:
    IdleLock(QMainWindow& window, core::Workspace& workspace, core::Session session);
    ~IdleLock() override;

    bool isLocked() const { return locked_; }
    std::chrono::minutes timeout() const { return timeout_; }
    /// Locks now (Ctrl+Shift+L).
    void lock();
    /// Locks if nothing has been typed or clicked for the timeout (the window's timer calls this every
    /// few seconds; tests call it after moving the clock).
    void checkIdle();
    /// The lock screen (for tests: objectName "lockScreen").
    QWidget* lockScreen() const { return screen_; }

signals:
    /// About to hide everything: save what is typed.
    void aboutToLock();
    void unlocked();
    /// Someone else signed in at the lock screen.
    void otherUserSignedIn(frontdoor::core::Session session);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void unlock();
    void place();

    QMainWindow& window_;
    core::Workspace& workspace_;
    core::Session session_;
    std::chrono::minutes timeout_;
    core::Instant lastInput_;
    bool locked_ = false;
    QTimer* timer_;
    QWidget* screen_;
    QLineEdit* user_;
    QLineEdit* secret_;
    QLabel* error_;
    QPushButton* unlock_;
    QList<QPointer<QWidget>> hidden_; ///< what lock() hid, shown again on unlock
};

} // namespace frontdoor::ui
