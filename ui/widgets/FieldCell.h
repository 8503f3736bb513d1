#pragma once
// One labelled input of a form, with a line under it for what is wrong with it. Forms address cells
// by the JSON path core names in a FieldError ("children[0].date_of_birth"), so a refusal shows
// beside the field it is about. Editing the input clears its error.

#include <QLabel>
#include <QWidget>

class QGridLayout;

namespace frontdoor::ui {

class FieldCell : public QWidget {
    Q_OBJECT
public:
    /// `extra` (optional) sits beside the input, e.g. a date's reading or a checkbox.
    FieldCell(const QString& label, QWidget* input, QWidget* extra = nullptr, QWidget* parent = nullptr);

    QWidget* input() const { return input_; }
    QString labelText() const;
    void setLabelText(const QString& text);
    void setError(const QString& problem);
    void clearError();
    bool hasError() const { return !error_->isHidden(); }
    QString errorText() const { return error_->text(); }

private:
    QLabel* label_;
    QWidget* input_;
    QLabel* error_;
};

/// Places cells in a grid, `columns` across, a cell spanning `span` columns.
class FieldGrid {
public:
    FieldGrid(QGridLayout* layout, int columns) : layout_(layout), columns_(columns) {}
    void add(QWidget* cell, int span = 1);
    void newRow();

private:
    QGridLayout* layout_;
    int columns_;
    int row_ = 0;
    int column_ = 0;
};

} // namespace frontdoor::ui
