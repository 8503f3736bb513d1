// Drafts keep what a screener has typed; the search box finds people and contacts from a few letters.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "search/QuickSearch.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

using namespace frontdoor;

TEST_CASE("a draft keeps what was typed and becomes the contact when recorded", "[drafts]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    core::Json partial{{"concern", "Mum rang, very worried about"}, {"children", {{{"given_name", "Ell"}}}}};
    const std::string id = contacts.saveDraft(t.screener, "", partial);
    partial["concern"] = "Mum rang, very worried about her partner's drinking";
    CHECK(contacts.saveDraft(t.screener, id, partial) == id);

    // Reopened later (after a crash, or the next morning): the latest text is there.
    const auto drafts = contacts.drafts("sam.screener");
    REQUIRE(drafts.size() == 1);
    CHECK(drafts.front().body["concern"] == "Mum rang, very worried about her partner's drinking");

    SECTION("only its owner may save over it") {
        CHECK_THROWS_AS(contacts.saveDraft({"jo.screener", "screener"}, id, partial), core::ConflictError);
    }
    SECTION("recording with the draft's id turns it into the contact; the typing was not the record") {
        auto input = test::sampleContact();
        input["id"] = id;
        const auto recorded = contacts.record(t.screener, input);
        CHECK(recorded.contactId == id);
        CHECK(contacts.drafts("sam.screener").empty());
        const auto timeline = contacts.timeline(id);
        REQUIRE(timeline.size() == 1);
        CHECK(timeline[0].type == "contact.recorded");
        CHECK_THROWS_AS(contacts.saveDraft(t.screener, id, partial), core::ConflictError);
    }
    SECTION("discarding clears the list and leaves nothing of the draft") {
        contacts.discardDraft(t.screener, id, "duplicate of a police notification");
        CHECK(contacts.drafts("sam.screener").empty());
        CHECK(t.ws->facts().factsAbout(id).empty());
    }
    SECTION("rebuild gives the same drafts") {
        const auto digest = t.ws->facts().projectionDigest();
        t.ws->facts().rebuildProjection();
        CHECK(t.ws->facts().projectionDigest() == digest);
    }
}

TEST_CASE("the search box finds people as you type", "[search]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto john = contacts.record(t.screener, test::sampleContact());
    auto other = test::sampleContact();
    other["children"][0]["given_name"] = "Amelia";
    other["children"][0]["family_name"] = "Kowalski";
    other["children"][0]["date_of_birth"] = "2019-06-04";
    other["children"][0]["postcode"] = "WA8 7AB";
    const auto amelia = contacts.record(t.screener, other);
    core::QuickSearch search(*t.ws);
    const auto firstId = [&](const std::string& text) {
        const auto results = search.find(text);
        return results.empty() ? std::string() : results.front().id;
    };
    CHECK(firstId("smi") == john.personIds[0]);          // the start of a name
    CHECK(firstId("jo sm") == john.personIds[0]);        // the start of both
    CHECK(firstId("smyth") == john.personIds[0]);        // sounds like
    CHECK(firstId("kowal") == amelia.personIds[0]);
    CHECK(firstId("04/06/2019") == amelia.personIds[0]); // a date of birth
    CHECK(firstId("WA8 7AB") == amelia.personIds[0]);    // a postcode, typed as two words
    CHECK(firstId("amelia 2019-06-04") == amelia.personIds[0]);
    CHECK(search.find("zebedee").empty());
    const auto results = search.find("smith");
    REQUIRE(results.size() == 1);
    CHECK_THAT(results[0].detail, Catch::Contains("12/03/2015") && Catch::Contains("1 contact"));
    CHECK(firstId(john.contactId.substr(0, 24)) == john.contactId); // the start of a contact id
}

TEST_CASE("a person's full name in the search box lists the person and their contacts, newest first", "[search]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    auto lily = test::sampleContact();
    lily["children"][0]["given_name"] = "Lily";
    lily["children"][0]["family_name"] = "Carter";
    lily["children"][0]["date_of_birth"] = "2017-09-21";
    lily["received_at"] = "2026-10-02T10:00:00Z";
    const auto first = contacts.record(t.screener, lily);
    lily["received_at"] = "2026-11-20T14:30:00Z";
    lily["children"][0]["id"] = first.personIds[0]; // the same Lily, linked
    const auto second = contacts.record(t.screener, lily);
    REQUIRE(second.personIds[0] == first.personIds[0]);
    auto other = test::sampleContact();
    other["children"][0]["given_name"] = "Lilian";
    other["children"][0]["family_name"] = "Cartwright";
    contacts.record(t.screener, other);

    const auto results = core::QuickSearch(*t.ws).find("Lily Carter");
    REQUIRE(results.size() >= 3);
    CHECK(results[0].kind == "person");
    CHECK(results[0].id == first.personIds[0]);
    CHECK(results[1].kind == "contact");
    CHECK(results[1].id == second.contactId); // the newest first
    CHECK(results[2].kind == "contact");
    CHECK(results[2].id == first.contactId);
    CHECK_THAT(results[1].title, Catch::Contains("received 20/11/2026"));
    CHECK_THAT(results[1].detail, Catch::StartsWith("Lily Carter · "));

    // A few letters list people alone: the box is still a way to find a person.
    for (const auto& result : core::QuickSearch(*t.ws).find("lil"))
        CHECK(result.kind == "person");
}
