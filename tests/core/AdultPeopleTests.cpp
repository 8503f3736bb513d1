// Adults are people too (issue 13, point 3): adults on a contact are registered and matched like
// children, the same adult is found from another family's contact with his role there, and adults on
// contacts recorded before are made people by a conversion every desk may run with the same result.
#include "TestSupport.h"

#include "contacts/ContactProjection.h"
#include "contacts/ContactService.h"
#include "people/AdultPeople.h"
#include "people/PersonCorrections.h"
#include "people/PersonProjection.h"
#include "people/PersonSearch.h"
#include "store/FactStore.h"
#include "util/Errors.h"
#include "util/Uuid.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace frontdoor;
using Catch::Contains;

namespace {

core::Json darren() {
    return {{"given_name", "Darren"},     {"family_name", "Hughes"},  {"relationship", "parent_partner"},
            {"parental_responsibility", "no"}, {"date_of_birth", "1990-04-02"}, {"postcode", "WA7 2BB"},
            {"lives_with_child", true}};
}

// Family A: Amy Brown, her mother Lisa and her mother's partner Darren Hughes.
core::Json familyA() {
    auto input = test::sampleContact();
    input["children"] = core::Json::array({{{"given_name", "Amy"}, {"family_name", "Brown"},
                                            {"date_of_birth", "2016-05-09"}, {"voice", "Amy said Darren shouts."}}});
    input["adults"] = core::Json::array({{{"given_name", "Lisa"}, {"family_name", "Brown"}, {"relationship", "mother"},
                                          {"parental_responsibility", "yes"}, {"lives_with_child", true}},
                                         darren()});
    return input;
}

// Family B: Kai Green and his father, typed by another screener months later.
core::Json familyB(const core::Json& adult) {
    auto input = test::sampleContact();
    input["received_at"] = "2026-11-23T09:40:00Z";
    input["children"] = core::Json::array({{{"given_name", "Kai"}, {"family_name", "Green"},
                                            {"date_of_birth", "2019-01-20"}, {"voice", "Kai was quiet."}}});
    input["adults"] = core::Json::array({adult});
    return input;
}

// A contact as a build before adults were people recorded it: adults as text only.
std::string recordTheOldWay(core::Workspace& ws, core::Json input, const core::Actor& by = test::kScreener) {
    const core::Contact contact = core::readContact(input, ws.clock().now());
    const std::string id = core::newUuidV7(ws.clock().now());
    core::WriteScope scope(ws.db());
    auto payload = core::toJson(contact);
    for (auto& child : payload["children"]) {
        const std::string personId = core::newUuidV7(ws.clock().now());
        child["id"] = personId;
        auto person = child;
        person.erase("voice");
        ws.facts().append(by, core::kPersonRegistered, personId, person);
    }
    ws.facts().append(by, core::kContactRecorded, id, payload);
    scope.commit();
    return id;
}

int64_t adultPeople(core::Workspace& ws) { return ws.db().queryInt("SELECT count(*) FROM person WHERE adult = 1").value_or(-1); }

struct Desk {
    test::ScratchFolder folder;
    core::FixedClock clock{test::testNow()};
    std::unique_ptr<core::Workspace> ws =
        core::Workspace::create(folder.file("desk.sqlite"), clock, core::DatabaseMode::Training);
};

void send(Desk& from, Desk& to) {
    auto theirs = to.ws->facts().deviceHeads();
    std::vector<core::Fact> batch;
    for (const auto& [device, head] : from.ws->facts().deviceHeads()) {
        const int64_t held = theirs.count(device) ? theirs[device].first : 0;
        auto facts = from.ws->facts().deviceFacts(device, held + 1, head.first);
        batch.insert(batch.end(), facts.begin(), facts.end());
    }
    core::Transaction transaction(to.ws->db());
    to.ws->facts().importFacts(batch);
    transaction.commit();
}

} // namespace

