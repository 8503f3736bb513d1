#pragma once
// Measuring the UI thread. With FRONTDOOR_UI_TIMINGS=1 in the environment, every timed slot prints
// its duration to stderr ("[ui] queue switch: 3.1 ms"), a watchdog reports any stretch in which the
// event loop could not run (typing would stutter), and a summary of the slowest of each is printed at
// exit. Without the variable all of this costs one boolean test.

#include <QElapsedTimer>
#include <QString>

namespace frontdoor::ui {

bool uiTimingsEnabled();

/// Times the enclosing scope on the UI thread.
class ScopedUiTiming {
public:
    explicit ScopedUiTiming(const char* what);
    ~ScopedUiTiming();
    ScopedUiTiming(const ScopedUiTiming&) = delete;
    ScopedUiTiming& operator=(const ScopedUiTiming&) = delete;

private:
    const char* what_;
    QElapsedTimer timer_;
};

/// Records a duration measured elsewhere (e.g. background work, for comparison in the summary).
void recordUiTiming(const QString& what, double milliseconds, bool onUiThread);

/// Starts the event-loop watchdog and the exit summary when timings are enabled. Call once, after
/// the QApplication exists.
void installUiTimingWatchdog();

/// While one exists, the watchdog does not count the UI thread as blocked: for work that is not a
/// person's (the screenshot tour finding demo data, writing PNGs).
class UiTimingWatchdogPause {
public:
    UiTimingWatchdogPause();
    ~UiTimingWatchdogPause();
    UiTimingWatchdogPause(const UiTimingWatchdogPause&) = delete;
    UiTimingWatchdogPause& operator=(const UiTimingWatchdogPause&) = delete;
};

/// The summary as text (also printed at exit).
QString uiTimingSummary();

} // namespace frontdoor::ui
