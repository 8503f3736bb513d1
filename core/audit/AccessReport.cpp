#include "audit/AccessReport.h"

#include "contacts/ContactProjection.h"
#include "time/WorkingCalendar.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"

#include <algorithm>
#include <map>
#include <set>

namespace frontdoor::core {

namespace {

const std::vector<std::string>& auditRoles() {
    static const std::vector<std::string> roles{role::kAuditor, role::kAdministrator};
    return roles;
}

// Facts are stamped with a hybrid logical clock that follows wall time, so an instant bounds them.
int64_t hlcAtOrAfter(Instant instant) {
    return HlcStamp::make(instant.time_since_epoch().count(), 0).packed;
}

// Whether `user` did anything other than read on any of `subjects`.
bool actedOnAny(Database& db, const std::string& user, const std::vector<std::string>& subjects) {
    auto& acted = db.cached("SELECT 1 FROM facts WHERE subject = ? AND user_id = ? AND type <> ? LIMIT 1");
    for (const auto& subject : subjects) {
        acted.bindAll(subject, user, std::string(kRecordViewed));
        const bool found = acted.step();
        acted.reset();
        if (found)
            return true;
    }
    return false;
}

// The contacts about a person (their ids), or, for a contact, the contact itself.
std::vector<std::string> contactsOfPerson(Database& db, const std::string& personId) {
    std::vector<std::string> ids;
    auto& contacts = db.cached("SELECT c.id FROM contact c JOIN contact_child cc ON cc.contact_pk = c.pk "
                               "JOIN person p ON p.pk = cc.person_pk WHERE p.id = ? ORDER BY c.received_at");
    contacts.bindAll(personId);
    while (contacts.step())
        ids.push_back(contacts.text(0));
    contacts.reset();
    return ids;
}

class Names {
public:
    explicit Names(Workspace& ws) : users_(ws) {}
    const std::string& of(const std::string& id) {
        auto it = cache_.find(id);
        if (it == cache_.end()) {
            const auto user = users_.find(id);
            it = cache_.emplace(id, user ? user->displayName : id).first;
        }
        return it->second;
    }

private:
    UserService users_;
    std::map<std::string, std::string> cache_;
};

void recordReportRun(Workspace& ws, const Actor& actor, const std::string& subject, Json payload) {
    WriteScope scope(ws.db());
    ws.facts().append(actor, kAuditReportRun, subject, std::move(payload));
    scope.commit();
}

} // namespace

ChildAccessReport childAccessReport(Workspace& ws, const Actor& actor, const std::string& personId,
                                    std::optional<Instant> from, std::optional<Instant> to) {
    UserService(ws).require(actor, auditRoles(), "The access report");
    if (from && to && *to <= *from)
        throw ValidationError("to", "the end of the period must be after its start");
    Database& db = ws.db();
    ChildAccessReport report;
    report.personId = personId;
    {
        auto& person = db.cached("SELECT given_name, family_name FROM person WHERE id = ?");
        person.bindAll(personId);
        if (!person.step()) {
            person.reset();
            throw NotFoundError("No person with id " + personId);
        }
        report.childName = person.text(0) + " " + person.text(1);
        person.reset();
    }
    const std::vector<std::string> contacts = contactsOfPerson(db, personId);
    std::map<std::string, std::string> references;
    for (const auto& id : contacts)
        references[id] = db.lookupText("SELECT coalesce(reference, '') FROM contact WHERE id = ?", id).value_or("");

    std::vector<std::string> subjects{personId};
    subjects.insert(subjects.end(), contacts.begin(), contacts.end());
    Names names(ws);
    auto& views = db.cached("SELECT recorded_at, user_id, role, device_id FROM facts "
                            "WHERE subject = ? AND type = ? AND hlc >= ? AND hlc < ? ORDER BY hlc");
    for (const auto& subject : subjects) {
        const bool isPerson = subject == personId;
        views.bindAll(subject, std::string(kRecordViewed), from ? hlcAtOrAfter(*from) : int64_t{0},
                      to ? hlcAtOrAfter(*to) : std::numeric_limits<int64_t>::max());
        while (views.step()) {
            AccessEntry entry;
            entry.at = parseInstant(views.text(0)).value_or(Instant{});
            entry.userId = views.text(1);
            entry.role = views.text(2);
            entry.deviceId = views.text(3);
            entry.what = isPerson ? "person" : "contact";
            entry.recordId = subject;
            if (!isPerson)
                entry.contactReference = references[subject];
            report.entries.push_back(std::move(entry));
        }
        views.reset();
    }
    for (auto& entry : report.entries) {
        entry.displayName = names.of(entry.userId);
        entry.inTheirWork = entry.what == "person" ? actedOnAny(db, entry.userId, contacts)
                                                   : actedOnAny(db, entry.userId, {entry.recordId});
    }
    std::stable_sort(report.entries.begin(), report.entries.end(),
                     [](const AccessEntry& a, const AccessEntry& b) { return a.at < b.at; });

    Json run{{"report", "child_access"}, {"person_id", personId}};
    if (from)
        run["from"] = formatInstant(*from);
    if (to)
        run["to"] = formatInstant(*to);
    recordReportRun(ws, actor, personId, std::move(run));
    return report;
}

ReadingReport readingReport(Workspace& ws, const Actor& actor, Instant from, Instant to,
                            ReadingThresholds thresholds) {
    UserService(ws).require(actor, auditRoles(), "The reading report");
    if (to <= from)
        throw ValidationError("to", "the end of the period must be after its start");
    Database& db = ws.db();
    ReadingReport report{from, to, 0, thresholds, {}};

    struct Tally {
        ReaderSummary summary;
        std::set<std::string> records;
    };
    std::map<std::string, Tally> byUser;
    // Whether a user acted on a record, remembered: a reader opens the same records again and again.
    std::map<std::pair<std::string, std::string>, bool> inWork;
    std::map<std::string, std::vector<std::string>> personContacts;
    const WorkingCalendar& calendar = ws.deadlines().calendar();

    auto views = db.prepare("SELECT user_id, subject, json_extract(payload, '$.what'), recorded_at FROM facts "
                            "WHERE type = ? AND hlc >= ? AND hlc < ? ORDER BY hlc");
    views.bindAll(std::string(kRecordViewed), hlcAtOrAfter(from), hlcAtOrAfter(to));
    while (views.step()) {
        const std::string user = views.text(0);
        const std::string subject = views.text(1);
        const bool isPerson = views.optionalText(2).value_or("") == "person";
        const auto at = parseInstant(views.text(3));
        Tally& tally = byUser[user];
        tally.summary.userId = user;
        ++tally.summary.views;
        tally.records.insert(subject);
        if (at && !calendar.isOpen(*at))
            ++tally.summary.outsideOpeningHours;
        const auto key = std::make_pair(user, subject);
        auto known = inWork.find(key);
        if (known == inWork.end()) {
            bool acted = false;
            if (isPerson) {
                auto contacts = personContacts.find(subject);
                if (contacts == personContacts.end())
                    contacts = personContacts.emplace(subject, contactsOfPerson(db, subject)).first;
                acted = actedOnAny(db, user, contacts->second);
            } else {
                acted = actedOnAny(db, user, {subject});
            }
            known = inWork.emplace(key, acted).first;
        }
        if (!known->second)
            ++tally.summary.viewsOutsideWork;
    }

    std::vector<int64_t> outside;
    for (const auto& [user, tally] : byUser)
        outside.push_back(tally.summary.viewsOutsideWork);
    if (!outside.empty()) {
        std::sort(outside.begin(), outside.end());
        const size_t n = outside.size();
        report.medianOutsideWork =
            n % 2 ? static_cast<double>(outside[n / 2]) : (outside[n / 2 - 1] + outside[n / 2]) / 2.0;
    }
    Names names(ws);
    for (auto& [user, tally] : byUser) {
        ReaderSummary summary = tally.summary;
        summary.displayName = names.of(user);
        summary.distinctRecords = static_cast<int64_t>(tally.records.size());
        const double bar = std::max(static_cast<double>(thresholds.minimumOutsideWork),
                                    thresholds.timesMedian * report.medianOutsideWork);
        if (summary.viewsOutsideWork >= thresholds.minimumOutsideWork &&
            static_cast<double>(summary.viewsOutsideWork) >= bar) {
            summary.standsOut = true;
            summary.why = std::to_string(summary.viewsOutsideWork) + " views of records outside their work, against " +
                          "a team median of " + std::to_string(static_cast<int64_t>(report.medianOutsideWork)) +
                          " (flagged from " + std::to_string(static_cast<int64_t>(bar)) + ")";
        }
        report.readers.push_back(std::move(summary));
    }
    std::sort(report.readers.begin(), report.readers.end(), [](const ReaderSummary& a, const ReaderSummary& b) {
        if (a.viewsOutsideWork != b.viewsOutsideWork)
            return a.viewsOutsideWork > b.viewsOutsideWork;
        return a.userId < b.userId;
    });
    recordReportRun(ws, actor, "audit",
                    {{"report", "reading"}, {"from", formatInstant(from)}, {"to", formatInstant(to)}});
    return report;
}

} // namespace frontdoor::core
