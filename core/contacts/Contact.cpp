#include "contacts/Contact.h"

#include "standards/CensusCodes.h"
#include "util/JsonFields.h"
#include "util/Uuid.h"
#include "util/Text.h"
#include "time/UkTime.h"

#include <cctype>

namespace frontdoor::core {
namespace {

// Clocks on desks differ a little; a minute's grace stops a receipt typed as "now" being refused.
constexpr auto kClockSkewAllowance = std::chrono::minutes(1);
// The oldest an adult in a contact may be, and how long ago a contact may have been received (a contact
// imported from an older system is about a child who is now at most 25).
// The most children, or adults, one contact names (a large household is a dozen).
constexpr size_t kMaxPeople = 30;
constexpr auto kOldestReceipt = std::chrono::days(30 * 366);

bool looksLikeEmail(const std::string& text) {
    const auto at = text.find('@');
    if (at == std::string::npos || at == 0 || text.find('@', at + 1) != std::string::npos)
        return false;
    const auto dot = text.find('.', at);
    if (dot == std::string::npos || dot == at + 1 || dot + 1 >= text.size())
        return false;
    for (char c : text)
        if (std::isspace(static_cast<unsigned char>(c)))
            return false;
    return true;
}

bool looksLikePhone(const std::string& text) {
    int digits = 0;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            ++digits;
        else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '-')
            return false;
    }
    return digits >= 7 && digits <= 15;
}

Referrer readReferrer(JsonFields& fields, bool anonymous) {
    Referrer referrer;
    referrer.name = fields.text("name", !anonymous, 200);
    referrer.agency = fields.text("agency", false, 200);
    referrer.role = fields.text("role", false, 200);
    referrer.phone = fields.text("phone", false, 40);
    referrer.email = fields.text("email", false, 200);
    referrer.relationshipToChild = fields.text("relationship_to_child", false, 100);
    referrer.withholdIdentityFromFamily = fields.boolean("withhold_identity_from_family").value_or(false);
    if (!referrer.phone.empty() && !looksLikePhone(referrer.phone))
        fields.fail("phone", quoteExcerpt(referrer.phone) + " is not a phone number (7 to 15 digits; spaces, + and "
                                                      "brackets are fine)");
    if (!referrer.email.empty() && !looksLikeEmail(referrer.email))
        fields.fail("email", quoteExcerpt(referrer.email) + " is not an email address");
    fields.rejectUnknownKeys();
    return referrer;
}

ContactChild readChild(JsonFields& fields, const PersonDateRules& rules) {
    ContactChild child;
    child.person = readPerson(fields, rules);
    child.voice = fields.text("voice", false, 20000);
    child.voiceMissingReason = fields.text("voice_missing_reason", false, 2000);
    if (!child.person.isUnborn() && child.voice.empty() && child.voiceMissingReason.empty())
        fields.fail("voice", "record what the child said or how they presented, or give voice_missing_reason");
    fields.rejectUnknownKeys({"unborn"});
    return child;
}

ContactAdult readAdult(JsonFields& fields, const Date& today) {
    ContactAdult adult;
    adult.personId = fields.text("person_id", false, 36);
    if (!adult.personId.empty() && !isUuid(adult.personId))
        fields.fail("person_id", quoteExcerpt(adult.personId) + " is not a person id");
    adult.givenName = fields.text("given_name", false, 100);
    adult.familyName = fields.text("family_name", false, 100);
    if (adult.givenName.empty() && adult.familyName.empty())
        fields.fail("family_name", "an adult needs at least a given or a family name (\"not known\" is fine)");
    adult.relationship = fields.oneOf("relationship", adultRelationships(), true);
    adult.parentalResponsibility = fields.oneOf("parental_responsibility", {"yes", "no", "unknown"}, true);
    adult.dateOfBirth = fields.date("date_of_birth");
    if (adult.dateOfBirth && *adult.dateOfBirth > today)
        fields.fail("date_of_birth", formatDate(*adult.dateOfBirth) + " is in the future");
    else if (adult.dateOfBirth && ageInYears(*adult.dateOfBirth, today) > kMaxAdultAge)
        fields.fail("date_of_birth", formatDate(*adult.dateOfBirth) + " makes the adult " +
                                         std::to_string(ageInYears(*adult.dateOfBirth, today)) +
                                         "; check the year (at most " + std::to_string(kMaxAdultAge) + ")");
    adult.address = fields.text("address", false, 300);
    const std::string postcode = fields.text("postcode", false, 10);
    if (!postcode.empty()) {
        adult.postcode = normalisePostcode(postcode);
        if (adult.postcode.empty())
            fields.fail("postcode", quoteExcerpt(postcode) + " is not a UK postcode (for example WA7 5AA)");
    }
    adult.phone = fields.text("phone", false, 40);
    if (!adult.phone.empty() && !looksLikePhone(adult.phone))
        fields.fail("phone", quoteExcerpt(adult.phone) + " is not a phone number");
    adult.livesWithChild = fields.boolean("lives_with_child").value_or(false);
    adult.notes = fields.text("notes", false, 2000);
    fields.rejectUnknownKeys();
    return adult;
}

