#include "util/JsonInput.h"

#include "util/Errors.h"
#include "util/Text.h"

#include <cmath>
#include <fstream>
#include <istream>
#include <set>
#include <vector>

namespace frontdoor::core {
namespace {

using Json = nlohmann::json;

// Where the parser is: one frame per open object or array, so a problem is named by its JSON path
// ("children[1].given_name") and a key seen twice in the same object is caught.
class PathTracker {
public:
    void open(bool isArray) {
        startElement();
        frames_.push_back(Frame{isArray, {}, 0, {}});
    }
    void close() {
        if (!frames_.empty())
            frames_.pop_back();
        rootDone_ = frames_.empty();
    }
    /// A scalar value, or the start of a nested object or array, within the current frame.
    void startElement() {
        if (!frames_.empty() && frames_.back().isArray)
            ++frames_.back().count;
    }
    void scalar() {
        startElement();
        rootDone_ = frames_.empty();
    }
    /// Whether the whole document has been read (so a problem now is in bytes after it).
    bool rootDone() const { return rootDone_; }
    /// Returns false when the current object already has `key`.
    bool key(const std::string& key) {
        if (frames_.empty())
            return true;
        frames_.back().key = key;
        return frames_.back().keys.insert(key).second;
    }
    size_t depth() const { return frames_.size(); }

