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
        /// An SQL condition on the table's rows selecting those derived from facts whose subject is in
        /// temp.fd_reproject(subject); "" when unknown (then re-projection rebuilds everything).
        std::string subjectRows;
    };

    /// Registers the handler for one fact type. Several handlers may listen to one type; they run
    /// in registration order.
    void on(const std::string& type, Handler handler);

    /// Declares a projection table, parents before children (rebuild clears them in reverse).
    /// `subjectRows` (see Table) lets facts arriving late from other desks re-project only the records
    /// they touch: deleting those rows and replaying the facts about those subjects must rebuild them.
    void ownTable(const std::string& name, const std::string& orderBy, const std::string& subjectRows = "");

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
    /// `table` has an integer key `pk` given in order of creation and an `id` (the subject of the
    /// `createdBy` fact that inserts the row). When late facts re-project some subjects, rows created
    /// before the late facts keep their key (their handler inserts `pk` from temp.fd_pinned(tbl, id, pk),
    /// NULL when not pinned), so keys stay in HLC order, exactly as a rebuild numbers them.
    void pinsKeys(const std::string& table, const std::string& createdBy);
    const std::vector<std::pair<std::string, std::string>>& pinnedKeyTables() const { return pinned_; }

    /// Every fact type with a handler.
    std::vector<std::string> handledTypes() const;

private:
    std::map<std::string, std::vector<Handler>, std::less<>> handlers_;
    std::vector<Table> tables_;
    std::vector<std::pair<std::string, std::string>> pinned_;
    std::map<std::string, Describer, std::less<>> describers_;
};

} // namespace frontdoor::core
