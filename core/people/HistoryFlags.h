#pragma once
// Flags a screener must see about a child's history: a re-referral (a referral within 12 months of an
// earlier one, the DfE definition) and repeat contacts (a local rule; Halton: 3 in 12 months).

#include "contacts/ContactService.h"
#include "util/Instant.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

struct HistorySettings {
    int reReferralMonths = 12;    ///< DfE definition
    int repeatContactCount = 3;   ///< local: this many contacts...
    int repeatWindowMonths = 12;  ///< ...within this many months
};

struct HistoryFlags {
    /// A referral now would be a re-referral: there was a referral in the last reReferralMonths.
    bool reReferral = false;
    std::optional<Instant> lastReferralAt;
    /// Contacts received in the window ending at the as-of instant (plus the new one, if counted).
    int contactsInWindow = 0;
    bool repeatContacts = false;
    std::vector<std::string> explanations; ///< one sentence per raised flag

    nlohmann::json toJson() const;
};

/// `contacts` in any order. `countingNewContact` adds one for a contact being recorded now, so the
/// matching panel can say "this would be the third contact in 12 months".
HistoryFlags computeHistoryFlags(const std::vector<ContactSummary>& contacts, Instant asOf,
                                 const HistorySettings& settings, bool countingNewContact = false);

/// True if `referral` is itself a re-referral: another referral in the 12 months before it.
bool isReReferral(const ContactSummary& referral, const std::vector<ContactSummary>& contacts,
                  const HistorySettings& settings);

/// The instant `months` calendar months before `at` (the 31st clamps to the month's last day).
Instant monthsBefore(Instant at, int months);

} // namespace frontdoor::core