Consent readConsent(JsonFields& fields) {
    Consent consent;
    consent.status = fields.oneOf("status", consentStatuses(), true);
    consent.basisWithoutConsent = fields.text("basis_without_consent", false, 2000);
    consent.authorisedBy = fields.text("authorised_by", false, 200);
    if ((consent.status == "refused" || consent.status == "not_sought") && consent.basisWithoutConsent.empty())
        fields.fail("basis_without_consent",
                    "is required when consent was " + std::string(consent.status == "refused" ? "refused" : "not sought") +
                        ": say why sharing without consent is justified (for example, asking could put the child "
                        "at risk or lose evidence)");
    fields.rejectUnknownKeys();
    return consent;
}

nlohmann::json adultToJson(const ContactAdult& adult) {
    nlohmann::json json{{"given_name", adult.givenName},
                        {"family_name", adult.familyName},
                        {"relationship", adult.relationship},
                        {"parental_responsibility", adult.parentalResponsibility}};
    if (!adult.personId.empty())
        json["person_id"] = adult.personId;
    if (adult.dateOfBirth)
        json["date_of_birth"] = formatDate(*adult.dateOfBirth);
    if (!adult.address.empty())
        json["address"] = adult.address;
    if (!adult.postcode.empty())
        json["postcode"] = adult.postcode;
    if (!adult.phone.empty())
        json["phone"] = adult.phone;
    if (adult.livesWithChild)
        json["lives_with_child"] = true;
    if (!adult.notes.empty())
        json["notes"] = adult.notes;
    return json;
}

} // namespace

const std::vector<std::string>& contactChannels() {
    static const std::vector<std::string> list = {"phone",  "email",     "portal", "police_notification",
                                                  "letter", "in_person", "other"};
    return list;
}

const std::vector<AdultRelationship>& adultRelationshipList() {
    static const std::vector<AdultRelationship> list = {
        {"mother", "Mother", "parent", "1A", {"mum", "mom", "mam", "birth mother"}},
        {"father", "Father", "parent", "1A", {"dad", "birth father"}},
        {"step_parent", "Step-parent", "parent", "1A", {"stepmother", "stepfather", "stepmum", "stepdad"}},
        {"parent_partner", "Parent's partner", "other", "1A", {"boyfriend", "girlfriend", "mum's partner", "dad's partner"}},
        {"maternal_grandparent", "Grandparent (mother's side)", "relative", "1A",
         {"maternal grandmother", "maternal grandfather", "grandmother", "grandfather", "nan", "nana", "gran", "grandma", "grandad"}},
        {"paternal_grandparent", "Grandparent (father's side)", "relative", "1A",
         {"paternal grandmother", "paternal grandfather", "grandmother", "grandfather", "nan", "nana", "gran", "grandma", "grandad"}},
        {"grandparent", "Grandparent (side not known)", "relative", "1A",
         {"grandmother", "grandfather", "nan", "nana", "gran", "grandma", "grandad"}},
        {"great_grandparent", "Great-grandparent", "relative", "1A", {"great-grandmother", "great-grandfather"}},
        {"aunt_or_uncle", "Aunt or uncle", "relative", "1A", {"auntie", "aunty"}},
        {"great_aunt_or_uncle", "Great-aunt or great-uncle", "relative", "1A", {}},
        {"cousin", "Cousin", "relative", "1A", {}},
        {"adult_sibling", "Adult sibling", "relative", "1A", {"brother", "sister"}},
        {"half_sibling", "Half-sibling (adult)", "relative", "1A", {"half-brother", "half-sister"}},
        {"step_sibling", "Step-sibling (adult)", "relative", "1A", {"stepbrother", "stepsister", "step-brother", "step-sister"}},
        {"other_relative", "Other relative", "relative", "1A", {"relation", "family member"}},
        {"special_guardian", "Special guardian", "other", "1A", {"SGO"}},
        {"kinship_carer", "Kinship carer", "other", "1A", {"connected person", "family and friends carer"}},
        {"carer", "Carer", "other", "1A", {}},
        {"foster_carer", "Foster carer", "other", "1A", {"foster mum", "foster dad"}},
        {"family_friend", "Family friend", "other", "1B", {"friend"}},
        {"neighbour", "Neighbour", "other", "1B", {}},
        {"household_member", "Household member", "other", "1B", {"lodger"}},
        {"other", "Other", "other", "1D", {}},
    };
    return list;
}