TEST_CASE("an adult known in one family is found from another family's contact, with his role there", "[adults]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto a = contacts.record(t.screener, familyA());
    REQUIRE(a.adultPersonIds.size() == 2);
    REQUIRE(a.newAdultPersonIds.size() == 2);
    const std::string darrenId = a.adultPersonIds[1];

    // The screener on family B's call types the mother's partner as the referrer gives him.
    core::PersonQuery query;
    query.givenName = "Daren"; // as misheard on the phone
    query.familyName = "Hughes";
    query.dateOfBirth = core::parseDate("1990-04-02");
    query.kind = core::PersonKind::Adults;
    core::PersonSearch search(*t.ws);
    const auto found = search.search(query);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].person.id == darrenId);
    CHECK(found[0].score >= core::kLikelyMatchScore);
    REQUIRE(found[0].contacts.size() == 1);
    CHECK(found[0].contacts[0].id == a.contactId);
    CHECK(found[0].contacts[0].personRole == "parent_partner");
    CHECK(found[0].toJson()["contacts"][0]["role_label"] == "Parent's partner");
    CHECK(found[0].toJson()["person"]["adult"] == true);

    // The child panel does not offer adults; "everyone" does.
    query.kind = core::PersonKind::Children;
    for (const auto& candidate : search.search(query))
        CHECK(candidate.person.id != darrenId);
    query.kind = core::PersonKind::Everyone;
    CHECK(search.search(query).at(0).person.id == darrenId);

    // Linked on family B's contact as Kai's father: one person, two families.
    auto him = darren();
    him["person_id"] = darrenId;
    him["relationship"] = "father";
    him["address"] = "9 Canal Street, Runcorn";
    const auto b = contacts.record(t.screener, familyB(him));
    CHECK(b.adultPersonIds == std::vector<std::string>{darrenId});
    CHECK(b.newAdultPersonIds.empty());
    CHECK(core::loadPerson(t.ws->db(), darrenId)->address == "9 Canal Street, Runcorn");
    CHECK(contacts.show(b.contactId)["adults"][0]["person_id"] == darrenId);

    const auto history = search.history(darrenId);
    REQUIRE(history["contacts"].size() == 2);
    CHECK(history["contacts"][0]["id"] == b.contactId); // newest first
    CHECK(history["contacts"][0]["role_label"] == "Father");
    CHECK(history["contacts"][1]["role_label"] == "Parent's partner");
    // His household: both children (the most recently seen with him first), and Lisa.
    std::vector<std::string> household;
    for (const auto& member : history["household"])
        household.push_back(member["display_name"].get<std::string>() + " (" +
                            member["role_labels"][0].get<std::string>() + ")");
    CHECK(household == std::vector<std::string>{"Kai Green (Child)", "Amy Brown (Child)", "Lisa Brown (Mother)"});
    // Amy's household shows her mother, then the man her mother lives with; her flags stay a child's.
    const auto amy = search.history(a.personIds[0]);
    REQUIRE(amy["household"].size() == 2);
    CHECK(amy["household"][1]["display_name"] == "Darren Hughes");
    CHECK(amy["household"][1]["role_labels"][0] == "Parent's partner");
    CHECK(amy["contacts"][0]["role"] == "child");

    const std::string before = t.ws->facts().projectionDigest();
    t.ws->facts().rebuildProjection();
    CHECK(t.ws->facts().projectionDigest() == before);
}

