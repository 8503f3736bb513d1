#pragma once
// The queues in the sidebar, as data. Each definition says who sees it, how to count it and how to
// read one page of it; the sidebar, the counts and the table are driven by this list alone. The
// workflow queues come from core (core::queuesForRole: handovers to acknowledge, my drafts, my work,
// awaiting screening, awaiting sign-off, strategy discussions, referrer feedback outstanding, overdue),
// each row with what is due and when, in core's order; the plain lists the front door also browses
// (decided, all contacts) follow them.
//
// count and page run on a BackgroundReader's thread, on its own connection: they must only use the
// Workspace they are given.

#include "Workspace.h"
#include "contacts/ContactService.h"
#include "users/UserService.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace frontdoor::ui {

/// One row of a queue: a contact, a draft of one, or a piece of work about a contact (a handover to
/// acknowledge, a strategy discussion or action, the referrer to tell).
struct QueueItem {
    enum class Kind { Contact, Draft, Handover, StrategyDiscussion, StrategyAction, ReferrerFeedback };
    Kind kind = Kind::Contact;
    QString id;              ///< the contact's id; the draft's for a draft
    QString itemId;          ///< core's id for the item (the discussion for strategy work); else = id
    QString reference;       ///< the contact's reference, "FD-26-K7Q2-0042"; "" for a draft
    qint64 receivedMs = 0;   ///< epoch ms (for a draft: when it was received, or saved if not typed yet)
    bool hasReceived = false;
    QString children;        ///< "John Smith, Unborn Smith"
    QString source;          ///< "2A Schools"
    QString status;          ///< "recorded", "decided", "draft"
    QString outcome;         ///< label, "" until decided
    QString concern;         ///< first line or so
    QString what;            ///< what is due, in core's words ("Sign-off; decision due")
    bool reReferral = false; ///< a referral within 12 months of an earlier one (person views)
    /// When the work is due and when its clock started (epoch ms): the live countdown and its urgency
    /// colour are worked out from these by core::countdown as time passes, without asking the database.
    std::optional<qint64> dueMs;
    std::optional<qint64> startedMs;
    /// Which deadline dueMs is, in core's words: the soonest that applies to the row's contact ("RAG
    /// response", "Decision", "EDT handover"); "" when the row has none.
    QString dueWhat;
    /// Every deadline that applies to the contact, soonest first: what it is, and when (epoch ms).
    std::vector<std::pair<QString, qint64>> deadlines;

    bool isContactWork() const { return kind != Kind::Draft; }
};

/// Where the next page starts: after the last item already loaded.
struct QueueCursor {
    qint64 lastReceivedMs = 0;
    int loadedAtLastInstant = 0; ///< items already loaded that share lastReceivedMs
    int loaded = 0;              ///< items already loaded (workflow queues page by position in core's order)
};

struct QueuePage {
    std::vector<QueueItem> items;
    bool complete = false; ///< nothing after these
};

/// How many items a queue holds, and how many of them are overdue (-1: not counted for this queue).
struct QueueCount {
    qint64 items = 0;
    qint64 overdue = -1;
};

struct QueueDefinition {
    QString key;                 ///< stable, for settings and tests: "my_drafts", "awaiting_screening"
    QString title;               ///< shown in the sidebar
    QString description;         ///< tooltip and accessible description
    QStringList roles;           ///< roles that see it; empty = every role
    QueueItem::Kind kind = QueueItem::Kind::Contact;
    /// A workflow queue: rows carry what is due and a countdown, in core's order (most urgent first).
    bool workflow = false;
    std::function<QueueCount(core::Workspace&, const core::Session&)> count;
    /// Items in the queue's order, starting after `cursor` (none = from the top), at most `limit`.
    std::function<QueuePage(core::Workspace&, const core::Session&, const std::optional<QueueCursor>& cursor,
                            int limit)>
        page;

    bool visibleTo(const QString& role) const { return roles.isEmpty() || roles.contains(role); }
};

/// Every queue this build knows, in sidebar order.
const std::vector<QueueDefinition>& allQueues();
/// The digit of a queue's Ctrl+digit shortcut, the same for every role: its place in allQueues()
/// (1 handovers … 9 decided, 0 all contacts); -1 for a queue without one.
int queueShortcutDigit(const QString& key);
/// The queues one role sees, in sidebar order.
std::vector<QueueDefinition> queuesFor(const QString& role);

/// Converts a core contact list row to a queue row (used by queue pages and person views).
QueueItem queueItemFrom(const core::ContactSummary& summary);
/// A queue row from a `contact list`-shaped JSON object (as in PersonSearch::history).
QueueItem queueItemFromJson(const nlohmann::json& contact);

} // namespace frontdoor::ui
