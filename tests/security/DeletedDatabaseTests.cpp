// Issue 10, point 14, in core: a write into a database file that was deleted or replaced while open is
// refused and rolled back, never reported as saved (SQLite itself would carry on writing into the
// orphaned file, and the work would vanish when the connection closed).
#include "TestSupport.h"

#include "contacts/ContactService.h"
#include "util/Errors.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace frontdoor;
using Catch::Contains;

TEST_CASE("a write into a deleted database file is refused, not reported as saved", "[security][store]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    contacts.record(t.screener, test::sampleContact());
    const std::string path = t.folder.file("frontdoor.sqlite");
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    CHECK_THROWS_WITH(contacts.record(t.screener, test::sampleContact()), Contains("no longer there"));
    CHECK_THROWS_AS(contacts.saveDraft(t.screener, "", test::sampleContact()), core::StoreError);
}

TEST_CASE("a write into a database file replaced under the app is refused", "[security][store]") {
    test::TestWorkspace t;
    core::ContactService contacts(*t.ws);
    const std::string path = t.folder.file("frontdoor.sqlite");
    std::ofstream(t.folder.file("other.sqlite")) << "not the file Frontdoor opened";
    std::filesystem::rename(t.folder.file("other.sqlite"), path);
    CHECK_THROWS_WITH(contacts.record(t.screener, test::sampleContact()), Contains("replaced by another file"));
}
