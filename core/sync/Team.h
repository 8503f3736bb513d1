#pragma once
// The team a desk syncs with. The first desk to join a share writes team.json there:
//   {"format": "frontdoor-team", "format_version": 1, "team_id", "mode": "live"|"training"|"demo",
//    "created_at", "kdf": {"algorithm": "argon2id13", "salt", "opslimit", "memlimit"}, "key_check"}
// Each desk derives the team key from the team passphrase with Argon2id (libsodium crypto_pwhash) and
// those parameters, and checks it against key_check (a keyed BLAKE2b of the team id and mode). The key
// stays on the desk, in its sync_team row (desk-local, never a fact, never on the share).

#include "Workspace.h"
#include "sync/ShareTransport.h"
#include "util/Instant.h"

#include <cstdint>
#include <optional>
#include <string>

namespace frontdoor::core::sync {

inline constexpr const char* kTeamFile = "team.json";
inline constexpr int kTeamFormatVersion = 1;
inline constexpr size_t kMinPassphraseLength = 12;

/// Argon2id cost. Production uses libsodium's INTERACTIVE limits; FRONTDOOR_SYNC_KDF=fast (tests and
/// CI only) uses the minimum, so a suite that joins dozens of desks stays quick.
struct KdfLimits {
    uint64_t opslimit = 0;
    size_t memlimit = 0;
    static KdfLimits interactive();
    static KdfLimits minimum();
    /// interactive(), or minimum() when FRONTDOOR_SYNC_KDF=fast.
    static KdfLimits fromEnvironment();
};

/// What this desk knows about its team (the sync_team row).
struct DeskTeam {
    std::string teamId;
    std::string mode;
    std::string key; ///< 32 raw bytes
    std::string sharePath;
    Instant joinedAt;
};

/// The desk's team, or nullopt before it has joined one.
std::optional<DeskTeam> loadDeskTeam(Database& db);
/// Remembers a different share path for the team (after `sync --share DIR` reached it).
void saveSharePath(Database& db, const std::string& sharePath);

struct JoinResult {
    std::string teamId;
    std::string mode;
    std::string share;
    bool createdTeam = false; ///< this desk was the first and wrote team.json
};

/// Joins the team whose share `share` is (or makes the share a team's, when it has no team.json).
/// Throws ValidationError for a missing or too short passphrase (field FRONTDOOR_TEAM_PASSPHRASE),
/// ShareUnreachable when the share cannot be reached or written, and ShareRefused for a wrong
/// passphrase, another team's share when this desk already belongs to a team, or a share whose mode
/// (live, training, demo) differs from this database's. Nothing is saved unless it succeeds.
JoinResult joinTeam(Workspace& workspace, ShareTransport& share, const std::string& passphrase,
                    const KdfLimits& limits = KdfLimits::fromEnvironment());

/// Checks, each round, that the share is still this desk's team's: ShareUnreachable when the share or
/// its team.json is missing (a missing or emptied share is never read as "everything was deleted"),
/// ShareRefused when team.json names another team or does not match the desk's key.
void checkTeamFile(const ShareTransport& share, const DeskTeam& team);

} // namespace frontdoor::core::sync
