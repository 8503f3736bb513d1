#pragma once
// Shared helpers for core tests: a scratch database folder and a valid contact to vary.

#include "Workspace.h"
#include "store/Fact.h"
#include "util/Clock.h"

#include <filesystem>
#include <memory>
#include <string>

namespace frontdoor::test {

/// A fresh folder under the system temp folder, removed when the object goes.
class ScratchFolder {
public:
    ScratchFolder();
    ~ScratchFolder();
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// The folder this test process uses as XDG_DATA_HOME (and HOME), set before any test runs, so that
/// desk keys (store/DeskSeal.h) and default databases never land in the real user's home.
std::filesystem::path scratchHome();

/// 2026-11-23T10:00:00Z, a Monday.
core::Instant testNow();
core::Instant at(const std::string& iso);

/// The test team's shared PIN: six digits, no repeat and no run, so it meets the default secret policy.
inline constexpr const char* kTestPin = "470913";

/// The test team (addTestUsers) acting in their roles, for tests that call services directly.
inline const core::Actor kScreener{"sam.screener", "screener"};
inline const core::Actor kManager{"mo.manager", "duty_manager"};
inline const core::Actor kOtherManager{"dee.manager", "duty_manager"};
inline const core::Actor kEdt{"eve.edt", "edt_worker"};
inline const core::Actor kAdmin{"ada.admin", "administrator"};
inline const core::Actor kAuditor{"aud.auditor", "auditor"};

/// Adds the test team, every one with the PIN kTestPin: ada.admin (administrator), sam.screener and
/// jo.screener (screener), mo.manager and dee.manager (duty manager), eve.edt (EDT worker),
/// aud.auditor (auditor) and pat.both (screener and duty manager, for the four-eyes rule).
void addTestUsers(core::Workspace& workspace);

/// A *training* workspace (so its fixed clock is allowed) on a file in `folder` with a fixed clock at
/// testNow(), and the test team.
struct TestWorkspace {
    explicit TestWorkspace(bool withUsers = true);
    ScratchFolder folder;
    core::FixedClock clock{testNow()};
    std::unique_ptr<core::Workspace> ws =
        core::Workspace::create(folder.file("frontdoor.sqlite"), clock, core::DatabaseMode::Training);
    core::Actor screener{"sam.screener", "screener"};
    core::Actor manager{"mo.manager", "duty_manager"};
    core::Actor admin{"ada.admin", "administrator"};
};

/// A valid contact about one child: John Smith, born 2015-03-12, from a school.
core::Json sampleContact();

/// Runs frontdoor-cli in-process; returns the exit code and captures stdout and stderr.
struct CliResult {
    int exitCode;
    std::string out;
    std::string err;
    core::Json json() const;
    core::Json errorJson() const;
};
CliResult runCli(const std::vector<std::string>& args, const std::string& stdinText = "");

} // namespace frontdoor::test
