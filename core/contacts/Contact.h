#pragma once
// A contact: one worry about one or more children reaching the front door, as the referrer told it.

#include "people/Person.h"
#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace frontdoor::core {

struct Referrer {
    std::string name;
    std::string agency;
    std::string role;
    std::string phone;
    std::string email;
    std::string relationshipToChild; ///< for members of the public, e.g. "neighbour"
    /// A member of the public's identity is not disclosed to the family without their consent.
    bool withholdIdentityFromFamily = false;
};

/// A child named in a contact: the person (linked to a known person by id, or new) as reported, and
/// the child's voice or the reason it is missing.
struct ContactChild {
    Person person;
    std::string voice;              ///< what the child said, or how they presented
    std::string voiceMissingReason; ///< required when there is no voice (not for an unborn child)
};

/// An adult named in a contact: as the referrer told it, linked to the person they are (people/AdultPeople.h)
/// by personId once known. The relationship belongs to this contact, not to the person.
struct ContactAdult {
    std::string personId; ///< the person this adult is (chosen from matching, or registered with the contact)
    std::string givenName;
    std::string familyName;
    std::string relationship;          ///< to the children: mother, father, step_parent, ...
    std::string parentalResponsibility; ///< yes, no, unknown
    std::optional<Date> dateOfBirth;
    std::string address;
    std::string postcode;
    std::string phone;
    bool livesWithChild = false;
    std::string notes;
};

struct Consent {
    std::string status;               ///< given, refused, not_sought, not_known
    std::string basisWithoutConsent;  ///< required when refused or not sought
    std::string authorisedBy;         ///< the manager who authorised sharing without consent, if known
};

struct Contact {
    std::string id;
    Instant receivedAt;
    std::string channel; ///< phone, email, portal, police_notification, letter, in_person, other
    std::string source;  ///< census referral source code, 1A ... 10
    Referrer referrer;
    std::vector<ContactChild> children;
    std::vector<ContactAdult> adults;
    std::string concern; ///< in the referrer's own words
    Consent consent;
};

const std::vector<std::string>& contactChannels();

/// An adult's relationship to the child, as a front door records it, with what the returns need from it.
struct AdultRelationship {
    std::string code;  ///< stored: "aunt_or_uncle"
    std::string label; ///< shown: "Aunt or uncle"
    /// For the returns: "parent", "relative" or "other". Parents and relatives (and the family's own
    /// carers) are census referral source 1A when they make the contact; friends and neighbours 1B.
    std::string kin;
    std::string referralSource; ///< census source when this adult makes the contact: 1A, 1B or 1D
    std::vector<std::string> searchWords; ///< what people say: "nan", "mum", "stepdad"
};
/// Every relationship, in the order a screener reads them (parents, grandparents, wider family, carers,
/// others). Codes are never removed, so every stored contact stays valid.
const std::vector<AdultRelationship>& adultRelationshipList();
/// Just the codes of adultRelationshipList().
const std::vector<std::string>& adultRelationships();
const std::vector<std::string>& consentStatuses();

/// Reads and validates a contact from JSON (docs/cli.md, "contact record"). Throws ValidationError
/// listing every problem, each naming its field; `now` bounds every date.
Contact readContact(const nlohmann::json& input, Instant now);

/// The contact as JSON, in the same shape readContact accepts.
nlohmann::json toJson(const Contact& contact);

/// A contact as stored in a fact payload (already validated).
Contact contactFromStored(const nlohmann::json& json);

} // namespace frontdoor::core
