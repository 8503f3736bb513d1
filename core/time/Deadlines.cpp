#include "time/Deadlines.h"

#include "util/Errors.h"
#include "util/JsonFields.h"

#include <algorithm>

namespace frontdoor::core {
namespace {

using namespace std::chrono;

struct KindInfo {
    DeadlineKind kind;
    const char* name;
    const char* event; ///< what the clock runs from, as it reads after "from" in an explanation
    DeadlineRule rule; ///< Halton iCART's
};

const std::array<KindInfo, 9> kKinds = {{
    {DeadlineKind::Decision, "decision", "receipt", {DeadlineMethod::WorkingDays, 1}},
    {DeadlineKind::RagRed, "rag-red", "receipt", {DeadlineMethod::WorkingHours, 4}},
    {DeadlineKind::RagAmber, "rag-amber", "receipt", {DeadlineMethod::WorkingDays, 1}},
    {DeadlineKind::RagGreen, "rag-green", "receipt", {DeadlineMethod::WorkingDays, 3}},
    {DeadlineKind::StrategyDiscussion, "strategy-discussion", "the decision that one is needed",
     {DeadlineMethod::ElapsedHours, 24}},
    {DeadlineKind::EdtHandover, "edt-handover", "receipt", {DeadlineMethod::NextOpening, 0}},
    {DeadlineKind::Icpc, "icpc", "the strategy discussion", {DeadlineMethod::ClosingOfWorkingDay, 15}},
    {DeadlineKind::Assessment, "assessment", "referral", {DeadlineMethod::ClosingOfWorkingDay, 45}},
    {DeadlineKind::ReturnInterview, "return-interview", "the child\u2019s return", {DeadlineMethod::ElapsedHours, 72}},
}};

const KindInfo& infoOf(DeadlineKind kind) { return kKinds[static_cast<size_t>(kind)]; }

struct MethodInfo {
    DeadlineMethod method;
    const char* name;
    int minimum;
    int maximum;
};

const std::array<MethodInfo, 5> kMethods = {{
    {DeadlineMethod::WorkingDays, "working_days", 1, 366},
    {DeadlineMethod::WorkingHours, "working_hours", 1, 2000},
    {DeadlineMethod::ElapsedHours, "elapsed_hours", 1, 8784},
    {DeadlineMethod::NextOpening, "next_opening", 0, 0},
    {DeadlineMethod::ClosingOfWorkingDay, "closing_of_working_day", 1, 366},
}};

const MethodInfo& infoOf(DeadlineMethod method) { return kMethods[static_cast<size_t>(method)]; }

std::optional<std::string> problemWith(const DeadlineRule& rule) {
    const MethodInfo& method = infoOf(rule.method);
    if (rule.amount >= method.minimum && rule.amount <= method.maximum)
        return std::nullopt;
    if (method.maximum == 0)
        return std::string("takes no amount with method ") + method.name;
    return std::string("amount must be from ") + std::to_string(method.minimum) + " to " +
           std::to_string(method.maximum) + " with method " + method.name;
}

// "one", "three", "15": words read better for the small counts front-door rules use.
std::string countWord(int n) {
    static const std::array<const char*, 11> words = {"no",   "one", "two",   "three", "four", "five",
                                                      "six", "seven", "eight", "nine",  "ten"};
    return n >= 0 && n <= 10 ? words[static_cast<size_t>(n)] : std::to_string(n);
}

std::string counted(int n, const std::string& unit) { return countWord(n) + " " + unit + (n == 1 ? "" : "s"); }

std::string ordinal(int n) {
    const int lastTwo = n % 100;
    const char* suffix = (lastTwo >= 11 && lastTwo <= 13) ? "th"
                         : n % 10 == 1                    ? "st"
                         : n % 10 == 2                    ? "nd"
                         : n % 10 == 3                    ? "rd"
                                                          : "th";
    return std::to_string(n) + suffix;
}

std::string formatSpanLength(Milliseconds length) {
    const auto totalMinutes = duration_cast<minutes>(length).count();
    const auto h = totalMinutes / 60;
    const auto m = totalMinutes % 60;
    if (h == 0)
        return std::to_string(m) + "m";
    return std::to_string(h) + "h" + (m ? " " + std::to_string(m) + "m" : "");
}

std::string dueAt(Instant due) { return "Due " + formatUkTime(due) + ": "; }

std::string describeSpan(const WorkingSpan& span) {
    const UkLocalTime begins = toUkLocal(span.begins);
    return formatClockTime(begins.timeOfDay) + "-" + formatClockTime(toUkLocal(span.ends).timeOfDay) + " " +
           formatUkDate(begins.date) + " (" + formatSpanLength(span.ends - span.begins) + ")";
}

Date localDate(Instant instant) { return toUkLocal(instant).date; }
Date nextDate(Date date) { return Date{sys_days{date} + days{1}}; }

} // namespace

const std::vector<DeadlineKind>& deadlineKinds() {
    static const std::vector<DeadlineKind> kinds = [] {
        std::vector<DeadlineKind> all;
        for (const auto& info : kKinds)
            all.push_back(info.kind);
        return all;
    }();
    return kinds;
}

std::string_view deadlineKindName(DeadlineKind kind) { return infoOf(kind).name; }

std::optional<DeadlineKind> parseDeadlineKind(std::string_view name) {
    for (const auto& info : kKinds)
        if (name == info.name)
            return info.kind;
    return std::nullopt;
}

std::string deadlineKindList() {
    std::string list;
    for (const auto& info : kKinds)
        list += (list.empty() ? "" : ", ") + std::string(info.name);
    return list;
}

std::string_view deadlineMethodName(DeadlineMethod method) { return infoOf(method).name; }

namespace {

nlohmann::json ruleJson(const DeadlineRule& rule) {
    nlohmann::json json{{"method", deadlineMethodName(rule.method)}};
    if (rule.method != DeadlineMethod::NextOpening)
        json["amount"] = rule.amount;
    return json;
}

} // namespace

DeadlineRules::DeadlineRules() {
    for (const auto& info : kKinds)
        rules_[index(info.kind)] = info.rule;
}

void DeadlineRules::set(DeadlineKind kind, DeadlineRule rule) {
    if (const auto problem = problemWith(rule))
        throw ValidationError("deadlines." + std::string(deadlineKindName(kind)), *problem);
    rules_[index(kind)] = rule;
}

DeadlineRules DeadlineRules::fromJson(const nlohmann::json& json, const std::string& path) {
    std::vector<FieldError> errors;
    DeadlineRules rules;
    JsonFields fields(json, path, errors);
    if (fields.valid()) {
        std::vector<std::string> methodNames;
        for (const auto& method : kMethods)
            methodNames.emplace_back(method.name);
        for (const auto& [key, value] : json.items()) {
            const auto kind = parseDeadlineKind(key);
            if (!kind) {
                fields.fail(key, "is not a deadline kind; the kinds are " + deadlineKindList());
                continue;
            }
            JsonFields rule(value, fields.pathOf(key), errors);
            const std::string methodName = rule.oneOf("method", methodNames, true);
            const auto amount = rule.integer("amount");
            rule.rejectUnknownKeys();
            const auto method = std::find_if(kMethods.begin(), kMethods.end(),
                                             [&](const MethodInfo& m) { return methodName == m.name; });
            if (method == kMethods.end() || !rule.valid())
                continue;
            const DeadlineRule parsed{method->method, static_cast<int>(std::clamp<int64_t>(amount.value_or(0), -1, 1'000'000))};
            if (const auto problem = problemWith(parsed))
                rule.fail("amount", *problem);
            else
                rules.rules_[index(*kind)] = parsed;
        }
    }
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    return rules;
}

nlohmann::json DeadlineRules::toJson() const {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& info : kKinds)
        json[info.name] = ruleJson((*this)[info.kind]);
    return json;
}

