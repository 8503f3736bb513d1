#pragma once
// Numbered schema migrations. The database's PRAGMA user_version is the number of the last one
// applied; each runs in its own transaction, so a file is always at exactly one known version.

#include "store/DatabaseProfile.h"
#include "store/Sqlite.h"

#include <functional>
#include <string>
#include <vector>

namespace frontdoor::core {

struct Migration {
    int version;             ///< 1, 2, 3... with no gaps
    std::string description; ///< one line, shown in `frontdoor-cli init` output
    std::string sql;         ///< run as one script inside the migration's transaction
};

/// Every migration this build knows, in order.
const std::vector<Migration>& allMigrations();

/// The schema version this build writes.
int latestSchemaVersion();

/// SQLite's application_id for Frontdoor files ("FDR1"), so another program's file is refused.
constexpr int kApplicationId = 0x46445231;

/// Throws SchemaError, having read only PRAGMAs and sqlite_master (nothing written, the journal mode
/// untouched), if `db` is another program's file or one from a newer build.
void checkFrontdoorFile(Database& db);

/// Brings `db` up to `target` (default: latest), each migration in one transaction.
/// Throws SchemaError if the file is newer than this build or is not a Frontdoor database.
/// A file created by this call (schema 0) gets `newFileMode` in migration 7; a file that existed
/// before migration 7 is live. Returns the versions applied.
std::vector<int> migrate(Database& db, int target = -1, DatabaseMode newFileMode = DatabaseMode::Live);

/// The current user_version.
int schemaVersion(Database& db);

} // namespace frontdoor::core
