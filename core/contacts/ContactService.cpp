#include "contacts/ContactService.h"

#include "contacts/ContactProjection.h"
#include "contacts/ContactStatus.h"
#include "contacts/Outcomes.h"
#include "people/PersonMerge.h"
#include "people/AdultPeople.h"
#include "people/PersonProjection.h"
#include "standards/CensusCodes.h"
#include "store/DraftTable.h"
#include "workflow/SyncConflicts.h"
#include "util/Errors.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Uuid.h"
#include "util/JsonFields.h"
#include "util/Text.h"
#include "time/UkTime.h"

namespace frontdoor::core {
namespace {

const std::vector<std::string> kRecordingRoles = {role::kScreener, role::kDutyManager, role::kEdtWorker};
// Limits (docs/cli.md, "Limits"): a draft holds one contact's typing; a note or reason is a paragraph.
constexpr size_t kMaxDraftBytes = 1024 * 1024;
constexpr size_t kMaxNoteLength = 5000;

// Fields of a linked person that a new contact may bring up to date (people move; names do not
// change because a referrer spelt them differently).
Person mergeReportedDetails(Person known, const Person& reported, bool& changed) {
    changed = false;
    const auto take = [&](std::string& field, const std::string& value) {
        if (!value.empty() && field != value) {
            field = value;
            changed = true;
        }
    };
    take(known.address, reported.address);
    take(known.postcode, reported.postcode);
    take(known.sex, reported.sex);
    take(known.laChildId, reported.laChildId);
    if (!reported.ethnicity.empty() && reported.ethnicity != "NOBT")
        take(known.ethnicity, reported.ethnicity);
    if (!known.dateOfBirth && reported.dateOfBirth) {
        known.dateOfBirth = reported.dateOfBirth; // a baby now born, or a date now known
        known.expectedDate.reset();
        known.dateOfBirthUnknown = false;
        changed = true;
    }
    return known;
}

} // namespace

nlohmann::json ContactSummary::toJson() const {
    nlohmann::json json{{"id", id},
                        {"reference", reference},
                        {"received_at", formatInstant(receivedAt)},
                        {"status", status},
                        {"channel", channel},
                        {"source", source},
                        {"children", childNames},
                        {"concern_summary", concernSummary}};
    if (!referrerAgency.empty())
        json["referrer_agency"] = referrerAgency;
    if (!outcome.empty()) {
        json["outcome"] = outcome;
        json["is_referral"] = isReferralOutcome(outcome);
    }
    if (decidedAt)
        json["decided_at"] = formatInstant(*decidedAt);
    if (!personRole.empty())
        json["role"] = personRole;
    return json;
}

nlohmann::json ContactDraft::toJson() const {
    return {{"id", id}, {"owner", owner}, {"saved_at", formatInstant(savedAt)}, {"body", body}};
}

nlohmann::json TimelineEntry::toJson() const {
    nlohmann::json json{{"at", formatInstant(at)}, {"user", user},         {"role", role},
                        {"type", type},            {"what", description}, {"fact_id", factId}};
    if (!changes.empty())
        json["changes"] = core::toJson(changes);
    return json;
}

nlohmann::json AmendedContact::toJson() const {
    nlohmann::json json{{"contact_id", contactId},
                        {"contact", contact},
                        {"changes", core::toJson(changes)},
                        {"new_person_ids", newPersonIds},
                        {"corrected_person_ids", correctedPersonIds}};
    if (!decisionDue.is_null())
        json["decision_due"] = decisionDue;
    return json;
}

RecordedContact ContactService::record(const Actor& actor, const nlohmann::json& input) {
    UserService(ws_).require(actor, kRecordingRoles, "Recording a contact");
    const Instant now = ws_.clock().now();
    Contact contact = readContact(input, now);
    Database& db = ws_.db();

    // Check the links before writing anything, so a bad id refuses the whole contact.
    std::vector<FieldError> linkErrors;
    std::vector<std::optional<Person>> known(contact.children.size());
    for (size_t i = 0; i < contact.children.size(); ++i) {
        const std::string& id = contact.children[i].person.id;
        if (id.empty())
            continue;
        known[i] = loadPerson(db, id);
        if (!known[i])
            linkErrors.push_back({"children[" + std::to_string(i) + "].id", "no person with id " + excerpt(id) + " is known"});
    }
    std::vector<std::optional<Person>> knownAdults(contact.adults.size());
    for (size_t i = 0; i < contact.adults.size(); ++i) {
        const std::string& id = contact.adults[i].personId;
        if (id.empty())
            continue;
        knownAdults[i] = loadPerson(db, id);
        if (!knownAdults[i])
            linkErrors.push_back({"adults[" + std::to_string(i) + "].person_id", "no person with id " + excerpt(id) + " is known"});
    }
    if (!contact.id.empty()) {
        if (!isUuid(contact.id))
            linkErrors.push_back({"id", quoteExcerpt(contact.id) + " is not a contact id"});
        else if (contactKey(db, contact.id))
            linkErrors.push_back({"id", "a contact with id " + excerpt(contact.id) + " is already recorded"});
        else if (const auto existing = draft(contact.id); existing && existing->owner != actor.userId)
            linkErrors.push_back({"id", "draft " + contact.id + " belongs to " + existing->owner});
    }
    if (!linkErrors.empty())
        throw ValidationError(std::move(linkErrors));

    RecordedContact result;
    result.contactId = contact.id.empty() ? newUuidV7(now) : contact.id;
    contact.id = result.contactId;
    WriteScope transaction(db);
    for (size_t i = 0; i < contact.children.size(); ++i) {
        Person& reported = contact.children[i].person;
        if (known[i]) {
            bool changed = false;
            Person updated = mergeReportedDetails(*known[i], reported, changed);
            if (changed)
                ws_.facts().append(actor, kPersonUpdated, updated.id, toJson(updated));
        } else {
            reported.id = newUuidV7(now);
            ws_.facts().append(actor, kPersonRegistered, reported.id, toJson(reported));
            result.newPersonIds.push_back(reported.id);
        }
        result.personIds.push_back(reported.id);
    }
    // Adults become people too: linked to the person chosen, whose address and date of birth the contact
    // may bring up to date, or registered (with an id derived from the contact and their place).
    for (size_t i = 0; i < contact.adults.size(); ++i) {
        ContactAdult& adult = contact.adults[i];
        if (knownAdults[i]) {
            bool changed = false;
            Person updated = mergeReportedDetails(*knownAdults[i], personFromAdult(adult, adult.personId), changed);
            if (changed)
                ws_.facts().append(actor, kPersonUpdated, updated.id, toJson(updated));
        } else if (adultHasName(adult)) {
            adult.personId = adultPersonId(contact.id, i);
            if (!personKey(db, adult.personId)) {
                ws_.facts().append(actor, kPersonRegistered, adult.personId, toJson(personFromAdult(adult, adult.personId)));
                result.newAdultPersonIds.push_back(adult.personId);
            }
        }
        result.adultPersonIds.push_back(adult.personId);
    }
    // The decision clock runs from receipt (for an EDT contact, the out-of-hours receipt), and the
    // deadline is fixed now, on today's calendar, so the record shows what was due when it was due.
    const Deadline decisionDue = ws_.deadlines().compute(DeadlineKind::Decision, contact.receivedAt);
    Json payload = toJson(contact);
    payload["decision_due"] = {{"due_at", formatInstant(decisionDue.due)}, {"explanation", decisionDue.explanation}};
    ws_.facts().append(actor, kContactRecorded, contact.id, payload);
    DraftTable(db).removeAll(draft_kind::kContact, contact.id); // the draft became the contact
    transaction.commit();
    return result;
}

nlohmann::json ContactService::currentVersion(const std::string& contactId) {
    if (!contactKey(ws_.db(), contactId))
        throw NotFoundError("no contact with id " + excerpt(contactId));
    nlohmann::json stored;
    for (const auto& fact : ws_.facts().factsAbout(contactId)) {
        if (fact.type == kContactRecorded)
            stored = fact.payload;
        else if (fact.type == kContactAmended)
            stored = fact.payload.at("contact");
    }
    Contact contact = contactFromStored(stored);
    contact.id = contactId;
    return toJson(contact);
}

bool ContactService::mayAmend(const Actor& actor, const std::string& contactId) {
    const auto row = ws_.db().lookupText("SELECT status || '|' || recorded_by FROM contact WHERE id = ?", contactId);
    if (!row)
        return false;
    if (actor.role == role::kDutyManager)
        return true;
    const std::string statusNow = row->substr(0, row->find('|'));
    const std::string recordedBy = row->substr(row->find('|') + 1);
    return statusNow != status::kDecided && statusNow != status::kClosed && recordedBy == actor.userId;
}

AmendedContact ContactService::amend(const Actor& actor, const std::string& contactId, const nlohmann::json& input,
                                     const std::string& reason) {
    UserService(ws_).require(actor, kRecordingRoles, "Correcting a contact");
    const auto row = ws_.db().lookupText("SELECT status || '|' || recorded_by FROM contact WHERE id = ?", contactId);
    if (!row)
        throw NotFoundError("no contact with id " + excerpt(contactId));
    if (!mayAmend(actor, contactId)) {
        const std::string statusNow = row->substr(0, row->find('|'));
        if (statusNow == status::kDecided || statusNow == status::kClosed)
            throw ForbiddenError("Correcting a contact that has been decided needs the duty manager role; " +
                                 actor.userId + " is acting as " + roleLabel(actor.role));
        throw ForbiddenError("Correcting a contact needs the duty manager role, or to be the one who recorded it (" +
                             row->substr(row->find('|') + 1) + ")");
    }
    checkCorrectionReason(reason);
    if (!input.is_object())
        throw ValidationError("contact", "give the contact as a JSON object");
    if (const auto id = input.find("id"); id != input.end() && (!id->is_string() || id->get<std::string>() != contactId))
        throw ValidationError("id", "is the contact's id and cannot be corrected");
    const Instant now = ws_.clock().now();
    Contact contact = readContact(input, now);
    contact.id = contactId;
    Database& db = ws_.db();
    std::vector<FieldError> linkErrors;
    std::vector<std::optional<Person>> known(contact.children.size());
    for (size_t i = 0; i < contact.children.size(); ++i) {
        const std::string& id = contact.children[i].person.id;
        if (id.empty())
            continue;
        known[i] = loadPerson(db, id);
        if (!known[i])
            linkErrors.push_back({"children[" + std::to_string(i) + "].id", "no person with id " + excerpt(id) + " is known"});
    }
    if (!linkErrors.empty())
        throw ValidationError(std::move(linkErrors));

    const Json before = currentVersion(contactId);
    AmendedContact result;
    result.contactId = contactId;
    result.contact = toJson(contact);
    result.changes = changesBetween(before, result.contact);
    if (result.changes.empty())
        throw ValidationError("contact", "nothing to correct: the contact given is the one already recorded");

    // A linked child's person record carries the same mistake where it holds the value the contact had
    // (a detail the person record has since taken from elsewhere is not overwritten).
    std::vector<AmendedPerson> personCorrections;
    const Json beforeChildren = before.value("children", Json::array());
    for (size_t i = 0; i < contact.children.size(); ++i) {
        if (!known[i])
            continue;
        const Json* old = nullptr;
        for (const auto& child : beforeChildren)
            if (child.value("id", std::string()) == known[i]->id)
                old = &child;
        if (!old)
            continue;
        const Json now_ = result.contact["children"][i];
        const Json person = toJson(*known[i]);
        Json partial = Json::object();
        for (const char* key : {"given_name", "family_name", "date_of_birth", "date_of_birth_unknown",
                                "expected_date", "sex", "ethnicity", "address", "postcode", "la_child_id"}) {
            const Json was = old->value(key, Json());
            const Json is = now_.value(key, Json());
            if (was != is && person.value(key, Json()) == was)
                partial[key] = is;
        }
        if (partial.empty())
            continue;
        AmendedPerson corrected;
        try {
            corrected.person = applyPersonCorrection(*known[i], partial, utcDate(contact.receivedAt), utcDate(now));
        } catch (const ValidationError& error) {
            std::vector<FieldError> errors;
            for (const auto& e : error.errors())
                errors.push_back({indexPath("children", i) + "." + e.field, e.problem});
            throw ValidationError(std::move(errors));
        }
        corrected.changes = changesBetween(person, toJson(corrected.person));
        if (!corrected.changes.empty())
            personCorrections.push_back(std::move(corrected));
    }

    Json payload = Json::object();
    if (contact.receivedAt != contactFromStored(before).receivedAt) {
        const Deadline decisionDue = ws_.deadlines().compute(DeadlineKind::Decision, contact.receivedAt);
        result.decisionDue = {{"due_at", formatInstant(decisionDue.due)}, {"explanation", decisionDue.explanation}};
        payload["decision_due"] = result.decisionDue;
    }
    WriteScope transaction(db);
    for (size_t i = 0; i < contact.children.size(); ++i) {
        Person& reported = contact.children[i].person;
        if (!reported.id.empty())
            continue;
        reported.id = newUuidV7(now);
        ws_.facts().append(actor, kPersonRegistered, reported.id, toJson(reported));
        result.newPersonIds.push_back(reported.id);
    }
    result.contact = toJson(contact); // with the new children's ids
    payload["contact"] = result.contact;
    payload["reason"] = reason;
    payload["changes"] = core::toJson(result.changes);
    ws_.facts().append(actor, kContactAmended, contactId, payload);
    for (const auto& corrected : personCorrections) {
        ws_.facts().append(actor, kPersonAmended, corrected.person.id,
                           {{"person", toJson(corrected.person)},
                            {"reason", reason},
                            {"changes", core::toJson(corrected.changes)},
                            {"contact_id", contactId}});
        result.correctedPersonIds.push_back(corrected.person.id);
    }
    transaction.commit();
    return result;
}

std::string ContactService::saveDraft(const Actor& actor, const std::string& draftId, const nlohmann::json& body) {
    UserService(ws_).require(actor, kRecordingRoles, "Saving a draft contact");
    if (!body.is_object())
        throw ValidationError("body", "a draft must be a JSON object");
    checkJsonSize("body", body, kMaxDraftBytes);
    // The checks and the write in one transaction: the CLI beside the app may record this id meanwhile.
    WriteScope scope(ws_.db());
    std::string id = draftId;
    if (id.empty()) {
        id = newUuidV7(ws_.clock().now());
    } else {
        if (!isUuid(id))
            throw ValidationError("id", quoteExcerpt(id) + " is not a draft id");
        if (contactKey(ws_.db(), id))
            throw ConflictError("contact " + id + " is already recorded; it is no longer a draft");
        if (const auto existing = draft(id); existing && existing->owner != actor.userId)
            throw ConflictError("draft " + id + " belongs to " + existing->owner + "; it cannot be saved by " +
                                actor.userId);
    }
    nlohmann::json stored = body;
    stored.erase("id");
    DraftTable(ws_.db()).put(actor.userId, draft_kind::kContact, id, stored, ws_.clock().now());
    scope.commit();
    return id;
}

void ContactService::discardDraft(const Actor& actor, const std::string& draftId, const std::string& reason) {
    checkTextLength("reason", reason, kMaxNoteLength);
    const auto existing = draft(draftId);
    if (!existing)
        throw NotFoundError("no draft with id " + excerpt(draftId));
    if (existing->owner != actor.userId)
        throw ConflictError("draft " + draftId + " belongs to " + existing->owner);
    DraftTable(ws_.db()).remove(actor.userId, draft_kind::kContact, draftId);
}

namespace {

ContactDraft toContactDraft(StoredDraft stored) {
    return {std::move(stored.subject), std::move(stored.owner), stored.savedAt, std::move(stored.body)};
}

} // namespace

std::vector<ContactDraft> ContactService::drafts(const std::string& owner) {
    std::vector<ContactDraft> result;
    for (auto& stored : DraftTable(ws_.db()).list(owner, draft_kind::kContact))
        result.push_back(toContactDraft(std::move(stored)));
    return result;
}

std::optional<ContactDraft> ContactService::draft(const std::string& draftId) {
    auto stored = DraftTable(ws_.db()).anyOwner(draft_kind::kContact, draftId);
    if (!stored)
        return std::nullopt;
    return toContactDraft(std::move(*stored));
}

void ContactService::importOutcome(const Actor& actor, const std::string& contactId, const std::string& outcome,
                                   Instant decidedAt, const std::string& note) {
    UserService(ws_).require(actor, {role::kAdministrator}, "Importing a contact's outcome from an earlier system");
    auto& stmt = ws_.db().cached("SELECT status, received_at FROM contact WHERE id = ?");
    stmt.bindAll(contactId);
    if (!stmt.step()) {
        stmt.reset();
        throw NotFoundError("no contact with id " + excerpt(contactId));
    }
    const std::string currentStatus = stmt.text(0);
    const Instant receivedAt = parseInstant(stmt.text(1)).value_or(Instant{});
    stmt.reset();
    if (currentStatus != status::kRecorded)
        throw ConflictError("the contact is " + currentStatus +
                            ": an outcome is imported only for a contact that has not entered the workflow; a "
                            "decision made here is signed off by a second duty manager");
    std::vector<FieldError> errors;
    const auto codes = outcomeCodes();
    if (std::find(codes.begin(), codes.end(), outcome) == codes.end())
        errors.push_back({"outcome", quoteExcerpt(outcome) + " is not an outcome Frontdoor knows"});
    if (decidedAt > ws_.clock().now())
        errors.push_back({"decided_at", formatUkTime(decidedAt) + " (UK time) is in the future"});
    if (decidedAt < receivedAt)
        errors.push_back({"decided_at", formatUkTime(decidedAt) + " (UK time) is before the contact was received (" +
                                            formatUkTime(receivedAt) + ")"});
    if (utf8Length(note) > kMaxNoteLength)
        errors.push_back({"note", "is too long (at most " + std::to_string(kMaxNoteLength) + " characters)"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    WriteScope transaction(ws_.db());
    ws_.facts().append(actor, kContactOutcomeRecorded, contactId,
                       {{"outcome", outcome}, {"decided_at", formatInstant(decidedAt)}, {"note", note},
                        {"imported", true}});
    transaction.commit();
}

nlohmann::json ContactService::show(const std::string& contactId) {
    auto& stmt = ws_.db().cached("SELECT status, outcome, decided_at, recorded_by, recorded_at, reference FROM contact WHERE id = ?");
    stmt.bindAll(contactId);
    if (!stmt.step()) {
        stmt.reset();
        throw NotFoundError("no contact with id " + excerpt(contactId));
    }
    nlohmann::json state{{"status", stmt.text(0)}, {"recorded_by", stmt.text(3)}, {"recorded_at", stmt.text(4)},
                         {"reference", stmt.optionalText(5).value_or("")}};
    if (!stmt.isNull(1)) {
        state["outcome"] = stmt.text(1);
        state["outcome_label"] = outcomeLabel(stmt.text(1));
    }
    if (!stmt.isNull(2))
        state["decided_at"] = stmt.text(2);
    stmt.reset();

    nlohmann::json body;
    for (const auto& fact : ws_.facts().factsAbout(contactId)) {
        if (fact.type == kContactRecorded)
            body = fact.payload;
        else if (fact.type == kContactAmended)
            body = fact.payload.at("contact");
    }
    auto history = nlohmann::json::array();
    for (const auto& entry : timeline(contactId))
        history.push_back(entry.toJson());
    // Adults made people after the contact was recorded (people/AdultPeople.h) carry their person too.
    auto& adultLinks = ws_.db().cached("SELECT a.position, p.id FROM contact_adult a JOIN person p ON p.pk = a.person_pk "
                                       "JOIN contact c ON c.pk = a.contact_pk WHERE c.id = ?");
    adultLinks.bindAll(contactId);
    while (adultLinks.step()) {
        const auto position = static_cast<size_t>(adultLinks.int64(0));
        if (body.contains("adults") && position < body["adults"].size())
            body["adults"][position]["person_id"] = adultLinks.text(1);
    }
    adultLinks.reset();
    body["id"] = contactId;
    body["source_label"] = labelOf(referralSources(), body.value("source", ""));
    body.update(state);
    body["timeline"] = history;
    return body;
}

std::vector<TimelineEntry> ContactService::timeline(const std::string& contactId, bool includeViews) {
    if (!contactKey(ws_.db(), contactId))
        throw NotFoundError("no contact with id " + excerpt(contactId));
    std::vector<TimelineEntry> entries;
    int draftSaves = 0;
    for (const auto& fact : ws_.facts().factsAbout(contactId)) {
        if (fact.type == kRecordViewed && !includeViews)
            continue;
        // Before migration 10 autosave wrote a draft fact every few seconds of typing; those facts stay
        // in the log, and the record needs the first and last only.
        if (fact.type == kContactDraftSaved) {
            if (++draftSaves > 1 && !entries.empty() && entries.back().type == kContactDraftSaved) {
                entries.back().at = fact.recordedAt;
                entries.back().factId = fact.id;
                entries.back().description = "Draft saved (" + std::to_string(draftSaves) + " saves while typing)";
                continue;
            }
        }
        std::string description = ws_.projections().description(fact);
        // A decision made at another desk that did not stand (or was later made to stand) says so.
        if (const std::string words = conflictWords(ws_.db(), fact.id); !words.empty())
            description += " [" + words + "]";
        entries.push_back({fact.recordedAt, fact.userId, fact.role, fact.type, description, fact.id,
                           correctionChanges(fact)});
    }
    return entries;
}

nlohmann::json ContactService::view(const Actor& actor, const std::string& contactId) {
    UserService(ws_).require(actor, allRoles(), "Reading a contact");
    nlohmann::json shown = show(contactId);
    logView(actor, contactId);
    return shown;
}

void ContactService::logView(const Actor& actor, const std::string& contactId) {
    UserService(ws_).require(actor, allRoles(), "Reading a contact");
    if (!contactKey(ws_.db(), contactId))
        throw NotFoundError("no contact with id " + excerpt(contactId));
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, kRecordViewed, contactId, {{"what", "contact"}});
    scope.commit();
}

namespace {

std::string whereClause(const ContactFilter& filter) {
    // A person's contacts include those naming anyone merged into them (people/PersonMerge.h); with
    // includeAsAdult, also those naming them as an adult, with their role there (people/AdultPeople.h).
    const char* group = "(SELECT pk FROM person WHERE id IN (SELECT value FROM json_each(:person)))";
    std::string where = !filter.personId ? " WHERE 1"
                        : filter.includeAsAdult
                            ? std::string(" JOIN (SELECT contact_pk, CASE WHEN SUM(role = 'child') > 0 THEN 'child' "
                                          "ELSE MIN(role) END AS role FROM (SELECT contact_pk, 'child' AS role FROM "
                                          "contact_child WHERE person_pk IN ") +
                                  group + " UNION ALL SELECT contact_pk, relationship FROM contact_adult WHERE person_pk IN " +
                                  group + ") GROUP BY contact_pk) f ON f.contact_pk = c.pk WHERE 1"
                            : std::string(" WHERE c.pk IN (SELECT contact_pk FROM contact_child WHERE person_pk IN ") +
                                  group + ")";
    if (filter.status)
        where += " AND c.status = :status";
    if (filter.receivedFrom)
        where += " AND c.received_at >= :from";
    if (filter.receivedTo)
        where += " AND c.received_at < :to";
    return where;
}

void bindFilter(Database& db, Statement& stmt, const ContactFilter& filter) {
    int index = 0;
    if (filter.personId)
        stmt.bind(++index, nlohmann::json(mergeGroup(db, resolvePersonId(db, *filter.personId))).dump());
    if (filter.status)
        stmt.bind(++index, *filter.status);
    if (filter.receivedFrom)
        stmt.bind(++index, formatInstant(*filter.receivedFrom));
    if (filter.receivedTo)
        stmt.bind(++index, formatInstant(*filter.receivedTo));
}

} // namespace

std::vector<ContactSummary> ContactService::list(const ContactFilter& filter) {
    Database& db = ws_.db();
    Statement stmt = db.prepare(
        "SELECT c.pk, c.id, c.received_at, c.status, c.channel, c.source, c.referrer_agency, c.outcome, "
        "c.decided_at, c.concern_summary, c.reference, " +
        std::string(!filter.personId ? "NULL" : filter.includeAsAdult ? "f.role" : "'child'") + " FROM contact c" +
        whereClause(filter) + " ORDER BY c.received_at DESC, c.pk DESC LIMIT " + std::to_string(filter.limit) +
        " OFFSET " + std::to_string(filter.offset));
    bindFilter(ws_.db(), stmt, filter);
    std::vector<ContactSummary> rows;
    auto& children = db.cached("SELECT p.given_name, p.family_name, p.expected_date FROM contact_child cc "
                               "JOIN person p ON p.pk = cc.person_pk WHERE cc.contact_pk = ? ORDER BY cc.position");
    while (stmt.step()) {
        ContactSummary row;
        row.id = stmt.text(1);
        row.receivedAt = parseInstant(stmt.text(2)).value_or(Instant{});
        row.status = stmt.text(3);
        row.channel = stmt.text(4);
        row.source = stmt.text(5);
        row.referrerAgency = stmt.optionalText(6).value_or("");
        row.outcome = stmt.optionalText(7).value_or("");
        if (!stmt.isNull(8))
            row.decidedAt = parseInstant(stmt.text(8));
        row.concernSummary = stmt.text(9);
        row.reference = stmt.optionalText(10).value_or("");
        row.personRole = stmt.optionalText(11).value_or("");
        children.reset();
        children.bindAll(stmt.int64(0));
        while (children.step()) {
            Person person;
            person.givenName = children.text(0);
            person.familyName = children.text(1);
            if (!children.isNull(2))
                person.expectedDate = parseDate(children.text(2));
            row.childNames.push_back(person.displayName());
        }
        children.reset();
        rows.push_back(std::move(row));
    }
    return rows;
}

int64_t ContactService::count(const ContactFilter& filter) {
    Statement stmt = ws_.db().prepare("SELECT count(*) FROM contact c" + whereClause(filter));
    bindFilter(ws_.db(), stmt, filter);
    stmt.step();
    return stmt.int64(0);
}

} // namespace frontdoor::core