const std::vector<std::string>& adultRelationships() {
    static const std::vector<std::string> list = [] {
        std::vector<std::string> codes;
        for (const auto& relationship : adultRelationshipList())
            codes.push_back(relationship.code);
        return codes;
    }();
    return list;
}

const std::vector<std::string>& consentStatuses() {
    static const std::vector<std::string> list = {"given", "refused", "not_sought", "not_known"};
    return list;
}

Contact readContact(const nlohmann::json& input, Instant now) {
    std::vector<FieldError> errors;
    JsonFields fields(input, "", errors);
    Contact contact;
    contact.id = fields.text("id");
    const auto received = fields.instant("received_at", true);
    contact.channel = fields.oneOf("channel", contactChannels(), true);
    contact.source = fields.oneOf("source", codesOf(referralSources()), true);
    if (received) {
        contact.receivedAt = *received;
        if (*received > now + kClockSkewAllowance)
            fields.fail("received_at", formatUkTime(*received) + " (UK time) is in the future");
        else if (*received < now - kOldestReceipt)
            fields.fail("received_at", formatUkTime(*received) + " is more than 30 years ago; check the year");
    }
    const bool anonymous = contact.source == "9";
    if (const auto* referrer = fields.object("referrer", !anonymous)) {
        JsonFields referrerFields(*referrer, "referrer", errors);
        contact.referrer = readReferrer(referrerFields, anonymous);
    }
    const PersonDateRules rules{utcDate(received.value_or(now)), utcDate(now)};
    const auto children = fields.array("children", true, kMaxPeople);
    if (children.empty() && fields.has("children"))
        fields.fail("children", "name at least one child (an unborn child counts)");
    for (size_t i = 0; i < children.size(); ++i) {
        JsonFields childFields(*children[i], indexPath("children", i), errors);
        contact.children.push_back(readChild(childFields, rules));
    }
    const auto adults = fields.array("adults", false, kMaxPeople);
    for (size_t i = 0; i < adults.size(); ++i) {
        JsonFields adultFields(*adults[i], indexPath("adults", i), errors);
        contact.adults.push_back(readAdult(adultFields, rules.today));
    }
    // A person is named once in a contact: as a child, or as one adult.
    for (size_t i = 0; i < contact.adults.size(); ++i) {
        const std::string& id = contact.adults[i].personId;
        if (id.empty())
            continue;
        const std::string field = indexPath("adults", i) + ".person_id";
        for (size_t j = 0; j < contact.children.size(); ++j)
            if (contact.children[j].person.id == id)
                errors.push_back({field, "is the same person as " + indexPath("children", j) +
                                             "; name a person once in a contact"});
        for (size_t j = 0; j < i; ++j)
            if (contact.adults[j].personId == id)
                errors.push_back({field, "is the same person as " + indexPath("adults", j) +
                                             "; name a person once in a contact"});
    }
    contact.concern = fields.text("concern", true, 50000);
    if (const auto* consent = fields.object("consent", true)) {
        JsonFields consentFields(*consent, "consent", errors);
        contact.consent = readConsent(consentFields);
    }
    fields.rejectUnknownKeys();
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    return contact;
}

