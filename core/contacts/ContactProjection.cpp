#include "contacts/ContactProjection.h"

#include "contacts/Contact.h"
#include "contacts/ContactReference.h"
#include "contacts/Outcomes.h"
#include "people/PersonCorrections.h"
#include "people/AdultPeople.h"
#include "people/PersonProjection.h"
#include "util/Errors.h"
#include "util/Text.h"

namespace frontdoor::core {
namespace {

constexpr size_t kSummaryLength = 200;

std::string summarise(const std::string& concern) {
    if (concern.size() <= kSummaryLength)
        return concern;
    size_t cut = kSummaryLength;
    while (cut > 0 && (static_cast<unsigned char>(concern[cut]) & 0xC0) == 0x80)
        --cut; // do not split a UTF-8 character
    return concern.substr(0, cut) + "…";
}

void linkChildren(Database& db, int64_t contactPk, const Contact& contact) {
    db.cached("DELETE FROM contact_child WHERE contact_pk = ?").bindAll(contactPk).run();
    int position = 0;
    for (const auto& child : contact.children) {
        const auto personPk = personKey(db, child.person.id);
        // A person registered at another desk whose facts have not arrived yet: the registration sorts
        // earlier (the desk that linked them held it), so its arrival re-projects this contact with them.
        if (!personPk)
            continue;
        db.cached("INSERT OR IGNORE INTO contact_child(contact_pk, person_pk, position) VALUES (?, ?, ?)")
            .bindAll(contactPk, *personPk, position++)
            .run();
    }
}

// The adults of a contact who are people (adults[i].person_id), linked at their place with the
// relationship. On an amendment, places without a person_id keep the link they had (a conversion's), and
// places past the end of the amended list go.
void linkAdults(Database& db, int64_t contactPk, const Contact& contact, bool amended) {
    if (amended)
        db.cached("DELETE FROM contact_adult WHERE contact_pk = ? AND position >= ?")
            .bindAll(contactPk, static_cast<int64_t>(contact.adults.size()))
            .run();
    for (size_t position = 0; position < contact.adults.size(); ++position) {
        const ContactAdult& adult = contact.adults[position];
        if (adult.personId.empty())
            continue;
        const auto personPk = personKey(db, adult.personId);
        if (!personPk)
            continue; // registered at a desk whose facts have not arrived: their arrival re-projects this
        db.cached("INSERT OR REPLACE INTO contact_adult(contact_pk, position, person_pk, relationship, "
                  "parental_responsibility, lives_with_child) VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(contactPk, static_cast<int64_t>(position), *personPk, adult.relationship,
                     adult.parentalResponsibility, adult.livesWithChild ? 1 : 0)
            .run();
    }
}

void projectAdultsLinked(Database& db, const Fact& fact) {
    const auto contactPk = contactKey(db, fact.subject);
    if (!contactPk)
        return;
    for (const auto& link : fact.payload.value("adults", Json::array())) {
        const auto personPk = personKey(db, link.value("person_id", std::string()));
        if (!personPk)
            continue;
        // The first link of a place stands: desks converting the same contact link the same person.
        db.cached("INSERT OR IGNORE INTO contact_adult(contact_pk, position, person_pk, relationship, "
                  "parental_responsibility, lives_with_child) VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(*contactPk, link.value("position", int64_t{0}), *personPk,
                     link.value("relationship", std::string()), link.value("parental_responsibility", std::string()),
                     link.value("lives_with_child", false) ? 1 : 0)
            .run();
    }
}

void projectRecorded(Database& db, const Fact& fact) {
    if (contactKey(db, fact.subject))
        return;
    const Contact contact = contactFromStored(fact.payload);
    const Json due = fact.payload.value("decision_due", Json::object());
    // The key is the one this contact had when it is re-projected after facts arriving late
    // (Projections::pinsKeys), else the next.
    db.cached("INSERT INTO contact(pk, id, received_at, channel, source, referrer_name, referrer_agency, status, "
              "recorded_by, recorded_at, concern_summary, updated_hlc, recorded_role, decision_due_at, reference, "
              "reference_seq) VALUES ((SELECT pk FROM temp.fd_pinned WHERE tbl = 'contact' AND id = ?),"
              "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bindAll(fact.subject, fact.subject, formatInstant(contact.receivedAt), contact.channel, contact.source,
                 nonEmpty(contact.referrer.name), nonEmpty(contact.referrer.agency), std::string("recorded"),
                 fact.userId, formatInstant(fact.recordedAt), summarise(contact.concern), fact.hlc.packed, fact.role,
                 nonEmpty(due.value("due_at", std::string())), contactReference(fact), fact.deviceSeq)
        .run();
    Contact withId = contact;
    withId.id = fact.subject;
    const int64_t pk = db.lastInsertRowId();
    linkChildren(db, pk, withId);
    linkAdults(db, pk, withId, false);
}

void projectAmended(Database& db, const Fact& fact) {
    const auto pk = contactKey(db, fact.subject);
    if (!pk)
        return;
    Contact contact = contactFromStored(fact.payload.at("contact"));
    contact.id = fact.subject;
    db.cached("UPDATE contact SET received_at = ?, channel = ?, source = ?, referrer_name = ?, referrer_agency = ?, "
              "concern_summary = ?, updated_hlc = ? WHERE pk = ?")
        .bindAll(formatInstant(contact.receivedAt), contact.channel, contact.source, nonEmpty(contact.referrer.name),
                 nonEmpty(contact.referrer.agency), summarise(contact.concern), fact.hlc.packed, *pk)
        .run();
    // Deadlines already fixed stay; a corrected receipt time carries the decision deadline recomputed.
    if (const auto due = fact.payload.find("decision_due"); due != fact.payload.end() && due->is_object())
        db.cached("UPDATE contact SET decision_due_at = ? WHERE pk = ?")
            .bindAll(nonEmpty(due->value("due_at", std::string())), *pk)
            .run();
    linkChildren(db, *pk, contact);
    linkAdults(db, *pk, contact, true);
}

void projectOutcome(Database& db, const Fact& fact) {
    db.cached("UPDATE contact SET outcome = ?, decided_at = ?, decided_by = ?, status = 'decided', updated_hlc = ? "
              "WHERE id = ?")
        .bindAll(fact.payload.value("outcome", ""), fact.payload.value("decided_at", formatInstant(fact.recordedAt)),
                 fact.userId, fact.hlc.packed, fact.subject)
        .run();
}

} // namespace

void registerContactProjection(Projections& projections) {
    projections.ownTable("contact", "pk", "id IN (SELECT subject FROM temp.fd_reproject)");
    projections.pinsKeys("contact", kContactRecorded);
    projections.ownTable("contact_child", "contact_pk, person_pk",
                          "contact_pk IN (SELECT pk FROM contact WHERE id IN (SELECT subject FROM temp.fd_reproject))");
    projections.ownTable("contact_adult", "contact_pk, position",
                          "contact_pk IN (SELECT pk FROM contact WHERE id IN (SELECT subject FROM temp.fd_reproject))");
    projections.on(kContactRecorded, projectRecorded);
    projections.on(kContactAdultsLinked, projectAdultsLinked);
    projections.describe(kContactAdultsLinked, [](const Fact& fact) {
        const auto count = fact.payload.value("adults", Json::array()).size();
        return "Adults on the contact made people (" + std::to_string(count) + (count == 1 ? " adult" : " adults") + ")";
    });
    projections.on(kContactAmended, projectAmended);
    projections.on(kContactOutcomeRecorded, projectOutcome);
    projections.describe(kContactRecorded, [](const Fact&) { return std::string("Contact recorded"); });
    projections.describe(kContactAmended, correctionWords);
    projections.describe(kContactOutcomeRecorded, [](const Fact& fact) {
        const std::string label = outcomeLabel(fact.payload.value("outcome", std::string()));
        return fact.payload.value("imported", false)
                   ? "Outcome imported from an earlier system (decided " +
                         fact.payload.value("decided_at", std::string()) + "): " + label
                   : "Outcome recorded: " + label;
    });
    projections.describe(kContactDraftSaved, [](const Fact&) { return std::string("Draft saved"); });
    projections.describe(kContactDraftDiscarded, [](const Fact& fact) {
        return "Draft discarded: " + fact.payload.value("reason", std::string());
    });
    // Draft facts written before migration 10 stay in the log and read in the timeline, but project
    // nothing: drafts live in the desk-local `drafts` table (store/DraftTable.h), which is not a projection.
    // Registered so that a rebuild knows them as old facts, not as facts from a newer desk.
    projections.on(kContactDraftSaved, [](Database&, const Fact&) {});
    projections.on(kContactDraftDiscarded, [](Database&, const Fact&) {});
}

std::optional<int64_t> contactKey(Database& db, const std::string& id) {
    return db.lookupInt("SELECT pk FROM contact WHERE id = ?", id);
}

} // namespace frontdoor::core
