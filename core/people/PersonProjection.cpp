#include "people/PersonProjection.h"

#include "people/NameKeys.h"
#include "people/PersonCorrections.h"
#include "util/Text.h"

#include <set>

namespace frontdoor::core {
namespace {

void addName(const PersonName& name, std::set<std::string>& words, std::set<std::string>& keys) {
    for (const auto& word : nameWords(foldName(name.given))) {
        words.insert(word);
        keys.insert("g" + metaphone(word));
    }
    for (const auto& word : nameWords(foldName(name.family))) {
        words.insert(word);
        keys.insert("f" + metaphone(word));
    }
}

std::string join(const std::set<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        if (!text.empty())
            text += ' ';
        text += item;
    }
    return text;
}

std::string otherNamesJson(const Person& person) {
    const Json json = toJson(person);
    Json other = Json::object();
    for (const char* key : {"previous_names", "alternative_names", "date_of_birth_unknown"})
        if (json.contains(key))
            other[key] = json[key];
    return other.dump();
}

std::optional<std::string> optionalDate(const std::optional<Date>& date) {
    if (!date)
        return std::nullopt;
    return formatDate(*date);
}

void writeIndex(Database& db, int64_t pk, const Person& person) {
    db.cached("DELETE FROM person_fts WHERE rowid = ?").bindAll(pk).run();
    const auto text = personIndexText(person);
    db.cached("INSERT INTO person_fts(rowid, names, keys) VALUES (?, ?, ?)").bindAll(pk, text.names, text.keys).run();
}

void projectRegistered(Database& db, const Fact& fact) {
    Person person = personFromStored(fact.payload);
    person.id = fact.subject;
    if (personKey(db, person.id))
        return; // already known (the same registration arriving twice through sync)
    // The key is the one this person had when re-projected after facts arriving late
    // (Projections::pinsKeys), else the next.
    db.cached("INSERT INTO person(pk, id, given_name, family_name, date_of_birth, expected_date, sex, ethnicity, "
              "address, postcode, postcode_key, la_child_id, other_names, registered_at, updated_hlc, adult) "
              "VALUES ((SELECT pk FROM temp.fd_pinned WHERE tbl = 'person' AND id = ?),?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bindAll(person.id, person.id, person.givenName, person.familyName, optionalDate(person.dateOfBirth),
                 optionalDate(person.expectedDate), nonEmpty(person.sex), nonEmpty(person.ethnicity),
                 nonEmpty(person.address), nonEmpty(person.postcode),
                 nonEmpty(postcodeKey(person.postcode)),
                 nonEmpty(person.laChildId), otherNamesJson(person), formatInstant(fact.recordedAt),
                 fact.hlc.packed, person.adult ? 1 : 0)
        .run();
    writeIndex(db, db.lastInsertRowId(), person);
}

// Whether a person is an adult is fixed when they are registered: an update never changes it.
void projectUpdated(Database& db, const Fact& fact) {
    Person person = personFromStored(fact.payload);
    person.id = fact.subject;
    const auto pk = personKey(db, person.id);
    if (!pk)
        return;
    db.cached("UPDATE person SET given_name = ?, family_name = ?, date_of_birth = ?, expected_date = ?, sex = ?, "
              "ethnicity = ?, address = ?, postcode = ?, postcode_key = ?, la_child_id = ?, other_names = ?, "
              "updated_hlc = ? WHERE pk = ?")
        .bindAll(person.givenName, person.familyName, optionalDate(person.dateOfBirth),
                 optionalDate(person.expectedDate), nonEmpty(person.sex), nonEmpty(person.ethnicity),
                 nonEmpty(person.address), nonEmpty(person.postcode),
                 nonEmpty(postcodeKey(person.postcode)),
                 nonEmpty(person.laChildId), otherNamesJson(person), fact.hlc.packed, *pk)
        .run();
    writeIndex(db, *pk, person);
}

} // namespace

PersonIndexText personIndexText(const Person& person) {
    std::set<std::string> words;
    std::set<std::string> keys;
    addName({person.givenName, person.familyName}, words, keys);
    for (const auto& name : person.previousNames)
        addName(name, words, keys);
    for (const auto& name : person.alternativeNames)
        addName(name, words, keys);
    return {join(words), join(keys)};
}

void registerPersonProjection(Projections& projections) {
    projections.ownTable("person", "pk", "id IN (SELECT subject FROM temp.fd_reproject)");
    projections.pinsKeys("person", kPersonRegistered);
    projections.ownTable("person_fts", "rowid", "rowid IN (SELECT pk FROM person WHERE id IN (SELECT subject FROM temp.fd_reproject))");
    projections.on(kPersonRegistered, projectRegistered);
    projections.on(kPersonUpdated, projectUpdated);
    // A correction (people/PersonCorrections.h) carries the person as it now stands under "person".
    projections.on(kPersonAmended, [](Database& db, const Fact& fact) {
        Fact asUpdate = fact;
        asUpdate.payload = fact.payload.at("person");
        projectUpdated(db, asUpdate);
    });
    projections.describe(kPersonAmended, correctionWords);
    projections.describe(kPersonRegistered, [](const Fact&) { return std::string("Person registered"); });
    projections.describe(kPersonUpdated, [](const Fact&) { return std::string("Person details updated"); });
}

std::optional<int64_t> personKey(Database& db, const std::string& id) {
    return db.lookupInt("SELECT pk FROM person WHERE id = ?", id);
}

namespace {

const char* kSelectPerson = "SELECT id, given_name, family_name, date_of_birth, expected_date, sex, ethnicity, "
                            "address, postcode, la_child_id, other_names, adult FROM person ";

template <typename Key> std::optional<Person> loadPersonWhere(Database& db, const std::string& where, const Key& key) {
    auto& stmt = db.cached(kSelectPerson + where);
    stmt.bindAll(key);
    std::optional<Person> found;
    if (stmt.step()) {
        Json json = Json::parse(stmt.text(10));
        json["id"] = stmt.text(0);
        json["given_name"] = stmt.text(1);
        json["family_name"] = stmt.text(2);
        const char* keys[] = {"date_of_birth", "expected_date", "sex", "ethnicity", "address", "postcode", "la_child_id"};
        for (int i = 0; i < 7; ++i)
            if (!stmt.isNull(3 + i))
                json[keys[i]] = stmt.text(3 + i);
        if (stmt.int64(11) != 0)
            json["adult"] = true;
        found = personFromStored(json);
    }
    stmt.reset();
    return found;
}

} // namespace

std::optional<Person> loadPerson(Database& db, const std::string& id) { return loadPersonWhere(db, "WHERE id = ?", id); }

std::optional<Person> loadPersonByKey(Database& db, int64_t pk) { return loadPersonWhere(db, "WHERE pk = ?", pk); }

} // namespace frontdoor::core
