#include "sync/ShareTransport.h"

#include "util/Text.h"

#include <sodium.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace frontdoor::core::sync {
namespace {

namespace fs = std::filesystem;

ShareFault faultOf(int error) {
    switch (error) {
    case ENOENT:
    case ENOTDIR:
    case ENODEV:
    case ENXIO:
    case EHOSTDOWN:
    case EHOSTUNREACH:
    case ENETUNREACH:
    case ESTALE:
        return ShareFault::Missing;
    case EACCES:
    case EPERM:
        return ShareFault::PermissionDenied;
    case EROFS:
        return ShareFault::ReadOnly;
    case ENOSPC:
    case EDQUOT:
        return ShareFault::NoSpace;
    default:
        return ShareFault::Io;
    }
}

std::string wordsFor(ShareFault fault) {
    switch (fault) {
    case ShareFault::Missing:
        return "it is not there (is the drive mapped and the network up?)";
    case ShareFault::PermissionDenied:
        return "permission denied (ask IT to give this desk's account read and write access)";
    case ShareFault::ReadOnly:
        return "the share is read-only";
    case ShareFault::NoSpace:
        return "the share is full (no space left, or over its quota)";
    case ShareFault::Io:
        break;
    }
    return "the drive reported an error";
}

[[noreturn]] void fail(int error, const std::string& what, const std::string& path) {
    const ShareFault fault = faultOf(error);
    throw ShareUnreachable(fault, "cannot " + what + " " + path + ": " + wordsFor(fault) + " (" +
                                      std::strerror(error) + ")");
}

void syncFolder(const std::string& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Antivirus scanners and backup agents hold new files open for a moment: an open or rename refused as
// busy is tried again with back-off (about a second in all) before it counts as a failure.
bool transient(int error) { return error == EBUSY || error == EAGAIN || error == ETXTBSY || error == EINTR; }

template <typename Call> int withRetries(Call call) {
    int result = call();
    for (int attempt = 0; result < 0 && transient(errno) && attempt < 5; ++attempt) {
        ::usleep(static_cast<useconds_t>(50000) << attempt);
        result = call();
    }
    return result;
}

std::string parentOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

} // namespace

bool isTemporaryName(const std::string& name) {
    return name.size() > 4 && name.front() == '.' && name.compare(name.size() - 4, 4, ".tmp") == 0;
}

bool ShareTransport::writeNew(const std::string& path, const std::string& bytes) {
    const std::string temporary = writeTemporary(parentOf(path), bytes);
    bool renamed = false;
    try {
        renamed = renameNoReplace(temporary, path);
    } catch (...) {
        try {
            remove(temporary);
        } catch (...) {
        }
        throw;
    }
    if (!renamed) {
        try {
            remove(temporary);
        } catch (...) {
        }
    }
    return renamed;
}

FolderTransport::FolderTransport(std::string root) : root_(std::move(root)) {
    while (root_.size() > 1 && root_.back() == '/')
        root_.pop_back();
}

std::string FolderTransport::full(const std::string& path) const { return path.empty() ? root_ : root_ + "/" + path; }

void FolderTransport::checkReachable() const {
    struct stat info {};
    if (::stat(root_.c_str(), &info) != 0)
        fail(errno, "reach the share", root_);
    if (!S_ISDIR(info.st_mode))
        throw ShareUnreachable(ShareFault::Missing, "the share " + root_ + " is a file, not a folder");
    if (::access(root_.c_str(), R_OK | X_OK) != 0)
        fail(errno, "read the share", root_);
}

std::vector<std::string> FolderTransport::list(const std::string& folder) const {
    std::vector<std::string> names;
    std::error_code error;
    fs::directory_iterator it(full(folder), error);
    if (error) {
        if (error.value() == ENOENT)
            return names;
        fail(error.value(), "list", full(folder));
    }
    for (; it != fs::directory_iterator(); it.increment(error)) {
        if (error)
            fail(error.value(), "list", full(folder));
        names.push_back(it->path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> FolderTransport::read(const std::string& path) const {
    const std::string name = full(path);
    const int fd = withRetries([&] { return ::open(name.c_str(), O_RDONLY | O_CLOEXEC); });
    if (fd < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        fail(errno, "read", name);
    }
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            fail(error, "read", name);
        }
        if (got == 0)
            break;
        bytes.append(buffer, static_cast<size_t>(got));
    }
    ::close(fd);
    return bytes;
}

void FolderTransport::makeFolders(const std::string& folder) {
    std::error_code error;
    fs::create_directories(full(folder), error);
    if (error)
        fail(error.value(), "create the folder", full(folder));
}

std::string FolderTransport::writeTemporary(const std::string& folder, const std::string& bytes) {
    if (sodium_init() < 0)
        throw ShareUnreachable(ShareFault::Io, "cannot start libsodium");
    unsigned char random[8];
    randombytes_buf(random, sizeof random);
    const std::string relative = (folder.empty() ? "" : folder + "/") + "." +
                                 toHex(std::string(reinterpret_cast<const char*>(random), sizeof random)) + ".tmp";
    const std::string name = full(relative);
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(errno, "write to", full(folder));
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t put = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (put < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            ::unlink(name.c_str());
            fail(error, "write", name);
        }
        written += static_cast<size_t>(put);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(name.c_str());
        fail(error, "flush", name);
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(name.c_str());
        fail(error, "close", name);
    }
    return relative;
}

bool FolderTransport::renameNoReplace(const std::string& temporary, const std::string& path) {
    const std::string from = full(temporary);
    const std::string to = full(path);
    if (withRetries([&] { return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE); }) == 0) {
        syncFolder(full(parentOf(path)));
        return true;
    }
    if (errno == EEXIST)
        return false;
    if (errno != EINVAL && errno != ENOSYS)
        fail(errno, "publish", to);
    // A file system without renameat2 (SMB mounts, some FUSE): link() refuses an existing name too.
    if (withRetries([&] { return ::link(from.c_str(), to.c_str()); }) != 0) {
        if (errno == EEXIST)
            return false;
        fail(errno, "publish", to);
    }
    ::unlink(from.c_str());
    syncFolder(full(parentOf(path)));
    return true;
}

