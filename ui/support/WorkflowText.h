#pragma once
// Where a contact stands, in words: the workflow state core gives (ContactWorkflow::state,
// StrategyDiscussions::forContact) as rich text for the contact view, the sign-off, the handover and
// the strategy discussion's printed record; and which actions the signed-in person may take now.
// Which actions are offered is only a courtesy: core refuses anything not allowed, whatever is shown.

#include "util/Clock.h"
#include "time/Countdown.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

namespace frontdoor::ui {

/// "Police", "Children's social care", ... for core's strategy agency codes.
QString agencyLabel(const std::string& code);
/// Every strategy agency code with its label, in core's order.
std::vector<std::pair<QString, QString>> agencyChoices();
/// "Red", "Amber", "Green".
QString ragLabel(const std::string& rag);
/// "Joint (police and children's social care)", ...
QString s47Label(const std::string& decision);
/// "In screening", "Recommended", ...
QString statusLabel(const std::string& status);
/// A person's user id as shown (the id itself: names are not on every desk's record).
QString personLabel(const std::string& userId);

/// What the signed-in person may do with a contact now, and why not where it matters.
struct ContactActions {
    bool startScreening = false;    ///< recorded: pick it up
    bool continueScreening = false; ///< in screening or returned
    bool handBack = false;          ///< in screening, by this person (or any, for a duty manager)
    bool signOff = false;           ///< recommended, and a duty manager other than the recommender
    QString signOffWhyNot;          ///< e.g. "You made this recommendation: another duty manager signs it off."
    bool strategy = false;          ///< a strategy discussion to schedule, hold, record or print
    QString strategyLabel;          ///< "Schedule the strategy discussion", ...
    bool tellReferrer = false;      ///< the referrer is still to be told the outcome
    bool close = false;             ///< decided; core says what is outstanding if anything is
    QStringList outstanding;        ///< what stops closing, as the state shows it
    bool acknowledgeHandover = false;
    QString handoverWhyNot;
    bool addNote = false;           ///< screener, duty manager or EDT worker, on a contact not closed
};
ContactActions actionsFor(const nlohmann::json& state, const core::Session& session);

/// Why a Work action ("screen", "handBack", "signOff", "strategy", "tellReferrer", "close",
/// "acknowledgeHandover", "addNote") is not available to this person for a contact with `state` (its
/// status at least; null when no contact is in view): one sentence for the status bar, so a shortcut
/// pressed in vain says why instead of doing nothing.
QString unavailableReason(const QString& action, const nlohmann::json& state, const core::Session& session);

/// The notes added to a contact (state "notes"), oldest first, each with who, when and, where it came
/// after an out-of-hours handover, "added after the handover" ("" when there are none).
QString notesHtml(const nlohmann::json& notes);

/// "Where it stands": status and deadlines, handover, recommendation, decision and case direction,
/// referrer feedback, strategy discussions. Countdowns are worked out at `clock`'s now.
QString workflowStateHtml(const nlohmann::json& state, const core::Clock& clock,
                          const core::UrgencyThresholds& thresholds);
/// The partner checks as a table ("" when there are none).
QString partnerChecksHtml(const nlohmann::json& checks);
/// The analysis: risks, strengths, analysis ("" when none).
QString analysisHtml(const nlohmann::json& analysis);
/// One strategy discussion, everything recorded, formatted for reading and printing: the contact's
/// reference and children, when and where, invitees and any missing agency, attendees, apologies,
/// each agency's information, the decisions and the actions with owners and dates, the ICPC date.
/// `forPrint` adds the title and the protective marking a shared copy carries, and the actions (on
/// screen they are a list of their own, with whether each is done).
QString strategyDiscussionHtml(const nlohmann::json& discussion, const nlohmann::json& contact, bool forPrint = true);
/// The contact's reference a person reads over the phone ("FD-26-K7Q2-0042"); its id if it has none.
QString contactReferenceText(const nlohmann::json& contact);

/// The children of a contact as "Mia Thornton (born 02/05/2019)".
QStringList childrenOf(const nlohmann::json& contact);
/// Their names alone, "Mia Thornton, Unborn Thornton": for tab titles.
QString childNamesOf(const nlohmann::json& contact);

} // namespace frontdoor::ui
