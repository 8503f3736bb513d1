#pragma once
// Code lists from the DfE children in need census 2025-26 (shared/standards/cin-census-2025-26.xsd),
// which Ofsted's Annex A reuses. Contacts and people store the codes; screens show the labels.

#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core {

struct CodeLabel {
    std::string code;
    std::string label;
};

/// Referral/contact source: 1A, 1B, 1C, 1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10.
const std::vector<CodeLabel>& referralSources();
/// WBRI ... NOBT.
const std::vector<CodeLabel>& ethnicities();
/// M, F, U (census "sex": U = not stated / not recorded).
const std::vector<CodeLabel>& sexes();

/// Just the codes of a list, e.g. for validation messages.
std::vector<std::string> codesOf(const std::vector<CodeLabel>& list);
/// The label for a code, or "" if the code is not in the list.
std::string labelOf(const std::vector<CodeLabel>& list, std::string_view code);

} // namespace frontdoor::core
