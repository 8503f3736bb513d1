#pragma once
// What happens next after a contact (DOMAIN.md, "Decision"), and which outcomes make it a referral
// in the DfE sense (a request accepted for children's social care assessment or enquiry).

#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core {

struct OutcomeInfo {
    std::string code;
    std::string label;
    bool isReferral; ///< counts as a referral for re-referral rates and Annex A list 3
};

/// no_further_action, information_advice_signposting, early_help, child_and_family_assessment,
/// strategy_discussion, immediate_protection, open_case, private_fostering_assessment.
const std::vector<OutcomeInfo>& contactOutcomes();
std::vector<std::string> outcomeCodes();
bool isReferralOutcome(std::string_view code);
std::string outcomeLabel(std::string_view code);

} // namespace frontdoor::core
