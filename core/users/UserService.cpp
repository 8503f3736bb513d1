#include "users/UserService.h"

#include "time/UkTime.h"
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
constexpr const char* kUserSignInFailed = "user.sign_in_failed";
constexpr const char* kUserLockedOut = "user.locked_out";
constexpr const char* kUserUnlocked = "user.unlocked";
constexpr const char* kSecretPolicySet = "secret_policy.set";
constexpr const char* kSecretPolicySubject = "secret_policy";

const char* kWrongCredentials = "user name or password/PIN not recognised";

// Who a failed sign-in was by is exactly what is not known.
const Actor kNotSignedIn{"(not signed in)", ""};

// An unknown name and a disabled account are checked against this hash (of 32 random bytes nobody
// kept, with the same Argon2id parameters as every real one), so that they cost what a wrong secret
// costs and their refusal cannot be told from it by timing.
const char* kDummyHash =
    "$argon2id$v=19$m=65536,t=2,p=1$NLMpP6j9jFfzpIzSd8+V0Q$DG5VnqH25Cl4hdLqbfK8Zy853HaNS2fFsX2USVIK8e8";

// The pause after the 1st, 2nd and later lockouts in a row.
int lockoutMinutes(int64_t lockoutNumber) { return lockoutNumber <= 1 ? 1 : lockoutNumber == 2 ? 5 : 30; }

