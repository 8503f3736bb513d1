// A desk that loses power or is killed mid-write must come back with an intact file holding every
// contact it had confirmed as recorded.
#include "TestSupport.h"

#include "contacts/ContactProjection.h"
#include "contacts/ContactService.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <set>
#include <string>

using namespace frontdoor;

TEST_CASE("SIGKILL in the middle of a burst of writes loses nothing that was confirmed", "[store][crash]") {
    test::ScratchFolder folder;
    const std::string path = folder.file("crash.sqlite");
    int pipeEnds[2];
    REQUIRE(pipe(pipeEnds) == 0);

    const pid_t writer = fork();
    REQUIRE(writer >= 0);
    if (writer == 0) {
        // The writer: records contacts as fast as it can and reports each id only once record() returned.
        close(pipeEnds[0]);
        core::SystemClock clock;
        auto ws = core::Workspace::create(path, clock, core::DatabaseMode::Training);
        test::addTestUsers(*ws);
        core::ContactService contacts(*ws);
        auto input = test::sampleContact();
        input["received_at"] = "2026-01-05T09:00:00Z";
        for (int i = 0;; ++i) {
            input["children"][0]["given_name"] = "Child" + std::to_string(i);
            const std::string line = contacts.record({"sam.screener", "screener"}, input).contactId + "\n";
            if (write(pipeEnds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                _exit(1);
        }
    }

    close(pipeEnds[1]);
    std::set<std::string> confirmed;
    FILE* reader = fdopen(pipeEnds[0], "r");
    char buffer[128];
    while (confirmed.size() < 150 && std::fgets(buffer, sizeof buffer, reader)) {
        std::string id(buffer);
        id.pop_back();
        confirmed.insert(id);
    }
    kill(writer, SIGKILL); // mid-burst: the writer is inside a transaction most of the time
    int status = 0;
    waitpid(writer, &status, 0);
    // Ids already in the pipe were confirmed too.
    while (std::fgets(buffer, sizeof buffer, reader)) {
        std::string id(buffer);
        id.pop_back();
        confirmed.insert(id);
    }
    std::fclose(reader);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(confirmed.size() >= 150);

    core::FixedClock clock(test::testNow());
    auto ws = core::Workspace::open(path, clock);
    CHECK(ws->db().queryText("PRAGMA integrity_check") == "ok");
    int missing = 0;
    for (const auto& id : confirmed)
        if (!core::contactKey(ws->db(), id))
            ++missing;
    CHECK(missing == 0);
    CHECK(ws->facts().verifyChains().intact);
    // The projection still agrees with the facts after the crash.
    const auto digest = ws->facts().projectionDigest();
    ws->facts().rebuildProjection();
    CHECK(ws->facts().projectionDigest() == digest);
}
