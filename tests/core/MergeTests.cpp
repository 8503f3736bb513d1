// Duplicate people (issue 13, point 2): the duplicate scan, merge, unmerge and "not duplicates".
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "people/Duplicates.h"
#include "people/PersonMerge.h"
#include "people/PersonSearch.h"
#include "store/FactStore.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace frontdoor;
using test::TestWorkspace;

namespace {

const core::Actor kAdminActor{"ada.admin", "administrator"};

// Records a contact about a child received at `when`, decided with `outcome` ("" = undecided); returns
// the person's id (the one given, or the one registered).
std::string contactAbout(TestWorkspace& t, core::Json child, const std::string& when, const std::string& outcome = "") {
    auto input = test::sampleContact();
    input["received_at"] = when;
    child["voice"] = "Said they were fine.";
    input["children"] = core::Json::array({child});
    core::ContactService contacts(*t.ws);
    const auto recorded = contacts.record(t.screener, input);
    if (!outcome.empty())
        contacts.importOutcome(kAdminActor, recorded.contactId, outcome, *core::parseInstant(when) + std::chrono::hours(20), "");
    return recorded.personIds.at(0);
}

core::Json john() {
    return {{"given_name", "John"}, {"family_name", "Smith"}, {"date_of_birth", "2015-03-12"}, {"postcode", "WA7 5XY"}};
}
core::Json jon() {
    // The same boy registered again at another desk: names by sound, day and month transposed.
    return {{"given_name", "Jon"}, {"family_name", "Smyth"}, {"date_of_birth", "2015-12-03"}, {"postcode", "WA7 5XY"}};
}

// A later contact about a known child: the referrer's details, linked to the person.
core::Json withId(core::Json child, const std::string& id) {
    child["id"] = id;
    return child;
}

std::vector<std::string> searchIds(TestWorkspace& t, const std::string& given, const std::string& family, const char* dob) {
    core::PersonQuery query;
    query.givenName = given;
    query.familyName = family;
    query.dateOfBirth = core::parseDate(dob);
    std::vector<std::string> ids;
    for (const auto& c : core::PersonSearch(*t.ws).search(query))
        ids.push_back(c.person.id + " " + std::to_string(c.score));
    return ids;
}

std::vector<std::string> contactIds(const core::Json& history) {
    std::vector<std::string> ids;
    for (const auto& c : history["contacts"])
        ids.push_back(c["id"]);
    return ids;
}

bool rebuildMatches(TestWorkspace& t) {
    const auto digest = t.ws->facts().projectionDigest();
    if (!t.ws->facts().compareProjectionWithRebuild().matches)
        return false;
    t.ws->facts().rebuildProjection();
    return t.ws->facts().projectionDigest() == digest;
}

bool scanOffers(TestWorkspace& t, const std::string& a, const std::string& b) {
    const auto scan = core::findDuplicates(t.ws->db());
    return std::any_of(scan.pairs.begin(), scan.pairs.end(), [&](const core::DuplicatePair& p) {
        return (p.a.id == a && p.b.id == b) || (p.a.id == b && p.b.id == a);
    });
}

struct TwoRecords {
    TestWorkspace t;
    std::string johnId, jonId;
    TwoRecords() {
        johnId = contactAbout(t, john(), "2025-10-01T10:00:00Z", "child_and_family_assessment");
        contactAbout(t, withId(john(), johnId), "2026-08-20T10:00:00Z");
        jonId = contactAbout(t, jon(), "2026-06-15T10:00:00Z", "strategy_discussion");
        contactAbout(t, withId(jon(), jonId), "2026-11-02T10:00:00Z");
        // Twins and a stranger around them.
        contactAbout(t, {{"given_name", "Amy"}, {"family_name", "Jones"}, {"date_of_birth", "2019-05-05"}},
                     "2026-09-01T10:00:00Z");
        contactAbout(t, {{"given_name", "Beth"}, {"family_name", "Jones"}, {"date_of_birth", "2019-05-05"}},
                     "2026-09-01T11:00:00Z");
        contactAbout(t, {{"given_name", "Harry"}, {"family_name", "Patel"}, {"date_of_birth", "2015-03-12"}},
                     "2026-09-02T10:00:00Z");
    }
};

} // namespace

