// Issue 10, points 3, 5 and part of 6: accounts and reads.
//  - Authorisation follows the user's facts: a hand-edited app_user table gives nobody any rights.
//  - Sign-in: a growing pause after 5 refusals in a row, for any name; unknown, disabled and wrong
//    refused alike; refusals and pauses recorded as facts; an administrator lifts a pause.
//  - A secret policy an administrator sets; a weaker secret must be changed before anything else.
//  - Reading personal data needs a signed-in user; searches are logged.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "users/UserService.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <sodium.h>

#include <regex>

using namespace frontdoor;

namespace {

// A database with the test team on a file, for the CLI run in-process (on the system clock) as well.
struct AccountsDb {
    test::TestWorkspace t;
    std::string path = t.ws->db().path();
    core::UserService users{*t.ws};

    std::vector<std::string> as(const std::string& user, const std::string& secret, std::vector<std::string> words,
                                const std::string& role = "") const {
        words.insert(words.end(), {"--db", path, "--user", user, "--secret", secret});
        if (!role.empty())
            words.insert(words.end(), {"--role", role});
        return words;
    }
    std::vector<std::string> anonymous(std::vector<std::string> words) const {
        words.insert(words.end(), {"--db", path});
        return words;
    }
    int64_t factsOfType(const std::string& type) {
        return t.ws->db().lookupInt("SELECT count(*) FROM facts WHERE type = ?", type).value_or(0);
    }
    std::string refusal(const std::string& user, const std::string& secret) {
        try {
            users.signIn(user, secret, "");
        } catch (const core::ForbiddenError& e) {
            return e.what();
        }
        return "(signed in)";
    }
};

std::string hashOf(const std::string& secret) {
    char text[crypto_pwhash_STRBYTES];
    REQUIRE(sodium_init() >= 0);
    REQUIRE(crypto_pwhash_str(text, secret.c_str(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0);
    return text;
}

// The same words with the name taken out, to compare refusals for two names.
std::string withoutName(std::string text, const std::string& name) {
    return std::regex_replace(text, std::regex(std::regex_replace(name, std::regex(R"([.\\])"), R"(\$&)")), "NAME");
}

} // namespace

TEST_CASE("accounts: a hand-edited app_user table gives no rights", "[security][accounts]") {
    AccountsDb db;
    SECTION("roles written into the table are not roles") {
        db.t.ws->db().exec("UPDATE app_user SET roles = 'screener,administrator' WHERE id = 'sam.screener'");
        CHECK_THROWS_AS(db.users.require({"sam.screener", "administrator"}, {"administrator"}, "Adding a user"),
                        core::ForbiddenError);
        const auto add = test::runCli(db.as("sam.screener", test::kTestPin,
                                            {"user", "add", "eve.il", "--display-name", "Evil", "--roles",
                                             "administrator", "--new-secret", "385027"},
                                            "administrator"));
        CHECK(add.exitCode == 3);
        CHECK_FALSE(db.users.find("eve.il"));
        CHECK(db.users.find("sam.screener")->roles == std::vector<std::string>{"screener"});
    }
    SECTION("a secret hash written into the table does not sign anyone in") {
        db.t.ws->db()
            .prepare("UPDATE app_user SET secret_hash = ? WHERE id = 'ada.admin'")
            .bindAll(hashOf("385027"))
            .run();
        CHECK(test::runCli(db.as("ada.admin", "385027", {"user", "list"})).exitCode == 3);
        CHECK(test::runCli(db.as("ada.admin", test::kTestPin, {"user", "list"})).exitCode == 0);
    }
    SECTION("clearing disabled in the table does not enable an account") {
        db.users.disable(db.t.admin, "sam.screener", "left the team");
        db.t.ws->db().exec("UPDATE app_user SET disabled = 0");
        CHECK_THROWS_AS(db.users.signIn("sam.screener", test::kTestPin, ""), core::ForbiddenError);
        CHECK_THROWS_AS(db.users.require(db.t.screener, {"screener"}, "Recording a contact"), core::ForbiddenError);
    }
    SECTION("emptying the table does not open the database to a new first administrator") {
        db.t.ws->db().exec("DELETE FROM app_user");
        CHECK(db.users.anyUsers());
        const auto add = test::runCli(db.anonymous({"user", "add", "eve.il", "--display-name", "Evil", "--roles",
                                                    "administrator", "--new-secret", "385027"}));
        CHECK(add.exitCode == 3);
        CHECK_FALSE(db.users.find("eve.il"));
    }
}

TEST_CASE("accounts: five refusals in a row pause sign-in for 1, then 5, then 30 minutes", "[security][accounts]") {
    AccountsDb db;
    for (int i = 0; i < 4; ++i)
        CHECK_THAT(db.refusal("sam.screener", "385027"), Catch::Contains("not recognised") && !Catch::Contains("paused"));
    CHECK_THAT(db.refusal("sam.screener", "385027"), Catch::Contains("paused"));
    // Even the right secret waits, or the pause would tell a guesser when they had it.
    CHECK_THAT(db.refusal("sam.screener", test::kTestPin), Catch::Contains("paused"));
    db.t.clock.advance(std::chrono::seconds(59));
    CHECK_THAT(db.refusal("sam.screener", test::kTestPin), Catch::Contains("paused"));
    db.t.clock.advance(std::chrono::seconds(2));
    SECTION("the right secret after the pause signs in and starts the count again") {
        CHECK(db.refusal("sam.screener", test::kTestPin) == "(signed in)");
        for (int i = 0; i < 4; ++i)
            CHECK_THAT(db.refusal("sam.screener", "385027"), !Catch::Contains("paused"));
    }
    SECTION("the next pauses grow") {
        for (int i = 0; i < 5; ++i)
            db.refusal("sam.screener", "385027");
        db.t.clock.advance(std::chrono::minutes(4));
        CHECK_THAT(db.refusal("sam.screener", test::kTestPin), Catch::Contains("paused"));
        db.t.clock.advance(std::chrono::seconds(61));
        for (int i = 0; i < 5; ++i)
            db.refusal("sam.screener", "385027");
        db.t.clock.advance(std::chrono::minutes(29));
        CHECK_THAT(db.refusal("sam.screener", test::kTestPin), Catch::Contains("paused"));
        db.t.clock.advance(std::chrono::seconds(61));
        CHECK(db.refusal("sam.screener", test::kTestPin) == "(signed in)");
    }
    SECTION("an administrator lifts the pause early; nobody else may") {
        for (int i = 0; i < 5; ++i)
            db.refusal("sam.screener", "385027");
        REQUIRE(db.users.lockedUntil("sam.screener"));
        CHECK_THROWS_AS(db.users.unlock(db.t.manager, "sam.screener"), core::ForbiddenError);
        CHECK(db.users.unlock(db.t.admin, "sam.screener")); // it was paused
        CHECK_FALSE(db.users.lockedUntil("sam.screener"));
        CHECK(db.refusal("sam.screener", test::kTestPin) == "(signed in)");
    }
}

TEST_CASE("accounts: unknown, disabled and wrong are refused alike, pauses included", "[security][accounts]") {
    AccountsDb db;
    db.users.disable(db.t.admin, "jo.screener", "on leave");
    for (int i = 0; i < 6; ++i) {
        const std::string wrong = withoutName(db.refusal("sam.screener", "385027"), "sam.screener");
        const std::string unknown = withoutName(db.refusal("no.body", "385027"), "no.body");
        const std::string disabled = withoutName(db.refusal("jo.screener", test::kTestPin), "jo.screener");
        INFO("attempt " << i + 1);
        CHECK(unknown == wrong);
        CHECK(disabled == wrong);
    }
    SECTION("through the CLI too, byte for byte but the name") {
        db.t.clock.advance(std::chrono::hours(1));
        const auto wrong = test::runCli(db.as("mo.manager", "385027", {"contact", "list"}));
        const auto unknown = test::runCli(db.as("mo.nager", "385027", {"contact", "list"}));
        CHECK(wrong.exitCode == 3);
        CHECK(unknown.exitCode == 3);
        CHECK(withoutName(wrong.err, "mo.manager") == withoutName(unknown.err, "mo.nager"));
    }
}

TEST_CASE("accounts: refusals and pauses are in the record, under a bounded name", "[security][accounts]") {
    AccountsDb db;
    for (int i = 0; i < 5; ++i)
        db.refusal("sam.screener", "385027");
    CHECK(db.factsOfType("user.sign_in_failed") == 5);
    CHECK(db.factsOfType("user.locked_out") == 1);
    const auto facts = db.t.ws->facts().factsAbout("sign-in:sam.screener");
    REQUIRE(!facts.empty());
    CHECK(facts.back().type == "user.locked_out");
    CHECK(facts.back().userId == "(not signed in)");
    CHECK(facts.back().payload["minutes"] == 1);

    const std::string huge(100000, 'x');
    db.refusal(huge, "385027");
    db.refusal(std::string("bad\xff\x00name", 9), "385027");
    CHECK(db.t.ws->db().queryInt("SELECT max(length(subject)) FROM facts WHERE type = 'user.sign_in_failed'") <=
          64 + 8); // "sign-in:" and the name

    SECTION("a name typed at sign-in never reaches another record's timeline") {
        const auto recorded = core::ContactService(*db.t.ws).record(db.t.screener, test::sampleContact());
        db.refusal(recorded.contactId, "385027");
        for (const auto& entry : core::ContactService(*db.t.ws).timeline(recorded.contactId, true))
            CHECK(entry.type.rfind("user.", 0) == std::string::npos);
    }
    CHECK(db.t.ws->facts().verifyChains().intact);
}

TEST_CASE("accounts: the secret policy, and a weaker secret changed before anything else", "[security][accounts]") {
    AccountsDb db;
    const auto shown = test::runCli(db.as("sam.screener", test::kTestPin, {"user", "policy"}));
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.json() == core::Json{{"min_pin_digits", 6}, {"min_password_length", 10}, {"idle_lock_minutes", 10}});
    for (const char* weak : {"1111", "41720", "111111", "123456", "987654", "shortpass"})
        CHECK(test::runCli(db.as("ada.admin", test::kTestPin,
                                 {"user", "secret", "sam.screener", "--new-secret", weak}))
                  .exitCode == 2);
    // The idle lock: an administrator sets it, within 1 to 60 minutes, and the rest of the policy stays.
    CHECK(test::runCli(db.as("ada.admin", test::kTestPin, {"user", "policy", "--idle-lock-minutes", "0"})).exitCode == 2);
    CHECK(test::runCli(db.as("ada.admin", test::kTestPin, {"user", "policy", "--idle-lock-minutes", "90"})).exitCode == 2);
    const auto idle = test::runCli(db.as("ada.admin", test::kTestPin, {"user", "policy", "--idle-lock-minutes", "5"}));
    REQUIRE(idle.exitCode == 0);
    CHECK(idle.json()["idle_lock_minutes"] == 5);
    CHECK(idle.json()["min_pin_digits"] == 6);
    CHECK(test::runCli(db.as("sam.screener", test::kTestPin, {"user", "policy", "--min-pin-digits", "8"})).exitCode == 3);
    CHECK(test::runCli(db.as("ada.admin", test::kTestPin, {"user", "policy", "--min-pin-digits", "4"})).exitCode == 2);
    const auto set = test::runCli(db.as("ada.admin", test::kTestPin, {"user", "policy", "--min-pin-digits", "8"}));
    REQUIRE(set.exitCode == 0);
    CHECK(set.json()["min_pin_digits"] == 8);
    CHECK(set.json()["idle_lock_minutes"] == 5);

    // sam's six-digit PIN is now weaker than the policy: nothing but changing it.
    const auto refused = test::runCli(db.as("sam.screener", test::kTestPin, {"contact", "list"}));
    CHECK(refused.exitCode == 3);
    CHECK_THAT(refused.err, Catch::Contains("user secret sam.screener"));
    CHECK(db.users.signIn("sam.screener", test::kTestPin, "").mustChangeSecret);
    CHECK(test::runCli(db.as("sam.screener", test::kTestPin, {"user", "secret", "jo.screener", "--new-secret",
                                                               "38502716"}))
              .exitCode == 3);
    REQUIRE(test::runCli(db.as("sam.screener", test::kTestPin,
                               {"user", "secret", "sam.screener", "--new-secret", "38502716"}))
                .exitCode == 0);
    CHECK(test::runCli(db.as("sam.screener", "38502716", {"contact", "list"})).exitCode == 0);
    CHECK_FALSE(db.users.signIn("sam.screener", "38502716", "").mustChangeSecret);
}

TEST_CASE("accounts: an old four-digit PIN must be changed at the next sign-in", "[security][accounts]") {
    test::TestWorkspace t(false);
    core::Transaction transaction(t.ws->db());
    t.ws->facts().append({"ada.admin", "administrator"}, "user.added", "ada.admin",
                         {{"display_name", "Ada"}, {"roles", {"administrator"}}, {"secret_hash", hashOf("4444")}});
    transaction.commit();
    const auto session = core::UserService(*t.ws).signIn("ada.admin", "4444", "");
    CHECK(session.mustChangeSecret);
}

TEST_CASE("accounts: reading personal data needs a signed-in user", "[security][accounts]") {
    AccountsDb db;
    const auto recorded = core::ContactService(*db.t.ws).record(db.t.screener, test::sampleContact());
    const std::string contactId = recorded.contactId;
    const std::string personId = recorded.personIds.at(0);
    auto screenInput = test::sampleContact();
    screenInput["indicators"] = core::Json::array();
    screenInput["children"][0]["id"] = personId;

    const std::vector<std::pair<std::vector<std::string>, std::string>> reads = {
        {{"screen", "decisions", contactId}, ""},
        {{"screen"}, screenInput.dump()},
        {{"history", personId}, ""},
        {{"person", "search", "--family", "Smith"}, ""},
        {{"search", "Smith"}, ""},
        {{"contact", "show", contactId}, ""},
        {{"contact", "list"}, ""},
        {{"queue", "awaiting_screening"}, ""},
        {{"queues"}, ""},
        {{"strategy", "show", contactId}, ""},
        {{"strategy", "invitees", contactId}, ""},
        {{"draft", "list"}, ""},
        {{"form-draft", "show", contactId, "--form", "screening"}, ""},
        {{"user", "list"}, ""},
    };
    for (const auto& [words, input] : reads) {
        INFO(words[0] << " " << (words.size() > 1 ? words[1] : ""));
        const auto anonymous = test::runCli(db.anonymous(words), input);
        CHECK(anonymous.exitCode == 3);
        CHECK_THAT(anonymous.out, !Catch::Contains("Smith"));
        const auto signedIn = test::runCli(db.as("sam.screener", test::kTestPin, words), input);
        CHECK(signedIn.exitCode == 0);
    }
    SECTION("screen on a made-up contact, linked to nobody, reads nothing from the record") {
        auto unlinked = test::sampleContact();
        unlinked["indicators"] = core::Json::array();
        CHECK(test::runCli(db.anonymous({"screen"}), unlinked.dump()).exitCode == 0);
    }
    SECTION("screen decisions, strategy show and screen with a known child are logged as reads") {
        const auto viewsOf = [&](const std::string& subject) {
            return db.t.ws->db()
                .lookupInt("SELECT count(*) FROM facts WHERE type = 'record.viewed' AND subject = ?", subject)
                .value_or(0);
        };
        CHECK(viewsOf(contactId) == 3); // contact show, screen decisions, strategy show
        CHECK(viewsOf(personId) >= 2);  // history, screen
    }
}

TEST_CASE("accounts: searches are logged with who, when, what and how many", "[security][accounts]") {
    AccountsDb db;
    core::ContactService(*db.t.ws).record(db.t.screener, test::sampleContact());
    REQUIRE(test::runCli(db.as("sam.screener", test::kTestPin, {"person", "search", "--family", "Smith", "--dob",
                                                                 "2015-03-12"}))
                .exitCode == 0);
    REQUIRE(test::runCli(db.as("mo.manager", test::kTestPin, {"search", "John", "Smith"})).exitCode == 0);
    REQUIRE(test::runCli(db.as("mo.manager", test::kTestPin, {"search", "Nobody-Here"})).exitCode == 0);

    std::vector<core::Fact> searches;
    db.t.ws->facts().forEach([&](const core::Fact& fact) {
        if (fact.type == "search.performed")
            searches.push_back(fact);
    });
    REQUIRE(searches.size() == 3);
    CHECK(searches[0].userId == "sam.screener");
    CHECK(searches[0].role == "screener");
    CHECK(searches[0].payload["kind"] == "person");
    CHECK(searches[0].payload["query"]["family"] == "Smith");
    CHECK(searches[0].payload["query"]["dob"] == "2015-03-12");
    CHECK(searches[0].payload["results"] == 1);
    CHECK(searches[1].userId == "mo.manager");
    CHECK(searches[1].payload["kind"] == "quick");
    CHECK(searches[1].payload["query"]["text"] == "John Smith");
    CHECK(searches[1].payload["results"].get<int>() >= 1);
    CHECK(searches[2].payload["results"] == 0);
    CHECK(db.t.ws->projections().description(searches[1]).find("John Smith") != std::string::npos);
}
