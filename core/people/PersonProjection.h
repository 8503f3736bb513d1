#pragma once
// Projects person facts into the `person` table and the `person_fts` name index.
//
// Fact types:
//   person.registered  subject = person id, payload = the person (people/Person.h toJson); "adult": true
//                      for an adult named on a contact (its kind never changes afterwards)
//   person.updated     subject = person id, payload = the person as it now stands (full record)
//   person.amended     a correction with a reason (people/PersonCorrections.h); projected as person.updated

#include "people/Person.h"
#include "store/Projections.h"

#include <optional>

namespace frontdoor::core {

inline constexpr const char* kPersonRegistered = "person.registered";
inline constexpr const char* kPersonUpdated = "person.updated";

void registerPersonProjection(Projections& projections);

/// The words and phonetic keys indexed for a person, as stored in person_fts ("names", "keys").
struct PersonIndexText {
    std::string names;
    std::string keys;
};
PersonIndexText personIndexText(const Person& person);

/// Reads one person from the projection by id; nullopt if unknown.
std::optional<Person> loadPerson(Database& db, const std::string& id);
/// Reads one person by the projection's integer key (as FTS5 and the indexes return it).
std::optional<Person> loadPersonByKey(Database& db, int64_t pk);
/// The projection's integer key for a person id, or nullopt.
std::optional<int64_t> personKey(Database& db, const std::string& id);

} // namespace frontdoor::core
