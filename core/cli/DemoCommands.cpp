// demo: synthetic made-up data.
#include "cli/Cli.h"

#include "demo/DemoData.h"
#include "users/Roles.h"
#include "users/UserService.h"
#include "util/Errors.h"

#include <iostream>

namespace frontdoor::core::cli {

void registerDemoCommands() {
    addCommand({"demo", "demo [--contacts N] [--seed S] [--years Y] [--progress]",
                "On a demo database (init --demo) holding only demo data, add N synthetic contacts about made-up families over Y years (default 2000 over 10): realistic "
                "sources, ages, siblings, unborn children, misspellings, repeat contacts and outcomes.",
                {"contacts", "seed", "years"}, {"progress"}, [](Context& ctx) {
                    DemoOptions options;
                    options.contacts = ctx.intOption("contacts", 2000, 1, 10'000'000);
                    options.seed = static_cast<uint64_t>(ctx.intOption("seed", 20261123, 0, 2'000'000'000));
                    options.years = ctx.intOption("years", 10, 1, 25);
                    if (ctx.args().flag("progress"))
                        options.progress = [&ctx](int done) {
                            ctx.err() << "\r" << done << " contacts" << std::flush;
                        };
                    // Only a demo database holding nothing but demo data: demo users' PINs are public.
                    if (const auto refusal = demoRefusal(ctx.workspace()))
                        throw ConflictError(*refusal);
                    // A new database gets the demo users; an existing one needs an administrator to add demo data.
                    std::optional<Actor> administrator;
                    if (UserService(ctx.workspace()).anyUsers())
                        administrator = ctx.actor();
                    const bool addedUsers = addDemoUsers(ctx.workspace(), ctx.userName(), administrator);
                    const auto summary = generateDemoData(ctx.workspace(), options);
                    rememberDemoFacts(ctx.workspace());
                    if (options.progress)
                        ctx.err() << "\n";
                    ctx.print({{"contacts", summary.contacts},
                               {"people", summary.people},
                               {"families", summary.families},
                               {"demo_users_added", addedUsers},
                               {"seconds", summary.seconds}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
