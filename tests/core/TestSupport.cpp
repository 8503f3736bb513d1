#include "TestSupport.h"

#include "cli/Cli.h"
#include "store/Sqlite.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <random>
#include <sstream>

namespace frontdoor::test {

namespace {

// Runs before main(): every test in this process keeps the desk keys and default data folder in a
// scratch home, removed when the process ends.
struct ScratchHome {
    std::filesystem::path path;
    ScratchHome() {
        std::random_device seed;
        path = std::filesystem::temp_directory_path() /
               ("frontdoor-test-home-" + std::to_string(seed()) + std::to_string(seed()));
        std::filesystem::create_directories(path / "data");
        ::setenv("XDG_DATA_HOME", (path / "data").c_str(), 1);
        ::setenv("HOME", path.c_str(), 1);
    }
    ~ScratchHome() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

ScratchHome& theScratchHome() {
    static ScratchHome home;
    return home;
}
const bool scratchHomeReady = (theScratchHome(), true);

} // namespace

std::filesystem::path scratchHome() { return theScratchHome().path; }

ScratchFolder::ScratchFolder() {
    std::random_device seed;
    path_ = std::filesystem::temp_directory_path() / ("frontdoor-test-" + std::to_string(seed()) + std::to_string(seed()));
    std::filesystem::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

void addTestUsers(core::Workspace& workspace) {
    // Argon2id is slow on purpose; hash the shared test PIN once per test process, then record the
    // users as the same facts UserService writes.
    static const std::string hash = [] {
        char text[crypto_pwhash_STRBYTES];
        if (sodium_init() < 0 ||
            crypto_pwhash_str(text, kTestPin, std::strlen(kTestPin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
            throw std::runtime_error("cannot hash the test PIN");
        return std::string(text);
    }();
    const std::pair<const char*, std::vector<std::string>> team[] = {
        {"ada.admin", {"administrator"}},  {"sam.screener", {"screener"}}, {"jo.screener", {"screener"}},
        {"mo.manager", {"duty_manager"}},  {"dee.manager", {"duty_manager"}}, {"eve.edt", {"edt_worker"}},
        {"aud.auditor", {"auditor"}},      {"pat.both", {"screener", "duty_manager"}}};
    core::Transaction transaction(workspace.db());
    for (const auto& [id, roles] : team)
        workspace.facts().append({"ada.admin", "administrator"}, "user.added", id,
                                 {{"display_name", id}, {"roles", roles}, {"secret_hash", hash}});
    transaction.commit();
}

TestWorkspace::TestWorkspace(bool withUsers) {
    if (withUsers)
        addTestUsers(*ws);
}

core::Instant testNow() { return at("2026-11-23T10:00:00Z"); }

core::Instant at(const std::string& iso) { return core::parseInstant(iso).value(); }

core::Json sampleContact() {
    return core::Json::parse(R"({
      "received_at": "2026-11-23T09:15:00Z",
      "channel": "phone",
      "source": "2A",
      "referrer": {"name": "Dana Whitfield", "agency": "Brookside Primary", "role": "Designated safeguarding lead",
                   "phone": "07700 900123", "email": "dsl@brookside.example"},
      "children": [{"given_name": "John", "family_name": "Smith", "date_of_birth": "2015-03-12", "sex": "M",
                    "ethnicity": "WBRI", "address": "4 Meadow Close, Runcorn", "postcode": "WA7 5XY",
                    "voice": "John said he is scared when his dad shouts."}],
      "adults": [{"given_name": "Kerry", "family_name": "Smith", "relationship": "mother",
                  "parental_responsibility": "yes", "lives_with_child": true}],
      "concern": "John arrived with a bruise on his cheek and said his dad hit him.",
      "consent": {"status": "not_sought", "basis_without_consent": "Asking could put John at risk."}
    })");
}

core::Json CliResult::json() const { return core::Json::parse(out); }
core::Json CliResult::errorJson() const { return core::Json::parse(err); }

CliResult runCli(const std::vector<std::string>& args, const std::string& stdinText) {
    std::istringstream in(stdinText);
    std::ostringstream out, err;
    const int code = core::cli::run(args, in, out, err);
    return {code, out.str(), err.str()};
}

} // namespace frontdoor::test