TEST_CASE("the duplicate scan offers the same child registered twice, with reasons, and not twins", "[merge]") {
    TwoRecords r;
    const auto scan = core::findDuplicates(r.t.ws->db());
    REQUIRE(scan.pairs.size() == 1);
    const auto& pair = scan.pairs.front();
    CHECK(std::set<std::string>{pair.a.id, pair.b.id} == std::set<std::string>{r.johnId, r.jonId});
    CHECK(pair.score >= 75);
    std::vector<std::string> codes;
    for (const auto& reason : pair.reasons)
        codes.push_back(reason.code);
    CHECK(std::count(codes.begin(), codes.end(), "date_of_birth_transposed") == 1);
    CHECK(std::count(codes.begin(), codes.end(), "family_name_phonetic") == 1);
    CHECK(std::count(codes.begin(), codes.end(), "given_name_phonetic") == 1);
    // Everyone is scanned: the five children and the adults named on their contacts (adults are people
    // too, and the same partner registered twice is as much a duplicate as a child).
    CHECK(scan.peopleScanned == 5 + r.t.ws->db().queryInt("SELECT count(*) FROM person WHERE adult = 1").value_or(-1));

    SECTION("the same local authority child id is enough, and is said") {
        const std::string other = contactAbout(r.t, {{"given_name", "Kai"}, {"family_name", "Lee"},
                                                     {"date_of_birth", "2012-01-20"}, {"la_child_id", "LA-0042"}},
                                               "2026-09-03T10:00:00Z");
        const std::string same = contactAbout(r.t, {{"given_name", "Kye"}, {"family_name", "Li"},
                                                    {"date_of_birth", "2011-06-02"}, {"la_child_id", "LA-0042"}},
                                              "2026-09-04T10:00:00Z");
        CHECK(scanOffers(r.t, other, same));
    }
    SECTION("two unborn children due the same day in one family") {
        const auto unborn = [&](const char* due) {
            return contactAbout(r.t, {{"family_name", "Okafor"}, {"expected_date", due}}, "2026-09-05T10:00:00Z");
        };
        const std::string first = unborn("2027-02-04");
        const std::string second = unborn("2027-02-04");
        CHECK(scanOffers(r.t, first, second));
    }
    SECTION("an unborn child and a baby born near the expected date at the same address") {
        const std::string unborn = contactAbout(r.t, {{"family_name", "Okafor"}, {"expected_date", "2026-10-04"},
                                                      {"postcode", "WA8 7QT"}},
                                                "2026-08-01T10:00:00Z");
        const std::string baby = contactAbout(r.t, {{"given_name", "Ada"}, {"family_name", "Okafor"},
                                                    {"date_of_birth", "2026-09-28"}, {"postcode", "WA8 7QT"}},
                                              "2026-11-01T10:00:00Z");
        CHECK(scanOffers(r.t, unborn, baby));
    }
}

