#pragma once
// `frontdoor --screenshot-tour DIR`: drives the real windows through the main screens with the demo
// data (sign-in, a queue, a contact's detail and timeline, a person view, a new contact with the
// matching panel, refused fields, the search box, the shortcuts) and the workflow screens, signed in
// as the people who use them (an EDT worker's out-of-hours contact; a duty manager's handovers,
// overdue queue, handover and acknowledgement, sign-off and a strategy discussion from schedule to
// outcome and its PDF; a screener's screening with the indicator picker and the live suggestion), and
// saves a PNG of each. Typing is sent as key events, so the screens show what a person would see. It
// changes the database it runs on: use a scratch copy.

#include "Workspace.h"

#include <QSize>
#include <QString>

#include <functional>
#include <memory>

class QWidget;

namespace frontdoor::ui {

class MainWindow;

class ScreenshotTour {
public:
    ScreenshotTour(core::Workspace& workspace, MainWindow& window, QString directory, QSize windowSize);
    /// Runs the tour; returns the process exit code.
    int run();

    /// Lets the window finish its background reads and layout (for --screenshot).
    static void settleWindow(MainWindow& window);
    /// Processes events until `condition` holds or `timeoutMs` passes.
    static bool waitFor(const std::function<bool()>& condition, int timeoutMs = 15000);

private:
    bool save(QWidget& widget, const QString& name);
    /// Another window, signed in as a demo user (the tour's main window is a screener's).
    std::unique_ptr<MainWindow> openAs(const char* user, const char* pin, const char* role);
    void workflowScreens();

    core::Workspace& workspace_;
    MainWindow& window_;
    QString directory_;
    QSize size_;
    int failures_ = 0;
};

/// Sends `text` to `widget` as key presses, as if typed.
void typeInto(QWidget* widget, const QString& text);
/// Sends one key press (with modifiers) to the focused widget of `window`.
void pressKey(QWidget* window, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

} // namespace frontdoor::ui
