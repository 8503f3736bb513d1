// Users and roles: sign-in with an Argon2id-protected password or PIN; administrators manage users;
// core checks the role and names the one needed.
#include "TestSupport.h"

#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace frontdoor;

namespace {

struct Users {
    test::TestWorkspace t{false};
    core::UserService users{*t.ws};
    core::Actor admin{"ada.admin", core::role::kAdministrator};

    Users() {
        users.add(std::nullopt, "ada.admin", "Ada Admin", {"administrator"}, "749163");
        users.add(admin, "sam.screener", "Sam Screener", {"screener", "edt_worker"}, "417205");
    }
};

} // namespace

TEST_CASE("the first user of a new database must be an administrator", "[users]") {
    test::TestWorkspace t(false);
    core::UserService users(*t.ws);
    CHECK_FALSE(users.anyUsers());
    CHECK_THROWS_WITH(users.add(std::nullopt, "sam.screener", "Sam", {"screener"}, "417205"),
                      Catch::Contains("first user must be an administrator"));
    users.add(std::nullopt, "ada.admin", "Ada Admin", {"administrator"}, "749163");
    CHECK(users.anyUsers());
    // From now on, adding a user needs an administrator.
    CHECK_THROWS_AS(users.add(std::nullopt, "x.y", "X", {"screener"}, "417205"), core::ForbiddenError);
}

TEST_CASE("signing in checks the secret, the account and the role", "[users]") {
    Users u;
    const auto session = u.users.signIn("sam.screener", "417205", "edt_worker");
    CHECK(session.actor().role == "edt_worker");
    CHECK(u.users.signIn("sam.screener", "417205", "").role == "screener"); // first role by default
    CHECK_THROWS_WITH(u.users.signIn("sam.screener", "417206", ""), Catch::Contains("not recognised"));
    CHECK_THROWS_WITH(u.users.signIn("nobody", "417205", ""), Catch::Contains("not recognised"));
    CHECK_THROWS_WITH(u.users.signIn("sam.screener", "417205", "duty_manager"),
                      Catch::Contains("does not hold the duty manager role"));
    SECTION("sign-ins, and refused ones, are part of the record") {
        const auto facts = u.t.ws->facts().factsAbout("sam.screener");
        const auto signedIn = [](const core::Fact& f) { return f.type == "user.signed_in"; };
        CHECK(std::count_if(facts.begin(), facts.end(), signedIn) == 2);
        // the wrong PIN; a role not held is not a refused sign-in
        CHECK(u.t.ws->facts().factsAbout("sign-in:sam.screener").back().type == "user.sign_in_failed");
    }
    SECTION("the secret is stored only as an Argon2id hash") {
        const auto hash = u.t.ws->db().queryText("SELECT secret_hash FROM app_user WHERE id = 'sam.screener'");
        CHECK(hash->rfind("$argon2id$", 0) == 0);
        CHECK(hash->find("417205") == std::string::npos);
    }
}

TEST_CASE("a PIN has 6 to 12 digits and no pattern, a password at least 10 characters", "[users]") {
    Users u;
    for (const char* weak : {"123", "41720", "abcdefghi", "1234567890123", "111111", "123456", "987654", "890123",
                             "aaaaaaaaaaaa"})
        CHECK_THROWS_AS(u.users.add(u.admin, "new.user", "New", {"screener"}, weak), core::ValidationError);
    CHECK_NOTHROW(u.users.add(u.admin, "new.user", "New", {"screener"}, "correct horse"));
    CHECK_NOTHROW(u.users.add(u.admin, "new.user2", "New", {"screener"}, "385027"));
}

TEST_CASE("administrators change and disable users; others may not", "[users]") {
    Users u;
    const core::Actor screener{"sam.screener", "screener"};
    CHECK_THROWS_WITH(u.users.add(screener, "x.y", "X", {"screener"}, "417205"),
                      Catch::Contains("needs the administrator role"));
    u.users.change(u.admin, "sam.screener", "Sam Screener", {"screener", "duty_manager"});
    CHECK(u.users.find("sam.screener")->hasRole("duty_manager"));
    u.users.disable(u.admin, "sam.screener", "left the team");
    // Disabled says what a wrong secret says, so a right guess at a disabled account is not confirmed.
    CHECK_THROWS_WITH(u.users.signIn("sam.screener", "417205", ""), Catch::Contains("not recognised"));
    CHECK_THROWS_WITH(u.users.require(screener, {"screener"}, "Recording a contact"), Catch::Contains("disabled"));
    CHECK_THROWS_AS(u.users.disable(u.admin, "ada.admin", ""), core::ConflictError);
    u.users.enable(u.admin, "sam.screener");
    CHECK_NOTHROW(u.users.signIn("sam.screener", "417205", ""));
    SECTION("a user changes their own PIN; an administrator resets anyone's") {
        u.users.setSecret(screener, "sam.screener", "246813");
        CHECK_NOTHROW(u.users.signIn("sam.screener", "246813", ""));
        CHECK_THROWS_AS(u.users.setSecret(screener, "ada.admin", "1357"), core::ForbiddenError);
    }
}

TEST_CASE("a refusal names the role needed", "[users]") {
    Users u;
    CHECK_THROWS_WITH(u.users.require({"sam.screener", "screener"}, {"duty_manager"}, "Signing off"),
                      Catch::Equals("Signing off needs the duty manager role; sam.screener is acting as screener"));
    CHECK_THROWS_WITH(u.users.require({"sam.screener", "duty_manager"}, {"duty_manager"}, "Signing off"),
                      Catch::Contains("does not hold the duty manager role"));
}
