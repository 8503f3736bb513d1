#pragma once
// The files of resources/data, compiled in. Looked up by file name, e.g. "bank-holidays-england-wales.json".

#include <optional>
#include <string_view>
#include <vector>

namespace frontdoor::resources {

/// The bytes of an embedded file, or nullopt if no file of that name was embedded.
std::optional<std::string_view> embedded(std::string_view name);

/// Names of all embedded files.
std::vector<std::string_view> embeddedNames();

} // namespace frontdoor::resources
