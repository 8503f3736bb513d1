#pragma once
// Tab and Shift+Tab in a date-and-time box move to the next field, as everywhere else on a form,
// rather than through the box's day, month, year, hour and minute (typing digits moves through those).

class QDateTimeEdit;

namespace frontdoor::ui {

void tabLeaves(QDateTimeEdit* edit);

} // namespace frontdoor::ui
