#pragma once
// The queues in the sidebar, as data. Each definition says who sees it, how to count it and how to
// read one page of it; the sidebar, the counts and the table are driven by this list alone. The
// workflow queues (awaiting sign-off, strategy discussions due, handovers to acknowledge, referrer
// feedback outstanding, overdue) are added here as core gains the queries behind them.
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

/// One row of a queue: a contact, or a draft of one.
struct QueueItem {
    enum class Kind { Contact, Draft };
    Kind kind = Kind::Contact;
    QString id;
    qint64 receivedMs = 0;   ///< epoch ms (for a draft: when it was received, or saved if not typed yet)
    bool hasReceived = false;
    QString children;        ///< "John Smith, Unborn Smith"
    QString source;          ///< "2A Schools"
    QString status;          ///< "recorded", "decided", "draft"
    QString outcome;         ///< label, "" until decided
    QString concern;         ///< first line or so
    bool reReferral = false; ///< a referral within 12 months of an earlier one (person views)
    /// When the next deadline falls (epoch ms), once core computes deadlines for queues; drives the
    /// urgency colour and countdown column.
    std::optional<qint64> dueMs;
};

/// Where the next page starts: after the last item already loaded.
struct QueueCursor {
    qint64 lastReceivedMs = 0;
    int loadedAtLastInstant = 0; ///< items already loaded that share lastReceivedMs
};

struct QueuePage {
    std::vector<QueueItem> items;
    bool complete = false; ///< nothing after these
};

struct QueueDefinition {
    QString key;                 ///< stable, for settings and tests: "my_drafts", "awaiting_screening"
    QString title;               ///< shown in the sidebar
    QString description;         ///< tooltip and accessible description
    QStringList roles;           ///< roles that see it; empty = every role
    QueueItem::Kind kind = QueueItem::Kind::Contact;
    std::function<qint64(core::Workspace&, const core::Session&)> count;
    /// Items newest first, starting after `cursor` (none = from the top), at most `limit`.
    std::function<QueuePage(core::Workspace&, const core::Session&, const std::optional<QueueCursor>& cursor,
                            int limit)>
        page;

    bool visibleTo(const QString& role) const { return roles.isEmpty() || roles.contains(role); }
};

/// Every queue this build knows, in sidebar order.
const std::vector<QueueDefinition>& allQueues();
/// The queues one role sees, in sidebar order.
std::vector<QueueDefinition> queuesFor(const QString& role);

/// Converts a core contact list row to a queue row (used by queue pages and person views).
QueueItem queueItemFrom(const core::ContactSummary& summary);
/// A queue row from a `contact list`-shaped JSON object (as in PersonSearch::history).
QueueItem queueItemFromJson(const nlohmann::json& contact);

} // namespace frontdoor::ui
