#pragma once
// The search box (Ctrl+K): finds people and contacts from a few typed characters, as-you-type and
// forgiving: each word matches the start of any name a person is known by, or sounds like one; a
// date (12/03/2015 or 2015-03-12) matches a date of birth; a postcode matches a postcode; the start
// of a contact id finds that contact; a contact's reference, any part of it from the start
// ("fd-26-k7q2"), its desk and number ("K7Q2-0042") or its number alone ("0042", "42"), finds it too.
// A person named in full ("Lily Carter", or a name with a date of birth or postcode) who is one of at
// most three people found brings their contacts along, newest first (up to five each), each listed
// right after its person, so Enter on one opens it.

#include "Workspace.h"

#include <string>
#include <vector>

namespace frontdoor::core {

struct QuickResult {
    std::string kind;     ///< "person" or "contact"
    std::string id;
    std::string title;    ///< "John Smith" / "Contact 19 Nov 2026 14:02"
    std::string detail;   ///< "born 12/03/2015 · WA7 5XY · 3 contacts, last 19/11/2026"
    nlohmann::json toJson() const;
};

class QuickSearch {
public:
    explicit QuickSearch(Workspace& workspace) : ws_(workspace) {}
    /// At most `limit` results, people first (those with the most recent contact first).
    std::vector<QuickResult> find(const std::string& text, int limit = 15);

private:
    Workspace& ws_;
};

} // namespace frontdoor::core
