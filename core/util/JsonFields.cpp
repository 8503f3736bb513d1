#include "util/JsonFields.h"

#include "util/Text.h"

#include <algorithm>
#include <limits>

namespace frontdoor::core {
namespace {

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

std::string joinAllowed(const std::vector<std::string>& allowed) {
    std::string text;
    for (size_t i = 0; i < allowed.size(); ++i) {
        if (i > 0)
            text += i + 1 == allowed.size() ? " or " : ", ";
        text += allowed[i];
    }
    return text;
}

} // namespace

std::string indexPath(const std::string& path, size_t index) { return path + "[" + std::to_string(index) + "]"; }

void checkTextLength(const std::string& field, std::string_view text, size_t maxLength) {
    if (text.size() > maxLength && utf8Length(text) > maxLength)
        throw ValidationError(field, "is too long (" + std::to_string(utf8Length(text)) + " characters; at most " +
                                         std::to_string(maxLength) + ")");
}

void checkJsonSize(const std::string& field, const nlohmann::json& value, size_t maxBytes) {
    const size_t size = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
    if (size > maxBytes)
        throw ValidationError(field, "is too large (" + std::to_string(size / 1024) + " KB; at most " +
                                         std::to_string(maxBytes / 1024) + " KB)");
}

JsonFields::JsonFields(const nlohmann::json& object, std::string path, std::vector<FieldError>& errors)
    : object_(object), path_(std::move(path)), errors_(errors), errorsAtStart_(errors.size()),
      isObject_(object.is_object()) {
    if (!isObject_)
        errors_.push_back({path_.empty() ? "(input)" : path_, "must be a JSON object"});
}

std::string JsonFields::pathOf(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

void JsonFields::fail(const std::string& key, const std::string& problem) {
    errors_.push_back({pathOf(key), problem});
}

bool JsonFields::has(const std::string& key) const {
    return isObject_ && object_.contains(key) && !object_.at(key).is_null();
}

const nlohmann::json* JsonFields::value(const std::string& key) {
    read_.insert(key);
    if (!isObject_)
        return nullptr;
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null())
        return nullptr;
    return &*it;
}

std::string JsonFields::text(const std::string& key, bool required, size_t maxLength) {
    const auto* v = value(key);
    if (!v) {
        if (required && isObject_)
            fail(key, "is required");
        return {};
    }
    if (!v->is_string()) {
        fail(key, "must be text");
        return {};
    }
    std::string result = trim(v->get<std::string>());
    if (required && result.empty())
        fail(key, "is required and cannot be blank");
    if (result.size() > maxLength) {
        // Bytes first (cheap, and never fewer than characters), then characters, which people count.
        const size_t characters = utf8Length(result);
        if (characters > maxLength) {
            fail(key, "is too long (" + std::to_string(characters) + " characters; at most " +
                          std::to_string(maxLength) + ")");
            return {}; // so no later check repeats the value
        }
    }
    return result;
}

std::optional<Date> JsonFields::date(const std::string& key, bool required) {
    const std::string raw = text(key, required);
    if (raw.empty())
        return std::nullopt;
    auto parsed = parseDate(raw);
    if (!parsed)
        fail(key, quoteExcerpt(raw) + " is not a date in the form YYYY-MM-DD (years 1400 to 9999)");
    return parsed;
}

std::optional<Instant> JsonFields::instant(const std::string& key, bool required) {
    const std::string raw = text(key, required);
    if (raw.empty())
        return std::nullopt;
    auto parsed = parseInstant(raw);
    if (!parsed)
        fail(key, quoteExcerpt(raw) + " is not a date and time in the form 2026-11-23T10:15:00Z (an offset such as "
                                "+01:00 instead of Z is fine; years 1400 to 9999)");
    return parsed;
}

std::optional<bool> JsonFields::boolean(const std::string& key, bool required) {
    const auto* v = value(key);
    if (!v) {
        if (required && isObject_)
            fail(key, "is required");
        return std::nullopt;
    }
    if (!v->is_boolean()) {
        fail(key, "must be true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<int64_t> JsonFields::integer(const std::string& key, bool required) {
    const auto* v = value(key);
    if (!v) {
        if (required && isObject_)
            fail(key, "is required");
        return std::nullopt;
    }
    if (!v->is_number_integer() ||
        (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))) {
        fail(key, "must be a whole number");
        return std::nullopt;
    }
    return v->get<int64_t>();
}

std::string JsonFields::oneOf(const std::string& key, const std::vector<std::string>& allowed, bool required) {
    const std::string raw = text(key, required);
    if (raw.empty())
        return {};
    if (std::find(allowed.begin(), allowed.end(), raw) == allowed.end()) {
        fail(key, quoteExcerpt(raw) + " is not one of " + joinAllowed(allowed));
        return {};
    }
    return raw;
}

std::vector<const nlohmann::json*> JsonFields::array(const std::string& key, bool required, size_t maxItems) {
    std::vector<const nlohmann::json*> items;
    const auto* v = value(key);
    if (!v) {
        if (required && isObject_)
            fail(key, "is required");
        return items;
    }
    if (!v->is_array()) {
        fail(key, "must be a list");
        return items;
    }
    if (v->size() > maxItems) {
        fail(key, "has " + std::to_string(v->size()) + " items; at most " + std::to_string(maxItems));
        return items;
    }
    for (const auto& item : *v)
        items.push_back(&item);
    return items;
}

const nlohmann::json* JsonFields::object(const std::string& key, bool required) {
    const auto* v = value(key);
    if (!v) {
        if (required && isObject_)
            fail(key, "is required");
        return nullptr;
    }
    if (!v->is_object()) {
        fail(key, "must be a JSON object");
        return nullptr;
    }
    return v;
}

void JsonFields::rejectUnknownKeys(std::initializer_list<const char*> alsoAllowed) {
    if (!isObject_)
        return;
    for (const char* key : alsoAllowed)
        read_.insert(key);
    for (const auto& [key, _] : object_.items())
        if (!read_.count(key))
            fail(key, "is not a field Frontdoor knows (check the spelling)");
}

} // namespace frontdoor::core
