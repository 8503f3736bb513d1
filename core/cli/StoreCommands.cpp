// init, rebuild, verify, digest: the database itself.
#include "cli/Cli.h"

#include "store/Backup.h"
#include "store/Migrations.h"
#include "users/Roles.h"
#include "users/UserService.h"

#include "util/Errors.h"

#include <chrono>
#include <filesystem>

namespace frontdoor::core::cli {

void registerStoreCommands() {
    addCommand({"init", "init [--db PATH] [--training | --demo]",
                "Create the database, live unless --training or --demo (fixed for ever), or bring an existing one "
                "up to this build's schema; print its state and mode.",
                {}, {"training", "demo"}, [](Context& ctx) {
                    const bool training = ctx.args().flag("training");
                    const bool demo = ctx.args().flag("demo");
                    if (training && demo)
                        throw ValidationError("--demo", "choose one of --training and --demo");
                    const DatabaseMode asked =
                        training ? DatabaseMode::Training : demo ? DatabaseMode::Demo : DatabaseMode::Live;
                    const std::string path = ctx.databasePath();
                    std::error_code ignored;
                    const bool exists = path != ":memory:" && std::filesystem::exists(path, ignored);
                    bool created = false;
                    if (!exists) {
                        ctx.refuseChosenClockOn(path, asked);
                        ctx.adoptWorkspace(Workspace::create(path, ctx.clock(), asked));
                        created = true;
                    }
                    Workspace& ws = ctx.workspace();
                    // An existing database keeps the mode it was created with; asking for another is refused.
                    if ((training || demo) && ws.mode() != asked)
                        throw ValidationError(training ? "--training" : "--demo",
                                              path + " is already a " + toString(ws.mode()) +
                                                  " database; a database's mode is fixed when it is created");
                    ctx.print({{"database", ws.db().path()},
                               {"created", created},
                               {"mode", toString(ws.mode())},
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
                "Check the database file (PRAGMA integrity_check), every desk's chain of fact hashes, this desk's "
                "seals and sealed chain head (kept outside the file), facts stamped in the future, and that the "
                "tables screens read equal a rebuild from the facts.",
                {}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    UserService(ws).require(ctx.actor(), {role::kAdministrator, role::kAuditor}, "Verifying the record");
                    const std::string integrity = ws.db().queryText("PRAGMA integrity_check").value_or("");
                    auto chains = ws.facts().verifyChains();
                    std::vector<std::string> problems = chains.problems;
                    const auto* seal = ws.facts().deskSeal();
                    if (seal) {
                        if (const auto sealedMode = seal->keyMode();
                            sealedMode && !sealedMode->empty() && *sealedMode != toString(ws.mode()))
                            problems.push_back("this database was sealed as a " + *sealedMode +
                                               " database but now says " + toString(ws.mode()) +
                                               ": its mode was changed outside Frontdoor");
                    }
                    // A database created at schema 7 or later sealed every fact from its first: unsealed facts
                    // there mean the seals (and the key) were removed, not that they predate sealing.
                    if (chains.factsUnsealed > 0 &&
                        ws.db().queryText("SELECT origin FROM database_profile").value_or("") == "created")
                        problems.push_back(std::to_string(chains.factsUnsealed) +
                                           " of this desk's facts have no seal, though this database was created "
                                           "sealing every fact: its seals or the desk key " +
                                           (seal ? seal->keyPath() : std::string()) + " were removed");
                    // A chosen clock is expected on training and demo databases; on a live one a fact stamped
                    // ahead of its time means someone moved the clock.
                    const bool timeCounts = ws.mode() == DatabaseMode::Live;
                    if (timeCounts)
                        problems.insert(problems.end(), chains.timeProblems.begin(), chains.timeProblems.end());
                    const auto projection = ws.facts().compareProjectionWithRebuild();
                    if (!projection.problem.empty())
                        problems.push_back(projection.problem);
                    for (const auto& table : projection.tablesDiffering)
                        problems.push_back("table " + table + " differs from a rebuild from the facts: it was "
                                           "edited outside Frontdoor (frontdoor-cli rebuild restores it from the facts)");
                    const bool ok = integrity == "ok" && problems.empty();
                    Json report{{"integrity_check", integrity},
                                {"mode", toString(ws.mode())},
                                {"facts_checked", chains.factsChecked},
                                {"chains_intact", chains.intact},
                                {"facts_sealed", chains.factsSealed},
                                {"facts_unsealed", chains.factsUnsealed},
                                {"facts_from_other_desks", chains.factsFromOtherDesks},
                                {"seal_key", seal ? Json(seal->keyPath()) : Json(nullptr)},
                                {"projection_matches_facts", projection.matches},
                                {"projection_tables_differing", projection.tablesDiffering},
                                {"time_problems", chains.timeProblems},
                                {"problems", problems},
                                {"ok", ok}};
                    ctx.print(report);
                    return ok ? kOk : kFailed;
                }});
    addCommand({"backup", "backup DESTINATION",
                "Write a consistent copy of the database to DESTINATION (a new file) while desks keep working, "
                "with SQLite's online backup; who took it, and where, is recorded first (administrator).",
                {}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    const std::string destination = ctx.requiredPositional("DESTINATION");
                    const Actor actor = ctx.actor();
                    UserService(ws).require(actor, {role::kAdministrator}, "Backing up the database");
                    checkBackupDestination(destination);
                    const std::string absolute = std::filesystem::absolute(destination).string();
                    // A copy of every child's record leaving Frontdoor's hands is itself part of the record.
                    // It is recorded before the copy is taken, so the backup holds it too; a failed copy
                    // leaves it saying a backup was attempted.
                    {
                        WriteScope scope(ws.db());
                        ws.facts().append(actor, "database.backed_up", "database", Json{{"destination", absolute}});
                        scope.commit();
                    }
                    const auto result = backupDatabase(ws.db(), destination);
                    ctx.print({{"destination", result.destination}, {"bytes", result.bytes}});
                    return kOk;
                }});
    addCommand({"digest", "digest",
                "How many facts this desk holds, a digest of them (every fact id and hash) and the projection "
                "digest rebuild computes: desks holding the same facts show the same three values.",
                {}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    UserService(ws).require(ctx.actor(), allRoles(), "Comparing digests");
                    ctx.print({{"facts", ws.facts().count()},
                               {"facts_digest", ws.facts().factsDigest()},
                               {"projection_digest", ws.facts().projectionDigest()}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
