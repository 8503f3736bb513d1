#include "store/DatabaseProfile.h"

#include "util/Errors.h"

#include <filesystem>

namespace frontdoor::core {

std::string toString(DatabaseMode mode) {
    switch (mode) {
    case DatabaseMode::Training:
        return "training";
    case DatabaseMode::Demo:
        return "demo";
    case DatabaseMode::Live:
        break;
    }
    return "live";
}

std::optional<DatabaseMode> parseDatabaseMode(const std::string& text) {
    if (text == "live")
        return DatabaseMode::Live;
    if (text == "training")
        return DatabaseMode::Training;
    if (text == "demo")
        return DatabaseMode::Demo;
    return std::nullopt;
}

DatabaseMode readDatabaseMode(Database& db) {
    if (db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'database_profile'")
            .value_or(0) == 0)
        return DatabaseMode::Live;
    const auto text = db.queryText("SELECT mode FROM database_profile WHERE id = 1");
    // A profile table without its row, or with a word this build does not know, counts as live: the
    // strictest mode (the desk's clock only, no demo data).
    return text ? parseDatabaseMode(*text).value_or(DatabaseMode::Live) : DatabaseMode::Live;
}

std::optional<DatabaseMode> peekDatabaseMode(const std::string& path) {
    std::error_code ignored;
    if (path == ":memory:" || !std::filesystem::is_regular_file(path, ignored))
        return std::nullopt;
    try {
        Database db(path, Database::OpenMode::ReadOnly);
        return readDatabaseMode(db);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void writeDatabaseProfile(Database& db, DatabaseMode mode, const std::string& origin) {
    db.prepare("INSERT INTO database_profile(id, mode, origin, created_at) "
               "VALUES (1, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
        .bindAll(toString(mode), origin)
        .run();
}

} // namespace frontdoor::core
