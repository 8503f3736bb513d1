#include "workflow/StrategyDiscussions.h"

#include "contacts/ContactProjection.h"
#include "contacts/ContactService.h"
#include "time/Deadlines.h"
#include "time/UkTime.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "util/JsonFields.h"
#include "workflow/WorkflowFacts.h"
#include "util/Text.h"

#include <cctype>

namespace frontdoor::core {
namespace {

const std::vector<std::string> kStrategyRoles = {role::kScreener, role::kDutyManager};

// How far ahead dates may be (docs/cli.md, "Limits"): a strategy discussion is due within a working day
// of the decision, so one scheduled months away is a typo; agreed actions run for months, not years.
constexpr auto kMaxScheduleAhead = std::chrono::days(90);
constexpr auto kMaxActionAhead = std::chrono::days(2 * 366);
constexpr size_t kMaxNoteLength = 5000;
// The most people, agencies' pieces of information or actions one discussion records.
constexpr size_t kMaxPeople = 50;
constexpr size_t kMaxActions = 100;

struct RequiredInvitee {
    const char* agency;
    const char* role; ///< "" for any role
    const char* label;
};
const RequiredInvitee kRequired[] = {
    {"police", "", "police"},
    {"health", "", "health"},
    {"childrens_social_care", "social_worker", "children's social care worker"},
    {"childrens_social_care", "manager", "children's social care manager"},
};

Json parsed(const std::optional<std::string>& text) {
    return text && !text->empty() ? Json::parse(*text) : Json();
}

std::vector<Json> readPeople(JsonFields& fields, const std::string& key, bool needsRole, bool required) {
    std::vector<Json> people;
    const auto items = fields.array(key, required, kMaxPeople);
    for (size_t i = 0; i < items.size(); ++i) {
        JsonFields person(*items[i], indexPath(fields.pathOf(key), i), fields.errors());
        Json json{{"name", person.text("name", true, 200)}, {"agency", person.oneOf("agency", strategyAgencies(), true)}};
        const std::string role = person.text("role", needsRole, 200);
        if (!role.empty())
            json["role"] = role;
        person.rejectUnknownKeys();
        people.push_back(json);
    }
    return people;
}

} // namespace

const std::vector<std::string>& strategyAgencies() {
    static const std::vector<std::string> agencies = {"police",   "health",   "childrens_social_care", "education",
                                                      "early_help", "referrer", "probation", "housing", "other"};
    return agencies;
}

Json StrategyAction::toJson() const {
    Json json{{"discussion_id", discussionId}, {"contact_id", contactId}, {"index", index}, {"action", action},
              {"owner", owner},               {"agency", agency},         {"due", formatDate(due)}};
    if (completedAt)
        json["completed_at"] = formatInstant(*completedAt);
    return json;
}

std::string heldEarlyNote(Instant heldAt, Instant scheduledFor) {
    const UkLocalTime held = toUkLocal(heldAt);
    const UkLocalTime planned = toUkLocal(scheduledFor);
    const auto clock = [](const UkLocalTime& t) {
        return formatClockTime(std::chrono::floor<std::chrono::minutes>(t.timeOfDay));
    };
    if (held.date == planned.date)
        return "held at " + clock(held) + ", earlier than scheduled " + clock(planned);
    return "held at " + formatUkDayTime(heldAt) + ", earlier than scheduled " + formatUkDayTime(scheduledFor);
}

StrategyDiscussions::Open StrategyDiscussions::openDiscussion(const std::string& contactId) {
    auto& stmt = ws_.db().cached("SELECT id, status, required_at FROM strategy_discussion WHERE contact_id = ? "
                                 "ORDER BY required_at DESC LIMIT 1");
    stmt.bindAll(contactId);
    if (!stmt.step()) {
        stmt.reset();
        if (!contactKey(ws_.db(), contactId))
            throw NotFoundError("no contact with id " + excerpt(contactId));
        throw ConflictError("no strategy discussion is required for this contact: sign-off decides that");
    }
    Open open{stmt.text(0), stmt.text(1), parseInstant(stmt.text(2)).value_or(Instant{})};
    stmt.reset();
    return open;
}

Json StrategyDiscussions::suggestedInvitees(const std::string& contactId) {
    const Json contact = ContactService(ws_).show(contactId);
    Json invitees = Json::array({{{"agency", "police"}, {"name", ""}, {"role", "officer"}, {"required", true}},
                                 {{"agency", "health"}, {"name", ""}, {"role", ""}, {"required", true}},
                                 {{"agency", "childrens_social_care"}, {"name", ""}, {"role", "social_worker"}, {"required", true}},
                                 {{"agency", "childrens_social_care"}, {"name", ""}, {"role", "manager"}, {"required", true}}});
    const std::string source = contact.value("source", "");
    const Json referrer = contact.value("referrer", Json::object());
    const bool professional = !source.empty() && source[0] != '1' && source != "9" && source != "10";
    if (professional)
        invitees.push_back({{"agency", "referrer"}, {"name", referrer.value("name", "")},
                            {"role", referrer.value("role", "")}, {"required", false},
                            {"why", "the referrer is a professional who knows the child"}});
    bool schoolAge = false;
    const Date today = utcDate(ws_.clock().now());
    for (const auto& child : contact.value("children", Json::array()))
        if (const auto dob = parseDate(child.value("date_of_birth", "")))
            schoolAge = schoolAge || (ageInYears(*dob, today) >= 4 && ageInYears(*dob, today) < 19);
    if (schoolAge || source == "2A" || source == "2B")
        invitees.push_back({{"agency", "education"}, {"name", ""}, {"role", "designated safeguarding lead"},
                            {"required", false}, {"why", "a child of school age"}});
    if (source == "5D")
        invitees.push_back({{"agency", "early_help"}, {"name", ""}, {"role", "key worker"}, {"required", false},
                            {"why", "the family is known to early help"}});
    return invitees;
}

std::vector<std::string> StrategyDiscussions::missingRequired(const Json& invitees) {
    // Roles as people type them ("Social worker") count as the codes ("social_worker").
    const auto code = [](std::string text) {
        for (char& c : text)
            c = c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    };
    std::vector<std::string> missing;
    for (const auto& required : kRequired) {
        bool invited = false;
        for (const auto& invitee : invitees)
            invited = invited || (invitee.value("agency", std::string()) == required.agency &&
                                  (!*required.role || code(invitee.value("role", std::string())) == required.role));
        if (!invited)
            missing.push_back(required.label);
    }
    return missing;
}

Json StrategyDiscussions::schedule(const Actor& actor, const std::string& contactId, const Json& input) {
    UserService(ws_).require(actor, kStrategyRoles, "Scheduling a strategy discussion");
    const Open open = openDiscussion(contactId);
    if (open.status != "required" && open.status != "scheduled")
        throw ConflictError("the strategy discussion has already been held; it cannot be rescheduled");
    std::vector<FieldError> errors;
    JsonFields fields(input, "", errors);
    const auto scheduledFor = fields.instant("scheduled_for", true);
    const std::string location = fields.text("location", true, 2000);
    const auto invitees = readPeople(fields, "invitees", false, true);
    const bool acknowledge = fields.boolean("acknowledge_missing").value_or(false);
    fields.rejectUnknownKeys();
    if (scheduledFor && *scheduledFor < open.requiredAt)
        errors.push_back({"scheduled_for", "is before the discussion was decided on"});
    else if (scheduledFor && *scheduledFor > ws_.clock().now() + kMaxScheduleAhead)
        errors.push_back({"scheduled_for", formatInstant(*scheduledFor) +
                                               " is more than 90 days ahead; a strategy discussion is due within a "
                                               "working day of the decision"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));

    const Json missing = missingRequired(invitees);
    Json payload{{"discussion_id", open.id}, {"scheduled_for", formatInstant(*scheduledFor)}, {"location", location},
                 {"invitees", invitees}, {"missing_required", missing}};
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing)
            list += (list.empty() ? "" : ", ") + m.get<std::string>();
        if (!acknowledge)
            throw ConflictError("not invited: " + list + ". A strategy discussion needs police, health and children's "
                                "social care; invite them, or a duty manager must acknowledge that they are missing");
        if (actor.role != role::kDutyManager)
            throw ForbiddenError("not invited: " + list + ". Only a duty manager may acknowledge a missing agency");
        payload["missing_acknowledged_by"] = actor.userId;
    }
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kStrategyScheduled, contactId, payload);
    scope.commit();
    return forContact(contactId).back();
}

