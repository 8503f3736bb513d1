#include "people/AdultPeople.h"

#include "contacts/ContactProjection.h"
#include "people/NameKeys.h"
#include "people/PersonProjection.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Text.h"

#include <set>

namespace frontdoor::core {
namespace {

constexpr const char* kConversionSetting = "adults_converted_at";

bool unnamed(const std::string& name) {
    static const std::set<std::string> words = {"", "not known", "unknown", "nk", "n k", "not given", "no name"};
    return words.count(foldName(name)) > 0;
}

} // namespace

std::string adultPersonId(const std::string& contactId, size_t position) {
    std::string hex = sha256Hex("frontdoor adult person\n" + contactId + "\n" + std::to_string(position)).substr(0, 32);
    // RFC 9562: version 8 (custom, here name-based on SHA-256) and the RFC variant.
    hex[12] = '8';
    const char variant[] = "89ab";
    hex[16] = variant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

bool adultHasName(const ContactAdult& adult) { return !(unnamed(adult.givenName) && unnamed(adult.familyName)); }

Person personFromAdult(const ContactAdult& adult, const std::string& id) {
    Person person;
    person.id = id;
    person.givenName = adult.givenName;
    person.familyName = adult.familyName;
    person.dateOfBirth = adult.dateOfBirth;
    person.dateOfBirthUnknown = !adult.dateOfBirth.has_value();
    person.address = adult.address;
    person.postcode = adult.postcode;
    person.adult = true;
    return person;
}

nlohmann::json AdultConversion::toJson() const {
    return {{"contacts_with_adults", contactsWithAdults}, {"people_registered", peopleRegistered},
            {"adults_linked", adultsLinked},             {"already_linked", alreadyLinked},
            {"without_name", withoutName}};
}

AdultConversion convertAdults(Workspace& ws, const Actor& actor) {
    UserService(ws).require(actor, {role::kScreener, role::kDutyManager, role::kAdministrator},
                            "Making the adults on recorded contacts people");
    Database& db = ws.db();
    AdultConversion result;
    WriteScope scope(db);
    // Contacts that name adults: the latest version of each (recorded, then any amendments), in the
    // order facts sort on every desk.
    Statement contacts = db.prepare("SELECT pk, id FROM contact ORDER BY pk");
    std::vector<std::pair<int64_t, std::string>> all;
    while (contacts.step())
        all.emplace_back(contacts.int64(0), contacts.text(1));
    contacts.reset();
    for (const auto& [contactPk, contactId] : all) {
        auto& versions = db.cached("SELECT type, payload FROM facts WHERE subject = ? AND type IN ('" +
                                   std::string(kContactRecorded) + "', '" + kContactAmended +
                                   "') ORDER BY hlc, device_id, id");
        versions.bindAll(contactId);
        Json latest;
        while (versions.step()) {
            Json payload = Json::parse(versions.text(1));
            if (versions.text(0) == kContactAmended)
                latest = payload.value("contact", Json::object());
            else if (latest.is_null())
                latest = std::move(payload);
        }
        versions.reset();
        if (latest.is_null() || latest.value("adults", Json::array()).empty())
            continue;
        const Contact contact = contactFromStored(latest);
        ++result.contactsWithAdults;
        std::set<int64_t> linked;
        auto& links = db.cached("SELECT position FROM contact_adult WHERE contact_pk = ?");
        links.bindAll(contactPk);
        while (links.step())
            linked.insert(links.int64(0));
        links.reset();
        Json newLinks = Json::array();
        for (size_t position = 0; position < contact.adults.size(); ++position) {
            const ContactAdult& adult = contact.adults[position];
            if (linked.count(static_cast<int64_t>(position)) || !adult.personId.empty()) {
                ++result.alreadyLinked;
                continue;
            }
            if (!adultHasName(adult)) {
                ++result.withoutName;
                continue;
            }
            const std::string personId = adultPersonId(contactId, position);
            if (!personKey(db, personId)) {
                ws.facts().append(actor, kPersonRegistered, personId, toJson(personFromAdult(adult, personId)));
                ++result.peopleRegistered;
            }
            newLinks.push_back({{"position", position},
                                {"person_id", personId},
                                {"relationship", adult.relationship},
                                {"parental_responsibility", adult.parentalResponsibility},
                                {"lives_with_child", adult.livesWithChild}});
            ++result.adultsLinked;
        }
        if (!newLinks.empty())
            ws.facts().append(actor, kContactAdultsLinked, contactId, {{"adults", newLinks}});
    }
    db.cached("INSERT OR REPLACE INTO local_setting(key, value) VALUES (?, ?)")
        .bindAll(std::string(kConversionSetting), formatInstant(ws.clock().now()))
        .run();
    scope.commit();
    return result;
}

std::string roleLabel(const std::string& role) {
    if (role == "child")
        return "Child";
    for (const auto& relationship : adultRelationshipList())
        if (relationship.code == role)
            return relationship.label;
    return role;
}

bool adultConversionDone(Database& db) {
    return db.lookupText("SELECT value FROM local_setting WHERE key = ?", kConversionSetting).has_value();
}

} // namespace frontdoor::core
