#pragma once
// When a form's draft is saved while someone types (issue 11 point 9): a second after the typing
// stops, and, while it goes on, at the latest kAutosaveMaxWaitMs after the first keystroke not yet
// saved, so steady typing is kept too and a crash loses under two seconds of it.
//
// Also where the cursor was: the field that had focus and the cursor's place in its text, kept with the
// draft and put back when the draft is restored.

#include <nlohmann/json.hpp>

#include <functional>

class QObject;
class QTimer;
class QWidget;

namespace frontdoor::ui {

inline constexpr int kAutosaveQuietMs = 1000;   ///< saved this long after the typing stops
inline constexpr int kAutosaveMaxWaitMs = 1500; ///< and never later than this after the first unsaved keystroke

class AutosaveClock {
public:
    /// `save` runs on the UI thread when a save is due; the timers belong to `parent`.
    AutosaveClock(QObject* parent, std::function<void()> save);

    /// Something was typed: a save is due a second from now, or sooner if unsaved typing has waited
    /// since more than kAutosaveMaxWaitMs - kAutosaveQuietMs.
    void typed();
    /// A save was tried again after `ms` (a failed save's retry); typing does not bring it sooner.
    void retryIn(int ms);
    /// Saved (or nothing to save): no save due.
    void stop();
    bool isDue() const;

private:
    QTimer* quiet_;
    QTimer* maxWait_;
};

/// Where the cursor is in `form`: {"field": objectName, "position": n} for the focused field inside
/// `form` that has a name, or null.
nlohmann::json cursorIn(const QWidget* form);
/// Puts the cursor back where `cursor` (from cursorIn) says: focuses that field of `form` and moves the
/// cursor to its place (clamped to the text). False when there is no such visible, enabled field.
bool putCursorBack(QWidget* form, const nlohmann::json& cursor);

} // namespace frontdoor::ui
