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
    const QString contact = tr("The contact in view");
    const QString screening = tr("Screening");
    const QString signOff = tr("Sign-off");
    const QString strategy = tr("Strategy discussion");
    const QString tables = tr("Screening, strategy discussion");
    const QString note = tr("Add a note");
    const QString conflicts = tr("Sync conflicts");
    const QString correction = tr("Correct the record");
    return {
        {"search", {QKeySequence(Qt::CTRL | Qt::Key_K)}, everywhere, tr("Search people and contacts")},
        {"newContact", {QKeySequence(Qt::CTRL | Qt::Key_N)}, everywhere, tr("New contact")},
        {"queues", {QKeySequence(Qt::CTRL | Qt::Key_1)}, everywhere, tr("Show a queue; each keeps its number whoever you are: 1 handovers, 2 my drafts, 3 my work, "
                                                                     "4 awaiting screening, 5 awaiting sign-off, 6 strategy discussions, "
                                                                     "7 referrer feedback, 8 overdue, 9 decided, 0 all contacts (those of "
                                                                     "your role)")},
        {"refresh", {QKeySequence(Qt::Key_F5)}, everywhere, tr("Refresh the queues and their counts")},
        {"nextPane", {QKeySequence(Qt::Key_F6)}, everywhere, tr("Move between queues, list, detail and search; the pane with the focus is framed in blue")},
        {"nextTab", {QKeySequence(Qt::CTRL | Qt::Key_PageDown)}, everywhere, tr("Next open tab")},
        {"previousTab", {QKeySequence(Qt::CTRL | Qt::Key_PageUp)}, everywhere, tr("Previous open tab")},
        {"closeTab", {QKeySequence(Qt::CTRL | Qt::Key_W)}, everywhere, tr("Close the tab (a draft is kept)")},
        {"shortcuts", {QKeySequence(Qt::Key_F1)}, everywhere, tr("This list of keyboard shortcuts")},
        {"quit", {QKeySequence(Qt::CTRL | Qt::Key_Q)}, everywhere, tr("Quit (every draft is saved first)")},
        {"duplicates", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)}, everywhere,
         tr("Possible duplicate people: merge them, or say they are different children")},
        {"lock", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)}, everywhere,
         tr("Lock the desk now (drafts saved; your PIN opens it again)")},
        {"conflicts", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)}, everywhere,
         tr("Sync conflicts: what two desks did that cannot both stand (duty managers resolve them; "
            "administrators and auditors read them); from a contact's banner, its conflict")},
        {"resolveConflict", {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         conflicts, tr("Resolve the selected conflict with the version chosen (Alt+A or Alt+B) and the note")},
        {"open", {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}, queue,
         tr("Open the selected row's work: the contact, a draft, your screening, a sign-off, a strategy "
            "discussion, a handover")},
        {"record", {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, form,
         tr("Record the contact")},
        {"saveDraft", {QKeySequence(Qt::CTRL | Qt::Key_S)}, form,
         tr("Save the draft now (it also saves itself a second after you stop typing)")},
        {"addChild", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}, form,
         tr("Add a sibling (family name and address copied)")},
        {"addAdult", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)}, form, tr("Add an adult")},
        {"removePart", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete)}, form,
         tr("Remove the child or adult the cursor is in (Ctrl+Z puts it back)")},
        {"undoRemove", {QKeySequence(Qt::CTRL | Qt::Key_Z)}, form,
         tr("Put back the child or adult just removed (outside a text box)")},
        {"nextCandidate", {QKeySequence(Qt::CTRL | Qt::Key_Down)}, form, tr("Highlight the next possible match")},
        {"previousCandidate", {QKeySequence(Qt::CTRL | Qt::Key_Up)}, form,
         tr("Highlight the previous possible match")},
        {"link", {QKeySequence(Qt::CTRL | Qt::Key_L)}, form,
         tr("Link the highlighted match to the child you are typing")},
        {"unlink", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)}, form, tr("Unlink that child again")},
        {"screen", {QKeySequence(Qt::CTRL | Qt::Key_E)}, contact,
         tr("Screen the contact (starting its screening), or continue screening it")},
        {"handBack", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)}, contact,
         tr("Hand a contact you started screening by mistake back to the queue, saying why")},
        {"signOff", {QKeySequence(Qt::CTRL | Qt::Key_D)}, contact,
         tr("Sign off the recommendation or return it (a duty manager who did not make it)")},
        {"strategy", {QKeySequence(Qt::CTRL | Qt::Key_T)}, contact,
         tr("The strategy discussion: schedule, record it held, record the outcome, actions, print")},
        {"tellReferrer", {QKeySequence(Qt::CTRL | Qt::Key_R)}, contact, tr("Record that the referrer was told the outcome")},
        {"closeContact", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)}, contact,
         tr("Close the contact (what is still outstanding is listed)")},
        {"acknowledgeHandover", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H)}, contact,
         tr("Acknowledge the out-of-hours handover (duty manager)")},
        {"addNote", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)}, contact,
         tr("Add a note to the contact: what came to light since (screener, duty manager, EDT worker)")},
        {"correct", {QKeySequence(Qt::CTRL | Qt::Key_M)}, tr("The contact or person in view"),
         tr("Correct the record: the contact as recorded, or the person's details (the recorder or a duty manager; "
            "once decided, a duty manager)")},
        {"saveCorrection", {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, correction,
         tr("Save the correction (Enter in a field does too; Esc cancels)")},
        {"saveNote", {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, note,
         tr("Add the note typed")},
        {"recommend", {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, screening,
         tr("Record the recommendation (the analysis is saved with it)")},
        {"saveAnalysis", {QKeySequence(Qt::CTRL | Qt::Key_S)}, screening, tr("Save the analysis now")},
        {"findIndicator", {QKeySequence(Qt::CTRL | Qt::Key_F)}, screening,
         tr("Find an indicator: type to filter, Down to the list, Space ticks")},
        {"useSuggestion", {QKeySequence(Qt::CTRL | Qt::Key_U)}, screening,
         tr("Take the suggested level, outcome and RAG again")},
        {"addRow", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}, tables,
         tr("Add the partner check typed; add a row to the table you are in")},
        {"removeRow", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete)}, tables, tr("Remove the row you are in")},
        {"leaveTable", {QKeySequence(Qt::CTRL | Qt::Key_Tab)}, tables,
         tr("Leave the table for the next field (Tab moves cell to cell, then to a new row)")},
        {"decide", {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, signOff,
         tr("Sign off with the case direction; in the return reason, return it instead (the form says which)")},
        {"returnForEdits", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)}, signOff,
         tr("Return the recommendation to the screener with your reason")},
        {"strategyNext", {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, strategy,
         tr("Save the next step: schedule, record it held, record the outcome")},
        {"markActionDone", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)}, strategy,
         tr("Mark the selected agreed action done")},
        {"print", {QKeySequence(Qt::CTRL | Qt::Key_P)}, strategy, tr("Print the record to share with partners")},
        {"savePdf", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}, strategy, tr("Save the record as a PDF")},
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
