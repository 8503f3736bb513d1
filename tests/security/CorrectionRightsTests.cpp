// Corrections (issue 13 point 1) are a way to change the record, so they are held to who may change it:
// a screener corrects only a contact they recorded, and no correction rewrites who recorded it, when, or
// any id. Both the service and the CLI (which calls it) are checked.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "people/PersonCorrections.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using Catch::Contains;

namespace {

const std::string kReason = "The date of birth was typed wrongly on the call.";

} // namespace

TEST_CASE("security: a screener who did not record a contact cannot correct it", "[security][corrections]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto recorded = contacts.record(test::kScreener, test::sampleContact());
    const core::Actor jo{"jo.screener", "screener"};
    core::Json version = contacts.currentVersion(recorded.contactId);
    version["children"][0]["date_of_birth"] = "2015-12-03";
    const auto before = t.ws->facts().count();

    CHECK_THROWS_AS(contacts.amend(jo, recorded.contactId, version, kReason), core::ForbiddenError);
    CHECK_THROWS_AS(core::PersonCorrections(*t.ws).amend(jo, recorded.personIds[0], {{"date_of_birth", "2015-12-03"}},
                                                        kReason),
                    core::ForbiddenError);
    // Acting in a role they do not hold gets them nowhere either.
    CHECK_THROWS_AS(contacts.amend({"jo.screener", "duty_manager"}, recorded.contactId, version, kReason),
                    core::ForbiddenError);
    CHECK(t.ws->facts().count() == before);
    CHECK(contacts.show(recorded.contactId)["children"][0]["date_of_birth"] == "2015-03-12");
}

TEST_CASE("security: a correction cannot change who recorded the contact, when, or any id", "[security][corrections]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto recorded = contacts.record(test::kScreener, test::sampleContact());
    const std::string id = recorded.contactId;
    const auto shownBefore = contacts.show(id);
    const auto before = t.ws->facts().count();

    const auto refusedField = [&](const core::Json& version) -> std::string {
        try {
            contacts.amend(test::kManager, id, version, kReason);
        } catch (const core::ValidationError& error) {
            return error.errors().front().field;
        }
        return "(accepted)";
    };
    for (const char* field : {"recorded_by", "recorded_at", "reference", "status"}) {
        core::Json version = contacts.currentVersion(id);
        version[field] = "jo.screener";
        CHECK(refusedField(version) == field);
    }
    core::Json otherId = contacts.currentVersion(id);
    otherId["id"] = "01900000-0000-7000-8000-000000000000";
    CHECK(refusedField(otherId) == "id");
    core::Json unknownChild = contacts.currentVersion(id);
    unknownChild["children"][0]["id"] = "01900000-0000-7000-8000-000000000001";
    CHECK(refusedField(unknownChild) == "children[0].id");
    CHECK_THROWS_AS(core::PersonCorrections(*t.ws).amend(test::kManager, recorded.personIds[0],
                                                        {{"id", "01900000-0000-7000-8000-000000000002"}}, kReason),
                    core::ValidationError);
    CHECK(t.ws->facts().count() == before);

    // A correction that is accepted leaves who recorded it and when as they were.
    core::Json version = contacts.currentVersion(id);
    version["concern"] = "John arrived with a bruise on his left cheek and said his dad hit him.";
    contacts.amend(test::kManager, id, version, kReason);
    const auto shownAfter = contacts.show(id);
    CHECK(shownAfter["recorded_by"] == shownBefore["recorded_by"]);
    CHECK(shownAfter["recorded_at"] == shownBefore["recorded_at"]);
    CHECK(shownAfter["reference"] == shownBefore["reference"]);
    CHECK(shownAfter["id"] == id);
}
