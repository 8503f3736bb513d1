#include "support/Shortcuts.h"

#include <QCoreApplication>

#include <cstring>

namespace frontdoor::ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Shortcuts", text); }

std::vector<ShortcutInfo> buildTable() {
    const QString everywhere = tr("Everywhere");
    const QString queue = tr("Queue");
    const QString form = tr("New contact");
    const QString search = tr("Search box");
    return {
        {"search", {QKeySequence(Qt::CTRL | Qt::Key_K)}, everywhere, tr("Search people and contacts")},
        {"newContact", {QKeySequence(Qt::CTRL | Qt::Key_N)}, everywhere, tr("New contact")},
        {"queues", {QKeySequence(Qt::CTRL | Qt::Key_1)}, everywhere, tr("Show that queue (first, second… in the sidebar)")},
        {"refresh", {QKeySequence(Qt::Key_F5)}, everywhere, tr("Refresh the queues and their counts")},
        {"nextPane", {QKeySequence(Qt::Key_F6)}, everywhere, tr("Move between queues, list and detail")},
        {"nextTab", {QKeySequence(Qt::CTRL | Qt::Key_PageDown)}, everywhere, tr("Next open tab")},
        {"previousTab", {QKeySequence(Qt::CTRL | Qt::Key_PageUp)}, everywhere, tr("Previous open tab")},
        {"closeTab", {QKeySequence(Qt::CTRL | Qt::Key_W)}, everywhere, tr("Close the tab (a draft is kept)")},
        {"shortcuts", {QKeySequence(Qt::Key_F1)}, everywhere, tr("This list of keyboard shortcuts")},
        {"quit", {QKeySequence(Qt::CTRL | Qt::Key_Q)}, everywhere, tr("Quit (every draft is saved first)")},
        {"open", {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}, queue,
         tr("Open the selected contact, or continue the selected draft")},
        {"record", {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, form,
         tr("Record the contact")},
        {"saveDraft", {QKeySequence(Qt::CTRL | Qt::Key_S)}, form,
         tr("Save the draft now (it also saves itself a second after you stop typing)")},
        {"addChild", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}, form,
         tr("Add a sibling (family name and address copied)")},
        {"addAdult", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)}, form, tr("Add an adult")},
        {"nextCandidate", {QKeySequence(Qt::CTRL | Qt::Key_Down)}, form, tr("Highlight the next possible match")},
        {"previousCandidate", {QKeySequence(Qt::CTRL | Qt::Key_Up)}, form,
         tr("Highlight the previous possible match")},
        {"link", {QKeySequence(Qt::CTRL | Qt::Key_L)}, form,
         tr("Link the highlighted match to the child you are typing")},
        {"unlink", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)}, form, tr("Unlink that child again")},
        {"searchMove", {QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_Up)}, search, tr("Move through the results")},
        {"searchOpen", {QKeySequence(Qt::Key_Return)}, search, tr("Open the person or contact")},
        {"searchClose", {QKeySequence(Qt::Key_Escape)}, search, tr("Close the results")},
    };
}

} // namespace

const std::vector<ShortcutInfo>& shortcutTable() {
    static const std::vector<ShortcutInfo> table = buildTable();
    return table;
}

QList<QKeySequence> shortcutKeys(const char* id) {
    for (const auto& entry : shortcutTable())
        if (std::strcmp(entry.id, id) == 0)
            return entry.keys;
    return {};
}

QString shortcutText(const char* id) {
    const auto keys = shortcutKeys(id);
    return keys.isEmpty() ? QString() : keys.front().toString(QKeySequence::NativeText);
}

} // namespace frontdoor::ui
