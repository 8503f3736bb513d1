#pragma once
// Every keyboard shortcut in one table: the windows take their keys from here and Help -> Keyboard
// shortcuts lists it, so the two cannot disagree.

#include <QKeySequence>
#include <QList>
#include <QString>

#include <vector>

namespace frontdoor::ui {

struct ShortcutInfo {
    const char* id;           ///< e.g. "record"
    QList<QKeySequence> keys; ///< the first is the one shown
    QString where;            ///< "Everywhere", "New contact", ...
    QString what;
};

/// The whole table, in the order the help lists it.
const std::vector<ShortcutInfo>& shortcutTable();
/// The keys of one entry (empty if unknown).
QList<QKeySequence> shortcutKeys(const char* id);
/// The first key of one entry, as text for buttons and tooltips ("Ctrl+Return").
QString shortcutText(const char* id);

} // namespace frontdoor::ui
