#pragma once
// The work queues, as core queries that the desktop's sidebar and the CLI both use: each item with
// what is due, when, and a live countdown. Sorted so the most urgent is first: overdue, then soonest
// due; an out-of-hours handover not yet acknowledged stays at the top of the day team's queue.

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

struct QueueItem {
    std::string queue;
    std::string kind;      ///< draft, contact, handover, strategy_discussion, strategy_action, referrer_feedback
    std::string itemId;    ///< the draft, contact or discussion id
    std::string contactId; ///< "" for a draft
    std::string title;     ///< the children, e.g. "John Smith, Unborn Smith"
    std::string what;      ///< e.g. "Decision due", "Strategy discussion to schedule"
    std::string status;
    std::optional<Instant> startedAt; ///< when the clock started (receipt, decision)
    std::optional<Instant> dueAt;
    std::optional<Countdown> countdown;

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

private:
    Workspace& ws_;
};

} // namespace frontdoor::core
