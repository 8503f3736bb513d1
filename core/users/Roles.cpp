#include "users/Roles.h"

#include <algorithm>

namespace frontdoor::core {

const std::vector<std::string>& allRoles() {
    static const std::vector<std::string> roles = {role::kScreener, role::kDutyManager, role::kEdtWorker,
                                                   role::kAdministrator, role::kAuditor};
    return roles;
}

bool isRole(std::string_view name) {
    const auto& roles = allRoles();
    return std::find(roles.begin(), roles.end(), name) != roles.end();
}

std::string roleLabel(std::string_view name) {
    if (name == role::kEdtWorker)
        return "EDT worker";
    std::string label(name);
    std::replace(label.begin(), label.end(), '_', ' ');
    return label;
}

} // namespace frontdoor::core
