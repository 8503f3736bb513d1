// Issue 11 point 9: drafts are typing in progress, not the record. They live in one desk-local table,
// overwritten in place, never a fact, never in the projection; what is submitted stays a fact. Drafts
// typed before the upgrade (draft facts) are still offered after it.
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "store/DraftTable.h"
#include "store/Migrations.h"
#include "util/Errors.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/FormDrafts.h"

#include <catch2/catch.hpp>

using namespace frontdoor;
using test::kManager;
using test::kScreener;

namespace {

const core::Actor kJo{"jo.screener", "screener"};

// About 2 KB: a screener's concern and a voice note, as typed.
core::Json typedContact(int keystrokes) {
    std::string concern = "Head of year rang: Lily said her stepdad shouts and throws things; ";
    while (concern.size() < 2000)
        concern += "she is frightened to go home and has been late every day this week. ";
    concern.resize(2000 - 200 + static_cast<size_t>(keystrokes % 200));
    return {{"concern", concern}, {"children", {{{"given_name", "Lily"}, {"family_name", "Marsh"}}}}};
}

int64_t draftRows(core::Workspace& ws) { return ws.db().queryInt("SELECT count(*) FROM drafts").value_or(-1); }

} // namespace

TEST_CASE("saving a draft while typing adds no fact and leaves the projection as it was", "[drafts]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const std::string contactId = contacts.record(kScreener, test::sampleContact()).contactId;
    core::ContactWorkflow(*t.ws).startScreening(kScreener, contactId);
    const int64_t factsBefore = t.ws->facts().count();
    const std::string digestBefore = t.ws->facts().projectionDigest();

    std::string draftId;
    core::FormDrafts forms(*t.ws);
    for (int save = 0; save < 50; ++save) {
        draftId = contacts.saveDraft(kScreener, draftId, typedContact(save));
        forms.save(kScreener, contactId, "screening", {{"typed", {{"risks", std::string(2000, 'r') + std::to_string(save)}}}});
    }

    CHECK(t.ws->facts().count() == factsBefore);
    CHECK(t.ws->facts().projectionDigest() == digestBefore);
    // A draft commits without waiting for the disk, and everything after it waits again (FULL): a
    // decision recorded next is as durable as ever.
    CHECK(t.ws->db().queryInt("PRAGMA synchronous") == 2);
    // Overwritten in place: one row each, holding the last save.
    CHECK(draftRows(*t.ws) == 2);
    REQUIRE(contacts.drafts(kScreener.userId).size() == 1);
    CHECK(contacts.drafts(kScreener.userId).front().body == typedContact(49));
    CHECK(forms.load(kScreener, contactId, "screening")->at("typed").at("risks") == std::string(2000, 'r') + "49");

    SECTION("a rebuild of the projection leaves the drafts alone") {
        t.ws->facts().rebuildProjection();
        CHECK(t.ws->facts().projectionDigest() == digestBefore);
        CHECK(contacts.drafts(kScreener.userId).size() == 1);
        CHECK(forms.load(kScreener, contactId, "screening").has_value());
        CHECK(t.ws->facts().compareProjectionWithRebuild().matches);
    }
    SECTION("discarding deletes the draft and adds no fact") {
        contacts.discardDraft(kScreener, draftId, "rang off before giving details");
        forms.discard(kScreener, contactId, "screening");
        CHECK(draftRows(*t.ws) == 0);
        CHECK(t.ws->facts().count() == factsBefore);
        CHECK(t.ws->facts().factsAbout(draftId).empty());
    }
    SECTION("recording the draft's id makes the contact the only record of it") {
        auto input = test::sampleContact();
        input["id"] = draftId;
        contacts.record(kScreener, input);
        CHECK(contacts.drafts(kScreener.userId).empty());
        CHECK(draftRows(*t.ws) == 1); // the screening form's draft, still being typed
        const auto timeline = contacts.timeline(draftId);
        REQUIRE(timeline.size() == 1);
        CHECK(timeline[0].type == "contact.recorded");
    }
}

TEST_CASE("a draft is its owner's alone", "[drafts]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const std::string contactId = contacts.record(kScreener, test::sampleContact()).contactId;
    const std::string draftId = contacts.saveDraft(kScreener, "", typedContact(1));
    core::FormDrafts(*t.ws).save(kScreener, contactId, "screening", {{"typed", {{"risks", "sam's words"}}}});

    CHECK(contacts.drafts(kJo.userId).empty());
    CHECK_FALSE(core::FormDrafts(*t.ws).load(kJo, contactId, "screening").has_value());
    CHECK_THROWS_AS(contacts.saveDraft(kJo, draftId, typedContact(2)), core::ConflictError);
    CHECK_THROWS_AS(contacts.discardDraft(kJo, draftId, ""), core::ConflictError);
    // Jo discarding "her" screening draft leaves Sam's where it was.
    core::FormDrafts(*t.ws).discard(kJo, contactId, "screening");
    CHECK(core::FormDrafts(*t.ws).load(kScreener, contactId, "screening")->at("typed").at("risks") == "sam's words");
    CHECK(contacts.drafts(kScreener.userId).front().body == typedContact(1));
}

