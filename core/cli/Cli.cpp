#include "cli/Cli.h"

#include "store/DataLocation.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "util/JsonInput.h"
#include "util/Text.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace frontdoor::core::cli {
namespace {

const std::vector<std::string> kGlobalOptions = {"db", "user", "role", "secret", "now", "help"};

std::string operatingSystemUser() {
    for (const char* name : {"USER", "USERNAME", "LOGNAME"})
        if (const char* value = std::getenv(name); value && *value)
            return value;
    return "unknown";
}

// The longest message or problem printed: the messages are built from excerpts, so this only stops a
// message that lists thousands of problems from flooding a terminal (each problem is listed anyway).
constexpr size_t kMaxPrintedMessage = 4000;

// Never throws: ill-formed UTF-8 in a message (from a file name, an environment variable) is replaced
// rather than aborting the program from its own error handler.
void printError(std::ostream& err, const std::string& kind, const std::string& message,
                const std::vector<FieldError>& fields = {}) noexcept {
    try {
        const auto bounded = [](const std::string& text) {
            return text.size() > kMaxPrintedMessage ? excerpt(text, kMaxPrintedMessage) : text;
        };
        Json error{{"kind", kind}, {"message", bounded(message)}};
        if (!fields.empty()) {
            Json list = Json::array();
            for (const auto& field : fields)
                list.push_back({{"field", bounded(field.field)}, {"problem", bounded(field.problem)}});
            error["fields"] = list;
        }
        err << Json{{"error", error}}.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    } catch (...) {
        try {
            err << "{\"error\": {\"kind\": \"internal\", \"message\": \"the error could not be printed\"}}\n";
        } catch (...) {
        }
    }
}

// The longest command-line argument: the longest free text given as an option (a --reason or --note)
// is 5,000 characters; file paths are far shorter.
constexpr size_t kMaxArgumentBytes = 20000;

// Every word of the command line must be text: well-formed UTF-8, no NUL, not absurdly long. Returns the
// problem, naming the option or the argument's position, or nullopt.
std::optional<FieldError> badArgument(const std::vector<std::string>& argv) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& word = argv[i];
        std::string field = "argument " + std::to_string(i + 1);
        const auto optionName = [](const std::string& w) -> std::optional<std::string> {
            if (w.rfind("--", 0) != 0 || w.size() <= 2)
                return std::nullopt;
            const std::string name = w.substr(2, w.find('=') == std::string::npos ? std::string::npos : w.find('=') - 2);
            if (!isValidUtf8(name) || name.size() > 40)
                return std::nullopt;
            return "--" + name;
        };
        if (const auto name = optionName(word); name && word.find('=') != std::string::npos)
            field = *name;
        else if (i > 0 && !optionName(word) && optionName(argv[i - 1]) && argv[i - 1].find('=') == std::string::npos)
            field = *optionName(argv[i - 1]);
        if (!isValidUtf8(word))
            return FieldError{field, quoteExcerpt(word) + " is not valid UTF-8 text"};
        if (word.find('\0') != std::string::npos)
            return FieldError{field, "contains a NUL character"};
        if (word.size() > kMaxArgumentBytes)
            return FieldError{field, "is " + std::to_string(word.size()) + " bytes long; at most " +
                                         std::to_string(kMaxArgumentBytes)};
    }
    return std::nullopt;
}

void printHelp(std::ostream& out) {
    out << "frontdoor-cli: the Frontdoor core from the command line. JSON in, JSON out.\n\n"
           "Global options: --db PATH (default " << defaultDatabasePath() << ")\n"
           "                --user NAME --role ROLE   (who is acting; default the OS account)\n"
           "                --now INSTANT             (fix the clock: training and demo databases only)\n\n"
           "Commands:\n";
    for (const auto& command : commands())
        out << "  " << command.usage << "\n      " << command.summary << "\n";
    out << "\nSee docs/cli.md for every command's JSON.\n";
}

} // namespace

Arguments::Arguments(const std::vector<std::string>& words, const std::vector<std::string>& flagNames) {
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word.rfind("--", 0) == 0 && word.size() > 2) {
            std::string name = word.substr(2);
            const auto equals = name.find('=');
            if (equals != std::string::npos) {
                options_[name.substr(0, equals)] = name.substr(equals + 1);
            } else if (std::find(flagNames.begin(), flagNames.end(), name) != flagNames.end() ||
                       i + 1 >= words.size() || (words[i + 1].rfind("--", 0) == 0 && words[i + 1].size() > 2)) {
                options_[name] = "true";
            } else {
                options_[name] = words[++i];
            }
        } else {
            positional_.push_back(word);
        }
    }
}

std::optional<std::string> Arguments::option(const std::string& name) const {
    const auto it = options_.find(name);
    if (it == options_.end())
        return std::nullopt;
    return it->second;
}

std::string Arguments::option(const std::string& name, const std::string& fallback) const {
    return option(name).value_or(fallback);
}

