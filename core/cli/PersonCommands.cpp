// person search, history, person convert-adults.
#include "cli/Cli.h"

#include "people/AdultPeople.h"
#include "people/PersonSearch.h"
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
}

} // namespace frontdoor::core::cli