TEST_CASE("drafts typed before the upgrade are still offered after it", "[drafts][migrations]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    // Contacts as that build recorded them: its adults were text, never people (migration 14).
    const auto beforeAdultPeople = [] {
        auto input = test::sampleContact();
        input.erase("adults");
        return input;
    };
    const std::string contactId = contacts.record(kScreener, beforeAdultPeople()).contactId;
    const std::string path = t.ws->db().path();

    // What the build before migration 10 wrote on every autosave: whole-body draft facts.
    const std::string kept = "01900000-0000-7000-8000-00000000000a";
    const std::string discarded = "01900000-0000-7000-8000-00000000000b";
    const std::string recorded = "01900000-0000-7000-8000-00000000000c";
    const auto append = [&](const core::Actor& by, const std::string& type, const std::string& subject,
                            const core::Json& payload) {
        t.clock.advance(std::chrono::seconds(2));
        core::WriteScope scope(t.ws->db());
        t.ws->facts().append(by, type, subject, payload);
        scope.commit();
    };
    const auto formDraft = [&](const std::string& form, const core::Json& body) {
        return core::Json{{"contact_id", contactId}, {"form", form}, {"body", body}};
    };
    append(kScreener, "contact.draft_saved", kept, {{"body", {{"concern", "Mum rang, very worried"}}}});
    append(kScreener, "contact.draft_saved", discarded, {{"body", {{"concern", "a wrong number"}}}});
    append(kScreener, "contact.draft_saved", kept, {{"body", {{"concern", "Mum rang, very worried about Dad"}}}});
    const core::Instant keptSavedAt = t.clock.now();
    append(kScreener, "contact.draft_discarded", discarded, {{"reason", "not a contact"}});
    append(kScreener, "contact.draft_saved", recorded, {{"body", {{"concern", "the school's call"}}}});
    append(kScreener, "form.draft_saved", "form-draft:" + contactId + ":screening",
           formDraft("screening", {{"typed", {{"risks", "Neglect"}}}}));
    append(kScreener, "form.draft_saved", "form-draft:" + contactId + ":screening",
           formDraft("screening", {{"typed", {{"risks", "Neglect of basic needs"}}}}));
    append(kJo, "form.draft_saved", "form-draft:" + contactId + ":screening",
           formDraft("screening", {{"typed", {{"risks", "Jo's, then cleared"}}}}));
    append(kJo, "form.draft_discarded", "form-draft:" + contactId + ":screening",
           {{"contact_id", contactId}, {"form", "screening"}});
    append(kManager, "form.draft_saved", "form-draft:" + contactId + ":signoff",
           formDraft("signoff", {{"typed", {{"rationale", "Agree: early help"}}}}));
    auto input = beforeAdultPeople();
    input["id"] = recorded;
    t.clock.advance(std::chrono::seconds(2));
    contacts.record(kScreener, input);

    // The file as that build left it: schema 9, no drafts table, the old draft projection tables.
    const int64_t facts = t.ws->facts().count();
    const std::string digest = t.ws->facts().projectionDigest();
    // (The later migrations' tables go too, so that every migration after 9 runs again.)
    t.ws->db().exec("DROP TABLE drafts; DROP TABLE sync_conflict; DROP TABLE contact_transition;"
                    "DROP TABLE sync_team; DROP TABLE sync_published; DROP TABLE sync_peer;"
                    "DROP TABLE person_merge; DROP TABLE person_not_duplicate;"
                    "DROP TABLE contact_adult; ALTER TABLE person DROP COLUMN adult;"
                    "CREATE TABLE contact_draft (id TEXT PRIMARY KEY, owner TEXT NOT NULL, owner_role TEXT NOT NULL,"
                    " saved_at TEXT NOT NULL, body TEXT NOT NULL, updated_hlc INTEGER NOT NULL);"
                    "CREATE TABLE form_draft (contact_id TEXT NOT NULL, form TEXT NOT NULL, owner TEXT NOT NULL,"
                    " saved_at TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (contact_id, form, owner)) WITHOUT ROWID;"
                    "PRAGMA user_version = 9");
    t.ws.reset();

    t.ws = core::Workspace::open(path, t.clock);
    CHECK(t.ws->migrationsApplied() == std::vector<int>{10, 11, 12, 13, 14});
    core::ContactService upgraded(*t.ws);
    const auto drafts = upgraded.drafts(kScreener.userId);
    REQUIRE(drafts.size() == 1);
    CHECK(drafts[0].id == kept);
    CHECK(drafts[0].body == core::Json{{"concern", "Mum rang, very worried about Dad"}});
    CHECK(drafts[0].savedAt == keptSavedAt);
    core::FormDrafts forms(*t.ws);
    CHECK(forms.load(kScreener, contactId, "screening") == core::Json{{"typed", {{"risks", "Neglect of basic needs"}}}});
    CHECK_FALSE(forms.load(kJo, contactId, "screening").has_value());
    CHECK(forms.load(kManager, contactId, "signoff") == core::Json{{"typed", {{"rationale", "Agree: early help"}}}});
    CHECK(draftRows(*t.ws) == 3);

    // Nothing of the record changed: the old facts stay, the projection is the same and still rebuilds.
    CHECK(t.ws->facts().count() == facts);
    CHECK(t.ws->facts().projectionDigest() == digest);
    CHECK(t.ws->facts().compareProjectionWithRebuild().matches);
    CHECK(t.ws->db().queryInt("SELECT count(*) FROM sqlite_master WHERE name IN ('contact_draft', 'form_draft')") == 0);
    // A draft continued after the upgrade is saved in place and recorded as before.
    upgraded.saveDraft(kScreener, kept, {{"concern", "Mum rang, very worried about Dad's drinking"}});
    CHECK(t.ws->facts().count() == facts);
    auto keptInput = test::sampleContact();
    keptInput["id"] = kept;
    upgraded.record(kScreener, keptInput);
    CHECK(upgraded.drafts(kScreener.userId).empty());
}
