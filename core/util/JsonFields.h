#pragma once
// Reads the fields of one JSON object while collecting every problem as a FieldError named by its
// full path ("children[1].date_of_birth"), so one pass reports all that is wrong with an input.

#include "util/Errors.h"
#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace frontdoor::core {

class JsonFields {
public:
    /// `object` must outlive this reader. If it is not a JSON object, that is reported against `path`.
    JsonFields(const nlohmann::json& object, std::string path, std::vector<FieldError>& errors);

    /// Trimmed text; "" when absent or null. Reports a missing required value or a non-string.
    std::string text(const std::string& key, bool required = false, size_t maxLength = 20000);
    /// YYYY-MM-DD.
    std::optional<Date> date(const std::string& key, bool required = false);
    /// ISO-8601 with an offset or Z.
    std::optional<Instant> instant(const std::string& key, bool required = false);
    std::optional<bool> boolean(const std::string& key, bool required = false);
    std::optional<int64_t> integer(const std::string& key, bool required = false);
    /// A text that must be one of `allowed` (if present or required).
    std::string oneOf(const std::string& key, const std::vector<std::string>& allowed, bool required = false);
    /// The array at `key` (empty when absent); reports a non-array, and one of more than `maxItems`
    /// items (then returning none of them).
    std::vector<const nlohmann::json*> array(const std::string& key, bool required = false, size_t maxItems = 1000);
    /// The object at `key`, or nullptr when absent; reports a non-object.
    const nlohmann::json* object(const std::string& key, bool required = false);
    bool has(const std::string& key) const;

    /// The full path of a key of this object, e.g. "referrer.email".
    std::string pathOf(const std::string& key) const;
    /// Adds a problem for one of this object's keys.
    void fail(const std::string& key, const std::string& problem);
    /// Reports every key that was never read, so a misspelt field name is not silently ignored.
    void rejectUnknownKeys(std::initializer_list<const char*> alsoAllowed = {});

    bool valid() const { return errors_.size() == errorsAtStart_; }
    /// The shared error list, for readers of nested objects.
    std::vector<FieldError>& errors() { return errors_; }

private:
    const nlohmann::json* value(const std::string& key);

    const nlohmann::json& object_;
    std::string path_;
    std::vector<FieldError>& errors_;
    size_t errorsAtStart_;
    std::set<std::string> read_;
    bool isObject_;
};

/// "children" + 2 -> "children[2]".
std::string indexPath(const std::string& path, size_t index);

/// Free text that does not come in a JSON object (an option such as --reason or --note): throws a
/// ValidationError naming `field` when it is longer than `maxLength` characters. docs/cli.md, "Limits",
/// lists every field's limit.
void checkTextLength(const std::string& field, std::string_view text, size_t maxLength);

/// The size of a JSON value kept whole (a draft's body): throws a ValidationError naming `field` when its
/// compact serialisation is longer than `maxBytes`.
void checkJsonSize(const std::string& field, const nlohmann::json& value, size_t maxBytes);

} // namespace frontdoor::core
