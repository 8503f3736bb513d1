#pragma once
// A small table typed into row by row: invitees, attendees, apologies, each agency's information, the
// people at risk, the agreed actions. Typing on a cell edits it. Tab moves cell to cell (the next cell
// opens with the cursor after its text, nothing selected), row to row, and from the last cell of a row
// with something in it to a new row; Tab on that new row left empty takes it away again and leaves the
// table for the next field, never straight onto a button (a typed space would press it); Ctrl+Tab
// leaves at once. Enter finishes the cell (Shift+Enter starts a new line in a longer text); Escape
// finishes it too, keeping what was typed. Ctrl+Shift+N adds a row, Ctrl+Shift+Delete removes the
// current one. What core refuses in a cell is marked there and said in words, naming the row and the
// column, on the table's error line (errorLine()), each cleared as its cell is typed in. Agencies are chosen from
// core's list; dates are typed as people type them (12/03/2026) and sent to core as ISO dates, or as
// typed when they cannot be read (core then says why, beside the cell).

#include "util/Clock.h"

#include <nlohmann/json.hpp>

#include <QTableWidget>

#include <map>
#include <vector>

class QLabel;

namespace frontdoor::ui {

class RowTable : public QTableWidget {
    Q_OBJECT
public:
    enum class Kind { Text, LongText, Agency, Date, Check };
    struct Column {
        QString key;    ///< the JSON key of each row object
        QString header;
        Kind kind = Kind::Text;
        int width = 0;  ///< 0: stretch (the last such column takes the rest)
    };

    RowTable(const core::Clock& clock, std::vector<Column> columns, QWidget* parent = nullptr);

    /// The rows as JSON objects, rows with nothing typed (an agency chosen alone is not typing) left
    /// out; blank cells are left out of each object.
    nlohmann::json toJson() const;
    /// The table row that toJson()'s `index`-th object came from (rows with nothing typed are left out
    /// of it, so core's "invitees[2]" may be the table's fourth row); -1 if there is none.
    int rowOfJsonIndex(int index) const;
    /// Every row as it stands, for a draft: rows not yet typed in and blank ones too, and the cell
    /// being typed in with what is in its editor (not yet in the table). setJson() puts it back.
    nlohmann::json draftJson() const;
    /// Replaces the rows (objects with the columns' keys; other keys are ignored).
    void setJson(const nlohmann::json& rows);
    /// Adds an empty row and starts typing in its first cell. Returns its index.
    int addRow();
    void removeCurrentRow();
    /// Marks one cell as wrong (core's FieldError for `<name>[row].<key>`); false if there is no such cell.
    QWidget* markError(int row, const QString& key, const QString& problem);
    /// A problem with the table as a whole (core's FieldError for `<name>`), on the error line until
    /// the table is next typed in.
    QWidget* markTableError(const QString& problem);
    void clearErrors();
    bool hasErrors() const { return !errors_.empty(); }
    /// The line under the table (the form places it) that says what is wrong, in words ("Row 1
    /// (Police): Name is required"); hidden while nothing is. Named `<objectName>Error`.
    QLabel* errorLine();
    /// Leaves the table for the next (or previous) field, passing over buttons going forward.
    void leaveTable(bool forward);
    /// Read-only: shown, not typed in.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return readOnly_; }
    int columnOf(const QString& key) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void edited();
    /// A key typed in a cell's editor, before the cell is left (edited() follows when it is).
    void typing();

protected:
    bool edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void keyPressEvent(QKeyEvent* event) override;
    void closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) override;

private:
    void fitHeight();
    /// Whether toJson() sends the row: something typed in it (an agency chosen alone is not typing).
    bool rowSent(int row) const;
    /// Tab (or Shift+Tab) from the current cell: the next cell, the next row, a new row, or out.
    void moveFromCell(bool forward);
    /// Makes (row, column) current and, if it can be typed in, opens it with the cursor at the end.
    void goToCell(int row, int column);
    /// Nothing in any cell of the row (an agency chosen counts; a tick does not).
    bool rowEmpty(int row) const;
    /// Escape, or Tab, on a row Tab added and nothing typed in: it goes again. True if it went.
    bool dropEmptyAddedRow();
    void updateErrorLine();
    /// A cell's value as toJson() sends it (an agency's or a date's code, or the text); with
    /// `withEditor`, what its open editor holds instead, if it is being typed in.
    QString cellValue(int row, int column, bool withEditor) const;

    const core::Clock& clock_;
    std::vector<Column> columns_;
    bool readOnly_ = false;
    bool settingRows_ = false;
    int addedByTab_ = -1; ///< the row Tab added from the last cell, while it is empty
    std::map<std::pair<int, int>, QString> errors_; ///< (row, column) -> problem; (-1, -1) the table's
    QLabel* errorLine_ = nullptr;
};

} // namespace frontdoor::ui
