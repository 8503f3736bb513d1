// The "store" suite: a database the size of a large authority over ten years (1,000,000 contacts,
// about 600,000 people), then the operations a desk does all day, each beside the bare SQLite
// operation underneath it so the ratio shows Frontdoor's own overhead.
#include "Bench.h"

#include "contacts/ContactService.h"
#include "demo/DemoData.h"
#include "people/Duplicates.h"
#include "people/NameKeys.h"
#include "people/PersonProjection.h"
#include "people/PersonSearch.h"
#include "store/Sqlite.h"
#include "users/UserService.h"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <random>

namespace frontdoor::bench {

// Builds the database in a child process, so the memory the generator uses is not counted against
// the process that then serves queries.
double buildDemoDatabase(const std::string& path, int contacts) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    const auto start = std::chrono::steady_clock::now();
    const pid_t builder = fork();
    if (builder == 0) {
        core::SystemClock clock;
        auto ws = core::Workspace::create(path, clock, core::DatabaseMode::Demo);
        core::DemoOptions options;
        options.contacts = contacts;
        options.batchSize = 2000;
        options.progress = [contacts](int done) {
            if (done % 50000 == 0 || done == contacts)
                std::cerr << "\r  building: " << done << " / " << contacts << " contacts" << std::flush;
        };
        core::addDemoUsers(*ws, "");
        core::generateDemoData(*ws, options);
        ws->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        std::cerr << "\n";
        _exit(0);
    }
    int status = 0;
    waitpid(builder, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("building the benchmark database failed");
    return secondsSince(start);
}

namespace {

using Clock = std::chrono::steady_clock;
using core::Json;

double millisecondsSince(Clock::time_point start) { return secondsSince(start) * 1000.0; }

struct Sample {
    core::PersonQuery query;
    std::string personId;
    bool misspelt;
};

// Queries as a screener types them: from known children, a third with a misspelt name, most with a
// date of birth (some with day and month transposed), some with a postcode.
// With `adults`, the same from known adults (the adult matching panel), searched among adults.
std::vector<Sample> makeQueries(core::Database& db, int count, std::mt19937_64& random, bool adults = false) {
    const int64_t people = db.queryInt("SELECT max(pk) FROM person").value_or(0);
    std::vector<Sample> samples;
    if (db.queryInt(std::string("SELECT count(*) FROM person WHERE adult = ") + (adults ? "1" : "0")).value_or(0) == 0)
        return samples;
    auto& stmt = db.cached(std::string("SELECT id, given_name, family_name, date_of_birth, postcode FROM person "
                                       "WHERE pk = ? AND adult = ") + (adults ? "1" : "0"));
    while (static_cast<int>(samples.size()) < count) {
        stmt.reset();
        stmt.bindAll(static_cast<int64_t>(1 + random() % static_cast<uint64_t>(people)));
        if (!stmt.step() || stmt.text(1).empty())
            continue;
        Sample sample;
        sample.query.kind = adults ? core::PersonKind::Adults : core::PersonKind::Children;
        sample.personId = stmt.text(0);
        sample.misspelt = samples.size() % 3 == 0;
        sample.query.givenName = sample.misspelt ? core::misspellName(stmt.text(1), random) : stmt.text(1);
        sample.query.familyName = stmt.text(2);
        if (!stmt.isNull(3) && random() % 10 < 8) {
            auto dob = core::parseDate(stmt.text(3));
            if (random() % 10 == 0 && static_cast<unsigned>(dob->day()) <= 12)
                dob = core::Date{dob->year(), std::chrono::month{static_cast<unsigned>(dob->day())},
                                 std::chrono::day{static_cast<unsigned>(dob->month())}};
            sample.query.dateOfBirth = dob;
        }
        if (random() % 4 == 0)
            sample.query.postcode = stmt.optionalText(4).value_or("");
        samples.push_back(std::move(sample));
    }
    stmt.reset();
    return samples;
}

Json contactFor(int i, const std::string& linkedPerson) {
    Json child{{"given_name", "Bench" + std::to_string(i)}, {"family_name", "Recorder"},
               {"date_of_birth", "2016-04-0" + std::to_string(1 + i % 9)}, {"postcode", "WA7 1AB"},
               {"voice", "Said they were frightened at home."}};
    if (!linkedPerson.empty())
        child["id"] = linkedPerson;
    return {{"received_at", core::formatInstant(core::SystemClock().now() - std::chrono::minutes(10))},
            {"channel", "phone"},
            {"source", "2A"},
            {"referrer", {{"name", "Bench Referrer"}, {"agency", "Primary school"}}},
            {"children", Json::array({child})},
            {"adults", Json::array({{{"given_name", "Parent"}, {"family_name", "Recorder"},
                                     {"relationship", "mother"}, {"parental_responsibility", "yes"}}})},
            {"concern", "A benchmark contact: a bruise noticed at school, explanation inconsistent."},
            {"consent", {{"status", "given"}}}};
}

Json runStoreSuite(const std::vector<std::string>& args) {
    const int contacts = std::stoi(option(args, "contacts", "1000000"));
    const int queries = std::stoi(option(args, "queries", "1000"));
    const int records = std::stoi(option(args, "records", "300"));
    const std::string path = option(args, "db", (std::filesystem::temp_directory_path() / "frontdoor-bench.sqlite").string());
    const bool reuse = hasFlag(args, "reuse") && std::filesystem::exists(path);

    double buildSeconds = 0;
    if (!reuse) {
        std::cerr << "Building " << contacts << " contacts in " << path << "\n";
        buildSeconds = buildDemoDatabase(path, contacts);
    }
    const double fileMiB = static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);

