#pragma once
// A queue's "What is due" as wide as its rows need, within the room the table has: on a wide screen
// "Acknowledge handover from eve.edt, Sun 22/11/2026 02:40" shows whole; on a small one the column keeps
// its width and a cut text has its tooltip. Follows each page read and each resize of the table.

#include <QObject>

class QTableView;

namespace frontdoor::ui {

class QueueColumns : public QObject {
    Q_OBJECT
public:
    /// Watches `table` (a queue's rows, ContactTableModel's columns), fitting "What is due" to them.
    explicit QueueColumns(QTableView* table);

    /// Fits the column now.
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTableView* table_;
    int base_ = 0; ///< the width it is never narrower than
};

} // namespace frontdoor::ui
