#pragma once
// A small table typed into row by row: invitees, attendees, apologies, each agency's information, the
// people at risk, the agreed actions. Typing on a cell edits it; Tab while editing moves to the next
// cell; Ctrl+Shift+N adds a row, Ctrl+Shift+Delete removes the current one. Agencies are chosen from
// core's list; dates are typed as people type them (12/03/2026) and sent to core as ISO dates, or as
// typed when they cannot be read (core then says why, beside the cell).

#include "util/Clock.h"

#include <nlohmann/json.hpp>

#include <QTableWidget>

#include <vector>

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
    void clearErrors();
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

private:
    void fitHeight();
    /// A cell's value as toJson() sends it (an agency's or a date's code, or the text); with
    /// `withEditor`, what its open editor holds instead, if it is being typed in.
    QString cellValue(int row, int column, bool withEditor) const;

    const core::Clock& clock_;
    std::vector<Column> columns_;
    bool readOnly_ = false;
    bool settingRows_ = false;
};

} // namespace frontdoor::ui
