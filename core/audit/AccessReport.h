#pragma once
// Who has been reading which child's record: the access report an auditor (or a child's family, asking
// under the Data Protection Act) needs. Built from the record.viewed facts (a person view or a contact
// view, each logged when it happened) and the other facts that say whose work a record was.
//
// "In their work" means the reader also did something on the record, before or after reading it:
// recorded, screened, signed off, acknowledged, noted, held a strategy discussion (any fact by them
// about that contact other than a view; for a person, about any of that child's contacts). Reading
// outside one's work is not wrong in itself (a manager checks a colleague's case), so the report shows it
// and lets a person judge; it flags a reader only when their count stands out from the team's.
//
// Running a report reads personal data itself, so it is recorded (audit.report_run).

#include "Workspace.h"
#include "store/Fact.h"

#include <optional>
#include <string>
#include <vector>

namespace frontdoor::core {

inline constexpr const char* kAuditReportRun = "audit.report_run";

struct AccessEntry {
    Instant at;
    std::string userId;
    std::string displayName; ///< as the user is known now; the id when the user is unknown
    std::string role;        ///< the role they were acting in
    std::string deviceId;    ///< the desk
    std::string what;        ///< "person" or "contact"
    std::string recordId;    ///< the person's or the contact's id
    std::string contactReference; ///< for a contact view, its reference ("FD-26-K7Q2-0042")
    bool inTheirWork = false;
};

struct ChildAccessReport {
    std::string personId;
    std::string childName;
    std::vector<AccessEntry> entries; ///< oldest first
};

/// Every view of the child's person record and of each contact about them, in [from, to) when given.
/// Auditors and administrators only (ForbiddenError otherwise); NotFoundError for an unknown person.
ChildAccessReport childAccessReport(Workspace& workspace, const Actor& actor, const std::string& personId,
                                    std::optional<Instant> from = std::nullopt,
                                    std::optional<Instant> to = std::nullopt);

struct ReadingThresholds {
    /// A reader stands out when their views outside their work reach this many...
    int64_t minimumOutsideWork = 10;
    /// ...and at least this many times the median of every reader's views outside their work.
    double timesMedian = 3.0;
};

struct ReaderSummary {
    std::string userId;
    std::string displayName;
    int64_t views = 0;
    int64_t viewsOutsideWork = 0;
    int64_t distinctRecords = 0;
    int64_t outsideOpeningHours = 0; ///< views while the front door was closed (the working calendar)
    bool standsOut = false;
    std::string why; ///< in words, when it stands out
};

struct ReadingReport {
    Instant from;
    Instant to;
    double medianOutsideWork = 0;
    ReadingThresholds thresholds;
    std::vector<ReaderSummary> readers; ///< most views outside their work first
};

/// Every reader's views in [from, to), with those that stand out flagged. Auditors and administrators
/// only. ValidationError when `to` is not after `from`.
ReadingReport readingReport(Workspace& workspace, const Actor& actor, Instant from, Instant to,
                            ReadingThresholds thresholds = {});

} // namespace frontdoor::core
