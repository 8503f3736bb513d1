// audit access, audit reading: who read which child's record, and whose reading stands out.
#include "cli/Cli.h"

#include "audit/AccessReport.h"
#include "time/UkTime.h"
#include "util/Errors.h"

namespace frontdoor::core::cli {

void registerAuditCommands() {
    addCommand({"audit access", "audit access PERSON_ID [--from DATE|INSTANT] [--to DATE|INSTANT]",
                "Who viewed a child's record (the person and each contact about them): when, who, in which role, "
                "from which desk, and whether it was in their work (auditor or administrator; the report is "
                "itself recorded).",
                {"from", "to"}, {}, [](Context& ctx) {
                    const std::string personId = ctx.requiredPositional("PERSON_ID");
                    const auto report = childAccessReport(ctx.workspace(), ctx.actor(), personId,
                                                          ctx.instantOption("from"), ctx.instantOption("to", true));
                    Json entries = Json::array();
                    for (const auto& e : report.entries)
                        entries.push_back({{"at", formatInstant(e.at)},
                                           {"at_uk", formatUkTime(e.at)},
                                           {"user", e.userId},
                                           {"display_name", e.displayName},
                                           {"role", e.role},
                                           {"device_id", e.deviceId},
                                           {"what", e.what},
                                           {"record_id", e.recordId},
                                           {"reference", e.contactReference.empty() ? Json(nullptr)
                                                                                    : Json(e.contactReference)},
                                           {"in_their_work", e.inTheirWork}});
                    ctx.print({{"person_id", report.personId},
                               {"child", report.childName},
                               {"views", report.entries.size()},
                               {"entries", entries}});
                    return kOk;
                }});
    addCommand({"audit reading", "audit reading --from DATE|INSTANT --to DATE|INSTANT [--min N] [--times-median X]",
                "Every user's reading of records in a period: views, views outside their work, distinct records, "
                "views while the front door was closed; users whose views outside their work reach --min (default "
                "10) and --times-median times the team's median (default 3) are flagged (auditor or administrator).",
                {"from", "to", "min", "times-median"}, {}, [](Context& ctx) {
                    const auto from = ctx.instantOption("from");
                    const auto to = ctx.instantOption("to", true);
                    if (!from)
                        throw ValidationError("--from", "say where the period starts (a date or an instant)");
                    if (!to)
                        throw ValidationError("--to", "say where the period ends (a date or an instant)");
                    ReadingThresholds thresholds;
                    thresholds.minimumOutsideWork = ctx.intOption("min", 10, 1, 100000);
                    if (const auto times = ctx.args().option("times-median")) {
                        char* end = nullptr;
                        const double value = std::strtod(times->c_str(), &end);
                        if (end == times->c_str() || *end != '\0' || !(value >= 1.0 && value <= 100.0))
                            throw ValidationError("--times-median", "a number from 1 to 100, such as 3 or 2.5");
                        thresholds.timesMedian = value;
                    }
                    const auto report = readingReport(ctx.workspace(), ctx.actor(), *from, *to, thresholds);
                    Json readers = Json::array();
                    for (const auto& r : report.readers)
                        readers.push_back({{"user", r.userId},
                                           {"display_name", r.displayName},
                                           {"views", r.views},
                                           {"views_outside_work", r.viewsOutsideWork},
                                           {"distinct_records", r.distinctRecords},
                                           {"views_while_closed", r.outsideOpeningHours},
                                           {"stands_out", r.standsOut},
                                           {"why", r.why}});
                    ctx.print({{"from", formatInstant(report.from)},
                               {"to", formatInstant(report.to)},
                               {"median_views_outside_work", report.medianOutsideWork},
                               {"flagged_from", {{"min", thresholds.minimumOutsideWork},
                                                 {"times_median", thresholds.timesMedian}}},
                               {"readers", readers}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
