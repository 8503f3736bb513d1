// Re-referrals (DfE: a referral within 12 months of a previous one) and repeat contacts (local rule).
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "people/PersonSearch.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using test::TestWorkspace;

namespace {

struct Child {
    TestWorkspace& t;
    std::string personId;

    // Records a contact about this child received at `when`, decided with `outcome` ("" = undecided).
    std::string contact(const std::string& when, const std::string& outcome,
                        std::chrono::minutes decidedAfter = std::chrono::hours(20)) {
        auto input = test::sampleContact();
        input["received_at"] = when;
        if (!personId.empty())
            input["children"][0]["id"] = personId;
        core::ContactService contacts(*t.ws);
        const auto recorded = contacts.record(t.screener, input);
        personId = recorded.personIds.at(0);
        if (!outcome.empty())
            contacts.importOutcome({"ada.admin", "administrator"}, recorded.contactId, outcome,
                                   *core::parseInstant(when) + decidedAfter, "");
        return recorded.contactId;
    }
    core::Json history(core::HistorySettings settings = {}) {
        return core::PersonSearch(*t.ws, settings).history(personId);
    }
};

core::Json contactById(const core::Json& history, const std::string& id) {
    for (const auto& c : history["contacts"])
        if (c["id"] == id)
            return c;
    return {};
}

} // namespace

TEST_CASE("a referral within 12 months of an earlier referral is a re-referral", "[history]") {
    TestWorkspace t; // now: 2026-11-23
    Child child{t, ""};
    const auto first = child.contact("2025-09-01T10:00:00Z", "child_and_family_assessment");
    const auto nfa = child.contact("2026-01-10T10:00:00Z", "no_further_action"); // a contact, not a referral
    const auto second = child.contact("2026-06-15T10:00:00Z", "strategy_discussion");
    const auto history = child.history();
    CHECK(contactById(history, first)["is_re_referral"] == false);
    CHECK_FALSE(contactById(history, nfa).contains("is_re_referral"));
    CHECK(contactById(history, second)["is_re_referral"] == true);
    // A referral now would also be a re-referral: the last was in June.
    CHECK(history["flags"]["re_referral"] == true);
    CHECK(history["flags"]["last_referral_at"] == "2026-06-15T10:00:00.000Z");
}

TEST_CASE("referrals more than 12 months apart are not re-referrals", "[history]") {
    TestWorkspace t;
    Child child{t, ""};
    child.contact("2024-05-01T10:00:00Z", "child_and_family_assessment");
    const auto later = child.contact("2025-05-02T10:00:00Z", "child_and_family_assessment");
    const auto history = child.history();
    CHECK(contactById(history, later)["is_re_referral"] == false);
    CHECK(history["flags"]["re_referral"] == false); // last referral was 18 months ago
}

TEST_CASE("repeat contacts: a configurable count within a configurable window", "[history]") {
    TestWorkspace t;
    Child child{t, ""};
    child.contact("2025-10-01T10:00:00Z", "no_further_action"); // outside 12 months
    child.contact("2026-02-01T10:00:00Z", "information_advice_signposting");
    child.contact("2026-08-01T10:00:00Z", "early_help");

    SECTION("two in 12 months is below the default of three") {
        const auto flags = child.history()["flags"];
        CHECK(flags["contacts_in_window"] == 2);
        CHECK(flags["repeat_contacts"] == false);
    }
    SECTION("a third contact raises the flag, with an explanation") {
        child.contact("2026-11-20T10:00:00Z", "");
        const auto flags = child.history()["flags"];
        CHECK(flags["contacts_in_window"] == 3);
        CHECK(flags["repeat_contacts"] == true);
        CHECK_THAT(flags["explanations"][0].get<std::string>(), Catch::Contains("3 contacts in the last 12 months"));
    }
    SECTION("a wider window counts the older contact") {
        core::HistorySettings settings;
        settings.repeatWindowMonths = 18;
        CHECK(child.history(settings)["flags"]["repeat_contacts"] == true);
    }
    SECTION("a lower count raises it sooner") {
        core::HistorySettings settings;
        settings.repeatContactCount = 2;
        CHECK(child.history(settings)["flags"]["repeat_contacts"] == true);
    }
    SECTION("the matching panel counts the contact being recorded") {
        core::PersonQuery query;
        query.givenName = "John";
        query.familyName = "Smith";
        query.countingNewContact = true;
        const auto found = core::PersonSearch(*t.ws).search(query);
        REQUIRE_FALSE(found.empty());
        CHECK(found.front().flags.contactsInWindow == 3);
        CHECK(found.front().flags.repeatContacts);
    }
}

