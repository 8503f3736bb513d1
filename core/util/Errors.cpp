#include "util/Errors.h"

#include <algorithm>

namespace frontdoor::core {
namespace {

std::string summarise(const std::vector<FieldError>& errors) {
    std::string text;
    for (const auto& error : errors) {
        if (!text.empty())
            text += "; ";
        text += error.field + ": " + error.problem;
    }
    return text.empty() ? "invalid input" : text;
}

} // namespace

ValidationError::ValidationError(std::vector<FieldError> errors)
    : Error("validation", summarise(errors)), errors_(std::move(errors)) {}

bool ValidationError::hasErrorFor(const std::string& field) const {
    return std::any_of(errors_.begin(), errors_.end(), [&](const FieldError& e) { return e.field == field; });
}

} // namespace frontdoor::core
