#include "workflow/FormDrafts.h"

#include "contacts/ContactProjection.h"
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

std::string subjectFor(const std::string& contactId, const std::string& form) {
    return "form-draft:" + contactId + ":" + form;
}

void projectSaved(Database& db, const Fact& fact) {
    db.cached("INSERT INTO form_draft(contact_id, form, owner, saved_at, body) VALUES (?, ?, ?, ?, ?) "
              "ON CONFLICT(contact_id, form, owner) DO UPDATE SET saved_at = excluded.saved_at, body = excluded.body")
        .bindAll(fact.payload.value("contact_id", ""), fact.payload.value("form", ""), fact.userId,
                 formatInstant(fact.recordedAt), fact.payload.value("body", Json::object()).dump())
        .run();
}

void projectDiscarded(Database& db, const Fact& fact) {
    db.cached("DELETE FROM form_draft WHERE contact_id = ? AND form = ? AND owner = ?")
        .bindAll(fact.payload.value("contact_id", ""), fact.payload.value("form", ""), fact.userId)
        .run();
}

} // namespace

void registerFormDraftProjection(Projections& projections) {
    projections.ownTable("form_draft", "contact_id, form, owner",
                          "'form-draft:' || contact_id || ':' || form IN (SELECT subject FROM temp.fd_reproject)");
    projections.on(kFormDraftSaved, projectSaved);
    projections.on(kFormDraftDiscarded, projectDiscarded);
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
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, kFormDraftSaved, subjectFor(contactId, form),
                       {{"contact_id", contactId}, {"form", form}, {"body", body}});
    scope.commit();
}

std::optional<Json> FormDrafts::load(const Actor& actor, const std::string& contactId, const std::string& form) {
    check(actor, contactId, form);
    auto& stmt = ws_.db().cached("SELECT body FROM form_draft WHERE contact_id = ? AND form = ? AND owner = ?");
    stmt.bindAll(contactId, form, actor.userId);
    std::optional<Json> body;
    if (stmt.step())
        body = Json::parse(stmt.text(0));
    stmt.reset();
    return body;
}

void FormDrafts::discard(const Actor& actor, const std::string& contactId, const std::string& form) {
    if (!load(actor, contactId, form))
        return;
    WriteScope scope(ws_.db());
    ws_.facts().append(actor, kFormDraftDiscarded, subjectFor(contactId, form), {{"contact_id", contactId}, {"form", form}});
    scope.commit();
}

} // namespace frontdoor::core
