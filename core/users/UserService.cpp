#include "users/UserService.h"

#include "users/Roles.h"
#include "util/Errors.h"
#include "util/Text.h"
#include "util/Uuid.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace frontdoor::core {
namespace {

constexpr const char* kUserAdded = "user.added";
constexpr const char* kUserChanged = "user.changed";
constexpr const char* kUserSecretSet = "user.secret_set";
constexpr const char* kUserDisabled = "user.disabled";
constexpr const char* kUserEnabled = "user.enabled";
constexpr const char* kUserSignedIn = "user.signed_in";

const char* kWrongCredentials = "user name or password/PIN not recognised";

std::string joinRoles(const std::vector<std::string>& roles) {
    std::string text;
    for (const auto& role : roles)
        text += (text.empty() ? "" : ",") + role;
    return text;
}

std::string describeRoles(const std::vector<std::string>& roles) {
    std::string text;
    for (size_t i = 0; i < roles.size(); ++i) {
        if (i > 0)
            text += i + 1 == roles.size() ? " or " : ", ";
        text += roleLabel(roles[i]);
    }
    return text;
}

// A PIN of 4-12 digits, or a password of at least 8 characters.
std::optional<std::string> secretProblem(const std::string& secret) {
    const bool digits = !secret.empty() && std::all_of(secret.begin(), secret.end(),
                                                       [](unsigned char c) { return std::isdigit(c); });
    if (digits && secret.size() >= 4 && secret.size() <= 12)
        return std::nullopt;
    if (!digits && secret.size() >= 8)
        return std::nullopt;
    return std::string(digits ? "a PIN must have 4 to 12 digits" : "a password must have at least 8 characters");
}

std::string hashSecret(const std::string& secret) {
    randomBytes(nullptr, 0); // makes sure libsodium is initialised
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, secret.c_str(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw StoreError("not enough memory to protect the password");
    return hash;
}

std::vector<FieldError> checkUser(const std::string& id, const std::string& displayName,
                                  const std::vector<std::string>& roles) {
    std::vector<FieldError> errors;
    if (id.empty())
        errors.push_back({"user", "is required"});
    else if (id.size() > 64 || std::any_of(id.begin(), id.end(), [](unsigned char c) {
                 return !(std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '@' || c == '\\');
             }))
        errors.push_back({"user", quoteExcerpt(id) + " is not an account name (letters, digits and . _ - @ only)"});
    if (displayName.empty())
        errors.push_back({"display_name", "is required"});
    else if (utf8Length(displayName) > 200)
        errors.push_back({"display_name", "is too long (at most 200 characters)"});
    if (roles.empty())
        errors.push_back({"roles", "give at least one role"});
    for (const auto& role : roles)
        if (!isRole(role))
            errors.push_back({"roles", quoteExcerpt(role) + " is not a role (screener, duty_manager, edt_worker, "
                                                      "administrator, auditor)"});
    return errors;
}

void projectUser(Database& db, const Fact& fact) {
    const auto& p = fact.payload;
    if (fact.type == kUserAdded) {
        db.cached("INSERT OR IGNORE INTO app_user(id, display_name, roles, secret_hash, disabled, updated_hlc) "
                  "VALUES (?, ?, ?, ?, 0, ?)")
            .bindAll(fact.subject, p.value("display_name", ""),
                     joinRoles(p.value("roles", std::vector<std::string>{})), p.value("secret_hash", ""),
                     fact.hlc.packed)
            .run();
    } else if (fact.type == kUserChanged) {
        db.cached("UPDATE app_user SET display_name = ?, roles = ?, updated_hlc = ? WHERE id = ?")
            .bindAll(p.value("display_name", ""), joinRoles(p.value("roles", std::vector<std::string>{})),
                     fact.hlc.packed, fact.subject)
            .run();
    } else if (fact.type == kUserSecretSet) {
        db.cached("UPDATE app_user SET secret_hash = ?, updated_hlc = ? WHERE id = ?")
            .bindAll(p.value("secret_hash", ""), fact.hlc.packed, fact.subject)
            .run();
    } else if (fact.type == kUserDisabled || fact.type == kUserEnabled) {
        db.cached("UPDATE app_user SET disabled = ?, updated_hlc = ? WHERE id = ?")
            .bindAll(fact.type == kUserDisabled ? 1 : 0, fact.hlc.packed, fact.subject)
            .run();
    } else if (fact.type == kUserSignedIn) {
        db.cached("UPDATE app_user SET last_signed_in = ? WHERE id = ?")
            .bindAll(formatInstant(fact.recordedAt), fact.subject)
            .run();
    }
}

} // namespace

bool User::hasRole(const std::string& role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

nlohmann::json User::toJson() const {
    return {{"id", id}, {"display_name", displayName}, {"roles", roles}, {"disabled", disabled}};
}

void registerUserProjection(Projections& projections) {
    projections.ownTable("app_user", "id");
    for (const char* type : {kUserAdded, kUserChanged, kUserSecretSet, kUserDisabled, kUserEnabled, kUserSignedIn})
        projections.on(type, projectUser);
}

bool UserService::anyUsers() { return ws_.db().queryInt("SELECT count(*) FROM app_user").value_or(0) > 0; }

std::optional<User> UserService::find(const std::string& id) {
    auto& stmt = ws_.db().cached("SELECT id, display_name, roles, disabled FROM app_user WHERE id = ?");
    stmt.bindAll(id);
    std::optional<User> user;
    if (stmt.step())
        user = User{stmt.text(0), stmt.text(1), splitList(stmt.text(2)), stmt.int64(3) != 0};
    stmt.reset();
    return user;
}

std::vector<User> UserService::list() {
    std::vector<User> users;
    auto stmt = ws_.db().prepare("SELECT id, display_name, roles, disabled FROM app_user ORDER BY id");
    while (stmt.step())
        users.push_back(User{stmt.text(0), stmt.text(1), splitList(stmt.text(2)), stmt.int64(3) != 0});
    return users;
}

void UserService::require(const Actor& actor, const std::vector<std::string>& allowed, const std::string& action) {
    const auto user = find(actor.userId);
    if (!user)
        throw ForbiddenError(action + " needs a signed-in user; \"" + actor.userId + "\" is not a Frontdoor user");
    if (user->disabled)
        throw ForbiddenError(actor.userId + "'s account is disabled");
    if (!user->hasRole(actor.role))
        throw ForbiddenError(actor.userId + " does not hold the " + roleLabel(actor.role) + " role");
    if (std::find(allowed.begin(), allowed.end(), actor.role) == allowed.end())
        throw ForbiddenError(action + " needs the " + describeRoles(allowed) + " role; " + actor.userId +
                             " is acting as " + roleLabel(actor.role));
}

void UserService::requireAdministrator(const Actor& by, const std::string& action) {
    require(by, {role::kAdministrator}, action);
}

User UserService::add(const std::optional<Actor>& by, const std::string& id, const std::string& displayName,
                      const std::vector<std::string>& roles, const std::string& secret) {
    const bool first = !anyUsers();
    if (!first) {
        if (!by)
            throw ForbiddenError("Adding a user needs the administrator role");
        requireAdministrator(*by, "Adding a user");
    }
    auto errors = checkUser(id, displayName, roles);
    if (const auto problem = secretProblem(secret))
        errors.push_back({"secret", *problem});
    if (first && std::find(roles.begin(), roles.end(), role::kAdministrator) == roles.end())
        errors.push_back({"roles", "the first user must be an administrator, so that someone can add the others"});
    if (errors.empty() && find(id))
        errors.push_back({"user", "\"" + id + "\" already exists"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    const Actor actor = by.value_or(Actor{id, role::kAdministrator});
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, kUserAdded, id,
                       {{"display_name", displayName}, {"roles", roles}, {"secret_hash", hashSecret(secret)}});
    scope.commit();
    return *find(id);
}

User UserService::change(const Actor& by, const std::string& id, const std::string& displayName,
                         const std::vector<std::string>& roles) {
    requireAdministrator(by, "Changing a user");
    if (!find(id))
        throw NotFoundError("no user \"" + id + "\"");
    auto errors = checkUser(id, displayName, roles);
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    WriteScope scope(ws_.db());
    ws_.facts().append(by, kUserChanged, id, {{"display_name", displayName}, {"roles", roles}});
    scope.commit();
    return *find(id);
}

void UserService::setSecret(const Actor& by, const std::string& id, const std::string& secret) {
    if (by.userId != id)
        requireAdministrator(by, "Resetting another user's password or PIN");
    else
        require(by, allRoles(), "Changing your password or PIN");
    if (!find(id))
        throw NotFoundError("no user \"" + id + "\"");
    if (const auto problem = secretProblem(secret))
        throw ValidationError("secret", *problem);
    WriteScope scope(ws_.db());
    ws_.facts().append(by, kUserSecretSet, id, {{"secret_hash", hashSecret(secret)}});
    scope.commit();
}

void UserService::disable(const Actor& by, const std::string& id, const std::string& reason) {
    requireAdministrator(by, "Disabling a user");
    if (!find(id))
        throw NotFoundError("no user \"" + id + "\"");
    if (by.userId == id)
        throw ConflictError("you cannot disable your own account; ask another administrator");
    WriteScope scope(ws_.db());
    ws_.facts().append(by, kUserDisabled, id, {{"reason", reason}});
    scope.commit();
}

void UserService::enable(const Actor& by, const std::string& id) {
    requireAdministrator(by, "Enabling a user");
    if (!find(id))
        throw NotFoundError("no user \"" + id + "\"");
    WriteScope scope(ws_.db());
    ws_.facts().append(by, kUserEnabled, id, Json::object());
    scope.commit();
}

Session UserService::signIn(const std::string& id, const std::string& secret, const std::string& role) {
    Session session = authenticate(id, secret, role);
    WriteScope scope(ws_.db());
    ws_.facts().append(session.actor(), kUserSignedIn, id, Json::object());
    scope.commit();
    return session;
}

Session UserService::authenticate(const std::string& id, const std::string& secret, const std::string& role) {
    auto& stmt = ws_.db().cached("SELECT secret_hash FROM app_user WHERE id = ?");
    stmt.bindAll(id);
    std::string hash;
    if (stmt.step())
        hash = stmt.text(0);
    stmt.reset();
    if (hash.empty() || crypto_pwhash_str_verify(hash.c_str(), secret.c_str(), secret.size()) != 0)
        throw ForbiddenError(kWrongCredentials);
    const User user = *find(id);
    if (user.disabled)
        throw ForbiddenError(id + "'s account is disabled; ask an administrator");
    const std::string chosen = role.empty() && !user.roles.empty() ? user.roles.front() : role;
    if (!user.hasRole(chosen))
        throw ForbiddenError(id + " does not hold the " + roleLabel(chosen) + " role (holds: " +
                             describeRoles(user.roles) + ")");
    return Session{user, chosen};
}

} // namespace frontdoor::core
