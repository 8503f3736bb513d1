#pragma once
// Users, their roles, and signing in. A user is known by their operating-system account name and
// proves it with a password or PIN, stored only as a libsodium Argon2id hash. Administrators add,
// change and disable users; each of those is a fact, so every desk learns of it when desks share work.
//
// Who a user is, what they may do and whether they may sign in are read from their facts (an indexed
// query by subject and type), never from the app_user table: that table is only what screens list, and
// editing it with a SQLite shell gives nobody any rights.
//
// Fact types (subject = user id; for refusals, pauses and lifted pauses "sign-in:" and the name as
// typed, at most 64 bytes, so that no typed name can put a fact into another record's timeline):
//   user.added          {display_name, roles[], secret_hash}
//   user.changed        {display_name, roles[]}
//   user.secret_set     {secret_hash}
//   user.disabled       {reason}
//   user.enabled        {}
//   user.signed_in      {}
//   user.sign_in_failed {}                        a wrong secret, an unknown name or a disabled account
//   user.locked_out     {until, minutes, failures} after every 5th failure in a row: 1, 5, then 30 minutes
//   user.unlocked       {}                        an administrator lifted the lockout early
// and (subject "secret_policy"):
//   secret_policy.set   {min_pin_digits, min_password_length}

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
    /// The secret they signed in with is weaker than the current policy: they must set a new one
    /// before doing anything else.
    bool mustChangeSecret = false;
    Actor actor() const { return {user.id, role}; }
};

/// What a password or PIN must be, as an administrator set it (defaults until they do). Besides the
/// lengths: a PIN is digits only, at most 12, neither one repeated digit (111111) nor a run (123456,
/// 987654); a password is not one repeated character.
struct SecretPolicy {
    int minPinDigits = 6;
    int minPasswordLength = 10;
    /// The desktop app locks after this many minutes without input (1-60).
    int idleLockMinutes = 10;
    nlohmann::json toJson() const;
    /// What is wrong with `secret` under this policy, in words, or nothing.
    std::optional<std::string> problem(const std::string& secret) const;
};

/// Attempts in a row, for one name, after which sign-in pauses; and how long each pause lasts.
inline constexpr int kSignInAttemptsBeforeLockout = 5;

class UserService {
public:
    explicit UserService(Workspace& workspace) : ws_(workspace) {}

    /// True once any user exists. Until then the only thing anyone may do is add the first
    /// administrator (so a new database is never left open to all).
    bool anyUsers();

    /// Adds a user. `by` must be an administrator, except for the very first user, who must be given
    /// the administrator role. The secret must meet the secret policy.
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

    /// Checks the secret and the role. An unknown name, a disabled account and a wrong secret do the
    /// same work (one Argon2id verification) and get the same ForbiddenError, and each is recorded as
    /// a user.sign_in_failed fact (the one kind of refusal that changes the record). After every 5th
    /// failure in a row for a name, sign-in as that name pauses (1, then 5, then 30 minutes, by the
    /// workspace clock; recorded as user.locked_out) whether or not the name exists; during a pause
    /// every attempt is refused, even with the right secret. A role the user does not hold is refused
    /// with a clear message. Records the sign-in as a fact.
    Session signIn(const std::string& id, const std::string& secret, const std::string& role);

    /// signIn without recording a successful sign-in (failures and lockouts are recorded; a success
    /// after failures is recorded, so the count starts again): for the CLI, which proves the user on
    /// every command.
    Session authenticate(const std::string& id, const std::string& secret, const std::string& role);

    /// When sign-in as `name` is paused until, if it is now.
    std::optional<Instant> lockedUntil(const std::string& name);
    /// An administrator lifts a pause on sign-in as `name` (known or not) and starts its count of
    /// failures again. Returns whether sign-in was paused.
    bool unlock(const Actor& by, const std::string& name);

    /// The secret policy in force.
    SecretPolicy policy();
    /// An administrator sets the policy; an option not given keeps its current value. Users whose
    /// secret is weaker must change it when they next sign in.
    SecretPolicy setPolicy(const Actor& by, std::optional<int> minPinDigits, std::optional<int> minPasswordLength,
                           std::optional<int> idleLockMinutes = std::nullopt);

    /// Throws ForbiddenError unless `actor` is an enabled user holding `actor.role`, and that role is
    /// one of `allowed`. The message names the role(s) needed, e.g. "Signing off needs the duty manager role".
    void require(const Actor& actor, const std::vector<std::string>& allowed, const std::string& action);

private:
    struct Account;
    std::optional<Account> account(const std::string& id);
    Session check(const std::string& id, const std::string& secret, const std::string& role, bool recordSuccess);
    void requireAdministrator(const Actor& by, const std::string& action);
    Workspace& ws_;
};

/// Registers the `app_user` projection and how the user facts read in a timeline.
void registerUserProjection(Projections& projections);

/// The name as typed at sign-in, as it is recorded: at most 64 bytes, anything but letters, digits and
/// . _ - @ \ replaced by '?', "(empty)" for nothing.
std::string signInNameKey(const std::string& typed);

} // namespace frontdoor::core
