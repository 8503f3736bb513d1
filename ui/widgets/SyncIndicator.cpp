#include "widgets/SyncIndicator.h"

#include "support/Shortcuts.h"

#include <QDateTime>
#include <QStyle>

namespace frontdoor::ui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QDateTime parseAt(const std::string& at) {
    QDateTime when = QDateTime::fromString(qs(at), Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(qs(at), Qt::ISODate);
    return when.toLocalTime();
}

// "12:04:31" (or "12:04"); "Mon 23 Nov 12:04" when not on the day of `reference` (the last round).
QString clockTime(const std::string& at, bool seconds = true, const std::string& reference = {}) {
    const QDateTime when = parseAt(at);
    if (!when.isValid())
        return qs(at);
    const QString time = when.toString(seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    const QDateTime now = reference.empty() ? when : parseAt(reference);
    if (!now.isValid() || when.date() == now.date())
        return time;
    return when.toString(QStringLiteral("ddd d MMM ")) + time;
}

// The held reason a person can act on: "upgrade Frontdoor on this desk", or a clock ahead.
QString heldWords(const std::string& note) {
    const QString text = qs(note);
    if (text.contains(QLatin1String("upgrade Frontdoor on this desk")))
        return QObject::tr("upgrade Frontdoor on this desk");
    if (text.contains(QLatin1String("ahead of this desk's clock")))
        return QObject::tr("another desk's clock is ahead (check the clocks)");
    return text;
}

QString plural(int n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? one : many));
}

struct Counts {
    int held = 0;
    int problems = 0;
    QString firstHeld;
    QString firstProblem;
};

Counts countsOf(const core::sync::RoundReport& report) {
    Counts counts;
    for (const auto& device : report.devices) {
        for (const auto& held : device.held) {
            if (counts.held++ == 0)
                counts.firstHeld = heldWords(held.note);
        }
        for (const auto& problem : device.problems) {
            if (counts.problems++ == 0)
                counts.firstProblem = qs(problem.note);
        }
    }
    for (const auto& problem : report.ownProblems)
        if (counts.problems++ == 0)
            counts.firstProblem = qs(problem.note);
    return counts;
}

QString stateOf(const SyncSnapshot& snapshot) {
    if (!snapshot.joined)
        return {};
    if (!snapshot.error.isEmpty())
        return QStringLiteral("failed");
    return qs(snapshot.report.share == "reachable" ? "synced" : snapshot.report.share);
}

} // namespace

SyncIndicator::SyncIndicator(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("syncIndicator"));
    setTextFormat(Qt::PlainText);
    setProperty("syncState", QString());
    hide();
}

QString SyncIndicator::textFor(const SyncSnapshot& snapshot) {
    const QString state = stateOf(snapshot);
    if (state.isEmpty())
        return tr("Not syncing (not joined to a team)");
    if (state == QLatin1String("failed"))
        return tr("Sync stopped: %1").arg(snapshot.error);
    const auto& report = snapshot.report;
    if (state == QLatin1String("refused"))
        return tr("Sync refused: %1 — working on this desk").arg(qs(report.reason));
    if (state == QLatin1String("unreachable")) {
        const std::string& since = snapshot.unreachableSince.empty() ? report.at : snapshot.unreachableSince;
        // The rest of the sentence ("will publish when it is back") leads the tooltip: the status bar of
        // a 1366-pixel screen has no room for it beside who is signed in.
        return tr("Share unreachable since %1 — working on this desk").arg(clockTime(since, false, report.at));
    }
    QStringList parts;
    const int desks = static_cast<int>(report.devices.size()) + 1;
    const Counts counts = countsOf(report);
    // Something waiting is said instead; when the round ran and the desks are in the tooltip (the status
    // bar of a 1366-pixel screen has room for one of them).
    if (counts.held == 0 && counts.problems == 0 && report.conflicts == 0)
        parts << tr("Synced %1 · %2").arg(clockTime(report.at), plural(desks, "desk", "desks"));
    if (counts.held > 0)
        parts << tr("%1 held: %2").arg(plural(counts.held, "file", "files"), counts.firstHeld);
    if (counts.problems > 0)
        parts << tr("%1 not read: %2").arg(plural(counts.problems, "file", "files"), counts.firstProblem);
    if (report.conflicts > 0)
        parts << tr("%1 waiting for a duty manager")
                     .arg(plural(static_cast<int>(report.conflicts), "conflict", "conflicts"));
    return parts.join(QStringLiteral(" · "));
}

