#pragma once
// What a database is for, fixed when it is created and never changed afterwards (migration 7's
// database_profile table refuses UPDATE and DELETE). A live database holds real children's records
// and its facts always take the desk's clock; training and demo databases may run on a fixed clock
// (frontdoor-cli --now) and say so in the app's title bar and on every printout.

#include "store/Sqlite.h"
#include "util/Instant.h"

#include <optional>
#include <string>

namespace frontdoor::core {

enum class DatabaseMode { Live, Training, Demo };

/// "live", "training", "demo".
std::string toString(DatabaseMode mode);
std::optional<DatabaseMode> parseDatabaseMode(const std::string& text);

/// True for training and demo databases: the only ones whose facts may carry a time a person chose.
inline bool allowsFixedClock(DatabaseMode mode) { return mode != DatabaseMode::Live; }

/// The mode recorded in the database; Live for a file from before migration 7 (or with no profile).
DatabaseMode readDatabaseMode(Database& db);

/// Reads the mode of the Frontdoor database at `path` without changing the file (read-only, no
/// journal switch, no migration). Nullopt when there is no such file or it cannot be read.
std::optional<DatabaseMode> peekDatabaseMode(const std::string& path);

/// Writes the profile row; called once, by migration 7, inside its transaction.
void writeDatabaseProfile(Database& db, DatabaseMode mode, const std::string& origin);

} // namespace frontdoor::core
