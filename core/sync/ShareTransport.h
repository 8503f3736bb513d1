#pragma once
// The shared folder, behind an interface: the sync code never touches the file system directly, so a
// region that outgrows one folder can move the same immutable batch files elsewhere, and tests can make
// the share fail in ways CI's file system cannot (running as root, chmod never refuses a write).
//
// Paths are relative to the share's root and use "/" ("devices/<id>/out/00000001.fdb").

#include "util/Errors.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core::sync {

/// Why the share could not be used this round. The desk keeps working and tries again next round.
enum class ShareFault { Missing, PermissionDenied, ReadOnly, NoSpace, Io };

/// The share cannot be reached or written: kind "unreachable"; the message says why in plain words.
class ShareUnreachable : public Error {
public:
    ShareUnreachable(ShareFault fault, const std::string& message) : Error("unreachable", message), fault_(fault) {}
    ShareFault fault() const { return fault_; }

private:
    ShareFault fault_;
};

/// The share was reached but this desk may not use it (another team's, a wrong passphrase, demo against
/// live, a cloned desk): kind "refused".
class ShareRefused : public Error {
public:
    explicit ShareRefused(const std::string& message) : Error("refused", message) {}
};

class ShareTransport {
public:
    virtual ~ShareTransport() = default;

    /// Where the share is, for messages ("/mnt/icart/frontdoor").
    virtual std::string describe() const = 0;
    /// Throws ShareUnreachable(Missing) when the share's root folder is not there (an unmounted drive).
    virtual void checkReachable() const = 0;
    /// Names in a folder (files and folders, no "." or ".."), sorted; empty when the folder does not exist.
    /// Throws ShareUnreachable when the folder exists but cannot be read.
    virtual std::vector<std::string> list(const std::string& folder) const = 0;
    /// A whole file's bytes, or nullopt when there is no such file. Throws ShareUnreachable otherwise.
    virtual std::optional<std::string> read(const std::string& path) const = 0;
    /// Creates a folder and its parents (nothing if they exist).
    virtual void makeFolders(const std::string& folder) = 0;
    /// Writes `bytes` to a new temporary file in `folder` (a name starting with "." and ending ".tmp"),
    /// flushed to disk (fsync), and returns its path. On failure throws ShareUnreachable; a partial
    /// temporary file may be left behind (as a crash or a full disk would leave it).
    virtual std::string writeTemporary(const std::string& folder, const std::string& bytes) = 0;
    /// Renames `temporary` to `path` unless `path` exists (never replacing it): false, and `temporary`
    /// still there, when it does. The folder is flushed after the rename.
    virtual bool renameNoReplace(const std::string& temporary, const std::string& path) = 0;
    /// Removes one file (used for this desk's own temporary files and its own damaged files only).
    virtual void remove(const std::string& path) = 0;

    /// Writes a new immutable file at `path`: temporary name, fsync, rename without replacing. Returns
    /// false (and leaves nothing behind) when a file of that name already exists.
    bool writeNew(const std::string& path, const std::string& bytes);
};

/// Temporary files never count as published: "." + anything + ".tmp".
bool isTemporaryName(const std::string& name);

/// The share as a folder on a mounted drive.
class FolderTransport : public ShareTransport {
public:
    explicit FolderTransport(std::string root);
    std::string describe() const override { return root_; }
    void checkReachable() const override;
    std::vector<std::string> list(const std::string& folder) const override;
    std::optional<std::string> read(const std::string& path) const override;
    void makeFolders(const std::string& folder) override;
    std::string writeTemporary(const std::string& folder, const std::string& bytes) override;
    bool renameNoReplace(const std::string& temporary, const std::string& path) override;
    void remove(const std::string& path) override;

private:
    std::string full(const std::string& path) const;
    std::string root_;
};

/// For tests: a transport that fails as a council's share does. Faults apply to every call from the
/// moment they are set until cleared.
class FaultyTransport : public ShareTransport {
public:
    enum class Fault {
        None,
        Missing,          ///< the drive is not mounted: every call fails
        PermissionDenied, ///< reads and writes are refused
        ReadOnly,         ///< reads work; every write is refused
        DiskFullMidWrite, ///< reads work; a write stops half way with "no space left", leaving a partial temporary file
        // The process is killed (SIGKILL), as by a power cut, for the crash scenarios (run in a child process):
        KillBeforeRename, ///< the file is written and flushed under its temporary name, not yet renamed
        KillAfterRename,  ///< the file is in place under its final name, not yet recorded by the desk
        KillOnRead,       ///< on a read of a batch file, after `failAfterWrites` reads
    };
    explicit FaultyTransport(ShareTransport& inner) : inner_(inner) {}
    void setFault(Fault fault) { fault_ = fault; }
    Fault fault() const { return fault_; }
    /// Writes (or, for KillOnRead, batch file reads) that succeed before the fault begins (e.g. 1: the
    /// first file is written, the second fails).
    void failAfterWrites(int writes) { writesBeforeFault_ = writes; }
    int writes() const { return writes_; }

    std::string describe() const override { return inner_.describe(); }
    void checkReachable() const override;
    std::vector<std::string> list(const std::string& folder) const override;
    std::optional<std::string> read(const std::string& path) const override;
    void makeFolders(const std::string& folder) override;
    std::string writeTemporary(const std::string& folder, const std::string& bytes) override;
    bool renameNoReplace(const std::string& temporary, const std::string& path) override;
    void remove(const std::string& path) override;

private:
    void failReads() const;
    void failWrites();
    ShareTransport& inner_;
    Fault fault_ = Fault::None;
    int writesBeforeFault_ = 0;
    int writes_ = 0;
    mutable int reads_ = 0;
};

} // namespace frontdoor::core::sync
