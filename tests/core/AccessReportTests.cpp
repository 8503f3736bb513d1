// The auditor's access report: who read a child's record, and whose reading stands out.
#include "TestSupport.h"

#include "audit/AccessReport.h"
#include "contacts/ContactService.h"
#include "people/PersonSearch.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using namespace std::chrono_literals;

namespace {

const core::Actor kJo{"jo.screener", "screener"};

// A contact about a made-up child, recorded by `by`; returns {contact id, person id}.
std::pair<std::string, std::string> recordChild(core::Workspace& ws, const core::Actor& by, const std::string& given) {
    auto input = test::sampleContact();
    input["children"][0]["given_name"] = given;
    const auto recorded = core::ContactService(ws).record(by, input);
    return {recorded.contactId, recorded.personIds.at(0)};
}

} // namespace

TEST_CASE("The access report lists every view of a child's record, who, when, from which desk, in their work or not",
          "[audit]") {
    test::TestWorkspace t;
    auto& ws = *t.ws;
    const auto [contactId, personId] = recordChild(ws, test::kScreener, "Mabel");

    core::ContactService contacts(ws);
    t.clock.set(test::testNow() + 1h);
    contacts.logView(test::kScreener, contactId); // the recorder: their work
    t.clock.set(test::testNow() + 2h);
    contacts.logView(kJo, contactId); // another screener who never touched it
    t.clock.set(test::testNow() + 3h);
    core::PersonSearch(ws).viewHistory(kJo, personId, std::nullopt);

    const auto report = core::childAccessReport(ws, test::kAuditor, personId);
    CHECK(report.childName.find("Mabel") == 0);
    REQUIRE(report.entries.size() == 3);
    CHECK(report.entries[0].userId == "sam.screener");
    CHECK(report.entries[0].what == "contact");
    CHECK(report.entries[0].inTheirWork);
    CHECK(report.entries[0].deviceId == ws.facts().deviceId());
    CHECK_FALSE(report.entries[0].contactReference.empty());
    CHECK(report.entries[1].userId == "jo.screener");
    CHECK_FALSE(report.entries[1].inTheirWork);
    CHECK(report.entries[2].what == "person");
    CHECK_FALSE(report.entries[2].inTheirWork);
    CHECK(report.entries[0].at < report.entries[1].at);

    // A period narrows it.
    const auto later = core::childAccessReport(ws, test::kAuditor, personId, test::testNow() + 150min);
    REQUIRE(later.entries.size() == 1);
    CHECK(later.entries[0].what == "person");

    // Running the report is itself recorded, against the child.
    bool recorded = false;
    for (const auto& fact : ws.facts().factsAbout(personId))
        recorded = recorded || (fact.type == core::kAuditReportRun && fact.userId == "aud.auditor");
    CHECK(recorded);
}

TEST_CASE("Only auditors and administrators see who read what", "[audit]") {
    test::TestWorkspace t;
    const auto [contactId, personId] = recordChild(*t.ws, test::kScreener, "Mabel");
    const auto before = t.ws->facts().count();
    CHECK_THROWS_AS(core::childAccessReport(*t.ws, test::kManager, personId), core::ForbiddenError);
    CHECK_THROWS_AS(core::readingReport(*t.ws, test::kScreener, test::testNow(), test::testNow() + 24h),
                    core::ForbiddenError);
    CHECK_THROWS_AS(core::childAccessReport(*t.ws, test::kAuditor, "no-such-person"), core::NotFoundError);
    CHECK(t.ws->facts().count() == before);
}

TEST_CASE("The reading report flags a reader whose reading outside their work stands out from the team's", "[audit]") {
    test::TestWorkspace t;
    auto& ws = *t.ws;
    core::ContactService contacts(ws);
    std::vector<std::string> ids;
    for (int i = 0; i < 14; ++i)
        ids.push_back(recordChild(ws, test::kScreener, "Child" + std::string(1, static_cast<char>('A' + i))).first);
    // Sam reads the contacts they recorded; Jo reads all of them without doing anything on any; the
    // manager reads two.
    for (const auto& id : ids) {
        contacts.logView(test::kScreener, id);
        contacts.logView(kJo, id);
    }
    contacts.logView(test::kManager, ids[0]);
    contacts.logView(test::kManager, ids[1]);

    const auto report = core::readingReport(ws, test::kAuditor, test::testNow() - 1h, test::testNow() + 1h);
    REQUIRE(report.readers.size() == 3);
    const auto& first = report.readers.front();
    CHECK(first.userId == "jo.screener");
    CHECK(first.views == 14);
    CHECK(first.viewsOutsideWork == 14);
    CHECK(first.distinctRecords == 14);
    CHECK(first.standsOut);
    CHECK_THAT(first.why, Catch::Contains("14 views of records outside their work"));
    for (size_t i = 1; i < report.readers.size(); ++i)
        CHECK_FALSE(report.readers[i].standsOut);
    const auto sam = std::find_if(report.readers.begin(), report.readers.end(),
                                  [](const auto& r) { return r.userId == "sam.screener"; });
    REQUIRE(sam != report.readers.end());
    CHECK(sam->viewsOutsideWork == 0);

    // A higher bar flags nobody.
    core::ReadingThresholds strict;
    strict.minimumOutsideWork = 20;
    const auto none = core::readingReport(ws, test::kAuditor, test::testNow() - 1h, test::testNow() + 1h, strict);
    CHECK(std::none_of(none.readers.begin(), none.readers.end(), [](const auto& r) { return r.standsOut; }));

    CHECK_THROWS_AS(core::readingReport(ws, test::kAuditor, test::testNow(), test::testNow()), core::ValidationError);
}
