#pragma once
// Users, their roles, and signing in. A user is known by their operating-system account name and
// proves it with a password or PIN, stored only as a libsodium Argon2id hash. Administrators add,
// change and disable users; each of those is a fact, so every desk learns of it when desks share work.
//
// Fact types (subject = user id):
//   user.added          {display_name, roles[], secret_hash}
//   user.changed        {display_name, roles[]}
//   user.secret_set     {secret_hash}
//   user.disabled       {reason}
//   user.enabled        {}
//   user.signed_in      {}

#include "Workspace.h"
#include "store/Fact.h"

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

struct User {
    std::string id;          ///< the operating-system account name, e.g. "sam.screener"
    std::string displayName; ///< e.g. "Sam Screener"
    std::vector<std::string> roles;
    bool disabled = false;

    bool hasRole(const std::string& role) const;
    nlohmann::json toJson() const;
};

/// A signed-in user acting in one of their roles.
struct Session {
    User user;
    std::string role;
    Actor actor() const { return {user.id, role}; }
};

class UserService {
public:
    explicit UserService(Workspace& workspace) : ws_(workspace) {}

    /// True once any user exists. Until then the only thing anyone may do is add the first
    /// administrator (so a new database is never left open to all).
    bool anyUsers();

    /// Adds a user. `by` must be an administrator, except for the very first user, who must be given
    /// the administrator role. The secret is a PIN of 4 to 12 digits or a password of 8 characters or more.
    User add(const std::optional<Actor>& by, const std::string& id, const std::string& displayName,
             const std::vector<std::string>& roles, const std::string& secret);
    User change(const Actor& by, const std::string& id, const std::string& displayName,
                const std::vector<std::string>& roles);
    /// An administrator resets anyone's secret; a user may change their own (acting in any role).
    void setSecret(const Actor& by, const std::string& id, const std::string& secret);
    void disable(const Actor& by, const std::string& id, const std::string& reason);
    void enable(const Actor& by, const std::string& id);

    std::optional<User> find(const std::string& id);
    std::vector<User> list();

    /// Checks the secret and the role. Throws ForbiddenError with one message for an unknown user or a
    /// wrong secret (so it does not reveal which), and a clear one for a disabled user or a role the
    /// user does not hold. Records the sign-in as a fact.
    Session signIn(const std::string& id, const std::string& secret, const std::string& role);

    /// signIn without recording it: for the CLI, which proves the user on every command.
    Session authenticate(const std::string& id, const std::string& secret, const std::string& role);

    /// Throws ForbiddenError unless `actor` is an enabled user holding `actor.role`, and that role is
    /// one of `allowed`. The message names the role(s) needed, e.g. "Signing off needs the duty manager role".
    void require(const Actor& actor, const std::vector<std::string>& allowed, const std::string& action);

private:
    void requireAdministrator(const Actor& by, const std::string& action);
    Workspace& ws_;
};

/// Registers the `app_user` projection.
void registerUserProjection(Projections& projections);

} // namespace frontdoor::core
