#pragma once
// How names are compared: folded to plain lower-case letters, split into words, and reduced to a
// phonetic key so that "Smyth" finds "Smith" and "Jon" finds "John". Written here because Debian
// packages no C or C++ phonetic library; the algorithm is Lawrence Philips' original Metaphone (1990).

#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core {

/// Lower-case ASCII letters and single spaces: accents folded ("Zoë" -> "zoe", "Łukasz" -> "lukasz"),
/// apostrophes dropped ("O'Brien" -> "obrien"), hyphens and other punctuation become spaces.
std::string foldName(std::string_view name);

/// The words of a folded name ("smith jones" -> {"smith", "jones"}).
std::vector<std::string> nameWords(std::string_view foldedName);

/// Metaphone key of one word, upper case ("smith" -> "SM0", "jon" -> "JN"); "" for an empty word.
std::string metaphone(std::string_view word);

/// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
/// adjacent letters each count one ("jon"/"john" = 1, "smiht"/"smith" = 1).
int editDistance(std::string_view a, std::string_view b);

} // namespace frontdoor::core
