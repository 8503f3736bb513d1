#pragma once
// Flags a screener must see about a child's history: a re-referral (a referral within 12 months of an
// earlier one, the DfE definition) and repeat contacts (a local rule; Halton: 3 in 12 months).
//
// "Re-referral" has that one meaning everywhere: a referral that came within 12 months of an earlier
// referral. A child referred once, recently, is not a re-referral; what that tells a screener is that a
// *new* referral within 12 months of it would be one ("recent referral", said in those words).

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
    /// A re-referral (DfE): the child's latest referral in the last reReferralMonths came within
    /// reReferralMonths of an earlier referral. When counting a new contact (screening, matching), the
    /// new contact is the one in question: referred, it would be a re-referral (= recentReferral).
    bool reReferral = false;
    /// There was a referral in the last reReferralMonths: a new referral now would be a re-referral.
    bool recentReferral = false;
    std::optional<Instant> lastReferralAt;
    /// The earlier referral that makes the latest one a re-referral (when reReferral, not counting).
    std::optional<Instant> earlierReferralAt;
    /// Contacts received in the window ending at the as-of instant (plus the new one, if counted).
    int contactsInWindow = 0;
    bool repeatContacts = false;
    std::vector<std::string> explanations; ///< one sentence per raised flag

    nlohmann::json toJson() const;
};

/// `contacts` in any order. `countingNewContact` adds one for a contact being recorded (or screened) now,
/// so the matching panel can say "this would be the third contact in 12 months", and makes reReferral
/// say whether that contact, referred, would be a re-referral.
HistoryFlags computeHistoryFlags(const std::vector<ContactSummary>& contacts, Instant asOf,
                                 const HistorySettings& settings, bool countingNewContact = false);

/// True if `referral` is itself a re-referral: another referral in the 12 months before it.
bool isReReferral(const ContactSummary& referral, const std::vector<ContactSummary>& contacts,
                  const HistorySettings& settings);

/// The instant `months` calendar months before `at` (the 31st clamps to the month's last day).
Instant monthsBefore(Instant at, int months);

} // namespace frontdoor::core
