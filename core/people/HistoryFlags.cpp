#include "people/HistoryFlags.h"

#include "contacts/Outcomes.h"

namespace frontdoor::core {

Instant monthsBefore(Instant at, int months) {
    using namespace std::chrono;
    const auto day = floor<days>(at);
    const auto timeOfDay = at - day;
    year_month_day date{day};
    year_month_day earlier = date - std::chrono::months{months};
    if (!earlier.ok())
        earlier = earlier.year() / earlier.month() / last;
    return sys_days{earlier} + timeOfDay;
}

bool isReReferral(const ContactSummary& referral, const std::vector<ContactSummary>& contacts,
                  const HistorySettings& settings) {
    if (!isReferralOutcome(referral.outcome))
        return false;
    const Instant windowStart = monthsBefore(referral.receivedAt, settings.reReferralMonths);
    for (const auto& other : contacts)
        if (other.id != referral.id && isReferralOutcome(other.outcome) && other.receivedAt < referral.receivedAt &&
            other.receivedAt >= windowStart)
            return true;
    return false;
}

HistoryFlags computeHistoryFlags(const std::vector<ContactSummary>& contacts, Instant asOf,
                                 const HistorySettings& settings, bool countingNewContact) {
    HistoryFlags flags;
    const Instant referralWindow = monthsBefore(asOf, settings.reReferralMonths);
    const Instant repeatWindow = monthsBefore(asOf, settings.repeatWindowMonths);
    for (const auto& contact : contacts) {
        if (contact.receivedAt > asOf)
            continue;
        if (isReferralOutcome(contact.outcome) && contact.receivedAt >= referralWindow &&
            (!flags.lastReferralAt || contact.receivedAt > *flags.lastReferralAt))
            flags.lastReferralAt = contact.receivedAt;
        if (contact.receivedAt > repeatWindow)
            ++flags.contactsInWindow;
    }
    if (countingNewContact)
        ++flags.contactsInWindow;
    flags.reReferral = flags.lastReferralAt.has_value();
    flags.repeatContacts = flags.contactsInWindow >= settings.repeatContactCount;
    if (flags.reReferral)
        flags.explanations.push_back("Re-referral: referred on " + formatDate(utcDate(*flags.lastReferralAt)) +
                                     ", within the last " + std::to_string(settings.reReferralMonths) + " months");
    if (flags.repeatContacts)
        flags.explanations.push_back("Repeat contacts: " + std::to_string(flags.contactsInWindow) +
                                     " contacts in the last " + std::to_string(settings.repeatWindowMonths) +
                                     " months (the threshold is " + std::to_string(settings.repeatContactCount) +
                                     "); a manager should look");
    return flags;
}

nlohmann::json HistoryFlags::toJson() const {
    nlohmann::json json{{"re_referral", reReferral},
                        {"repeat_contacts", repeatContacts},
                        {"contacts_in_window", contactsInWindow},
                        {"explanations", explanations}};
    if (lastReferralAt)
        json["last_referral_at"] = formatInstant(*lastReferralAt);
    return json;
}

} // namespace frontdoor::core