TEST_CASE("adult person links on a contact are checked", "[adults][validation]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto a = contacts.record(t.screener, familyA());

    SECTION("a person id that is not one") {
        auto him = darren();
        him["person_id"] = "darren";
        try {
            core::readContact(familyB(him), test::testNow());
            FAIL("accepted");
        } catch (const core::ValidationError& error) {
            REQUIRE(error.errors().size() == 1);
            CHECK(error.errors()[0].field == "adults[0].person_id");
            CHECK_THAT(error.errors()[0].problem, Contains("is not a person id"));
        }
    }
    SECTION("the same person twice, or as a child and an adult") {
        auto input = familyB(darren());
        input["adults"][0]["person_id"] = a.adultPersonIds[1];
        input["adults"].push_back(input["adults"][0]);
        input["children"][0]["id"] = a.adultPersonIds[1];
        try {
            core::readContact(input, test::testNow());
            FAIL("accepted");
        } catch (const core::ValidationError& error) {
            std::vector<std::string> fields;
            for (const auto& e : error.errors())
                fields.push_back(e.field + ": " + e.problem);
            CHECK(fields == std::vector<std::string>{
                                "adults[0].person_id: is the same person as children[0]; name a person once in a contact",
                                "adults[1].person_id: is the same person as children[0]; name a person once in a contact",
                                "adults[1].person_id: is the same person as adults[0]; name a person once in a contact"});
        }
    }
    SECTION("an unknown person refuses the whole contact and saves nothing") {
        const int64_t facts = t.ws->facts().count();
        auto him = darren();
        him["person_id"] = core::newUuidV7(test::testNow());
        try {
            contacts.record(t.screener, familyB(him));
            FAIL("accepted");
        } catch (const core::ValidationError& error) {
            REQUIRE(error.errors().size() == 1);
            CHECK(error.errors()[0].field == "adults[0].person_id");
            CHECK_THAT(error.errors()[0].problem, Contains("is known"));
        }
        CHECK(t.ws->facts().count() == facts);
    }
    SECTION("an adult nobody could name stays text on the contact") {
        auto input = familyB({{"given_name", "Not known"}, {"family_name", "not known"}, {"relationship", "father"},
                              {"parental_responsibility", "unknown"}});
        const auto b = contacts.record(t.screener, input);
        CHECK(b.adultPersonIds == std::vector<std::string>{""});
        CHECK(adultPeople(*t.ws) == 2);
    }
    SECTION("a young mother first known as a child is linked as an adult") {
        auto mum = core::Json{{"given_name", "Amy"}, {"family_name", "Brown"}, {"relationship", "mother"},
                              {"parental_responsibility", "yes"}, {"person_id", a.personIds[0]}};
        const auto b = contacts.record(t.screener, familyB(mum));
        CHECK(b.adultPersonIds == std::vector<std::string>{a.personIds[0]});
        const auto history = core::PersonSearch(*t.ws).history(a.personIds[0]);
        CHECK(history["contacts"].size() == 2);
        CHECK(history["contacts"][0]["role_label"] == "Mother");
        CHECK(history["flags"]["contacts_in_window"] == 1); // flags count her contacts as a child only
    }
}

TEST_CASE("adults on contacts recorded before are made people, the same at every desk", "[adults][conversion]") {
    Desk a, b;
    test::addTestUsers(*a.ws);
    auto twoAdults = familyA();
    twoAdults["adults"].push_back({{"given_name", "not known"}, {"family_name", ""}, {"relationship", "father"},
                                   {"parental_responsibility", "unknown"}});
    const std::string first = recordTheOldWay(*a.ws, twoAdults);
    const std::string second = recordTheOldWay(*a.ws, familyB(darren()));
    send(a, b);
    REQUIRE(adultPeople(*a.ws) == 0);
    CHECK_FALSE(core::adultConversionDone(a.ws->db()));

    const auto converted = core::convertAdults(*a.ws, test::kScreener);
    CHECK(converted.contactsWithAdults == 2);
    CHECK(converted.peopleRegistered == 3);
    CHECK(converted.adultsLinked == 3);
    CHECK(converted.withoutName == 1);
    CHECK(adultPeople(*a.ws) == 3);
    CHECK(core::adultConversionDone(a.ws->db()));
    CHECK(core::loadPerson(a.ws->db(), core::adultPersonId(first, 1))->displayName() == "Darren Hughes");
    CHECK(core::ContactService(*a.ws).show(first)["adults"][1]["person_id"] == core::adultPersonId(first, 1));
    const auto history = core::PersonSearch(*a.ws).history(core::adultPersonId(first, 1));
    CHECK(history["contacts"][0]["role_label"] == "Parent's partner");

    SECTION("running it again adds nothing") {
        const int64_t facts = a.ws->facts().count();
        const auto again = core::convertAdults(*a.ws, test::kManager);
        CHECK(again.peopleRegistered == 0);
        CHECK(again.adultsLinked == 0);
        CHECK(again.alreadyLinked == 3);
        CHECK(a.ws->facts().count() == facts);
    }
    SECTION("two desks converting apart hold the same people after sync, with no duplicates") {
        core::convertAdults(*b.ws, {"jo.screener", "screener"});
        CHECK(b.ws->facts().count() == a.ws->facts().count());
        send(a, b);
        send(b, a);
        CHECK(a.ws->facts().factsDigest() == b.ws->facts().factsDigest());
        CHECK(adultPeople(*a.ws) == 3);
        CHECK(adultPeople(*b.ws) == 3);
        CHECK(a.ws->db().queryInt("SELECT count(*) FROM contact_adult") == 3);
        CHECK(a.ws->facts().projectionDigest() == b.ws->facts().projectionDigest());
        const std::string synced = a.ws->facts().projectionDigest();
        a.ws->facts().rebuildProjection();
        CHECK(a.ws->facts().projectionDigest() == synced);
        // And neither desk converts anything more.
        const int64_t facts = b.ws->facts().count();
        CHECK(core::convertAdults(*b.ws, test::kScreener).adultsLinked == 0);
        CHECK(b.ws->facts().count() == facts);
    }
    SECTION("an auditor may not run it") {
        CHECK_THROWS_AS(core::convertAdults(*a.ws, test::kAuditor), core::ForbiddenError);
    }
    SECTION("the rebuild equals the projection") {
        const std::string before = a.ws->facts().projectionDigest();
        a.ws->facts().rebuildProjection();
        CHECK(a.ws->facts().projectionDigest() == before);
    }
    (void)second;
}

