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
    std::string contact(const std::string& when, const std::string& outcome) {
        auto input = test::sampleContact();
        input["received_at"] = when;
        if (!personId.empty())
            input["children"][0]["id"] = personId;
        core::ContactService contacts(*t.ws);
        const auto recorded = contacts.record(t.screener, input);
        personId = recorded.personIds.at(0);
        if (!outcome.empty())
            contacts.importOutcome({"ada.admin", "administrator"}, recorded.contactId, outcome,
                                   *core::parseInstant(when) + std::chrono::hours(20), "");
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
