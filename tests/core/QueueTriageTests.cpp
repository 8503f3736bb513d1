// Triage order (issues 11 point 8 and 19 point 1): every deadline that applies to a contact counts
// towards its queue row: the decision, the RAG response, an out-of-hours handover, a strategy
// discussion, overdue strategy actions. A row carries the soonest of them, named; every queue sorts by
// it, overdue first; the Overdue queue lists every row that is red elsewhere, and the CLI agrees.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "demo/DemoData.h"
#include "rules/ScreeningDecisionService.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/Queues.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace frontdoor;

namespace {

using test::kScreener;
using test::kManager;

struct Triage {
    test::TestWorkspace t;
    core::ContactWorkflow workflow{*t.ws};

    std::string recommended(const std::string& receivedAt, const std::string& indicator, const std::string& name) {
        auto input = test::sampleContact();
        input["received_at"] = receivedAt;
        input["children"][0]["given_name"] = name;
        const std::string id = core::ContactService(*t.ws).record(kScreener, input).contactId;
        workflow.startScreening(kScreener, id);
        const auto suggestion =
            core::ScreeningDecisionService(*t.ws).screenRecorded(id, {{"indicators", {indicator}}}).toJson();
        workflow.recommend(kScreener, id,
                           {{"indicators", {indicator}},
                            {"level", suggestion["level"]},
                            {"outcome", suggestion["outcome"]},
                            {"rag", suggestion["rag"]},
                            {"recommendation", "Recommend as the threshold guidance suggests, for the reasons given."}});
        return id;
    }
    core::Instant due(const std::string& id, const char* which) {
        return test::at(workflow.state(id)[which]["due_at"].get<std::string>());
    }
    std::vector<core::QueueItem> queue(const std::string& name) { return core::Queues(*t.ws).items(name, kManager); }
};

const core::QueueItem* rowOf(const std::vector<core::QueueItem>& rows, const std::string& contactId) {
    for (const auto& row : rows)
        if (row.contactId == contactId)
            return &row;
    return nullptr;
}

} // namespace

TEST_CASE("a red case past its RAG response deadline is overdue, whatever its decision deadline", "[queues][triage]") {
    Triage j;
    // Green: received on Friday afternoon, so its decision falls due on Monday.
    const std::string green = j.recommended("2026-11-20T15:00:00Z", "PERSISTENT_ABSENCE", "Ellie");
    // Red: received on Monday morning; a response within four working hours, a decision by Tuesday.
    const std::string red = j.recommended("2026-11-23T09:30:00Z", "ABUSE_DISCLOSURE", "Rowan");
    REQUIRE(j.workflow.state(red)["recommendation"]["rag"] == "red");
    REQUIRE(j.workflow.state(green)["recommendation"]["rag"] == "green");
    // The red case's decision is due after the green one's, its RAG response before both.
    REQUIRE(j.due(green, "decision_deadline") < j.due(red, "decision_deadline"));
    REQUIRE(j.due(red, "rag_deadline") < j.due(green, "decision_deadline"));
    // Now: past the red case's RAG response, before either decision.
    j.t.clock.set(j.due(red, "rag_deadline") + std::chrono::minutes(30));
    REQUIRE(j.t.clock.now() < j.due(green, "decision_deadline"));

    SECTION("Awaiting sign-off: the red case first, its row's deadline the RAG response, red") {
        const auto rows = j.queue("awaiting_signoff");
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].contactId == red);
        CHECK(rows[0].dueKind == "rag_response");
        CHECK(rows[0].dueWhat == "RAG response");
        CHECK(rows[0].dueAt == j.due(red, "rag_deadline"));
        REQUIRE(rows[0].countdown);
        CHECK(rows[0].countdown->overdue());
        CHECK(rows[0].countdown->text() == "overdue by 30m");
        // Both of its deadlines are there, soonest first.
        REQUIRE(rows[0].deadlines.size() == 2);
        CHECK(rows[0].deadlines[1].kind == "decision");
        CHECK(rows[1].contactId == green);
        CHECK(rows[1].dueKind == "decision");
        CHECK_FALSE(rows[1].countdown->overdue());
    }
    SECTION("the Overdue queue lists it, saying which deadline passed") {
        const auto rows = j.queue("overdue");
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].contactId == red);
        CHECK(rows[0].what == "RAG response overdue");
        CHECK(rows[0].countdown->overdue());
        const auto counts = core::Queues(*j.t.ws).counts(kManager);
        const auto signoff = std::find_if(counts.begin(), counts.end(), [](const auto& c) { return c.queueId == "awaiting_signoff"; });
        REQUIRE(signoff != counts.end());
        CHECK(signoff->items == 2);
        CHECK(signoff->overdue == 1);
    }
    SECTION("signed off, the RAG response no longer applies") {
        j.workflow.signOff({"dee.manager", "duty_manager"}, red,
                           {{"case_direction", {{"what", "Strategy discussion today"}, {"by_whom", "Mo Manager"},
                                                {"by_when", "2026-11-24"}}}});
        for (const auto& row : j.queue("overdue"))
            CHECK(row.dueKind != "rag_response");
        const auto strategy = j.queue("strategy_due");
        REQUIRE(strategy.size() == 1);
        CHECK(strategy[0].dueKind == "strategy_discussion");
    }
}

