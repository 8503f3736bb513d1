#include "rules/Screening.h"
#include "util/Text.h"

#include <algorithm>

namespace frontdoor::core {
namespace {

constexpr int kMaxDashScore = 27;
constexpr int kMaxContactCount = 1000;

std::string flagList(const RuleSet& rules) {
    std::string text = "dash_score, contacts_in_12_months, re_referral";
    for (const auto& flag : rules.contextFlags)
        text += ", " + flag.id;
    return text;
}

std::optional<int> readCount(JsonFields& fields, const std::string& key, int maximum) {
    const auto value = fields.integer(key);
    if (!value)
        return std::nullopt;
    if (*value < 0 || *value > maximum) {
        fields.fail(key, std::to_string(*value) + " must be from 0 to " + std::to_string(maximum));
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

void readContext(JsonFields& context, const RuleSet& rules, const nlohmann::json& object, ScreeningRequest& request) {
    request.dashScore = readCount(context, "dash_score", kMaxDashScore);
    request.contactsIn12Months = readCount(context, "contacts_in_12_months", kMaxContactCount);
    request.reReferral = context.boolean("re_referral");
    if (!object.is_object())
        return;
    for (const auto& [key, value] : object.items()) {
        if (key == "dash_score" || key == "contacts_in_12_months" || key == "re_referral")
            continue;
        if (!rules.hasContextFlag(key)) {
            context.fail(key, "is not a context field of rule set " + rules.version + " (it asks about: " +
                                  flagList(rules) + ")");
            continue;
        }
        if (const auto answer = context.boolean(key))
            (*answer ? request.flags : request.flagsAnsweredNo).insert(key);
    }
}

// Unborn first, then by date of birth, latest first; a child whose birth date is not known comes last.
bool younger(const ContactChild& a, const ContactChild& b) {
    if (a.person.isUnborn() != b.person.isUnborn())
        return a.person.isUnborn();
    if (a.person.dateOfBirth.has_value() != b.person.dateOfBirth.has_value())
        return a.person.dateOfBirth.has_value();
    return a.person.dateOfBirth && *a.person.dateOfBirth > *b.person.dateOfBirth;
}

} // namespace

ScreeningRequest readScreeningRequest(JsonFields& fields, const RuleSet& rules) {
    ScreeningRequest request;
    const auto indicators = fields.array("indicators", true, 200);
    for (size_t i = 0; i < indicators.size(); ++i) {
        const std::string path = indexPath(fields.pathOf("indicators"), i);
        if (!indicators[i]->is_string()) {
            fields.errors().push_back({path, "must be an indicator id (text)"});
            continue;
        }
        const std::string id = indicators[i]->get<std::string>();
        if (!rules.indicator(id))
            fields.errors().push_back({path, quoteExcerpt(id) + " is not an indicator in rule set " + rules.version});
        else if (std::find(request.indicators.begin(), request.indicators.end(), id) == request.indicators.end())
            request.indicators.push_back(id);
    }
    if (const auto child = fields.integer("child")) {
        if (*child < 0)
            fields.fail("child", "must be the position of a child in the contact's children, from 0");
        else
            request.child = static_cast<size_t>(*child);
    }
    if (const auto* context = fields.object("context")) {
        JsonFields contextFields(*context, fields.pathOf("context"), fields.errors());
        readContext(contextFields, rules, *context, request);
    }
    return request;
}

size_t screenedChild(const Contact& contact, std::optional<size_t> requested) {
    if (requested) {
        if (*requested >= contact.children.size())
            throw ValidationError("child", std::to_string(*requested) + " is not a child of this contact (it names " +
                                               std::to_string(contact.children.size()) + ", counted from 0)");
        return *requested;
    }
    if (contact.children.empty())
        throw ValidationError("children", "the contact names no child to screen");
    const auto youngest = std::min_element(contact.children.begin(), contact.children.end(), younger);
    return static_cast<size_t>(youngest - contact.children.begin());
}

int ageInMonths(Date dateOfBirth, Date on) {
    const int years = static_cast<int>(on.year()) - static_cast<int>(dateOfBirth.year());
    const int months = static_cast<int>(static_cast<unsigned>(on.month())) -
                       static_cast<int>(static_cast<unsigned>(dateOfBirth.month()));
    int total = years * 12 + months;
    if (on.day() < dateOfBirth.day())
        --total; // the month is not complete until the day of the month comes round
    return std::max(0, total);
}

ScreeningInput screeningInput(const Contact& contact, size_t child, const ScreeningRequest& request,
                              const HistoryUsed& history) {
    const Person& person = contact.children.at(child).person;
    ScreeningInput input;
    input.indicators = request.indicators;
    ScreeningContext& context = input.context;
    context.unborn = person.isUnborn();
    if (person.dateOfBirth)
        context.ageMonths = ageInMonths(*person.dateOfBirth, utcDate(contact.receivedAt));
    context.flags = request.flags;
    context.dashScore = request.dashScore;
    context.contactsIn12Months = request.contactsIn12Months;
    context.reReferral = request.reReferral.value_or(false);
    if (history.flags) {
        if (!request.contactsIn12Months)
            context.contactsIn12Months = history.flags->contactsInWindow;
        if (!request.reReferral)
            context.reReferral = history.flags->reReferral;
    }
    return input;
}

nlohmann::json screeningInputJson(const Contact& contact, size_t child, const ScreeningRequest& request,
                                  const ScreeningInput& input, const HistoryUsed& history) {
    const Person& person = contact.children.at(child).person;
    nlohmann::json context = nlohmann::json::object();
    for (const auto& flag : request.flags)
        context[flag] = true;
    for (const auto& flag : request.flagsAnsweredNo)
        context[flag] = false;
    if (request.dashScore)
        context["dash_score"] = *request.dashScore;
    if (request.contactsIn12Months)
        context["contacts_in_12_months"] = *request.contactsIn12Months;
    if (request.reReferral)
        context["re_referral"] = *request.reReferral;

    nlohmann::json derived{{"child", child},
                           {"child_name", person.displayName()},
                           {"unborn", input.context.unborn},
                           {"age", describeAge(input.context)},
                           {"received_at", formatInstant(contact.receivedAt)},
                           {"re_referral", input.context.reReferral},
                           {"history_source", history.source}};
    if (!person.id.empty())
        derived["person_id"] = person.id;
    if (input.context.ageMonths)
        derived["age_months"] = *input.context.ageMonths;
    if (input.context.contactsIn12Months)
        derived["contacts_in_12_months"] = *input.context.contactsIn12Months;
    if (history.flags && !history.flags->explanations.empty())
        derived["history"] = history.flags->explanations;
    return {{"indicators", request.indicators}, {"context", context}, {"derived", derived}};
}

} // namespace frontdoor::core
