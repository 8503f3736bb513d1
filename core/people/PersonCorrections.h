#pragma once
// Corrections: a person's details (names, date of birth, sex, ethnicity, address) corrected with a
// reason, and what changed between two versions of a record (a contact or a person), field by field.
//
// Fact type:
//   person.amended  subject = person id, payload = {"person": <the person as it now stands, full>,
//                   "reason": text, "changes": [{field, label, before, after}]}
//   Projected like person.updated (people/PersonProjection.cpp). The earlier version stays in the log (the person.registered / person.updated / person.amended fact
//   before it), so the record shows both; a change of name keeps the old name in previous_names.

#include "people/Person.h"
#include "store/Fact.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace frontdoor::core {

class Workspace;

inline constexpr const char* kPersonAmended = "person.amended";

/// Reasons for a correction are a sentence a court reader can follow: at least this many characters.
inline constexpr size_t kMinCorrectionReasonLength = 10;

/// One field that a correction changed. `field` is the JSON path ("children[0].date_of_birth"), `label`
/// its words ("Child 1: date of birth"); `before` and `after` the values as text ("" when absent).
struct FieldChange {
    std::string field;
    std::string label;
    std::string before;
    std::string after;
    nlohmann::json toJson() const;
    bool operator==(const FieldChange&) const = default;
};

/// Every field that differs between two versions of a record in JSON (objects compared key by key,
/// arrays item by item), in the order of the keys. Empty when they are the same.
std::vector<FieldChange> changesBetween(const nlohmann::json& before, const nlohmann::json& after);
nlohmann::json toJson(const std::vector<FieldChange>& changes);
/// The "changes" list a correction fact (contact.amended, person.amended) carries; empty for any other.
std::vector<FieldChange> correctionChanges(const Fact& fact);
/// "Corrected by sam.screener because the date of birth was mistyped" for a correction fact.
std::string correctionWords(const Fact& fact);

/// Throws ValidationError naming `reason` unless it is a reason (at least kMinCorrectionReasonLength
/// characters, not only spaces, at most 5000).
void checkCorrectionReason(const std::string& reason);

/// The person with `partial` applied: only the keys given change (given_name, family_name,
/// date_of_birth, date_of_birth_unknown, expected_date, sex, ethnicity, address, postcode, la_child_id;
/// null clears an optional one). A date of birth replaces an expected date (the baby is born). A new name
/// keeps the old one in previous_names. Validated as a person (every problem named by field); `receivedOn`
/// is the date the person's age is checked on. Throws ValidationError.
Person applyPersonCorrection(const Person& current, const nlohmann::json& partial, Date receivedOn, Date today);

/// What `person amend` prints and the desktop app shows: the new version and what changed.
struct AmendedPerson {
    Person person;
    std::vector<FieldChange> changes;
    nlohmann::json toJson() const;
};

class PersonCorrections {
public:
    explicit PersonCorrections(Workspace& workspace) : ws_(workspace) {}

    /// Corrects a person's details (applyPersonCorrection) with a reason, as a person.amended fact.
    /// Who: a duty manager; or the screener or EDT worker who recorded a contact about this person that
    /// is not yet decided (a person whose contacts are all decided, or recorded by others, needs a duty
    /// manager). Throws NotFoundError, ForbiddenError, or ValidationError (bad field, a reason too short,
    /// or "nothing to correct" when the new version equals the current one); nothing is written then.
    AmendedPerson amend(const Actor& actor, const std::string& personId, const nlohmann::json& partial,
                        const std::string& reason);

    /// Whether `actor` may correct this person (amend's rule), without changing anything.
    bool mayAmend(const Actor& actor, const std::string& personId);

    /// Every correction of the person, oldest first: {at, user, role, what, reason, changes}.
    nlohmann::json corrections(const std::string& personId);

private:
    Workspace& ws_;
};

} // namespace frontdoor::core
