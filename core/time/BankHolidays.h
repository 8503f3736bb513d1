#pragma once
// England and Wales bank holidays in the gov.uk feed's format (https://www.gov.uk/bank-holidays.json),
// so an administrator refreshes them by replacing the file with the published one. The full feed
// (with "scotland" and "northern-ireland") is accepted; only "england-and-wales" is read.
//
// Moved and one-off holidays are set by proclamation, so the data is the authority for every year it
// covers. Beyond it, regularBankHolidays() gives the usual pattern, marked provisional.

#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core {

struct BankHoliday {
    Date date;
    std::string title; ///< as published, e.g. "Boxing Day"
    std::string notes; ///< as published, e.g. "Substitute day"; often empty
    bool provisional = false; ///< computed from the regular pattern, not read from the data

    /// {"date", "title", "notes", "provisional"}
    nlohmann::json toJson() const;
    bool operator==(const BankHoliday&) const = default;
};

class BankHolidays {
public:
    /// Reads the feed, checking it thoroughly. Throws ValidationError listing every problem with its
    /// path, e.g. `england-and-wales.events[3].date: "2019-02-30" is not a date in the form YYYY-MM-DD`.
    /// Checks: the "england-and-wales" division is present and names itself; every event has a title and
    /// a real date on a weekday; dates are in order with none repeated; no year between the first and the
    /// last is missing.
    static BankHolidays fromJson(const nlohmann::json& feed);

    /// fromJson() of JSON text; text that is not JSON is reported against `source`.
    static BankHolidays parse(std::string_view text, const std::string& source = "bank holidays");

    /// parse() of a file, e.g. a replacement downloaded from gov.uk.
    static BankHolidays loadFile(const std::string& path);

    /// The copy compiled into the program (resources/data/bank-holidays-england-wales.json).
    static BankHolidays embedded();

    /// Every holiday in the data, in date order; none is provisional.
    const std::vector<BankHoliday>& events() const { return events_; }
    int firstYear() const { return firstYear_; }
    int lastYear() const { return lastYear_; }
    /// True when `year` lies within the data, which is then the whole truth for that year.
    bool covers(int year) const { return year >= firstYear_ && year <= lastYear_; }

private:
    BankHolidays() = default;

    std::vector<BankHoliday> events_;
    int firstYear_ = 0;
    int lastYear_ = 0;
};

/// The date of Easter Sunday (Gregorian, the Anonymous / Meeus algorithm).
Date easterSunday(int year);

/// The regular England and Wales pattern for `year`, in date order, all marked provisional: New Year's
/// Day, Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of August,
/// Christmas Day and Boxing Day. A holiday falling at a weekend moves to the next weekday not already a
/// holiday ("Substitute day"), so Christmas on a Sunday gives Boxing Day on Monday 26 and Christmas on
/// Tuesday 27, as gov.uk lists them.
std::vector<BankHoliday> regularBankHolidays(int year);

} // namespace frontdoor::core
