#include "people/HistoryFlags.h"

#include "contacts/Outcomes.h"
#include "time/UkTime.h"
#include "util/Text.h"

namespace frontdoor::core {
namespace {

// "28/11/2026": the UK date a person reads.
std::string ukDay(Instant at) { return formatDayMonthYear(toUkLocal(at).date); }

} // namespace

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
    const ContactSummary* latestReferral = nullptr;
    for (const auto& contact : contacts) {
        if (contact.receivedAt > asOf)
            continue;
        if (isReferralOutcome(contact.outcome) && contact.receivedAt >= referralWindow &&
            (!latestReferral || contact.receivedAt > latestReferral->receivedAt))
            latestReferral = &contact;
        if (contact.receivedAt > repeatWindow)
            ++flags.contactsInWindow;
    }
    if (countingNewContact)
        ++flags.contactsInWindow;
    const std::string months = std::to_string(settings.reReferralMonths);
    if (latestReferral) {
        flags.recentReferral = true;
        flags.lastReferralAt = latestReferral->receivedAt;
        if (countingNewContact) {
            flags.reReferral = true; // the contact in hand, referred, comes within the window of this one
            flags.explanations.push_back("Referred on " + ukDay(*flags.lastReferralAt) +
                                         ": if this contact leads to a referral, it is a re-referral (within " +
                                         months + " months)");
        } else {
            const Instant earlierWindow = monthsBefore(latestReferral->receivedAt, settings.reReferralMonths);
            for (const auto& other : contacts)
                if (other.id != latestReferral->id && isReferralOutcome(other.outcome) &&
                    other.receivedAt < latestReferral->receivedAt && other.receivedAt >= earlierWindow &&
                    (!flags.earlierReferralAt || other.receivedAt > *flags.earlierReferralAt))
                    flags.earlierReferralAt = other.receivedAt;
            flags.reReferral = flags.earlierReferralAt.has_value();
            if (flags.reReferral)
                flags.explanations.push_back("Re-referral: referred on " + ukDay(*flags.lastReferralAt) +
                                             ", within " + months + " months of the referral on " +
                                             ukDay(*flags.earlierReferralAt));
            flags.explanations.push_back("Referred on " + ukDay(*flags.lastReferralAt) + ": a new referral within " +
                                         months + " months would be a re-referral");
        }
    }
    flags.repeatContacts = flags.contactsInWindow >= settings.repeatContactCount;
    if (flags.repeatContacts)
        flags.explanations.push_back("Repeat contacts: " + std::to_string(flags.contactsInWindow) +
                                     " contacts in the last " + std::to_string(settings.repeatWindowMonths) +
                                     " months (the threshold is " + std::to_string(settings.repeatContactCount) +
                                     "); a manager should look");
    return flags;
}

nlohmann::json HistoryFlags::toJson() const {
    nlohmann::json json{{"re_referral", reReferral},
                        {"recent_referral", recentReferral},
                        {"repeat_contacts", repeatContacts},
                        {"contacts_in_window", contactsInWindow},
                        {"explanations", explanations}};
    if (lastReferralAt)
        json["last_referral_at"] = formatInstant(*lastReferralAt);
    if (earlierReferralAt)
        json["earlier_referral_at"] = formatInstant(*earlierReferralAt);
    return json;
}

} // namespace frontdoor::core
