#include "workflow/Queues.h"
#include "contacts/ContactReference.h"

#include "people/Person.h"
#include "time/UkTime.h"
#include "users/Roles.h"
#include "util/Errors.h"
#include "workflow/StrategyDiscussions.h"
#include "util/Text.h"

#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>

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

// One read transaction around a whole queue: every row and its deadlines are read from the same
// snapshot, and SQLite takes its shared locks once instead of once per statement (a queue reads a few
// rows per item). Inside a caller's transaction it does nothing.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db) : db_(db.handle()), mine_(sqlite3_get_autocommit(db_) != 0) {
        if (mine_)
            db.exec("BEGIN");
    }
    ~ReadSnapshot() {
        if (mine_)
            sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr); // read only: nothing to lose
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    sqlite3* db_;
    bool mine_;
};

// The end of a day an agreed action is due by (the day as core's overdue check counts it, in UTC).
Instant endOfDay(Date day) { return std::chrono::sys_days{day} + std::chrono::days{1}; }

std::optional<Instant> instantAt(Statement& stmt, int column) {
    if (stmt.isNull(column))
        return std::nullopt;
    return parseInstant(stmt.text(column));
}

// The statuses in which a contact still waits for its decision (and its RAG response).
constexpr const char* kOpenStatuses = "'recorded', 'in_screening', 'returned', 'recommended'";

bool isOpenStatus(const std::string& status) {
    return status == "recorded" || status == "in_screening" || status == "returned" || status == "recommended";
}

// Contacts in the given statuses (a comma-separated SQL list of literals). `bind`, when given, is ?1.
void contactsIn(Workspace& ws, const std::string& statuses, const std::string& extraWhere, const std::string& what,
                const std::string& queue, std::vector<QueueItem>& out, const std::string& bind = "") {
    Statement stmt = ws.db().prepare(
        "SELECT c.id, c.status, "
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
        item.what = stmt.int64(2) ? "Out-of-hours handover to acknowledge; " + what : what;
        out.push_back(std::move(item));
    }
}

// "Sun 22/11/2026 02:40": when a handover was written, as the queue's other times read.
std::string handedOverWords(Instant instant) { return formatUkDayTime(instant); }

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
        item.startedAt = item.handedOverAt = instantAt(stmt, 1);
        item.dueAt = item.handoverDueAt = instantAt(stmt, 2);
        // Short enough to show whole in the queue's What is due column at 1920x1080.
        item.what = "Acknowledge handover from " + stmt.text(3) +
                    (item.handedOverAt ? ", " + handedOverWords(*item.handedOverAt) : std::string());
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

nlohmann::json QueueDeadline::toJson() const {
    return {{"kind", kind}, {"what", what}, {"due_at", formatInstant(dueAt)}};
}

nlohmann::json QueueItem::toJson() const {
    nlohmann::json json{{"queue", queue},   {"kind", kind},     {"id", itemId}, {"contact_id", contactId},
                        {"reference", reference},
                        {"title", title},   {"what", what},     {"status", status}};
    if (startedAt)
        json["started_at"] = formatInstant(*startedAt);
    if (dueAt)
        json["due_at"] = formatInstant(*dueAt);
    if (!dueKind.empty()) {
        json["due_kind"] = dueKind;
        json["due_what"] = dueWhat;
    }
    if (countdown)
        json["countdown"] = countdown->toJson();
    if (handedOverAt)
        json["handed_over_at"] = formatInstant(*handedOverAt);
    if (handoverDueAt)
        json["handover_due_at"] = formatInstant(*handoverDueAt);
    if (!contactId.empty()) {
        auto all = nlohmann::json::array();
        for (const auto& deadline : deadlines)
            all.push_back(deadline.toJson());
        json["deadlines"] = all;
    }
    return json;
}