QString SyncIndicator::toolTipFor(const SyncSnapshot& snapshot) {
    if (!snapshot.joined)
        return tr("This desk has not joined a team: its work stays on this desk.\nJoin with frontdoor-cli sync "
                  "join --share DIR (docs/sync.md).");
    const auto& report = snapshot.report;
    QStringList lines;
    if (snapshot.error.isEmpty() && report.share == "unreachable")
        lines << tr("The shared folder cannot be reached: %1\nWork goes on on this desk; it is published when the "
                    "folder is back.")
                     .arg(qs(report.reason));
    lines << tr("Shared folder: %1").arg(qs(snapshot.sharePath));
    lines << tr("Desks on the share: %1 (this one included)").arg(report.devices.size() + 1);
    lines << tr("This desk: %1").arg(qs(snapshot.deviceId));
    if (!snapshot.error.isEmpty())
        lines << tr("The last round failed: %1").arg(snapshot.error);
    else
        lines << tr("Last round: %1 (share %2)%3")
                     .arg(qs(report.at), qs(report.share),
                          report.reason.empty() ? QString() : QStringLiteral(": ") + qs(report.reason));
    lines << tr("Last reached the share: %1").arg(snapshot.lastSyncAt.empty() ? tr("never") : qs(snapshot.lastSyncAt));
    if (snapshot.error.isEmpty() && report.reached())
        lines << tr("This round: published %1 facts in %2 files; applied %3 facts in %4 files")
                     .arg(report.publishedFacts)
                     .arg(report.publishedFiles)
                     .arg(report.appliedFacts)
                     .arg(report.appliedFiles);
    if (!report.devices.empty())
        lines << tr("Other desks:");
    for (const auto& device : report.devices) {
        QString line = tr("  %1: up to fact %2").arg(qs(device.deviceId)).arg(device.lastSeqApplied);
        if (device.waiting > 0)
            line += tr(", %1 files waiting").arg(device.waiting);
        lines << line;
        for (const auto& held : device.held)
            lines << tr("    held %1: %2").arg(qs(held.file), qs(held.note));
        for (const auto& problem : device.problems)
            lines << tr("    not read %1: %2").arg(qs(problem.file), qs(problem.note));
    }
    for (const auto& problem : report.ownProblems)
        lines << tr("This desk's folder: %1: %2").arg(qs(problem.file), qs(problem.note));
    if (report.conflicts > 0)
        lines << tr("%1 conflicts waiting for a duty manager (View ▸ Sync conflicts, %2)")
                     .arg(report.conflicts)
                     .arg(shortcutText("conflicts"));
    return lines.join(QLatin1Char('\n'));
}

void SyncIndicator::showSnapshot(const SyncSnapshot& snapshot) {
    const QString state = stateOf(snapshot);
    setVisible(snapshot.joined);
    setText(textFor(snapshot));
    setToolTip(toolTipFor(snapshot));
    const bool held = state == QLatin1String("synced") &&
                      (countsOf(snapshot.report).held > 0 || countsOf(snapshot.report).problems > 0 ||
                       snapshot.report.conflicts > 0);
    const QString look = state == QLatin1String("synced") ? (held ? QStringLiteral("warning") : QString())
                         : state == QLatin1String("unreachable") ? QStringLiteral("warning")
                         : state.isEmpty()                      ? QString()
                                                                : QStringLiteral("error");
    // Amber for "working alone" or "something waits", red for refused or failed.
    setStyleSheet(look == QLatin1String("warning") ? QStringLiteral("QLabel { color: #7a4a00; background: #fff1cc; "
                                                                    "padding: 1px 6px; border-radius: 3px; }")
                  : look == QLatin1String("error")  ? QStringLiteral("QLabel { color: #ffffff; background: #b00020; "
                                                                    "padding: 1px 6px; border-radius: 3px; }")
                                                    : QString());
    if (property("syncState").toString() != state) {
        setProperty("syncState", state);
        style()->unpolish(this);
        style()->polish(this);
    }
}

} // namespace frontdoor::ui
