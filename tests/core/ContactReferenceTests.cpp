// Every contact has a short reference a person can read over the phone ("FD-26-K7Q2-0042"), unique
// across desks, the same after a rebuild, shown by `contact show` and found by the search box.
#include "TestSupport.h"

#include "contacts/ContactReference.h"
#include "contacts/ContactService.h"
#include "search/QuickSearch.h"
#include "util/Errors.h"
#include "workflow/Queues.h"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace frontdoor;

namespace {

std::string referenceOf(test::TestWorkspace& t, const std::string& contactId) {
    return core::ContactService(*t.ws).show(contactId).value("reference", std::string());
}

} // namespace

TEST_CASE("reference: every contact gets a short reference of the documented shape", "[reference]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto recorded = contacts.record(t.screener, test::sampleContact());
    const std::string reference = referenceOf(t, recorded.contactId);
    CHECK(std::regex_match(reference, std::regex("FD-26-[0-9A-HJKMNP-TV-Z]{4}-[0-9]{4,}")));
    CHECK(reference.size() < 20); // not the 36-character id
    CHECK(reference.substr(6, 4) == core::deskCode(t.ws->facts().deviceId()));
    // The list carries it too.
    const auto rows = contacts.list({});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].reference == reference);
    CHECK(rows[0].toJson()["reference"] == reference);
}

TEST_CASE("reference: two desks recording offline never mint the same reference", "[reference]") {
    test::TestWorkspace deskA;
    test::TestWorkspace deskB; // another database: another device id, its own sequence
    REQUIRE(deskA.ws->facts().deviceId() != deskB.ws->facts().deviceId());
    CHECK(core::deskCode(deskA.ws->facts().deviceId()) != core::deskCode(deskB.ws->facts().deviceId()));
    std::set<std::string> seen;
    int minted = 0;
    for (auto* desk : {&deskA, &deskB}) {
        core::ContactService contacts(*desk->ws);
        for (int i = 0; i < 15; ++i) {
            const auto recorded = contacts.record(desk->screener, test::sampleContact());
            seen.insert(referenceOf(*desk, recorded.contactId));
            ++minted;
        }
    }
    CHECK(static_cast<int>(seen.size()) == minted);
    // Both desks number their own facts from 1, yet the references differ by the desk code.
    core::ContactService a(*deskA.ws), b(*deskB.ws);
    const auto firstA = a.list({}).back().reference, firstB = b.list({}).back().reference;
    CHECK(firstA.substr(firstA.rfind('-')) == firstB.substr(firstB.rfind('-')));
    CHECK(firstA != firstB);
}

TEST_CASE("reference: it depends only on the contact's fact, so a rebuild gives the same", "[reference]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i)
        ids.push_back(contacts.record(t.screener, test::sampleContact()).contactId);
    std::vector<std::string> before;
    for (const auto& id : ids) {
        before.push_back(referenceOf(t, id));
        const auto facts = t.ws->facts().factsAbout(id);
        const auto recorded = std::find_if(facts.begin(), facts.end(), [](const auto& f) { return f.type == "contact.recorded"; });
        REQUIRE(recorded != facts.end());
        CHECK(core::contactReference(*recorded) == before.back());
    }
    const std::string digest = t.ws->facts().projectionDigest();
    t.ws->facts().rebuildProjection();
    CHECK(t.ws->facts().projectionDigest() == digest);
    for (size_t i = 0; i < ids.size(); ++i)
        CHECK(referenceOf(t, ids[i]) == before[i]);

    // A database projected before references existed (migration 9 backfills from the facts).
    t.ws->db().exec("UPDATE contact SET reference = NULL, reference_seq = NULL");
    core::backfillContactReferences(t.ws->db());
    CHECK(t.ws->facts().projectionDigest() == digest);
}

