#include "models/QueueDefinitions.h"

#include "contacts/ContactService.h"
#include "contacts/Outcomes.h"
#include "standards/CensusCodes.h"
#include "support/Text.h"
#include "users/Roles.h"
#include "util/Errors.h"
#include "workflow/Queues.h"

#include <QCoreApplication>

#include <unordered_map>

namespace frontdoor::ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Queues", text); }

/// The most rows a workflow queue shows; core sorts the most urgent first, so these are the ones
/// that matter. A queue longer than this says so in the status bar (its count is the whole).
constexpr int kWorkflowRowsLimit = 2000;

QString sourceText(const std::string& code) {
    const std::string label = core::labelOf(core::referralSources(), code);
    return label.empty() ? qs(code) : qs(code + " " + label);
}

QStringList qRoles(const std::vector<std::string>& roles) {
    QStringList list;
    for (const auto& role : roles)
        list << qs(role);
    return list;
}

// Keyset paging over core's contact list: the next page is the contacts received at or before the
// last one loaded, skipping those at that instant already shown. Unlike a growing OFFSET, this costs
// the same on page 5,000 as on page 1.
QueuePage contactPage(core::Workspace& ws, core::ContactFilter filter, const std::optional<QueueCursor>& cursor,
                      int limit) {
    filter.limit = limit;
    filter.offset = 0;
    if (cursor) {
        filter.receivedTo = core::fromEpochMs(cursor->lastReceivedMs + 1);
        filter.offset = cursor->loadedAtLastInstant;
    }
    QueuePage page;
    for (const auto& summary : core::ContactService(ws).list(filter))
        page.items.push_back(queueItemFrom(summary));
    page.complete = static_cast<int>(page.items.size()) < limit;
    return page;
}

QueueDefinition contactQueue(QString key, QString title, QString description, QStringList roles,
                             std::optional<std::string> status) {
    core::ContactFilter filter;
    filter.status = std::move(status);
    QueueDefinition queue;
    queue.key = std::move(key);
    queue.title = std::move(title);
    queue.description = std::move(description);
    queue.roles = std::move(roles);
    queue.count = [filter](core::Workspace& ws, const core::Session&) {
        return QueueCount{static_cast<qint64>(core::ContactService(ws).count(filter)), -1};
    };
    queue.page = [filter](core::Workspace& ws, const core::Session&, const std::optional<QueueCursor>& cursor,
                          int limit) { return contactPage(ws, filter, cursor, limit); };
    return queue;
}

QueueItem draftItem(const core::ContactDraft& draft) {
    QueueItem item;
    item.kind = QueueItem::Kind::Draft;
    item.id = item.itemId = qs(draft.id);
    item.status = QStringLiteral("draft");
    item.what = tr("Draft: not yet recorded");
    const auto received = core::parseInstant(draft.body.value("received_at", std::string()));
    item.receivedMs = core::toEpochMs(received.value_or(draft.savedAt));
    item.hasReceived = true;
    QStringList names;
    if (const auto children = draft.body.find("children"); children != draft.body.end() && children->is_array()) {
        for (const auto& child : *children) {
            const QString name = (jsonText(child, "given_name") + QLatin1Char(' ') + jsonText(child, "family_name"))
                                     .trimmed();
            names << (name.isEmpty() ? tr("(no name yet)") : name);
        }
    }
    item.children = names.join(QStringLiteral(", "));
    item.source = sourceText(draft.body.value("source", std::string()));
    item.concern = jsonText(draft.body, "concern").left(200).simplified();
    return item;
}

QueueItem::Kind kindOf(const std::string& kind) {
    if (kind == "draft")
        return QueueItem::Kind::Draft;
    if (kind == "handover")
        return QueueItem::Kind::Handover;
    if (kind == "strategy_discussion")
        return QueueItem::Kind::StrategyDiscussion;
    if (kind == "strategy_action")
        return QueueItem::Kind::StrategyAction;
    if (kind == "referrer_feedback")
        return QueueItem::Kind::ReferrerFeedback;
    return QueueItem::Kind::Contact;
}

