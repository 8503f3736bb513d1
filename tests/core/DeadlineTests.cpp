// Every front-door timescale over real dates, its explanation, its configuration, the countdown, and a
// property test of the decision deadline over ten years of random receipts.
#include "CalendarTestData.h"
#include "TestSupport.h"

#include "time/CalendarSettings.h"
#include "time/Countdown.h"
#include "time/Deadlines.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <random>
#include <set>

using namespace frontdoor;
using frontdoor::test::at;
using core::DeadlineKind;
using namespace std::chrono;

namespace {

core::Deadline compute(DeadlineKind kind, const char* from) { return core::Deadlines().compute(kind, at(from)); }

struct Case {
    DeadlineKind kind;
    const char* from;
    const char* due; // with the UK offset in force, so it reads as the local clock time
    const char* why;
};

void checkAll(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        CAPTURE(core::deadlineKindName(c.kind), c.from, c.why);
        const auto deadline = compute(c.kind, c.from);
        CHECK(core::formatUkIso(deadline.due) == core::formatUkIso(at(c.due)));
        CHECK(core::formatInstant(deadline.due) == core::formatInstant(at(c.due)));
        CHECK(deadline.kind == c.kind);
        CHECK(deadline.from == at(c.from));
        CHECK_THAT(deadline.explanation, Catch::StartsWith("Due ") && Catch::EndsWith("."));
    }
}

} // namespace

TEST_CASE("decision: one working day from receipt", "[calendar]") {
    checkAll({
        {DeadlineKind::Decision, "2026-11-23T15:00:00Z", "2026-11-24T15:00:00Z", "Mon 15:00 -> Tue 15:00"},
        {DeadlineKind::Decision, "2026-11-26T16:45:00Z", "2026-11-27T16:30:00Z", "Thu 16:45 -> Fri closing 16:30"},
        {DeadlineKind::Decision, "2026-11-27T16:00:00Z", "2026-11-30T16:00:00Z", "Fri 16:00 -> Mon 16:00"},
        {DeadlineKind::Decision, "2026-11-28T10:00:00Z", "2026-12-01T09:00:00Z", "Sat 10:00 -> Tue 09:00"},
        {DeadlineKind::Decision, "2026-11-23T17:00:00Z", "2026-11-25T09:00:00Z", "Mon 17:00 -> Wed 09:00"},
        {DeadlineKind::Decision, "2026-11-23T08:59:00Z", "2026-11-24T09:00:00Z", "08:59 counts from 09:00"},
        {DeadlineKind::Decision, "2026-11-23T09:00:00Z", "2026-11-24T09:00:00Z", "09:00 is open"},
        {DeadlineKind::Decision, "2026-11-23T16:59:00Z", "2026-11-24T16:59:00Z", "16:59 is open"},
        {DeadlineKind::Decision, "2026-11-26T16:29:00Z", "2026-11-27T16:29:00Z", "Thu 16:29 fits before Friday's close"},
        {DeadlineKind::Decision, "2026-11-26T16:30:00Z", "2026-11-27T16:30:00Z", "Thu 16:30 is Friday's closing"},
        {DeadlineKind::Decision, "2026-11-26T16:59:59Z", "2026-11-27T16:30:00Z", "Thu 16:59:59"},
        {DeadlineKind::Decision, "2026-08-31T11:00:00+01:00", "2026-09-02T09:00:00+01:00", "received on a bank holiday"},
        {DeadlineKind::Decision, "2026-12-24T16:00:00Z", "2026-12-29T16:00:00Z", "Christmas Eve"},
        {DeadlineKind::Decision, "2026-12-23T16:45:00Z", "2026-12-24T16:45:00Z", "Christmas Eve is a Thursday"},
        {DeadlineKind::Decision, "2026-12-31T16:45:00Z", "2027-01-04T16:45:00Z", "New Year's Day on a Friday"},
        {DeadlineKind::Decision, "2027-12-23T12:00:00Z", "2027-12-24T12:00:00Z", "Christmas 2027 on a Saturday"},
        {DeadlineKind::Decision, "2027-12-24T12:00:00Z", "2027-12-29T12:00:00Z", "substitute days 27 and 28 Dec 2027"},
        {DeadlineKind::Decision, "2026-04-02T11:00:00+01:00", "2026-04-07T11:00:00+01:00", "Easter"},
        {DeadlineKind::Decision, "2020-05-07T12:00:00+01:00", "2020-05-11T12:00:00+01:00", "VE Day 2020-05-08"},
        {DeadlineKind::Decision, "2020-05-01T12:00:00+01:00", "2020-05-04T12:00:00+01:00", "4 May 2020 was a working day"},
        {DeadlineKind::Decision, "2022-06-01T10:00:00+01:00", "2022-06-06T10:00:00+01:00", "Platinum Jubilee"},
        {DeadlineKind::Decision, "2022-09-16T10:00:00+01:00", "2022-09-20T10:00:00+01:00", "State Funeral"},
        {DeadlineKind::Decision, "2023-05-05T10:00:00+01:00", "2023-05-09T10:00:00+01:00", "coronation"},
        {DeadlineKind::Decision, "2028-04-13T10:00:00+01:00", "2028-04-18T10:00:00+01:00", "Easter 2028, provisional"},
        {DeadlineKind::Decision, "2026-03-27T15:00:00Z", "2026-03-30T15:00:00+01:00", "same clock time after spring forward"},
        {DeadlineKind::Decision, "2026-10-23T15:00:00+01:00", "2026-10-26T15:00:00Z", "same clock time after fall back"},
    });
}

