#include "TestSupport.h"

#include "cli/Cli.h"

#include <random>
#include <sstream>

namespace frontdoor::test {

ScratchFolder::ScratchFolder() {
    std::random_device seed;
    path_ = std::filesystem::temp_directory_path() / ("frontdoor-test-" + std::to_string(seed()) + std::to_string(seed()));
    std::filesystem::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
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
