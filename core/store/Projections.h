#pragma once
// The projection: the tables screens and queries read, each derived from the facts alone. Feature
// modules register a handler per fact type and the tables they own; the fact store calls the handler
// in the same transaction as it appends the fact, and `rebuild` replays every fact through them.

#include "store/Fact.h"
#include "store/Sqlite.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace frontdoor::core {

class Projections {
public:
    using Handler = std::function<void(Database&, const Fact&)>;

    struct Table {
        std::string name;
        std::string orderBy; ///< a unique ordering, so the digest is deterministic
    };

    /// Registers the handler for one fact type. Several handlers may listen to one type; they run
    /// in registration order.
    void on(const std::string& type, Handler handler);

    /// Declares a projection table, parents before children (rebuild clears them in reverse).
    void ownTable(const std::string& name, const std::string& orderBy);

    /// Runs the handlers for the fact's type. Facts of a type this build does not know (from a newer
    /// desk) are kept in the log and simply not projected.
    void apply(Database& db, const Fact& fact) const;

    using Describer = std::function<std::string(const Fact&)>;
    /// Registers how a fact of `type` reads in a timeline ("Signed off: early help, by Mo Manager").
    void describe(const std::string& type, Describer describer);
    /// The one-line description of a fact; its type when none is registered.
    std::string description(const Fact& fact) const;

    const std::vector<Table>& tables() const { return tables_; }
    bool knows(const std::string& type) const { return handlers_.count(type) > 0; }

private:
    std::map<std::string, std::vector<Handler>, std::less<>> handlers_;
    std::vector<Table> tables_;
    std::map<std::string, Describer, std::less<>> describers_;
};

} // namespace frontdoor::core
