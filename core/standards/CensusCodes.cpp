#include "standards/CensusCodes.h"

namespace frontdoor::core {

const std::vector<CodeLabel>& referralSources() {
    static const std::vector<CodeLabel> list = {
        {"1A", "Individual: family member, relative or carer"},
        {"1B", "Individual: acquaintance (including neighbours and child minders)"},
        {"1C", "Individual: self"},
        {"1D", "Individual: other (including strangers)"},
        {"2A", "Schools"},
        {"2B", "Education services"},
        {"3A", "Health services: GP"},
        {"3B", "Health services: health visitor"},
        {"3C", "Health services: school nurse"},
        {"3D", "Health services: other primary health services"},
        {"3E", "Health services: A&E"},
        {"3F", "Health services: other"},
        {"4", "Housing"},
        {"5A", "LA services: social care"},
        {"5B", "LA services: other internal"},
        {"5C", "LA services: external"},
        {"5D", "LA services: early help"},
        {"6", "Police"},
        {"7", "Other legal agency"},
        {"8", "Other"},
        {"9", "Anonymous"},
        {"10", "Unknown"},
    };
    return list;
}

const std::vector<CodeLabel>& ethnicities() {
    static const std::vector<CodeLabel> list = {
        {"WBRI", "White British"},
        {"WIRI", "White Irish"},
        {"WIRT", "Traveller of Irish heritage"},
        {"WOTH", "Any other White background"},
        {"WROM", "Gypsy/Roma"},
        {"MWBC", "White and Black Caribbean"},
        {"MWBA", "White and Black African"},
        {"MWAS", "White and Asian"},
        {"MOTH", "Any other mixed background"},
        {"AIND", "Indian"},
        {"APKN", "Pakistani"},
        {"ABAN", "Bangladeshi"},
        {"AOTH", "Any other Asian background"},
        {"BCRB", "Caribbean"},
        {"BAFR", "African"},
        {"BOTH", "Any other Black background"},
        {"CHNE", "Chinese"},
        {"OOTH", "Any other ethnic group"},
        {"REFU", "Refused"},
        {"NOBT", "Information not yet obtained"},
    };
    return list;
}

const std::vector<CodeLabel>& sexes() {
    static const std::vector<CodeLabel> list = {
        {"M", "Male"},
        {"F", "Female"},
        {"U", "Not stated or not recorded"},
    };
    return list;
}

std::vector<std::string> codesOf(const std::vector<CodeLabel>& list) {
    std::vector<std::string> codes;
    codes.reserve(list.size());
    for (const auto& entry : list)
        codes.push_back(entry.code);
    return codes;
}

std::string labelOf(const std::vector<CodeLabel>& list, std::string_view code) {
    for (const auto& entry : list)
        if (entry.code == code)
            return entry.label;
    return {};
}

} // namespace frontdoor::core