TEST_CASE("RAG ratings: red four working hours, amber one working day, green three", "[calendar]") {
    checkAll({
        {DeadlineKind::RagRed, "2026-11-23T15:00:00Z", "2026-11-24T11:00:00Z", "Mon 15:00 -> Tue 11:00"},
        {DeadlineKind::RagRed, "2026-11-23T13:00:00Z", "2026-11-23T17:00:00Z", "Mon 13:00 -> Mon 17:00"},
        {DeadlineKind::RagRed, "2026-11-27T14:00:00Z", "2026-11-30T10:30:00Z", "2.5h Friday to 16:30, 1.5h Monday"},
        {DeadlineKind::RagRed, "2026-11-28T10:00:00Z", "2026-11-30T13:00:00Z", "Saturday counts from Monday 09:00"},
        {DeadlineKind::RagRed, "2026-12-24T14:00:00Z", "2026-12-29T10:00:00Z", "across Christmas"},
        {DeadlineKind::RagRed, "2026-03-27T15:00:00Z", "2026-03-30T11:30:00+01:00", "1.5h Fri GMT, 2.5h Mon BST"},
        {DeadlineKind::RagAmber, "2026-11-26T16:45:00Z", "2026-11-27T16:30:00Z", "as decision"},
        {DeadlineKind::RagAmber, "2026-11-28T10:00:00Z", "2026-12-01T09:00:00Z", "as decision"},
        {DeadlineKind::RagGreen, "2026-11-26T16:45:00Z", "2026-12-01T16:45:00Z", "Thu 16:45 -> Tue 16:45"},
        {DeadlineKind::RagGreen, "2026-12-23T10:00:00Z", "2026-12-30T10:00:00Z", "across Christmas"},
    });
}

