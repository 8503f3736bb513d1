#pragma once
// A contact's reference: short enough to read over the phone, unique across desks without asking
// anyone. "FD-26-K7Q2-0042" is
//   FD    Frontdoor
//   26    the (UTC) year the contact was recorded, for people; uniqueness does not rely on it
//   K7Q2  the recording desk's code: 4 Crockford base-32 characters (no I, L, O, U) of a hash of the
//         desk's device id
//   0042  the contact.recorded fact's device sequence number on that desk (at least 4 digits)
// It is computed from the contact.recorded fact's own fields (device id, device sequence, recorded at),
// never stored separately, so every contact has one (those recorded before references existed too),
// every desk that holds the fact computes the same one, and `rebuild` gives the same projection. A desk
// numbers its facts 1, 2, 3... (the log refuses a second fact with the same device and sequence), so
// one desk never mints a reference twice. Two desks mint the same reference only if their device ids
// hash to the same desk code (about 1 in a million per pair of desks); that is detected, never hidden:
// looking the reference up finds both contacts and refuses to pick one (ConflictError naming both ids).

#include "store/Fact.h"
#include "store/Sqlite.h"

#include <cstdint>
#include <optional>
#include <string>

namespace frontdoor::core {

/// The desk's 4-character code (Crockford base 32) derived from its device id.
std::string deskCode(const std::string& deviceId);

/// "FD-26-K7Q2-0042" from the recording desk, that desk's sequence number for the fact, and when it
/// was recorded (an instant as formatInstant writes it, "2026-11-23T09:20:00Z").
std::string contactReference(const std::string& deviceId, int64_t deviceSeq, const std::string& recordedAt);
/// The reference of the contact a contact.recorded fact records.
std::string contactReference(const Fact& recorded);

/// Text as a reference is stored: upper case, spaces removed ("fd-26-k7q2-0042" -> "FD-26-K7Q2-0042").
std::string normaliseReference(const std::string& text);

/// The id of the contact whose reference is `text` (any case), or nullopt if none has it. Throws
/// ConflictError if two contacts share it (two desks whose codes collide), naming both ids.
std::optional<std::string> contactIdByReference(Database& db, const std::string& text);

/// `idOrReference` itself if a contact has that id; else the id of the contact with that reference;
/// else `idOrReference` unchanged (so the caller's "no contact with id ..." still names what was typed).
std::string resolveContactId(Database& db, const std::string& idOrReference);

/// The reference of a contact by its id, "" if unknown.
std::string referenceOf(Database& db, const std::string& contactId);

/// Fills in the reference of contacts projected before the column existed (migration 9).
void backfillContactReferences(Database& db);

} // namespace frontdoor::core
