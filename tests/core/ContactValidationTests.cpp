// Every validation rule of a contact: each refusal names the field and the problem, and a refused
// contact leaves what is already saved untouched.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "people/PersonProjection.h"
#include "standards/CensusCodes.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace frontdoor;
using test::TestWorkspace;

namespace {

// Records `input` and returns the validation errors (none if it was accepted).
std::vector<core::FieldError> refusal(TestWorkspace& t, const core::Json& input) {
    try {
        core::ContactService(*t.ws).record(t.screener, input);
    } catch (const core::ValidationError& e) {
        return e.errors();
    }
    return {};
}

// The problem reported for `field`, or "" if none.
std::string problemFor(const std::vector<core::FieldError>& errors, const std::string& field) {
    for (const auto& e : errors)
        if (e.field == field)
            return e.problem;
    return "";
}

} // namespace

TEST_CASE("a complete contact is accepted", "[contacts][validation]") {
    TestWorkspace t;
    CHECK(refusal(t, test::sampleContact()).empty());
}

TEST_CASE("required fields are named when missing", "[contacts][validation]") {
    TestWorkspace t;
    for (const char* field : {"received_at", "channel", "source", "children", "concern", "consent"}) {
        DYNAMIC_SECTION("without " << field) {
            auto input = test::sampleContact();
            input.erase(field);
            CHECK_THAT(problemFor(refusal(t, input), field), Catch::Contains("required"));
        }
    }
    SECTION("the referrer's name, unless the contact is anonymous") {
        auto input = test::sampleContact();
        input["referrer"].erase("name");
        CHECK_THAT(problemFor(refusal(t, input), "referrer.name"), Catch::Contains("required"));
        input["source"] = "9";
        input.erase("referrer");
        CHECK(refusal(t, input).empty());
    }
    SECTION("a child's family name, and given name unless unborn") {
        auto input = test::sampleContact();
        input["children"][0]["family_name"] = "  ";
        input["children"][0].erase("given_name");
        const auto errors = refusal(t, input);
        CHECK_THAT(problemFor(errors, "children[0].family_name"), Catch::Contains("blank"));
        CHECK_THAT(problemFor(errors, "children[0].given_name"), Catch::Contains("required"));
    }
    SECTION("an empty list of children") {
        auto input = test::sampleContact();
        input["children"] = core::Json::array();
        CHECK_THAT(problemFor(refusal(t, input), "children"), Catch::Contains("at least one child"));
    }
    SECTION("the adults' relationship and parental responsibility") {
        auto input = test::sampleContact();
        input["adults"][0].erase("relationship");
        input["adults"][0].erase("parental_responsibility");
        const auto errors = refusal(t, input);
        CHECK_THAT(problemFor(errors, "adults[0].relationship"), Catch::Contains("required"));
        CHECK_THAT(problemFor(errors, "adults[0].parental_responsibility"), Catch::Contains("required"));
    }
}

TEST_CASE("no date may be in the future", "[contacts][validation]") {
    TestWorkspace t; // now is 2026-11-23T10:00Z
    SECTION("receipt") {
        auto input = test::sampleContact();
        input["received_at"] = "2026-11-23T11:30:00+01:00"; // 10:30 UTC
        CHECK_THAT(problemFor(refusal(t, input), "received_at"), Catch::Contains("in the future"));
    }
    SECTION("date of birth") {
        auto input = test::sampleContact();
        input["children"][0]["date_of_birth"] = "2026-12-01";
        CHECK_THAT(problemFor(refusal(t, input), "children[0].date_of_birth"), Catch::Contains("in the future"));
    }
    SECTION("an adult's date of birth") {
        auto input = test::sampleContact();
        input["adults"][0]["date_of_birth"] = "2027-01-01";
        CHECK_THAT(problemFor(refusal(t, input), "adults[0].date_of_birth"), Catch::Contains("in the future"));
    }
}

