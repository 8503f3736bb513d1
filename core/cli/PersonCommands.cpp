// person search, history, convert-adults; duplicates, merge, unmerge, not-duplicate.
#include "cli/Cli.h"

#include "people/AdultPeople.h"
#include "people/Duplicates.h"
#include "people/PersonMerge.h"
#include "people/PersonSearch.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "search/SearchLog.h"
#include "util/Errors.h"
#include "util/Text.h"

namespace frontdoor::core::cli {

namespace {

HistorySettings historySettings(Context& ctx) {
    HistorySettings settings;
    settings.repeatContactCount = ctx.intOption("repeat-count", settings.repeatContactCount, 1, 100);
    settings.repeatWindowMonths = ctx.intOption("repeat-months", settings.repeatWindowMonths, 1, 120);
    return settings;
}

std::optional<Instant> asOf(Context& ctx) { return ctx.instantOption("as-of"); }

std::string positionalAt(Context& ctx, size_t index, const std::string& what) {
    const auto& words = ctx.args().positional();
    if (words.size() <= index || words[index].empty())
        throw ValidationError(what, "is required");
    return words[index];
}

} // namespace

void registerPersonCommands() {
    addCommand({"person search",
                "person search [--given NAME] [--family NAME] [--dob YYYY-MM-DD] [--postcode PC] [--limit N] "
                "[--repeat-count N] [--repeat-months M] [--as-of INSTANT] [--adults | --everyone]",
                "Ranked candidates for a child (or with --adults an adult named on contacts, with --everyone "
                "either), each with a score, the reasons, earlier contacts with their role there and flags "
                "(re-referral, repeat contacts).",
                {"given", "family", "dob", "postcode", "limit", "repeat-count", "repeat-months", "as-of"},
                {"adults", "everyone"},
                [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    PersonQuery query;
                    if (ctx.args().flag("adults") && ctx.args().flag("everyone"))
                        throw ValidationError("--everyone", "give --adults or --everyone, not both");
                    query.kind = ctx.args().flag("adults")     ? PersonKind::Adults
                                 : ctx.args().flag("everyone") ? PersonKind::Everyone
                                                               : PersonKind::Children;
                    query.givenName = ctx.args().option("given", "");
                    query.familyName = ctx.args().option("family", "");
                    query.postcode = ctx.args().option("postcode", "");
                    query.limit = ctx.intOption("limit", 10, 1, 200);
                    query.asOf = asOf(ctx);
                    if (const auto dob = ctx.args().option("dob")) {
                        query.dateOfBirth = parseDate(*dob);
                        if (!query.dateOfBirth)
                            throw ValidationError("--dob", quoteExcerpt(*dob) + " is not a date in the form YYYY-MM-DD");
                    }
                    PersonSearch search(ctx.workspace(), historySettings(ctx));
                    auto candidates = Json::array();
                    for (const auto& candidate : search.search(query))
                        candidates.push_back(candidate.toJson());
                    Json logged{{"given", query.givenName}, {"family", query.familyName},
                                {"dob", ctx.args().option("dob", "")}, {"postcode", query.postcode}};
                    if (query.kind != PersonKind::Children)
                        logged["kind"] = query.kind == PersonKind::Adults ? "adults" : "everyone";
                    logSearch(ctx.workspace(), actor, "person", logged, candidates.size());
                    ctx.print({{"candidates", candidates}});
                    return kOk;
                }});
    addCommand({"person convert-adults", "person convert-adults",
                "Makes every adult named on an already recorded contact a person (matched like a child), "
                "through facts whose person ids derive from the contact and the adult's place, so desks "
                "running it agree; running it again adds nothing.",
                {}, {}, [](Context& ctx) {
                    ctx.print(convertAdults(ctx.workspace(), ctx.actor()).toJson());
                    return kOk;
                }});
    addCommand({"history", "history PERSON_ID [--repeat-count N] [--repeat-months M] [--as-of INSTANT]",
                "A person's details, every contact about them (newest first, referrals marked when they were "
                "re-referrals) and their flags.",
                {"repeat-count", "repeat-months", "as-of"}, {}, [](Context& ctx) {
                    PersonSearch search(ctx.workspace(), historySettings(ctx));
                    ctx.print(search.viewHistory(ctx.actor(), ctx.requiredPositional("PERSON_ID"), asOf(ctx)));
                    return kOk;
                }});
    addCommand({"person duplicates", "person duplicates [--limit N] [--min-score S]",
                "Possible duplicate people, best first: each pair with its score and reasons. Leaves out people "
                "merged away and pairs marked as different children. Screeners and duty managers.",
                {"limit", "min-score"}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    UserService(ctx.workspace()).require(actor, {role::kScreener, role::kDutyManager},
                                                         "Listing possible duplicates");
                    DuplicateScanOptions options;
                    options.limit = ctx.intOption("limit", options.limit, 1, 10000);
                    options.minimumScore = ctx.intOption("min-score", options.minimumScore, 0, 100);
                    const DuplicateScan scan = findDuplicates(ctx.workspace().db(), options);
                    logSearch(ctx.workspace(), actor, "duplicates",
                              {{"limit", std::to_string(options.limit)}, {"min_score", std::to_string(options.minimumScore)}},
                              scan.pairs.size());
                    ctx.print(scan.toJson());
                    return kOk;
                }});
    addCommand({"person merge", "person merge KEEP OTHER --reason TEXT",
                "Merges person OTHER into person KEEP (duty managers): OTHER's contacts, flags and names follow "
                "KEEP, and OTHER's id shows KEEP. Prints the merge id (for person unmerge).",
                {"reason"}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    const std::string keep = positionalAt(ctx, 0, "KEEP");
                    const std::string other = positionalAt(ctx, 1, "OTHER");
                    const auto result = PersonMergeService(ctx.workspace())
                                            .merge(actor, keep, other, ctx.args().option("reason", ""));
                    ctx.print({{"merge_id", result.mergeId}, {"keep", result.keepId}, {"other", result.otherId}});
                    return kOk;
                }});
    addCommand({"person unmerge", "person unmerge MERGE_ID --reason TEXT",
                "Undoes a merge (duty managers): both people are again as they were before it. The merge and "
                "its undoing stay on record.",
                {"reason"}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    const auto record = PersonMergeService(ctx.workspace())
                                            .unmerge(actor, ctx.requiredPositional("MERGE_ID"), ctx.args().option("reason", ""));
                    ctx.print(record.toJson());
                    return kOk;
                }});
    addCommand({"person not-duplicate", "person not-duplicate A B [--reason TEXT]",
                "Records that people A and B are different children (screeners and duty managers): the pair "
                "is no longer offered as a possible duplicate.",
                {"reason"}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    const std::string a = positionalAt(ctx, 0, "A");
                    const std::string b = positionalAt(ctx, 1, "B");
                    PersonMergeService(ctx.workspace()).markNotDuplicate(actor, a, b, ctx.args().option("reason", ""));
                    ctx.print({{"a", std::min(a, b)}, {"b", std::max(a, b)}, {"not_duplicate", true}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
