#pragma once
// The search box (Ctrl+K): people and contacts as you type (150 ms after the last key, on a
// BackgroundReader), in a list under the box. Up and Down move through it, Enter opens the person or
// the contact, Esc closes it. Focus stays in the box, so typing never stops. A search is logged (who,
// what, how many results; core/search/SearchLog.h) once the person stops typing, opens a result or
// leaves the box: not at each keystroke.

#include "store/Fact.h"

#include <QLineEdit>

#include <optional>
#include <vector>

class QListView;
class QStandardItemModel;
class QTimer;
class QLabel;

namespace frontdoor::ui {

class BackgroundReader;

class QuickSearchBox : public QLineEdit {
    Q_OBJECT
public:
    /// Searches run, and are logged as `actor`'s, on `reader`.
    QuickSearchBox(BackgroundReader& reader, core::Actor actor, QWidget* parent = nullptr);
    /// How long after the last results the search is logged, if nothing else logs it first.
    static constexpr int kLogAfterMs = 1500;

    /// The results list (a child of the window, floating above it); for tests and screenshots.
    QListView* resultsView() const { return results_; }
    bool resultsVisible() const;
    int resultCount() const;

signals:
    void personChosen(const QString& personId);
    void contactChosen(const QString& contactId);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void showResults();
    void hideResults();
    void placeResults();
    void openRow(int row);
    void logPendingSearch();

    BackgroundReader& reader_;
    core::Actor actor_;
    QTimer* debounce_;
    QTimer* logTimer_;
    struct PendingLog {
        std::string text;
        size_t results;
    };
    std::optional<PendingLog> pendingLog_;
    QListView* results_ = nullptr;
    QStandardItemModel* model_;
    int generation_ = 0;
};

} // namespace frontdoor::ui
