#include "sync/Team.h"

#include "sync/BatchFile.h"
#include "util/Text.h"
#include "util/Uuid.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

namespace frontdoor::core::sync {
namespace {

// Bounds on what a team.json may ask of this desk: beyond them it is damaged or hostile, and an absurd
// memory limit must not make a desk allocate gigabytes.
constexpr uint64_t kMaxOpslimit = 16;
constexpr size_t kMaxMemlimit = size_t{1} << 30;

std::string hexToBytes(const std::string& text) {
    if (text.size() % 2 != 0)
        return {};
    std::string bytes(text.size() / 2, '\0');
    size_t used = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                       nullptr, &used, nullptr) != 0 ||
        used != bytes.size())
        return {};
    return bytes;
}

struct TeamFile {
    std::string teamId;
    std::string mode;
    std::string createdAt;
    std::string salt; ///< raw
    uint64_t opslimit = 0;
    size_t memlimit = 0;
    std::string keyCheck; ///< raw

    Json toJson() const {
        return Json{{"format", "frontdoor-team"},
                    {"format_version", kTeamFormatVersion},
                    {"team_id", teamId},
                    {"mode", mode},
                    {"created_at", createdAt},
                    {"kdf", {{"algorithm", "argon2id13"}, {"salt", toHex(salt)}, {"opslimit", opslimit}, {"memlimit", memlimit}}},
                    {"key_check", toHex(keyCheck)}};
    }
};

TeamFile parseTeamFile(const std::string& text, const std::string& where) {
    const auto damaged = [&where](const std::string& why) {
        return ShareRefused(where + " is not a Frontdoor team file (" + why +
                            "); it was not written by Frontdoor, or it was changed");
    };
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception&) {
        throw damaged("not JSON");
    }
    try {
        if (!json.is_object() || json.value("format", "") != "frontdoor-team")
            throw damaged("no \"format\": \"frontdoor-team\"");
        const int version = json.at("format_version").get<int>();
        if (version > kTeamFormatVersion)
            throw ShareRefused(where + " was written by a newer Frontdoor (team format " + std::to_string(version) +
                               "): upgrade Frontdoor on this desk");
        TeamFile file;
        file.teamId = json.at("team_id").get<std::string>();
        file.mode = json.at("mode").get<std::string>();
        file.createdAt = json.value("created_at", "");
        const Json& kdf = json.at("kdf");
        if (kdf.at("algorithm").get<std::string>() != "argon2id13")
            throw damaged("an unknown key derivation");
        file.salt = hexToBytes(kdf.at("salt").get<std::string>());
        file.opslimit = kdf.at("opslimit").get<uint64_t>();
        file.memlimit = kdf.at("memlimit").get<size_t>();
        file.keyCheck = hexToBytes(json.at("key_check").get<std::string>());
        if (file.teamId.size() != 36)
            throw damaged("its team id is not 36 characters");
        if (!parseDatabaseMode(file.mode))
            throw damaged("an unknown mode");
        if (file.salt.size() != crypto_pwhash_SALTBYTES || file.keyCheck.size() != 32)
            throw damaged("its salt or key check has the wrong length");
        if (file.opslimit < crypto_pwhash_OPSLIMIT_MIN || file.opslimit > kMaxOpslimit ||
            file.memlimit < crypto_pwhash_MEMLIMIT_MIN || file.memlimit > kMaxMemlimit)
            throw damaged("its key derivation limits are out of range");
        return file;
    } catch (const Json::exception&) {
        throw damaged("a field is missing or of the wrong type");
    }
}

