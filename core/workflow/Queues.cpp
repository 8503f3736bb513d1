#include "workflow/Queues.h"

#include "people/Person.h"
#include "users/Roles.h"
#include "util/Errors.h"
#include "workflow/StrategyDiscussions.h"
#include "util/Text.h"

#include <algorithm>

namespace frontdoor::core {
namespace {

using namespace role;

std::string childNames(Database& db, const std::string& contactId) {
    auto& stmt = db.cached("SELECT p.given_name, p.family_name, p.expected_date FROM contact c "
                           "JOIN contact_child cc ON cc.contact_pk = c.pk JOIN person p ON p.pk = cc.person_pk "
                           "WHERE c.id = ? ORDER BY cc.position");
    stmt.bindAll(contactId);
    std::string names;
    while (stmt.step()) {
        Person person;
        person.givenName = stmt.text(0);
        person.familyName = stmt.text(1);
        if (!stmt.isNull(2))
            person.expectedDate = parseDate(stmt.text(2));
        names += (names.empty() ? "" : ", ") + person.displayName();
    }
    stmt.reset();
    return names;
}

std::optional<Instant> instantAt(Statement& stmt, int column) {
    if (stmt.isNull(column))
        return std::nullopt;
    return parseInstant(stmt.text(column));
}

// Contacts in the given statuses (a comma-separated SQL list of literals), with their decision clock.
void contactsIn(Workspace& ws, const std::string& statuses, const std::string& extraWhere, const std::string& what,
                const std::string& queue, std::vector<QueueItem>& out, const std::string& bind = "") {
    Statement stmt = ws.db().prepare(
        "SELECT c.id, c.status, c.received_at, c.decision_due_at, "
        "EXISTS (SELECT 1 FROM edt_handover h WHERE h.contact_id = c.id AND h.acknowledged_at IS NULL) "
        "FROM contact c WHERE c.status IN (" + statuses + ")" + extraWhere);
    if (!bind.empty())
        stmt.bind(1, bind);
    while (stmt.step()) {
        QueueItem item;
        item.queue = queue;
        item.kind = "contact";
        item.itemId = item.contactId = stmt.text(0);
        item.status = stmt.text(1);
        item.startedAt = instantAt(stmt, 2);
        item.dueAt = instantAt(stmt, 3);
        item.what = stmt.int64(4) ? "Out-of-hours handover to acknowledge; " + what : what;
        out.push_back(std::move(item));
    }
}

// `dueBefore`, when given, keeps only items due before that instant.
void handovers(Workspace& ws, const std::string& queue, std::vector<QueueItem>& out,
               const std::optional<std::string>& dueBefore = std::nullopt) {
    Statement stmt = ws.db().prepare("SELECT h.contact_id, h.written_at, h.due_at, h.written_by FROM edt_handover h "
                                     "WHERE h.acknowledged_at IS NULL" +
                                     std::string(dueBefore ? " AND h.due_at < ?" : ""));
    if (dueBefore)
        stmt.bind(1, *dueBefore);
    while (stmt.step()) {
        QueueItem item;
        item.queue = queue;
        item.kind = "handover";
        item.itemId = item.contactId = stmt.text(0);
        item.status = "handed_over";
        item.what = "Out-of-hours handover from " + stmt.text(3) + " to acknowledge";
        item.startedAt = instantAt(stmt, 1);
        item.dueAt = instantAt(stmt, 2);
        out.push_back(std::move(item));
    }
}

void strategies(Workspace& ws, const std::string& queue, std::vector<QueueItem>& out,
                const std::optional<std::string>& dueBefore = std::nullopt) {
    Statement stmt = ws.db().prepare("SELECT id, contact_id, status, required_at, due_at FROM strategy_discussion "
                                     "WHERE status IN ('required', 'scheduled'" +
                                     std::string(dueBefore ? ") AND due_at < ?" : ", 'held')"));
    if (dueBefore)
        stmt.bind(1, *dueBefore);
    while (stmt.step()) {
        QueueItem item;
        item.queue = queue;
        item.kind = "strategy_discussion";
        item.itemId = stmt.text(0);
        item.contactId = stmt.text(1);
        item.status = stmt.text(2);
        item.what = item.status == "required"    ? "Strategy discussion to schedule"
                    : item.status == "scheduled" ? "Strategy discussion to hold"
                                                 : "Strategy discussion outcome to record";
        item.startedAt = instantAt(stmt, 3);
        if (item.status != "held")
            item.dueAt = instantAt(stmt, 4);
        out.push_back(std::move(item));
    }
}

void feedback(Workspace& ws, const std::string& queue, std::vector<QueueItem>& out) {
    Statement stmt = ws.db().prepare("SELECT f.contact_id, f.required_at, c.outcome FROM referrer_feedback f "
                                     "JOIN contact c ON c.id = f.contact_id WHERE f.status = 'outstanding' "
                                     "ORDER BY f.required_at LIMIT 2000");
    while (stmt.step()) {
        QueueItem item;
        item.queue = queue;
        item.kind = "referrer_feedback";
        item.itemId = item.contactId = stmt.text(0);
        item.status = "outstanding";
        item.what = "Tell the referrer the outcome";
        item.startedAt = instantAt(stmt, 1);
        out.push_back(std::move(item));
    }
}

} // namespace

const std::vector<QueueDefinition>& queueDefinitions() {
    static const std::vector<QueueDefinition> queues = {
        {"handovers", "Handovers to acknowledge", {kDutyManager, kEdtWorker, kAuditor}},
        {"my_drafts", "My drafts", {kScreener, kDutyManager, kEdtWorker}},
        {"my_work", "My work", {kScreener, kDutyManager}},
        {"awaiting_screening", "Awaiting screening", {kScreener, kDutyManager, kAuditor}},
        {"awaiting_signoff", "Awaiting sign-off", {kDutyManager, kScreener, kAuditor}},
        {"strategy_due", "Strategy discussions", {kDutyManager, kScreener, kAuditor}},
        {"referrer_feedback", "Referrer feedback outstanding", {kScreener, kDutyManager, kAuditor}},
        {"overdue", "Overdue", {kScreener, kDutyManager, kEdtWorker, kAuditor}},
    };
    return queues;
}

std::vector<QueueDefinition> queuesForRole(const std::string& roleName) {
    std::vector<QueueDefinition> result;
    for (const auto& queue : queueDefinitions())
        if (std::find(queue.roles.begin(), queue.roles.end(), roleName) != queue.roles.end())
            result.push_back(queue);
    return result;
}

nlohmann::json QueueItem::toJson() const {
    nlohmann::json json{{"queue", queue},   {"kind", kind},     {"id", itemId}, {"contact_id", contactId},
                        {"title", title},   {"what", what},     {"status", status}};
    if (startedAt)
        json["started_at"] = formatInstant(*startedAt);
    if (dueAt)
        json["due_at"] = formatInstant(*dueAt);
    if (countdown)
        json["countdown"] = countdown->toJson();
    return json;
}

std::vector<QueueItem> Queues::items(const std::string& queueId, const Actor& actor, int limit) {
    const Instant now = ws_.clock().now();
    std::vector<QueueItem> items;
    if (queueId == "my_drafts") {
        auto& stmt = ws_.db().cached("SELECT id, saved_at, body FROM contact_draft WHERE owner = ? ORDER BY saved_at DESC");
        stmt.bindAll(actor.userId);
        while (stmt.step()) {
            QueueItem item{queueId, "draft", stmt.text(0), "", "", "Draft saved", "draft", instantAt(stmt, 1),
                           std::nullopt, std::nullopt};
            const Json body = Json::parse(stmt.text(2));
            for (const auto& child : body.value("children", Json::array()))
                if (child.is_object()) {
                    const std::string name = (child.value("given_name", std::string()) + " " +
                                              child.value("family_name", std::string()));
                    if (name != " ")
                        item.title += (item.title.empty() ? "" : ", ") + name;
                }
            if (item.title.empty())
                item.title = "(no child named yet)";
            items.push_back(std::move(item));
        }
        stmt.reset();
    } else if (queueId == "my_work") {
        contactsIn(ws_, "'in_screening', 'returned', 'recommended'", " AND c.screener = ?", "Decision due", queueId,
                   items, actor.userId);
        for (auto& item : items)
            if (item.status == "returned")
                item.what = "Returned for edits; decision due";
            else if (item.status == "recommended")
                item.what = "Awaiting sign-off; decision due";
    } else if (queueId == "awaiting_screening") {
        contactsIn(ws_, "'recorded'", "", "Screening; decision due", queueId, items);
    } else if (queueId == "awaiting_signoff") {
        contactsIn(ws_, "'recommended'", "", "Sign-off; decision due", queueId, items);
    } else if (queueId == "strategy_due") {
        strategies(ws_, queueId, items);
    } else if (queueId == "handovers") {
        handovers(ws_, queueId, items);
    } else if (queueId == "referrer_feedback") {
        feedback(ws_, queueId, items);
    } else if (queueId == "overdue") {
        const std::string nowText = formatInstant(now);
        contactsIn(ws_, "'recorded', 'in_screening', 'returned', 'recommended'", " AND c.decision_due_at < ?",
                   "Decision overdue", queueId, items, nowText);
        strategies(ws_, queueId, items, nowText);
        handovers(ws_, queueId, items, nowText);
        for (const auto& action : StrategyDiscussions(ws_).overdueActions(utcDate(now))) {
            QueueItem item{queueId, "strategy_action", action.discussionId, action.contactId, "",
                           "Strategy action overdue: " + action.action + " (" + action.owner + ", " + action.agency + ")",
                           "open", std::nullopt, std::chrono::sys_days{action.due}, std::nullopt};
            items.push_back(std::move(item));
        }
    } else {
        std::string known;
        for (const auto& queue : queueDefinitions())
            known += (known.empty() ? "" : ", ") + queue.id;
        throw ValidationError("queue", quoteExcerpt(queueId) + " is not a queue (" + known + ")");
    }

    for (auto& item : items) {
        if (item.title.empty() && !item.contactId.empty())
            item.title = childNames(ws_.db(), item.contactId);
        if (item.dueAt)
            item.countdown = countdown(item.startedAt.value_or(*item.dueAt), *item.dueAt, now, ws_.urgency());
    }
    // Handovers waiting for acknowledgement first, then by due time (overdue first); undated last.
    std::stable_sort(items.begin(), items.end(), [](const QueueItem& a, const QueueItem& b) {
        const bool aHandover = a.what.rfind("Out-of-hours handover", 0) == 0;
        const bool bHandover = b.what.rfind("Out-of-hours handover", 0) == 0;
        if (aHandover != bHandover)
            return aHandover;
        if (a.dueAt.has_value() != b.dueAt.has_value())
            return a.dueAt.has_value();
        if (a.dueAt && b.dueAt && *a.dueAt != *b.dueAt)
            return *a.dueAt < *b.dueAt;
        return a.startedAt.value_or(Instant{}) < b.startedAt.value_or(Instant{});
    });
    if (items.size() > static_cast<size_t>(std::max(limit, 0)))
        items.resize(static_cast<size_t>(std::max(limit, 0)));
    return items;
}

std::vector<Queues::Count> Queues::counts(const Actor& actor) {
    std::vector<Count> counts;
    for (const auto& queue : queuesForRole(actor.role)) {
        Count count{queue.id, queue.label, 0, 0};
        for (const auto& item : items(queue.id, actor, 100000)) {
            ++count.items;
            count.overdue += item.countdown && item.countdown->overdue() ? 1 : 0;
        }
        counts.push_back(count);
    }
    return counts;
}

} // namespace frontdoor::core
