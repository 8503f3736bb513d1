#pragma once
// The one reader of JSON that comes from outside: command input files and standard input, rule-set,
// bank-holiday and calendar-settings files (the CLI and the desktop app both read these). It is
// nlohmann/json's own parser, strict (nothing after the document), with a parser callback that bounds
// what a hostile or broken file can do. Every refusal is a ValidationError naming the JSON path (or,
// for the document as a whole, the source) and never repeats more than a short excerpt of the input.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace frontdoor::core {

struct JsonInputLimits {
    /// The largest document read; the longest free-text field is 50,000 characters, so 4 MB leaves
    /// room for the largest rule set or bank-holiday feed many times over.
    size_t maxBytes = 4 * 1024 * 1024;
    /// Objects and arrays inside each other; Frontdoor's own documents need fewer than 10.
    int maxDepth = 64;
    /// The longest object key (a field name or a context-flag id).
    size_t maxKeyBytes = 200;
};

/// Parses one JSON document. Refuses (ValidationError): an empty or over-long document, bytes after
/// it, nesting deeper than the limit, ill-formed UTF-8 anywhere, a NUL character in a key or a string,
/// a key that appears twice in one object (naming it and its path), a key longer than the limit, and
/// a number that does not fit a double (1e400). `source` names the document ("standard input",
/// a file name, "--settings") in errors about the whole document.
nlohmann::json parseJsonInput(std::string_view text, const std::string& source, const JsonInputLimits& limits = {});

/// Reads at most `maxBytes` + 1 bytes of `in` (so an endless stream cannot fill the memory).
std::string readBoundedText(std::istream& in, size_t maxBytes = JsonInputLimits{}.maxBytes);

/// Reads and parses the file at `path`; `field` names it in errors ("--settings", "FILE"): a missing
/// or unreadable file, and every refusal parseJsonInput makes, are ValidationErrors.
nlohmann::json readJsonInputFile(const std::string& path, const std::string& field,
                                 const JsonInputLimits& limits = {});

} // namespace frontdoor::core
