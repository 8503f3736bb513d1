// contact amend, person amend: corrections with a reason (docs/cli.md, "Corrections").
#include "cli/Cli.h"

#include "contacts/ContactReference.h"
#include "contacts/ContactService.h"
#include "people/PersonCorrections.h"
#include "people/PersonProjection.h"
#include "util/Errors.h"

namespace frontdoor::core::cli {
namespace {

std::string requiredReason(Context& ctx) {
    const auto reason = ctx.args().option("reason");
    if (!reason || *reason == "true")
        throw ValidationError("reason", "is required (--reason TEXT): say why the record is being corrected");
    return *reason;
}

} // namespace

void registerCorrectionCommands() {
    addCommand({"contact amend", "contact amend CONTACT_ID|REFERENCE [FILE] --reason TEXT",
                "Correct a recorded contact, saying why. The JSON (FILE, or standard input) is merged over the "
                "current version (RFC 7396: keys given replace, objects merge key by key, arrays such as "
                "children and adults are replaced whole, null removes); the result must be a valid contact. "
                "The earlier version stays in the timeline. Prints the new version and what changed.",
                {"file", "reason"}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    const std::string id =
                        resolveContactId(ctx.workspace().db(), ctx.requiredPositional("CONTACT_ID"));
                    const std::string reason = requiredReason(ctx);
                    const Json patch = ctx.readJsonInput("file", 1);
                    if (!patch.is_object())
                        throw ValidationError("contact", "give the fields to correct as a JSON object");
                    ContactService service(ctx.workspace());
                    Json merged = service.currentVersion(id);
                    merged.merge_patch(patch);
                    ctx.print(service.amend(actor, id, merged, reason).toJson());
                    return kOk;
                }});
    addCommand({"person amend", "person amend PERSON_ID [FILE] --reason TEXT",
                "Correct a person's details (given_name, family_name, date_of_birth, date_of_birth_unknown, "
                "expected_date, sex, ethnicity, address, postcode, la_child_id), saying why. Only the fields in "
                "the JSON (FILE, or standard input) change; null clears one. A new name keeps the old one as a "
                "previous name. Prints the new version and what changed.",
                {"file", "reason"}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    const std::string id = ctx.requiredPositional("PERSON_ID");
                    const std::string reason = requiredReason(ctx);
                    const Json partial = ctx.readJsonInput("file", 1);
                    ctx.print(PersonCorrections(ctx.workspace()).amend(actor, id, partial, reason).toJson());
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
