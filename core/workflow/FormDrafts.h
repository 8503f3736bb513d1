#pragma once
// What a worker has typed into a workflow form (screening, sign-off, strategy discussion) but not yet
// submitted, saved as they type so that a crash, a closed window or a dead battery loses nothing.
// A form draft belongs to one user, one contact and one form; it is working notes, not the record,
// so it stays out of the contact's timeline, and it is cleared when the form is submitted.
//
// Kept in this desk's `drafts` table (store/DraftTable.h, kind "form:<form>", subject the contact id):
// overwritten in place, never a fact, never synced; discarding deletes the row.
//
// Fact types written before migration 10 (subject "form-draft:<contact id>:<form>"), still in old logs
// and no longer projected:
//   form.draft_saved      {"contact_id", "form", "body": whatever the form keeps}
//   form.draft_discarded  {"contact_id", "form"}

#include "Workspace.h"
#include "store/Fact.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace frontdoor::core {

class FormDrafts {
public:
    explicit FormDrafts(Workspace& workspace) : ws_(workspace) {}

    /// The forms that keep drafts: "screening", "signoff", "strategy".
    static const std::vector<std::string>& forms();

    /// Saves `body` (a JSON object) as the actor's draft of `form` for the contact, over the one there.
    /// Writes no fact.
    void save(const Actor& actor, const std::string& contactId, const std::string& form, const nlohmann::json& body);
    /// The actor's draft of `form` for the contact, or nullopt.
    std::optional<nlohmann::json> load(const Actor& actor, const std::string& contactId, const std::string& form);
    /// Deletes the actor's draft (after the form was submitted, or on purpose). No-op when there is none.
    void discard(const Actor& actor, const std::string& contactId, const std::string& form);

private:
    void check(const Actor& actor, const std::string& contactId, const std::string& form);
    Workspace& ws_;
};

void registerFormDraftProjection(Projections& projections);

} // namespace frontdoor::core
