#include "store/DeskSeal.h"

#include "store/DataLocation.h"
#include "util/Errors.h"
#include "util/Text.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace frontdoor::core {
namespace {

namespace fs = std::filesystem;

std::string fromHex(const std::string& text) {
    std::string bytes(text.size() / 2, '\0');
    size_t used = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                       nullptr, &used, nullptr) != 0 ||
        used != bytes.size())
        return {};
    return bytes;
}

std::optional<std::string> readWhole(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return std::nullopt;
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

void makePrivateFolder(const std::string& folder) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        throw StoreError("cannot create the desk's key folder " + folder + ": " + error.message());
#ifndef _WIN32
    ::chmod(folder.c_str(), 0700);
#endif
}

/// Writes `text` to a new file readable by its owner only (flushed to disk with `durable`). False if
/// the file already exists.
bool writeNewPrivateFile(const std::string& path, const std::string& text, bool durable) {
#ifndef _WIN32
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return false;
        throw StoreError("cannot write " + path + ": " + std::strerror(errno));
    }
    const char* data = text.data();
    size_t left = text.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written <= 0) {
            ::close(fd);
            throw StoreError("cannot write " + path + ": " + std::strerror(errno));
        }
        data += written;
        left -= static_cast<size_t>(written);
    }
    if (durable)
        ::fsync(fd);
    ::close(fd);
    return true;
#else
    (void)durable;
    if (fs::exists(path))
        return false;
    std::ofstream stream(path, std::ios::binary);
    stream << text;
    if (!stream)
        throw StoreError("cannot write " + path);
    return true;
#endif
}

std::string mac(const std::string& message, const std::string& key) {
    unsigned char out[crypto_auth_BYTES];
    crypto_auth(out, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                reinterpret_cast<const unsigned char*>(key.data()));
    return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

} // namespace

std::string DeskSeal::defaultFolder() { return defaultDataFolder() + "/desk-keys"; }

DeskSeal::DeskSeal(std::string folder, std::string deviceId, std::string mode)
    : folder_(std::move(folder)), deviceId_(std::move(deviceId)), mode_(std::move(mode)) {
    if (sodium_init() < 0)
        throw StoreError("libsodium could not be initialised");
}

std::string DeskSeal::keyPath() const { return folder_ + "/" + deviceId_ + ".key"; }
std::string DeskSeal::headPath() const { return folder_ + "/" + deviceId_ + ".head"; }

const DeskSeal::Key* DeskSeal::key() const {
    if (key_)
        return &*key_;
    const auto text = readWhole(keyPath());
    if (!text)
        return nullptr;
    try {
        const auto json = nlohmann::json::parse(*text);
        Key key{fromHex(json.at("key").get<std::string>()), json.at("sealed_from").get<int64_t>(),
                json.value("mode", std::string())};
        if (key.bytes.size() != crypto_auth_KEYBYTES || json.value("device_id", std::string()) != deviceId_)
            return nullptr;
        key_ = std::move(key);
    } catch (const std::exception&) {
        return nullptr;
    }
    return &*key_;
}

bool DeskSeal::hasKey() const { return key() != nullptr; }

std::optional<int64_t> DeskSeal::sealedFrom() const {
    const Key* k = key();
    return k ? std::optional<int64_t>(k->sealedFrom) : std::nullopt;
}

std::optional<std::string> DeskSeal::keyMode() const {
    const Key* k = key();
    return k ? std::optional<std::string>(k->mode) : std::nullopt;
}

std::string DeskSeal::seal(const std::string& factHashHex, int64_t deviceSeq) {
    if (!key()) {
        if (fs::exists(keyPath()))
            throw StoreError("the desk key " + keyPath() + " cannot be read; facts cannot be sealed");
        makePrivateFolder(folder_);
        unsigned char bytes[crypto_auth_KEYBYTES];
        crypto_auth_keygen(bytes);
        const nlohmann::json json{{"device_id", deviceId_},
                                  {"key", toHex(std::string(reinterpret_cast<const char*>(bytes), sizeof bytes))},
                                  {"sealed_from", deviceSeq},
                                  {"mode", mode_}};
        sodium_memzero(bytes, sizeof bytes);
        // Another process may have made the key a moment ago: then use theirs.
        writeNewPrivateFile(keyPath(), json.dump() + "\n", true);
        if (!key())
            throw StoreError("the desk key " + keyPath() + " cannot be read; facts cannot be sealed");
    }
    return mac(factHashHex, key_->bytes);
}

std::optional<bool> DeskSeal::check(const std::string& factHashHex, const std::string& seal) const {
    const Key* k = key();
    if (!k)
        return std::nullopt;
    return seal.size() == crypto_auth_BYTES &&
           crypto_auth_verify(reinterpret_cast<const unsigned char*>(seal.data()),
                              reinterpret_cast<const unsigned char*>(factHashHex.data()), factHashHex.size(),
                              reinterpret_cast<const unsigned char*>(k->bytes.data())) == 0;
}

std::string DeskSeal::headMac(const Head& head, const Key& key) const {
    return toHex(mac("head\x1f" + deviceId_ + '\x1f' + std::to_string(head.seq) + '\x1f' + head.hash, key.bytes));
}

std::pair<DeskSeal::HeadState, DeskSeal::Head> DeskSeal::readHead() const {
    const auto text = readWhole(headPath());
    if (!text)
        return {HeadState::Missing, {}};
    const Key* k = key();
    try {
        const auto json = nlohmann::json::parse(*text);
        Head head{json.at("seq").get<int64_t>(), json.at("hash").get<std::string>()};
        const bool holds = k && json.value("device_id", std::string()) == deviceId_ &&
                           json.value("mac", std::string()) == headMac(head, *k);
        return {holds ? HeadState::Valid : HeadState::Altered, head};
    } catch (const std::exception&) {
        return {HeadState::Altered, {}};
    }
}

void DeskSeal::writeHead(const Head& head) {
    const Key* k = key();
    if (!k)
        return;
    if (const auto [state, current] = readHead(); state == HeadState::Valid && current.seq >= head.seq)
        return;
    const nlohmann::json json{{"device_id", deviceId_}, {"seq", head.seq}, {"hash", head.hash},
                              {"mac", headMac(head, *k)}};
    makePrivateFolder(folder_);
#ifndef _WIN32
    const std::string temporary = headPath() + ".tmp-" + std::to_string(::getpid());
#else
    const std::string temporary = headPath() + ".tmp";
#endif
    std::error_code ignored;
    fs::remove(temporary, ignored);
    // Not flushed: an fsync per commit would cost more than the commit itself (about 12 ms here). After a
    // power cut the head may lag the file by the last commits, which verify accepts (a head behind the
    // newest fact is not a deletion); the key, written once, is flushed.
    if (!writeNewPrivateFile(temporary, json.dump() + "\n", false))
        return;
    fs::rename(temporary, headPath());
}

} // namespace frontdoor::core
