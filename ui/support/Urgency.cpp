#include "support/Urgency.h"

#include "support/Text.h"

#include <QCoreApplication>

namespace frontdoor::ui {

UrgencyLook urgencyLook(core::Urgency urgency) {
    switch (urgency) {
    case core::Urgency::Overdue:
        return {QColor(0xc5, 0x22, 0x1f), QColor(Qt::white)};
    case core::Urgency::DueSoon:
        return {QColor(0xf9, 0xab, 0x00), QColor(0x20, 0x20, 0x20)};
    case core::Urgency::OnTrack:
        break;
    }
    return {QColor(0x1e, 0x7e, 0x34), QColor(Qt::white)};
}

std::optional<core::Urgency> urgencyFromName(const std::string& name) {
    for (const auto urgency : {core::Urgency::OnTrack, core::Urgency::DueSoon, core::Urgency::Overdue})
        if (core::urgencyName(urgency) == name)
            return urgency;
    return std::nullopt;
}

core::Countdown countdownAt(const core::Clock& clock, const core::UrgencyThresholds& thresholds, qint64 startedMs,
                            qint64 dueMs) {
    return core::countdown(core::fromEpochMs(startedMs), core::fromEpochMs(dueMs), clock.now(), thresholds);
}

QString chipHtml(const QString& text, core::Urgency urgency) {
    const UrgencyLook look = urgencyLook(urgency);
    return QStringLiteral("<span style='background-color:%1; color:%2; font-weight:bold;'>&nbsp;%3&nbsp;</span>")
        .arg(look.background.name(), look.text.name(), text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
}

QString deadlineHtml(const nlohmann::json& deadline, const core::Clock& clock,
                     const core::UrgencyThresholds& thresholds, const std::string& startedAt) {
    const auto tr = [](const char* text) { return QCoreApplication::translate("Deadlines", text); };
    if (!deadline.is_object() || !deadline.contains("due_at"))
        return {};
    const std::string dueText = deadline.value("due_at", std::string());
    const QString due = shortDateTime(dueText).toHtmlEscaped();
    if (deadline.contains("met_at")) {
        const bool late = deadline.value("late", false);
        return tr("due %1; met %2%3")
            .arg(due, shortDateTime(deadline.value("met_at", std::string())).toHtmlEscaped(),
                 late ? QStringLiteral(" ") + chipHtml(tr("late"), core::Urgency::Overdue) : QString());
    }
    const auto dueAt = core::parseInstant(dueText);
    const auto from = core::parseInstant(startedAt);
    if (!dueAt)
        return due;
    if (!from) {
        // No start given: the time left is still worked out at the clock's now (one rule for every
        // countdown on a screen); the colour is core's when the state was read, or a later one's.
        const auto& given = deadline.contains("countdown") ? deadline.at("countdown") : nlohmann::json::object();
        const auto urgency = urgencyFromName(given.value("urgency", std::string()));
        if (!urgency)
            return tr("due %1").arg(due);
        const core::Countdown now = core::countdown(*dueAt, *dueAt, clock.now(), thresholds);
        return tr("due %1 %2").arg(due, chipHtml(qs(now.text()), std::max(now.urgency, *urgency)));
    }
    const core::Countdown now = core::countdown(*from, *dueAt, clock.now(), thresholds);
    return tr("due %1 %2").arg(due, chipHtml(qs(now.text()), now.urgency));
}

} // namespace frontdoor::ui