TEST_CASE("merge then unmerge: each person's contacts, flags, search results and history as before", "[merge]") {
    TwoRecords r;
    auto& t = r.t;
    core::PersonSearch people(*t.ws);
    const auto johnBefore = people.history(r.johnId);
    const auto jonBefore = people.history(r.jonId);
    const auto searchJohnBefore = searchIds(t, "John", "Smith", "2015-03-12");
    const auto searchJonBefore = searchIds(t, "Jon", "Smyth", "2015-12-03");
    REQUIRE(contactIds(johnBefore).size() == 2);
    REQUIRE(contactIds(jonBefore).size() == 2);
    REQUIRE(rebuildMatches(t));

    const auto merged = core::PersonMergeService(*t.ws).merge(test::kManager, r.johnId, r.jonId, "same boy, registered twice");
    CHECK(rebuildMatches(t));

    // One person with every contact; the merged id still resolves, saying so.
    const auto after = people.history(r.johnId);
    CHECK(contactIds(after).size() == 4);
    CHECK(after["merged_from"].size() == 1);
    CHECK(after["merged_from"][0]["merge_id"] == merged.mergeId);
    CHECK(after["merged_from"][0]["display_name"] == "Jon Smyth");
    const auto viaOld = people.history(r.jonId);
    CHECK(viaOld["person"]["id"] == r.johnId);
    CHECK(viaOld["asked_id"] == r.jonId);
    CHECK(viaOld["merged_into"]["merge_id"] == merged.mergeId);
    CHECK(contactIds(viaOld) == contactIds(after));
    core::ContactFilter filter;
    filter.personId = r.jonId;
    CHECK(core::ContactService(*t.ws).list(filter).size() == 4);
    // Search finds the survivor, once, by either name; the other's names are the survivor's alternatives.
    for (const auto& ids : {searchIds(t, "Jon", "Smyth", "2015-12-03"), searchIds(t, "John", "Smith", "2015-03-12")}) {
        REQUIRE_FALSE(ids.empty());
        CHECK(ids.front().rfind(r.johnId, 0) == 0);
        CHECK(std::none_of(ids.begin(), ids.end(), [&](const std::string& id) { return id.rfind(r.jonId, 0) == 0; }));
    }
    const auto resolved = core::loadResolvedPerson(t.ws->db(), r.jonId);
    REQUIRE(resolved);
    CHECK(resolved->alternativeNames == std::vector<core::PersonName>{{"Jon", "Smyth"}});
    // The pair is no longer offered: it is one person now.
    CHECK(core::findDuplicates(t.ws->db()).pairs.empty());

    SECTION("flags after the merge are the flags of one person who had all the contacts") {
        TestWorkspace single;
        const std::string one = contactAbout(single, john(), "2025-10-01T10:00:00Z", "child_and_family_assessment");
        contactAbout(single, withId(john(), one), "2026-08-20T10:00:00Z");
        contactAbout(single, withId(john(), one), "2026-06-15T10:00:00Z", "strategy_discussion");
        contactAbout(single, withId(john(), one), "2026-11-02T10:00:00Z");
        const auto expected = core::PersonSearch(*single.ws).history(one);
        CHECK(after["flags"] == expected["flags"]);
        CHECK(after["flags"]["re_referral"] == true); // June's referral came within 12 months of October's
        CHECK(after["flags"]["repeat_contacts"] == true);
        CHECK_FALSE(johnBefore["flags"]["re_referral"].get<bool>());
        std::vector<bool> reReferrals, expectedReReferrals;
        for (const auto& c : after["contacts"])
            reReferrals.push_back(c.value("is_re_referral", false));
        for (const auto& c : expected["contacts"])
            expectedReReferrals.push_back(c.value("is_re_referral", false));
        CHECK(reReferrals == expectedReReferrals);
    }

    SECTION("unmerge restores both exactly; the merge and unmerge stay on record") {
        const auto undone = core::PersonMergeService(*t.ws).unmerge(test::kManager, merged.mergeId, "two brothers after all");
        CHECK(undone.undone);
        CHECK(rebuildMatches(t));
        CHECK(people.history(r.johnId) == johnBefore);
        CHECK(people.history(r.jonId) == jonBefore);
        CHECK(searchIds(t, "John", "Smith", "2015-03-12") == searchJohnBefore);
        CHECK(searchIds(t, "Jon", "Smyth", "2015-12-03") == searchJonBefore);
        const auto record = core::loadMerge(t.ws->db(), merged.mergeId);
        REQUIRE(record);
        CHECK(record->reason == "same boy, registered twice");
        CHECK(record->unmergeReason == "two brothers after all");
        CHECK(t.ws->db().lookupInt("SELECT count(*) FROM facts WHERE subject = ? AND type LIKE 'person.%merged'", r.jonId) == 2);
        CHECK_THROWS_AS(core::PersonMergeService(*t.ws).unmerge(test::kManager, merged.mergeId, "again"), core::ConflictError);
        // The pair comes back to the list, to be decided again.
        CHECK(scanOffers(t, r.johnId, r.jonId));
    }

    SECTION("a contact recorded for the survivor during the merge stays with the survivor") {
        contactAbout(t, withId(john(), r.johnId), "2026-11-20T10:00:00Z");
        core::PersonMergeService(*t.ws).unmerge(test::kManager, merged.mergeId, "two brothers after all");
        CHECK(contactIds(people.history(r.johnId)).size() == 3);
        CHECK(people.history(r.jonId) == jonBefore);
        CHECK(rebuildMatches(t));
    }
}

