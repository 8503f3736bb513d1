// contact record | show | list.
#include "cli/Cli.h"

#include "contacts/ContactReference.h"
#include "contacts/ContactService.h"
#include "time/UkTime.h"
#include "workflow/ContactWorkflow.h"

#include <algorithm>
#include "util/Errors.h"

namespace frontdoor::core::cli {
namespace {

// "Mon 23 Nov 2026 09:20  sam.screener (screener)  Contact recorded", one line per fact, UK time.
void printTimeline(Context& ctx, const Json& shown) {
    std::string children;
    for (const auto& child : shown.value("children", Json::array())) {
        const std::string name = child.value("given_name", std::string()) + " " + child.value("family_name", std::string());
        children += (children.empty() ? "" : ", ") + (name == " " ? std::string("(unnamed)") : name);
    }
    const auto received = parseInstant(shown.value("received_at", std::string()));
    ctx.out() << "Contact " << shown.value("reference", std::string()) << " (" << shown.value("id", std::string())
              << "): " << children << "\n"
              << "Received " << (received ? formatUkTime(*received) : std::string("?")) << " by "
              << shown.value("channel", std::string()) << " from " << shown.value("source", std::string()) << " "
              << shown.value("source_label", std::string()) << "; now " << shown.value("status", std::string());
    if (shown.contains("outcome_label"))
        ctx.out() << " (" << shown["outcome_label"].get<std::string>() << ")";
    ctx.out() << "\n\n";
    size_t width = 0;
    for (const auto& entry : shown["timeline"])
        width = std::max(width, entry["user"].get<std::string>().size() + entry["role"].get<std::string>().size() + 3);
    for (const auto& entry : shown["timeline"]) {
        const auto at = parseInstant(entry["at"].get<std::string>());
        const std::string who = entry["user"].get<std::string>() + " (" + entry["role"].get<std::string>() + ")";
        ctx.out() << "  " << (at ? formatUkTime(*at) : std::string()) << "  " << who << std::string(width - who.size(), ' ')
                  << "  " << entry["what"].get<std::string>() << "\n";
    }
}

} // namespace

void registerContactCommands() {
    addCommand({"contact record", "contact record [FILE]",
                "Validate and record a contact from JSON (FILE, or standard input). Prints the new ids.",
                {"file"}, {}, [](Context& ctx) {
                    const Json input = ctx.readJsonInput();
                    ContactService service(ctx.workspace());
                    const auto recorded = service.record(ctx.actor(), input);
                    ctx.print({{"contact_id", recorded.contactId},
                               {"reference", referenceOf(ctx.workspace().db(), recorded.contactId)},
                               {"person_ids", recorded.personIds},
                               {"new_person_ids", recorded.newPersonIds},
                               {"adult_person_ids", recorded.adultPersonIds},
                               {"new_adult_person_ids", recorded.newAdultPersonIds}});
                    return kOk;
                }});
    addCommand({"contact show", "contact show CONTACT_ID|REFERENCE [--timeline] [--access-log]",
                "The contact (by id, or by its reference such as FD-26-K7Q2-0042, any case) as recorded, its reference, where it stands (deadlines, screening, decision, strategy discussions) and "
                "its timeline: every fact, who, in which role, when. --timeline prints the timeline as readable "
                "lines; --access-log adds who viewed the record. Viewing is itself logged.",
                {}, {"timeline", "access-log"}, [](Context& ctx) {
                    const std::string id = resolveContactId(ctx.workspace().db(), ctx.requiredPositional("CONTACT_ID"));
                    ContactService service(ctx.workspace());
                    Json shown = service.view(ctx.actor(), id);
                    if (ctx.args().flag("access-log")) {
                        shown["timeline"] = Json::array();
                        for (const auto& entry : service.timeline(id, true))
                            shown["timeline"].push_back(entry.toJson());
                    }
                    if (ctx.args().flag("timeline")) {
                        printTimeline(ctx, shown);
                        return kOk;
                    }
                    shown["state"] = ContactWorkflow(ctx.workspace()).state(id);
                    ctx.print(shown);
                    return kOk;
                }});
    addCommand({"contact list", "contact list [--status S] [--from DATE|INSTANT] [--to DATE|INSTANT] [--limit N] [--offset N]",
                "Contacts newest first, filtered by status and by when they were received (--to is exclusive; a "
                "bare date includes that whole day).",
                {"status", "from", "to", "limit", "offset"}, {}, [](Context& ctx) {
                    ctx.actor();
                    ContactFilter filter;
                    filter.status = ctx.args().option("status");
                    filter.receivedFrom = ctx.instantOption("from");
                    filter.receivedTo = ctx.instantOption("to", true);
                    filter.limit = ctx.intOption("limit", 100, 1, 100000);
                    filter.offset = ctx.intOption("offset", 0, 0, 100000000);
                    ContactService service(ctx.workspace());
                    auto rows = Json::array();
                    for (const auto& row : service.list(filter))
                        rows.push_back(row.toJson());
                    ctx.print({{"total", service.count(filter)}, {"contacts", rows}});
                    return kOk;
                }});
    addCommand({"contact outcome", "contact outcome CONTACT_ID --outcome CODE [--decided-at INSTANT] [--note TEXT]",
                "An administrator imports the outcome of a contact decided outside Frontdoor (history from an earlier "
                "system): only for a contact that has not entered the workflow, decided between its receipt and now.",
                {"outcome", "decided-at", "note"}, {}, [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("CONTACT_ID");
                    const auto outcome = ctx.args().option("outcome");
                    if (!outcome)
                        throw ValidationError("--outcome", "is required");
                    const auto decidedAt = ctx.instantOption("decided-at").value_or(ctx.clock().now());
                    ContactService service(ctx.workspace());
                    service.importOutcome(ctx.actor(), id, *outcome, decidedAt, ctx.args().option("note", ""));
                    ctx.print(service.show(id));
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
