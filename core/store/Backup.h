#pragma once
// A consistent copy of an open database, taken with SQLite's online backup API while desks keep working
// (copying the file with cp while it is open can catch it half-written, and misses the WAL).

#include "store/Sqlite.h"

#include <cstdint>
#include <string>

namespace frontdoor::core {

struct BackupResult {
    std::string destination;
    int64_t bytes = 0;
};

/// Throws what backupDatabase would for `destination` before copying anything (so a caller can refuse
/// before recording that a backup is being taken).
void checkBackupDestination(const std::string& destination);

/// Copies `source` to `destination`, a new file: refuses (ConflictError) a path where a file exists, and
/// ValidationError when its folder does not exist. Written under a temporary name beside it, checked with
/// PRAGMA integrity_check, and only then given its name, so a half-written copy never looks like a backup.
BackupResult backupDatabase(Database& source, const std::string& destination);

} // namespace frontdoor::core
