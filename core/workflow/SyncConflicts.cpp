#include "workflow/SyncConflicts.h"

#include "contacts/ContactProjection.h"
#include "contacts/ContactStatus.h"
#include "store/FactStore.h"
#include "time/UkTime.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "util/Text.h"
#include "workflow/WorkflowFacts.h"

#include <algorithm>
#include <cstring>

namespace frontdoor::core {
namespace {

constexpr size_t kMinimumNoteLength = 10;
constexpr size_t kMaxNoteLength = 5000;

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Set while a resolution applies the later fact's decision: the gate admits it whatever the state.
thread_local int forcing = 0;

std::string verb(const std::string& type) {
    using namespace facts;
    static const std::pair<const char*, const char*> verbs[] = {
        {kScreeningStarted, "started screening"},
        {kScreeningHandedBack, "handed the contact back to the queue"},
        {kRecommended, "made a recommendation"},
        {kReturned, "returned the recommendation for edits"},
        {kDecided, "signed off the recommendation"},
        {kContactClosed, "closed the contact"},
        {kPartnerCheckAdded, "added a partner check"},
        {kAnalysisSaved, "saved the analysis"},
        {"contact.recorded", "recorded the contact"},
        {"contact.outcome_recorded", "imported the contact's outcome"},
        {"user.disabled", "disabled the account"},
        {kSyncConflictResolved, "resolved the conflict"},
    };
    for (const auto& [known, words] : verbs)
        if (type == known)
            return words;
    return "recorded " + type;
}

std::string when(const std::string& recordedAt) {
    const auto instant = parseInstant(recordedAt);
    return instant ? formatUkTime(*instant) : recordedAt;
}

std::string who(const Fact& fact) { return fact.userId + " (" + roleLabel(fact.role) + ")"; }

std::string kindOf(const std::string& a, const std::string& b, bool disabled) {
    using namespace facts;
    if (disabled)
        return "user_disabled";
    if (a == kContactClosed)
        return "contact_closed";
    if (a == kScreeningStarted && b == kScreeningStarted)
        return "screening_started_twice";
    if (a == kDecided && b == kDecided)
        return "signed_off_twice";
    if ((a == kDecided && b == kReturned) || (a == kReturned && b == kDecided))
        return "signed_off_and_returned";
    if (a == kReturned && b == kReturned)
        return "returned_twice";
    return "not_possible_now";
}

// The latest user.disabled / user.enabled fact about `userId` sorting before `fact`, from the facts
// themselves so that the answer depends on nothing but the facts held.
std::optional<std::string> disabledBy(Database& db, const Fact& fact) {
    auto& stmt = db.cached("SELECT id, type FROM facts WHERE subject = ? AND type IN ('user.disabled', 'user.enabled') "
                           "AND (hlc, device_id, id) < (?, ?, ?) ORDER BY hlc DESC, device_id DESC, id DESC LIMIT 1");
    stmt.bindAll(fact.userId, fact.hlc.packed, fact.deviceId, fact.id);
    std::optional<std::string> found;
    if (stmt.step() && stmt.text(1) == "user.disabled")
        found = stmt.text(0);
    stmt.reset();
    return found;
}

void recordConflict(Database& db, const Fact& b, const std::string& factA, bool disabled, const std::string& status) {
    const std::optional<Fact> held = FactStore::fact(db, factA);
    Fact a;
    if (held) {
        a = *held;
    } else {
        a.id = factA;
        a.type = "unknown";
        a.userId = "someone";
    }
    const std::string aAt = held ? formatInstant(a.recordedAt) : std::string();
    const std::string bAt = formatInstant(b.recordedAt);
    const std::string kind = kindOf(a.type, b.type, disabled);
    std::string detail;
    if (disabled)
        detail = who(b) + " " + verb(b.type) + " at " + when(bAt) + ", after " + who(a) +
                 " had disabled their account at " + when(aAt) + " at another desk";
    else
        detail = who(b) + " " + verb(b.type) + " at " + when(bAt) + " at another desk, but " + who(a) +
                 " had already " + verb(a.type) + " at " + when(aAt) + " (the contact was " +
                 [&] {
                     std::string words = status;
                     std::replace(words.begin(), words.end(), '_', ' ');
                     return words;
                 }() +
                 ")";
    db.cached("INSERT OR IGNORE INTO sync_conflict(id, kind, contact_id, fact_a, a_type, a_user, a_role, a_at, fact_b, "
              "b_type, b_user, b_role, b_at, b_hlc, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bindAll(b.id, kind, b.subject, a.id, a.type, a.userId, a.role, aAt, b.id, b.type, b.userId, b.role, bAt,
                 b.hlc.packed, detail)
        .run();
}

void setTransition(Database& db, const Fact& fact) {
    db.cached("INSERT INTO contact_transition(contact_id, fact_id) VALUES (?, ?) "
              "ON CONFLICT(contact_id) DO UPDATE SET fact_id = excluded.fact_id")
        .bindAll(fact.subject, fact.id)
        .run();
}

// The fact that put the contact where it stands: its latest admitted transition, else its recording.
std::string standingFact(Database& db, const std::string& contactId) {
    if (auto id = db.lookupText("SELECT fact_id FROM contact_transition WHERE contact_id = ?", contactId))
        return *id;
    return db.lookupText("SELECT id FROM facts WHERE subject = ? AND type = 'contact.recorded' ORDER BY hlc LIMIT 1",
                         contactId)
        .value_or("");
}

void projectResolved(const Projections& projections, Database& db, const Fact& fact) {
    const auto& p = fact.payload;
    const std::string id = p.value("conflict_id", "");
    const std::string keep = p.value("keep", "");
    db.cached("UPDATE sync_conflict SET status = 'resolved', kept = ?, resolved_by = ?, resolved_role = ?, "
              "resolved_at = ?, note = ?, resolution_fact = ? WHERE id = ? AND status = 'open'")
        .bindAll(keep, fact.userId, fact.role, formatInstant(fact.recordedAt), p.value("note", ""), fact.id, id)
        .run();
    // A second resolution (two duty managers at two offline desks) changes nothing: the first stands.
    if (db.changes() == 0 || keep != "B")
        return;
    const std::string factB = db.lookupText("SELECT fact_b FROM sync_conflict WHERE id = ?", id).value_or("");
    const std::optional<Fact> later = FactStore::fact(db, factB);
    if (!later)
        throw StoreError("the conflict names fact " + factB + ", which this desk does not hold");
    ++forcing;
    try {
        projections.apply(db, *later);
    } catch (...) {
        --forcing;
        throw;
    }
    --forcing;
}

Json side(const Statement& stmt, int first) {
    return {{"fact_id", stmt.text(first)},
            {"type", stmt.text(first + 1)},
            {"user", stmt.text(first + 2)},
            {"role", stmt.text(first + 3)},
            {"at", stmt.text(first + 4)}};
}

} // namespace

bool admitWorkflowFact(Database& db, const Fact& fact, allowedFrom::Statuses allowed, bool movesStatus) {
    if (forcing == 0) {
        const auto status = db.lookupText("SELECT status FROM contact WHERE id = ?", fact.subject);
        if (!status)
            return false;
        if (const auto disabled = disabledBy(db, fact)) {
            recordConflict(db, fact, *disabled, true, *status);
            return false;
        }
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* s) { return *status == s; })) {
            recordConflict(db, fact, standingFact(db, fact.subject), false, *status);
            return false;
        }
    }
    if (movesStatus)
        setTransition(db, fact);
    return true;
}

