// sync conflicts, sync resolve: decisions made at two offline desks that cannot both stand.
#include "cli/Cli.h"

#include "workflow/SyncConflicts.h"

namespace frontdoor::core::cli {

void registerSyncConflictCommands() {
    addCommand({"sync conflicts", "sync conflicts",
                "Decisions made at desks that could not see each other and cannot both stand (two sign-offs of "
                "one recommendation, two screeners starting one contact, acting on a contact closed elsewhere, "
                "acting after one's account was disabled elsewhere): the first by the desks' clocks stands, the "
                "other is listed here, open until a duty manager resolves it. Duty manager, administrator or "
                "auditor.",
                {}, {}, [](Context& ctx) {
                    ctx.print(SyncConflicts(ctx.workspace()).list(ctx.actor()));
                    return kOk;
                }});
    addCommand({"sync resolve", "sync resolve CONFLICT_ID --keep A|B --note TEXT",
                "A duty manager resolves a conflict between desks: --keep A leaves the first decision standing, "
                "--keep B makes the later one stand from now on (the first is shown as superseded); both stay in "
                "the record.",
                {"keep", "note"}, {}, [](Context& ctx) {
                    SyncConflicts conflicts(ctx.workspace());
                    const Actor actor = ctx.actor();
                    const std::string id = ctx.requiredPositional("CONFLICT_ID");
                    conflicts.resolve(actor, id, ctx.args().option("keep", ""), ctx.args().option("note", ""));
                    const Json listed = conflicts.list(actor);
                    for (const auto& conflict : listed["conflicts"])
                        if (conflict["id"] == id) {
                            ctx.print(conflict);
                            break;
                        }
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
