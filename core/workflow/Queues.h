#pragma once
// The work queues, as core queries that the desktop's sidebar and the CLI both use: each item with
// what is due, when, and a live countdown. Every deadline that applies to the item's contact counts
// (the decision, the RAG response, an out-of-hours handover not yet acknowledged, a strategy discussion
// to schedule or hold, an agreed strategy action past its day): a row's due time, countdown and colour
// are those of the soonest of them, named ("RAG response"), and every queue is sorted by it, so the
// most urgent is first (overdue, then soonest due). The handovers queue is the exception in order only:
// it sorts by each handover's own deadline (acknowledged by the next opening), then newest handover
// first, since a night's handovers all share one deadline and the last one written is the one still
// unfolding; its rows still show (and are coloured by) the soonest deadline. The Overdue queue holds every row that is red in
// another queue: a contact past any of its deadlines, whichever it is.

#include "Workspace.h"
#include "store/Fact.h"
#include "time/Countdown.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

struct QueueDefinition {
    std::string id;    ///< my_drafts, my_work, awaiting_screening, awaiting_signoff, strategy_due, handovers,
                       ///< referrer_feedback, overdue
    std::string label; ///< "Awaiting sign-off"
    std::vector<std::string> roles; ///< the roles whose sidebar shows it
};

/// Every queue, in sidebar order.
const std::vector<QueueDefinition>& queueDefinitions();
/// The queues a role works from.
std::vector<QueueDefinition> queuesForRole(const std::string& role);

/// One deadline that applies to a contact now.
struct QueueDeadline {
    std::string kind; ///< decision, rag_response, edt_handover, strategy_discussion, strategy_action
    std::string what; ///< "Decision", "RAG response", "EDT handover", "Strategy discussion", "Strategy action"
    Instant dueAt;
    std::optional<Instant> startedAt; ///< when its clock started (receipt, handover, decision)

    /// {"kind", "what", "due_at"}
    nlohmann::json toJson() const;
};

/// Every deadline that applies to the contact at `now`, soonest first: the decision and the RAG
/// response while the contact is undecided, an out-of-hours handover until it is acknowledged, a
/// strategy discussion until it is held, and agreed strategy actions not done by the end of their day
/// (only once that day is over: an action is due "by" a day, not at its start). Empty for an unknown id.
/// Point lookups by the contact's id, so it costs the same on a database of any size.
std::vector<QueueDeadline> contactDeadlines(Workspace& workspace, const std::string& contactId, Instant now);

struct QueueItem {
    std::string queue;
    std::string kind;      ///< draft, contact, handover, strategy_discussion, strategy_action, referrer_feedback
    std::string itemId;    ///< the draft, contact or discussion id
    std::string contactId; ///< "" for a draft
    std::string reference; ///< the contact's reference, "FD-26-K7Q2-0042"; "" for a draft
    std::string title;     ///< the children, e.g. "John Smith, Unborn Smith"
    std::string what;      ///< e.g. "Decision due", "Strategy discussion to schedule"
    std::string status;
    std::optional<Instant> startedAt; ///< when the clock of the soonest deadline started (receipt, decision)
    std::optional<Instant> dueAt;     ///< the soonest deadline that applies to the row (see `deadlines`)
    std::optional<Countdown> countdown;
    std::string dueKind; ///< which deadline dueAt is: QueueDeadline::kind; "" when none applies
    std::string dueWhat; ///< its name for people: "RAG response"
    std::vector<QueueDeadline> deadlines; ///< every deadline that applies to the row's contact, soonest first
    /// A handover row's own times: when the EDT handed it over, and when it is to be acknowledged by
    /// (the next opening). The handovers queue sorts by the latter, then newest handover first.
    std::optional<Instant> handedOverAt;
    std::optional<Instant> handoverDueAt;

    nlohmann::json toJson() const;
};

class Queues {
public:
    explicit Queues(Workspace& workspace) : ws_(workspace) {}

    /// The items of one queue for `actor` at the workspace clock's now. Throws ValidationError for an
    /// unknown queue.
    std::vector<QueueItem> items(const std::string& queueId, const Actor& actor, int limit = 500);

    /// How many items each of the actor's role's queues holds, and how many of them are overdue.
    struct Count {
        std::string queueId;
        std::string label;
        int items = 0;
        int overdue = 0;
    };
    std::vector<Count> counts(const Actor& actor);
    /// One queue's count (as counts(), without reading the rows' titles).
    Count count(const std::string& queueId, const Actor& actor);

private:
    /// The queue's rows with their deadlines, sorted, without titles.
    std::vector<QueueItem> collect(const std::string& queueId, const Actor& actor, Instant now);

    Workspace& ws_;
};

} // namespace frontdoor::core
