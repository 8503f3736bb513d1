#include "search/SearchLog.h"

#include "users/Roles.h"
#include "users/UserService.h"

namespace frontdoor::core {
namespace {

constexpr size_t kMaxCharacters = 200;

// Valid UTF-8, at most kMaxCharacters characters: a bad byte becomes U+FFFD, a long text ends in "…".
std::string boundedText(const std::string& text) {
    std::string out;
    size_t characters = 0;
    for (size_t i = 0; i < text.size();) {
        if (characters == kMaxCharacters) {
            out += "\xE2\x80\xA6";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (valid && length == 1 && c == 0)
            valid = false;
        if (valid) {
            out.append(text, i, length);
            i += length;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
        ++characters;
    }
    return out;
}

std::string describeQuery(const Json& query) {
    std::string text;
    for (const auto& [key, value] : query.items()) {
        if (value.is_null() || (value.is_string() && value.get<std::string>().empty()))
            continue;
        const std::string shown = value.is_string() ? "\"" + value.get<std::string>() + "\"" : value.dump();
        text += (text.empty() ? "" : ", ") + key + " " + shown;
    }
    return text;
}

} // namespace

Json boundedSearchQuery(const Json& query) {
    Json bounded = Json::object();
    if (!query.is_object())
        return bounded;
    for (const auto& [key, value] : query.items()) {
        if (value.is_string())
            bounded[boundedText(key)] = boundedText(value.get<std::string>());
        else if (value.is_number() || value.is_boolean() || value.is_null())
            bounded[boundedText(key)] = value;
    }
    return bounded;
}

void logSearch(Workspace& workspace, const Actor& actor, const std::string& kind, const Json& query, size_t results) {
    UserService(workspace).require(actor, allRoles(), "Searching");
    WriteScope scope(workspace.db());
    workspace.facts().append(actor, kSearchPerformed, actor.userId,
                             {{"kind", kind}, {"query", boundedSearchQuery(query)}, {"results", results}});
    scope.commit();
}

void registerSearchLog(Projections& projections) {
    projections.describe(kSearchPerformed, [](const Fact& fact) {
        const std::string kind = fact.payload.value("kind", "");
        const std::string what = kind == "person"     ? "Searched people"
                                 : kind == "matching" ? "Looked for matches while recording a contact"
                                                      : "Searched";
        return what + " for " + describeQuery(fact.payload.value("query", Json::object())) + " (" +
               std::to_string(fact.payload.value("results", 0)) + " results)";
    });
}

} // namespace frontdoor::core
