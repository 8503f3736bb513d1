#include "store/Projections.h"

namespace frontdoor::core {

void Projections::on(const std::string& type, Handler handler) { handlers_[type].push_back(std::move(handler)); }

void Projections::ownTable(const std::string& name, const std::string& orderBy) {
    tables_.push_back({name, orderBy});
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
