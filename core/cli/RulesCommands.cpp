// rules validate | install | show | list; screen; screen decide | decisions.
#include "cli/Cli.h"

#include "rules/RuleSetLoader.h"
#include "rules/RuleSetService.h"
#include "rules/ScreeningDecisionService.h"
#include "contacts/ContactService.h"
#include "people/PersonSearch.h"
#include "util/Errors.h"

namespace frontdoor::core::cli {
namespace {

Json validationSummary(const RuleSet& rules) {
    auto labels = Json::object();
    for (const auto& level : rules.levels)
        labels[std::to_string(level.level)] = level.label;
    return {{"valid", true},
            {"version", rules.version},
            {"hash", rules.hash},
            {"name", rules.name},
            {"level_labels", labels},
            {"domains", rules.domains.size()},
            {"indicators", rules.indicators.size()},
            {"aggravators", rules.aggravators.size()}};
}

void registerRuleSetCommands() {
    addCommand({"rules validate", "rules validate FILE",
                "Check a threshold rule set file and report every problem with its JSON path. Changes nothing.",
                {"file"}, {}, [](Context& ctx) {
                    // No database: an administrator checks a file anywhere before installing it.
                    const auto rules = loadRuleSet(ctx.readJsonInput());
                    ctx.print(validationSummary(*rules));
                    return kOk;
                }});
    addCommand({"rules install", "rules install FILE",
                "Validate a threshold rule set and make it the active one (recorded as a fact; a bad file is "
                "refused and the active rule set stays).",
                {"file"}, {}, [](Context& ctx) {
                    const Json body = ctx.readJsonInput();
                    RuleSetService service(ctx.workspace());
                    ctx.print(service.install(ctx.actor(), body).toJson());
                    return kOk;
                }});
    addCommand({"rules show", "rules show [--body]",
                "The active threshold rule set: version, hash, level labels, outcomes, indicators by domain, "
                "aggravating factors. --body prints the rule set file itself.",
                {}, {"body"}, [](Context& ctx) {
                    RuleSetService service(ctx.workspace());
                    if (ctx.args().flag("body"))
                        ctx.print(service.active().rules->body);
                    else
                        ctx.print(service.show());
                    return kOk;
                }});
    addCommand({"rules list", "rules list",
                "Every rule set installed on this database, the active one first.", {}, {}, [](Context& ctx) {
                    RuleSetService service(ctx.workspace());
                    auto rows = Json::array();
                    for (const auto& row : service.list())
                        rows.push_back(row.toJson());
                    const auto active = service.active();
                    ctx.print({{"active_version", active.rules->version},
                               {"active_hash", active.rules->hash},
                               {"active_installed", active.installed},
                               {"rule_sets", rows}});
                    return kOk;
                }});
}

void registerScreeningCommands() {
    addCommand({"screen", "screen --json FILE [--rules RULES_FILE]",
                "Suggest level, outcome, RAG and whether a strategy discussion is needed for a contact (contact "
                "JSON plus indicators and context), with the reasons. Records nothing. --rules tries a rule set "
                "file without installing it.",
                {"json", "rules"}, {}, [](Context& ctx) {
                    const Json input = ctx.readJsonInput("json");
                    // A child linked to a known person brings that person's history from the record: that
                    // needs a signed-in user, and is logged as reading the person.
                    std::vector<std::string> personIds;
                    if (input.is_object() && input.contains("children") && input["children"].is_array())
                        for (const auto& child : input["children"])
                            if (child.is_object() && child.contains("id") && child["id"].is_string() &&
                                !child["id"].get<std::string>().empty())
                                personIds.push_back(child["id"].get<std::string>());
                    if (!personIds.empty()) {
                        const Actor actor = ctx.actor();
                        for (const auto& id : personIds) {
                            try {
                                PersonSearch(ctx.workspace()).viewHistory(actor, id);
                            } catch (const NotFoundError&) {
                                // not a known person: the suggestion uses what was given
                            }
                        }
                    }
                    std::shared_ptr<const RuleSet> rules;
                    if (const auto file = ctx.args().option("rules")) {
                        Arguments rulesArgs({"--file", *file}, {});
                        Context rulesContext(rulesArgs, ctx.in(), ctx.out(), ctx.err());
                        rules = loadRuleSet(rulesContext.readJsonInput());
                    }
                    ScreeningDecisionService service(ctx.workspace());
                    ctx.print(service.screen(input, rules).toJson());
                    return kOk;
                }});
    addCommand({"screen decide", "screen decide [FILE]",
                "Record a screening decision on a recorded contact: contact_id, indicators, context, the chosen "
                "level, outcome and RAG, and a rationale when they differ from the suggestion.",
                {"file"}, {}, [](Context& ctx) {
                    const Json input = ctx.readJsonInput();
                    if (!input.is_object() || !input.contains("contact_id") || !input["contact_id"].is_string())
                        throw ValidationError("contact_id", "is required: the id of the recorded contact");
                    ScreeningDecisionService service(ctx.workspace());
                    const std::string contactId = input["contact_id"].get<std::string>();
                    ctx.print(service.record(ctx.actor(), contactId, input).toJson());
                    return kOk;
                }});
    addCommand({"screen decisions", "screen decisions CONTACT_ID",
                "Every screening decision on a contact, oldest first, each with the rule set version and hash it "
                "was made under.",
                {}, {}, [](Context& ctx) {
                    const std::string contactId = ctx.requiredPositional("CONTACT_ID");
                    // The child's name, age, indicators and outcome: reading the record, so signed in and logged.
                    ContactService(ctx.workspace()).logView(ctx.actor(), contactId);
                    ScreeningDecisionService service(ctx.workspace());
                    auto rows = Json::array();
                    for (const auto& decision : service.forContact(contactId))
                        rows.push_back(decision.toJson());
                    ctx.print({{"decisions", rows}});
                    return kOk;
                }});
}

} // namespace

void registerRulesCommands() {
    registerRuleSetCommands();
    registerScreeningCommands();
}

} // namespace frontdoor::core::cli
