#include "people/Person.h"

#include "standards/CensusCodes.h"
#include "util/JsonFields.h"
#include "util/Text.h"

#include <cctype>
#include <cstdio>

namespace frontdoor::core {
namespace {

nlohmann::json namesToJson(const std::vector<PersonName>& names) {
    auto list = nlohmann::json::array();
    for (const auto& name : names)
        list.push_back({{"given_name", name.given}, {"family_name", name.family}});
    return list;
}

std::vector<PersonName> readNames(JsonFields& fields, const std::string& key) {
    std::vector<PersonName> names;
    const auto items = fields.array(key, false, 20);
    for (size_t i = 0; i < items.size(); ++i) {
        JsonFields name(*items[i], indexPath(fields.pathOf(key), i), fields.errors());
        PersonName entry{name.text("given_name", false, 100), name.text("family_name", false, 100)};
        if (entry.given.empty() && entry.family.empty())
            name.fail("family_name", "a name needs a given or a family name");
        name.rejectUnknownKeys();
        names.push_back(std::move(entry));
    }
    return names;
}

std::vector<PersonName> namesFromStored(const nlohmann::json& json, const char* key) {
    std::vector<PersonName> names;
    if (const auto it = json.find(key); it != json.end())
        for (const auto& name : *it)
            names.push_back({name.value("given_name", ""), name.value("family_name", "")});
    return names;
}

std::optional<Date> storedDate(const nlohmann::json& json, const char* key) {
    if (const auto it = json.find(key); it != json.end() && it->is_string())
        return parseDate(it->get<std::string>());
    return std::nullopt;
}

} // namespace

Person readPerson(JsonFields& fields, const PersonDateRules& rules) {
    Person person;
    person.id = fields.text("id");
    // The unborn flag decides which names and dates are required, so read it first.
    const bool unborn = !rules.adult && (fields.boolean("unborn").value_or(false) || fields.has("expected_date"));
    person.adult = rules.adult;
    person.givenName = fields.text("given_name", !unborn && !rules.adult, 100);
    person.familyName = fields.text("family_name", !rules.adult, 100);
    if (rules.adult && person.givenName.empty() && person.familyName.empty())
        fields.fail("family_name", "an adult needs at least a given or a family name");
    if (rules.adult && fields.has("expected_date"))
        fields.fail("expected_date", "is for an unborn child, not an adult");
    person.previousNames = readNames(fields, "previous_names");
    person.alternativeNames = readNames(fields, "alternative_names");
    person.dateOfBirth = fields.date("date_of_birth");
    person.dateOfBirthUnknown = fields.boolean("date_of_birth_unknown").value_or(false);
    person.expectedDate = fields.date("expected_date", unborn && !fields.has("date_of_birth"));
    person.sex = fields.oneOf("sex", codesOf(sexes()));
    person.ethnicity = fields.oneOf("ethnicity", codesOf(ethnicities()));
    person.address = fields.text("address", false, 300);
    const std::string postcode = fields.text("postcode", false, 10);
    person.laChildId = fields.text("la_child_id", false, 40);

    if (!postcode.empty()) {
        person.postcode = normalisePostcode(postcode);
        if (person.postcode.empty())
            fields.fail("postcode", quoteExcerpt(postcode) + " is not a UK postcode (for example WA7 5AA)");
    }
    if (person.dateOfBirth && person.expectedDate)
        fields.fail("expected_date", "give either a date of birth or, for an unborn child, an expected date, not both");
    if (person.dateOfBirth && person.dateOfBirthUnknown)
        fields.fail("date_of_birth_unknown", "cannot be true when a date of birth is given");
    if (!unborn && !rules.adult && !person.dateOfBirth && !person.dateOfBirthUnknown && fields.valid())
        fields.fail("date_of_birth", "is required (or set date_of_birth_unknown to true if the referrer did not know it)");
    if (person.dateOfBirth) {
        const Date dob = *person.dateOfBirth;
        if (dob > rules.today)
            fields.fail("date_of_birth", formatDate(dob) + " is in the future");
        else if (rules.adult) {
            if (ageInYears(dob, rules.today) > kMaxAdultAge)
                fields.fail("date_of_birth", formatDate(dob) + " makes the adult " +
                                                 std::to_string(ageInYears(dob, rules.today)) +
                                                 "; check the year (at most " + std::to_string(kMaxAdultAge) + ")");
        }
        else if (dob > rules.receivedOn)
            fields.fail("date_of_birth", formatDate(dob) + " is after the contact was received; for a child not "
                                         "yet born then, record an expected date instead");
        else if (ageInYears(dob, rules.receivedOn) > 25)
            fields.fail("date_of_birth", formatDate(dob) + " makes the person " +
                                             std::to_string(ageInYears(dob, rules.receivedOn)) +
                                             " when the contact was received; Frontdoor records children and "
                                             "young people aged 0 to 25");
    }
    if (person.expectedDate) {
        using namespace std::chrono;
        const sys_days expected{*person.expectedDate};
        const sys_days received{rules.receivedOn};
        if (expected < received - days{31})
            fields.fail("expected_date", formatDate(*person.expectedDate) +
                                             " is more than a month before the contact; if the baby has been "
                                             "born, record the date of birth instead");
        else if (expected > received + days{300})
            fields.fail("expected_date", formatDate(*person.expectedDate) +
                                             " is more than 10 months after the contact; check the year");
    }
    if (!person.id.empty() && person.id.size() != 36)
        fields.fail("id", quoteExcerpt(person.id) + " is not a person id");
    return person;
}

Person personFromStored(const nlohmann::json& json) {
    Person person;
    person.id = json.value("id", "");
    person.givenName = json.value("given_name", "");
    person.familyName = json.value("family_name", "");
    person.previousNames = namesFromStored(json, "previous_names");
    person.alternativeNames = namesFromStored(json, "alternative_names");
    person.dateOfBirth = storedDate(json, "date_of_birth");
    person.dateOfBirthUnknown = json.value("date_of_birth_unknown", false);
    person.expectedDate = storedDate(json, "expected_date");
    person.sex = json.value("sex", "");
    person.ethnicity = json.value("ethnicity", "");
    person.address = json.value("address", "");
    person.postcode = json.value("postcode", "");
    person.laChildId = json.value("la_child_id", "");
    person.adult = json.value("adult", false);
    return person;
}

std::string Person::displayName() const {
    if (givenName.empty())
        return (isUnborn() ? "Unborn " : "") + familyName;
    return givenName + " " + familyName;
}

std::string Person::displayBirth() const {
    if (dateOfBirth)
        return formatDayMonthYear(*dateOfBirth);
    if (expectedDate)
        return "due " + formatDayMonthYear(*expectedDate);
    return "date of birth not known";
}

std::string normalisePostcode(const std::string& text) {
    std::string compact;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // Outward code: A9, A99, AA9, AA99, A9A, AA9A; inward code: 9AA.
    if (compact.size() < 5 || compact.size() > 7)
        return {};
    const std::string inward = compact.substr(compact.size() - 3);
    const std::string outward = compact.substr(0, compact.size() - 3);
    if (!std::isdigit(static_cast<unsigned char>(inward[0])) || !std::isalpha(static_cast<unsigned char>(inward[1])) ||
        !std::isalpha(static_cast<unsigned char>(inward[2])))
        return {};
    if (!std::isalpha(static_cast<unsigned char>(outward[0])))
        return {};
    size_t pos = 1;
    if (pos < outward.size() && std::isalpha(static_cast<unsigned char>(outward[pos])))
        ++pos;
    if (pos >= outward.size() || !std::isdigit(static_cast<unsigned char>(outward[pos])))
        return {};
    ++pos;
    if (pos < outward.size() && std::isalnum(static_cast<unsigned char>(outward[pos])))
        ++pos;
    if (pos != outward.size())
        return {};
    return outward + " " + inward;
}

std::string postcodeKey(const std::string& text) {
    std::string key;
    for (char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return key;
}

nlohmann::json toJson(const Person& person) {
    nlohmann::json json{{"given_name", person.givenName}, {"family_name", person.familyName}};
    if (!person.id.empty())
        json["id"] = person.id;
    if (!person.previousNames.empty())
        json["previous_names"] = namesToJson(person.previousNames);
    if (!person.alternativeNames.empty())
        json["alternative_names"] = namesToJson(person.alternativeNames);
    if (person.dateOfBirth)
        json["date_of_birth"] = formatDate(*person.dateOfBirth);
    if (person.dateOfBirthUnknown)
        json["date_of_birth_unknown"] = true;
    if (person.expectedDate)
        json["expected_date"] = formatDate(*person.expectedDate);
    if (!person.sex.empty())
        json["sex"] = person.sex;
    if (!person.ethnicity.empty())
        json["ethnicity"] = person.ethnicity;
    if (!person.address.empty())
        json["address"] = person.address;
    if (!person.postcode.empty())
        json["postcode"] = person.postcode;
    if (!person.laChildId.empty())
        json["la_child_id"] = person.laChildId;
    if (person.adult)
        json["adult"] = true;
    return json;
}

} // namespace frontdoor::core
