#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements with typed binding, and
// transactions that roll back unless committed. Parameterised statements only: no SQL is ever built
// from user input.

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace frontdoor::core {

class Database;

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    // Binding, 1-based like SQLite. Empty optionals bind NULL.
    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, const void* data, size_t size);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    /// Binds all arguments in order from index 1.
    template <typename... Args> Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    /// Advances to the next row; false when done. Throws StoreError on failure.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    /// Clears bindings and rewinds, ready for reuse.
    void reset();

    bool isNull(int column) const;
    int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<int64_t> optionalInt64(int column) const;
    std::string blob(int column) const;
    int columnCount() const;
    std::string columnName(int column) const;
    int columnType(int column) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    /// Create: open the file, creating it if needed. Existing: open it only if it exists (SQLite's
    /// "unable to open" otherwise). ReadOnly: an existing file, never written.
    enum class OpenMode { Create, Existing, ReadOnly };
    /// Opens the file at `path`; ":memory:" for an in-memory database.
    explicit Database(const std::string& path, OpenMode mode = OpenMode::Create);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    /// A prepared statement kept for the life of the connection, reset and ready to bind.
    Statement& cached(const std::string& sql);

    int64_t lastInsertRowId() const;
    int changes() const;
    /// First column of the first row, or nullopt when there is no row.
    std::optional<int64_t> queryInt(std::string_view sql);
    std::optional<std::string> queryText(std::string_view sql);
    /// Throws StoreError if the file this connection holds open is no longer the file at its path (deleted,
    /// moved or replaced while open): SQLite would go on writing into the orphaned file, and whatever it
    /// "saved" would be lost when the connection closes. Every commit checks it first.
    void requireFileInPlace() const;
    /// First column of the first row of a cached statement with one text parameter, e.g. a key by id.
    std::optional<int64_t> lookupInt(const std::string& sql, std::string_view parameter);
    std::optional<std::string> lookupText(const std::string& sql, std::string_view parameter);

    /// Called after every Transaction on this connection commits, or rolls back (one listener each;
    /// the fact store uses them to seal its chain head outside the file only once it is durable).
    void onTransactionEnd(std::function<void()> committed, std::function<void()> rolledBack);
    void transactionCommitted();
    void transactionRolledBack();

private:
    sqlite3* db_ = nullptr;
    std::string path_;
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
    struct FileIdentity {
        unsigned long long device = 0;
        unsigned long long inode = 0;
    };
    std::optional<FileIdentity> file_; ///< the file opened, when `path_` names one
    std::function<void()> committed_;
    std::function<void()> rolledBack_;
};

/// BEGIN IMMEDIATE on construction (so a writer never fails half way for want of a lock), ROLLBACK
/// on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

/// A write that is atomic on its own, or part of the caller's larger transaction: begins a transaction
/// only if none is open, and commits only the one it began. Lets importers batch thousands of
/// records into one commit while each service call stays all-or-nothing when called alone.
class WriteScope {
public:
    explicit WriteScope(Database& db);
    ~WriteScope();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;
    void commit();

private:
    std::unique_ptr<Transaction> own_;
};

} // namespace frontdoor::core
