#pragma once
// SIGTERM, SIGINT and SIGHUP (a session logging out, a shutdown, Ctrl+C in a terminal) quit the app
// through the event loop, so every open draft is saved first, as when the window is closed.

namespace frontdoor::ui {

void quitCleanlyOnSignals();

} // namespace frontdoor::ui