nlohmann::json Deadline::toJson() const {
    return {{"kind", deadlineKindName(kind)}, {"from", formatInstant(from)}, {"due", formatInstant(due)},
            {"due_local", formatUkIso(due)},  {"explanation", explanation},   {"rule", ruleJson(rule)}};
}

Deadlines::Deadlines(const WorkingCalendar& calendar, DeadlineRules rules)
    : calendar_(calendar), rules_(std::move(rules)) {}

Deadline Deadlines::compute(DeadlineKind kind, Instant from) const {
    const DeadlineRule& rule = rules_[kind];
    Reckoning reckoning = reckon(kind, rule, from);
    return {kind, from, reckoning.due, std::move(reckoning.explanation), rule};
}

Deadlines::Reckoning Deadlines::reckon(DeadlineKind kind, const DeadlineRule& rule, Instant from) const {
    switch (rule.method) {
    case DeadlineMethod::WorkingDays:
        return workingDays(kind, rule.amount, from);
    case DeadlineMethod::WorkingHours:
        return workingHours(kind, rule.amount, from);
    case DeadlineMethod::ElapsedHours:
        return elapsedHours(kind, rule.amount, from);
    case DeadlineMethod::NextOpening:
        return nextOpening(kind, from);
    case DeadlineMethod::ClosingOfWorkingDay:
        return closingOfWorkingDay(kind, rule.amount, from);
    }
    throw std::logic_error("unknown deadline method");
}