TEST_CASE("a pair marked \"not duplicates\" does not come back", "[merge]") {
    TwoRecords r;
    REQUIRE(scanOffers(r.t, r.johnId, r.jonId));
    core::PersonMergeService(*r.t.ws).markNotDuplicate(test::kScreener, r.jonId, r.johnId, "brothers, checked with school");
    CHECK_FALSE(scanOffers(r.t, r.johnId, r.jonId));
    CHECK(core::markedNotDuplicate(r.t.ws->db(), r.johnId, r.jonId));
    CHECK(rebuildMatches(r.t));
    CHECK_FALSE(scanOffers(r.t, r.johnId, r.jonId)); // and not after a rebuild either
    // More contacts about either do not bring it back.
    contactAbout(r.t, withId(jon(), r.jonId), "2026-11-20T10:00:00Z");
    CHECK_FALSE(scanOffers(r.t, r.johnId, r.jonId));
    CHECK_THROWS_AS(core::PersonMergeService(*r.t.ws).markNotDuplicate(test::kManager, r.johnId, r.jonId, ""),
                    core::ConflictError);
}

TEST_CASE("merge, unmerge and not-duplicate: who may, and bad input refused without a change", "[merge]") {
    TwoRecords r;
    core::PersonMergeService merges(*r.t.ws);
    const auto facts = [&] { return r.t.ws->facts().count(); };
    const auto held = facts();
    CHECK_THROWS_AS(merges.merge(test::kScreener, r.johnId, r.jonId, "same boy"), core::ForbiddenError);
    CHECK_THROWS_AS(merges.merge(test::kEdt, r.johnId, r.jonId, "same boy"), core::ForbiddenError);
    CHECK_THROWS_AS(merges.markNotDuplicate(test::kEdt, r.johnId, r.jonId, ""), core::ForbiddenError);
    CHECK_THROWS_AS(merges.markNotDuplicate(test::kAuditor, r.johnId, r.jonId, ""), core::ForbiddenError);
    try {
        merges.merge(test::kManager, r.johnId, r.johnId, "  ");
        FAIL("merged without a reason");
    } catch (const core::ValidationError& e) {
        std::set<std::string> fields;
        for (const auto& error : e.errors())
            fields.insert(error.field);
        CHECK(fields == std::set<std::string>{"reason", "other"});
    }
    CHECK_THROWS_AS(merges.merge(test::kManager, r.johnId, "no-such-person", "same boy"), core::NotFoundError);
    CHECK_THROWS_AS(merges.unmerge(test::kManager, "no-such-merge", "because"), core::NotFoundError);
    CHECK(facts() == held);

    const auto merged = merges.merge(test::kManager, r.johnId, r.jonId, "same boy");
    CHECK_THROWS_AS(merges.merge(test::kOtherManager, r.johnId, r.jonId, "same boy"), core::ConflictError);
    CHECK_THROWS_AS(merges.merge(test::kOtherManager, r.jonId, r.johnId, "the other way"), core::ConflictError);
    CHECK_THROWS_AS(merges.unmerge(test::kScreener, merged.mergeId, "because"), core::ForbiddenError);
    CHECK_THROWS_AS(merges.unmerge(test::kManager, merged.mergeId, ""), core::ValidationError);
    CHECK_NOTHROW(merges.unmerge(test::kOtherManager, merged.mergeId, "because"));
}

TEST_CASE("a chain of merges resolves to the last survivor and unwinds one merge at a time", "[merge]") {
    TwoRecords r;
    auto& t = r.t;
    const std::string third = contactAbout(t, {{"given_name", "Johnny"}, {"family_name", "Smith"},
                                               {"date_of_birth", "2015-03-12"}}, "2026-10-10T10:00:00Z");
    core::PersonMergeService merges(*t.ws);
    core::PersonSearch people(*t.ws);
    const auto thirdBefore = people.history(third);
    const auto first = merges.merge(test::kManager, r.jonId, r.johnId, "same boy");
    merges.merge(test::kManager, third, r.jonId, "same boy again");
    CHECK(core::resolvePersonId(t.ws->db(), r.johnId) == third);
    CHECK(contactIds(people.history(r.johnId)).size() == 5);
    CHECK(rebuildMatches(t));
    merges.unmerge(test::kManager, first.mergeId, "John is his brother");
    CHECK(core::resolvePersonId(t.ws->db(), r.johnId) == r.johnId);
    CHECK(contactIds(people.history(third)).size() == 3);
    CHECK(rebuildMatches(t));
    (void)thirdBefore;
}

namespace {

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

std::string recordAt(Desk& desk, core::Json child) {
    auto input = test::sampleContact();
    child["voice"] = "Said they were fine.";
    input["children"] = core::Json::array({child});
    return core::ContactService(*desk.ws).record(test::kScreener, input).personIds.at(0);
}

} // namespace

