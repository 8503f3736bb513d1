#pragma once
// Recording and reading contacts. Every write validates first and then appends its facts in one
// transaction, so a refused input leaves the database exactly as it was.

#include "Workspace.h"
#include "contacts/Contact.h"
#include "people/PersonCorrections.h"
#include "store/Fact.h"

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

struct RecordedContact {
    std::string contactId;
    std::vector<std::string> personIds;        ///< one per child, in input order
    std::vector<std::string> newPersonIds;     ///< the children registered by this contact
    std::vector<std::string> adultPersonIds;   ///< one per adult, in input order ("" for one without a name)
    std::vector<std::string> newAdultPersonIds; ///< the adults registered by this contact
};

/// A row of a contact list.
struct ContactSummary {
    std::string id;
    std::string reference;               ///< "FD-26-K7Q2-0042" (ContactReference.h)
    Instant receivedAt;
    std::string status;
    std::string channel;
    std::string source;
    std::string referrerAgency;
    std::string outcome;                 ///< "" until decided
    std::optional<Instant> decidedAt;
    std::vector<std::string> childNames; ///< display names
    std::string concernSummary;
    /// Listed by person (ContactFilter::personId): "child", or the relationship code of the adult they are.
    std::string personRole;

    nlohmann::json toJson() const;
};

struct ContactFilter {
    std::optional<std::string> status;
    std::optional<std::string> personId; ///< only contacts naming this child
    bool includeAsAdult = false;         ///< with personId: also contacts naming the person as an adult
    std::optional<Instant> receivedFrom; ///< inclusive
    std::optional<Instant> receivedTo;   ///< exclusive
    int limit = 100;
    int offset = 0;
};

/// One line of a record's history: who did what, in which role, when.
struct TimelineEntry {
    Instant at;
    std::string user;
    std::string role;
    std::string type;
    std::string description;
    std::string factId;
    /// For a correction (contact.amended, person.amended): what changed, field by field (FieldChange).
    std::vector<FieldChange> changes;
    nlohmann::json toJson() const;
};

/// What `contact amend` prints and the desktop app shows after a correction.
struct AmendedContact {
    std::string contactId;
    nlohmann::json contact;               ///< the new version, in the shape `contact record` takes
    std::vector<FieldChange> changes;     ///< what changed, field by field
    nlohmann::json decisionDue;           ///< {"due_at", "explanation"} when the receipt changed, else null
    std::vector<std::string> newPersonIds;     ///< children registered by the correction
    std::vector<std::string> correctedPersonIds; ///< linked children whose person record was corrected too
    nlohmann::json toJson() const;
};

/// A contact being typed, saved as it is typed.
struct ContactDraft {
    std::string id;     ///< the id the contact will have when recorded
    std::string owner;
    Instant savedAt;
    nlohmann::json body; ///< whatever has been typed so far, in the shape of `contact record`'s input
    nlohmann::json toJson() const;
};

class ContactService {
public:
    explicit ContactService(Workspace& workspace) : ws_(workspace) {}

    /// Validates and records a contact. Children with "id" are linked to that known person (an unknown
    /// id is refused); children without are registered as new people. Likewise adults with "person_id"
    /// (a known person, adult or once a child) are linked and the others who have a name registered as
    /// adult people (people/AdultPeople.h). Changed address, postcode, sex,
    /// ethnicity or LA id of a linked child update the person record (as a fact); names never change
    /// silently: a different spelling is kept on the contact as reported.
    RecordedContact record(const Actor& actor, const nlohmann::json& input);

    /// Corrects a recorded contact: `input` is the whole contact in the shape `record` takes (validated
    /// by readContact; an "id", if given, must be this contact's), `reason` says why (at least 10
    /// characters). The earlier version stays in the log; the contact.amended fact carries the new
    /// version, the reason and the changes. Children with an id are linked to that known person, children
    /// without one are registered. A linked child's person record is corrected too (a person.amended fact,
    /// same reason) in each detail where it held the value the contact had before. Deadlines already
    /// fixed do not move, except that a corrected receipt time recomputes the decision deadline (carried
    /// in the fact as "decision_due", as contact.recorded does).
    /// Who: the user who recorded the contact (screener, EDT worker) or a duty manager; once the contact
    /// is decided or closed, only a duty manager (ForbiddenError otherwise). Throws NotFoundError, and
    /// ValidationError for a bad field, a short reason, or "nothing to correct" when the new version
    /// equals the current one; nothing is written then.
    AmendedContact amend(const Actor& actor, const std::string& contactId, const nlohmann::json& input,
                         const std::string& reason);
    /// The contact's current version (the last recorded or corrected) in the shape `record` takes, with
    /// its "id": what a correction starts from. Throws NotFoundError.
    nlohmann::json currentVersion(const std::string& contactId);
    /// Whether `actor` may correct the contact now (amend's rule), without changing anything.
    bool mayAmend(const Actor& actor, const std::string& contactId);

    /// Saves what has been typed so far (no validation beyond being a JSON object) in this desk's drafts
    /// table (store/DraftTable.h): overwritten in place, never a fact, never synced. A new draft gets a
    /// fresh id; saving again under the same id supersedes the earlier save, and only the draft's owner
    /// may do that. Recording the contact with "id" set to the draft's id turns the draft into the
    /// contact (the draft's row goes; the contact.recorded fact is the record). Returns the draft id.
    std::string saveDraft(const Actor& actor, const std::string& draftId, const nlohmann::json& body);
    /// Deletes the draft (a draft is not evidence: nothing of it is kept). `reason` is checked for length
    /// but no longer recorded. Throws NotFoundError if there is none, ConflictError if it is someone else's.
    void discardDraft(const Actor& actor, const std::string& draftId, const std::string& reason);
    /// A user's drafts, most recently saved first.
    std::vector<ContactDraft> drafts(const std::string& owner);
    std::optional<ContactDraft> draft(const std::string& draftId);

    /// Imports the outcome of a contact that was decided outside Frontdoor (history brought over from an
    /// earlier system, or the demo's history). Decisions made at the front door go through the workflow
    /// (ContactWorkflow::signOff, four eyes); this is not a way round it: only an administrator may
    /// import, only for a contact that has not entered the workflow (still "recorded"), with a decision
    /// time neither before the contact was received nor in the future. The fact is marked as imported
    /// and the timeline says so. Throws ForbiddenError, ConflictError or ValidationError otherwise.
    void importOutcome(const Actor& actor, const std::string& contactId, const std::string& outcome,
                       Instant decidedAt, const std::string& note);

    /// The contact as recorded (latest version), its state, and its timeline. Throws NotFoundError.
    nlohmann::json show(const std::string& contactId);

    std::vector<ContactSummary> list(const ContactFilter& filter);
    int64_t count(const ContactFilter& filter);

    /// Every fact about the contact as a readable history, oldest first. Consecutive draft autosaves
    /// read as one line; who viewed the record (the access log) only with `includeViews`.
    std::vector<TimelineEntry> timeline(const std::string& contactId, bool includeViews = false);

    /// show() for a person reading the record: checks they hold a role and logs the read as a fact
    /// (the Data Protection Act asks who looked at a child's record, not only who changed it).
    nlohmann::json view(const Actor& actor, const std::string& contactId);
    /// Logs a read of a contact already shown (the detail pane), without reading it again.
    void logView(const Actor& actor, const std::string& contactId);

private:
    Workspace& ws_;
};


} // namespace frontdoor::core
