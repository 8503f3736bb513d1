// The life of a contact: screening, recommendation, sign-off, referrer feedback, closing, out-of-hours
// handovers, strategy discussions and the queues. Each command is one core operation.
#include "cli/Cli.h"

#include "contacts/ContactService.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/FormDrafts.h"
#include "workflow/Queues.h"
#include "workflow/StrategyDiscussions.h"

namespace frontdoor::core::cli {
namespace {

// Commands of the form "NAME CONTACT_ID [FILE]" that pass the JSON to one workflow operation and print
// the contact's state afterwards.
using JsonOperation = void (*)(Workspace&, const Actor&, const std::string&, const Json&);

Command jsonCommand(const std::string& name, const std::string& summary, JsonOperation operation) {
    return {name, name + " CONTACT_ID [FILE]  (JSON from FILE or standard input)", summary, {"file"}, {},
            [operation](Context& ctx) {
                const std::string contactId = ctx.requiredPositional("CONTACT_ID");
                const Json input = ctx.readJsonInput("file", 1);
                const Actor actor = ctx.actor();
                operation(ctx.workspace(), actor, contactId, input);
                ctx.print(ContactWorkflow(ctx.workspace()).state(contactId));
                return kOk;
            }};
}

Command strategyCommand(const std::string& name, const std::string& summary,
                        Json (StrategyDiscussions::*operation)(const Actor&, const std::string&, const Json&)) {
    return {name, name + " CONTACT_ID [FILE]  (JSON from FILE or standard input)", summary, {"file"}, {},
            [operation](Context& ctx) {
                const std::string contactId = ctx.requiredPositional("CONTACT_ID");
                const Json input = ctx.readJsonInput("file", 1);
                const Actor actor = ctx.actor();
                StrategyDiscussions discussions(ctx.workspace());
                ctx.print((discussions.*operation)(actor, contactId, input));
                return kOk;
            }};
}

Command simpleCommand(const std::string& name, const std::string& usage, const std::string& summary,
                      std::vector<std::string> options,
                      void (*operation)(Context&, const Actor&, const std::string&)) {
    return {name, usage, summary, std::move(options), {}, [operation](Context& ctx) {
                const std::string contactId = ctx.requiredPositional("CONTACT_ID");
                const Actor actor = ctx.actor();
                operation(ctx, actor, contactId);
                ctx.print(ContactWorkflow(ctx.workspace()).state(contactId));
                return kOk;
            }};
}

} // namespace

void registerWorkflowCommands() {
    addCommand(simpleCommand("screening start", "screening start CONTACT_ID",
                             "Start screening a recorded (or returned) contact: it moves to in_screening and onto "
                             "your work queue.",
                             {}, [](Context& ctx, const Actor& actor, const std::string& id) {
                                 ContactWorkflow(ctx.workspace()).startScreening(actor, id);
                             }));
    addCommand(simpleCommand("screening hand-back", "screening hand-back CONTACT_ID --reason TEXT",
                             "Give a contact you started screening (by mistake, or for someone else) back to the "
                             "queue, saying why; a duty manager may hand back anyone's.",
                             {"reason"}, [](Context& ctx, const Actor& actor, const std::string& id) {
                                 ContactWorkflow(ctx.workspace()).handBack(actor, id, ctx.args().option("reason", ""));
                             }));
    addCommand(jsonCommand("screening check", "Record a check with a partner agency: agency, person spoken to, when, "
                                              "what was shared and the basis for sharing.",
                           [](Workspace& ws, const Actor& actor, const std::string& id, const Json& input) {
                               ContactWorkflow(ws).addPartnerCheck(actor, id, input);
                           }));
    addCommand(jsonCommand("screening analysis", "Record the analysis of risks and strengths.",
                           [](Workspace& ws, const Actor& actor, const std::string& id, const Json& input) {
                               ContactWorkflow(ws).saveAnalysis(actor, id, input);
                           }));
    addCommand(jsonCommand("recommend",
                           "Recommend what happens next: the threshold screening (indicators, context, chosen level, "
                           "outcome and RAG, rationale when departing from the rules) and the recommendation in words.",
                           [](Workspace& ws, const Actor& actor, const std::string& id, const Json& input) {
                               ContactWorkflow(ws).recommend(actor, id, input);
                           }));
    addCommand(jsonCommand("signoff",
                           "Sign off a recommendation (a duty manager other than the recommender) with the case "
                           "direction: what, by whom, by when.",
                           [](Workspace& ws, const Actor& actor, const std::string& id, const Json& input) {
                               ContactWorkflow(ws).signOff(actor, id, input);
                           }));
    addCommand(simpleCommand("return", "return CONTACT_ID --reason TEXT",
                             "Return a recommendation to the screener for edits, saying why (duty manager).",
                             {"reason"}, [](Context& ctx, const Actor& actor, const std::string& id) {
                                 ContactWorkflow(ctx.workspace()).returnForEdits(actor, id, ctx.args().option("reason", ""));
                             }));
    addCommand(jsonCommand("referrer told", "Record that the referrer was told the outcome: who told them, when, how.",
                           [](Workspace& ws, const Actor& actor, const std::string& id, const Json& input) {
                               ContactWorkflow(ws).informReferrer(actor, id, input);
                           }));
    addCommand(simpleCommand("contact note", "contact note CONTACT_ID --text TEXT",
                             "Add a note to a contact (anything that came to light since, e.g. after an out-of-hours "
                             "handover): screener, duty manager or EDT worker; not on a closed contact.",
                             {"text"}, [](Context& ctx, const Actor& actor, const std::string& id) {
                                 ContactWorkflow(ctx.workspace()).addNote(actor, id, ctx.args().option("text", ""));
                             }));
    addCommand(simpleCommand("contact close", "contact close CONTACT_ID [--note TEXT]",
                             "Close a decided contact once the referrer has been told and any strategy discussion's "
                             "outcome is recorded.",
                             {"note"}, [](Context& ctx, const Actor& actor, const std::string& id) {
                                 ContactWorkflow(ctx.workspace()).close(actor, id, ctx.args().option("note", ""));
                             }));
    addCommand({"edt record", "edt record [FILE]  (JSON: {\"contact\": {...}, \"handover\": {...}})",
                "An EDT worker records an out-of-hours contact with what was already done and the handover note; "
                "the handover is due at the next opening.",
                {"file"}, {}, [](Context& ctx) {
                    const Json input = ctx.readJsonInput();
                    const Actor actor = ctx.actor();
                    ContactWorkflow workflow(ctx.workspace());
                    const auto recorded = workflow.recordOutOfHours(actor, input);
                    Json state = workflow.state(recorded.contactId);
                    state["person_ids"] = recorded.personIds;
                    ctx.print(state);
                    return kOk;
                }});
    addCommand(simpleCommand("edt acknowledge", "edt acknowledge CONTACT_ID [--note TEXT]",
                             "A day-team duty manager acknowledges an out-of-hours handover.", {"note"},
                             [](Context& ctx, const Actor& actor, const std::string& id) {
                                 ContactWorkflow(ctx.workspace()).acknowledgeHandover(actor, id,
                                                                                      ctx.args().option("note", ""));
                             }));
    addCommand({"strategy invitees", "strategy invitees CONTACT_ID",
                "Who a strategy discussion about this contact should invite: police, health and children's social "
                "care always; the referrer, education and early help where relevant.",
                {}, {}, [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("CONTACT_ID");
                    ctx.actor();
                    ctx.print({{"invitees", StrategyDiscussions(ctx.workspace()).suggestedInvitees(id)}});
                    return kOk;
                }});
    addCommand(strategyCommand("strategy schedule",
                               "Schedule the contact's strategy discussion: when, where or call details, invitees by "
                               "agency. A missing required agency needs a duty manager's acknowledgement.",
                               &StrategyDiscussions::schedule));
    addCommand(strategyCommand("strategy held",
                               "Record that the strategy discussion was held: attendees, apologies, each agency's "
                               "information.",
                               &StrategyDiscussions::recordHeld));
    addCommand(strategyCommand("strategy outcome",
                               "Record the outcome: who is at risk, immediate safety actions, the section 47 decision, "
                               "medical examination, what the family is told, and actions with owners and due dates.",
                               &StrategyDiscussions::recordOutcome));
    addCommand({"strategy action-done", "strategy action-done CONTACT_ID --index N [--note TEXT]",
                "Mark one agreed action of the contact's strategy discussion done.", {"index", "note"}, {},
                [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("CONTACT_ID");
                    const int index = ctx.intOption("index", -1, 0, 1000);
                    StrategyDiscussions discussions(ctx.workspace());
                    discussions.completeAction(ctx.actor(), id, index, ctx.args().option("note", ""));
                    ctx.print({{"strategy_discussions", discussions.forContact(id)}});
                    return kOk;
                }});
    addCommand({"strategy show", "strategy show CONTACT_ID", "The contact's strategy discussions, in full.", {}, {},
                [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("CONTACT_ID");
                    // What agencies said about a child: reading the contact's record, so logged as such.
                    ContactService(ctx.workspace()).logView(ctx.actor(), id);
                    ctx.print({{"strategy_discussions", StrategyDiscussions(ctx.workspace()).forContact(id)}});
                    return kOk;
                }});
    addCommand({"form-draft save", "form-draft save CONTACT_ID --form screening|signoff|strategy [FILE]",
                "Keep what has been typed into a workflow form (any JSON object), until it is submitted.",
                {"form", "file"}, {}, [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("CONTACT_ID");
                    const Json body = ctx.readJsonInput("file", 1);
                    FormDrafts(ctx.workspace()).save(ctx.actor(), id, ctx.args().option("form", ""), body);
                    ctx.print({{"contact_id", id}, {"form", ctx.args().option("form", "")}, {"saved", true}});
                    return kOk;
                }});
    addCommand({"form-draft show", "form-draft show CONTACT_ID --form screening|signoff|strategy",
                "Your draft of a workflow form for the contact: {\"draft\": {...} or null}.", {"form"}, {},
                [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("CONTACT_ID");
                    const auto draft = FormDrafts(ctx.workspace()).load(ctx.actor(), id, ctx.args().option("form", ""));
                    ctx.print({{"contact_id", id}, {"draft", draft ? *draft : Json()}});
                    return kOk;
                }});
    addCommand({"form-draft discard", "form-draft discard CONTACT_ID --form screening|signoff|strategy",
                "Clear your draft of a workflow form.", {"form"}, {}, [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("CONTACT_ID");
                    FormDrafts(ctx.workspace()).discard(ctx.actor(), id, ctx.args().option("form", ""));
                    ctx.print({{"contact_id", id}, {"discarded", true}});
                    return kOk;
                }});
    addCommand({"queue", "queue NAME [--limit N]",
                "One work queue, most urgent first, each item with its due time and countdown. NAME: my_drafts, "
                "my_work, awaiting_screening, awaiting_signoff, strategy_due, handovers, referrer_feedback, overdue.",
                {"limit"}, {}, [](Context& ctx) {
                    const std::string name = ctx.requiredPositional("NAME");
                    const Actor actor = ctx.actor();
                    auto items = Json::array();
                    for (const auto& item : Queues(ctx.workspace()).items(name, actor, ctx.intOption("limit", 500, 1, 100000)))
                        items.push_back(item.toJson());
                    ctx.print({{"queue", name}, {"items", items}});
                    return kOk;
                }});
    addCommand({"queues", "queues", "The queues of your role with how many items each holds and how many are overdue.",
                {}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    auto list = Json::array();
                    for (const auto& count : Queues(ctx.workspace()).counts(actor))
                        list.push_back({{"queue", count.queueId}, {"label", count.label}, {"items", count.items},
                                        {"overdue", count.overdue}});
                    ctx.print({{"role", actor.role}, {"queues", list}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