std::string deriveKey(const std::string& passphrase, const TeamFile& file) {
    std::string key(kTeamKeySize, '\0');
    if (crypto_pwhash(reinterpret_cast<unsigned char*>(key.data()), key.size(), passphrase.data(), passphrase.size(),
                      reinterpret_cast<const unsigned char*>(file.salt.data()), file.opslimit, file.memlimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw StoreError("cannot derive the team key: not enough memory for the key derivation");
    return key;
}

std::string keyCheck(const std::string& key, const std::string& teamId, const std::string& mode) {
    const std::string message = "frontdoor team key check 1\x1f" + teamId + '\x1f' + mode;
    std::string check(32, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(check.data()), check.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key.data()), key.size());
    return check;
}

bool sameBytes(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string modeWords(const std::string& mode) { return mode == "live" ? "real (live)" : mode; }

TeamFile readTeamFile(const ShareTransport& share) {
    const auto text = share.read(kTeamFile);
    if (!text)
        throw ShareUnreachable(ShareFault::Missing,
                               "the share " + share.describe() + " has no " + kTeamFile +
                                   ": it is not the team's shared folder, or it was emptied or replaced; this desk "
                                   "keeps working and publishes when the team's share is back");
    return parseTeamFile(*text, share.describe() + "/" + kTeamFile);
}

} // namespace

KdfLimits KdfLimits::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfLimits KdfLimits::minimum() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

KdfLimits KdfLimits::fromEnvironment() {
    const char* setting = std::getenv("FRONTDOOR_SYNC_KDF");
    return setting && std::strcmp(setting, "fast") == 0 ? minimum() : interactive();
}

std::optional<DeskTeam> loadDeskTeam(Database& db) {
    Statement stmt = db.prepare("SELECT team_id, mode, team_key, share_path, joined_at FROM sync_team WHERE one = 1");
    if (!stmt.step())
        return std::nullopt;
    DeskTeam team;
    team.teamId = stmt.text(0);
    team.mode = stmt.text(1);
    team.key = stmt.blob(2);
    team.sharePath = stmt.text(3);
    team.joinedAt = parseInstant(stmt.text(4)).value_or(Instant{});
    return team;
}

void saveSharePath(Database& db, const std::string& sharePath) {
    WriteScope scope(db);
    db.prepare("UPDATE sync_team SET share_path = ? WHERE one = 1").bindAll(sharePath).run();
    scope.commit();
}

JoinResult joinTeam(Workspace& workspace, ShareTransport& share, const std::string& passphrase,
                    const KdfLimits& limits) {
    if (passphrase.empty())
        throw ValidationError("FRONTDOOR_TEAM_PASSPHRASE", "set it to the team passphrase (the same at every desk)");
    if (sodium_init() < 0)
        throw StoreError("cannot start libsodium");
    share.checkReachable();
    const std::string deskMode = toString(workspace.mode());
    const auto already = loadDeskTeam(workspace.db());

    JoinResult result;
    result.share = share.describe();
    std::optional<std::string> text = share.read(kTeamFile);
    TeamFile file;
    std::string key;
    if (!text) {
        // The first desk: this share becomes the team's. The passphrase chosen here is the team's.
        if (utf8Length(passphrase) < kMinPassphraseLength)
            throw ValidationError("FRONTDOOR_TEAM_PASSPHRASE",
                                  "a new team's passphrase must be at least " + std::to_string(kMinPassphraseLength) +
                                      " characters (it protects children's records on the share)");
        if (already)
            throw ShareRefused("this desk already belongs to team " + already->teamId + " (share " +
                               already->sharePath + "); " + share.describe() +
                               " holds no team. Point --share at the team's folder");
        file.teamId = newUuidV7(workspace.clock().now());
        file.mode = deskMode;
        file.createdAt = formatInstant(workspace.clock().now());
        file.salt.assign(crypto_pwhash_SALTBYTES, '\0');
        randombytes_buf(file.salt.data(), file.salt.size());
        file.opslimit = limits.opslimit;
        file.memlimit = limits.memlimit;
        key = deriveKey(passphrase, file);
        file.keyCheck = keyCheck(key, file.teamId, file.mode);
        if (share.writeNew(kTeamFile, file.toJson().dump(2) + "\n")) {
            result.createdTeam = true;
        } else {
            text = share.read(kTeamFile); // another desk made the team at the same moment: join theirs
            if (!text)
                throw ShareUnreachable(ShareFault::Io, "cannot read " + share.describe() + "/" + kTeamFile);
        }
    }
    if (!result.createdTeam) {
        file = parseTeamFile(*text, share.describe() + "/" + kTeamFile);
        if (already && already->teamId != file.teamId)
            throw ShareRefused(share.describe() + " belongs to another team (" + file.teamId +
                               "); this desk belongs to team " + already->teamId +
                               ". Nothing was changed");
        if (file.mode != deskMode)
            throw ShareRefused("this is a " + modeWords(deskMode) + " database and " + share.describe() +
                               " is a " + modeWords(file.mode) + " team's share: a " + modeWords(deskMode) +
                               " database never joins it. Nothing was changed");
        key = deriveKey(passphrase, file);
        if (!sameBytes(keyCheck(key, file.teamId, file.mode), file.keyCheck))
            throw ShareRefused("the team passphrase is not the one this share's team uses (check "
                               "FRONTDOOR_TEAM_PASSPHRASE with the person who set up the team). Nothing was changed");
    }
    share.makeFolders("devices/" + workspace.facts().deviceId() + "/out");
    Transaction transaction(workspace.db());
    workspace.db()
        .prepare("INSERT OR REPLACE INTO sync_team(one, team_id, mode, team_key, share_path, joined_at) "
                 "VALUES (1, ?, ?, ?, ?, ?)")
        .bindAll(file.teamId, file.mode)
        .bindBlob(3, key.data(), key.size())
        .bind(4, share.describe())
        .bind(5, formatInstant(workspace.clock().now()))
        .run();
    transaction.commit();
    result.teamId = file.teamId;
    result.mode = file.mode;
    return result;
}

void checkTeamFile(const ShareTransport& share, const DeskTeam& team) {
    share.checkReachable();
    const TeamFile file = readTeamFile(share);
    if (file.teamId != team.teamId)
        throw ShareRefused(share.describe() + " belongs to another team (" + file.teamId + "), not this desk's (" +
                           team.teamId + "): nothing was published or applied");
    if (!sameBytes(keyCheck(team.key, file.teamId, file.mode), file.keyCheck))
        throw ShareRefused(share.describe() + "/" + kTeamFile +
                           " no longer matches this desk's team key (it was changed): nothing was published or "
                           "applied");
}

} // namespace frontdoor::core::sync
