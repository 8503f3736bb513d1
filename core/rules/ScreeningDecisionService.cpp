#include "rules/ScreeningDecisionService.h"

#include "users/Roles.h"
#include "users/UserService.h"

#include "contacts/ContactProjection.h"
#include "contacts/ContactService.h"
#include "contacts/ContactStatus.h"
#include "contacts/Outcomes.h"
#include "people/PersonProjection.h"
#include "rules/RuleSetService.h"
#include "rules/RulesProjection.h"
#include "util/Errors.h"
#include "util/Uuid.h"
#include "util/Text.h"

#include <algorithm>

namespace frontdoor::core {
namespace {

const char* kSelectDecision =
    "SELECT id, contact_id, person_id, rules_version, rules_hash, inputs, suggestion, level, level_label, outcome, "
    "rag, strategy_discussion, departs_from, rationale, decided_by, decided_role, decided_at, fact_id "
    "FROM screening_decision ";

// The keys of a `screen` input that belong to the screening rather than to the contact.
const char* const kScreeningKeys[] = {"indicators", "context", "child"};

ScreeningDecision readDecision(Statement& stmt) {
    ScreeningDecision decision;
    decision.id = stmt.text(0);
    decision.contactId = stmt.text(1);
    decision.personId = stmt.optionalText(2).value_or("");
    decision.rulesVersion = stmt.text(3);
    decision.rulesHash = stmt.text(4);
    decision.inputs = Json::parse(stmt.text(5));
    decision.suggestion = Json::parse(stmt.text(6));
    decision.level = stmt.integer(7);
    decision.levelLabel = stmt.text(8);
    decision.outcome = stmt.text(9);
    decision.rag = stmt.text(10);
    decision.strategyDiscussion = stmt.int64(11) != 0;
    decision.departsFrom = Json::parse(stmt.text(12)).get<std::vector<std::string>>();
    decision.rationale = stmt.optionalText(13).value_or("");
    decision.decidedBy = stmt.text(14);
    decision.decidedRole = stmt.text(15);
    decision.decidedAt = parseInstant(stmt.text(16)).value_or(Instant{});
    decision.factId = stmt.text(17);
    return decision;
}

struct Choice {
    int level = 0;
    std::string outcome;
    std::string rag;
};

std::vector<std::string> departures(const Suggestion& suggestion, const Choice& choice) {
    std::vector<std::string> fields;
    if (choice.level != suggestion.level)
        fields.push_back("level");
    if (choice.outcome != suggestion.outcome)
        fields.push_back("outcome");
    if (choice.rag != ragName(suggestion.rag))
        fields.push_back("rag");
    return fields;
}

std::string describeDepartures(const RuleSet& rules, const Suggestion& suggestion, const Choice& choice,
                               const std::vector<std::string>& fields) {
    std::string text;
    for (const auto& field : fields) {
        text += text.empty() ? "" : "; ";
        if (field == "level")
            text += describeLevel(rules, choice.level) + " instead of " + describeLevel(rules, suggestion.level);
        else if (field == "outcome")
            text += describeOutcome(choice.outcome) + " instead of " + describeOutcome(suggestion.outcome);
        else
            text += "RAG " + choice.rag + " instead of " + ragName(suggestion.rag);
    }
    return text;
}

} // namespace

nlohmann::json ScreeningResult::toJson() const {
    nlohmann::json json = suggestion.toJson();
    const Json& derived = inputs.at("derived");
    nlohmann::json child{{"index", derived.at("child")}, {"name", derived.at("child_name")}, {"age", derived.at("age")}};
    if (derived.contains("person_id"))
        child["person_id"] = derived.at("person_id");
    json["child"] = child;
    json["inputs"] = inputs;
    return json;
}

nlohmann::json ScreeningDecision::toJson() const {
    nlohmann::json json{{"id", id},
                        {"contact_id", contactId},
                        {"rules_version", rulesVersion},
                        {"rules_hash", rulesHash},
                        {"level", level},
                        {"level_label", levelLabel},
                        {"outcome", outcome},
                        {"outcome_label", outcomeLabel(outcome)},
                        {"rag", rag},
                        {"strategy_discussion", strategyDiscussion},
                        {"departs_from_suggestion", departsFrom},
                        {"rationale", rationale},
                        {"suggestion", suggestion},
                        {"inputs", inputs},
                        {"decided_by", decidedBy},
                        {"decided_role", decidedRole},
                        {"decided_at", formatInstant(decidedAt)},
                        {"fact_id", factId}};
    if (!personId.empty())
        json["person_id"] = personId;
    return json;
}

std::optional<Contact> loadRecordedContact(Workspace& workspace, const std::string& contactId) {
    std::optional<Contact> contact;
    for (const auto& fact : workspace.facts().factsAbout(contactId)) {
        if (fact.type == kContactRecorded)
            contact = contactFromStored(fact.payload);
        else if (fact.type == kContactAmended)
            contact = contactFromStored(fact.payload.at("contact"));
    }
    if (contact)
        contact->id = contactId;
    return contact;
}

HistoryUsed ScreeningDecisionService::historyFor(const Contact& contact, size_t child,
                                                 const ScreeningRequest& request) {
    HistoryUsed history;
    const bool anyGiven = request.contactsIn12Months || request.reReferral;
    if (anyGiven)
        history.source = "given";
    if (request.contactsIn12Months && request.reReferral)
        return history;
    const std::string& personId = contact.children.at(child).person.id;
    if (personId.empty() || !personKey(ws_.db(), personId))
        return history;
    ContactFilter filter;
    filter.personId = personId;
    filter.limit = 100000;
    auto earlier = ContactService(ws_).list(filter);
    // This contact is counted once, as the new one, whether or not it is recorded yet; and it cannot
    // make itself a re-referral.
    earlier.erase(std::remove_if(earlier.begin(), earlier.end(),
                                 [&](const ContactSummary& other) { return other.id == contact.id; }),
                  earlier.end());
    history.flags = computeHistoryFlags(earlier, contact.receivedAt, HistorySettings{}, true);
    history.source = anyGiven ? "given_and_database" : "database";
    return history;
}

ScreeningResult ScreeningDecisionService::screenContact(const Contact& contact, const ScreeningRequest& request,
                                                        std::shared_ptr<const RuleSet> rules) {
    const size_t child = screenedChild(contact, request.child);
    const HistoryUsed history = historyFor(contact, child, request);
    const ScreeningInput input = screeningInput(contact, child, request, history);
    ScreeningResult result;
    result.suggestion = evaluate(*rules, input);
    result.inputs = screeningInputJson(contact, child, request, input, history);
    result.rules = std::move(rules);
    return result;
}

ScreeningResult ScreeningDecisionService::screen(const nlohmann::json& input, std::shared_ptr<const RuleSet> rules) {
    if (!input.is_object())
        throw ValidationError("(input)", "must be a JSON object: a contact with indicators and context");
    if (!rules)
        rules = RuleSetService(ws_).active().rules;
    nlohmann::json contactJson = input;
    nlohmann::json requestJson = nlohmann::json::object();
    for (const char* key : kScreeningKeys) {
        if (contactJson.contains(key)) {
            requestJson[key] = contactJson[key];
            contactJson.erase(key);
        }
    }
    std::vector<FieldError> errors;
    JsonFields fields(requestJson, "", errors);
    const ScreeningRequest request = readScreeningRequest(fields, *rules);
    Contact contact;
    try {
        contact = readContact(contactJson, ws_.clock().now());
    } catch (const ValidationError& e) {
        errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
    for (size_t i = 0; i < contact.children.size(); ++i) {
        const std::string& id = contact.children[i].person.id;
        if (!id.empty() && !personKey(ws_.db(), id))
            errors.push_back({indexPath("children", i) + ".id", "no person with id " + excerpt(id) + " is known"});
    }
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    return screenContact(contact, request, std::move(rules));
}

ScreeningResult ScreeningDecisionService::screenRecorded(const std::string& contactId,
                                                         const nlohmann::json& requestJson) {
    const auto contact = loadRecordedContact(ws_, contactId);
    if (!contact)
        throw NotFoundError("no contact with id " + excerpt(contactId));
    const auto rules = RuleSetService(ws_).active().rules;
    std::vector<FieldError> errors;
    JsonFields fields(requestJson, "", errors);
    const ScreeningRequest request = readScreeningRequest(fields, *rules);
    fields.rejectUnknownKeys();
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    return screenContact(*contact, request, rules);
}

ScreeningDecision ScreeningDecisionService::record(const Actor& actor, const std::string& contactId,
                                                   const nlohmann::json& input) {
    UserService(ws_).require(actor, {role::kScreener, role::kDutyManager}, "Recording a screening decision");
    // One write transaction from the first read, so the rule set checked is the rule set recorded.
    WriteScope transaction(ws_.db());
    const auto contact = loadRecordedContact(ws_, contactId);
    if (!contact)
        throw NotFoundError("no contact with id " + excerpt(contactId));
    // A screening decision is the screener's judgement while the contact is being screened; recorded
    // at any other time it would sit in the record beside (or after) the decision it did not inform.
    const std::string contactStatus =
        ws_.db().lookupText("SELECT status FROM contact WHERE id = ?", contactId).value_or("");
    if (contactStatus != status::kInScreening && contactStatus != status::kReturned)
        throw ConflictError("Recording a screening decision is not possible: the contact is " + contactStatus +
                            ", not in screening or returned for edits (start screening it first)");
    RuleSetService ruleSets(ws_);
    const ActiveRuleSet active = ruleSets.active();
    const RuleSet& rules = *active.rules;

    std::vector<FieldError> errors;
    JsonFields fields(input, "", errors);
    const std::string namedContact = fields.text("contact_id");
    if (!namedContact.empty() && namedContact != contactId)
        fields.fail("contact_id", quoteExcerpt(namedContact) + " is not the contact being decided (" + contactId + ")");
    const std::string seenVersion = fields.text("rules_version", false, 64);
    const ScreeningRequest request = readScreeningRequest(fields, rules);
    Choice choice;
    if (const auto level = fields.integer("level", true)) {
        if (*level < kLowestLevel || *level > kHighestLevel)
            fields.fail("level", std::to_string(*level) + " is not a level (1-4)");
        else
            choice.level = static_cast<int>(*level);
    }
    choice.outcome = fields.oneOf("outcome", outcomeCodes(), true);
    choice.rag = fields.oneOf("rag", ragNames(), true);
    const std::string rationale = fields.text("rationale", false, 20000);
    fields.rejectUnknownKeys();
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    if (!seenVersion.empty() && seenVersion != rules.version)
        throw ConflictError("the threshold rules changed after this contact was screened (screened under " +
                            seenVersion + ", now " + rules.version + "): screen it again and check the suggestion");

    const ScreeningResult screening = screenContact(*contact, request, active.rules);
    const Suggestion& suggestion = screening.suggestion;
    const auto departsFrom = departures(suggestion, choice);
    if (!departsFrom.empty() && rationale.size() < kMinimumRationaleLength)
        throw ValidationError("rationale", "is required because the decision differs from the suggestion (" +
                                               describeDepartures(rules, suggestion, choice, departsFrom) +
                                               "): say why in a sentence or more (at least " +
                                               std::to_string(kMinimumRationaleLength) + " characters)");

    ruleSets.recordDefaultIfUnrecorded(actor);
    const OutcomeStep* step = rules.outcomeStep(choice.outcome);
    const std::string personId = screening.inputs.at("derived").value("person_id", "");
    const std::string decisionId = newUuidV7(ws_.clock().now());
    const Fact fact = ws_.facts().append(
        actor, kScreeningDecisionRecorded, contactId,
        {{"decision_id", decisionId},
         {"person_id", personId},
         {"child", screening.inputs.at("derived").at("child")},
         {"rules_version", rules.version},
         {"rules_hash", rules.hash},
         {"inputs", screening.inputs},
         {"suggestion", suggestion.toJson()},
         {"decision",
          {{"level", choice.level},
           {"level_label", rules.level(choice.level).label},
           {"outcome", choice.outcome},
           {"rag", choice.rag},
           {"strategy_discussion", step && step->strategyDiscussion}}},
         {"departs_from_suggestion", departsFrom},
         {"rationale", rationale}});
    transaction.commit();
    auto stored = find(decisionId);
    if (!stored)
        throw StoreError("screening decision " + decisionId + " was recorded but cannot be read back (fact " +
                         fact.id + ")");
    return *stored;
}

std::vector<ScreeningDecision> ScreeningDecisionService::forContact(const std::string& contactId) {
    if (!contactKey(ws_.db(), contactId))
        throw NotFoundError("no contact with id " + excerpt(contactId));
    auto& stmt = ws_.db().cached(std::string(kSelectDecision) + "WHERE contact_id = ? ORDER BY hlc, id");
    stmt.bindAll(contactId);
    std::vector<ScreeningDecision> decisions;
    while (stmt.step())
        decisions.push_back(readDecision(stmt));
    stmt.reset();
    return decisions;
}

std::optional<ScreeningDecision> ScreeningDecisionService::find(const std::string& decisionId) {
    auto& stmt = ws_.db().cached(std::string(kSelectDecision) + "WHERE id = ?");
    stmt.bindAll(decisionId);
    std::optional<ScreeningDecision> decision;
    if (stmt.step())
        decision = readDecision(stmt);
    stmt.reset();
    return decision;
}

} // namespace frontdoor::core