TEST_CASE("strategy discussion and return interview run in real hours, whatever the day", "[calendar]") {
    checkAll({
        {DeadlineKind::StrategyDiscussion, "2026-11-28T10:00:00Z", "2026-11-29T10:00:00Z", "Saturday to Sunday"},
        {DeadlineKind::StrategyDiscussion, "2026-03-28T09:00:00Z", "2026-03-29T10:00:00+01:00",
         "last Sunday of March: 24 real hours read 10:00 BST"},
        {DeadlineKind::StrategyDiscussion, "2026-03-28T23:30:00Z", "2026-03-30T00:30:00+01:00", "overnight into BST"},
        {DeadlineKind::StrategyDiscussion, "2026-10-24T09:00:00+01:00", "2026-10-25T08:00:00Z",
         "last Sunday of October: 24 real hours read 08:00 GMT"},
        {DeadlineKind::StrategyDiscussion, "2027-10-30T12:00:00+01:00", "2027-10-31T11:00:00Z", "October 2027"},
        {DeadlineKind::StrategyDiscussion, "2026-12-24T18:00:00Z", "2026-12-25T18:00:00Z", "Christmas Day too"},
        {DeadlineKind::ReturnInterview, "2026-11-27T18:00:00Z", "2026-11-30T18:00:00Z", "72 hours over a weekend"},
        {DeadlineKind::ReturnInterview, "2026-10-23T12:00:00+01:00", "2026-10-26T11:00:00Z", "across the clock change"},
    });
    for (const char* from : {"2026-03-28T09:00:00Z", "2026-10-24T09:00:00+01:00", "2026-06-10T13:14:15Z"}) {
        CHECK(compute(DeadlineKind::StrategyDiscussion, from).due - at(from) == 24h);
        CHECK(compute(DeadlineKind::ReturnInterview, from).due - at(from) == 72h);
    }
}

TEST_CASE("EDT handover: the first opening after an out-of-hours receipt", "[calendar]") {
    checkAll({
        {DeadlineKind::EdtHandover, "2026-11-22T02:00:00Z", "2026-11-23T09:00:00Z", "Sun 02:00 -> Mon 09:00"},
        {DeadlineKind::EdtHandover, "2026-11-23T03:00:00Z", "2026-11-23T09:00:00Z", "Mon 03:00 -> Mon 09:00"},
        {DeadlineKind::EdtHandover, "2026-11-27T16:30:00Z", "2026-11-30T09:00:00Z", "Friday after close"},
        {DeadlineKind::EdtHandover, "2026-12-24T20:00:00Z", "2026-12-29T09:00:00Z", "Christmas"},
        {DeadlineKind::EdtHandover, "2026-03-29T01:30:00Z", "2026-03-30T09:00:00+01:00", "the night the clocks change"},
        {DeadlineKind::EdtHandover, "2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z", "in hours: nothing to hand over"},
    });
    CHECK_THAT(compute(DeadlineKind::EdtHandover, "2026-11-23T10:00:00Z").explanation,
               Catch::Contains("nothing to hand over"));
}

TEST_CASE("ICPC and assessment fall due at the close of the Nth working day after the date", "[calendar]") {
    checkAll({
        {DeadlineKind::Icpc, "2026-11-23T10:00:00Z", "2026-12-14T17:00:00Z", "15th working day after Mon 23 Nov"},
        {DeadlineKind::Icpc, "2026-11-23T18:30:00Z", "2026-12-14T17:00:00Z", "the date counts, not the time"},
        {DeadlineKind::Icpc, "2026-11-28T11:00:00Z", "2026-12-18T16:30:00Z", "from a Saturday; a Friday close"},
        {DeadlineKind::Icpc, "2026-12-10T10:00:00Z", "2027-01-05T17:00:00Z", "across Christmas and New Year"},
        {DeadlineKind::Icpc, "2026-06-01T00:30:00+01:00", "2026-06-22T17:00:00+01:00", "the UK date, not the UTC date"},
        {DeadlineKind::Assessment, "2026-11-23T10:00:00Z", "2027-01-28T17:00:00Z", "45th working day"},
    });
}

