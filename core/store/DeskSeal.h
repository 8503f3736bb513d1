#pragma once
// The desk's seal on its fact log, kept OUTSIDE the database file, so that someone who edits the file
// with a SQLite shell cannot make the edit look genuine:
//  - a per-desk secret key (32 random bytes) in <folder>/<device>.key, mode 0600, created with the
//    desk's first sealed fact, with the first sealed sequence number and the database's mode;
//  - every fact's hash is sealed with a keyed MAC (libsodium crypto_auth, HMAC-SHA-512-256) under that
//    key and the seal stored with the fact (facts.seal), so a changed fact whose plain SHA-256 chain
//    was recomputed no longer matches its seal;
//  - the chain head (device, newest sequence number, its hash), sealed under the same key, in
//    <folder>/<device>.head, rewritten after each commit, so deleting the newest facts (and
//    rebuilding the projection to hide them) leaves the file shorter than its sealed head.
// The folder is <data folder>/desk-keys (store/DataLocation.h: $XDG_DATA_HOME/frontdoor/desk-keys,
// default ~/.local/share/frontdoor/desk-keys; %APPDATA%/frontdoor/desk-keys on Windows), 0700.
// What it cannot stop: someone who can read the key file (the desk's own account, or root) can forge
// seals; only the other desks' copies (verify --share, with sync) can then show the history was rewritten.

#include <cstdint>
#include <optional>
#include <string>

namespace frontdoor::core {

class DeskSeal {
public:
    /// <data folder>/desk-keys.
    static std::string defaultFolder();

    DeskSeal(std::string folder, std::string deviceId, std::string mode);

    const std::string& folder() const { return folder_; }
    std::string keyPath() const;
    std::string headPath() const;

    /// True when this desk's key file exists (and can be read).
    bool hasKey() const;
    /// The first sequence number sealed on this desk and the mode recorded with the key; nullopt without a key.
    std::optional<int64_t> sealedFrom() const;
    std::optional<std::string> keyMode() const;

    /// The seal (raw MAC bytes) of a fact hash (hex). Creates the key, 0600, on first use, recording
    /// `deviceSeq` as the first sealed fact. Throws StoreError if the key cannot be written or read.
    std::string seal(const std::string& factHashHex, int64_t deviceSeq);
    /// Whether `seal` is the MAC of `factHashHex` under this desk's key; nullopt without a key.
    std::optional<bool> check(const std::string& factHashHex, const std::string& seal) const;

    struct Head {
        int64_t seq = 0;
        std::string hash; ///< hex
    };
    enum class HeadState { Missing, Valid, Altered };
    /// The sealed chain head, and whether its seal holds.
    std::pair<HeadState, Head> readHead() const;
    /// Writes the head (atomically: temporary file, then rename), unless a head already sealed there
    /// is at or past `head.seq` (another process beside this one may have committed later facts).
    void writeHead(const Head& head);

private:
    struct Key {
        std::string bytes;
        int64_t sealedFrom = 0;
        std::string mode;
    };
    const Key* key() const;
    std::string headMac(const Head& head, const Key& key) const;

    std::string folder_;
    std::string deviceId_;
    std::string mode_;
    mutable std::optional<Key> key_;
};

} // namespace frontdoor::core
