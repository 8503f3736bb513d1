#include "models/QueueDefinitions.h"

#include "contacts/ContactService.h"
#include "contacts/Outcomes.h"
#include "standards/CensusCodes.h"
#include "support/Text.h"
#include "users/Roles.h"

#include <QCoreApplication>

namespace frontdoor::ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Queues", text); }

QString sourceText(const std::string& code) {
    const std::string label = core::labelOf(core::referralSources(), code);
    return label.empty() ? qs(code) : qs(code + " " + label);
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
        return static_cast<qint64>(core::ContactService(ws).count(filter));
    };
    queue.page = [filter](core::Workspace& ws, const core::Session&, const std::optional<QueueCursor>& cursor,
                          int limit) { return contactPage(ws, filter, cursor, limit); };
    return queue;
}

QueueItem draftItem(const core::ContactDraft& draft) {
    QueueItem item;
    item.kind = QueueItem::Kind::Draft;
    item.id = qs(draft.id);
    item.status = QStringLiteral("draft");
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

std::vector<QueueDefinition> buildQueues() {
    using namespace core::role;
    std::vector<QueueDefinition> queues;

    QueueDefinition drafts;
    drafts.key = QStringLiteral("my_drafts");
    drafts.title = tr("My drafts");
    drafts.description = tr("Contacts you started and have not recorded yet; Enter continues one");
    drafts.roles = {kScreener, kDutyManager, kEdtWorker};
    drafts.kind = QueueItem::Kind::Draft;
    drafts.count = [](core::Workspace& ws, const core::Session& session) {
        return static_cast<qint64>(core::ContactService(ws).drafts(session.user.id).size());
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
    queues.push_back(std::move(drafts));

    queues.push_back(contactQueue(QStringLiteral("awaiting_screening"), tr("Awaiting screening"),
                                  tr("Contacts recorded and not yet decided"),
                                  {kScreener, kDutyManager, kEdtWorker, kAuditor}, "recorded"));
    // The workflow queues slot in here: awaiting sign-off, strategy discussions due, handovers to
    // acknowledge, referrer feedback outstanding, overdue.
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

std::vector<QueueDefinition> queuesFor(const QString& role) {
    std::vector<QueueDefinition> result;
    for (const auto& queue : allQueues())
        if (queue.visibleTo(role))
            result.push_back(queue);
    return result;
}

QueueItem queueItemFrom(const core::ContactSummary& summary) {
    QueueItem item;
    item.id = qs(summary.id);
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
    item.id = jsonText(contact, "id");
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
