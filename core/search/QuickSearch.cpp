#include "search/QuickSearch.h"

#include "contacts/ContactReference.h"
#include "people/NameKeys.h"
#include "people/Person.h"
#include "people/PersonProjection.h"
#include "util/Text.h"

#include <cctype>
#include <cstdio>

namespace frontdoor::core {
namespace {

std::string ukDate(const std::string& iso) {
    const auto date = parseDate(iso.substr(0, 10));
    return date ? formatDayMonthYear(*date) : iso;
}

// "12/03/2015" or "2015-03-12" -> a date.
std::optional<Date> readDate(const std::string& word) {
    if (auto iso = parseDate(word))
        return iso;
    unsigned d = 0, m = 0;
    int y = 0;
    char extra = 0;
    if (std::sscanf(word.c_str(), "%u/%u/%d%c", &d, &m, &y, &extra) == 3 && y > 1900) {
        const Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
        if (date.ok())
            return date;
    }
    return std::nullopt;
}

bool looksLikeIdPrefix(const std::string& word) {
    if (word.size() < 6)
        return false;
    for (char c : word)
        if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == '-'))
            return false;
    return true;
}

// A reference or part of one: "FD-26-K7Q2-0042" / "fd-26" (a prefix), "K7Q2-0042" (desk and number),
// or the number alone ("0042", "42": at least two digits). Sets what to look for; false if it is none.
bool readReference(const std::string& word, std::string& prefix, std::optional<int64_t>& number,
                   std::string& suffix) {
    const std::string upper = normaliseReference(word);
    if (upper.size() >= 3 && upper.rfind("FD-", 0) == 0) {
        prefix = upper;
        return true;
    }
    const size_t dash = upper.find('-');
    const std::string desk = dash == std::string::npos ? std::string() : upper.substr(0, dash);
    const std::string digits = dash == std::string::npos ? upper : upper.substr(dash + 1);
    if (digits.size() < 2 || digits.size() > 12 || (dash != std::string::npos && desk.size() != 4))
        return false;
    for (char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    for (char c : desk)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return false;
    number = std::stoll(digits);
    if (!desk.empty())
        suffix = "-" + desk + "-";
    return true;
}

} // namespace

nlohmann::json QuickResult::toJson() const {
    return {{"kind", kind}, {"id", id}, {"title", title}, {"detail", detail}};
}