/// Titles and descriptions are the UI's words (translatable); core's labels name the same queues.
struct QueueWords {
    QString title;
    QString description;
};
QueueWords wordsFor(const core::QueueDefinition& queue) {
    static const std::unordered_map<std::string, std::pair<const char*, const char*>> words = {
        {"handovers", {QT_TRANSLATE_NOOP("Queues", "Handovers to acknowledge"),
                       QT_TRANSLATE_NOOP("Queues", "Out-of-hours contacts the EDT handed over: a duty manager "
                                                   "acknowledges each by the morning")}},
        {"my_drafts", {QT_TRANSLATE_NOOP("Queues", "My drafts"),
                       QT_TRANSLATE_NOOP("Queues", "Contacts you started and have not recorded yet; Enter continues "
                                                   "one")}},
        {"my_work", {QT_TRANSLATE_NOOP("Queues", "My work"),
                     QT_TRANSLATE_NOOP("Queues", "Contacts you are screening, returned to you, or awaiting sign-off of "
                                                 "your recommendation")}},
        {"awaiting_screening", {QT_TRANSLATE_NOOP("Queues", "Awaiting screening"),
                                QT_TRANSLATE_NOOP("Queues", "Recorded and not yet picked up; Ctrl+E starts screening")}},
        {"awaiting_signoff", {QT_TRANSLATE_NOOP("Queues", "Awaiting sign-off"),
                              QT_TRANSLATE_NOOP("Queues", "Recommendations waiting for a duty manager's decision")}},
        {"strategy_due", {QT_TRANSLATE_NOOP("Queues", "Strategy discussions"),
                          QT_TRANSLATE_NOOP("Queues", "Strategy discussions to schedule, hold, or record the outcome "
                                                      "of (within 24 hours of the decision)")}},
        {"referrer_feedback", {QT_TRANSLATE_NOOP("Queues", "Referrer feedback"),
                               QT_TRANSLATE_NOOP("Queues", "Decided, and the referrer not yet told the outcome")}},
        {"overdue", {QT_TRANSLATE_NOOP("Queues", "Overdue"),
                     QT_TRANSLATE_NOOP("Queues", "Everything past due: decisions, strategy discussions, handovers "
                                                 "and agreed actions")}},
    };
    const auto found = words.find(queue.id);
    if (found == words.end())
        return {qs(queue.label), qs(queue.label)};
    return {tr(found->second.first), tr(found->second.second)};
}

/// Adds what the contact list knows (source, concern, receipt, outcome) to core's queue rows, reading
/// each contact once.
void describeContacts(core::Workspace& ws, std::vector<QueueItem>& items) {
    core::ContactService contacts(ws);
    std::unordered_map<std::string, nlohmann::json> seen;
    for (auto& item : items) {
        if (item.id.isEmpty() || item.kind == QueueItem::Kind::Draft)
            continue;
        const std::string id = ss(item.id);
        auto found = seen.find(id);
        if (found == seen.end()) {
            nlohmann::json contact;
            try {
                contact = contacts.show(id);
                contact.erase("timeline");
            } catch (const core::Error&) {
                contact = nlohmann::json::object();
            }
            found = seen.emplace(id, std::move(contact)).first;
        }
        const auto& contact = found->second;
        if (const auto received = core::parseInstant(contact.value("received_at", std::string()))) {
            item.receivedMs = core::toEpochMs(*received);
            item.hasReceived = true;
        }
        item.source = sourceText(contact.value("source", std::string()));
        const QString concern = jsonText(contact, "concern").simplified();
        item.concern = concern.size() > 200 ? concern.left(199) + QChar(0x2026) : concern;
        const std::string outcome = contact.value("outcome", std::string());
        item.outcome = outcome.empty() ? QString() : qs(core::outcomeLabel(outcome));
        if (item.status.isEmpty() || item.kind != QueueItem::Kind::Contact)
            item.status = jsonText(contact, "status");
    }
}

QueueDefinition workflowQueue(const core::QueueDefinition& definition) {
    const QueueWords words = wordsFor(definition);
    QueueDefinition queue;
    queue.key = qs(definition.id);
    queue.title = words.title;
    queue.description = words.description;
    queue.roles = qRoles(definition.roles);
    queue.workflow = true;
    const std::string id = definition.id;
    queue.count = [id](core::Workspace& ws, const core::Session& session) {
        const auto count = core::Queues(ws).count(id, session.actor());
        return QueueCount{count.items, count.overdue};
    };
    queue.page = [id](core::Workspace& ws, const core::Session& session, const std::optional<QueueCursor>& cursor,
                      int limit) {
        // Core sorts the whole queue by urgency, so a page is a slice of its answer: the first page the
        // most urgent, each later page the next ones.
        const int offset = cursor ? cursor->loaded : 0;
        QueuePage page;
        if (offset >= kWorkflowRowsLimit) {
            page.complete = true;
            return page;
        }
        const auto all = core::Queues(ws).items(id, session.actor(), std::min(offset + limit, kWorkflowRowsLimit) + 1);
        for (size_t i = static_cast<size_t>(offset); i < all.size() && page.items.size() < static_cast<size_t>(limit);
             ++i) {
            const auto& from = all[i];
            QueueItem item;
            item.kind = kindOf(from.kind);
            item.id = from.contactId.empty() ? qs(from.itemId) : qs(from.contactId);
            item.itemId = qs(from.itemId);
            item.reference = qs(from.reference);
            item.children = qs(from.title);
            item.what = qs(from.what);
            item.status = qs(from.status);
            if (from.dueAt)
                item.dueMs = core::toEpochMs(*from.dueAt);
            if (from.startedAt)
                item.startedMs = core::toEpochMs(*from.startedAt);
            item.dueWhat = qs(from.dueWhat);
            for (const auto& deadline : from.deadlines)
                item.deadlines.emplace_back(qs(deadline.what), core::toEpochMs(deadline.dueAt));
            page.items.push_back(std::move(item));
        }
        page.complete = all.size() <= static_cast<size_t>(offset) + page.items.size() ||
                        offset + static_cast<int>(page.items.size()) >= kWorkflowRowsLimit;
        describeContacts(ws, page.items);
        return page;
    };
    return queue;
}