    core::SystemClock clock;
    const auto openStart = Clock::now();
    auto ws = core::Workspace::open(path, clock);
    // Opening includes the first read a screen makes: the newest page of contacts.
    core::ContactService contactService(*ws);
    contactService.list({});
    const double openMs = millisecondsSince(openStart);

    const int64_t personCount = ws->db().queryInt("SELECT count(*) FROM person").value_or(0);
    const int64_t contactCount = ws->db().queryInt("SELECT count(*) FROM contact").value_or(0);
    const int64_t factCount = ws->facts().count();

    // Person search: what the matching panel does on each keystroke pause, history included.
    std::mt19937_64 random(42);
    const auto samples = makeQueries(ws->db(), queries, random);
    core::PersonSearch search(*ws);
    std::vector<double> searchMs, searchMisspeltMs;
    int foundInTop5 = 0, misspeltFound = 0, misspeltTotal = 0;
    for (const auto& sample : samples) {
        const auto start = Clock::now();
        const auto found = search.search(sample.query);
        const double ms = millisecondsSince(start);
        searchMs.push_back(ms);
        if (sample.misspelt) {
            searchMisspeltMs.push_back(ms);
            ++misspeltTotal;
        }
        for (size_t i = 0; i < found.size() && i < 5; ++i)
            if (found[i].person.id == sample.personId) {
                ++foundInTop5;
                misspeltFound += sample.misspelt ? 1 : 0;
                break;
            }
    }

    // Adult matching: the same panel for the mother's partner typed on a new contact.
    const auto adultSamples = makeQueries(ws->db(), queries, random, true);
    const int64_t adultCount = ws->db().queryInt("SELECT count(*) FROM person WHERE adult = 1").value_or(0);
    std::vector<double> adultMs;
    int adultFoundInTop5 = 0;
    for (const auto& sample : adultSamples) {
        const auto start = Clock::now();
        const auto found = search.search(sample.query);
        adultMs.push_back(millisecondsSince(start));
        for (size_t i = 0; i < found.size() && i < 5; ++i)
            if (found[i].person.id == sample.personId) {
                ++adultFoundInTop5;
                break;
            }
    }

    // Bare SQLite beside it: one FTS5 match on the same phonetic keys, no scoring or history.
    std::vector<double> ftsMs;
    for (const auto& sample : samples) {
        const std::string text = "keys : (\"f" + core::metaphone(core::foldName(sample.query.familyName)) +
                                 "\" AND \"g" + core::metaphone(core::foldName(sample.query.givenName)) + "\")";
        auto& stmt = ws->db().cached("SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT 400");
        const auto start = Clock::now();
        stmt.bindAll(text);
        while (stmt.step()) {
        }
        stmt.reset();
        ftsMs.push_back(millisecondsSince(start));
    }

    // Recording: one contact per transaction, synchronous=FULL, half about a known child.
    std::vector<double> recordMs;
    if (!core::UserService(*ws).anyUsers())
        core::addDemoUsers(*ws, ""); // a file from before users existed
    const core::Actor actor{"sam.screener", "screener"};
    for (int i = 0; i < records; ++i) {
        const std::string linked = i % 2 ? samples[static_cast<size_t>(i) % samples.size()].personId : "";
        const Json input = contactFor(i, linked);
        const auto start = Clock::now();
        contactService.record(actor, input);
        recordMs.push_back(millisecondsSince(start));
    }

    // Bare SQLite beside it: a one-row insert transaction, same file system, same durability.
    std::vector<double> bareInsertMs;
    {
        const std::string barePath = path + ".bare";
        std::filesystem::remove(barePath);
        core::Database bare(barePath);
        bare.exec("PRAGMA journal_mode = WAL");
        bare.exec("PRAGMA synchronous = FULL");
        bare.exec("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, body TEXT)");
        const std::string body = contactFor(0, "").dump();
        for (int i = 0; i < records; ++i) {
            const auto start = Clock::now();
            core::Transaction transaction(bare);
            bare.cached("INSERT INTO t(body) VALUES (?)").bindAll(body).run();
            transaction.commit();
            bareInsertMs.push_back(millisecondsSince(start));
        }
    }
    std::filesystem::remove(path + ".bare");
    std::filesystem::remove(path + ".bare-wal");
    std::filesystem::remove(path + ".bare-shm");

    const double rss = peakRssMiB();

