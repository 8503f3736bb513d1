#pragma once
// The roles people hold at the front door (DOMAIN.md, "People who use it"). A user may hold several;
// each action is taken in one of them, and core checks that role on every operation.

#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::core {

namespace role {
inline constexpr const char* kScreener = "screener";
inline constexpr const char* kDutyManager = "duty_manager";
inline constexpr const char* kEdtWorker = "edt_worker";
inline constexpr const char* kAdministrator = "administrator";
inline constexpr const char* kAuditor = "auditor";
} // namespace role

/// Every role, in the order screens list them.
const std::vector<std::string>& allRoles();
bool isRole(std::string_view name);
/// "duty manager" for "duty_manager".
std::string roleLabel(std::string_view name);

} // namespace frontdoor::core
