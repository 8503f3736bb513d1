#include "contacts/Outcomes.h"

namespace frontdoor::core {

const std::vector<OutcomeInfo>& contactOutcomes() {
    static const std::vector<OutcomeInfo> list = {
        {"no_further_action", "No further action", false},
        {"information_advice_signposting", "Information, advice or signposting", false},
        {"early_help", "Early help (Team Around the Family)", false},
        {"child_and_family_assessment", "Child and family assessment (section 17)", true},
        {"strategy_discussion", "Strategy discussion (section 47)", true},
        {"immediate_protection", "Immediate protection, then a strategy discussion", true},
        {"open_case", "Open case: pass to the allocated worker", false},
        {"private_fostering_assessment", "Private fostering assessment", true},
    };
    return list;
}

std::vector<std::string> outcomeCodes() {
    std::vector<std::string> codes;
    for (const auto& outcome : contactOutcomes())
        codes.push_back(outcome.code);
    return codes;
}

bool isReferralOutcome(std::string_view code) {
    for (const auto& outcome : contactOutcomes())
        if (outcome.code == code)
            return outcome.isReferral;
    return false;
}

std::string outcomeLabel(std::string_view code) {
    for (const auto& outcome : contactOutcomes())
        if (outcome.code == code)
            return outcome.label;
    return std::string(code);
}

} // namespace frontdoor::core
