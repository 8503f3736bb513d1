#pragma once
// Installing threshold rule sets and finding the one in force. Installing is a fact (rules.installed),
// so every desk gets the rule set once desks share their work, and a past decision can always show the
// exact rules it was made under. Until a rule set is installed, the embedded default is in force.

#include "Workspace.h"
#include "rules/RuleSet.h"
#include "store/Fact.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

/// A rule set as installed on this database.
struct InstalledRuleSet {
    std::string version;
    std::string hash;
    std::string name;
    std::string origin; ///< file, embedded_default
    Instant installedAt;
    std::string installedBy;
    bool active = false;
    nlohmann::json toJson() const;
};

/// The rule set in force and where it came from.
struct ActiveRuleSet {
    std::shared_ptr<const RuleSet> rules;
    /// False while no rule set has been installed and the embedded default is in force unrecorded.
    bool installed = false;
    std::optional<InstalledRuleSet> record; ///< when installed
};

struct InstallResult {
    std::string version;
    std::string hash;
    bool recorded = false;       ///< false when that very rule set was already the active one
    std::string previousVersion; ///< the version in force before
    std::string previousHash;
    std::string factId;          ///< the rules.installed fact, when changed
    nlohmann::json toJson() const;
};

class RuleSetService {
public:
    explicit RuleSetService(Workspace& workspace) : ws_(workspace) {}

    /// Validates and installs a rule set, making it the active one. Throws ValidationError listing
    /// every problem (nothing is recorded and the active rule set stays), or ConflictError when the
    /// version is already installed (or is the embedded default's) with different content. Installing
    /// an older installed rule set again makes it active again (a roll-back).
    InstallResult install(const Actor& actor, const nlohmann::json& body);

    /// The rule set in force: the latest installed, or the embedded default when none has been.
    ActiveRuleSet active();

    /// Every rule set installed here, the active one first, then by latest install, newest first.
    std::vector<InstalledRuleSet> list();

    /// A rule set by version and hash, from those installed here or the embedded default; nullptr if
    /// neither has it. For showing a past decision under the rules it was made with.
    std::shared_ptr<const RuleSet> find(const std::string& version, const std::string& hash);

    /// Records the active rule set as installed if it is the unrecorded embedded default, so a decision
    /// made under it can always be traced to the rules in the fact log. Call inside the decision's
    /// write transaction.
    void recordDefaultIfUnrecorded(const Actor& actor);

    /// The active rule set for people: version, hash, labels, outcomes, indicators by domain,
    /// aggravating factors and context questions (`rules show`).
    nlohmann::json show();

private:
    std::shared_ptr<const RuleSet> loadStored(const std::string& version, const std::string& hash,
                                              const std::string& body);

    Workspace& ws_;
};

/// The rule set summarised for people and pickers (used by RuleSetService::show).
nlohmann::json describeRuleSet(const RuleSet& rules);

} // namespace frontdoor::core