std::vector<QueueDeadline> contactDeadlines(Workspace& ws, const std::string& contactId, Instant now) {
    std::vector<QueueDeadline> deadlines;
    auto& contact = ws.db().cached("SELECT status, received_at, decision_due_at, rag_due_at FROM contact WHERE id = ?");
    contact.bindAll(contactId);
    if (contact.step() && isOpenStatus(contact.text(0))) {
        const auto received = instantAt(contact, 1);
        if (const auto due = instantAt(contact, 2))
            deadlines.push_back({"decision", "Decision", *due, received});
        if (const auto due = instantAt(contact, 3))
            deadlines.push_back({"rag_response", "RAG response", *due, received});
    }
    contact.reset();

    auto& handover = ws.db().cached(
        "SELECT written_at, due_at FROM edt_handover WHERE contact_id = ? AND acknowledged_at IS NULL");
    handover.bindAll(contactId);
    if (handover.step())
        if (const auto due = instantAt(handover, 1))
            deadlines.push_back({"edt_handover", "EDT handover", *due, instantAt(handover, 0)});
    handover.reset();

    auto& strategy = ws.db().cached("SELECT required_at, due_at FROM strategy_discussion WHERE contact_id = ? "
                                    "AND status IN ('required', 'scheduled')");
    strategy.bindAll(contactId);
    while (strategy.step())
        if (const auto due = instantAt(strategy, 1))
            deadlines.push_back({"strategy_discussion", "Strategy discussion", *due, instantAt(strategy, 0)});
    strategy.reset();

    // An action is due by the end of its day (as StrategyDiscussions::overdueActions counts it): it
    // applies once that day is over, and then it is overdue. The unary + keeps SQLite on this
    // contact's discussions and their actions by primary key, not on every open action in the
    // database (strategy_action_open), which it would otherwise pick.
    auto& actions = ws.db().cached(
        "SELECT a.due_on FROM strategy_discussion d JOIN strategy_action a ON a.discussion_id = d.id "
        "WHERE d.contact_id = ? AND +a.completed_at IS NULL AND +a.due_on < ?");
    actions.bindAll(contactId, formatDate(utcDate(now)));
    while (actions.step())
        if (const auto day = parseDate(actions.text(0)))
            deadlines.push_back({"strategy_action", "Strategy action", endOfDay(*day), std::nullopt});
    actions.reset();

    std::stable_sort(deadlines.begin(), deadlines.end(),
                     [](const QueueDeadline& a, const QueueDeadline& b) { return a.dueAt < b.dueAt; });
    return deadlines;
}