    /// The path of the value being read. `pending` names the element an array is about to read (a
    /// problem found by the lexer comes before the callback that would count it).
    std::string path(bool pending = false) const {
        std::string text;
        for (size_t i = 0; i < frames_.size(); ++i) {
            const Frame& frame = frames_[i];
            if (frame.isArray) {
                const size_t index = (pending && i + 1 == frames_.size()) ? frame.count : (frame.count ? frame.count - 1 : 0);
                text += "[" + std::to_string(index) + "]";
            } else if (!frame.key.empty() || i + 1 < frames_.size()) {
                text += (text.empty() ? "" : ".") + excerpt(frame.key, 60);
            }
        }
        if (text.size() > 120) { // deep nesting: the end of the path says where
            size_t start = text.size() - 100;
            while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
                ++start; // not inside a character
            text = "..." + text.substr(start);
        }
        return text;
    }

private:
    struct Frame {
        bool isArray;
        std::string key;
        size_t count;
        std::set<std::string> keys;
    };
    std::vector<Frame> frames_;
    bool rootDone_ = false;
};

// "line 3, column 14": where byte `offset` of `text` is, for a person with an editor.
std::string position(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// nlohmann's message without its prefix and without "last read: '...'", which repeats the input
// (possibly megabytes of it, possibly ill-formed UTF-8).
std::string reason(const std::string& what) {
    std::string text = what;
    if (const auto last = text.find("; last read"); last != std::string::npos)
        text.erase(last);
    if (const auto column = text.find("column "); column != std::string::npos)
        if (const auto colon = text.find(": ", column); colon != std::string::npos)
            text.erase(0, colon + 2);
    for (const char* noise : {"syntax error while parsing value - ", "syntax error while parsing object key - ",
                              "syntax error while parsing object separator - ", "syntax error while parsing object - ",
                              "syntax error while parsing array - "})
        if (text.rfind(noise, 0) == 0)
            text.erase(0, std::string(noise).size());
    return excerpt(text, 200);
}

[[noreturn]] void refuse(const PathTracker& tracker, const std::string& source, const std::string& problem,
                         bool pending = false) {
    const std::string path = tracker.path(pending);
    throw ValidationError(path.empty() ? source : path, problem);
}

} // namespace

Json parseJsonInput(std::string_view text, const std::string& source, const JsonInputLimits& limits) {
    if (text.size() > limits.maxBytes)
        throw ValidationError(source, "is larger than " + std::to_string(limits.maxBytes / (1024 * 1024)) +
                                          " MB; Frontdoor reads JSON documents of at most that size");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw ValidationError(source, "is empty; expected a JSON document");

    // nlohmann's lexer takes a NUL byte for the end of the input, which would silently drop what follows.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        throw ValidationError(source, "contains a NUL byte (" + position(text, nul) + "), which is not JSON text");

    PathTracker tracker;
    const std::string in = source == "standard input" ? source : excerpt(source, 200);
    const auto callback = [&](int, Json::parse_event_t event, Json& parsed) -> bool {
        switch (event) {
        case Json::parse_event_t::object_start:
        case Json::parse_event_t::array_start:
            tracker.open(event == Json::parse_event_t::array_start);
            if (tracker.depth() > static_cast<size_t>(limits.maxDepth))
                refuse(tracker, source, "is nested more than " + std::to_string(limits.maxDepth) +
                                            " levels deep (objects and lists inside each other) in " + in);
            break;
        case Json::parse_event_t::object_end:
        case Json::parse_event_t::array_end:
            tracker.close();
            break;
        case Json::parse_event_t::key: {
            const auto& key = parsed.get_ref<const std::string&>();
            if (key.size() > limits.maxKeyBytes)
                refuse(tracker, source, "has a key of " + std::to_string(key.size()) + " bytes (" + quoteExcerpt(key) +
                                            "); keys are at most " + std::to_string(limits.maxKeyBytes));
            if (key.find('\0') != std::string::npos)
                refuse(tracker, source, "has a key with a NUL character (\\u0000): " + quoteExcerpt(key));
            if (!tracker.key(key))
                refuse(tracker, source, "appears twice in the same object in " + in +
                                            "; give each field once (the record must not depend on which copy is read)");
            break;
        }
        case Json::parse_event_t::value:
            tracker.scalar();
            if (parsed.is_string() && parsed.get_ref<const std::string&>().find('\0') != std::string::npos)
                refuse(tracker, source, "contains a NUL character (\\u0000), which is not text");
            if (parsed.is_number_float() && !std::isfinite(parsed.get<double>()))
                refuse(tracker, source, "is a number too large to hold");
            break;
        }
        return true;
    };
    try {
        return Json::parse(text, callback, true, false);
    } catch (const Json::parse_error& e) {
        const std::string why = reason(e.what());
        if (tracker.rootDone() || why.find("; expected end of input") != std::string::npos)
            throw ValidationError(source, "has bytes after the end of the JSON document (" + position(text, e.byte - 1) +
                                              "); give one JSON document only");
        const bool utf8 = why.find("UTF-8") != std::string::npos || why.find("surrogate") != std::string::npos ||
                          !isValidUtf8(text);
        refuse(tracker, source,
               (utf8 ? "is not valid UTF-8 text (" : "is not valid JSON (") + position(text, e.byte ? e.byte - 1 : 0) +
                   " of " + in + "): " + why,
               true);
    } catch (const Json::out_of_range&) {
        // 406: a number that overflows a double, e.g. 1e400.
        refuse(tracker, source, "is a number too large to hold (such as 1e400) in " + in, true);
    } catch (const Json::exception& e) {
        refuse(tracker, source, "cannot be read as JSON: " + reason(e.what()), true);
    }
}

std::string readBoundedText(std::istream& in, size_t maxBytes) {
    std::string text;
    char buffer[65536];
    while (text.size() <= maxBytes && in.read(buffer, sizeof buffer).gcount() > 0)
        text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > maxBytes + 1)
        text.resize(maxBytes + 1);
    return text;
}

Json readJsonInputFile(const std::string& path, const std::string& field, const JsonInputLimits& limits) {
    const std::string named = field == path ? std::string() : quoteExcerpt(path, 200) + " ";
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        throw ValidationError(field, named + "cannot be read (no such file, or no permission)");
    const std::string text = readBoundedText(stream, limits.maxBytes);
    if (stream.bad())
        throw ValidationError(field, named + "cannot be read (it may be a folder)");
    return parseJsonInput(text, field == path ? path : field + " (" + path + ")", limits);
}

} // namespace frontdoor::core