TEST_CASE("explanations can be checked by a person", "[calendar]") {
    CHECK(compute(DeadlineKind::Decision, "2026-11-26T16:45:00Z").explanation ==
          "Due 16:30 Fri 27 Nov 2026: one working day from receipt at 16:45 Thu 26 Nov 2026; Friday closes at "
          "16:30, so the closing time.");
    CHECK(compute(DeadlineKind::Decision, "2026-11-28T10:00:00Z").explanation ==
          "Due 09:00 Tue 1 Dec 2026: one working day from receipt at 10:00 Sat 28 Nov 2026; outside opening hours, "
          "so counted from the next opening, 09:00 Mon 30 Nov 2026; the same clock time on the next working day.");
    CHECK(compute(DeadlineKind::Decision, "2026-12-24T16:00:00Z").explanation ==
          "Due 16:00 Tue 29 Dec 2026: one working day from receipt at 16:00 Thu 24 Dec 2026; the same clock time "
          "on the next working day; not counting the bank holidays Fri 25 Dec 2026 (Christmas Day) and Mon 28 Dec "
          "2026 (Boxing Day).");
    CHECK(compute(DeadlineKind::RagRed, "2026-11-23T15:00:00Z").explanation ==
          "Due 11:00 Tue 24 Nov 2026: four working hours from receipt at 15:00 Mon 23 Nov 2026, counting only "
          "opening hours: 15:00-17:00 Mon 23 Nov 2026 (2h), 09:00-11:00 Tue 24 Nov 2026 (2h).");
    CHECK(compute(DeadlineKind::StrategyDiscussion, "2026-03-28T09:00:00Z").explanation ==
          "Due 10:00 Sun 29 Mar 2026: 24 hours from the decision that one is needed at 09:00 Sat 28 Mar 2026, "
          "whatever the day; the clocks go forward an hour in between, so the clock time moves from 09:00 GMT to "
          "10:00 BST.");
    CHECK(compute(DeadlineKind::EdtHandover, "2026-11-22T02:00:00Z").explanation ==
          "Due 09:00 Mon 23 Nov 2026: the first opening time after receipt out of hours at 02:00 Sun 22 Nov 2026.");
    CHECK(compute(DeadlineKind::Icpc, "2026-11-23T10:00:00Z").explanation ==
          "Due 17:00 Mon 14 Dec 2026: the closing time of the 15th working day after Mon 23 Nov 2026, the date of "
          "the strategy discussion.");
    CHECK_THAT(compute(DeadlineKind::Decision, "2028-12-22T16:00:00Z").explanation,
               Catch::Contains("Mon 25 Dec 2028 (Christmas Day, provisional)"));
}

TEST_CASE("every kind has a name the CLI and the workflow can use", "[calendar]") {
    CHECK(core::deadlineKindList() ==
          "decision, rag-red, rag-amber, rag-green, strategy-discussion, edt-handover, icpc, assessment, "
          "return-interview");
    for (const auto kind : core::deadlineKinds())
        CHECK(core::parseDeadlineKind(core::deadlineKindName(kind)) == kind);
    CHECK_FALSE(core::parseDeadlineKind("Decision"));
}

TEST_CASE("each deadline's rule is configurable", "[calendar]") {
    const auto rules = core::DeadlineRules::fromJson(core::Json::parse(R"({
      "decision": {"method": "working_days", "amount": 2},
      "strategy-discussion": {"method": "working_hours", "amount": 8},
      "icpc": {"method": "closing_of_working_day", "amount": 10}})"));
    const core::Deadlines deadlines(core::WorkingCalendar::standard(), rules);
    const auto decision = deadlines.compute(DeadlineKind::Decision, at("2026-11-23T15:00:00Z"));
    CHECK(decision.due == at("2026-11-25T15:00:00Z"));
    CHECK(decision.rule == core::DeadlineRule{core::DeadlineMethod::WorkingDays, 2});
    CHECK_THAT(decision.explanation, Catch::Contains("two working days from receipt"));
    CHECK(decision.toJson()["rule"]["amount"] == 2);
    CHECK(deadlines.compute(DeadlineKind::StrategyDiscussion, at("2026-11-23T15:00:00Z")).due ==
          at("2026-11-24T15:00:00Z"));
    CHECK(deadlines.compute(DeadlineKind::Icpc, at("2026-11-23T10:00:00Z")).due == at("2026-12-07T17:00:00Z"));
    CHECK(deadlines.compute(DeadlineKind::RagGreen, at("2026-11-26T16:45:00Z")).due ==
          at("2026-12-01T16:45:00Z")); // untouched kinds keep their defaults
    CHECK(core::DeadlineRules::fromJson(rules.toJson()) == rules);
    CHECK(core::DeadlineRules().toJson()["edt-handover"] == core::Json{{"method", "next_opening"}});
    CHECK(core::DeadlineRules().toJson()["rag-red"] == core::Json{{"method", "working_hours"}, {"amount", 4}});

    try {
        core::DeadlineRules::fromJson(core::Json::parse(R"({
          "decison": {"method": "working_days", "amount": 1},
          "decision": {"method": "working_weeks", "amount": 1},
          "rag-red": {"method": "working_hours", "amount": 0},
          "edt-handover": {"method": "next_opening", "amount": 2},
          "icpc": {"method": "closing_of_working_day", "amount": 15, "note": "x"}})"));
        FAIL("bad rules accepted");
    } catch (const core::ValidationError& e) {
        CHECK(e.hasErrorFor("deadlines.decison"));
        CHECK_THAT(e.what(), Catch::Contains("the kinds are decision, rag-red"));
        CHECK(e.hasErrorFor("deadlines.decision.method"));
        CHECK(e.hasErrorFor("deadlines.rag-red.amount"));
        CHECK(e.hasErrorFor("deadlines.edt-handover.amount"));
        CHECK(e.hasErrorFor("deadlines.icpc.note"));
    }
}

