#pragma once
// When typing cannot be saved to the database (the file was deleted or replaced under the app, the disk
// is full, the file cannot be written), what was typed is written to a recovery file beside the database
// so that it survives the app closing, and the user is told where it is.

#include <nlohmann/json.hpp>

#include <QString>

namespace frontdoor::ui {

/// Writes `typed` (with what it is and who typed it) to a new file beside `databasePath`
/// ("frontdoor-recovered-<user>-<form>-<time>.json", readable by its owner only), or, when that folder
/// is gone or cannot be written, to the app's data folder. Returns the file's path, or an empty string
/// when nothing could be written anywhere. With `previous` (a path this returned before), that file is
/// brought up to date instead of a new one being made, so retries leave one file per form.
QString writeRecoveryFile(const QString& databasePath, const QString& user, const QString& form,
                          const nlohmann::json& typed, const QString& previous = QString());

/// "What you typed is kept in FILE." (or a plain warning when no file could be written), to add to a
/// failure message.
QString recoveryNote(const QString& file);

} // namespace frontdoor::ui