void FolderTransport::remove(const std::string& path) {
    if (::unlink(full(path).c_str()) != 0 && errno != ENOENT)
        fail(errno, "remove", full(path));
}

// FaultyTransport ---------------------------------------------------------------------------------

void FaultyTransport::failReads() const {
    if (fault_ == Fault::Missing)
        throw ShareUnreachable(ShareFault::Missing, "cannot reach the share " + describe() +
                                                        ": it is not there (is the drive mapped and the network up?)");
    if (fault_ == Fault::PermissionDenied)
        throw ShareUnreachable(ShareFault::PermissionDenied,
                               "cannot read the share " + describe() +
                                   ": permission denied (ask IT to give this desk's account read and write access)");
}

void FaultyTransport::failWrites() {
    if (writes_ < writesBeforeFault_)
        return;
    failReads();
    if (fault_ == Fault::ReadOnly)
        throw ShareUnreachable(ShareFault::ReadOnly, "cannot write to " + describe() + ": the share is read-only");
}

void FaultyTransport::checkReachable() const {
    failReads();
    inner_.checkReachable();
}

std::vector<std::string> FaultyTransport::list(const std::string& folder) const {
    failReads();
    return inner_.list(folder);
}

std::optional<std::string> FaultyTransport::read(const std::string& path) const {
    failReads();
    if (fault_ == Fault::KillOnRead && path.size() > 4 && path.compare(path.size() - 4, 4, ".fdb") == 0 &&
        reads_++ >= writesBeforeFault_)
        ::raise(SIGKILL);
    return inner_.read(path);
}

void FaultyTransport::makeFolders(const std::string& folder) {
    if (fault_ != Fault::DiskFullMidWrite)
        failWrites();
    inner_.makeFolders(folder);
}

std::string FaultyTransport::writeTemporary(const std::string& folder, const std::string& bytes) {
    failWrites();
    if (fault_ == Fault::DiskFullMidWrite && writes_ >= writesBeforeFault_) {
        // Half the file reaches the disk, then the share is full: the partial temporary file stays.
        inner_.writeTemporary(folder, bytes.substr(0, bytes.size() / 2));
        throw ShareUnreachable(ShareFault::NoSpace, "cannot write to " + describe() +
                                                        ": the share is full (no space left, or over its quota)");
    }
    ++writes_;
    return inner_.writeTemporary(folder, bytes);
}

bool FaultyTransport::renameNoReplace(const std::string& temporary, const std::string& path) {
    const bool armed = writes_ > writesBeforeFault_;
    if (fault_ == Fault::KillBeforeRename && armed)
        ::raise(SIGKILL);
    const bool renamed = inner_.renameNoReplace(temporary, path);
    if (fault_ == Fault::KillAfterRename && armed)
        ::raise(SIGKILL);
    return renamed;
}

void FaultyTransport::remove(const std::string& path) {
    if (fault_ == Fault::Missing || fault_ == Fault::PermissionDenied || fault_ == Fault::ReadOnly)
        failWrites();
    inner_.remove(path);
}

} // namespace frontdoor::core::sync