QueueDefinition draftsQueue(const core::QueueDefinition& definition) {
    const QueueWords words = wordsFor(definition);
    QueueDefinition drafts;
    drafts.key = qs(definition.id);
    drafts.title = words.title;
    drafts.description = words.description;
    drafts.roles = qRoles(definition.roles);
    drafts.kind = QueueItem::Kind::Draft;
    drafts.count = [](core::Workspace& ws, const core::Session& session) {
        return QueueCount{static_cast<qint64>(core::ContactService(ws).drafts(session.user.id).size()), -1};
    };
    drafts.page = [](core::Workspace& ws, const core::Session& session, const std::optional<QueueCursor>& cursor,
                     int) {
        QueuePage page;
        page.complete = true;
        if (!cursor) // a person's drafts are few: the first page holds them all
            for (const auto& draft : core::ContactService(ws).drafts(session.user.id))
                page.items.push_back(draftItem(draft));
        return page;
    };
    return drafts;
}

std::vector<QueueDefinition> buildQueues() {
    std::vector<QueueDefinition> queues;
    for (const auto& definition : core::queueDefinitions())
        queues.push_back(definition.id == "my_drafts" ? draftsQueue(definition) : workflowQueue(definition));
    // The plain lists, after the work: every role may browse them.
    queues.push_back(contactQueue(QStringLiteral("decided"), tr("Decided"), tr("Contacts with an outcome"), {},
                                  "decided"));
    queues.push_back(contactQueue(QStringLiteral("all_contacts"), tr("All contacts"), tr("Every contact, newest first"),
                                  {}, std::nullopt));
    return queues;
}

} // namespace

const std::vector<QueueDefinition>& allQueues() {
    static const std::vector<QueueDefinition> queues = buildQueues();
    return queues;
}

int queueShortcutDigit(const QString& key) {
    const auto& queues = allQueues();
    for (size_t i = 0; i < queues.size() && i < 10; ++i)
        if (queues[i].key == key)
            return static_cast<int>((i + 1) % 10);
    return -1;
}

std::vector<QueueDefinition> queuesFor(const QString& role) {
    std::vector<QueueDefinition> result;
    for (const auto& queue : allQueues())
        if (queue.visibleTo(role))
            result.push_back(queue);
    return result;
}

QueueItem queueItemFrom(const core::ContactSummary& summary) {
    QueueItem item;
    item.id = item.itemId = qs(summary.id);
    item.reference = qs(summary.reference);
    item.receivedMs = core::toEpochMs(summary.receivedAt);
    item.hasReceived = true;
    QStringList names;
    for (const auto& name : summary.childNames)
        names << qs(name);
    item.children = names.join(QStringLiteral(", "));
    item.source = sourceText(summary.source);
    item.status = qs(summary.status);
    item.outcome = summary.outcome.empty() ? QString() : qs(core::outcomeLabel(summary.outcome));
    item.concern = qs(summary.concernSummary);
    return item;
}

QueueItem queueItemFromJson(const nlohmann::json& contact) {
    QueueItem item;
    item.id = item.itemId = jsonText(contact, "id");
    item.reference = jsonText(contact, "reference");
    if (const auto received = core::parseInstant(contact.value("received_at", std::string()))) {
        item.receivedMs = core::toEpochMs(*received);
        item.hasReceived = true;
    }
    QStringList names;
    if (const auto children = contact.find("children"); children != contact.end() && children->is_array())
        for (const auto& name : *children)
            if (name.is_string())
                names << qs(name.get<std::string>());
    item.children = names.join(QStringLiteral(", "));
    item.source = sourceText(contact.value("source", std::string()));
    item.status = jsonText(contact, "status");
    const std::string outcome = contact.value("outcome", std::string());
    item.outcome = outcome.empty() ? QString() : qs(core::outcomeLabel(outcome));
    item.concern = jsonText(contact, "concern_summary");
    item.reReferral = contact.value("is_re_referral", false);
    return item;
}

} // namespace frontdoor::ui
