#pragma once
// Adults are people too (issue 13): the adults named on a contact (a mother, her partner, a grandparent)
// are registered and matched like children, so the same man named in two families is one person whose
// every contact can be seen. The relationship stays on the contact's link (contact_adult), never on the
// person: he is one child's father and another's mother's partner.
//
// Contacts recorded before adults were people hold their adults as text. convertAdults() makes them
// people through facts: each adult's person id is derived from the contact id and the adult's place in
// it, so every desk that runs the conversion registers the same people, and after sync the second
// registration of a person is a no-op (PersonProjection) and the links agree.
//
// Fact types (projected by contacts/ContactProjection.cpp):
//   contact.adults_linked  subject = contact id, payload = {"adults": [{"position": n, "person_id": id,
//                          "relationship": code, "parental_responsibility": yes|no|unknown,
//                          "lives_with_child": bool}]}: adults of an already recorded contact linked to
//                          their person (the first link of a place stands)

#include "Workspace.h"
#include "contacts/Contact.h"
#include "people/Person.h"
#include "store/Fact.h"

#include <cstdint>
#include <string>

namespace frontdoor::core {

inline constexpr const char* kContactAdultsLinked = "contact.adults_linked";

/// The person id of the adult at `position` of contact `contactId`: a UUID (version 8, name-based) from
/// SHA-256 of both, the same on every desk.
std::string adultPersonId(const std::string& contactId, size_t position);

/// False for an adult the referrer could not name ("not known", "unknown" or blank for both names):
/// such an adult stays text on the contact, never a person every other "not known" would match.
bool adultHasName(const ContactAdult& adult);

/// The person an adult on a contact is, as the referrer described them (adult = true).
Person personFromAdult(const ContactAdult& adult, const std::string& id);

struct AdultConversion {
    int64_t contactsWithAdults = 0; ///< contacts examined that name at least one adult
    int64_t peopleRegistered = 0;   ///< adults registered as new people
    int64_t adultsLinked = 0;       ///< adults linked to their person by this run
    int64_t alreadyLinked = 0;      ///< adults already people (recorded so, or converted before)
    int64_t withoutName = 0;        ///< adults left as text: the referrer did not know their name
    nlohmann::json toJson() const;
};

/// Makes every adult on a recorded contact who is not yet linked to a person a person (see above), in
/// one transaction: person.registered for each new person, one contact.adults_linked per contact.
/// Running it again, or after another desk's conversion has arrived, appends nothing. A screener,
/// duty manager or administrator may run it (ForbiddenError otherwise). Records on this desk that the
/// conversion has run (adultConversionDone).
AdultConversion convertAdults(Workspace& workspace, const Actor& actor);

/// How a role on a contact reads: "child" -> "Child", an adult's relationship code -> its label
/// ("parent_partner" -> "Parent's partner").
std::string roleLabel(const std::string& role);

/// Whether convertAdults has run on this desk's database (the desktop app runs it once after upgrade).
bool adultConversionDone(Database& db);

} // namespace frontdoor::core