TEST_CASE("calendar settings gather hours, rules and urgency in one document", "[calendar]") {
    const auto settings = core::CalendarSettings::fromJson(core::Json::parse(R"({
      "deadlines": {"rag-red": {"method": "working_hours", "amount": 2}},
      "urgency": {"due_soon_fraction": 0.5, "due_soon_within_minutes": 30}})"));
    CHECK(settings.openingHours == core::OpeningHours::haltonIcart());
    CHECK(settings.deadlines[DeadlineKind::RagRed].amount == 2);
    CHECK(settings.urgency.dueSoonFraction == 0.5);
    CHECK(settings.urgency.dueSoonWithin == 30min);
    const auto again = core::CalendarSettings::fromJson(settings.toJson());
    CHECK(again.deadlines == settings.deadlines);
    CHECK(again.openingHours == settings.openingHours);

    try {
        core::CalendarSettings::fromJson(core::Json::parse(R"({
          "opening_hours": {"monday": null}, "deadlines": {"rag-red": {"method": "working_hours", "amount": -1}},
          "urgency": {"due_soon_fraction": 2}, "colour": "blue"})"));
        FAIL("bad settings accepted");
    } catch (const core::ValidationError& e) {
        CHECK(e.hasErrorFor("opening_hours.tuesday"));
        CHECK(e.hasErrorFor("deadlines.rag-red.amount"));
        CHECK(e.hasErrorFor("urgency.due_soon_fraction"));
        CHECK(e.hasErrorFor("colour"));
    }
}

TEST_CASE("a countdown says how long is left or how late it is, with an urgency colour", "[calendar]") {
    const auto decision = compute(DeadlineKind::Decision, "2026-11-23T15:00:00Z"); // due Tue 15:00, 24h
    const auto early = core::countdown(decision, at("2026-11-23T16:00:00Z"));
    CHECK(early.left == 23h);
    CHECK(early.urgency == core::Urgency::OnTrack);
    CHECK(early.text() == "23h left");
    CHECK(core::urgencyColour(early.urgency) == "green");

    const auto quarterLeft = core::countdown(decision, at("2026-11-24T09:00:00Z")); // 6h of 24h left
    CHECK(quarterLeft.urgency == core::Urgency::DueSoon);
    CHECK(core::countdown(decision, at("2026-11-24T08:59:00Z")).urgency == core::Urgency::OnTrack);

    const auto now = core::countdown(decision, at("2026-11-24T15:00:00Z"));
    CHECK(now.urgency == core::Urgency::DueSoon);
    CHECK(now.text() == "due now");

    const auto late = core::countdown(decision, at("2026-11-25T17:30:00Z"));
    CHECK(late.overdue());
    CHECK(late.left == -(26h + 30min));
    CHECK(late.text() == "overdue by 1d 2h");
    const auto json = late.toJson();
    CHECK(json["urgency"] == "overdue");
    CHECK(json["colour"] == "red");
    CHECK(json["left_ms"] == -(26LL * 3600 + 1800) * 1000);
    CHECK(json["due"] == "2026-11-24T15:00:00.000Z");

    // A short deadline turns amber an hour before, whatever the fraction says.
    const auto red = compute(DeadlineKind::RagRed, "2026-11-23T13:00:00Z"); // due 17:00, 4h
    CHECK(core::countdown(red, at("2026-11-23T15:59:00Z")).urgency == core::Urgency::OnTrack);
    CHECK(core::countdown(red, at("2026-11-23T16:00:00Z")).urgency == core::Urgency::DueSoon);
    const core::UrgencyThresholds strict{0.0, 15min};
    CHECK(core::countdown(red, at("2026-11-23T16:30:00Z"), strict).urgency == core::Urgency::OnTrack);
    CHECK(core::countdown(red, at("2026-11-23T16:45:00Z"), strict).urgency == core::Urgency::DueSoon);
    CHECK(core::formatDuration(45min) == "45m");
    CHECK(core::formatDuration(3h + 15min) == "3h 15m");
}

