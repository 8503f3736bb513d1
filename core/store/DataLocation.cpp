#include "store/DataLocation.h"

#include <cstdlib>

namespace frontdoor::core {

std::string defaultDataFolder() {
#ifdef _WIN32
    if (const char* appData = std::getenv("APPDATA"))
        return std::string(appData) + "/frontdoor";
    return "frontdoor";
#else
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::string(xdg) + "/frontdoor";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/share/frontdoor";
    return ".";
#endif
}

std::string defaultDatabasePath() { return defaultDataFolder() + "/frontdoor.sqlite"; }

} // namespace frontdoor::core
