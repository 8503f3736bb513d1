#include "workflow/FormDrafts.h"

#include "contacts/ContactProjection.h"
#include "store/DraftTable.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "util/JsonFields.h"
#include "util/Text.h"

#include <algorithm>

namespace frontdoor::core {
namespace {

constexpr const char* kFormDraftSaved = "form.draft_saved";
constexpr const char* kFormDraftDiscarded = "form.draft_discarded";

} // namespace

void registerFormDraftProjection(Projections& projections) {
    // Form draft facts written before migration 10 stay in the log but project nothing: form drafts live
    // in the desk-local `drafts` table, which is not a projection. Registered so that a rebuild knows them
    // as old facts, not as facts from a newer desk.
    projections.on(kFormDraftSaved, [](Database&, const Fact&) {});
    projections.on(kFormDraftDiscarded, [](Database&, const Fact&) {});
    projections.describe(kFormDraftSaved, [](const Fact& f) {
        return "Draft of the " + f.payload.value("form", std::string()) + " form saved";
    });
    projections.describe(kFormDraftDiscarded, [](const Fact& f) {
        return "Draft of the " + f.payload.value("form", std::string()) + " form cleared";
    });
}

const std::vector<std::string>& FormDrafts::forms() {
    static const std::vector<std::string> names = {"screening", "signoff", "strategy"};
    return names;
}

void FormDrafts::check(const Actor& actor, const std::string& contactId, const std::string& form) {
    UserService(ws_).require(actor, {role::kScreener, role::kDutyManager, role::kEdtWorker}, "Keeping a form draft");
    if (std::find(forms().begin(), forms().end(), form) == forms().end())
        throw ValidationError("form", quoteExcerpt(form) + " is not a form that keeps drafts (screening, signoff, strategy)");
    if (!contactKey(ws_.db(), contactId))
        throw NotFoundError("no contact with id " + excerpt(contactId));
}

void FormDrafts::save(const Actor& actor, const std::string& contactId, const std::string& form, const Json& body) {
    check(actor, contactId, form);
    if (!body.is_object())
        throw ValidationError("body", "a form draft must be a JSON object");
    checkJsonSize("body", body, 1024 * 1024); // one form's typing (docs/cli.md, "Limits")
    DraftTable(ws_.db()).put(actor.userId, draft_kind::form(form), contactId, body, ws_.clock().now());
}

std::optional<Json> FormDrafts::load(const Actor& actor, const std::string& contactId, const std::string& form) {
    check(actor, contactId, form);
    auto stored = DraftTable(ws_.db()).get(actor.userId, draft_kind::form(form), contactId);
    if (!stored)
        return std::nullopt;
    return std::move(stored->body);
}

void FormDrafts::discard(const Actor& actor, const std::string& contactId, const std::string& form) {
    check(actor, contactId, form);
    DraftTable(ws_.db()).remove(actor.userId, draft_kind::form(form), contactId);
}

} // namespace frontdoor::core
