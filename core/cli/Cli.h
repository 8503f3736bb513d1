#pragma once
// frontdoor-cli: every core operation as a command that reads and writes JSON. Lives in core (no Qt)
// so the executable is a thin main() and tests can run commands in-process.

#include "Workspace.h"
#include "store/Fact.h"
#include "util/Clock.h"

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core::cli {

/// Exit codes: 0 success; 1 the operation failed (not found, conflict, store); 2 the input was
/// invalid or the command line was wrong; 3 permission refused.
enum ExitCode { kOk = 0, kFailed = 1, kInvalid = 2, kForbidden = 3 };

/// Parsed command line: positional words and --options (an option without a value is "true").
class Arguments {
public:
    Arguments() = default;
    Arguments(const std::vector<std::string>& words, const std::vector<std::string>& flagNames);

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> option(const std::string& name) const;
    std::string option(const std::string& name, const std::string& fallback) const;
    bool flag(const std::string& name) const;
    /// Options given that `known` does not list, for a clear "unknown option" error.
    std::vector<std::string> unknownOptions(const std::vector<std::string>& known) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> options_;
};

/// What a command runs with.
class Context {
public:
    Context(Arguments args, std::istream& in, std::ostream& out, std::ostream& err);
    ~Context();

    const Arguments& args() const { return args_; }
    std::istream& in() { return in_; }
    std::ostream& out() { return out_; }
    std::ostream& err() { return err_; }

    /// The database named by --db, or the default in the user's app-data folder; opened on first use.
    /// Throws NotFoundError (creating nothing) when there is no file there, and ValidationError when
    /// --now is given for a live database.
    Workspace& workspace();
    /// The --db path, or the default.
    std::string databasePath() const;
    /// ValidationError naming --now when it was given and `mode` does not allow a chosen clock.
    void refuseChosenClockOn(const std::string& path, DatabaseMode mode) const;
    /// Uses a workspace the command made itself (init creating a database).
    void adoptWorkspace(std::unique_ptr<Workspace> workspace);
    const Clock& clock();
    /// The signed-in actor: --user (default the operating-system account) proved by its password or PIN
    /// (FRONTDOOR_SECRET, or --secret), acting in --role (default their first role). Throws
    /// ForbiddenError when the secret is wrong, sign-in as that name is paused, or the database has no
    /// users yet; and, unless `evenWithAWeakSecret` (for `user secret` on one's own account), when the
    /// secret is weaker than the secret policy, saying to change it with `user secret`.
    Actor actor(bool evenWithAWeakSecret = false);
    /// The user named by --user, or the operating-system account; not yet authenticated.
    std::string userName() const;
    /// A whole-number option within [minimum, maximum]; a clear error names the option otherwise.
    int intOption(const std::string& name, int fallback, int minimum, int maximum) const;
    /// A date-and-time option; a bare date means the start of that day, or with `bareDateMeansNextDay`
    /// the start of the next (so "--to 2026-11-23" includes the whole of that day).
    std::optional<Instant> instantOption(const std::string& name, bool bareDateMeansNextDay = false) const;
    /// The first positional argument, or a ValidationError naming `what`.
    std::string requiredPositional(const std::string& what) const;
    /// Prints JSON to stdout, pretty.
    void print(const Json& value);
    /// Reads the JSON input of a command: the file named by `--file`, or by the positional argument at
    /// `positionalIndex`, or standard input (also when the file is "-").
    Json readJsonInput(const std::string& fileOption = "file", size_t positionalIndex = 0);

private:
    Arguments args_;
    std::istream& in_;
    std::ostream& out_;
    std::ostream& err_;
    std::unique_ptr<Clock> clock_;
    std::unique_ptr<Workspace> workspace_;
    std::optional<Actor> actor_;
    bool weakSecret_ = false;
};

struct Command {
    std::string name;    ///< one or two words: "init", "contact record"
    std::string usage;   ///< e.g. "contact record [FILE]  (JSON from FILE or stdin)"
    std::string summary; ///< one line
    std::vector<std::string> options; ///< option names taking a value (besides the global ones)
    std::vector<std::string> flags;   ///< option names taking no value, e.g. "draft"
    std::function<int(Context&)> run;
};

/// All commands, in the order `help` lists them.
std::vector<Command>& commands();
void addCommand(Command command);

/// Runs frontdoor-cli with `argv` (without the program name). Never throws: failures are printed to
/// `err` as JSON and reported by the exit code.
int run(const std::vector<std::string>& argv, std::istream& in, std::ostream& out, std::ostream& err);

// Each feature registers its commands (called once by run()).
void registerStoreCommands();
void registerContactCommands();
void registerPersonCommands();
void registerDemoCommands();
void registerUserCommands();
void registerSearchCommands();
void registerWorkflowCommands();
void registerCalendarCommands();
void registerRulesCommands();
void registerAuditCommands();
void registerSyncConflictCommands();
void registerSyncCommands();
void registerCorrectionCommands();

} // namespace frontdoor::core::cli