bool Arguments::flag(const std::string& name) const {
    const auto value = option(name);
    return value && *value != "false" && *value != "0";
}

std::vector<std::string> Arguments::unknownOptions(const std::vector<std::string>& known) const {
    std::vector<std::string> unknown;
    for (const auto& [name, _] : options_)
        if (std::find(known.begin(), known.end(), name) == known.end() &&
            std::find(kGlobalOptions.begin(), kGlobalOptions.end(), name) == kGlobalOptions.end())
            unknown.push_back(name);
    return unknown;
}

Context::Context(Arguments args, std::istream& in, std::ostream& out, std::ostream& err)
    : args_(std::move(args)), in_(in), out_(out), err_(err) {}

Context::~Context() = default;

const Clock& Context::clock() {
    if (!clock_) {
        if (const auto now = args_.option("now")) {
            const auto at = parseInstant(*now);
            if (!at)
                throw ValidationError("--now", "\"" + *now + "\" is not a date and time such as 2026-11-23T10:15:00Z");
            clock_ = std::make_unique<FixedClock>(*at);
        } else {
            clock_ = std::make_unique<SystemClock>();
        }
    }
    return *clock_;
}

std::string Context::databasePath() const { return args_.option("db", defaultDatabasePath()); }

void Context::refuseChosenClockOn(const std::string& path, DatabaseMode mode) const {
    if (args_.option("now") && !allowsFixedClock(mode))
        throw ValidationError("--now", path + " is a live database: its facts take this desk's clock, never a time "
                                              "given on the command line. --now is accepted only on a training "
                                              "or demo database (frontdoor-cli init --training or --demo)");
}

void Context::adoptWorkspace(std::unique_ptr<Workspace> workspace) { workspace_ = std::move(workspace); }

Workspace& Context::workspace() {
    if (!workspace_) {
        // Only init creates a database: a mistyped --db is named, and nothing (no file, no folder) is made.
        const std::string path = databasePath();
        std::error_code ignored;
        if (path != ":memory:" && !std::filesystem::exists(path, ignored))
            throw NotFoundError("no database at " + path + "; create one with frontdoor-cli init");
        // Read the mode without changing the file, so a refused --now writes nothing at all.
        if (const auto mode = peekDatabaseMode(path))
            refuseChosenClockOn(path, *mode);
        workspace_ = Workspace::open(path, clock());
        refuseChosenClockOn(path, workspace_->mode());
    }
    return *workspace_;
}

std::string Context::userName() const { return args_.option("user", operatingSystemUser()); }

Actor Context::actor(bool evenWithAWeakSecret) {
    if (actor_ && weakSecret_ && !evenWithAWeakSecret)
        throw ForbiddenError(actor_->userId + "'s password or PIN is weaker than the secret policy; set a new one "
                             "before anything else: FRONTDOOR_NEW_SECRET=... frontdoor-cli user secret " +
                             actor_->userId);
    if (actor_)
        return *actor_;
    UserService users(workspace());
    if (!users.anyUsers())
        throw ForbiddenError("this database has no users yet; add the first administrator with: "
                             "FRONTDOOR_SECRET=... frontdoor-cli user add --user NAME --display-name \"Full Name\" "
                             "--roles administrator");
    std::string secret = args_.option("secret", "");
    if (secret.empty())
        if (const char* fromEnvironment = std::getenv("FRONTDOOR_SECRET"))
            secret = fromEnvironment;
    if (secret.empty())
        throw ForbiddenError("sign in: set FRONTDOOR_SECRET to " + userName() +
                             "'s password or PIN (or pass --secret)");
    const Session session = users.authenticate(userName(), secret, args_.option("role", ""));
    actor_ = session.actor();
    weakSecret_ = session.mustChangeSecret;
    return actor(evenWithAWeakSecret);
}

int Context::intOption(const std::string& name, int fallback, int minimum, int maximum) const {
    const auto text = args_.option(name);
    if (!text)
        return fallback;
    try {
        size_t used = 0;
        const int value = std::stoi(*text, &used);
        if (used == text->size() && value >= minimum && value <= maximum)
            return value;
    } catch (const std::exception&) {
    }
    throw ValidationError("--" + name, quoteExcerpt(*text) + " must be a whole number from " + std::to_string(minimum) +
                                             " to " + std::to_string(maximum));
}

std::optional<Instant> Context::instantOption(const std::string& name, bool bareDateMeansNextDay) const {
    const auto text = args_.option(name);
    if (!text)
        return std::nullopt;
    if (const auto date = parseDate(*text))
        return std::chrono::sys_days{*date} + std::chrono::days{bareDateMeansNextDay ? 1 : 0};
    if (const auto at = parseInstant(*text))
        return *at;
    throw ValidationError("--" + name, quoteExcerpt(*text) + " is not a date (2026-11-23) or a date and time "
                                                          "(2026-11-23T10:15:00Z)");
}

