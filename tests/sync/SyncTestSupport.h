#pragma once
// Desks for the sync tests: each its own scratch training database (fixed clock at testNow()) and its own
// view of one shared folder, through a FaultyTransport the test can make fail.

#include "TestSupport.h"

#include "sync/ShareTransport.h"
#include "sync/SyncEngine.h"
#include "sync/Team.h"

#include <filesystem>
#include <memory>
#include <string>

namespace frontdoor::test {

/// The passphrase the test team uses.
inline constexpr const char* kTeamPassphrase = "correct horse battery staple";

/// A shared folder for a test, removed afterwards.
struct Share {
    ScratchFolder folder;
    const std::filesystem::path& path() const { return folder.path(); }
    std::string file(const std::string& relative) const { return (folder.path() / relative).string(); }
};

struct Desk {
    /// A desk over `share`; with the test team (users) only when `withUsers`, as the first desk of a team has.
    explicit Desk(const Share& share, bool withUsers = false);
    ~Desk();

    ScratchFolder folder;
    core::FixedClock clock{testNow()};
    std::unique_ptr<core::Workspace> ws;
    core::sync::FolderTransport folderTransport;
    core::sync::FaultyTransport share{folderTransport};

    std::string dbPath() const { return folder.file("frontdoor.sqlite"); }
    std::string deviceId() const { return ws->facts().deviceId(); }
    /// Joins the team (making it if the share has none).
    core::sync::JoinResult join(const std::string& passphrase = kTeamPassphrase);
    /// One sync round through this desk's (possibly faulty) view of the share.
    core::sync::RoundReport sync(core::sync::SyncOptions options = {});
    /// The facts digest and the projection digest together: equal at two desks when they hold the same
    /// facts and show users the same thing.
    std::string digest() const;
    int64_t factCount() const { return ws->facts().count(); }
    /// Closes and opens the database again (after reidentify, or to copy its file).
    void reopen();
    /// Records a contact as a screener (the test team must be known at this desk); returns its id.
    std::string recordContact(const std::string& givenName = "John");
};

/// Every desk's digest equal to the first's.
bool allEqual(const std::vector<Desk*>& desks);

/// Rounds at every desk, in order, `times` times.
void syncAll(const std::vector<Desk*>& desks, int times = 2);

/// The problems and held files of a report, as one text (for failure messages and CHECKs).
std::string notesOf(const core::sync::RoundReport& report);

} // namespace frontdoor::test