Json StrategyDiscussions::recordHeld(const Actor& actor, const std::string& contactId, const Json& input) {
    UserService(ws_).require(actor, kStrategyRoles, "Recording a strategy discussion");
    const Open open = openDiscussion(contactId);
    if (open.status != "required" && open.status != "scheduled")
        throw ConflictError("the strategy discussion is already recorded as held");
    std::vector<FieldError> errors;
    JsonFields fields(input, "", errors);
    const auto heldAt = fields.instant("held_at", true);
    const auto attendees = readPeople(fields, "attendees", false, true);
    const auto apologies = readPeople(fields, "apologies", false, false);
    Json information = Json::array();
    const auto items = fields.array("agency_information", true, kMaxPeople);
    for (size_t i = 0; i < items.size(); ++i) {
        JsonFields item(*items[i], indexPath("agency_information", i), errors);
        information.push_back({{"agency", item.oneOf("agency", strategyAgencies(), true)},
                               {"information", item.text("information", true, 20000)}});
        item.rejectUnknownKeys();
    }
    fields.rejectUnknownKeys();
    if (attendees.empty() && fields.has("attendees"))
        errors.push_back({"attendees", "list who attended"});
    if (heldAt && *heldAt > ws_.clock().now() + std::chrono::minutes(1))
        errors.push_back({"held_at", formatUkTime(*heldAt) + " (UK time) is in the future"});
    if (heldAt && *heldAt < open.requiredAt - std::chrono::hours(1))
        errors.push_back({"held_at", "is before the discussion was decided on"});
    if (!errors.empty())
        throw ValidationError(std::move(errors));
    Json payload{{"discussion_id", open.id}, {"held_at", formatInstant(*heldAt)}, {"attendees", attendees},
                 {"apologies", apologies}, {"agency_information", information}};
    // Held before its time (the police could come at eight): accepted, and the change said in words.
    auto& scheduled = ws_.db().cached("SELECT scheduled_for FROM strategy_discussion WHERE id = ?");
    scheduled.bindAll(open.id);
    const auto scheduledFor = scheduled.step() ? scheduled.optionalText(0) : std::nullopt;
    scheduled.reset();
    if (const auto planned = scheduledFor ? parseInstant(*scheduledFor) : std::nullopt;
        planned && std::chrono::floor<std::chrono::minutes>(*heldAt) < std::chrono::floor<std::chrono::minutes>(*planned))
        payload["earlier_than_scheduled"] = {{"scheduled_for", formatInstant(*planned)},
                                             {"note", heldEarlyNote(*heldAt, *planned)}};
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kStrategyHeld, contactId, payload);
    scope.commit();
    return forContact(contactId).back();
}