std::string Context::requiredPositional(const std::string& what) const {
    if (args_.positional().empty())
        throw ValidationError(what, "is required");
    return args_.positional().front();
}

// Text altered outside Frontdoor may hold bytes that are not UTF-8: print a replacement character
// rather than fail (or abort) half way through a report about that very damage.
void Context::print(const Json& value) { out_ << value.dump(2, ' ', false, Json::error_handler_t::replace) << '\n'; }

Json Context::readJsonInput(const std::string& fileOption, size_t positionalIndex) {
    std::optional<std::string> file = args_.option(fileOption);
    if (!file && args_.positional().size() > positionalIndex)
        file = args_.positional()[positionalIndex];
    if (file && *file != "-")
        return readJsonInputFile(*file, *file);
    return parseJsonInput(readBoundedText(in_), "standard input");
}

std::vector<Command>& commands() {
    static std::vector<Command> all;
    return all;
}

void addCommand(Command command) { commands().push_back(std::move(command)); }

int run(const std::vector<std::string>& fullArgv, std::istream& in, std::ostream& out, std::ostream& err) {
    // Global options may come before the command words ("--db x.sqlite contact list"); move them after.
    std::vector<std::string> argv;
    std::vector<std::string> leadingGlobals;
    for (size_t i = 0; i < fullArgv.size(); ++i) {
        const std::string& word = fullArgv[i];
        const std::string name = word.rfind("--", 0) == 0 ? word.substr(2, word.find('=') - 2) : "";
        if (argv.empty() && !name.empty() && name != "help" &&
            std::find(kGlobalOptions.begin(), kGlobalOptions.end(), name) != kGlobalOptions.end()) {
            leadingGlobals.push_back(word);
            if (word.find('=') == std::string::npos && i + 1 < fullArgv.size())
                leadingGlobals.push_back(fullArgv[++i]);
            continue;
        }
        argv.push_back(word);
    }
    if (const auto bad = badArgument(fullArgv)) {
        printError(err, "validation", bad->field + ": " + bad->problem, {*bad});
        return kInvalid;
    }
    if (commands().empty()) {
        registerStoreCommands();
        registerContactCommands();
        registerPersonCommands();
        registerDemoCommands();
        registerUserCommands();
        registerSearchCommands();
        registerWorkflowCommands();
        registerCalendarCommands();
        registerRulesCommands();
        registerAuditCommands();
        registerSyncConflictCommands();
        registerSyncCommands();
        registerCorrectionCommands();
    }
    // The longest command name that the leading words spell.
    const Command* chosen = nullptr;
    size_t words = 0;
    for (const auto& command : commands()) {
        std::istringstream nameWords(command.name);
        std::string word;
        size_t count = 0;
        bool matches = true;
        while (nameWords >> word) {
            if (count >= argv.size() || argv[count] != word) {
                matches = false;
                break;
            }
            ++count;
        }
        if (matches && count > words) {
            chosen = &command;
            words = count;
        }
    }
    if (argv.empty() || argv[0] == "help" || argv[0] == "--help") {
        printHelp(out);
        return kOk;
    }
    if (!chosen) {
        printError(err, "usage", "unknown command " + quoteExcerpt(argv[0]) + "; run frontdoor-cli help for the list");
        return kInvalid;
    }
    std::vector<std::string> rest(argv.begin() + static_cast<long>(words), argv.end());
    // Options after the command words win over the same option given before them.
    rest.insert(rest.begin(), leadingGlobals.begin(), leadingGlobals.end());
    std::vector<std::string> flags = chosen->flags;
    flags.push_back("help");
    Context context(Arguments(rest, flags), in, out, err);
    if (context.args().flag("help")) {
        out << "usage: frontdoor-cli " << chosen->usage << "\n" << chosen->summary << "\n";
        return kOk;
    }
    std::vector<std::string> known = chosen->options;
    known.insert(known.end(), chosen->flags.begin(), chosen->flags.end());
    const auto unknown = context.args().unknownOptions(known);
    if (!unknown.empty()) {
        printError(err, "usage", "\"" + chosen->name + "\" has no option --" + excerpt(unknown.front()) +
                                     "; usage: frontdoor-cli " + chosen->usage);
        return kInvalid;
    }
    try {
        return chosen->run(context);
    } catch (const ValidationError& e) {
        printError(err, e.kind(), e.what(), e.errors());
        return kInvalid;
    } catch (const ForbiddenError& e) {
        printError(err, e.kind(), e.what());
        return kForbidden;
    } catch (const Error& e) {
        printError(err, e.kind(), e.what());
        return kFailed;
    } catch (const std::filesystem::filesystem_error& e) {
        printError(err, "store", e.what());
        return kFailed;
    } catch (const std::exception& e) {
        printError(err, "internal", std::string("unexpected failure: ") + e.what());
        return kFailed;
    }
}

} // namespace frontdoor::core::cli
