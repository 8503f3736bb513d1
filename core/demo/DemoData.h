#pragma once
// Synthetic, made-up front-door data for demos, tests and benchmarks: families whose children come
// to notice again and again over years, with a realistic mix of sources, ages, siblings, unborn
// children, misspelt names, repeat contacts and outcomes. Every person is invented; names are drawn
// at random from lists of common given and family names, so no real child or family is described.

#include "Workspace.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace frontdoor::core {

struct DemoOptions {
    int contacts = 2000;
    uint64_t seed = 20261123;
    int years = 10;              ///< contacts spread over this many years before now
    int openDays = 3;            ///< contacts received in the last few days are open work, part way through
    int openContacts = 45;       ///< about how many contacts to place in those days
    double misspeltRate = 0.15;  ///< share of repeat contacts where the referrer misspells the child's name
    double unlinkedRate = 0.04;  ///< share of repeat contacts recorded as a new person (a missed match)
    int batchSize = 500;         ///< contacts per transaction
    std::function<void(int contactsDone)> progress;
};

struct DemoSummary {
    int contacts = 0;
    int people = 0;
    int families = 0;
    double seconds = 0;
};

/// A made-up user of the demo database, with the PIN printed in the README.
struct DemoUser {
    const char* id;
    const char* displayName;
    const char* roles; ///< comma-separated
    const char* pin;
};
/// sam.screener and jo.screener (417205), mo.manager and dee.manager (582936), eve.edt (630418),
/// ada.admin (749163), aud.auditor (851274): one PIN per role, each meeting the default secret policy.
const std::vector<DemoUser>& demoUsers();

/// Adds the demo users to a database that has none, plus `alsoAccount` (the operating-system account
/// running the demo, so the desktop's sign-in works at once) as screener and duty manager with PIN 294716.
/// On a database that already has users, `administrator` adds whichever demo users are missing (the
/// demo data is recorded by them); without one, a ForbiddenError. Returns true if users were added.
bool addDemoUsers(Workspace& workspace, const std::string& alsoAccount,
                  const std::optional<Actor>& administrator = std::nullopt);

/// Why demo data may not be added to this database, or nullopt if it may: only a demo database
/// (init --demo) that holds nothing but what demo made itself (no fact after the last one demo wrote),
/// so demo users, whose PINs are public, never reach a database with real records.
std::optional<std::string> demoRefusal(Workspace& workspace);
/// Remembers the newest fact as made by demo (after a demo run), for demoRefusal.
void rememberDemoFacts(Workspace& workspace);

/// Adds synthetic contacts to the workspace. Deterministic for a given seed and clock.
DemoSummary generateDemoData(Workspace& workspace, const DemoOptions& options);

/// A plausible slip a referrer makes writing a name: a letter dropped, doubled or swapped, or a
/// sound-alike spelling ("Smith" -> "Smyth", "Jon" -> "John").
std::string misspellName(const std::string& name, std::mt19937_64& random);

/// Random given and family names from the demo lists.
std::string randomGivenName(std::mt19937_64& random, bool female);
std::string randomFamilyName(std::mt19937_64& random);

} // namespace frontdoor::core
