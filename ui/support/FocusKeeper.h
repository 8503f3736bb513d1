#pragma once
// The field being typed in is always in view. Once installed, every move of the keyboard focus scrolls
// each scroll area around the focused widget (the innermost first) so the whole widget, and its label
// where it has one, shows with a margin; a widget taller than the view shows from its top. It runs
// again once the layouts have settled (a part just added, an error shown above), and forms call
// `reveal` where the focus is put on a field that may already have it (a refusal naming it).

class QWidget;

namespace frontdoor::ui {

namespace FocusKeeper {

/// Starts keeping the focused field in view, for the whole application (once; later calls do nothing).
void install();

/// Scrolls every scroll area around `widget` so it is in view, now and again once layouts settle.
void reveal(QWidget* widget);

/// The margin kept around a revealed field, in pixels.
inline constexpr int kMargin = 12;

} // namespace FocusKeeper

} // namespace frontdoor::ui
