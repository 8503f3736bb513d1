// frontdoor-cli deadline | calendar | calendar open | calendar settings, run in-process.
#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace frontdoor;
using frontdoor::test::runCli;

TEST_CASE("cli: deadline prints the due instant in UTC and UK time with its explanation", "[calendar][cli]") {
    const auto result = runCli({"deadline", "decision", "--from", "2026-11-26T16:45:00Z"});
    REQUIRE(result.exitCode == 0);
    const auto json = result.json();
    CHECK(json["kind"] == "decision");
    CHECK(json["from"] == "2026-11-26T16:45:00.000Z");
    CHECK(json["due"] == "2026-11-27T16:30:00.000Z");
    CHECK(json["due_local"] == "2026-11-27T16:30:00.000+00:00");
    CHECK_THAT(json["explanation"].get<std::string>(), Catch::StartsWith("Due 16:30 Fri 27 Nov 2026"));
    CHECK(json["rule"] == core::Json{{"method", "working_days"}, {"amount", 1}});
    CHECK_FALSE(json.contains("countdown"));

    const auto summer = runCli({"deadline", "decision", "--from", "2026-06-04T16:45:00+01:00"}).json();
    CHECK(summer["from"] == "2026-06-04T15:45:00.000Z");
    CHECK(summer["from_local"] == "2026-06-04T16:45:00.000+01:00");
    CHECK(summer["due"] == "2026-06-05T15:30:00.000Z");
    CHECK(summer["due_local"] == "2026-06-05T16:30:00.000+01:00");
}

TEST_CASE("cli: deadline --at adds the countdown", "[calendar][cli]") {
    const auto json =
        runCli({"deadline", "strategy-discussion", "--from", "2026-11-27T18:00:00Z", "--at", "2026-11-28T20:00:00Z"})
            .json();
    CHECK(json["due"] == "2026-11-28T18:00:00.000Z");
    CHECK(json["countdown"]["overdue"] == true);
    CHECK(json["countdown"]["colour"] == "red");
    CHECK(json["countdown"]["text"] == "overdue by 2h");
}

TEST_CASE("cli: deadline refuses an unknown kind, a missing kind and an instant without an offset",
          "[calendar][cli]") {
    const auto unknown = runCli({"deadline", "desicion", "--from", "2026-11-26T16:45:00Z"});
    CHECK(unknown.exitCode == 2);
    CHECK_THAT(unknown.err, Catch::Contains("\\\"desicion\\\" is not a deadline kind") &&
                                Catch::Contains("decision, rag-red, rag-amber, rag-green, strategy-discussion, "
                                                "edt-handover, icpc, assessment, return-interview"));
    const auto missing = runCli({"deadline", "--from", "2026-11-26T16:45:00Z"});
    CHECK(missing.exitCode == 2);
    CHECK_THAT(missing.err, Catch::Contains("the kinds are decision"));

    for (const char* from : {"2026-11-26T16:45", "2026-11-26T16:45:00", "2026-11-26", "yesterday"}) {
        CAPTURE(from);
        const auto refused = runCli({"deadline", "decision", "--from", from});
        CHECK(refused.exitCode == 2);
        CHECK(refused.errorJson()["error"]["fields"][0]["field"] == "--from");
    }
    CHECK(runCli({"deadline", "decision"}).exitCode == 2);
    CHECK(runCli({"deadline", "decision", "--from", "2026-11-26T16:45:00Z", "--colour", "red"}).exitCode == 2);
}

TEST_CASE("cli: calendar lists working days and holidays, marking provisional ones", "[calendar][cli]") {
    const auto result = runCli({"calendar", "--from", "2027-12-20", "--to", "2028-01-05"});
    REQUIRE(result.exitCode == 0);
    const auto json = result.json();
    CHECK(json["from"] == "2027-12-20");
    CHECK(json["to"] == "2028-01-05");
    CHECK(json["days"].size() == 17);
    // 20-24 Dec (5), 29-31 Dec (3), 4-5 Jan (2).
    CHECK(json["working_days"] == 10);
    REQUIRE(json["bank_holidays"].size() == 3);
    CHECK(json["bank_holidays"][0]["date"] == "2027-12-27");
    CHECK(json["bank_holidays"][0]["provisional"] == false);
    CHECK(json["bank_holidays"][2]["date"] == "2028-01-03");
    CHECK(json["bank_holidays"][2]["title"] == "New Year\u2019s Day");
    CHECK(json["bank_holidays"][2]["provisional"] == true);
    CHECK(json["data_years"] == core::Json{{"first", 2018}, {"last", 2027}});
    CHECK(json["days"][4]["status"] == "working");
    CHECK(json["days"][4]["closes"] == "16:30");
    CHECK(json["days"][5]["status"] == "closed");

    CHECK(runCli({"calendar", "--from", "2027-12-20", "--to", "2027-12-19"}).exitCode == 2);
    CHECK(runCli({"calendar", "--from", "2027-12-20"}).exitCode == 2);
    CHECK(runCli({"calendar", "--from", "2000-01-01", "--to", "2099-12-31"}).exitCode == 2);
}

