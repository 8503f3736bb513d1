#include "people/PersonCorrections.h"

#include "Workspace.h"
#include "contacts/ContactStatus.h"
#include "people/PersonProjection.h"
#include "time/UkTime.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "util/JsonFields.h"
#include "util/Text.h"

#include <algorithm>
#include <cctype>

namespace frontdoor::core {
namespace {

constexpr size_t kMaxReasonLength = 5000;

const std::vector<std::string> kCorrectingRoles = {role::kScreener, role::kDutyManager, role::kEdtWorker};

// The keys `person amend` may change. The id and the lists of other names are not corrections of a
// detail: previous names follow from a change of name, alternative names from matching.
const std::vector<std::string> kCorrectableKeys = {"given_name", "family_name", "date_of_birth",
                                                   "date_of_birth_unknown", "expected_date", "sex",
                                                   "ethnicity", "address", "postcode", "la_child_id"};

std::string readable(std::string key) {
    std::replace(key.begin(), key.end(), '_', ' ');
    if (key == "received at")
        return "received";
    if (key == "source")
        return "referral source";
    if (key == "la child id")
        return "LA child id";
    return key;
}

// "children[0].date_of_birth" -> "Child 1: date of birth"; "referrer.name" -> "Referrer: name".
std::string labelOf(const std::string& path) {
    std::string label;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('.', start);
        if (end == std::string::npos)
            end = path.size();
        std::string segment = path.substr(start, end - start);
        std::string words;
        if (const size_t bracket = segment.find('['); bracket != std::string::npos) {
            const std::string key = segment.substr(0, bracket);
            const int index = std::atoi(segment.c_str() + bracket + 1) + 1;
            std::string noun = key == "children" ? "child"
                               : key == "adults" ? "adult"
                               : key == "previous_names" ? "previous name"
                               : key == "alternative_names" ? "alternative name"
                                                           : readable(key);
            words = noun + " " + std::to_string(index);
        } else {
            words = readable(segment);
        }
        label += label.empty() ? words : ": " + words;
        start = end + 1;
    }
    if (!label.empty())
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

std::string valueText(const Json* value) {
    if (!value || value->is_null())
        return "";
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_boolean())
        return value->get<bool>() ? "yes" : "no";
    return value->dump();
}

void diff(const Json* before, const Json* after, const std::string& path, std::vector<FieldChange>& out) {
    const bool objects = (before && before->is_object()) || (after && after->is_object());
    const bool arrays = (before && before->is_array()) || (after && after->is_array());
    if (objects) {
        std::vector<std::string> keys;
        for (const Json* side : {before, after})
            if (side && side->is_object())
                for (const auto& item : side->items())
                    if (std::find(keys.begin(), keys.end(), item.key()) == keys.end())
                        keys.push_back(item.key());
        std::sort(keys.begin(), keys.end());
        for (const auto& key : keys) {
            const Json* b = before && before->is_object() && before->contains(key) ? &(*before)[key] : nullptr;
            const Json* a = after && after->is_object() && after->contains(key) ? &(*after)[key] : nullptr;
            diff(b, a, path.empty() ? key : path + "." + key, out);
        }
        return;
    }
    if (arrays) {
        const size_t nb = before && before->is_array() ? before->size() : 0;
        const size_t na = after && after->is_array() ? after->size() : 0;
        for (size_t i = 0; i < std::max(nb, na); ++i)
            diff(i < nb ? &(*before)[i] : nullptr, i < na ? &(*after)[i] : nullptr, indexPath(path, i), out);
        return;
    }
    const std::string b = valueText(before);
    const std::string a = valueText(after);
    if (b != a)
        out.push_back({path, labelOf(path), b, a});
}

bool isDecided(const std::string& status) { return status == status::kDecided || status == status::kClosed; }

} // namespace

nlohmann::json FieldChange::toJson() const {
    return {{"field", field}, {"label", label}, {"before", before}, {"after", after}};
}