std::vector<QueueItem> Queues::collect(const std::string& queueId, const Actor& actor, Instant now) {
    std::vector<QueueItem> items;
    if (queueId == "my_drafts") {
        // New-contact drafts, in this desk's drafts table (store/DraftTable.h).
        auto& stmt = ws_.db().cached("SELECT subject, saved_at, body FROM drafts WHERE owner_user_id = ? AND "
                                     "kind = 'contact' ORDER BY saved_at DESC");
        stmt.bindAll(actor.userId);
        while (stmt.step()) {
            QueueItem item;
            item.queue = queueId;
            item.kind = "draft";
            item.itemId = stmt.text(0);
            item.what = "Draft saved";
            item.status = "draft";
            item.startedAt = instantAt(stmt, 1);
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
        // Recorded, and returned contacts nobody is screening (handed back after a return).
        contactsIn(ws_, "'recorded', 'returned'", " AND c.screener IS NULL", "Screening; decision due", queueId, items);
    } else if (queueId == "awaiting_signoff") {
        contactsIn(ws_, "'recommended'", "", "Sign-off; decision due", queueId, items);
    } else if (queueId == "strategy_due") {
        strategies(ws_, queueId, items);
    } else if (queueId == "handovers") {
        handovers(ws_, queueId, items);
    } else if (queueId == "referrer_feedback") {
        feedback(ws_, queueId, items);
    } else if (queueId == "overdue") {
        // Every row that is red elsewhere: contacts past their decision or RAG response deadline, and the
        // handovers, strategy discussions and actions past theirs (each its own piece of work).
        const std::string nowText = formatInstant(now);
        contactsIn(ws_, kOpenStatuses, " AND (c.decision_due_at < ?1 OR c.rag_due_at < ?1)", "", queueId, items,
                   nowText);
        strategies(ws_, queueId, items, nowText);
        handovers(ws_, queueId, items, nowText);
        for (const auto& action : StrategyDiscussions(ws_).overdueActions(utcDate(now))) {
            QueueItem item;
            item.queue = queueId;
            item.kind = "strategy_action";
            item.itemId = action.discussionId;
            item.contactId = action.contactId;
            item.what = "Strategy action overdue: " + action.action + " (" + action.owner + ", " + action.agency + ")";
            item.status = "open";
            item.dueAt = endOfDay(action.due);
            items.push_back(std::move(item));
        }
    } else {
        std::string known;
        for (const auto& queue : queueDefinitions())
            known += (known.empty() ? "" : ", ") + queue.id;
        throw ValidationError("queue", quoteExcerpt(queueId) + " is not a queue (" + known + ")");
    }

    // Each row takes the soonest deadline that applies to its contact (its own among them); a contact
    // that several rows show is read once.
    std::unordered_map<std::string, std::vector<QueueDeadline>> known;
    for (auto& item : items) {
        if (item.contactId.empty())
            continue;
        auto found = known.find(item.contactId);
        if (found == known.end())
            found = known.emplace(item.contactId, contactDeadlines(ws_, item.contactId, now)).first;
        item.deadlines = found->second;
        if (!item.deadlines.empty() && (!item.dueAt || item.deadlines.front().dueAt <= *item.dueAt)) {
            const auto& soonest = item.deadlines.front();
            item.dueAt = soonest.dueAt;
            item.startedAt = soonest.startedAt;
            item.dueKind = soonest.kind;
            item.dueWhat = soonest.what;
        }
        if (item.kind == "contact" && queueId == "overdue") {
            // "RAG response and decision overdue": which of the contact's own deadlines have passed.
            std::string late;
            for (const auto& deadline : item.deadlines)
                if ((deadline.kind == "decision" || deadline.kind == "rag_response") && deadline.dueAt < now)
                    late += late.empty() ? deadline.what
                                         : " and " + std::string(deadline.kind == "decision" ? "decision" : deadline.what);
            item.what += late + " overdue";
        }
    }
    for (auto& item : items)
        if (item.dueAt)
            item.countdown = countdown(item.startedAt.value_or(*item.dueAt), *item.dueAt, now, ws_.urgency());
    // By the soonest deadline (overdue first, as the earliest due); undated last, oldest first.
    std::stable_sort(items.begin(), items.end(), [](const QueueItem& a, const QueueItem& b) {
        if (a.dueAt.has_value() != b.dueAt.has_value())
            return a.dueAt.has_value();
        if (a.dueAt && b.dueAt && *a.dueAt != *b.dueAt)
            return *a.dueAt < *b.dueAt;
        return a.startedAt.value_or(Instant{}) < b.startedAt.value_or(Instant{});
    });
    if (queueId == "handovers")
        // A night's handovers share one deadline (the next opening), so the order among them is the duty
        // manager's way in at 9 a.m.: the newest first, the situation most likely still unfolding and
        // the one the EDT worker will be asked about. Colour still follows the soonest deadline.
        std::stable_sort(items.begin(), items.end(), [](const QueueItem& a, const QueueItem& b) {
            const Instant aDue = a.handoverDueAt.value_or(Instant::max());
            const Instant bDue = b.handoverDueAt.value_or(Instant::max());
            if (aDue != bDue)
                return aDue < bDue;
            return a.handedOverAt.value_or(Instant{}) > b.handedOverAt.value_or(Instant{});
        });
    return items;
}

std::vector<QueueItem> Queues::items(const std::string& queueId, const Actor& actor, int limit) {
    ReadSnapshot snapshot(ws_.db());
    std::vector<QueueItem> items = collect(queueId, actor, ws_.clock().now());
    if (items.size() > static_cast<size_t>(std::max(limit, 0)))
        items.resize(static_cast<size_t>(std::max(limit, 0)));
    // Titles only for the rows returned: a count or a first page does not read every row's children.
    for (auto& item : items) {
        if (item.title.empty() && !item.contactId.empty())
            item.title = childNames(ws_.db(), item.contactId);
        if (!item.contactId.empty())
            item.reference = referenceOf(ws_.db(), item.contactId);
    }
    return items;
}

Queues::Count Queues::count(const std::string& queueId, const Actor& actor) {
    Count count{queueId, "", 0, 0};
    for (const auto& queue : queueDefinitions())
        if (queue.id == queueId)
            count.label = queue.label;
    ReadSnapshot snapshot(ws_.db());
    for (const auto& item : collect(queueId, actor, ws_.clock().now())) {
        ++count.items;
        count.overdue += item.countdown && item.countdown->overdue() ? 1 : 0;
    }
    return count;
}

std::vector<Queues::Count> Queues::counts(const Actor& actor) {
    std::vector<Count> counts;
    for (const auto& queue : queuesForRole(actor.role))
        counts.push_back(count(queue.id, actor));
    return counts;
}

} // namespace frontdoor::core
