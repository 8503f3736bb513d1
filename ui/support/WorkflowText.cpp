#include "support/WorkflowText.h"

#include "contacts/Outcomes.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/Urgency.h"
#include "users/Roles.h"
#include "workflow/StrategyDiscussions.h"

#include <QCoreApplication>

namespace frontdoor::ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Workflow", text); }

QString esc(const QString& text) { return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")); }

QString row(const QString& label, const QString& valueHtml) {
    if (valueHtml.trimmed().isEmpty())
        return {};
    return QStringLiteral("<tr><td class='k'>%1</td><td>%2</td></tr>").arg(label.toHtmlEscaped(), valueHtml);
}

QString textRow(const QString& label, const QString& value) { return row(label, esc(value)); }

/// A member, or an empty object when absent or null (so .value() on it is safe).
const nlohmann::json& member(const nlohmann::json& object, const char* key) {
    static const nlohmann::json empty = nlohmann::json::object();
    if (!object.is_object())
        return empty;
    const auto found = object.find(key);
    return found == object.end() || found->is_null() ? empty : *found;
}

bool holds(const core::Session& session, const char* role) { return session.role == role; }

QString peopleList(const nlohmann::json& people, bool withRole) {
    QStringList lines;
    if (people.is_array())
        for (const auto& person : people) {
            QString line = jsonText(person, "name");
            if (line.isEmpty())
                line = tr("(name to confirm)");
            QStringList about{agencyLabel(person.value("agency", std::string()))};
            const QString role = humanise(person.value("role", std::string()));
            if (withRole && !role.isEmpty())
                about << role;
            lines << QStringLiteral("%1 <span class='m'>(%2)</span>").arg(line.toHtmlEscaped(), about.join(QStringLiteral(", ")).toHtmlEscaped());
        }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

QString agencyLabel(const std::string& code) {
    if (code == "police")
        return tr("Police");
    if (code == "health")
        return tr("Health");
    if (code == "childrens_social_care")
        return tr("Children's social care");
    if (code == "education")
        return tr("Education");
    if (code == "early_help")
        return tr("Early help");
    if (code == "referrer")
        return tr("The referrer");
    if (code == "probation")
        return tr("Probation");
    if (code == "housing")
        return tr("Housing");
    if (code == "other")
        return tr("Other");
    return humanise(code);
}

std::vector<std::pair<QString, QString>> agencyChoices() {
    std::vector<std::pair<QString, QString>> choices;
    for (const auto& code : core::strategyAgencies())
        choices.emplace_back(qs(code), agencyLabel(code));
    return choices;
}

QString ragLabel(const std::string& rag) {
    if (rag == "red")
        return tr("Red");
    if (rag == "amber")
        return tr("Amber");
    if (rag == "green")
        return tr("Green");
    return humanise(rag);
}

QString s47Label(const std::string& decision) {
    if (decision == "joint")
        return tr("Section 47 enquiry, joint with the police");
    if (decision == "single_agency")
        return tr("Section 47 enquiry by children's social care alone");
    if (decision == "none")
        return tr("No section 47 enquiry");
    return humanise(decision);
}

QString statusLabel(const std::string& status) {
    if (status == "in_screening")
        return tr("In screening");
    if (status == "recorded")
        return tr("Recorded, awaiting screening");
    if (status == "recommended")
        return tr("Recommended, awaiting sign-off");
    if (status == "returned")
        return tr("Returned for edits");
    if (status == "decided")
        return tr("Decided");
    if (status == "closed")
        return tr("Closed");
    if (status == "required")
        return tr("To be scheduled");
    if (status == "scheduled")
        return tr("Scheduled");
    if (status == "held")
        return tr("Held; outcome to record");
    if (status == "outcome_recorded")
        return tr("Outcome recorded");
    return humanise(status);
}

QString personLabel(const std::string& userId) { return qs(userId); }

QStringList childrenOf(const nlohmann::json& contact) {
    QStringList names;
    for (const auto& child : member(contact, "children")) {
        QString name = (jsonText(child, "given_name") + QLatin1Char(' ') + jsonText(child, "family_name")).trimmed();
        const bool unborn = child.value("unborn", false) || child.contains("expected_date");
        if (unborn && jsonText(child, "given_name").isEmpty())
            name = tr("Unborn %1").arg(jsonText(child, "family_name"));
        if (unborn)
            name += tr(" (due %1)").arg(ukDate(child.value("expected_date", std::string())));
        else if (child.contains("date_of_birth"))
            name += tr(" (born %1)").arg(ukDate(child.value("date_of_birth", std::string())));
        names << name;
    }
    return names;
}

QString childNamesOf(const nlohmann::json& contact) {
    QStringList names;
    for (const auto& child : member(contact, "children")) {
        const QString given = jsonText(child, "given_name");
        names << (given.isEmpty() ? tr("Unborn %1").arg(jsonText(child, "family_name"))
                                  : (given + QLatin1Char(' ') + jsonText(child, "family_name")).trimmed());
    }
    return names.join(QStringLiteral(", "));
}

ContactActions actionsFor(const nlohmann::json& state, const core::Session& session) {
    ContactActions actions;
    if (!state.is_object() || !state.contains("status"))
        return actions;
    using namespace core::role;
    const std::string status = state.value("status", std::string());
    const bool screens = holds(session, kScreener) || holds(session, kDutyManager);
    const bool manages = holds(session, kDutyManager);
    actions.startScreening = screens && status == "recorded";
    actions.continueScreening = screens && (status == "in_screening" || status == "returned");
    actions.handBack = screens && status == "in_screening" &&
                       (manages || state.value("screener", std::string()) == session.user.id);
    if (status == "recommended") {
        const std::string by = member(state, "recommendation").value("by", std::string());
        if (!manages)
            actions.signOffWhyNot = tr("Sign-off is for a duty manager.");
        else if (by == session.user.id)
            actions.signOffWhyNot = tr("You made this recommendation: another duty manager signs it off.");
        else
            actions.signOff = true;
    }
    const auto& discussions = member(state, "strategy_discussions");
    if (screens && discussions.is_array() && !discussions.empty()) {
        const std::string last = discussions.back().value("status", std::string());
        actions.strategy = true;
        actions.strategyLabel = last == "required"    ? tr("Schedule the strategy discussion")
                                : last == "scheduled" ? tr("Record the strategy discussion")
                                : last == "held"      ? tr("Record the strategy discussion's outcome")
                                                      : tr("Strategy discussion: actions and print");
    }
    const auto& feedback = member(state, "referrer_feedback");
    actions.tellReferrer = screens && feedback.value("status", std::string()) == "outstanding";
    if (status == "decided") {
        actions.close = screens;
        if (feedback.value("status", std::string()) == "outstanding")
            actions.outstanding << tr("the referrer has not been told the outcome");
        if (discussions.is_array())
            for (const auto& discussion : discussions)
                if (discussion.value("status", std::string()) != "outcome_recorded")
                    actions.outstanding << tr("the strategy discussion's outcome is not yet recorded");
    }
    const auto& handover = member(state, "handover");
    if (!handover.empty() && !handover.contains("acknowledged_by")) {
        if (manages)
            actions.acknowledgeHandover = true;
        else
            actions.handoverWhyNot = tr("A duty manager acknowledges the handover.");
    }
    actions.addNote = (screens || holds(session, kEdtWorker)) && status != "closed";
    return actions;
}

QString unavailableReason(const QString& action, const nlohmann::json& state, const core::Session& session) {
    using namespace core::role;
    if (!state.is_object() || !state.contains("status"))
        return tr("There is no contact in view: select one in a queue or open it first.");
    const std::string status = state.value("status", std::string());
    const QString statusText = statusLabel(status);
    const QString role = qs(core::roleLabel(session.role));
    const bool screens = holds(session, kScreener) || holds(session, kDutyManager);
    const bool manages = holds(session, kDutyManager);
    const ContactActions offered = actionsFor(state, session);
    if (action == QLatin1String("addNote")) {
        if (!screens && !holds(session, kEdtWorker))
            return tr("Notes are added by a screener, duty manager or EDT worker, not as %1.").arg(role);
        return tr("The contact is closed: it takes no more notes.");
    }
    if (action == QLatin1String("acknowledgeHandover")) {
        if (member(state, "handover").empty())
            return tr("This contact has no out-of-hours handover to acknowledge.");
        if (!offered.handoverWhyNot.isEmpty())
            return offered.handoverWhyNot;
        return tr("The handover has already been acknowledged.");
    }
    if (action == QLatin1String("signOff")) {
        if (!offered.signOffWhyNot.isEmpty())
            return offered.signOffWhyNot;
        if (!manages)
            return tr("Sign-off is for a duty manager; you are signed in as %1.").arg(role);
        return tr("Nothing to sign off: the contact is %1, not recommended.").arg(statusText);
    }
    const QString addNote = holds(session, kEdtWorker) || screens
                                ? tr(" You can add a note (%1).").arg(shortcutText("addNote"))
                                : QString();
    if (!screens)
        return tr("Screening, hand-back, strategy discussions, telling the referrer and closing are for a screener "
                  "or duty manager; you are signed in as %1.%2")
            .arg(role, addNote);
    if (action == QLatin1String("screen"))
        return tr("The contact is %1: there is no screening to start or continue.").arg(statusText);
    if (action == QLatin1String("handBack"))
        return status == "in_screening"
                   ? tr("Only the screener who started it, or a duty manager, hands it back.")
                   : tr("The contact is %1, not in screening: there is nothing to hand back.").arg(statusText);
    if (action == QLatin1String("strategy"))
        return tr("This contact has no strategy discussion.");
    if (action == QLatin1String("tellReferrer"))
        return member(state, "referrer_feedback").empty()
                   ? tr("There is no outcome to tell the referrer yet (or the referrer is anonymous).")
                   : tr("The referrer has already been told the outcome.");
    if (action == QLatin1String("close"))
        return tr("The contact is %1: it is closed once decided.").arg(statusText);
    return tr("Not available for this contact (%1).").arg(statusText);
}

QString notesHtml(const nlohmann::json& notes) {
    if (!notes.is_array() || notes.empty())
        return {};
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(tr("Notes"));
    for (const auto& note : notes) {
        QString who = tr("%1 (%2), %3")
                          .arg(personLabel(note.value("by", std::string())),
                               qs(core::roleLabel(note.value("role", std::string()))),
                               shortDateTime(note.value("at", std::string())));
        QString text = esc(jsonText(note, "text"));
        if (note.value("after_handover", false)) {
            const QString when = note.value("after_acknowledgement", false)
                                     ? tr("added after the handover was acknowledged")
                                     : tr("added after the handover");
            text += QStringLiteral(" <span class='m'>(%1)</span>").arg(when.toHtmlEscaped());
        }
        html += row(who, text);
    }
    return html + QStringLiteral("</table>");
}

QString partnerChecksHtml(const nlohmann::json& checks) {
    if (!checks.is_array() || checks.empty())
        return {};
    QString html = QStringLiteral("<table class='grid' cellspacing='0' cellpadding='3'><tr><th>%1</th><th>%2</th><th>%3</th>"
                                  "<th>%4</th><th>%5</th></tr>")
                       .arg(tr("Agency"), tr("Spoke to"), tr("When"), tr("What was shared"), tr("Basis"));
    for (const auto& check : checks)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(esc(jsonText(check, "agency")), esc(jsonText(check, "person_spoken_to")),
                         esc(shortDateTime(check.value("checked_at", std::string()))), esc(jsonText(check, "shared")),
                         esc(jsonText(check, "basis")));
    return html + QStringLiteral("</table>");
}

QString analysisHtml(const nlohmann::json& analysis) {
    if (!analysis.is_object())
        return {};
    QString html = textRow(tr("Risks"), jsonText(analysis, "risks")) +
                   textRow(tr("Strengths"), jsonText(analysis, "strengths")) +
                   textRow(tr("Analysis"), jsonText(analysis, "analysis"));
    return html.isEmpty() ? QString() : QStringLiteral("<table>%1</table>").arg(html);
}

QString workflowStateHtml(const nlohmann::json& state, const core::Clock& clock,
                          const core::UrgencyThresholds& thresholds) {
    if (!state.is_object() || !state.contains("status"))
        return {};
    const std::string received = state.value("received_at", std::string());
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(tr("Where it stands"));
    html += textRow(tr("Status"), statusLabel(state.value("status", std::string())));
    html += row(tr("Decision"), deadlineHtml(member(state, "decision_deadline"), clock, thresholds, received));
    if (state.contains("rag_deadline"))
        html += row(tr("RAG response"), deadlineHtml(member(state, "rag_deadline"), clock, thresholds, received));
    if (state.contains("screener"))
        html += textRow(tr("Screener"), personLabel(state.value("screener", std::string())));
    if (state.contains("returned_reason") && state.value("status", std::string()) == "returned")
        html += textRow(tr("Returned because"), jsonText(state, "returned_reason"));
    html += QStringLiteral("</table>");

    const auto& handover = member(state, "handover");
    // member() gives an empty object for a contact with no handover (null in core's state).
    if (!handover.empty()) {
        html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Out-of-hours handover"));
        html += textRow(tr("From"), tr("%1, %2").arg(personLabel(handover.value("written_by", std::string())),
                                                    shortDateTime(handover.value("written_at", std::string()))));
        html += row(tr("Acknowledgement"), handover.contains("acknowledged_by")
                                               ? esc(tr("acknowledged by %1").arg(personLabel(handover.value("acknowledged_by", std::string())))) +
                                                     QStringLiteral("; ") +
                                                     deadlineHtml(member(handover, "deadline"), clock, thresholds, received)
                                               : deadlineHtml(member(handover, "deadline"), clock, thresholds, received));
        html += textRow(tr("Already done"), jsonText(handover, "already_done"));
        html += textRow(tr("Handover note"), jsonText(handover, "handover_note"));
        if (handover.contains("acknowledged_by"))
            html += textRow(tr("Acknowledgement note"), jsonText(handover, "acknowledgement_note"));
        html += QStringLiteral("</table>");
    }
    html += notesHtml(member(state, "notes"));

    const auto& recommendation = member(state, "recommendation");
    if (recommendation.is_object() && recommendation.contains("outcome")) {
        html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Recommendation"));
        html += textRow(tr("Outcome"), qs(core::outcomeLabel(recommendation.value("outcome", std::string()))));
        html += textRow(tr("Level"), jsonText(recommendation, "level_label"));
        html += textRow(tr("RAG"), ragLabel(recommendation.value("rag", std::string())));
        html += textRow(tr("In words"), jsonText(recommendation, "recommendation"));
        html += textRow(tr("By"), tr("%1, %2").arg(personLabel(recommendation.value("by", std::string())),
                                                  shortDateTime(recommendation.value("at", std::string()))));
        html += QStringLiteral("</table>");
    }
    const auto& decision = member(state, "decision");
    if (decision.is_object() && decision.contains("outcome")) {
        const auto& direction = member(decision, "case_direction");
        html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Decision"));
        html += textRow(tr("Outcome"), jsonText(decision, "outcome_label"));
        html += textRow(tr("Signed off by"), tr("%1, %2").arg(personLabel(decision.value("by", std::string())),
                                                             shortDateTime(decision.value("at", std::string()))));
        html += textRow(tr("Case direction"), jsonText(direction, "what"));
        html += textRow(tr("By whom"), jsonText(direction, "by_whom"));
        html += textRow(tr("By when"), ukDate(direction.value("by_when", std::string())));
        html += QStringLiteral("</table>");
    }
    const auto& feedback = member(state, "referrer_feedback");
    if (feedback.is_object() && feedback.contains("status")) {
        html += QStringLiteral("<h3>%1</h3><table>").arg(tr("The referrer"));
        if (feedback.value("status", std::string()) == "outstanding")
            html += row(tr("Told the outcome"), chipHtml(tr("not yet"), core::Urgency::DueSoon));
        else
            html += textRow(tr("Told the outcome"),
                            tr("%1 by %2 (%3)")
                                .arg(shortDateTime(feedback.value("told_at", std::string())),
                                     qs(feedback.value("told_by", std::string())),
                                     humanise(feedback.value("how", std::string()))));
        html += QStringLiteral("</table>");
    }
    const auto& discussions = member(state, "strategy_discussions");
    if (discussions.is_array())
        for (const auto& discussion : discussions) {
            html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Strategy discussion"));
            html += textRow(tr("Status"), statusLabel(discussion.value("status", std::string())));
            // The discussion's clock starts at the decision (required_at): worked out at the clock's
            // now, as the header's is, so the two never read differently.
            html += row(tr("Held within 24 hours"), deadlineHtml(member(discussion, "deadline"), clock, thresholds,
                                                                 discussion.value("required_at", std::string())));
            if (discussion.contains("s47_decision"))
                html += textRow(tr("Section 47"), s47Label(discussion.value("s47_decision", std::string())));
            if (discussion.contains("icpc_due"))
                html += textRow(tr("Initial child protection conference"),
                                tr("due %1").arg(shortDateTime(member(discussion, "icpc_due").value("due_at", std::string()))));
            const auto& missing = member(discussion, "missing_agencies");
            if (missing.is_array() && !missing.empty()) {
                QStringList names;
                for (const auto& m : missing)
                    if (m.is_string())
                        names << qs(m.get<std::string>());
                html += row(tr("Not invited"), chipHtml(names.join(QStringLiteral(", ")), core::Urgency::DueSoon));
            }
            html += QStringLiteral("</table>");
        }
    const auto& checks = member(state, "partner_checks");
    if (checks.is_array() && !checks.empty())
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Partner checks")) + partnerChecksHtml(checks);
    const QString analysis = analysisHtml(member(state, "analysis"));
    if (!analysis.isEmpty())
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Analysis")) + analysis;
    return html;
}

QString contactReferenceText(const nlohmann::json& contact) {
    const QString reference = jsonText(contact, "reference");
    return reference.isEmpty() ? jsonText(contact, "id") : reference;
}

QString strategyDiscussionHtml(const nlohmann::json& given, const nlohmann::json& contact, bool forPrint) {
    const nlohmann::json& discussion = given.is_object() ? given : member(given, "");
    QString html = QStringLiteral(
        "<style>body{font-family:sans-serif;} h1{font-size:16pt;margin:0 0 4px 0;} h2{font-size:12pt;margin:14px 0 4px 0;"
        "border-bottom:1px solid #999;} td.k{color:#444;padding-right:12px;vertical-align:top;white-space:nowrap;}"
        "table.grid{border-collapse:collapse;} table.grid td, table.grid th{border:1px solid #999;padding:3px 6px;"
        "vertical-align:top;} table.grid th{background:#eee;text-align:left;} .m{color:#555;} .warn{color:#8a4b00;"
        "font-weight:bold;}</style>");
    if (forPrint) {
        html += QStringLiteral("<h1 style='font-size:16pt'>%1</h1>").arg(tr("Strategy discussion record"));
        html += QStringLiteral("<p class='m'>%1</p>")
                    .arg(tr("OFFICIAL-SENSITIVE: personal data about children. Share only with the partners at the "
                            "discussion, by secure email."));
    }
    html += QStringLiteral("<table>");
    html += textRow(tr("Contact reference"), contactReferenceText(contact));
    if (!jsonText(contact, "reference").isEmpty())
        html += textRow(tr("Contact id"), jsonText(contact, "id"));
    html += textRow(tr("Received"), shortDateTime(contact.value("received_at", std::string())));
    html += textRow(tr("Children"), childrenOf(contact).join(QStringLiteral("\n")));
    html += textRow(tr("Concern"), jsonText(contact, "concern"));
    html += textRow(tr("Status"), statusLabel(discussion.value("status", std::string())));
    html += textRow(tr("Decided on"), shortDateTime(discussion.value("required_at", std::string())));
    html += textRow(tr("To be held by"), shortDateTime(discussion.value("due_at", std::string())));
    html += textRow(tr("Scheduled for"), shortDateTime(discussion.value("scheduled_for", std::string())));
    html += textRow(tr("Where"), jsonText(discussion, "location"));
    html += textRow(tr("Held"), shortDateTime(discussion.value("held_at", std::string())));
    html += QStringLiteral("</table>");

    const auto& invitees = member(discussion, "invitees");
    if (invitees.is_array() && !invitees.empty())
        html += QStringLiteral("<h2 style='font-size:12pt'>%1</h2><p>%2</p>").arg(tr("Invited"), peopleList(invitees, true));
    const auto& missing = member(discussion, "missing_agencies");
    if (missing.is_array() && !missing.empty()) {
        QStringList names;
        for (const auto& m : missing)
            if (m.is_string())
                names << qs(m.get<std::string>());
        html += QStringLiteral("<p class='warn'>%1</p>")
                    .arg(tr("Not invited: %1. The gap was acknowledged by %2.")
                             .arg(names.join(QStringLiteral(", ")), jsonText(discussion, "missing_acknowledged_by"))
                             .toHtmlEscaped());
    }
    const auto& meeting = member(discussion, "meeting");
    if (!meeting.empty()) {
        html += QStringLiteral("<h2 style='font-size:12pt'>%1</h2><p>%2</p>").arg(tr("Attended"), peopleList(member(meeting, "attendees"), true));
        const QString apologies = peopleList(member(meeting, "apologies"), false);
        if (!apologies.isEmpty())
            html += QStringLiteral("<h2 style='font-size:12pt'>%1</h2><p>%2</p>").arg(tr("Apologies"), apologies);
        const auto& information = member(meeting, "agency_information");
        if (information.is_array() && !information.empty()) {
            html += QStringLiteral("<h2 style='font-size:12pt'>%1</h2><table>").arg(tr("What each agency shared"));
            for (const auto& item : information)
                html += textRow(agencyLabel(item.value("agency", std::string())), jsonText(item, "information"));
            html += QStringLiteral("</table>");
        }
    }
    const auto& outcome = member(discussion, "outcome");
    if (outcome.is_object() && !outcome.empty()) {
        html += QStringLiteral("<h2 style='font-size:12pt'>%1</h2><table>").arg(tr("Decisions"));
        QStringList atRisk;
        for (const auto& person : member(outcome, "at_risk")) {
            QString line = jsonText(person, "name");
            const QString relationship = jsonText(person, "relationship");
            if (!relationship.isEmpty())
                line += QStringLiteral(" (%1)").arg(relationship);
            if (!person.value("in_family", true))
                line += tr(", outside the family");
            atRisk << line;
        }
        html += textRow(tr("At risk"), atRisk.join(QStringLiteral("\n")));
        html += textRow(tr("Immediate safety actions"), jsonText(outcome, "immediate_safety_actions"));
        html += textRow(tr("Section 47"), s47Label(outcome.value("s47_decision", std::string())));
        html += textRow(tr("Why no enquiry"), jsonText(outcome, "s47_reason"));
        const auto& medical = member(outcome, "medical_examination");
        if (!medical.empty())
            html += textRow(tr("Medical examination"),
                            medical.value("required", false)
                                ? tr("Needed: %1").arg(jsonText(medical, "arrangements"))
                                : tr("Not needed"));
        const auto& told = member(outcome, "family_told");
        if (told.is_object())
            html += textRow(tr("The family is told"),
                            tr("%1 (%2)").arg(jsonText(told, "what"), jsonText(told, "when")));
        if (discussion.contains("icpc_due"))
            html += textRow(tr("Initial conference (ICPC) due"),
                            shortDateTime(member(discussion, "icpc_due").value("due_at", std::string())));
        html += QStringLiteral("</table>");
    }
    const auto& actions = member(discussion, "actions");
    if (forPrint && actions.is_array() && !actions.empty()) {
        html += QStringLiteral("<h2 style='font-size:12pt'>%1</h2><table class='grid' cellspacing='0' cellpadding='4' width='100%'>"
                               "<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
                    .arg(tr("Agreed actions"), tr("Action"), tr("Owner"), tr("Agency"), tr("Due"), tr("Done"));
        for (const auto& action : actions)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                        .arg(esc(jsonText(action, "action")), esc(jsonText(action, "owner")),
                             esc(agencyLabel(action.value("agency", std::string()))),
                             esc(ukDate(action.value("due", std::string()))),
                             esc(action.contains("completed_at")
                                     ? shortDateTime(action.value("completed_at", std::string()))
                                     : QString()));
        html += QStringLiteral("</table>");
    }
    return html;
}

} // namespace frontdoor::ui