TEST_CASE("cli: calendar open says whether the front door is open and who is on duty", "[calendar][cli]") {
    const auto open = runCli({"calendar", "open", "--at", "2026-11-27T10:00:00Z"}).json();
    CHECK(open["open"] == true);
    CHECK(open["on_duty"] == "day_team");
    CHECK(open["closes_at"] == "2026-11-27T16:30:00.000Z");

    const auto closed = runCli({"calendar", "open", "--at", "2026-12-25T10:00:00Z"}).json();
    CHECK(closed["open"] == false);
    CHECK(closed["on_duty"] == "edt");
    CHECK(closed["holiday"]["title"] == "Christmas Day");
    CHECK(closed["next_opening"] == "2026-12-29T09:00:00.000Z");

    const auto now = runCli({"--now", "2026-06-01T08:30:00+01:00", "calendar", "open"}).json();
    CHECK(now["at_local"] == "2026-06-01T08:30:00.000+01:00");
    CHECK(now["on_duty"] == "edt");
    CHECK(now["next_opening_local"] == "2026-06-01T09:00:00.000+01:00");
}

TEST_CASE("cli: an administrator's settings and holiday files are checked and used", "[calendar][cli]") {
    test::ScratchFolder folder;
    std::ofstream(folder.file("settings.json"))
        << R"({"deadlines": {"decision": {"method": "working_days", "amount": 2}}})";
    const auto twoDays =
        runCli({"deadline", "decision", "--from", "2026-11-23T15:00:00Z", "--settings", folder.file("settings.json")});
    CHECK(twoDays.json()["due"] == "2026-11-25T15:00:00.000Z");
    CHECK(twoDays.json()["rule"] == core::Json{{"method", "working_days"}, {"amount", 2}});

    const auto settings = runCli({"calendar", "settings"}).json();
    CHECK(settings["opening_hours"]["friday"]["closes"] == "16:30");
    CHECK(settings["deadlines"]["icpc"]["amount"] == 15);
    CHECK(settings["bank_holidays"]["source"] == "embedded");
    CHECK(settings["bank_holidays"]["last_year"] == 2027);
    CHECK(settings["deadline_kinds"].size() == 9);

    std::ofstream(folder.file("bad-settings.json")) << R"({"opening_hours": {"monday": {"opens": "25:00"}}})";
    const auto badSettings = runCli({"calendar", "settings", "--settings", folder.file("bad-settings.json")});
    CHECK(badSettings.exitCode == 2);
    CHECK_THAT(badSettings.err, Catch::Contains("opening_hours.monday.opens"));

    std::ofstream(folder.file("holidays.json"))
        << R"({"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year", "date": "2029-01-01"}, {"title": "Oops", "date": "2029-02-30"}]}})";
    const auto badHolidays = runCli({"calendar", "settings", "--holidays", folder.file("holidays.json")});
    CHECK(badHolidays.exitCode == 2);
    CHECK(badHolidays.errorJson()["error"]["fields"][0]["field"] == "england-and-wales.events[1].date");

    std::ofstream(folder.file("holidays.json"), std::ios::trunc)
        << R"({"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year", "date": "2029-01-01"}]}})";
    const auto replaced = runCli({"calendar", "open", "--at", "2029-03-30T10:00:00+01:00", "--holidays",
                                  folder.file("holidays.json")}).json();
    CHECK(replaced["open"] == true); // Good Friday 2029 is not in this (odd) file, and the file is the truth
    CHECK(runCli({"calendar", "open", "--at", "2029-03-30T10:00:00+01:00"}).json()["open"] == false);
}

TEST_CASE("cli: help lists the calendar commands", "[calendar][cli]") {
    const auto help = runCli({"help"});
    CHECK_THAT(help.out, Catch::Contains("deadline KIND --from INSTANT") && Catch::Contains("calendar open"));
}
