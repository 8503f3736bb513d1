#include "SyncTestSupport.h"

#include "contacts/ContactService.h"

#include <cstdlib>
#include <sstream>

namespace frontdoor::test {
namespace {

// Argon2id at its minimum cost: the suite joins many desks, and the cost is not what is under test.
const bool fastKdf = (::setenv("FRONTDOOR_SYNC_KDF", "fast", 1), true);

} // namespace

Desk::Desk(const Share& share, bool withUsers)
    : ws(core::Workspace::create(folder.file("frontdoor.sqlite"), clock, core::DatabaseMode::Training)),
      folderTransport(share.path().string()) {
    (void)fastKdf;
    if (withUsers)
        addTestUsers(*ws);
}

Desk::~Desk() = default;

core::sync::JoinResult Desk::join(const std::string& passphrase) {
    return core::sync::joinTeam(*ws, share, passphrase);
}

core::sync::RoundReport Desk::sync(core::sync::SyncOptions options) {
    return core::sync::SyncEngine(*ws, share, options).round();
}

std::string Desk::digest() const {
    return ws->facts().factsDigest() + "/" + ws->facts().projectionDigest();
}

void Desk::reopen() {
    ws.reset();
    ws = core::Workspace::open(dbPath(), clock);
}

std::string Desk::recordContact(const std::string& givenName) {
    auto input = sampleContact();
    input["children"][0]["given_name"] = givenName;
    input["received_at"] = core::formatInstant(clock.now() - std::chrono::minutes{45});
    return core::ContactService(*ws).record(kScreener, input).contactId;
}

bool allEqual(const std::vector<Desk*>& desks) {
    for (const Desk* desk : desks)
        if (desk->digest() != desks.front()->digest())
            return false;
    return true;
}

void syncAll(const std::vector<Desk*>& desks, int times) {
    for (int i = 0; i < times; ++i)
        for (Desk* desk : desks)
            desk->sync();
}

std::string notesOf(const core::sync::RoundReport& report) {
    std::ostringstream text;
    text << report.share << ": " << report.reason;
    for (const auto& note : report.ownProblems)
        text << "\n own " << note.file << ": " << note.note;
    for (const auto& device : report.devices) {
        for (const auto& note : device.held)
            text << "\n held " << note.file << ": " << note.note;
        for (const auto& note : device.problems)
            text << "\n problem " << note.file << ": " << note.note;
    }
    return text.str();
}

} // namespace frontdoor::test
