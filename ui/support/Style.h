#pragma once
// The look shared by every window: the Fusion style on every platform, readable error and hint
// text, and a few roles widgets opt into with setProperty("role", ...).

class QApplication;

namespace frontdoor::ui {

void applyFrontdoorStyle(QApplication& app);

} // namespace frontdoor::ui
