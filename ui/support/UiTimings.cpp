#include "support/UiTimings.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QTimer>

#include <cstdio>
#include <map>
#include <utility>

namespace frontdoor::ui {
namespace {

struct Stat {
    int count = 0;
    double total = 0;
    double worst = 0;
    bool uiThread = true;
};

QMutex& statsMutex() {
    static QMutex mutex;
    return mutex;
}

std::map<QString, Stat>& stats() {
    static std::map<QString, Stat> table;
    return table;
}

int pauses = 0;          // UI thread only
int pauseGeneration = 0; // bumped when a pause ends, so the tick after it is not counted

// The watchdog ticks this often; a tick arriving much later than due means the loop was blocked.
constexpr int kWatchdogTickMs = 10;
constexpr double kStallReportMs = 50;

} // namespace

bool uiTimingsEnabled() {
    static const bool enabled = qEnvironmentVariableIntValue("FRONTDOOR_UI_TIMINGS") != 0;
    return enabled;
}

ScopedUiTiming::ScopedUiTiming(const char* what) : what_(what) {
    if (uiTimingsEnabled())
        timer_.start();
}

ScopedUiTiming::~ScopedUiTiming() {
    if (uiTimingsEnabled() && timer_.isValid())
        recordUiTiming(QString::fromLatin1(what_), static_cast<double>(timer_.nsecsElapsed()) / 1e6, true);
}

void recordUiTiming(const QString& what, double milliseconds, bool onUiThread) {
    if (!uiTimingsEnabled())
        return;
    {
        QMutexLocker lock(&statsMutex());
        Stat& stat = stats()[what];
        ++stat.count;
        stat.total += milliseconds;
        stat.worst = std::max(stat.worst, milliseconds);
        stat.uiThread = onUiThread;
    }
    std::fprintf(stderr, "[%s] %s: %.1f ms\n", onUiThread ? "ui" : "bg", qPrintable(what), milliseconds);
}

UiTimingWatchdogPause::UiTimingWatchdogPause() { ++pauses; }

UiTimingWatchdogPause::~UiTimingWatchdogPause() {
    --pauses;
    ++pauseGeneration;
}

QString uiTimingSummary() {
    QMutexLocker lock(&statsMutex());
    QString text = QStringLiteral("thread  worst ms   mean ms  count  what\n");
    for (const auto& [what, stat] : stats())
        text += QStringLiteral("%1 %2 %3 %4  %5\n")
                    .arg(stat.uiThread ? QStringLiteral("ui    ") : QStringLiteral("bg    "))
                    .arg(stat.worst, 9, 'f', 1)
                    .arg(stat.total / stat.count, 9, 'f', 1)
                    .arg(stat.count, 6)
                    .arg(what);
    return text;
}

void installUiTimingWatchdog() {
    if (!uiTimingsEnabled() || !QCoreApplication::instance())
        return;
    auto* timer = new QTimer(QCoreApplication::instance());
    auto* clock = new QElapsedTimer;
    clock->start();
    timer->setInterval(kWatchdogTickMs);
    timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(timer, &QTimer::timeout, timer, [clock, seen = 0, first = true]() mutable {
        const double gap = static_cast<double>(clock->nsecsElapsed()) / 1e6;
        clock->restart();
        // The first tick comes when the event loop first runs: the gap before it is start-up, which
        // the timed steps of start-up report themselves.
        const bool paused = pauses > 0 || seen != pauseGeneration || std::exchange(first, false);
        seen = pauseGeneration;
        if (!paused && gap - kWatchdogTickMs > kStallReportMs)
            recordUiTiming(QStringLiteral("event loop blocked"), gap - kWatchdogTickMs, true);
    });
    timer->start();
    QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, [clock] {
        std::fprintf(stderr, "\nUI timings (FRONTDOOR_UI_TIMINGS=1)\n%s", qPrintable(uiTimingSummary()));
        delete clock;
    });
}

} // namespace frontdoor::ui