void registerSyncConflicts(Projections& projections) {
    projections.ownTable("sync_conflict", "id", "contact_id IN (SELECT subject FROM temp.fd_reproject)");
    projections.ownTable("contact_transition", "contact_id", "contact_id IN (SELECT subject FROM temp.fd_reproject)");
    // Importing an outcome moves the contact to decided: it is the standing fact of a later conflict.
    projections.on("contact.outcome_recorded", [](Database& db, const Fact& fact) {
        if (db.lookupText("SELECT status FROM contact WHERE id = ?", fact.subject))
            setTransition(db, fact);
    });
    projections.on(kSyncConflictResolved, [&projections](Database& db, const Fact& fact) {
        projectResolved(projections, db, fact);
    });
    projections.describe(kSyncConflictResolved, [](const Fact& fact) {
        const std::string keep = fact.payload.value("keep", "");
        return std::string("Conflict between desks resolved: ") +
               (keep == "B" ? "the later decision stands" : "the first decision stands") + ": " +
               fact.payload.value("note", "");
    });
}

std::string conflictWords(Database& db, const std::string& factId) {
    auto& asB = db.cached("SELECT detail, status, kept, resolved_by, resolved_at, note FROM sync_conflict WHERE id = ?");
    asB.bindAll(factId);
    std::string words;
    if (asB.step()) {
        const std::string detail = asB.text(0);
        if (asB.text(1) == "open")
            words = "not applied: " + detail + "; the first stands until a duty manager resolves the conflict";
        else if (asB.optionalText(2).value_or("") == "B")
            words = "applied later: " + detail + "; " + asB.text(3) + " resolved the conflict at " + when(asB.text(4)) +
                    " keeping this decision (" + asB.text(5) + ")";
        else
            words = "not applied: " + detail + "; " + asB.text(3) + " resolved the conflict at " + when(asB.text(4)) +
                    " keeping the first (" + asB.text(5) + ")";
    }
    asB.reset();
    if (!words.empty())
        return words;
    auto& asA = db.cached("SELECT b_user, resolved_by, resolved_at, note FROM sync_conflict "
                          "WHERE fact_a = ? AND kept = 'B' ORDER BY resolved_at LIMIT 1");
    asA.bindAll(factId);
    if (asA.step())
        words = "superseded: " + asA.text(1) + " resolved a conflict between desks at " + when(asA.text(2)) +
                " keeping " + asA.text(0) + "'s later decision instead (" + asA.text(3) + ")";
    asA.reset();
    return words;
}