// A receipt outside opening hours first moves to the next opening; then the same clock time on the Nth
// working day after that day, held inside that day's opening hours.
Deadlines::Reckoning Deadlines::workingDays(DeadlineKind kind, int count, Instant from) const {
    const Instant start = calendar_.nextOpening(from);
    const UkLocalTime local = toUkLocal(start);
    const Date target = calendar_.addWorkingDays(local.date, count);
    const DayHours hours = *calendar_.hoursOn(target);
    const std::string targetDay = weekdayName(weekday{sys_days{target}});

    Instant due;
    std::string rule;
    if (local.timeOfDay >= hours.closes) {
        due = calendar_.closingTime(target);
        rule = targetDay + " closes at " + formatClockTime(hours.closes) + ", so the closing time";
    } else if (local.timeOfDay < hours.opens) {
        due = calendar_.openingTime(target);
        rule = targetDay + " opens at " + formatClockTime(hours.opens) + ", so the opening time";
    } else {
        due = fromUkLocal(target, local.timeOfDay);
        rule = "the same clock time on " +
               (count == 1 ? std::string("the next working day")
                           : "the " + ordinal(count) + " working day after " + formatUkDate(local.date));
    }
    std::string text = dueAt(due) + counted(count, "working day") + " from " + infoOf(kind).event + " at " +
                       formatUkTime(from);
    if (start != from)
        text += "; outside opening hours, so counted from the next opening, " + formatUkTime(start);
    text += "; " + rule + holidaysSkipped(localDate(from), target) + ".";
    return {due, text};
}

// Only time inside opening hours counts; each stretch is listed so the sum can be checked.
Deadlines::Reckoning Deadlines::workingHours(DeadlineKind kind, int count, Instant from) const {
    const auto spans = calendar_.workingSpans(from, hours{count});
    const Instant due = spans.back().ends;
    std::string text = dueAt(due) + counted(count, "working hour") + " from " + infoOf(kind).event + " at " +
                       formatUkTime(from) + ", counting only opening hours: ";
    // A long rule could span many days; the first few and the last are enough to check it.
    constexpr size_t kShown = 3;
    for (size_t i = 0; i < spans.size(); ++i) {
        const bool elided = spans.size() > kShown + 2 && i >= kShown && i + 1 < spans.size();
        if (elided) {
            if (i == kShown)
                text += ", ... " + std::to_string(spans.size() - kShown - 1) + " more working days ...";
            continue;
        }
        text += (i > 0 ? ", " : "") + describeSpan(spans[i]);
    }
    text += holidaysSkipped(localDate(from), localDate(due)) + ".";
    return {due, text};
}

// Real hours: a child's safety does not pause for weekends, and across a clock change it is still N
// real hours, so the clock reading moves by an hour.
Deadlines::Reckoning Deadlines::elapsedHours(DeadlineKind kind, int count, Instant from) const {
    const Instant due = from + hours{count};
    std::string text = dueAt(due) + std::to_string(count) + (count == 1 ? " hour" : " hours") + " from " +
                       infoOf(kind).event + " at " + formatUkTime(from) + ", whatever the day";
    const bool startsInBst = isBritishSummerTime(from);
    if (startsInBst != isBritishSummerTime(due))
        text += std::string("; the clocks go ") + (startsInBst ? "back" : "forward") +
                " an hour in between, so the clock time moves from " +
                formatClockTime(toUkLocal(from).timeOfDay) + (startsInBst ? " BST" : " GMT") + " to " +
                formatClockTime(toUkLocal(due).timeOfDay) + (startsInBst ? " GMT" : " BST");
    return {due, text + "."};
}

Deadlines::Reckoning Deadlines::nextOpening(DeadlineKind kind, Instant from) const {
    if (calendar_.isOpen(from))
        return {from,
                dueAt(from) + infoOf(kind).event + " at " + formatUkTime(from) +
                    " was in opening hours, with the day team on duty, so there is nothing to hand over."};
    const Instant due = calendar_.nextOpening(from);
    return {due,
            dueAt(due) + "the first opening time after " + infoOf(kind).event + " out of hours at " +
                formatUkTime(from) + holidaysSkipped(localDate(from), localDate(due)) + "."};
}

Deadlines::Reckoning Deadlines::closingOfWorkingDay(DeadlineKind kind, int count, Instant from) const {
    const Date date = localDate(from);
    const Date target = calendar_.addWorkingDays(date, count);
    const Instant due = calendar_.closingTime(target);
    return {due,
            dueAt(due) + "the closing time of the " + ordinal(count) + " working day after " +
                formatUkDate(date) + ", the date of " + infoOf(kind).event +
                holidaysSkipped(nextDate(date), target) + "."};
}

std::string Deadlines::holidaysSkipped(Date first, Date before) const {
    if (before <= first)
        return "";
    std::vector<BankHoliday> skipped;
    for (auto& holiday : calendar_.holidaysBetween(first, Date{sys_days{before} - days{1}}))
        if (calendar_.openingHours().opensOn(weekday{sys_days{holiday.date}}))
            skipped.push_back(std::move(holiday));
    if (skipped.empty())
        return "";
    constexpr size_t kListed = 4;
    std::string text = skipped.size() == 1 ? "; not counting the bank holiday " : "; not counting the bank holidays ";
    for (size_t i = 0; i < std::min(skipped.size(), kListed); ++i) {
        if (i > 0)
            text += i + 1 == skipped.size() ? " and " : ", ";
        text += formatUkDate(skipped[i].date) + " (" + skipped[i].title +
                (skipped[i].provisional ? ", provisional" : "") + ")";
    }
    if (skipped.size() > kListed)
        text += " and " + std::to_string(skipped.size() - kListed) + " more";
    return text;
}

} // namespace frontdoor::core
