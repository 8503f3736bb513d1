#pragma once
// Every front-door timescale, computed in one place and explained in one line a person can check
// ("Due 16:30 Fri 27 Nov 2026: one working day from receipt at 16:45 Thu 26 Nov 2026; Friday closes at
// 16:30, so the closing time."). Each kind follows a rule (a method and an amount) that an administrator
// may change; the defaults are Halton iCART's. The rules are described in docs/calendar.md.

#include "time/WorkingCalendar.h"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core {

enum class DeadlineKind {
    Decision,           ///< deciding what happens to a contact: one working day from receipt
    RagRed,             ///< a red-rated contact: 4 working hours
    RagAmber,           ///< amber: one working day
    RagGreen,           ///< green: three working days
    StrategyDiscussion, ///< 24 real hours from the decision that one is needed
    EdtHandover,        ///< an out-of-hours contact handed to the day team at the next opening
    Icpc,               ///< initial child protection conference: close of the 15th working day after the strategy discussion
    Assessment,         ///< close of the 45th working day after the date of referral
    ReturnInterview,    ///< return home interview: 72 real hours after a missing child's return
};

/// Every kind, in the order listings show them.
const std::vector<DeadlineKind>& deadlineKinds();
/// "decision", "rag-red", "rag-amber", "rag-green", "strategy-discussion", "edt-handover", "icpc",
/// "assessment", "return-interview".
std::string_view deadlineKindName(DeadlineKind kind);
std::optional<DeadlineKind> parseDeadlineKind(std::string_view name);
/// "decision, rag-red, ..., return-interview", for messages.
std::string deadlineKindList();

enum class DeadlineMethod {
    WorkingDays,       ///< "working_days": the same clock time N working days later, capped at that day's closing
    WorkingHours,      ///< "working_hours": N hours counting only opening hours
    ElapsedHours,      ///< "elapsed_hours": N real hours, whatever the day and across clock changes
    NextOpening,       ///< "next_opening": the first opening at or after the instant (no amount)
    ClosingOfWorkingDay, ///< "closing_of_working_day": the closing time of the Nth working day after the date
};
std::string_view deadlineMethodName(DeadlineMethod method);

struct DeadlineRule {
    DeadlineMethod method;
    int amount = 0; ///< working days, hours, or (next_opening) unused and 0
    bool operator==(const DeadlineRule&) const = default;
};

/// Each kind's rule. JSON form, one entry per kind to change (kinds left out keep their defaults):
///   {"decision": {"method": "working_days", "amount": 1}, "edt-handover": {"method": "next_opening"}}
class DeadlineRules {
public:
    /// Halton iCART's rules, as listed on DeadlineKind.
    DeadlineRules();

    const DeadlineRule& operator[](DeadlineKind kind) const { return rules_[index(kind)]; }
    /// Throws ValidationError if the amount does not suit the method (see docs/calendar.md).
    void set(DeadlineKind kind, DeadlineRule rule);

    /// The defaults changed by `json`. Throws ValidationError listing every problem, named by path.
    static DeadlineRules fromJson(const nlohmann::json& json, const std::string& path = "deadlines");
    /// Every kind's rule in the JSON form.
    nlohmann::json toJson() const;

    bool operator==(const DeadlineRules&) const = default;

private:
    static size_t index(DeadlineKind kind) { return static_cast<size_t>(kind); }
    std::array<DeadlineRule, 9> rules_;
};

struct Deadline {
    DeadlineKind kind;
    Instant from; ///< the event the clock runs from (receipt, decision, discussion, return)
    Instant due;
    std::string explanation; ///< one line, UK local times
    DeadlineRule rule;       ///< the rule that was applied

    /// {"kind", "from", "due" (UTC), "due_local" (UK, with offset), "explanation", "rule": {method, amount}}
    nlohmann::json toJson() const;
};

class Deadlines {
public:
    /// `calendar` must outlive this object.
    explicit Deadlines(const WorkingCalendar& calendar = WorkingCalendar::standard(), DeadlineRules rules = {});

    /// When a `kind` deadline running from `from` falls due, and why. Never before `from`.
    Deadline compute(DeadlineKind kind, Instant from) const;

    const WorkingCalendar& calendar() const { return calendar_; }
    const DeadlineRules& rules() const { return rules_; }

private:
    /// What one method works out: the due instant and the explanation of it.
    struct Reckoning {
        Instant due;
        std::string explanation;
    };
    Reckoning reckon(DeadlineKind kind, const DeadlineRule& rule, Instant from) const;
    Reckoning workingDays(DeadlineKind kind, int count, Instant from) const;
    Reckoning workingHours(DeadlineKind kind, int count, Instant from) const;
    Reckoning elapsedHours(DeadlineKind kind, int count, Instant from) const;
    Reckoning nextOpening(DeadlineKind kind, Instant from) const;
    Reckoning closingOfWorkingDay(DeadlineKind kind, int count, Instant from) const;
    /// "; not counting the bank holiday Mon 28 Dec 2026 (Boxing Day)" for holidays on days that would
    /// otherwise open, from `first` up to but not including `before`; "" when there are none.
    std::string holidaysSkipped(Date first, Date before) const;

    const WorkingCalendar& calendar_;
    DeadlineRules rules_;
};

} // namespace frontdoor::core
