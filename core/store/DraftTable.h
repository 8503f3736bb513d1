#pragma once
// Drafts: what a worker is still typing (a new contact, a workflow form), kept on this desk in the
// `drafts` table (migration 10) so a crash, a closed window or a dead battery loses nothing.
//
// A draft is typing in progress, not the record. It is
//   - overwritten in place on every autosave (INSERT ... ON CONFLICT DO UPDATE), never a fact;
//   - not a projection: `rebuild` leaves it alone and it is not in the projection digest;
//   - desk-local: it is NEVER synced (core/sync ships facts only and must not ship this table);
//   - deleted, not marked, when it is discarded or submitted (a draft is not evidence).
// What is submitted becomes a fact as before. Each row belongs to one user; the services that use this
// table (ContactService's drafts, FormDrafts) read a user's own rows only.
//
// Every write here is one short transaction of its own (or part of the caller's, through WriteScope),
// so a write into a database file deleted under the app is refused (Database::requireFileInPlace).

#include "store/Sqlite.h"
#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

namespace draft_kind {
/// A new contact being typed; subject = the draft id, which becomes the contact's id when recorded.
inline constexpr const char* kContact = "contact";
/// A workflow form ("form:screening", "form:signoff", "form:strategy"); subject = the contact id.
inline std::string form(const std::string& formName) { return "form:" + formName; }
} // namespace draft_kind

struct StoredDraft {
    std::string owner;
    std::string kind;
    std::string subject;
    Instant savedAt{};
    nlohmann::json body;
};

class DraftTable {
public:
    explicit DraftTable(Database& db) : db_(db) {}

    /// Saves `body` as `owner`'s draft of (kind, subject), replacing the one there. Writes no fact.
    void put(const std::string& owner, const std::string& kind, const std::string& subject,
             const nlohmann::json& body, Instant savedAt);
    /// `owner`'s draft of (kind, subject), or nullopt.
    std::optional<StoredDraft> get(const std::string& owner, const std::string& kind, const std::string& subject);
    /// Whoever's draft of (kind, subject) there is (the most recently saved), or nullopt: for refusing to
    /// save over someone else's new-contact draft.
    std::optional<StoredDraft> anyOwner(const std::string& kind, const std::string& subject);
    /// `owner`'s drafts of `kind`, most recently saved first.
    std::vector<StoredDraft> list(const std::string& owner, const std::string& kind);
    /// Deletes `owner`'s draft of (kind, subject); false if there was none.
    bool remove(const std::string& owner, const std::string& kind, const std::string& subject);
    /// Deletes every draft of (kind, subject), whoever's (the contact it was typing is now recorded).
    void removeAll(const std::string& kind, const std::string& subject);

private:
    Database& db_;
};

} // namespace frontdoor::core