TEST_CASE("a date of birth must fit a child or young person of 0 to 25", "[contacts][validation]") {
    TestWorkspace t;
    auto input = test::sampleContact();
    SECTION("26 at receipt is refused") {
        input["children"][0]["date_of_birth"] = "2000-11-22";
        CHECK_THAT(problemFor(refusal(t, input), "children[0].date_of_birth"), Catch::Contains("aged 0 to 25"));
    }
    SECTION("25 at receipt is accepted (a care leaver)") {
        input["children"][0]["date_of_birth"] = "2001-11-24";
        CHECK(refusal(t, input).empty());
    }
    SECTION("born after the contact was received") {
        input["received_at"] = "2026-11-01T09:00:00Z";
        input["children"][0]["date_of_birth"] = "2026-11-10";
        CHECK_THAT(problemFor(refusal(t, input), "children[0].date_of_birth"), Catch::Contains("expected date"));
    }
    SECTION("a date that does not exist") {
        input["children"][0]["date_of_birth"] = "2015-02-30";
        CHECK_THAT(problemFor(refusal(t, input), "children[0].date_of_birth"), Catch::Contains("not a date"));
    }
    SECTION("missing, unless recorded as not known") {
        input["children"][0].erase("date_of_birth");
        CHECK_THAT(problemFor(refusal(t, input), "children[0].date_of_birth"), Catch::Contains("required"));
        input["children"][0]["date_of_birth_unknown"] = true;
        CHECK(refusal(t, input).empty());
    }
}

TEST_CASE("an unborn child has an expected date instead of a date of birth", "[contacts][validation]") {
    TestWorkspace t;
    auto input = test::sampleContact();
    input["children"][0] = {{"family_name", "Smith"}, {"unborn", true}, {"expected_date", "2027-03-01"}};
    SECTION("accepted without a given name or the child's voice") {
        CHECK(refusal(t, input).empty());
    }
    SECTION("the expected date is required") {
        input["children"][0].erase("expected_date");
        CHECK_THAT(problemFor(refusal(t, input), "children[0].expected_date"), Catch::Contains("required"));
    }
    SECTION("an expected date more than ten months away is refused") {
        input["children"][0]["expected_date"] = "2027-11-01";
        CHECK_THAT(problemFor(refusal(t, input), "children[0].expected_date"), Catch::Contains("10 months"));
    }
    SECTION("both dates at once are refused") {
        input["children"][0]["date_of_birth"] = "2026-11-01";
        CHECK_THAT(problemFor(refusal(t, input), "children[0].expected_date"), Catch::Contains("not both"));
    }
}

TEST_CASE("codes must be well formed", "[contacts][validation]") {
    TestWorkspace t;
    auto input = test::sampleContact();
    input["source"] = "11";
    input["channel"] = "fax";
    input["children"][0]["ethnicity"] = "WHITE";
    input["children"][0]["sex"] = "X";
    input["children"][0]["postcode"] = "WA7";
    input["referrer"]["email"] = "dsl.brookside";
    input["referrer"]["phone"] = "call the office";
    input["consent"]["status"] = "maybe";
    const auto errors = refusal(t, input);
    CHECK_THAT(problemFor(errors, "source"), Catch::Contains("\"11\" is not one of 1A"));
    CHECK_THAT(problemFor(errors, "channel"), Catch::Contains("not one of"));
    CHECK_THAT(problemFor(errors, "children[0].ethnicity"), Catch::Contains("not one of"));
    CHECK_THAT(problemFor(errors, "children[0].sex"), Catch::Contains("not one of M, F or U"));
    CHECK_THAT(problemFor(errors, "children[0].postcode"), Catch::Contains("not a UK postcode"));
    CHECK_THAT(problemFor(errors, "referrer.email"), Catch::Contains("not an email address"));
    CHECK_THAT(problemFor(errors, "referrer.phone"), Catch::Contains("not a phone number"));
    CHECK_THAT(problemFor(errors, "consent.status"), Catch::Contains("not one of"));
    CHECK(errors.size() == 8); // every problem at once, not only the first
}

TEST_CASE("the child's voice, or why it is missing, is required", "[contacts][validation]") {
    TestWorkspace t;
    auto input = test::sampleContact();
    input["children"][0].erase("voice");
    CHECK_THAT(problemFor(refusal(t, input), "children[0].voice"), Catch::Contains("voice_missing_reason"));
    input["children"][0]["voice_missing_reason"] = "Not seen: referrer spoke only to the mother";
    CHECK(refusal(t, input).empty());
}

TEST_CASE("sharing without consent needs its basis", "[contacts][validation]") {
    TestWorkspace t;
    auto input = test::sampleContact();
    for (const char* status : {"refused", "not_sought"}) {
        DYNAMIC_SECTION("consent " << status) {
            input["consent"] = {{"status", status}};
            CHECK_THAT(problemFor(refusal(t, input), "consent.basis_without_consent"), Catch::Contains("required"));
        }
    }
    SECTION("not needed when consent was given") {
        input["consent"] = {{"status", "given"}};
        CHECK(refusal(t, input).empty());
    }
}