TEST_CASE("an out-of-hours handover's deadline counts towards the contact's row, and rows sort by it", "[queues][triage]") {
    Triage j;
    // A daytime contact recorded on Friday morning: its decision falls due on Monday morning, 10:00.
    auto daytime = test::sampleContact();
    daytime["received_at"] = "2026-11-20T10:00:00Z";
    const std::string day = core::ContactService(*j.t.ws).record(kScreener, daytime).contactId;
    // The EDT on Sunday night: the handover is due at Monday's opening, the decision on Tuesday.
    j.t.clock.set(test::at("2026-11-22T02:40:00Z"));
    auto night = test::sampleContact();
    night["received_at"] = "2026-11-22T02:00:00Z";
    night["children"][0]["given_name"] = "Mia";
    const std::string edt =
        j.workflow
            .recordOutOfHours({"eve.edt", "edt_worker"}, night,
                              {{"already_done", "Spoke to mother by phone; police attended."},
                               {"handover_note", "Needs screening and a police check in the morning."}})
            .contactId;
    j.t.clock.set(test::at("2026-11-23T09:30:00Z")); // the handover not yet acknowledged: overdue

    const auto rows = j.queue("awaiting_screening");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].contactId == edt);
    CHECK(rows[0].dueKind == "edt_handover");
    CHECK(rows[0].countdown->overdue());
    CHECK(rows[1].contactId == day);
    CHECK(rows[1].dueKind == "decision");

    SECTION("once acknowledged, the decision is what is due, and an earlier one sorts first") {
        j.workflow.acknowledgeHandover(kManager, edt, "Read at 09:30.");
        const auto after = j.queue("awaiting_screening");
        REQUIRE(after.size() == 2);
        CHECK(after[0].contactId == day); // due Monday 10:00, before the EDT contact's Tuesday
        CHECK(after[1].contactId == edt);
        CHECK(after[1].dueKind == "decision");
        CHECK_FALSE(after[1].countdown->overdue());
    }
}

TEST_CASE("a row that is red in any queue is in the Overdue queue, and every Overdue row is red", "[queues][triage][demo]") {
    for (uint64_t seed : {1u, 2u, 3u}) {
        DYNAMIC_SECTION("seed " << seed) {
            test::TestWorkspace t(false);
            REQUIRE(core::addDemoUsers(*t.ws, ""));
            core::DemoOptions options;
            options.contacts = 300;
            options.seed = seed;
            options.openContacts = 120;
            core::generateDemoData(*t.ws, options);
            // A day later, so that some RAG responses and handovers have passed.
            t.clock.set(t.clock.now() + std::chrono::hours(26));
            core::Queues queues(*t.ws);
            const auto overdue = queues.items("overdue", kManager, 100000);
            for (const auto& row : overdue) {
                INFO(row.what);
                REQUIRE(row.countdown);
                CHECK(row.countdown->overdue());
            }
            int red = 0;
            for (const auto& queue : core::queuesForRole("duty_manager"))
                for (const auto& row : queues.items(queue.id, kManager, 100000))
                    if (row.countdown && row.countdown->overdue() && !row.contactId.empty()) {
                        ++red;
                        INFO(queue.id << ": " << row.what << " (" << row.dueWhat << ")");
                        CHECK(rowOf(overdue, row.contactId) != nullptr);
                    }
            CHECK(red > 0);
        }
    }
}