// Characters, not bytes, of UTF-8 text.
size_t characterCount(const std::string& text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(),
                                             [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

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

std::string signInNameKey(const std::string& typed) {
    if (typed.empty())
        return "(empty)";
    std::string key = typed.substr(0, 64);
    for (auto& c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '@' ||
              c == '\\'))
            c = '?';
    return key;
}

nlohmann::json SecretPolicy::toJson() const {
    return {{"min_pin_digits", minPinDigits},
            {"min_password_length", minPasswordLength},
            {"idle_lock_minutes", idleLockMinutes}};
}

std::optional<std::string> SecretPolicy::problem(const std::string& secret) const {
    const bool digits = !secret.empty() && std::all_of(secret.begin(), secret.end(),
                                                       [](unsigned char c) { return std::isdigit(c); });
    const std::string either =
        digits ? " (or use a password of at least " + std::to_string(minPasswordLength) + " characters)"
               : " (or use a PIN of at least " + std::to_string(minPinDigits) + " digits)";
    if (digits) {
        if (secret.size() > 12)
            return "a PIN has at most 12 digits" + either;
        if (static_cast<int>(secret.size()) < minPinDigits)
            return "a PIN needs at least " + std::to_string(minPinDigits) + " digits" + either;
        if (std::all_of(secret.begin(), secret.end(), [&](char c) { return c == secret.front(); }))
            return std::string("a PIN of one repeated digit (such as 111111) is too easy to guess");
        for (const int step : {1, 9}) { // counting up, or down (9 = -1 modulo 10)
            bool run = true;
            for (size_t i = 1; i < secret.size() && run; ++i)
                run = (secret[i] - '0') == ((secret[i - 1] - '0') + step) % 10;
            if (run)
                return std::string("a PIN that counts up or down (such as 123456 or 987654) is too easy to guess");
        }
        return std::nullopt;
    }
    const size_t characters = characterCount(secret);
    if (characters > 256)
        return std::string("a password has at most 256 characters");
    if (static_cast<int>(characters) < minPasswordLength)
        return "a password needs at least " + std::to_string(minPasswordLength) + " characters" + either;
    if (std::all_of(secret.begin(), secret.end(), [&](char c) { return c == secret.front(); }))
        return std::string("a password of one repeated character is too easy to guess");
    return std::nullopt;
}

void registerUserProjection(Projections& projections) {
    projections.ownTable("app_user", "id", "id IN (SELECT subject FROM temp.fd_reproject)");
    for (const char* type : {kUserAdded, kUserChanged, kUserSecretSet, kUserDisabled, kUserEnabled, kUserSignedIn})
        projections.on(type, projectUser);
    projections.describe(kUserAdded, [](const Fact& f) { return "User added: " + f.subject; });
    projections.describe(kUserChanged, [](const Fact& f) { return "User changed: " + f.subject; });
    projections.describe(kUserSecretSet, [](const Fact& f) { return "Password or PIN set for " + f.subject; });
    projections.describe(kUserDisabled, [](const Fact& f) { return "User disabled: " + f.subject; });
    projections.describe(kUserEnabled, [](const Fact& f) { return "User enabled: " + f.subject; });
    projections.describe(kUserSignedIn, [](const Fact& f) { return "Signed in: " + f.subject; });
    projections.describe(kUserSignInFailed, [](const Fact& f) { return "Sign-in refused (" + f.subject + ")"; });
    projections.describe(kUserLockedOut, [](const Fact& f) {
        return "Sign-in paused (" + f.subject + ") for " + std::to_string(f.payload.value("minutes", 0)) +
               " minute(s) after " + std::to_string(f.payload.value("failures", 0)) + " refusals";
    });
    projections.describe(kUserUnlocked, [](const Fact& f) { return "Sign-in pause lifted (" + f.subject + ")"; });
    projections.describe(kSecretPolicySet, [](const Fact& f) {
        return "Secret policy set: PIN of at least " + std::to_string(f.payload.value("min_pin_digits", 0)) +
               " digits or password of at least " + std::to_string(f.payload.value("min_password_length", 0)) +
               " characters; the desk locks after " + std::to_string(f.payload.value("idle_lock_minutes", 10)) +
               " minutes without input";
    });
}

// A user as their facts say: never the app_user table, which is only what screens list.
struct UserService::Account {
    User user;
    std::string secretHash;
};

std::optional<UserService::Account> UserService::account(const std::string& id) {
    // INDEXED BY: by subject alone the planner would read every sign-in and search of the user too.
    auto& stmt = ws_.db().cached("SELECT type, payload FROM facts INDEXED BY facts_by_subject_type "
                                 "WHERE subject = ? AND type IN "
                                 "('user.added', 'user.changed', 'user.secret_set', 'user.disabled', 'user.enabled') "
                                 "ORDER BY hlc, device_id, id");
    stmt.bindAll(id);
    std::optional<Account> found;
    try {
        while (stmt.step()) {
            const std::string type = stmt.text(0);
            const Json payload = Json::parse(stmt.text(1));
            if (type == kUserAdded) {
                if (found)
                    continue; // added twice (two desks): the first stands, as in the projection
                found = Account{User{id, payload.value("display_name", ""),
                                     payload.value("roles", std::vector<std::string>{}), false},
                                payload.value("secret_hash", "")};
            } else if (!found) {
                continue;
            } else if (type == kUserChanged) {
                found->user.displayName = payload.value("display_name", "");
                found->user.roles = payload.value("roles", std::vector<std::string>{});
            } else if (type == kUserSecretSet) {
                found->secretHash = payload.value("secret_hash", "");
            } else {
                found->user.disabled = type == kUserDisabled;
            }
        }
    } catch (...) {
        stmt.reset();
        throw;
    }
    stmt.reset();
    return found;
}

bool UserService::anyUsers() {
    return ws_.db().queryInt("SELECT EXISTS (SELECT 1 FROM facts WHERE type = 'user.added')").value_or(0) != 0;
}

std::optional<User> UserService::find(const std::string& id) {
    auto found = account(id);
    if (!found)
        return std::nullopt;
    return std::move(found->user);
}

std::vector<User> UserService::list() {
    std::vector<std::string> ids;
    auto stmt = ws_.db().prepare("SELECT DISTINCT subject FROM facts WHERE type = 'user.added' ORDER BY subject");
    while (stmt.step())
        ids.push_back(stmt.text(0));
    std::vector<User> users;
    for (const auto& id : ids)
        if (auto user = find(id))
            users.push_back(std::move(*user));
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
    if (const auto problem = policy().problem(secret))
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
    if (const auto problem = policy().problem(secret))
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
    return check(id, secret, role, true);
}

Session UserService::authenticate(const std::string& id, const std::string& secret, const std::string& role) {
    return check(id, secret, role, false);
}

namespace {

// The newest fact of `type` about `subject`, as (hlc, payload); hlc 0 when there is none.
std::pair<int64_t, std::string> newest(Database& db, const std::string& subject, const char* type,
                                       int64_t after = 0) {
    auto& stmt = db.cached("SELECT hlc, payload FROM facts WHERE subject = ? AND type = ? AND hlc > ? "
                           "ORDER BY hlc DESC LIMIT 1");
    stmt.bindAll(subject, type, after);
    std::pair<int64_t, std::string> found{0, ""};
    if (stmt.step())
        found = {stmt.int64(0), stmt.text(1)};
    stmt.reset();
    return found;
}

int64_t countSince(Database& db, const std::string& subject, const char* type, int64_t after) {
    auto& stmt = db.cached("SELECT count(*) FROM facts WHERE subject = ? AND type = ? AND hlc > ?");
    stmt.bindAll(subject, type, after);
    const int64_t count = stmt.step() ? stmt.int64(0) : 0;
    stmt.reset();
    return count;
}

// Where the count of failures in a row starts: the last successful sign-in or lifted pause.
// Refusals, pauses and lifted pauses are about "sign-in:NAME", never NAME itself: a name typed at
// sign-in may be anything, such as a contact's id, and must not put facts into that record's timeline.
std::string attemptsSubject(const std::string& key) { return "sign-in:" + key; }

int64_t countStart(Database& db, const std::string& key) {
    return std::max(newest(db, key, kUserSignedIn).first, newest(db, attemptsSubject(key), kUserUnlocked).first);
}

std::optional<Instant> pausedUntil(Database& db, const std::string& key, Instant now) {
    const auto lockout = newest(db, attemptsSubject(key), kUserLockedOut, countStart(db, key));
    if (lockout.first == 0)
        return std::nullopt;
    const auto until = parseInstant(Json::parse(lockout.second).value("until", ""));
    if (!until || *until <= now)
        return std::nullopt;
    return until;
}

std::string pausedMessage(const std::string& key, Instant until) {
    return "too many refused sign-ins as " + key + ": signing in as " + key + " is paused until " +
           formatUkTime(until) + " (UK time); try again then, or ask an administrator to lift the pause "
           "(frontdoor-cli user unlock " + key + ")";
}

} // namespace

std::optional<Instant> UserService::lockedUntil(const std::string& name) {
    return pausedUntil(ws_.db(), signInNameKey(name), ws_.clock().now());
}

bool UserService::unlock(const Actor& by, const std::string& name) {
    requireAdministrator(by, "Lifting a sign-in pause");
    const std::string key = signInNameKey(name);
    WriteScope scope(ws_.db());
    const bool paused = pausedUntil(ws_.db(), key, ws_.clock().now()).has_value();
    ws_.facts().append(by, kUserUnlocked, attemptsSubject(key), Json::object());
    scope.commit();
    return paused;
}

SecretPolicy UserService::policy() {
    SecretPolicy policy;
    const auto set = newest(ws_.db(), kSecretPolicySubject, kSecretPolicySet);
    if (set.first != 0) {
        const Json payload = Json::parse(set.second);
        policy.minPinDigits = payload.value("min_pin_digits", policy.minPinDigits);
        policy.minPasswordLength = payload.value("min_password_length", policy.minPasswordLength);
        policy.idleLockMinutes = payload.value("idle_lock_minutes", policy.idleLockMinutes);
    }
    return policy;
}

SecretPolicy UserService::setPolicy(const Actor& by, std::optional<int> minPinDigits,
                                    std::optional<int> minPasswordLength, std::optional<int> idleLockMinutes) {
    requireAdministrator(by, "Setting the secret policy");
    const SecretPolicy defaults;
    SecretPolicy changed = policy();
    std::vector<FieldError> errors;
    if (minPinDigits && (*minPinDigits < defaults.minPinDigits || *minPinDigits > 12))
        errors.push_back({"min_pin_digits", "must be from " + std::to_string(defaults.minPinDigits) + " to 12"});
    if (minPasswordLength && (*minPasswordLength < defaults.minPasswordLength || *minPasswordLength > 128))
        errors.push_back({"min_password_length",
                          "must be from " + std::to_string(defaults.minPasswordLength) + " to 128"});
    if (idleLockMinutes && (*idleLockMinutes < 1 || *idleLockMinutes > 60))
        errors.push_back({"idle_lock_minutes", "must be from 1 to 60"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    changed.idleLockMinutes = idleLockMinutes.value_or(changed.idleLockMinutes);
    changed.minPinDigits = minPinDigits.value_or(changed.minPinDigits);
    changed.minPasswordLength = minPasswordLength.value_or(changed.minPasswordLength);
    WriteScope scope(ws_.db());
    ws_.facts().append(by, kSecretPolicySet, kSecretPolicySubject, changed.toJson());
    scope.commit();
    return changed;
}

Session UserService::check(const std::string& id, const std::string& secret, const std::string& role,
                           bool recordSuccess) {
    randomBytes(nullptr, 0); // makes sure libsodium is initialised
    Database& db = ws_.db();
    const std::string key = signInNameKey(id);
    if (const auto until = pausedUntil(db, key, ws_.clock().now()))
        throw ForbiddenError(pausedMessage(key, *until));
    // Unknown, disabled and wrong: the same Argon2id work, the same answer.
    const auto found = key == id ? account(id) : std::nullopt;
    const bool usable = found && !found->user.disabled && !found->secretHash.empty();
    const std::string& hash = usable ? found->secretHash : std::string(kDummyHash);
    const bool verified = crypto_pwhash_str_verify(hash.c_str(), secret.c_str(), secret.size()) == 0;
    if (!usable || !verified) {
        // The one refusal that changes the record: a security event, and the count that pauses sign-in.
        WriteScope scope(db);
        const std::string subject = attemptsSubject(key);
        ws_.facts().append(kNotSignedIn, kUserSignInFailed, subject, Json::object());
        const int64_t start = countStart(db, key);
        const int64_t failures = countSince(db, subject, kUserSignInFailed, start);
        std::string paused;
        if (failures % kSignInAttemptsBeforeLockout == 0) {
            const int minutes = lockoutMinutes(countSince(db, subject, kUserLockedOut, start) + 1);
            const Instant until = ws_.clock().now() + std::chrono::minutes(minutes);
            ws_.facts().append(kNotSignedIn, kUserLockedOut, subject,
                               {{"until", formatInstant(until)}, {"minutes", minutes}, {"failures", failures}});
            paused = "; " + pausedMessage(key, until);
        }
        scope.commit();
        throw ForbiddenError(kWrongCredentials + paused);
    }
    const User& user = found->user;
    const std::string chosen = role.empty() && !user.roles.empty() ? user.roles.front() : role;
    if (!user.hasRole(chosen))
        throw ForbiddenError(id + " does not hold the " + roleLabel(chosen) + " role (holds: " +
                             describeRoles(user.roles) + ")");
    Session session{user, chosen, policy().problem(secret).has_value()};
    // A sign-in after refusals is always recorded: it is what starts their count again.
    const int64_t start = countStart(db, key);
    if (recordSuccess || countSince(db, attemptsSubject(key), kUserSignInFailed, start) > 0) {
        WriteScope scope(db);
        ws_.facts().append(session.actor(), kUserSignedIn, id, Json::object());
        scope.commit();
    }
    return session;
}

} // namespace frontdoor::core