TEST_CASE("cli: person convert-adults and person search --adults", "[adults][cli]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("cli.sqlite");
    {
        core::FixedClock clock(test::testNow());
        auto ws = core::Workspace::create(db, clock, core::DatabaseMode::Training);
        test::addTestUsers(*ws);
        recordTheOldWay(*ws, familyA());
    }
    const auto as = [&](std::vector<std::string> words) {
        words.insert(words.end(), {"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", "sam.screener", "--secret",
                                   test::kTestPin});
        return words;
    };
    const auto converted = test::runCli(as({"person", "convert-adults"}));
    REQUIRE(converted.exitCode == 0);
    CHECK(converted.json()["people_registered"] == 2);
    CHECK(test::runCli(as({"person", "convert-adults"})).json()["adults_linked"] == 0);

    const auto found = test::runCli(as({"person", "search", "--family", "Hughes", "--dob", "1990-04-02", "--adults"}));
    REQUIRE(found.exitCode == 0);
    REQUIRE(found.json()["candidates"].size() == 1);
    CHECK(found.json()["candidates"][0]["contacts"][0]["role_label"] == "Parent's partner");
    CHECK(test::runCli(as({"person", "search", "--family", "Hughes", "--dob", "1990-04-02"})).json()["candidates"].empty());
    CHECK(test::runCli(as({"person", "search", "--family", "Hughes", "--adults", "--everyone"})).exitCode == 2);
}

TEST_CASE("an adult's details are corrected as an adult's, and a corrected contact keeps its adults linked",
          "[adults][corrections]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto a = contacts.record(t.screener, familyA());
    const std::string darrenId = a.adultPersonIds.at(1);

    // Probation gives his full surname and the right date of birth: an adult of 36 is not refused by
    // the 0-25 rule children are recorded under, and stays an adult.
    core::PersonCorrections corrections(*t.ws);
    const auto corrected = corrections.amend(t.manager, darrenId,
                                             {{"family_name", "Hughes-Kerr"}, {"date_of_birth", "1990-02-04"}},
                                             "Probation gave his full surname and date of birth");
    CHECK(corrected.person.adult);
    const auto stored = core::loadPerson(t.ws->db(), darrenId);
    REQUIRE(stored);
    CHECK(stored->adult);
    CHECK(stored->familyName == "Hughes-Kerr");
    CHECK(core::formatDate(*stored->dateOfBirth) == "1990-02-04");
    CHECK(stored->previousNames == std::vector<core::PersonName>{{"Darren", "Hughes"}});
    // An adult's year still has to make sense.
    CHECK_THROWS_AS(corrections.amend(t.manager, darrenId, {{"date_of_birth", "1801-02-04"}}, "Typed the year wrongly"),
                    core::ValidationError);
    // The screener who recorded the contact naming him may correct him too, as the recorder of a child may.
    CHECK_NOTHROW(corrections.amend(t.screener, darrenId, {{"address", "9 Canal Street, Runcorn"}},
                                    "He gave his new address on the call"));

    // Correcting the contact itself (the concern) leaves both adults linked to their people.
    core::Json input = contacts.currentVersion(a.contactId);
    input["concern"] = input.value("concern", std::string()) + " Corrected: the incident was on Friday.";
    contacts.amend(t.manager, a.contactId, input, "The referrer called back with the day");
    const auto history = core::PersonSearch(*t.ws).history(darrenId);
    REQUIRE(history["contacts"].size() == 1);
    CHECK(history["contacts"][0]["role_label"] == "Parent's partner");
    const std::string digest = t.ws->facts().projectionDigest();
    t.ws->facts().rebuildProjection();
    CHECK(t.ws->facts().projectionDigest() == digest);
}