std::vector<QuickResult> QuickSearch::find(const std::string& text, int limit) {
    std::vector<QuickResult> results;
    std::vector<std::string> nameTokens;
    std::optional<Date> date;
    std::string postcode;
    std::string idPrefix;
    std::string referencePrefix;
    std::optional<int64_t> referenceNumber;
    std::string referenceDesk;
    std::vector<std::string> words;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        if (end > start)
            words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (auto d = readDate(word)) {
            date = d;
        } else if (readReference(word, referencePrefix, referenceNumber, referenceDesk)) {
            if (looksLikeIdPrefix(word) && std::isdigit(static_cast<unsigned char>(word[0])))
                idPrefix = word; // "019312" may be the start of an id as well as a reference's number
        } else if (i + 1 < words.size() && !normalisePostcode(word + words[i + 1]).empty()) {
            postcode = postcodeKey(word + words[i + 1]); // "WA7 5XY" typed as two words
            ++i;
        } else if (!normalisePostcode(word).empty()) {
            postcode = postcodeKey(word);
        } else if (looksLikeIdPrefix(word) && std::isdigit(static_cast<unsigned char>(word[0]))) {
            idPrefix = word;
        } else {
            for (const auto& token : nameWords(foldName(word)))
                nameTokens.push_back(token);
        }
    }

    Database& db = ws_.db();
    // First the few people who match (through an index), then their contact counts for those alone:
    // counting contacts for every "smi…" in a million records is what makes a search box slow.
    const std::string details =
        "SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.expected_date, p.postcode, "
        "(SELECT count(*) FROM contact_child cc WHERE cc.person_pk = p.pk), "
        "(SELECT max(c.received_at) FROM contact_child cc JOIN contact c ON c.pk = cc.contact_pk "
        "WHERE cc.person_pk = p.pk) AS last_contact FROM person p JOIN matched m ON m.pk = p.pk "
        "WHERE p.adult = 0 "; // children, as before adults were people (they are found by matching)
    std::string sql;
    std::vector<std::string> binds;
    std::string match;
    for (const auto& token : nameTokens) {
        if (!match.empty())
            match += " AND ";
        // The start of any name, or a name that sounds like it (both keys, so the word may be either name).
        const std::string key = metaphone(token);
        match += "(names : \"" + token + "\"* OR keys : \"g" + key + "\" OR keys : \"f" + key + "\")";
    }
    if (date || !postcode.empty()) {
        std::string where = "1";
        if (date) {
            where += " AND (date_of_birth = ?1 OR expected_date = ?1)";
            binds.push_back(formatDate(*date));
        }
        if (!postcode.empty()) {
            where += " AND postcode_key = ?" + std::to_string(binds.size() + 1);
            binds.push_back(postcode);
        }
        if (!match.empty()) {
            where += " AND pk IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?" +
                     std::to_string(binds.size() + 1) + ")";
            binds.push_back(match);
        }
        sql = "WITH matched AS (SELECT pk FROM person WHERE " + where + " LIMIT 500) " + details;
    } else if (!match.empty()) {
        // Names alone: the most recently registered first, since the child being looked for is usually
        // one the front door has dealt with lately.
        sql = "WITH matched AS (SELECT rowid AS pk FROM person_fts WHERE person_fts MATCH ?1 ORDER BY rowid DESC "
              "LIMIT 300) " + details;
        binds.push_back(match);
    }
    if (!sql.empty()) {
        Statement stmt = db.prepare(sql + " ORDER BY last_contact DESC LIMIT " + std::to_string(limit));
        for (size_t i = 0; i < binds.size(); ++i)
            stmt.bind(static_cast<int>(i + 1), binds[i]);
        while (stmt.step()) {
            Person person;
            person.givenName = stmt.text(1);
            person.familyName = stmt.text(2);
            if (!stmt.isNull(3))
                person.dateOfBirth = parseDate(stmt.text(3));
            if (!stmt.isNull(4))
                person.expectedDate = parseDate(stmt.text(4));
            std::string detail = person.displayBirth();
            if (!stmt.isNull(5))
                detail += " · " + stmt.text(5);
            const int64_t contacts = stmt.int64(6);
            detail += " · " + std::to_string(contacts) + (contacts == 1 ? " contact" : " contacts");
            if (!stmt.isNull(7))
                detail += ", last " + ukDate(stmt.text(7));
            results.push_back({"person", stmt.text(0), person.displayName(), detail});
        }
    }
    // A person named in full ("Lily Carter"), or by name and date of birth or postcode, is usually the
    // one wanted: their contacts follow them in the list (newest first), so Enter opens one without
    // going through the person's page. A looser search ("lil") lists people alone.
    const bool pinned = nameTokens.size() >= 2 || ((date || !postcode.empty()) && !nameTokens.empty());
    if (pinned && !results.empty() && results.size() <= 3) {
        std::vector<QuickResult> withContacts;
        auto& stmt = db.cached("SELECT c.id, c.received_at, c.status, c.concern_summary, c.reference FROM person p "
                               "JOIN contact_child cc ON cc.person_pk = p.pk JOIN contact c ON c.pk = cc.contact_pk "
                               "WHERE p.id = ? ORDER BY c.received_at DESC LIMIT 5");
        for (const auto& person : results) {
            withContacts.push_back(person);
            stmt.bindAll(person.id);
            while (stmt.step() && static_cast<int>(withContacts.size()) < limit) {
                const std::string reference = stmt.optionalText(4).value_or("");
                withContacts.push_back({"contact", stmt.text(0),
                                        "Contact " + (reference.empty() ? std::string() : reference + " ") +
                                            "received " + ukDate(stmt.text(1)),
                                        person.title + " · " + stmt.text(2) + " · " + stmt.text(3)});
            }
            stmt.reset();
        }
        results = std::move(withContacts);
    }
    const auto addContact = [&](Statement& stmt) {
        for (const auto& result : results)
            if (result.id == stmt.text(0))
                return;
        const std::string reference = stmt.optionalText(4).value_or("");
        results.push_back({"contact", stmt.text(0),
                           "Contact " + (reference.empty() ? std::string() : reference + " ") + "received " +
                               ukDate(stmt.text(1)),
                           stmt.text(2) + " · " + stmt.text(3)});
    };
    // A reference through its index: the prefix as a range, the number as an exact match (newest first).
    if (!referencePrefix.empty() && static_cast<int>(results.size()) < limit) {
        auto& stmt = db.cached("SELECT id, received_at, status, concern_summary, reference FROM contact "
                               "WHERE reference >= ? AND reference < ? ORDER BY reference DESC LIMIT 10");
        std::string upper = referencePrefix;
        upper.back() = static_cast<char>(upper.back() + 1);
        stmt.bindAll(referencePrefix, upper);
        while (stmt.step() && static_cast<int>(results.size()) < limit)
            addContact(stmt);
        stmt.reset();
    }
    if (referenceNumber && static_cast<int>(results.size()) < limit) {
        auto& stmt = db.cached("SELECT id, received_at, status, concern_summary, reference FROM contact "
                               "WHERE reference_seq = ? ORDER BY received_at DESC LIMIT 50");
        stmt.bindAll(*referenceNumber);
        while (stmt.step() && static_cast<int>(results.size()) < limit)
            if (referenceDesk.empty() || stmt.optionalText(4).value_or("").find(referenceDesk) != std::string::npos)
                addContact(stmt);
        stmt.reset();
    }
    if (!idPrefix.empty() && static_cast<int>(results.size()) < limit) {
        auto& stmt = db.cached("SELECT id, received_at, status, concern_summary, reference FROM contact WHERE id >= ? AND id < ? "
                               "ORDER BY id LIMIT 5");
        std::string upper = idPrefix;
        upper.back() = static_cast<char>(upper.back() + 1);
        stmt.bindAll(idPrefix, upper);
        while (stmt.step())
            addContact(stmt);
        stmt.reset();
    }
    return results;
}

} // namespace frontdoor::core