TEST_CASE("a merge made at another desk arriving late is projected as if it had come in order", "[merge][sync-store]") {
    Desk a, b;
    test::addTestUsers(*a.ws);
    const std::string johnId = recordAt(a, john());
    const std::string jonId = recordAt(a, jon());
    for (int i = 0; i < 8; ++i)
        recordAt(a, {{"given_name", "Child"}, {"family_name", "Number" + std::string(1, char('A' + i))},
                     {"date_of_birth", "2014-01-0" + std::to_string(i + 1)}});
    send(a, b);
    // B merges at 10:05; A, not knowing, records a contact about Jon at 10:10 and then hears of the merge.
    b.clock.set(test::at("2026-11-23T10:05:00Z"));
    a.clock.set(test::at("2026-11-23T10:10:00Z"));
    const auto merged = core::PersonMergeService(*b.ws).merge(test::kManager, johnId, jonId, "same boy");
    recordAt(a, withId(jon(), jonId));
    send(b, a);
    CHECK(a.ws->facts().lastImportProjection() == "subjects");
    CHECK(a.ws->facts().compareProjectionWithRebuild().matches);
    CHECK(core::resolvePersonId(a.ws->db(), jonId) == johnId);
    CHECK(core::PersonSearch(*a.ws).history(johnId)["contacts"].size() == 3);
    send(a, b);
    CHECK(a.ws->facts().projectionDigest() == b.ws->facts().projectionDigest());
    // Unmerged at A, late at B the other way round.
    b.clock.set(test::at("2026-11-23T10:20:00Z"));
    a.clock.set(test::at("2026-11-23T10:15:00Z"));
    core::PersonMergeService(*a.ws).unmerge(test::kManager, merged.mergeId, "brothers");
    recordAt(b, withId(john(), johnId));
    send(a, b);
    CHECK(b.ws->facts().compareProjectionWithRebuild().matches);
    send(b, a);
    CHECK(a.ws->facts().projectionDigest() == b.ws->facts().projectionDigest());
    CHECK(core::resolvePersonId(b.ws->db(), jonId) == jonId);
}

TEST_CASE("cli: person duplicates, merge, unmerge, not-duplicate", "[merge][cli]") {
    TwoRecords r;
    const std::string db = r.t.ws->db().path();
    const auto as = [&](const char* user, std::vector<std::string> words) {
        words.insert(words.end(), {"--db", db, "--now", "2026-11-23T10:00:00Z", "--user", user, "--secret", test::kTestPin});
        return test::runCli(words);
    };
    const auto listed = as("sam.screener", {"person", "duplicates"});
    REQUIRE(listed.exitCode == 0);
    REQUIRE(listed.json()["pairs"].size() == 1);
    CHECK(listed.json()["pairs"][0]["reasons"].size() >= 3);

    CHECK(as("sam.screener", {"person", "merge", r.johnId, r.jonId, "--reason", "same boy"}).exitCode == 3);
    const auto noReason = as("mo.manager", {"person", "merge", r.johnId, r.jonId});
    CHECK(noReason.exitCode == 2);
    CHECK(noReason.err.find("reason") != std::string::npos);
    CHECK(as("mo.manager", {"person", "merge", r.johnId}).exitCode == 2);
    const auto merged = as("mo.manager", {"person", "merge", r.johnId, r.jonId, "--reason", "same boy"});
    REQUIRE(merged.exitCode == 0);
    const std::string mergeId = merged.json()["merge_id"];
    const auto history = as("sam.screener", {"history", r.jonId});
    REQUIRE(history.exitCode == 0);
    CHECK(history.json()["person"]["id"] == r.johnId);
    CHECK(history.json()["contacts"].size() == 4);
    CHECK(as("sam.screener", {"person", "duplicates"}).json()["pairs"].empty());
    CHECK(as("mo.manager", {"person", "unmerge", mergeId}).exitCode == 2);
    CHECK(as("mo.manager", {"person", "unmerge", mergeId, "--reason", "brothers"}).exitCode == 0);
    CHECK(as("mo.manager", {"person", "unmerge", mergeId, "--reason", "brothers"}).exitCode == 1);
    CHECK(as("sam.screener", {"person", "not-duplicate", r.johnId, r.jonId, "--reason", "brothers"}).exitCode == 0);
    CHECK(as("sam.screener", {"person", "duplicates"}).json()["pairs"].empty());
    CHECK(as("sam.screener", {"person", "not-duplicate", r.johnId, "nobody"}).exitCode == 1);
}
