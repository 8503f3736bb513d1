#include "store/Projections.h"

namespace frontdoor::core {

void Projections::on(const std::string& type, Handler handler) { handlers_[type].push_back(std::move(handler)); }

void Projections::ownTable(const std::string& name, const std::string& orderBy, const std::string& subjectRows) {
    tables_.push_back({name, orderBy, subjectRows});
}

void Projections::pinsKeys(const std::string& table, const std::string& createdBy) {
    pinned_.emplace_back(table, createdBy);
}

std::vector<std::string> Projections::handledTypes() const {
    std::vector<std::string> types;
    for (const auto& [type, handlers] : handlers_)
        types.push_back(type);
    return types;
}

void Projections::apply(Database& db, const Fact& fact) const {
    const auto it = handlers_.find(fact.type);
    if (it == handlers_.end())
        return;
    for (const auto& handler : it->second)
        handler(db, fact);
}

void Projections::describe(const std::string& type, Describer describer) { describers_[type] = std::move(describer); }

std::string Projections::description(const Fact& fact) const {
    const auto it = describers_.find(fact.type);
    return it == describers_.end() ? fact.type : it->second(fact);
}

} // namespace frontdoor::core