TEST_CASE("a misspelt field name is reported rather than silently dropped", "[contacts][validation]") {
    TestWorkspace t;
    auto input = test::sampleContact();
    input["children"][0]["date_of_brith"] = "2015-03-12";
    CHECK_THAT(problemFor(refusal(t, input), "children[0].date_of_brith"), Catch::Contains("not a field"));
}

TEST_CASE("wrong JSON types are named", "[contacts][validation]") {
    TestWorkspace t;
    auto input = test::sampleContact();
    input["children"] = "John Smith";
    input["concern"] = 42;
    input["referrer"]["withhold_identity_from_family"] = "yes";
    const auto errors = refusal(t, input);
    CHECK_THAT(problemFor(errors, "children"), Catch::Contains("must be a list"));
    CHECK_THAT(problemFor(errors, "concern"), Catch::Contains("must be text"));
    CHECK_THAT(problemFor(errors, "referrer.withhold_identity_from_family"), Catch::Contains("true or false"));
}

TEST_CASE("a refused contact leaves everything already saved untouched", "[contacts][validation]") {
    TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto saved = contacts.record(t.screener, test::sampleContact());
    const auto factsBefore = t.ws->facts().count();
    const auto digestBefore = t.ws->facts().projectionDigest();

    SECTION("invalid field") {
        auto input = test::sampleContact();
        input["children"][0]["id"] = saved.personIds[0];
        input["children"][0]["address"] = "New address, Widnes";
        input["concern"] = "";
        CHECK_THROWS_AS(contacts.record(t.screener, input), core::ValidationError);
    }
    SECTION("a link to a person who does not exist") {
        auto input = test::sampleContact();
        input["children"].push_back(input["children"][0]);
        input["children"][1]["id"] = "01900000-0000-7000-8000-000000000000";
        CHECK_THAT(problemFor(refusal(t, input), "children[1].id"), Catch::Contains("no person"));
    }
    CHECK(t.ws->facts().count() == factsBefore);
    CHECK(t.ws->facts().projectionDigest() == digestBefore);
    CHECK(loadPerson(t.ws->db(), saved.personIds[0])->address == "4 Meadow Close, Runcorn");
}

TEST_CASE("linking a known child keeps one person and brings their address up to date", "[contacts]") {
    TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const auto first = contacts.record(t.screener, test::sampleContact());
    auto again = test::sampleContact();
    again["children"][0]["id"] = first.personIds[0];
    again["children"][0]["given_name"] = "Jon"; // the referrer's spelling stays on the contact only
    again["children"][0]["address"] = "12 Ferry Lane, Widnes";
    again["children"][0]["postcode"] = "wa8 7ab";
    const auto second = contacts.record(t.screener, again);
    CHECK(second.newPersonIds.empty());
    CHECK(second.personIds == first.personIds);
    const auto person = loadPerson(t.ws->db(), first.personIds[0]);
    CHECK(person->givenName == "John");
    CHECK(person->address == "12 Ferry Lane, Widnes");
    CHECK(person->postcode == "WA8 7AB");
    CHECK(contacts.show(second.contactId)["children"][0]["given_name"] == "Jon");
}

TEST_CASE("an adult can be an aunt, uncle, cousin or a grandparent on either side", "[contacts][validation]") {
    // Issue 19 point 9: the list had no aunt, uncle or cousin, so "Aunt" was recorded as an adult sibling.
    TestWorkspace t;
    for (const char* relationship : {"aunt_or_uncle", "cousin", "maternal_grandparent", "paternal_grandparent",
                                     "step_sibling", "half_sibling", "great_grandparent", "neighbour", "grandparent"}) {
        auto input = test::sampleContact();
        input["adults"] = core::Json::array({{{"given_name", "Kerry"}, {"family_name", "Testadult"},
                                              {"relationship", relationship}, {"parental_responsibility", "no"}}});
        CHECK(problemFor(refusal(t, input), "adults[0].relationship").empty());
    }
    auto input = test::sampleContact();
    input["adults"] = core::Json::array(
        {{{"given_name", "Kerry"}, {"family_name", "Testadult"}, {"relationship", "aunt"}, {"parental_responsibility", "no"}}});
    CHECK_FALSE(problemFor(refusal(t, input), "adults[0].relationship").empty());

    // Each maps to what the returns need: a census referral source when that adult makes the contact.
    const auto sources = core::codesOf(core::referralSources());
    for (const auto& relationship : core::adultRelationshipList()) {
        CHECK(std::find(sources.begin(), sources.end(), relationship.referralSource) != sources.end());
        CHECK((relationship.kin == "parent" || relationship.kin == "relative" || relationship.kin == "other"));
        CHECK_FALSE(relationship.label.empty());
    }
}
