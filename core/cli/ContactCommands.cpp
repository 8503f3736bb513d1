// contact record | show | list.
#include "cli/Cli.h"

#include "contacts/ContactService.h"
#include "util/Errors.h"

namespace frontdoor::core::cli {
void registerContactCommands() {
    addCommand({"contact record", "contact record [FILE]",
                "Validate and record a contact from JSON (FILE, or standard input). Prints the new ids.",
                {"file"}, {}, [](Context& ctx) {
                    const Json input = ctx.readJsonInput();
                    ContactService service(ctx.workspace());
                    const auto recorded = service.record(ctx.actor(), input);
                    ctx.print({{"contact_id", recorded.contactId},
                               {"person_ids", recorded.personIds},
                               {"new_person_ids", recorded.newPersonIds}});
                    return kOk;
                }});
    addCommand({"contact show", "contact show CONTACT_ID",
                "The contact as recorded, its status and outcome, and its timeline (every fact: who, role, when).",
                {}, {}, [](Context& ctx) {
                    ctx.actor();
                    ContactService service(ctx.workspace());
                    ctx.print(service.show(ctx.requiredPositional("CONTACT_ID")));
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
                "Record the outcome of a contact decided outside Frontdoor (importing history).",
                {"outcome", "decided-at", "note"}, {}, [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("CONTACT_ID");
                    const auto outcome = ctx.args().option("outcome");
                    if (!outcome)
                        throw ValidationError("--outcome", "is required");
                    const auto decidedAt = ctx.instantOption("decided-at").value_or(ctx.clock().now());
                    ContactService service(ctx.workspace());
                    service.recordOutcome(ctx.actor(), id, *outcome, decidedAt, ctx.args().option("note", ""));
                    ctx.print(service.show(id));
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
