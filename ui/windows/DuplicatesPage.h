#pragma once
// View ▸ Possible duplicates (Ctrl+Shift+P): the pairs of people who may be one child registered twice (core's
// findDuplicates, on a background thread, on demand and after each sync that brought facts), the two
// side by side with their histories, and what a person decides about a pair: a duty manager merges one
// into the other (keeping the one chosen), anyone screening says they are different children. Merges in
// force are listed below, each undoable by a duty manager. Every decision asks for confirmation and a
// reason; everything is reachable by keyboard.

#include "Workspace.h"
#include "people/Duplicates.h"
#include "people/PersonMerge.h"
#include "store/Fact.h"

#include <QDialog>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace frontdoor::ui {

class BackgroundReader;
class FormFeedback;
class PersonView;

/// What a person is asked before a merge, an unmerge or "not the same child": what will happen, and why.
class DuplicateDecisionDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Merge, Unmerge, NotDuplicate };
    /// For Merge: `first` is kept and `second` merged into it; for Unmerge: `first` is the merge id; for
    /// NotDuplicate: the two people.
    DuplicateDecisionDialog(core::Workspace& workspace, core::Actor actor, Kind kind, QString first, QString second,
                            const QString& explanation, QWidget* parent = nullptr);
    ~DuplicateDecisionDialog() override;
    /// Records the decision; refused, the dialog stays open with the reason kept and core's words shown.
    bool confirm();
    /// The merge id of a merge made here.
    const QString& mergeId() const { return mergeId_; }

private:
    core::Workspace& workspace_;
    core::Actor actor_;
    Kind kind_;
    QString first_;
    QString second_;
    QString mergeId_;
    std::unique_ptr<FormFeedback> feedback_;
    QPlainTextEdit* reason_;
};

class DuplicatesPage : public QWidget {
    Q_OBJECT
public:
    DuplicatesPage(core::Workspace& workspace, core::Actor actor, QWidget* parent = nullptr);
    ~DuplicatesPage() override;

    /// Scans again on the background thread (the list stays as it is until the answer comes).
    void scan();
    bool scanning() const { return scanning_; }
    /// Shows pair `row` side by side (reads both histories in the background).
    void showPair(int row);
    /// Asks to merge the pair in view: keepLeft keeps the person on the left.
    DuplicateDecisionDialog* askMerge(bool keepLeft);
    DuplicateDecisionDialog* askNotDuplicate();
    /// Asks to undo the merge selected in the list of merges.
    DuplicateDecisionDialog* askUnmerge();

signals:
    void scanned();
    void pairShown();
    /// A merge or unmerge was recorded: the people's tabs elsewhere may show something else now.
    void peopleChanged();

private:
    void fillPairs(const core::DuplicateScan& scan, const std::vector<core::PersonMergeRecord>& merges,
                   const std::vector<QString>& mergeNames);
    void updateButtons();
    void decided(const QString& message, const QString& showPersonId);

    core::Workspace& workspace_;
    core::Actor actor_;
    std::unique_ptr<BackgroundReader> reader_;
    bool scanning_ = false;
    bool holdView_ = false;
    bool scanAgain_ = false;
    bool isManager_ = false;
    std::vector<core::DuplicatePair> pairs_;
    std::vector<core::PersonMergeRecord> merges_;
    QLabel* status_;
    QPushButton* scanButton_;
    QTableWidget* table_;
    PersonView* left_;
    PersonView* right_;
    QLabel* reasons_;
    QPushButton* keepLeft_;
    QPushButton* keepRight_;
    QPushButton* notDuplicate_;
    QTableWidget* mergesTable_;
    QPushButton* unmerge_;
};

} // namespace frontdoor::ui