TEST_CASE("a child whose only referral is today's is not a re-referral; a new referral would be one", "[history]") {
    TestWorkspace t; // now: 2026-11-23 10:00
    Child child{t, ""};
    const auto only = child.contact("2026-11-23T08:30:00Z", "child_and_family_assessment", std::chrono::minutes(60));
    const auto history = child.history();
    CHECK(contactById(history, only)["is_re_referral"] == false);
    const auto flags = history["flags"];
    CHECK(flags["re_referral"] == false);
    CHECK(flags["recent_referral"] == true);
    CHECK(flags["last_referral_at"] == "2026-11-23T08:30:00.000Z");
    REQUIRE(flags["explanations"].size() == 1);
    const std::string said = flags["explanations"][0];
    CHECK(said == "Referred on 23/11/2026: a new referral within 12 months would be a re-referral");
    CHECK(said.find("Re-referral") == std::string::npos);

    SECTION("a second referral within 12 months is one, and says of which referral") {
        const auto second = child.contact("2026-11-23T09:30:00Z", "strategy_discussion", std::chrono::minutes(20));
        const auto again = child.history();
        CHECK(contactById(again, second)["is_re_referral"] == true);
        CHECK(again["flags"]["re_referral"] == true);
        CHECK(again["flags"]["explanations"][0] ==
              "Re-referral: referred on 23/11/2026, within 12 months of the referral on 23/11/2026");
    }
    SECTION("the matching panel, counting the contact being recorded, says what referring it would be") {
        core::PersonQuery query;
        query.givenName = "John";
        query.familyName = "Smith";
        query.countingNewContact = true;
        const auto found = core::PersonSearch(*t.ws).search(query);
        REQUIRE_FALSE(found.empty());
        CHECK(found.front().flags.reReferral); // this contact, if referred, would be a re-referral
        REQUIRE_FALSE(found.front().flags.explanations.empty());
        CHECK(found.front().flags.explanations[0] ==
              "Referred on 23/11/2026: if this contact leads to a referral, it is a re-referral (within 12 months)");
    }
}

TEST_CASE("cli: history says a single recent referral is not a re-referral", "[history][cli]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("cli.sqlite");
    {
        core::FixedClock clock(test::testNow());
        test::addTestUsers(*core::Workspace::create(db, clock, core::DatabaseMode::Training));
    }
    const std::vector<std::string> who{"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", "mo.manager", "--secret", test::kTestPin};
    auto args = [&](std::vector<std::string> words) {
        words.insert(words.end(), who.begin(), who.end());
        return words;
    };
    auto input = test::sampleContact();
    input["received_at"] = "2026-11-23T08:30:00Z";
    const auto recorded = test::runCli(args({"contact", "record"}), input.dump());
    REQUIRE(recorded.exitCode == 0);
    const std::string contactId = recorded.json()["contact_id"];
    const std::string personId = recorded.json()["person_ids"][0];
    {
        core::FixedClock clock(test::testNow());
        core::ContactService(*core::Workspace::open(db, clock))
            .importOutcome({"ada.admin", "administrator"}, contactId, "child_and_family_assessment",
                           test::at("2026-11-23T09:45:00Z"), "");
    }
    const auto history = test::runCli(args({"history", personId}));
    REQUIRE(history.exitCode == 0);
    CHECK(history.json()["flags"]["re_referral"] == false);
    CHECK(history.json()["flags"]["recent_referral"] == true);
}
