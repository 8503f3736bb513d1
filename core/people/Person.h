#pragma once
// A person the front door knows about: a child or young person (0-25), an unborn child, or an adult
// named on a contact (a parent, a partner, a relative: people/AdultPeople.h).

#include "util/Errors.h"
#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

class JsonFields;

struct PersonName {
    std::string given;
    std::string family;
    bool operator==(const PersonName&) const = default;
};

struct Person {
    std::string id; ///< UUIDv7; empty for a person not yet registered
    std::string givenName;
    std::string familyName;
    std::vector<PersonName> previousNames;    ///< e.g. before a change of surname
    std::vector<PersonName> alternativeNames; ///< aliases, spellings used by other agencies
    std::optional<Date> dateOfBirth;
    bool dateOfBirthUnknown = false;          ///< the referrer did not know it (recorded, not guessed)
    std::optional<Date> expectedDate;         ///< for an unborn child
    std::string sex;                          ///< census code M, F or U
    std::string ethnicity;                    ///< census code, e.g. WBRI; NOBT when not yet obtained
    std::string address;
    std::string postcode;                     ///< normalised: upper case, one space before the inward code
    std::string laChildId;                    ///< the local authority's child id, if known
    /// Registered as an adult named on a contact (no 0-25 rule); children are registered by readPerson.
    bool adult = false;

    bool isUnborn() const { return expectedDate.has_value(); }
    /// "John Smith", or "Unborn Smith" for an unborn child without a given name.
    std::string displayName() const;
    /// "12/03/2015", "due 04/02/2027", or "date of birth not known".
    std::string displayBirth() const;
    bool operator==(const Person&) const = default;
};

nlohmann::json toJson(const Person& person);

/// What a person's dates are checked against.
struct PersonDateRules {
    Date receivedOn;   ///< the contact's receipt date: the child's age is taken on this date
    Date today;        ///< nothing may be later than this
    /// An adult named on a contact (Person::adult): a given or a family name, a date of birth if known, up
    /// to kMaxAdultAge years old; no expected date and no 0-25 rule.
    bool adult = false;
};

/// The oldest an adult named on a contact may be, in years (an older date of birth is a mistyped year).
inline constexpr int kMaxAdultAge = 120;

/// Reads a person from `fields`, checking required names, date rules (0-25 years at receipt, or an
/// expected date for an unborn child), codes and postcode. Problems go to the reader's error list.
/// The caller rejects unknown keys, since a person is often embedded in a larger object.
Person readPerson(JsonFields& fields, const PersonDateRules& rules);

/// Reads a person as stored in a fact payload (already validated; no checks).
Person personFromStored(const nlohmann::json& json);

/// "wa7 5aa" -> "WA7 5AA"; returns "" for text that is not a UK postcode.
std::string normalisePostcode(const std::string& text);
/// The form postcodes are indexed and compared in: upper case without spaces ("WA75AA").
std::string postcodeKey(const std::string& text);

} // namespace frontdoor::core