TEST_CASE("cli: queue overdue lists a red case past its RAG deadline, with its deadlines", "[queues][triage][cli]") {
    test::ScratchFolder folder;
    const std::string db = folder.file("cli.sqlite");
    {
        core::FixedClock clock(test::testNow());
        auto ws = core::Workspace::create(db, clock, core::DatabaseMode::Training);
        test::addTestUsers(*ws);
    }
    const auto as = [&](const std::string& user, const std::string& now, std::vector<std::string> words) {
        words.insert(words.end(), {"--db", db, "--now", now, "--user", user, "--secret", test::kTestPin});
        return words;
    };
    const auto run = [&](std::vector<std::string> args, const core::Json& input = core::Json()) {
        const auto result = test::runCli(args, input.is_null() ? "" : input.dump());
        INFO(result.err);
        REQUIRE(result.exitCode == 0);
        return result.json();
    };
    auto contact = test::sampleContact();
    contact["received_at"] = "2026-11-23T09:30:00Z";
    const std::string id = run(as("sam.screener", "2026-11-23T10:00:00Z", {"contact", "record"}), contact)["contact_id"];
    run(as("sam.screener", "2026-11-23T10:00:00Z", {"screening", "start", id}));
    run(as("sam.screener", "2026-11-23T10:10:00Z", {"recommend", id}),
        {{"indicators", {"ABUSE_DISCLOSURE"}}, {"level", 4}, {"outcome", "strategy_discussion"}, {"rag", "red"},
         {"recommendation", "Strategy discussion today: a disclosure of abuse."}});
    // 14:00: four working hours after receipt have passed; the decision is due tomorrow.
    const auto overdue = run(as("mo.manager", "2026-11-23T14:00:00Z", {"queue", "overdue"}))["items"];
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0]["contact_id"] == id);
    CHECK(overdue[0]["due_kind"] == "rag_response");
    CHECK(overdue[0]["due_what"] == "RAG response");
    CHECK(overdue[0]["countdown"]["overdue"] == true);
    CHECK(overdue[0]["what"] == "RAG response overdue");
    REQUIRE(overdue[0]["deadlines"].size() == 2);
    CHECK(overdue[0]["deadlines"][1]["kind"] == "decision");
    const auto queues = run(as("mo.manager", "2026-11-23T14:00:00Z", {"queues"}))["queues"];
    for (const auto& queue : queues)
        if (queue["queue"] == "awaiting_signoff" || queue["queue"] == "overdue")
            CHECK(queue["overdue"] == 1);
}

TEST_CASE("the handovers queue sorts by each handover's own deadline, then newest handover first", "[queues][triage][edt]") {
    Triage j;
    const auto handOver = [&](const std::string& at, const std::string& name) {
        j.t.clock.set(test::at(at));
        auto night = test::sampleContact();
        night["received_at"] = at;
        night["children"][0]["given_name"] = name;
        return j.workflow
            .recordOutOfHours(test::kEdt, night,
                              {{"already_done", "Police attended; the children are safe tonight."},
                               {"handover_note", name + " needs screening in the morning."}})
            .contactId;
    };
    // Sunday night: three handovers, all due at Monday's opening. Monday night: one due on Tuesday.
    const std::string early = handOver("2026-11-22T01:10:00Z", "Ava");
    const std::string newest = handOver("2026-11-22T05:20:00Z", "Noah");
    const std::string middle = handOver("2026-11-22T03:00:00Z", "Ruby");
    const std::string monday = handOver("2026-11-23T22:15:00Z", "Leo");
    j.t.clock.set(test::at("2026-11-24T08:30:00Z")); // Tuesday morning: Sunday's are overdue

    const auto rows = j.queue("handovers");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].contactId == newest);
    CHECK(rows[1].contactId == middle);
    CHECK(rows[2].contactId == early);
    CHECK(rows[3].contactId == monday);
    CHECK(rows[0].handoverDueAt == test::at("2026-11-23T09:00:00Z"));
    CHECK(rows[3].handoverDueAt == test::at("2026-11-24T09:00:00Z"));
    CHECK(rows[0].handedOverAt == test::at("2026-11-22T05:20:00Z"));
    // The row says when it was handed over, in UK time, so the newest is found by reading too.
    CHECK(rows[0].what == "Acknowledge handover from eve.edt, Sun 22/11/2026 05:20");

    // The CLI gives the same order and the handover's own times.
    const auto result = test::runCli({"queue", "handovers", "--db", j.t.folder.file("frontdoor.sqlite"), "--now",
                                      "2026-11-24T08:30:00Z", "--user", "mo.manager", "--secret", test::kTestPin});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const auto items = result.json()["items"];
    REQUIRE(items.size() == 4);
    CHECK(items[0]["contact_id"] == newest);
    CHECK(items[0]["handed_over_at"] == "2026-11-22T05:20:00.000Z");
    CHECK(items[0]["handover_due_at"] == "2026-11-23T09:00:00.000Z");
    CHECK(items[3]["contact_id"] == monday);
}