Json StrategyDiscussions::recordOutcome(const Actor& actor, const std::string& contactId, const Json& input) {
    UserService(ws_).require(actor, kStrategyRoles, "Recording a strategy discussion's outcome");
    const Open open = openDiscussion(contactId);
    if (open.status != "held")
        throw ConflictError(open.status == "outcome_recorded" ? "the outcome is already recorded"
                                                              : "record the discussion as held first");
    auto& held = ws_.db().cached("SELECT held_at FROM strategy_discussion WHERE id = ?");
    held.bindAll(open.id);
    held.step();
    const Instant heldAt = parseInstant(held.text(0)).value_or(open.requiredAt);
    held.reset();

    std::vector<FieldError> errors;
    JsonFields fields(input, "", errors);
    Json atRisk = Json::array();
    const auto people = fields.array("at_risk", true, kMaxPeople);
    for (size_t i = 0; i < people.size(); ++i) {
        JsonFields person(*people[i], indexPath("at_risk", i), errors);
        atRisk.push_back({{"name", person.text("name", true, 200)},
                          {"relationship", person.text("relationship", false, 200)},
                          {"in_family", person.boolean("in_family").value_or(true)}});
        person.rejectUnknownKeys();
    }
    const std::string safety = fields.text("immediate_safety_actions", true, 20000);
    const std::string s47 = fields.oneOf("s47_decision", {"single_agency", "joint", "none"}, true);
    const std::string s47Reason = fields.text("s47_reason", s47 == "none", 5000);
    Json medical = Json::object();
    if (const auto* given = fields.object("medical_examination", true)) {
        JsonFields m(*given, "medical_examination", errors);
        const bool required = m.boolean("required", true).value_or(false);
        medical = {{"required", required}, {"arrangements", m.text("arrangements", required, 5000)}};
        m.rejectUnknownKeys();
    }
    Json familyTold = Json::object();
    if (const auto* given = fields.object("family_told", true)) {
        JsonFields f(*given, "family_told", errors);
        familyTold = {{"what", f.text("what", true, 5000)}, {"when", f.text("when", true, 200)}};
        f.rejectUnknownKeys();
    }
    Json actions = Json::array();
    const auto items = fields.array("actions", true, kMaxActions);
    for (size_t i = 0; i < items.size(); ++i) {
        JsonFields item(*items[i], indexPath("actions", i), errors);
        Json action{{"action", item.text("action", true, 5000)}, {"owner", item.text("owner", true, 200)},
                    {"agency", item.oneOf("agency", strategyAgencies(), true)}};
        if (const auto due = item.date("due", true)) {
            action["due"] = formatDate(*due);
            if (*due < utcDate(heldAt))
                item.fail("due", formatDate(*due) + " is before the discussion");
            else if (std::chrono::sys_days{*due} > std::chrono::floor<std::chrono::days>(heldAt) + kMaxActionAhead)
                item.fail("due", formatDate(*due) + " is more than two years after the discussion; check the year");
        }
        item.rejectUnknownKeys();
        actions.push_back(action);
    }
    if (items.empty() && fields.has("actions"))
        errors.push_back({"actions", "record every agreed action, each with an owner, agency and due date"});
    fields.rejectUnknownKeys();
    if (!errors.empty())
        throw ValidationError(std::move(errors));

    Json payload{{"discussion_id", open.id}, {"at_risk", atRisk}, {"immediate_safety_actions", safety},
                 {"s47_decision", s47}, {"s47_reason", s47Reason}, {"medical_examination", medical},
                 {"family_told", familyTold}, {"actions", actions}};
    if (s47 != "none") {
        const Deadline icpc = ws_.deadlines().compute(DeadlineKind::Icpc, heldAt);
        payload["icpc_due"] = {{"due_at", formatInstant(icpc.due)}, {"explanation", icpc.explanation}};
    }
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kStrategyOutcome, contactId, payload);
    scope.commit();
    return forContact(contactId).back();
}

