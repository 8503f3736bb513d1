#pragma once
// The search box (Ctrl+K): people and contacts as you type (150 ms after the last key, on a
// BackgroundReader), in a list under the box. Up and Down move through it, Enter opens the person or
// the contact, Esc closes it. Focus stays in the box, so typing never stops.

#include <QLineEdit>

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
    QuickSearchBox(BackgroundReader& reader, QWidget* parent = nullptr);

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

    BackgroundReader& reader_;
    QTimer* debounce_;
    QListView* results_ = nullptr;
    QStandardItemModel* model_;
    int generation_ = 0;
};

} // namespace frontdoor::ui