nlohmann::json toJson(const Contact& contact) {
    nlohmann::json referrer{{"name", contact.referrer.name}};
    const std::pair<const char*, const std::string*> referrerFields[] = {
        {"agency", &contact.referrer.agency}, {"role", &contact.referrer.role},
        {"phone", &contact.referrer.phone},   {"email", &contact.referrer.email},
        {"relationship_to_child", &contact.referrer.relationshipToChild}};
    for (const auto& [key, value] : referrerFields)
        if (!value->empty())
            referrer[key] = *value;
    if (contact.referrer.withholdIdentityFromFamily)
        referrer["withhold_identity_from_family"] = true;

    auto children = nlohmann::json::array();
    for (const auto& child : contact.children) {
        auto json = toJson(child.person);
        if (child.person.isUnborn())
            json["unborn"] = true;
        if (!child.voice.empty())
            json["voice"] = child.voice;
        if (!child.voiceMissingReason.empty())
            json["voice_missing_reason"] = child.voiceMissingReason;
        children.push_back(std::move(json));
    }
    auto adults = nlohmann::json::array();
    for (const auto& adult : contact.adults)
        adults.push_back(adultToJson(adult));

    nlohmann::json consent{{"status", contact.consent.status}};
    if (!contact.consent.basisWithoutConsent.empty())
        consent["basis_without_consent"] = contact.consent.basisWithoutConsent;
    if (!contact.consent.authorisedBy.empty())
        consent["authorised_by"] = contact.consent.authorisedBy;

    nlohmann::json json{{"received_at", formatInstant(contact.receivedAt)},
                        {"channel", contact.channel},
                        {"source", contact.source},
                        {"referrer", referrer},
                        {"children", children},
                        {"adults", adults},
                        {"concern", contact.concern},
                        {"consent", consent}};
    if (!contact.id.empty())
        json["id"] = contact.id;
    return json;
}

Contact contactFromStored(const nlohmann::json& json) {
    Contact contact;
    contact.id = json.value("id", "");
    contact.receivedAt = parseInstant(json.value("received_at", "")).value_or(Instant{});
    contact.channel = json.value("channel", "");
    contact.source = json.value("source", "");
    if (const auto it = json.find("referrer"); it != json.end()) {
        contact.referrer.name = it->value("name", "");
        contact.referrer.agency = it->value("agency", "");
        contact.referrer.role = it->value("role", "");
        contact.referrer.phone = it->value("phone", "");
        contact.referrer.email = it->value("email", "");
        contact.referrer.relationshipToChild = it->value("relationship_to_child", "");
        contact.referrer.withholdIdentityFromFamily = it->value("withhold_identity_from_family", false);
    }
    for (const auto& child : json.value("children", nlohmann::json::array()))
        contact.children.push_back(
            {personFromStored(child), child.value("voice", ""), child.value("voice_missing_reason", "")});
    for (const auto& adult : json.value("adults", nlohmann::json::array())) {
        ContactAdult a;
        a.personId = adult.value("person_id", "");
        a.givenName = adult.value("given_name", "");
        a.familyName = adult.value("family_name", "");
        a.relationship = adult.value("relationship", "");
        a.parentalResponsibility = adult.value("parental_responsibility", "");
        if (adult.contains("date_of_birth"))
            a.dateOfBirth = parseDate(adult["date_of_birth"].get<std::string>());
        a.address = adult.value("address", "");
        a.postcode = adult.value("postcode", "");
        a.phone = adult.value("phone", "");
        a.livesWithChild = adult.value("lives_with_child", false);
        a.notes = adult.value("notes", "");
        contact.adults.push_back(std::move(a));
    }
    contact.concern = json.value("concern", "");
    if (const auto it = json.find("consent"); it != json.end()) {
        contact.consent.status = it->value("status", "");
        contact.consent.basisWithoutConsent = it->value("basis_without_consent", "");
        contact.consent.authorisedBy = it->value("authorised_by", "");
    }
    return contact;
}

} // namespace frontdoor::core