std::vector<FieldChange> changesBetween(const nlohmann::json& before, const nlohmann::json& after) {
    std::vector<FieldChange> changes;
    diff(&before, &after, "", changes);
    return changes;
}

nlohmann::json toJson(const std::vector<FieldChange>& changes) {
    auto list = nlohmann::json::array();
    for (const auto& change : changes)
        list.push_back(change.toJson());
    return list;
}

std::vector<FieldChange> correctionChanges(const Fact& fact) {
    std::vector<FieldChange> changes;
    const auto it = fact.payload.find("changes");
    if (it == fact.payload.end() || !it->is_array())
        return changes;
    for (const auto& change : *it)
        changes.push_back({change.value("field", std::string()), change.value("label", std::string()),
                           change.value("before", std::string()), change.value("after", std::string())});
    return changes;
}

std::string correctionWords(const Fact& fact) {
    std::string words = "Corrected by " + fact.userId + " because " +
                        fact.payload.value("reason", std::string("no reason was given"));
    if (const auto due = fact.payload.find("decision_due"); due != fact.payload.end() && due->is_object()) {
        const auto at = parseInstant(due->value("due_at", std::string()));
        words += "; the receipt time changed, so the decision is now due " +
                 (at ? formatUkTime(*at) : due->value("due_at", std::string()));
        if (const std::string why = due->value("explanation", std::string()); !why.empty())
            words += " (" + why + ")";
    }
    return words;
}

void checkCorrectionReason(const std::string& reason) {
    std::string trimmed = reason;
    trimmed.erase(0, std::min(trimmed.find_first_not_of(" \t\r\n"), trimmed.size()));
    trimmed.erase(trimmed.find_last_not_of(" \t\r\n") + 1);
    if (trimmed.empty())
        throw ValidationError("reason", "is required: say why the record is being corrected");
    if (utf8Length(trimmed) < kMinCorrectionReasonLength)
        throw ValidationError("reason", "is too short (at least " + std::to_string(kMinCorrectionReasonLength) +
                                            " characters): say why the record is being corrected");
    if (utf8Length(reason) > kMaxReasonLength)
        throw ValidationError("reason", "is too long (at most " + std::to_string(kMaxReasonLength) + " characters)");
}

