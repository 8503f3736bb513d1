#include "store/Sqlite.h"

#include "util/Errors.h"

#include <sys/stat.h>

namespace frontdoor::core {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw StoreError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

} // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK)
        fail(db, "preparing \"" + std::string(sql.substr(0, 80)) + "\"");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement& Statement::bind(int index, std::nullptr_t) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK)
        fail(db_, "binding");
    return *this;
}

Statement& Statement::bind(int index, int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK)
        fail(db_, "binding");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK)
        fail(db_, "binding");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_, "binding");
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, size_t size) {
    if (sqlite3_bind_blob(stmt_, index, data, static_cast<int>(size), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_, "binding");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw StoreError(message);
}

void Statement::run() {
    while (step()) {
    }
    sqlite3_reset(stmt_);
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return data ? std::string(data, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<int64_t> Statement::optionalInt64(int column) const {
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

std::string Statement::blob(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return data ? std::string(data, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

int Statement::columnCount() const { return sqlite3_column_count(stmt_); }
std::string Statement::columnName(int column) const { return sqlite3_column_name(stmt_, column); }
int Statement::columnType(int column) const { return sqlite3_column_type(stmt_, column); }

Database::Database(const std::string& path, OpenMode mode) : path_(path) {
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    if (mode == OpenMode::ReadOnly)
        flags |= SQLITE_OPEN_READONLY;
    else
        flags |= SQLITE_OPEN_READWRITE | (mode == OpenMode::Create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError("cannot open database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Another process (a second window, the CLI) may briefly hold the write lock.
    sqlite3_busy_timeout(db_, 5000);
    struct stat info {};
    if (path != ":memory:" && !path.empty() && ::stat(path.c_str(), &info) == 0)
        file_ = FileIdentity{static_cast<unsigned long long>(info.st_dev), static_cast<unsigned long long>(info.st_ino)};
}

void Database::requireFileInPlace() const {
    if (!file_)
        return;
    struct stat info {};
    if (::stat(path_.c_str(), &info) != 0)
        throw StoreError("the database file " + path_ +
                         " is no longer there (deleted or moved while Frontdoor had it open): nothing more can be "
                         "saved to it");
    if (static_cast<unsigned long long>(info.st_dev) != file_->device ||
        static_cast<unsigned long long>(info.st_ino) != file_->inode)
        throw StoreError("the database file " + path_ +
                         " was replaced by another file while Frontdoor had it open: nothing more can be saved to it");
}

Database::~Database() {
    cache_.clear();
    sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw StoreError(message);
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(db_, sql); }

Statement& Database::cached(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end())
        it = cache_.emplace(sql, std::make_unique<Statement>(db_, sql)).first;
    it->second->reset();
    return *it->second;
}

int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

std::optional<int64_t> Database::queryInt(std::string_view sql) {
    Statement stmt = prepare(sql);
    if (!stmt.step() || stmt.isNull(0))
        return std::nullopt;
    return stmt.int64(0);
}

std::optional<std::string> Database::queryText(std::string_view sql) {
    Statement stmt = prepare(sql);
    if (!stmt.step() || stmt.isNull(0))
        return std::nullopt;
    return stmt.text(0);
}

std::optional<int64_t> Database::lookupInt(const std::string& sql, std::string_view parameter) {
    Statement& stmt = cached(sql);
    stmt.bind(1, parameter);
    std::optional<int64_t> value;
    if (stmt.step() && !stmt.isNull(0))
        value = stmt.int64(0);
    stmt.reset();
    return value;
}

std::optional<std::string> Database::lookupText(const std::string& sql, std::string_view parameter) {
    Statement& stmt = cached(sql);
    stmt.bind(1, parameter);
    std::optional<std::string> value;
    if (stmt.step() && !stmt.isNull(0))
        value = stmt.text(0);
    stmt.reset();
    return value;
}

void Database::onTransactionEnd(std::function<void()> committed, std::function<void()> rolledBack) {
    committed_ = std::move(committed);
    rolledBack_ = std::move(rolledBack);
}

void Database::transactionCommitted() {
    if (committed_)
        committed_();
}

void Database::transactionRolledBack() {
    if (rolledBack_)
        rolledBack_();
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // The transaction may already have been rolled back by SQLite itself (e.g. on SQLITE_FULL).
        }
        db_.transactionRolledBack();
    }
}

void Transaction::commit() {
    // Checked before COMMIT so that a write into a deleted file is rolled back and reported, never
    // reported as saved.
    db_.requireFileInPlace();
    db_.exec("COMMIT");
    done_ = true;
    db_.transactionCommitted();
}

WriteScope::WriteScope(Database& db) {
    if (sqlite3_get_autocommit(db.handle()))
        own_ = std::make_unique<Transaction>(db);
}

WriteScope::~WriteScope() = default;

void WriteScope::commit() {
    if (own_)
        own_->commit();
}

} // namespace frontdoor::core