TEST_CASE("reference: the search box finds a contact by its reference, whole or in part, any case", "[reference][search]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto first = contacts.record(t.screener, test::sampleContact());
    const auto second = contacts.record(t.screener, test::sampleContact());
    const std::string reference = referenceOf(t, second.contactId); // FD-26-XXXX-NNNN
    const std::string number = reference.substr(reference.rfind('-') + 1);
    core::QuickSearch search(*t.ws);
    const auto contactIds = [&](const std::string& text) {
        std::vector<std::string> ids;
        for (const auto& result : search.find(text))
            if (result.kind == "contact")
                ids.push_back(result.id);
        return ids;
    };
    CHECK(contactIds(reference) == std::vector<std::string>{second.contactId});
    std::string lower = reference;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    CHECK(contactIds(lower) == std::vector<std::string>{second.contactId});
    CHECK(contactIds(number) == std::vector<std::string>{second.contactId});
    CHECK(contactIds("00" + number) == std::vector<std::string>{second.contactId});        // "004817"
    CHECK(contactIds(std::to_string(std::stoi(number))) == std::vector<std::string>{second.contactId}); // "4817"
    CHECK(contactIds(reference.substr(6)) == std::vector<std::string>{second.contactId}); // "K7Q2-0042"
    const auto both = contactIds("fd-26");
    CHECK(both.size() == 2);
    CHECK(std::find(both.begin(), both.end(), first.contactId) != both.end());
    const auto results = search.find(reference);
    REQUIRE(!results.empty());
    CHECK_THAT(results.front().title, Catch::Contains(reference));
    CHECK(contactIds("FD-26-ZZZZ-9999").empty());
}

TEST_CASE("reference: contact show accepts and prints the reference; contact record prints it", "[reference][cli]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("ref.sqlite");
    {
        core::FixedClock clock(test::testNow());
        auto ws = core::Workspace::create(db, clock, core::DatabaseMode::Training);
        test::addTestUsers(*ws);
    }
    const auto args = [&](std::vector<std::string> words) {
        words.insert(words.end(), {"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", "sam.screener", "--secret",
                                   test::kTestPin});
        return words;
    };
    const auto recorded = test::runCli(args({"contact", "record"}), test::sampleContact().dump());
    REQUIRE(recorded.exitCode == 0);
    const std::string id = recorded.json()["contact_id"];
    const std::string reference = recorded.json()["reference"];
    CHECK(reference.rfind("FD-26-", 0) == 0);

    const auto byId = test::runCli(args({"contact", "show", id}));
    REQUIRE(byId.exitCode == 0);
    CHECK(byId.json()["reference"] == reference);

    std::string lower = reference;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto byReference = test::runCli(args({"contact", "show", lower}));
    REQUIRE(byReference.exitCode == 0);
    CHECK(byReference.json()["id"] == id);

    const auto timeline = test::runCli(args({"contact", "show", reference, "--timeline"}));
    REQUIRE(timeline.exitCode == 0);
    CHECK_THAT(timeline.out, Catch::Contains("Contact " + reference));

    const auto unknown = test::runCli(args({"contact", "show", "FD-26-ZZZZ-9999"}));
    CHECK(unknown.exitCode == 1);
    CHECK_THAT(unknown.err, Catch::Contains("FD-26-ZZZZ-9999"));
}

TEST_CASE("reference: queue rows carry the contact's reference", "[reference][queues]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto recorded = contacts.record(t.screener, test::sampleContact());
    const std::string reference = referenceOf(t, recorded.contactId);
    bool found = false;
    core::Queues queues(*t.ws);
    for (const auto& count : queues.counts(t.screener))
        for (const auto& item : queues.items(count.queueId, t.screener))
            if (item.contactId == recorded.contactId) {
                CHECK(item.reference == reference);
                CHECK(item.toJson()["reference"] == reference);
                found = true;
            }
    CHECK(found);
}

TEST_CASE("reference: two contacts sharing a reference (desk codes colliding) are never silently picked between", "[reference]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto recorded = contacts.record(t.screener, test::sampleContact());
    const std::string reference = referenceOf(t, recorded.contactId);
    REQUIRE(core::contactIdByReference(t.ws->db(), reference) == recorded.contactId);
    // What a clash would leave in the projection: another desk's contact with the same reference.
    t.ws->db().exec("INSERT INTO contact(id, received_at, channel, source, status, recorded_by, recorded_at, "
                    "concern_summary, updated_hlc, reference, reference_seq) SELECT 'other-desk-contact', received_at, "
                    "channel, source, status, recorded_by, recorded_at, concern_summary, updated_hlc, reference, "
                    "reference_seq FROM contact");
    try {
        core::contactIdByReference(t.ws->db(), reference);
        FAIL("a shared reference was resolved to one contact");
    } catch (const core::ConflictError& error) {
        CHECK_THAT(error.what(), Catch::Contains(recorded.contactId) && Catch::Contains("other-desk-contact"));
    }
    // The search box shows both.
    int found = 0;
    for (const auto& result : core::QuickSearch(*t.ws).find(reference))
        found += result.kind == "contact" ? 1 : 0;
    CHECK(found == 2);
    // An id is still an id.
    CHECK(core::resolveContactId(t.ws->db(), recorded.contactId) == recorded.contactId);
}
