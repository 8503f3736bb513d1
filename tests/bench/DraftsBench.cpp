// The "drafts" suite (issue 11 point 9): what one autosave costs while a screener types. A draft save
// (a 2 KB body, changed a little each time, as steady typing changes it) into the desk-local drafts
// table, for a new contact (ContactService::saveDraft) and for a workflow form (FormDrafts::save), on a
// database with many contacts, beside a bare SQLite upsert of the same body in a transaction (same
// durability: WAL, synchronous=FULL) and beside the same save on an empty database. Every save is one
// transaction on the caller's thread, as the desktop makes it on the UI thread.
#include "Bench.h"

#include "contacts/ContactService.h"
#include "demo/DemoData.h"
#include "store/Sqlite.h"
#include "users/UserService.h"
#include "workflow/FormDrafts.h"

#include <filesystem>
#include <iostream>

namespace frontdoor::bench {
namespace {

using Clock = std::chrono::steady_clock;
using core::Json;

double millisecondsSince(Clock::time_point start) { return secondsSince(start) * 1000.0; }

// What a screener has typed after `keystrokes` more keys: a 2 KB concern that grows by one letter.
std::string typedText(int keystrokes) {
    std::string text = "Head of year rang about a pupil, frightened to go home; ";
    while (text.size() < 2048)
        text += "the explanation given for the marks did not match them and she asked us not to phone home. ";
    text.resize(2048 - 512);
    text.append(static_cast<size_t>(keystrokes % 512), 'x');
    return text;
}

Json contactDraftBody(int keystrokes) {
    return {{"received_at", "2026-11-23T10:00:00.000Z"},
            {"channel", "phone"},
            {"source", "2A"},
            {"children", Json::array({{{"given_name", "Bench"}, {"family_name", "Typist"}}})},
            {"concern", typedText(keystrokes)},
            {"cursor", {{"field", "concern"}, {"position", 2048}}}};
}

Json formDraftBody(int keystrokes) {
    return {{"saved_at", "2026-11-23T10:00:00.000Z"},
            {"context", Json::object()},
            {"typed", {{"risks", typedText(keystrokes)}}},
            {"cursor", {{"field", "risks"}, {"position", 2048}}}};
}

struct Figures {
    double p50 = 0, p95 = 0, worst = 0;
    Json toJson() const { return {{"p50", p50}, {"p95", p95}, {"worst", worst}}; }
    std::string text() const { return fixed(p50, 2) + " / " + fixed(p95, 2) + " / " + fixed(worst, 2) + " ms"; }
};

Figures summarise(std::vector<double> samples) {
    Figures figures;
    figures.p50 = percentile(samples, 50);
    figures.p95 = percentile(samples, 95);
    figures.worst = samples.empty() ? 0 : samples.back(); // percentile sorted them
    return figures;
}

template <typename Save> Figures time(int saves, Save save) {
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(saves));
    for (int i = 0; i < saves; ++i) {
        const auto start = Clock::now();
        save(i);
        ms.push_back(millisecondsSince(start));
    }
    return summarise(std::move(ms));
}

void removeDatabase(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
}

Json runDraftsSuite(const std::vector<std::string>& args) {
    const int contacts = std::stoi(option(args, "contacts", "1000000"));
    const int saves = std::stoi(option(args, "saves", "1000"));
    const std::string path =
        option(args, "db", (std::filesystem::temp_directory_path() / "frontdoor-bench.sqlite").string());
    const bool reuse = hasFlag(args, "reuse") && std::filesystem::exists(path);
    if (!reuse) {
        std::cerr << "Building " << contacts << " contacts in " << path << "\n";
        buildDemoDatabase(path, contacts);
    }

    core::SystemClock clock;
    const core::Actor screener{"sam.screener", "screener"};
    Json figures;
    std::vector<std::pair<std::string, std::string>> rows;

    // On the big database.
    {
        auto ws = core::Workspace::open(path, clock);
        if (!core::UserService(*ws).anyUsers())
            core::addDemoUsers(*ws, "");
        const int64_t contactCount = ws->db().queryInt("SELECT count(*) FROM contact").value_or(0);
        const std::string contactId = ws->db().queryText("SELECT id FROM contact ORDER BY pk DESC LIMIT 1").value_or("");
        const int64_t factsBefore = ws->facts().count();
        core::ContactService contactService(*ws);
        std::string draftId;
        const Figures contactDraft = time(saves, [&](int i) { draftId = contactService.saveDraft(screener, draftId, contactDraftBody(i)); });
        core::FormDrafts forms(*ws);
        const Figures formDraft = time(saves, [&](int i) { forms.save(screener, contactId, "screening", formDraftBody(i)); });
        const int64_t factsAdded = ws->facts().count() - factsBefore;
        // Leave the file as it was found, for the next suite.
        contactService.discardDraft(screener, draftId, "");
        forms.discard(screener, contactId, "screening");

        rows.push_back({"contacts / facts", std::to_string(contactCount) + " / " + std::to_string(factsBefore)});
        rows.push_back({"saves of each kind (2 KB body)", std::to_string(saves)});
        rows.push_back({"new-contact draft save p50 / p95 / worst", contactDraft.text()});
        rows.push_back({"workflow form draft save p50 / p95 / worst", formDraft.text()});
        rows.push_back({"  facts added by the saves", std::to_string(factsAdded)});
        figures["contacts"] = contactCount;
        figures["facts"] = factsBefore;
        figures["saves"] = saves;
        figures["contact_draft_save_ms"] = contactDraft.toJson();
        figures["form_draft_save_ms"] = formDraft.toJson();
        figures["facts_added"] = factsAdded;
    }

    // Bare SQLite beside it: the same upsert of the same body, one transaction each, same durability.
    {
        const std::string barePath = path + ".bare";
        removeDatabase(barePath);
        core::Database bare(barePath);
        bare.exec("PRAGMA journal_mode = WAL");
        bare.exec("PRAGMA synchronous = FULL");
        bare.exec("CREATE TABLE drafts (owner_user_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, "
                  "saved_at TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (owner_user_id, kind, subject))");
        const Figures upsert = time(saves, [&](int i) {
            core::Transaction transaction(bare);
            bare.cached("INSERT INTO drafts VALUES (?, 'contact', 'x', ?, ?) ON CONFLICT(owner_user_id, kind, subject) "
                        "DO UPDATE SET saved_at = excluded.saved_at, body = excluded.body")
                .bindAll(screener.userId, std::string("2026-11-23T10:00:00.000Z"), contactDraftBody(i).dump())
                .run();
            transaction.commit();
        });
        rows.push_back({"  bare SQLite upsert p50 / p95 / worst", upsert.text()});
        figures["bare_upsert_ms"] = upsert.toJson();
    }
    removeDatabase(path + ".bare");

    // The same save on an empty database: a draft save touches one row of one small table, whatever
    // the size of the record.
    {
        const std::string emptyPath = path + ".empty";
        removeDatabase(emptyPath);
        {
            auto ws = core::Workspace::create(emptyPath, clock, core::DatabaseMode::Demo);
            core::addDemoUsers(*ws, "");
            core::ContactService contactService(*ws);
            std::string draftId;
            const Figures empty = time(saves, [&](int i) { draftId = contactService.saveDraft(screener, draftId, contactDraftBody(i)); });
            rows.push_back({"  new-contact draft save on an empty database", empty.text()});
            figures["contact_draft_save_empty_db_ms"] = empty.toJson();
        }
        removeDatabase(emptyPath);
    }

    printTable("frontdoor-bench drafts", rows);
    return figures;
}

const bool registered = registerSuite(
    {"drafts",
     "A draft save (2 KB body) while typing, new contact and workflow form, p50/p95/worst, on a big database, "
     "beside a bare SQLite upsert and the same save on an empty database; facts added (should be 0). "
     "Options: --contacts N --saves N --db PATH --reuse",
     runDraftsSuite});

} // namespace
} // namespace frontdoor::bench