void StrategyDiscussions::completeAction(const Actor& actor, const std::string& contactId, int index,
                                         const std::string& note) {
    UserService(ws_).require(actor, kStrategyRoles, "Completing a strategy action");
    checkTextLength("note", note, kMaxNoteLength);
    const Open open = openDiscussion(contactId);
    auto& stmt = ws_.db().cached("SELECT completed_at FROM strategy_action WHERE discussion_id = ? AND position = ?");
    stmt.bindAll(open.id, index);
    const bool known = stmt.step();
    const bool done = known && !stmt.isNull(0);
    stmt.reset();
    if (!known)
        throw NotFoundError("the strategy discussion has no action " + std::to_string(index));
    if (done)
        throw ConflictError("action " + std::to_string(index) + " is already done");
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, facts::kStrategyActionCompleted, contactId,
                       {{"discussion_id", open.id}, {"action_index", index}, {"note", note}});
    scope.commit();
}

Json StrategyDiscussions::forContact(const std::string& contactId) {
    Json list = Json::array();
    auto& stmt = ws_.db().cached(
        "SELECT id, status, required_at, due_at, due_explanation, scheduled_for, location, invitees, missing_agencies, "
        "missing_acknowledged_by, held_at, meeting, outcome, s47_decision, icpc_due_at, icpc_explanation "
        "FROM strategy_discussion WHERE contact_id = ? ORDER BY required_at");
    stmt.bindAll(contactId);
    std::vector<std::string> ids;
    while (stmt.step()) {
        Json json{{"id", stmt.text(0)},          {"contact_id", contactId},        {"status", stmt.text(1)},
                  {"required_at", stmt.text(2)}, {"due_at", stmt.text(3)},         {"due_explanation", stmt.text(4)},
                  {"invitees", parsed(stmt.optionalText(7))}, {"missing_agencies", parsed(stmt.optionalText(8))},
                  {"meeting", parsed(stmt.optionalText(11))}, {"outcome", parsed(stmt.optionalText(12))}};
        for (const auto& [column, key] : {std::pair{5, "scheduled_for"}, {6, "location"}, {9, "missing_acknowledged_by"},
                                          {10, "held_at"}, {13, "s47_decision"}})
            if (!stmt.isNull(column))
                json[key] = stmt.text(column);
        if (!stmt.isNull(14))
            json["icpc_due"] = {{"due_at", stmt.text(14)}, {"explanation", stmt.optionalText(15).value_or("")}};
        ids.push_back(stmt.text(0));
        list.push_back(json);
    }
    stmt.reset();
    for (size_t i = 0; i < ids.size(); ++i) {
        Json actions = Json::array();
        auto& action = ws_.db().cached("SELECT position, action, owner, agency, due_on, completed_at, completed_by "
                                       "FROM strategy_action WHERE discussion_id = ? ORDER BY position");
        action.bindAll(ids[i]);
        while (action.step()) {
            Json json{{"index", action.int64(0)}, {"action", action.text(1)}, {"owner", action.text(2)},
                      {"agency", action.text(3)}, {"due", action.text(4)}};
            if (!action.isNull(5))
                json["completed_at"] = action.text(5);
            actions.push_back(json);
        }
        action.reset();
        list[i]["actions"] = actions;
    }
    return list;
}

std::vector<StrategyAction> StrategyDiscussions::overdueActions(Date today) {
    std::vector<StrategyAction> overdue;
    auto& stmt = ws_.db().cached(
        "SELECT a.discussion_id, d.contact_id, a.position, a.action, a.owner, a.agency, a.due_on FROM strategy_action a "
        "JOIN strategy_discussion d ON d.id = a.discussion_id WHERE a.completed_at IS NULL AND a.due_on < ? "
        "ORDER BY a.due_on, a.discussion_id, a.position");
    stmt.bindAll(formatDate(today));
    while (stmt.step())
        overdue.push_back({stmt.text(0), stmt.text(1), static_cast<int>(stmt.int64(2)), stmt.text(3), stmt.text(4),
                           stmt.text(5), parseDate(stmt.text(6)).value_or(today), std::nullopt});
    stmt.reset();
    return overdue;
}

} // namespace frontdoor::core