Person applyPersonCorrection(const Person& current, const nlohmann::json& partial, Date receivedOn, Date today) {
    if (!partial.is_object())
        throw ValidationError("person", "give the fields to correct as a JSON object");
    std::vector<FieldError> errors;
    Json merged = toJson(current);
    for (const auto& item : partial.items()) {
        const std::string& key = item.key();
        if (key == "id") {
            if (!item.value().is_string() || item.value().get<std::string>() != current.id)
                errors.push_back({"id", "is the person's id and cannot be corrected"});
            continue;
        }
        if (std::find(kCorrectableKeys.begin(), kCorrectableKeys.end(), key) == kCorrectableKeys.end()) {
            errors.push_back({key, "cannot be corrected here (the fields are " + [] {
                                       std::string list;
                                       for (const auto& k : kCorrectableKeys)
                                           list += (list.empty() ? "" : ", ") + k;
                                       return list;
                                   }() + ")"});
            continue;
        }
        if (item.value().is_null())
            merged.erase(key);
        else
            merged[key] = item.value();
    }
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    // A date of birth given for an unborn child: the baby is born. A date of birth now known, or now
    // unknown, replaces the other.
    if (partial.contains("date_of_birth") && !partial["date_of_birth"].is_null()) {
        if (!partial.contains("expected_date"))
            merged.erase("expected_date");
        if (!partial.contains("date_of_birth_unknown"))
            merged.erase("date_of_birth_unknown");
    }
    if (partial.value("date_of_birth_unknown", Json(false)) == Json(true) && !partial.contains("date_of_birth"))
        merged.erase("date_of_birth");
    JsonFields fields(merged, "", errors);
    Person corrected = readPerson(fields, {receivedOn, today, current.adult});
    fields.rejectUnknownKeys({"unborn", "adult"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    corrected.id = current.id;
    corrected.previousNames = current.previousNames;
    corrected.alternativeNames = current.alternativeNames;
    const PersonName oldName{current.givenName, current.familyName};
    const PersonName newName{corrected.givenName, corrected.familyName};
    if (oldName != newName &&
        std::find(corrected.previousNames.begin(), corrected.previousNames.end(), oldName) ==
            corrected.previousNames.end())
        corrected.previousNames.push_back(oldName);
    return corrected;
}

nlohmann::json AmendedPerson::toJson() const {
    return {{"person", core::toJson(person)}, {"changes", core::toJson(changes)}};
}

bool PersonCorrections::mayAmend(const Actor& actor, const std::string& personId) {
    if (actor.role == role::kDutyManager)
        return true;
    // A contact this user recorded naming the person, as a child or as an adult.
    auto& stmt = ws_.db().cached("SELECT c.status FROM contact c JOIN person p ON p.id = ?1 WHERE c.recorded_by = ?2 "
                                 "AND (c.pk IN (SELECT contact_pk FROM contact_child WHERE person_pk = p.pk) "
                                 "OR c.pk IN (SELECT contact_pk FROM contact_adult WHERE person_pk = p.pk))");
    stmt.bindAll(personId, actor.userId);
    bool allowed = false;
    while (!allowed && stmt.step())
        allowed = !isDecided(stmt.text(0));
    stmt.reset();
    return allowed;
}

AmendedPerson PersonCorrections::amend(const Actor& actor, const std::string& personId, const nlohmann::json& partial,
                                       const std::string& reason) {
    UserService(ws_).require(actor, kCorrectingRoles, "Correcting a person's details");
    const auto current = loadPerson(ws_.db(), personId);
    if (!current)
        throw NotFoundError("no person with id " + excerpt(personId));
    if (!mayAmend(actor, personId))
        throw ForbiddenError("Correcting " + current->displayName() +
                             "'s details needs the duty manager role: only a duty manager, or the screener or EDT "
                             "worker who recorded a contact about them that is not yet decided, may correct them");
    checkCorrectionReason(reason);
    const Instant now = ws_.clock().now();
    // The age is checked on the latest contact's receipt (the person was 0 to 25 then), or today for a
    // person whose record still says unborn.
    Date receivedOn = utcDate(now);
    if (!current->isUnborn()) {
        auto& latest = ws_.db().cached("SELECT max(c.received_at) FROM contact c JOIN contact_child cc ON "
                                       "cc.contact_pk = c.pk JOIN person p ON p.pk = cc.person_pk WHERE p.id = ?");
        latest.bindAll(personId);
        if (latest.step() && !latest.isNull(0))
            if (const auto at = parseInstant(latest.text(0)))
                receivedOn = utcDate(*at);
        latest.reset();
    }
    AmendedPerson result;
    result.person = applyPersonCorrection(*current, partial, receivedOn, utcDate(now));
    result.changes = changesBetween(toJson(*current), toJson(result.person));
    if (result.changes.empty())
        throw ValidationError("person", "nothing to correct: the details given are the ones already recorded");
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, kPersonAmended, personId,
                       {{"person", toJson(result.person)}, {"reason", reason}, {"changes", toJson(result.changes)}});
    scope.commit();
    return result;
}

nlohmann::json PersonCorrections::corrections(const std::string& personId) {
    auto list = nlohmann::json::array();
    for (const auto& fact : ws_.facts().factsAbout(personId)) {
        if (fact.type != kPersonAmended)
            continue;
        list.push_back({{"at", formatInstant(fact.recordedAt)},
                        {"user", fact.userId},
                        {"role", fact.role},
                        {"type", fact.type},
                        {"what", correctionWords(fact)},
                        {"reason", fact.payload.value("reason", std::string())},
                        {"changes", fact.payload.value("changes", Json::array())},
                        {"fact_id", fact.id}});
    }
    return list;
}

} // namespace frontdoor::core
