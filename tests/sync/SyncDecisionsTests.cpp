// Issue 12's scenarios 14 and 15 through the share: decisions that cannot both stand, made at two desks
// that could not see each other, meet in batch files; every desk resolves them the same way and keeps both.
#include "SyncTestSupport.h"

#include "rules/ScreeningDecisionService.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/SyncConflicts.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using namespace frontdoor::core::sync;
using test::Desk;
using test::Share;

namespace {

void recommend(Desk& desk, const std::string& contactId) {
    const std::vector<std::string> indicators{"PERSISTENT_ABSENCE"};
    const auto suggestion =
        core::ScreeningDecisionService(*desk.ws).screenRecorded(contactId, {{"indicators", indicators}}).toJson();
    core::ContactWorkflow(*desk.ws).recommend(
        test::kScreener, contactId,
        {{"indicators", indicators},
         {"level", suggestion["level"]},
         {"outcome", suggestion["outcome"]},
         {"rag", suggestion["rag"]},
         {"recommendation", "Recommend what the threshold guidance suggests for this family."}});
}

core::Json direction() {
    return {{"case_direction",
             {{"what", "Team Around the Family meeting"}, {"by_whom", "Sam Screener"}, {"by_when", "2026-12-04"}}}};
}

std::string column(Desk& desk, const std::string& contactId, const std::string& name) {
    return desk.ws->db().lookupText("SELECT " + name + " FROM contact WHERE id = ?", contactId).value_or("");
}

} // namespace

TEST_CASE("Scenario 14: two managers sign off one contact at two offline desks: the first stands, the other "
          "is a conflict at every desk",
          "[sync][scenario]") {
    Share share;
    Desk a(share, true), b(share);
    a.join();
    b.join();
    const std::string contact = a.recordContact("Alfie");
    core::ContactWorkflow(*a.ws).startScreening(test::kScreener, contact);
    recommend(a, contact);
    test::syncAll({&a, &b});

    // The share drops out; each desk's duty manager signs the recommendation off.
    a.share.setFault(FaultyTransport::Fault::Missing);
    b.share.setFault(FaultyTransport::Fault::Missing);
    b.clock.advance(std::chrono::minutes{5});
    core::ContactWorkflow(*b.ws).signOff(test::kOtherManager, contact, direction()); // 10:05, first
    a.clock.advance(std::chrono::minutes{10});
    core::ContactWorkflow(*a.ws).signOff(test::kManager, contact, direction());      // 10:10
    b.clock.advance(std::chrono::minutes{5});
    a.share.setFault(FaultyTransport::Fault::None);
    b.share.setFault(FaultyTransport::Fault::None);
    test::syncAll({&a, &b});

    CHECK(test::allEqual({&a, &b}));
    for (Desk* desk : {&a, &b}) {
        CHECK(column(*desk, contact, "decided_by") == "dee.manager");
        CHECK(desk->sync().conflicts == 1);
        const auto listed = core::SyncConflicts(*desk->ws).list(test::kManager)["conflicts"];
        REQUIRE(listed.size() == 1);
        CHECK(listed[0]["kind"] == "signed_off_twice");
    }
}

TEST_CASE("Scenario 15: one child registered at two offline desks: both kept, at every desk", "[sync][scenario]") {
    Share share;
    Desk a(share, true), b(share);
    a.join();
    b.join();
    test::syncAll({&a, &b});
    a.share.setFault(FaultyTransport::Fault::Missing);
    const std::string atA = a.recordContact("Robin");
    const std::string atB = b.recordContact("Robin");
    b.sync();
    a.share.setFault(FaultyTransport::Fault::None);
    test::syncAll({&a, &b});

    CHECK(test::allEqual({&a, &b}));
    for (Desk* desk : {&a, &b}) {
        CHECK_FALSE(column(*desk, atA, "id").empty());
        CHECK_FALSE(column(*desk, atB, "id").empty());
        CHECK(desk->ws->db().queryInt("SELECT count(*) FROM person WHERE given_name = 'Robin'").value_or(0) == 2);
    }
}

TEST_CASE("A conflict lists the contact's children and what each desk decided; the contact's open conflicts go "
          "when it is resolved",
          "[sync][conflicts]") {
    Share share;
    Desk a(share, true), b(share);
    a.join();
    b.join();
    const std::string contact = a.recordContact("Alfie");
    core::ContactWorkflow(*a.ws).startScreening(test::kScreener, contact);
    recommend(a, contact);
    test::syncAll({&a, &b});
    a.share.setFault(FaultyTransport::Fault::Missing);
    b.share.setFault(FaultyTransport::Fault::Missing);
    b.clock.advance(std::chrono::minutes{5});
    core::ContactWorkflow(*b.ws).signOff(test::kOtherManager, contact, direction());
    a.clock.advance(std::chrono::minutes{10});
    core::ContactWorkflow(*a.ws).returnForEdits(test::kManager, contact, "Please add the school's view first.");
    a.share.setFault(FaultyTransport::Fault::None);
    b.share.setFault(FaultyTransport::Fault::None);
    test::syncAll({&a, &b});

    core::SyncConflicts conflicts(*a.ws);
    const auto listed = conflicts.list(test::kManager)["conflicts"];
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["children"] == "Alfie Smith");
    CHECK(listed[0]["a"]["what"].get<std::string>().rfind("Signed off: ", 0) == 0);
    CHECK(listed[0]["a"]["what"].get<std::string>().find("Team Around the Family meeting") != std::string::npos);
    CHECK(listed[0]["b"]["what"] == "Returned for edits: Please add the school's view first.");

    // The contact's banner reads its open conflicts, whoever is looking.
    const auto open = conflicts.openOn(contact);
    REQUIRE(open.size() == 1);
    CHECK(open[0]["kind"] == "signed_off_and_returned");
    CHECK(open[0]["id"] == listed[0]["id"]);
    CHECK(conflicts.openOn("no-such-contact").empty());
    conflicts.resolve(test::kManager, listed[0]["id"], "A", "Agreed with both managers by phone.");
    CHECK(conflicts.openOn(contact).empty());
    CHECK(column(a, contact, "status") == "decided");
}
