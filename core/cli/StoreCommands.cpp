// init, rebuild, verify: the database itself.
#include "cli/Cli.h"

#include "store/Migrations.h"
#include "users/Roles.h"
#include "users/UserService.h"

#include <chrono>

namespace frontdoor::core::cli {

void registerStoreCommands() {
    addCommand({"init", "init [--db PATH]",
                "Create the database (or bring an existing one up to this build's schema) and print its state.",
                {}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    ctx.print({{"database", ws.db().path()},
                               {"schema_version", schemaVersion(ws.db())},
                               {"migrations_applied", ws.migrationsApplied()},
                               {"device_id", ws.facts().deviceId()},
                               {"facts", ws.facts().count()}});
                    return kOk;
                }});
    addCommand({"rebuild", "rebuild",
                "Recreate every projection table from the facts alone and show that the result equals what was "
                "there (digest before and after).",
                {}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    UserService(ws).require(ctx.actor(), {role::kAdministrator}, "Rebuilding the projection");
                    const std::string before = ws.facts().projectionDigest();
                    const auto started = std::chrono::steady_clock::now();
                    const int64_t replayed = ws.facts().rebuildProjection();
                    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
                    const std::string after = ws.facts().projectionDigest();
                    ctx.print({{"facts_replayed", replayed},
                               {"digest_before", before},
                               {"digest_after", after},
                               {"identical", before == after},
                               {"seconds", elapsed.count()}});
                    return before == after ? kOk : kFailed;
                }});
    addCommand({"verify", "verify",
                "Check the database file (PRAGMA integrity_check) and every desk's chain of fact hashes.",
                {}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    UserService(ws).require(ctx.actor(), {role::kAdministrator, role::kAuditor}, "Verifying the record");
                    const std::string integrity = ws.db().queryText("PRAGMA integrity_check").value_or("");
                    const auto chains = ws.facts().verifyChains();
                    const bool ok = integrity == "ok" && chains.intact;
                    ctx.print({{"integrity_check", integrity},
                               {"facts_checked", chains.factsChecked},
                               {"chains_intact", chains.intact},
                               {"problems", chains.problems},
                               {"ok", ok}});
                    return ok ? kOk : kFailed;
                }});
}

} // namespace frontdoor::core::cli