    // The duplicate scan over everyone (the desktop runs it on a background thread after each sync).
    const auto scanStart = Clock::now();
    const core::DuplicateScan scan = core::findDuplicates(ws->db());
    const double scanSeconds = secondsSince(scanStart);
    const double scanRss = peakRssMiB();
    const double recordP50 = percentile(recordMs, 50), recordP95 = percentile(recordMs, 95);
    const double bareP50 = percentile(bareInsertMs, 50), bareP95 = percentile(bareInsertMs, 95);
    const double searchP50 = percentile(searchMs, 50), searchP95 = percentile(searchMs, 95);
    const double misspeltP95 = percentile(searchMisspeltMs, 95);
    const double ftsP50 = percentile(ftsMs, 50), ftsP95 = percentile(ftsMs, 95);
    const double adultP50 = adultMs.empty() ? 0 : percentile(adultMs, 50);
    const double adultP95 = adultMs.empty() ? 0 : percentile(adultMs, 95);
    const auto verdict = [](bool met) { return met ? std::string("  (target met)") : std::string("  (TARGET MISSED)"); };

    printTable("frontdoor-bench store",
               {{"contacts / people / facts", std::to_string(contactCount) + " / " + std::to_string(personCount) +
                                                  " / " + std::to_string(factCount)},
                {"build time", reuse ? "reused existing file" : fixed(buildSeconds, 1) + " s"},
                {"file size", fixed(fileMiB, 0) + " MiB"},
                {"open (incl. first page)", fixed(openMs, 1) + " ms" + verdict(openMs < 1000)},
                {"record p50 / p95", fixed(recordP50, 2) + " / " + fixed(recordP95, 2) + " ms" + verdict(recordP95 < 10)},
                {"  bare insert p50 / p95", fixed(bareP50, 2) + " / " + fixed(bareP95, 2) + " ms"},
                {"  ratio p50", fixed(recordP50 / std::max(bareP50, 1e-6), 2) + "x"},
                {"search p50 / p95", fixed(searchP50, 2) + " / " + fixed(searchP95, 2) + " ms" + verdict(searchP95 < 30)},
                {"  misspelt third p95", fixed(misspeltP95, 2) + " ms"},
                {"adult search p50 / p95 (" + std::to_string(adultCount) + " adults)",
                 adultMs.empty() ? std::string("no adult people in this file")
                                 : fixed(adultP50, 2) + " / " + fixed(adultP95, 2) + " ms" + verdict(adultP95 < 30)},
                {"  intended adult in top 5", std::to_string(adultFoundInTop5) + " / " + std::to_string(adultSamples.size())},
                {"  bare FTS5 match p50 / p95", fixed(ftsP50, 3) + " / " + fixed(ftsP95, 3) + " ms"},
                {"  intended child in top 5", std::to_string(foundInTop5) + " / " + std::to_string(samples.size()) +
                                                  " (misspelt: " + std::to_string(misspeltFound) + " / " +
                                                  std::to_string(misspeltTotal) + ")"},
                {"peak RSS (serving queries)", fixed(rss, 0) + " MiB" + verdict(rss < 300)},
                {"duplicate scan", fixed(scanSeconds, 1) + " s" + verdict(scanSeconds < 60)},
                {"  people / pairs compared / offered", std::to_string(scan.peopleScanned) + " / " +
                                                            std::to_string(scan.pairsCompared) + " / " +
                                                            std::to_string(scan.pairsFound)},
                {"  peak RSS after the scan", fixed(scanRss, 0) + " MiB"}});

    return {{"contacts", contactCount},
            {"people", personCount},
            {"facts", factCount},
            {"build_seconds", reuse ? Json() : Json(buildSeconds)},
            {"file_mib", fileMiB},
            {"open_ms", openMs},
            {"record_ms", {{"p50", recordP50}, {"p95", recordP95}, {"n", records}}},
            {"bare_insert_ms", {{"p50", bareP50}, {"p95", bareP95}}},
            {"search_ms", {{"p50", searchP50}, {"p95", searchP95}, {"misspelt_p95", misspeltP95}, {"n", queries}}},
            {"bare_fts5_ms", {{"p50", ftsP50}, {"p95", ftsP95}}},
            {"adult_search_ms", {{"p50", adultP50}, {"p95", adultP95}, {"n", adultSamples.size()}, {"adults", adultCount}}},
            {"adult_search_found_in_top5", adultFoundInTop5},
            {"search_found_in_top5", foundInTop5},
            {"peak_rss_mib", rss},
            {"duplicate_scan", {{"seconds", scanSeconds},
                                {"people", scan.peopleScanned},
                                {"pairs_compared", scan.pairsCompared},
                                {"pairs_offered", scan.pairsFound},
                                {"blocks_too_large", scan.blocksTooLarge},
                                {"peak_rss_mib", scanRss}}}};
}

const bool registered = registerSuite(
    {"store",
     "1,000,000 contacts over ten years: build, file size, open, record and search latency (p50/p95, children "
     "and adults) beside bare SQLite, peak RSS, the duplicate scan over everyone. Options: --contacts N --queries N "
     "--records N --db PATH --reuse",
     runStoreSuite});

} // namespace
} // namespace frontdoor::bench
