#pragma once
// Screening a contact against the threshold rules, and recording the screener's decision. The rules
// suggest; the screener decides. A decision stores the rule set's version and hash, the inputs and
// the suggestion beside what the screener chose; one that departs from the suggestion (level, outcome
// or RAG) is refused without a written rationale.

#include "Workspace.h"
#include "rules/RuleSet.h"
#include "rules/Screening.h"
#include "rules/ThresholdEvaluator.h"
#include "store/Fact.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

/// The shortest rationale accepted when a decision departs from the suggestion: a sentence, not "ok".
inline constexpr size_t kMinimumRationaleLength = 20;

/// A screening as `screen` shows it: the suggestion, the inputs it was made from, and the rules used.
struct ScreeningResult {
    Suggestion suggestion;
    nlohmann::json inputs; ///< screeningInputJson()
    std::shared_ptr<const RuleSet> rules;
    nlohmann::json toJson() const; ///< the suggestion's fields, plus "child" and "inputs"
};

struct ScreeningDecision {
    std::string id;        ///< UUIDv7
    std::string contactId;
    std::string personId;  ///< the child screened; "" if the contact's child was not linked
    std::string rulesVersion;
    std::string rulesHash;
    nlohmann::json inputs;     ///< indicators, context and what was derived (screeningInputJson)
    nlohmann::json suggestion; ///< Suggestion::toJson() at the time of the decision
    int level = 0;
    std::string levelLabel;
    std::string outcome;
    std::string rag;
    bool strategyDiscussion = false;
    std::vector<std::string> departsFrom; ///< "level", "outcome", "rag": where the choice differs
    std::string rationale;
    std::string decidedBy;
    std::string decidedRole;
    Instant decidedAt;
    std::string factId;
    nlohmann::json toJson() const;
};

class ScreeningDecisionService {
public:
    explicit ScreeningDecisionService(Workspace& workspace) : ws_(workspace) {}

    /// Screens a contact that need not be recorded: `input` is a contact in `contact record` JSON plus
    /// "indicators", "context" and optionally "child". Under `rules`, or the active rule set when null.
    /// History counts not given in the context come from the database for a child linked by id.
    /// Throws ValidationError naming every problem. Records nothing.
    ScreeningResult screen(const nlohmann::json& input, std::shared_ptr<const RuleSet> rules = nullptr);

    /// Screens a recorded contact under the active rule set; `request` has "indicators", "context" and
    /// optionally "child". Records nothing (for a live suggestion beside a recorded contact).
    ScreeningResult screenRecorded(const std::string& contactId, const nlohmann::json& request);

    /// Records a screening decision on a recorded contact. `input`: "indicators", "context", optional
    /// "child", the chosen "level", "outcome" and "rag", a "rationale" (required when the choice departs
    /// from the suggestion), optional "contact_id" (must match) and optional "rules_version" (the
    /// version the screener saw; a ConflictError if the active rule set has changed since).
    /// Throws NotFoundError for an unknown contact, ValidationError listing every problem. If no rule
    /// set was ever installed, the embedded default is recorded as installed in the same transaction.
    /// Returns the stored decision, id included.
    ScreeningDecision record(const Actor& actor, const std::string& contactId, const nlohmann::json& input);

    /// The decisions on a contact, oldest first. Throws NotFoundError for an unknown contact.
    std::vector<ScreeningDecision> forContact(const std::string& contactId);
    std::optional<ScreeningDecision> find(const std::string& decisionId);

private:
    HistoryUsed historyFor(const Contact& contact, size_t child, const ScreeningRequest& request);
    ScreeningResult screenContact(const Contact& contact, const ScreeningRequest& request,
                                  std::shared_ptr<const RuleSet> rules);

    Workspace& ws_;
};

/// The contact as it now stands (the latest recorded or amended version); nullopt if not recorded.
std::optional<Contact> loadRecordedContact(Workspace& workspace, const std::string& contactId);

} // namespace frontdoor::core
