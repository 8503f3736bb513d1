#include "people/NameKeys.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace frontdoor::core {
namespace {

// Folds one Unicode code point from the Latin-1 Supplement and Latin Extended-A blocks to ASCII.
std::string foldCodePoint(uint32_t cp) {
    if (cp < 0x80)
        return std::string(1, static_cast<char>(cp));
    struct Range {
        uint32_t first;
        const char* letters; // one entry per code point, separated by '|'
    };
    static const Range ranges[] = {
        {0xC0, "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|"
               "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y"},
        {0x100, "a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|"
                "i|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|k|l|l|l|l|l|l|l|l|l|l|n|n|n|n|n|n|n|n|n|o|o|o|o|o|o|"
                "oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|s"},
    };
    for (const auto& range : ranges) {
        std::string_view letters(range.letters);
        uint32_t index = 0;
        size_t start = 0;
        while (start <= letters.size()) {
            const size_t bar = letters.find('|', start);
            const size_t end = bar == std::string_view::npos ? letters.size() : bar;
            if (range.first + index == cp)
                return std::string(letters.substr(start, end - start));
            ++index;
            if (bar == std::string_view::npos)
                break;
            start = bar + 1;
        }
    }
    return " ";
}

bool isVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

} // namespace

std::string foldName(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    size_t i = 0;
    while (i < name.size()) {
        const auto byte = static_cast<unsigned char>(name[i]);
        uint32_t cp = byte;
        size_t length = 1;
        if (byte >= 0xF0 && i + 3 < name.size()) {
            cp = ((byte & 0x07u) << 18) | ((name[i + 1] & 0x3Fu) << 12) | ((name[i + 2] & 0x3Fu) << 6) | (name[i + 3] & 0x3Fu);
            length = 4;
        } else if (byte >= 0xE0 && i + 2 < name.size()) {
            cp = ((byte & 0x0Fu) << 12) | ((name[i + 1] & 0x3Fu) << 6) | (name[i + 2] & 0x3Fu);
            length = 3;
        } else if (byte >= 0xC0 && i + 1 < name.size()) {
            cp = ((byte & 0x1Fu) << 6) | (name[i + 1] & 0x3Fu);
            length = 2;
        }
        i += length;
        if (cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == '`')
            continue; // O'Brien -> obrien
        for (char c : foldCodePoint(cp)) {
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            const bool letter = c >= 'a' && c <= 'z';
            if (letter)
                out += c;
            else if (!out.empty() && out.back() != ' ')
                out += ' ';
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::vector<std::string> nameWords(std::string_view foldedName) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start < foldedName.size()) {
        size_t end = foldedName.find(' ', start);
        if (end == std::string_view::npos)
            end = foldedName.size();
        if (end > start)
            words.emplace_back(foldedName.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string metaphone(std::string_view input) {
    std::string w;
    for (char c : input) {
        if (c >= 'a' && c <= 'z')
            w += static_cast<char>(c - 'a' + 'A');
        else if (c >= 'A' && c <= 'Z')
            w += c;
    }
    if (w.empty())
        return {};
    const auto at = [&](size_t i) -> char { return i < w.size() ? w[i] : '\0'; };
    const auto startsWith = [&](std::string_view prefix) { return w.compare(0, prefix.size(), prefix) == 0; };

    std::string key;
    size_t i = 0;
    if (startsWith("AE") || startsWith("GN") || startsWith("KN") || startsWith("PN") || startsWith("WR")) {
        i = 1;
    } else if (w[0] == 'X') {
        key += 'S';
        i = 1;
    } else if (startsWith("WH")) {
        key += 'W';
        i = 2;
    }
    for (; i < w.size(); ++i) {
        const char c = w[i];
        const char prev = i > 0 ? w[i - 1] : '\0';
        const char next = at(i + 1);
        if (c == prev && c != 'C')
            continue;
        switch (c) {
        case 'A': case 'E': case 'I': case 'O': case 'U':
            if (i == 0)
                key += c;
            break;
        case 'B':
            if (!(prev == 'M' && i + 1 == w.size()))
                key += 'B';
            break;
        case 'C':
            if (next == 'I' && at(i + 2) == 'A')
                key += 'X';
            else if (next == 'H')
                key += (prev == 'S') ? 'K' : 'X', ++i;
            else if (next == 'I' || next == 'E' || next == 'Y')
                key += (prev == 'S') ? "" : "S";
            else
                key += 'K';
            break;
        case 'D':
            if (next == 'G' && (at(i + 2) == 'E' || at(i + 2) == 'Y' || at(i + 2) == 'I'))
                key += 'J';
            else
                key += 'T';
            break;
        case 'G':
            if (next == 'H' && i + 2 < w.size() && !isVowel(at(i + 2)))
                break; // "night": silent
            if (next == 'N' && (i + 2 == w.size() || (at(i + 2) == 'E' && at(i + 3) == 'D' && i + 4 == w.size())))
                break; // "sign", "signed"
            if ((next == 'I' || next == 'E' || next == 'Y') && prev != 'G')
                key += 'J';
            else
                key += 'K';
            break;
        case 'H':
            if (isVowel(next) && !(prev == 'C' || prev == 'S' || prev == 'P' || prev == 'T' || prev == 'G'))
                key += 'H';
            break;
        case 'K':
            if (prev != 'C')
                key += 'K';
            break;
        case 'P':
            if (next == 'H')
                key += 'F', ++i;
            else
                key += 'P';
            break;
        case 'Q':
            key += 'K';
            break;
        case 'S':
            if (next == 'H')
                key += 'X', ++i;
            else if (next == 'I' && (at(i + 2) == 'O' || at(i + 2) == 'A'))
                key += 'X';
            else
                key += 'S';
            break;
        case 'T':
            if (next == 'I' && (at(i + 2) == 'O' || at(i + 2) == 'A'))
                key += 'X';
            else if (next == 'H')
                key += '0', ++i;
            else if (!(next == 'C' && at(i + 2) == 'H'))
                key += 'T';
            break;
        case 'V':
            key += 'F';
            break;
        case 'W':
        case 'Y':
            if (isVowel(next))
                key += c;
            break;
        case 'X':
            key += "KS";
            break;
        case 'Z':
            key += 'S';
            break;
        default:
            key += c; // F J L M N R
            break;
        }
    }
    return key.empty() ? w.substr(0, 1) : key;
}

int editDistance(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    const size_t m = b.size();
    std::vector<int> previous2(m + 1), previous(m + 1), current(m + 1);
    for (size_t j = 0; j <= m; ++j)
        previous[j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        for (size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], previous2[j - 2] + 1);
        }
        previous2.swap(previous);
        previous.swap(current);
    }
    return previous[m];
}

} // namespace frontdoor::core