Json SyncConflicts::list(const Actor& actor) {
    UserService(ws_).require(actor, {role::kDutyManager, role::kAdministrator, role::kAuditor},
                             "Listing conflicts between desks");
    Statement stmt = ws_.db().prepare(
        "SELECT k.id, k.kind, k.contact_id, c.reference, k.status, k.detail, k.fact_a, k.a_type, k.a_user, k.a_role, "
        "k.a_at, k.fact_b, k.b_type, k.b_user, k.b_role, k.b_at, k.kept, k.resolved_by, k.resolved_role, "
        "k.resolved_at, k.note, k.resolution_fact, (SELECT group_concat(name, ', ') FROM (SELECT "
        "trim(p.given_name || ' ' || p.family_name) AS name FROM contact_child cc JOIN person p ON p.pk = cc.person_pk "
        "WHERE cc.contact_pk = c.pk ORDER BY cc.position)) FROM sync_conflict k LEFT JOIN contact c ON c.id = k.contact_id "
        "ORDER BY k.status = 'resolved', k.b_hlc, k.id");
    Json conflicts = Json::array();
    int64_t open = 0;
    while (stmt.step()) {
        const bool isOpen = stmt.text(4) == "open";
        open += isOpen ? 1 : 0;
        Json entry{{"id", stmt.text(0)},
                   {"kind", stmt.text(1)},
                   {"contact_id", stmt.text(2)},
                   {"reference", stmt.isNull(3) ? Json(nullptr) : Json(stmt.text(3))},
                   {"status", stmt.text(4)},
                   {"children", stmt.optionalText(22).value_or("")},
                   {"detail", stmt.text(5)},
                   {"a", side(stmt, 6)},
                   {"b", side(stmt, 11)},
                   {"resolution", nullptr}};
        // What each desk decided, in the timeline's words (the outcome, the reason returned, ...).
        for (const char* which : {"a", "b"})
            if (const auto fact = ws_.facts().fact(entry[which]["fact_id"].get<std::string>()))
                entry[which]["what"] = ws_.projections().description(*fact);
        if (!isOpen)
            entry["resolution"] = {{"kept", stmt.text(16)},       {"by", stmt.text(17)},
                                   {"role", stmt.text(18)},       {"at", stmt.text(19)},
                                   {"note", stmt.text(20)},       {"fact_id", stmt.text(21)}};
        conflicts.push_back(std::move(entry));
    }
    return {{"open", open}, {"conflicts", conflicts}};
}

Json SyncConflicts::openOn(const std::string& contactId) {
    auto& stmt = ws_.db().cached(
        "SELECT id, kind, detail FROM sync_conflict WHERE contact_id = ? AND status = 'open' ORDER BY b_hlc, id");
    stmt.bindAll(contactId);
    Json open = Json::array();
    while (stmt.step())
        open.push_back({{"id", stmt.text(0)}, {"kind", stmt.text(1)}, {"detail", stmt.text(2)}});
    stmt.reset();
    return open;
}

int64_t SyncConflicts::openCount() {
    return ws_.db().queryInt("SELECT count(*) FROM sync_conflict WHERE status = 'open'").value_or(0);
}

void SyncConflicts::resolve(const Actor& actor, const std::string& conflictId, const std::string& keep,
                            const std::string& note) {
    UserService(ws_).require(actor, {role::kDutyManager}, "Resolving a conflict between desks");
    std::vector<FieldError> errors;
    if (keep != "A" && keep != "B")
        errors.push_back({"keep", "say which decision stands: A (the first, as now) or B (the later one)"});
    const std::string trimmed = trim(note);
    if (utf8Length(trimmed) < kMinimumNoteLength)
        errors.push_back({"note", "say why, in a sentence (at least " + std::to_string(kMinimumNoteLength) +
                                      " characters)"});
    else if (utf8Length(trimmed) > kMaxNoteLength)
        errors.push_back({"note", "is too long (at most " + std::to_string(kMaxNoteLength) + " characters)"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    auto& stmt = ws_.db().cached("SELECT contact_id, status, fact_a, fact_b, resolved_by, resolved_at, kept "
                                 "FROM sync_conflict WHERE id = ?");
    stmt.bindAll(conflictId);
    if (!stmt.step()) {
        stmt.reset();
        throw NotFoundError("no conflict between desks with id " + excerpt(conflictId) +
                            " (frontdoor-cli sync conflicts lists them)");
    }
    const std::string contactId = stmt.text(0);
    const std::string status = stmt.text(1);
    const std::string factA = stmt.text(2);
    const std::string factB = stmt.text(3);
    const std::string resolvedBy = stmt.optionalText(4).value_or("");
    const std::string resolvedAt = stmt.optionalText(5).value_or("");
    const std::string kept = stmt.optionalText(6).value_or("");
    stmt.reset();
    if (status != "open")
        throw ConflictError("conflict " + conflictId + " was already resolved by " + resolvedBy + " at " +
                            when(resolvedAt) + " (kept " + kept + ")");
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, kSyncConflictResolved, contactId,
                       {{"conflict_id", conflictId}, {"keep", keep}, {"note", trimmed}, {"fact_a", factA},
                        {"fact_b", factB}});
    scope.commit();
}

} // namespace frontdoor::core
