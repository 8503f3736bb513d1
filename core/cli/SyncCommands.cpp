// sync join, sync, sync status, sync reidentify: sharing work with the team's other desks through the
// shared folder (core/sync/, docs/sync.md).
#include "cli/Cli.h"

#include "sync/SyncEngine.h"
#include "sync/Team.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"

#include <cstdlib>

namespace frontdoor::core::cli {
namespace {

std::string sharePathFor(Context& ctx, Workspace& ws) {
    if (const auto share = ctx.args().option("share")) {
        if (share->empty() || *share == "true")
            throw ValidationError("--share", "give the shared folder's path, e.g. --share /mnt/icart/frontdoor");
        return *share;
    }
    const auto team = sync::loadDeskTeam(ws.db());
    if (!team)
        throw NotFoundError("this desk has not joined a team yet: FRONTDOOR_TEAM_PASSPHRASE=... frontdoor-cli sync "
                            "join --share DIR");
    return team->sharePath;
}

} // namespace

void registerSyncCommands() {
    addCommand({"sync join", "sync join --share DIR  (team passphrase in FRONTDOOR_TEAM_PASSPHRASE)",
                "Join the team whose shared folder DIR is (the first desk makes the team and its team.json). "
                "An administrator, or anyone on a database with no users yet (a new desk).",
                {"share"}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    if (!ctx.args().option("share"))
                        throw ValidationError("--share", "is required: the team's shared folder");
                    if (UserService(ws).anyUsers())
                        UserService(ws).require(ctx.actor(), {role::kAdministrator}, "Joining a team");
                    const char* passphrase = std::getenv("FRONTDOOR_TEAM_PASSPHRASE");
                    sync::FolderTransport share(sharePathFor(ctx, ws));
                    const auto joined = sync::joinTeam(ws, share, passphrase ? passphrase : "");
                    ctx.print({{"team_id", joined.teamId},
                               {"created_team", joined.createdTeam},
                               {"mode", joined.mode},
                               {"share", joined.share},
                               {"device_id", ws.facts().deviceId()}});
                    return kOk;
                }});
    addCommand({"sync", "sync [--share DIR]",
                "One sync round: publish this desk's new facts to the shared folder, then apply every other "
                "desk's. Prints what it did; exits 1 (kind unreachable or refused) when the share could not "
                "be used.",
                {"share"}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    const std::string path = sharePathFor(ctx, ws);
                    sync::FolderTransport share(path);
                    const auto report = sync::SyncEngine(ws, share).round();
                    ctx.print(report.toJson());
                    if (report.share == "unreachable")
                        throw sync::ShareUnreachable(sync::ShareFault::Missing, report.reason);
                    if (report.share == "refused")
                        throw sync::ShareRefused(report.reason);
                    if (ctx.args().option("share"))
                        sync::saveSharePath(ws.db(), path);
                    return kOk;
                }});
    addCommand({"sync status", "sync status",
                "What the last sync round found and when this desk last reached the share, without a round.", {},
                {}, [](Context& ctx) {
                    ctx.print(sync::syncStatus(ctx.workspace()));
                    return kOk;
                }});
    addCommand({"sync reidentify", "sync reidentify",
                "Give this desk a new device id, after sync found another desk using the same one (a copied "
                "disk image). Administrator. The database is remade beside the old one, which is kept.",
                {}, {}, [](Context& ctx) {
                    Workspace& ws = ctx.workspace();
                    UserService(ws).require(ctx.actor(), {role::kAdministrator}, "Giving this desk a new identity");
                    const std::string path = ws.db().path();
                    sync::FolderTransport share(sharePathFor(ctx, ws));
                    ctx.adoptWorkspace(nullptr);
                    const auto result = sync::reidentify(path, ctx.clock(), share);
                    ctx.print({{"old_device_id", result.oldDeviceId},
                               {"new_device_id", result.newDeviceId},
                               {"facts_kept", result.factsKept},
                               {"facts_recorded_again", result.factsRerecorded},
                               {"agreed_with_share_up_to", result.agreedSeq},
                               {"previous_database", result.previousDatabase}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
