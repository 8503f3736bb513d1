#pragma once
// Where a desk keeps its database when none is named: the platform's per-user application-data
// folder, the same one the desktop app uses (QStandardPaths::AppDataLocation for "frontdoor").

#include <string>

namespace frontdoor::core {

/// Linux: $XDG_DATA_HOME/frontdoor (default ~/.local/share/frontdoor); Windows: %APPDATA%/frontdoor.
std::string defaultDataFolder();

/// defaultDataFolder() + "/frontdoor.sqlite".
std::string defaultDatabasePath();

} // namespace frontdoor::core
