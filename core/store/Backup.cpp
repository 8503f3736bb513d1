#include "store/Backup.h"

#include "util/Errors.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

namespace frontdoor::core {

namespace fs = std::filesystem;

void checkBackupDestination(const std::string& destination) {
    if (destination.empty())
        throw ValidationError("destination", "say where to write the backup");
    const fs::path target = fs::absolute(destination);
    std::error_code ec;
    if (fs::exists(target, ec))
        throw ConflictError(target.string() + " already exists; a backup never replaces a file");
    if (!fs::is_directory(target.parent_path(), ec))
        throw ValidationError("destination", "the folder " + target.parent_path().string() + " does not exist");
}

BackupResult backupDatabase(Database& source, const std::string& destination) {
    checkBackupDestination(destination);
    const fs::path target = fs::absolute(destination);
    std::error_code ec;

    const fs::path partial = target.string() + ".part";
    fs::remove(partial, ec);
    {
        Database copy(partial.string(), Database::OpenMode::Create);
        sqlite3_backup* backup = sqlite3_backup_init(copy.handle(), "main", source.handle(), "main");
        if (!backup)
            throw StoreError(std::string("could not start the backup: ") + sqlite3_errmsg(copy.handle()));
        int rc = SQLITE_OK;
        // Copy in slices, so a desk writing at the same time is held up for moments, not the whole copy.
        do {
            rc = sqlite3_backup_step(backup, 1024);
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep(20);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            fs::remove(partial, ec);
            throw StoreError(std::string("the backup failed: ") + sqlite3_errstr(rc));
        }
        // The copy is a plain rollback-journal file, ready to be moved or archived on its own.
        copy.exec("PRAGMA journal_mode=DELETE");
        const auto integrity = copy.queryText("PRAGMA integrity_check");
        if (integrity.value_or("") != "ok") {
            fs::remove(partial, ec);
            throw StoreError("the backup's copy failed its integrity check: " + integrity.value_or("no answer"));
        }
    }
    // link() refuses an existing name, unlike rename(): a file that appeared meanwhile is never replaced.
    fs::create_hard_link(partial, target, ec);
    if (ec) {
        fs::remove(partial);
        throw ConflictError("could not name the backup " + target.string() + ": " + ec.message());
    }
    fs::remove(partial, ec);
    return {target.string(), static_cast<int64_t>(fs::file_size(target))};
}

} // namespace frontdoor::core
