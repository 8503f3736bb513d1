// user add | change | secret | disable | enable | list | unlock | policy, and sign-in.
#include "cli/Cli.h"

#include "users/UserService.h"
#include "util/Errors.h"
#include "util/Text.h"

#include <cstdlib>

namespace frontdoor::core::cli {
namespace {

std::vector<std::string> rolesOption(Context& ctx) { return splitList(ctx.args().option("roles", "")); }

// The new user's password or PIN: FRONTDOOR_NEW_SECRET, so it never appears in the shell's history.
std::string newSecret(Context& ctx) {
    if (const auto option = ctx.args().option("new-secret"))
        return *option;
    if (const char* value = std::getenv("FRONTDOOR_NEW_SECRET"))
        return value;
    throw ValidationError("secret", "set FRONTDOOR_NEW_SECRET to the new password or PIN");
}

} // namespace

void registerUserCommands() {
    addCommand({"user add", "user add ACCOUNT --display-name NAME --roles R1,R2  (secret in FRONTDOOR_NEW_SECRET)",
                "Add a user (an administrator's job; the very first user of a new database adds themselves, as "
                "an administrator, without signing in).",
                {"display-name", "roles", "new-secret"}, {}, [](Context& ctx) {
                    UserService users(ctx.workspace());
                    const std::string id = ctx.requiredPositional("ACCOUNT");
                    std::optional<Actor> by;
                    if (users.anyUsers())
                        by = ctx.actor();
                    const User user = users.add(by, id, ctx.args().option("display-name", ""), rolesOption(ctx),
                                                newSecret(ctx));
                    ctx.print(user.toJson());
                    return kOk;
                }});
    addCommand({"user change", "user change ACCOUNT --display-name NAME --roles R1,R2",
                "Change a user's name and roles (administrator).", {"display-name", "roles"}, {}, [](Context& ctx) {
                    UserService users(ctx.workspace());
                    ctx.print(users
                                  .change(ctx.actor(), ctx.requiredPositional("ACCOUNT"),
                                          ctx.args().option("display-name", ""), rolesOption(ctx))
                                  .toJson());
                    return kOk;
                }});
    addCommand({"user secret", "user secret ACCOUNT  (new secret in FRONTDOOR_NEW_SECRET)",
                "Set a password or PIN: your own, or anyone's as an administrator.", {"new-secret"}, {},
                [](Context& ctx) {
                    UserService users(ctx.workspace());
                    const std::string id = ctx.requiredPositional("ACCOUNT");
                    // The one thing a user whose secret is weaker than the policy may do: change their own.
                    users.setSecret(ctx.actor(id == ctx.userName()), id, newSecret(ctx));
                    ctx.print({{"id", id}, {"secret_changed", true}});
                    return kOk;
                }});
    addCommand({"user disable", "user disable ACCOUNT --reason TEXT",
                "Disable a user (administrator); their past work stays attributed to them.", {"reason"}, {},
                [](Context& ctx) {
                    UserService users(ctx.workspace());
                    const std::string id = ctx.requiredPositional("ACCOUNT");
                    users.disable(ctx.actor(), id, ctx.args().option("reason", ""));
                    ctx.print(users.find(id)->toJson());
                    return kOk;
                }});
    addCommand({"user enable", "user enable ACCOUNT", "Enable a disabled user (administrator).", {}, {},
                [](Context& ctx) {
                    UserService users(ctx.workspace());
                    const std::string id = ctx.requiredPositional("ACCOUNT");
                    users.enable(ctx.actor(), id);
                    ctx.print(users.find(id)->toJson());
                    return kOk;
                }});
    addCommand({"user list", "user list", "Every user with their roles.", {}, {}, [](Context& ctx) {
                    ctx.actor();
                    UserService users(ctx.workspace());
                    auto list = Json::array();
                    for (const auto& user : users.list()) {
                        Json shown = user.toJson();
                        if (const auto until = users.lockedUntil(user.id))
                            shown["sign_in_paused_until"] = formatInstant(*until);
                        list.push_back(shown);
                    }
                    ctx.print({{"users", list}});
                    return kOk;
                }});
    addCommand({"user unlock", "user unlock NAME",
                "Lift the pause on signing in as NAME after too many refused attempts (administrator). Works for "
                "any name, known or not.",
                {}, {}, [](Context& ctx) {
                    UserService users(ctx.workspace());
                    const std::string name = ctx.requiredPositional("NAME");
                    const bool wasPaused = users.unlock(ctx.actor(), name);
                    ctx.print({{"name", signInNameKey(name)}, {"was_paused", wasPaused}});
                    return kOk;
                }});
    addCommand({"user policy", "user policy [--min-pin-digits N] [--min-password-length N] [--idle-lock-minutes N]",
                "Show the secret policy, or set it (administrator): PINs of at least N digits (6-12), passwords "
                "of at least N characters (10-128); weaker secrets must be changed at their next sign-in. The "
                "desktop app locks after --idle-lock-minutes without input (1-60, default 10).",
                {"min-pin-digits", "min-password-length", "idle-lock-minutes"}, {}, [](Context& ctx) {
                    UserService users(ctx.workspace());
                    const Actor actor = ctx.actor();
                    std::optional<int> pin, password;
                    if (ctx.args().option("min-pin-digits"))
                        pin = ctx.intOption("min-pin-digits", 0, 6, 12);
                    if (ctx.args().option("min-password-length"))
                        password = ctx.intOption("min-password-length", 0, 10, 128);
                    std::optional<int> idle;
                    if (ctx.args().option("idle-lock-minutes"))
                        idle = ctx.intOption("idle-lock-minutes", 0, 1, 60);
                    const SecretPolicy policy =
                        pin || password || idle ? users.setPolicy(actor, pin, password, idle) : users.policy();
                    ctx.print(policy.toJson());
                    return kOk;
                }});
    addCommand({"sign-in", "sign-in [--user ACCOUNT] [--role ROLE]  (secret in FRONTDOOR_SECRET)",
                "Check a user's password or PIN and role, and record the sign-in.", {}, {}, [](Context& ctx) {
                    UserService users(ctx.workspace());
                    std::string secret = ctx.args().option("secret", "");
                    if (secret.empty())
                        if (const char* value = std::getenv("FRONTDOOR_SECRET"))
                            secret = value;
                    const Session session = users.signIn(ctx.userName(), secret, ctx.args().option("role", ""));
                    ctx.print({{"user", session.user.toJson()},
                               {"role", session.role},
                               {"must_change_secret", session.mustChangeSecret}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