TEST_CASE("property: over ten years a decision is never early, never out of hours, never on a closed day",
          "[calendar]") {
    std::set<std::string> holidays;
    for (const auto& holiday : test::govUkHolidays2018To2027())
        holidays.insert(holiday.date);
    // Independent of the code under test: Halton's hours written out again.
    const auto closesAt = [](weekday day) { return day == Friday ? 16h + 30min : 17h; };
    const auto isWorking = [&](const core::UkLocalTime& local) {
        return local.weekday() != Saturday && local.weekday() != Sunday && !holidays.count(core::formatDate(local.date));
    };

    std::mt19937_64 random(15112018);
    std::uniform_int_distribution<long long> pick(core::toEpochMs(at("2018-01-01T00:00:00Z")),
                                                  core::toEpochMs(at("2027-12-20T00:00:00Z")));
    const core::Deadlines deadlines;
    for (int i = 0; i < 20000; ++i) {
        const auto from = core::fromEpochMs(pick(random));
        const auto due = deadlines.compute(DeadlineKind::Decision, from).due;
        const auto local = core::toUkLocal(due);
        const auto received = core::toUkLocal(from);
        CAPTURE(core::formatInstant(from), core::formatInstant(due));
        REQUIRE(due >= from);
        REQUIRE(isWorking(local));
        const bool inHours = local.timeOfDay >= 9h && local.timeOfDay < closesAt(local.weekday());
        REQUIRE((inHours || local.timeOfDay == closesAt(local.weekday())));
        REQUIRE(due - from <= hours{24 * 7}); // the longest run of closed days is Christmas
        // A receipt in hours keeps its clock time unless the due day closes first.
        const bool receivedInHours = isWorking(received) && received.timeOfDay >= 9h &&
                                     received.timeOfDay < closesAt(received.weekday());
        if (receivedInHours) {
            REQUIRE(local.timeOfDay == std::min<core::Milliseconds>(received.timeOfDay, closesAt(local.weekday())));
            REQUIRE(local.date > received.date);
        }
    }
}

TEST_CASE("property: four working hours are four hours of opening time", "[calendar]") {
    std::mt19937_64 random(20180101);
    std::uniform_int_distribution<long long> pick(core::toEpochMs(at("2018-01-01T00:00:00Z")),
                                                  core::toEpochMs(at("2027-12-20T00:00:00Z")));
    const core::Deadlines deadlines;
    const auto& calendar = deadlines.calendar();
    for (int i = 0; i < 5000; ++i) {
        const auto from = core::fromEpochMs(pick(random));
        const auto due = deadlines.compute(DeadlineKind::RagRed, from).due;
        CAPTURE(core::formatInstant(from));
        REQUIRE(due > from);
        REQUIRE(calendar.workingTimeBetween(from, due) == 4h);
        REQUIRE((calendar.isOpen(due) || due == calendar.closingTime(core::toUkLocal(due).date)));
    }
}
