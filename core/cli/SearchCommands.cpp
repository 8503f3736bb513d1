// search (the Ctrl+K box) and drafts.
#include "cli/Cli.h"

#include "contacts/ContactService.h"
#include "search/QuickSearch.h"
#include "search/SearchLog.h"

namespace frontdoor::core::cli {

void registerSearchCommands() {
    addCommand({"search", "search TEXT... [--limit N]",
                "Quick search as in the desktop's search box: people by the start or sound of any of their names, "
                "a date of birth (12/03/2015), a postcode, or the start of a contact id.",
                {"limit"}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    std::string text;
                    for (const auto& word : ctx.args().positional())
                        text += (text.empty() ? "" : " ") + word;
                    auto results = Json::array();
                    for (const auto& result : QuickSearch(ctx.workspace()).find(text, ctx.intOption("limit", 15, 1, 100)))
                        results.push_back(result.toJson());
                    logSearch(ctx.workspace(), actor, "quick", {{"text", text}}, results.size());
                    ctx.print({{"results", results}});
                    return kOk;
                }});
    addCommand({"draft save", "draft save [FILE] [--id DRAFT_ID]",
                "Save a partly typed contact (any JSON object in the shape of contact record's input). Prints the "
                "draft id; record it later with contact record and \"id\" set to that id.",
                {"id", "file"}, {}, [](Context& ctx) {
                    const Json body = ctx.readJsonInput();
                    ContactService contacts(ctx.workspace());
                    const std::string id = contacts.saveDraft(ctx.actor(), ctx.args().option("id", ""), body);
                    ctx.print({{"draft_id", id}});
                    return kOk;
                }});
    addCommand({"draft list", "draft list", "Your drafts, most recently saved first.", {}, {}, [](Context& ctx) {
                    const Actor actor = ctx.actor();
                    auto list = Json::array();
                    for (const auto& draft : ContactService(ctx.workspace()).drafts(actor.userId))
                        list.push_back(draft.toJson());
                    ctx.print({{"drafts", list}});
                    return kOk;
                }});
    addCommand({"draft discard", "draft discard DRAFT_ID [--reason TEXT]", "Discard one of your drafts.", {"reason"},
                {}, [](Context& ctx) {
                    const std::string id = ctx.requiredPositional("DRAFT_ID");
                    ContactService(ctx.workspace()).discardDraft(ctx.actor(), id, ctx.args().option("reason", ""));
                    ctx.print({{"draft_id", id}, {"discarded", true}});
                    return kOk;
                }});
}

} // namespace frontdoor::core::cli
