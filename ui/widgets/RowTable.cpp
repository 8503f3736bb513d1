#include "widgets/RowTable.h"

#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/WorkflowText.h"

#include <algorithm>

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QStandardItemModel>
#include <QStyledItemDelegate>

namespace frontdoor::ui {
namespace {

constexpr int kCodeRole = Qt::UserRole + 1; ///< an agency's code, a date's ISO form

/// Every cell's keys: Enter finishes the cell (Shift+Enter is a new line in a longer text), Escape
/// finishes it keeping what was typed (RevertModelCache tells the table it was Escape: the data is
/// already in), Ctrl+Tab leaves the table; Tab and Shift+Tab as QStyledItemDelegate has them (the
/// table decides where they go).
class CellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    bool eventFilter(QObject* object, QEvent* event) override {
        auto* editor = qobject_cast<QWidget*>(object);
        if (!editor || event->type() != QEvent::KeyPress)
            return QStyledItemDelegate::eventFilter(object, event);
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool control = key->modifiers() & Qt::ControlModifier;
        switch (key->key()) {
        case Qt::Key_Escape:
            emit commitData(editor);
            emit closeEditor(editor, RevertModelCache);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (control)
                return false; // the form's shortcut (Ctrl+Enter)
            if (auto* text = qobject_cast<QPlainTextEdit*>(editor); text && (key->modifiers() & Qt::ShiftModifier)) {
                text->insertPlainText(QStringLiteral("\n"));
                return true;
            }
            emit commitData(editor);
            emit closeEditor(editor, NoHint);
            return true;
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            if (control) {
                auto* table = editor->parentWidget() ? qobject_cast<RowTable*>(editor->parentWidget()->parentWidget()) : nullptr;
                emit commitData(editor);
                emit closeEditor(editor, NoHint);
                if (table)
                    table->leaveTable(!(key->modifiers() & Qt::ShiftModifier) && key->key() == Qt::Key_Tab);
                return true;
            }
            break;
        default:
            break;
        }
        return QStyledItemDelegate::eventFilter(object, event);
    }
};

/// Agencies from core's list, chosen in a combo box (typing the first letters picks one).
class AgencyDelegate : public CellDelegate {
public:
    using CellDelegate::CellDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override {
        auto* combo = new QComboBox(parent);
        combo->addItem(QString(), QString());
        for (const auto& [code, label] : agencyChoices())
            combo->addItem(label, code);
        return combo;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        auto* combo = static_cast<QComboBox*>(editor);
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(kCodeRole).toString())));
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        auto* combo = static_cast<QComboBox*>(editor);
        model->setData(index, combo->currentData().toString(), kCodeRole);
        model->setData(index, combo->currentData().toString().isEmpty() ? QString() : combo->currentText(),
                       Qt::DisplayRole);
    }
};

/// Longer text (what an agency shared) in a box that wraps; Tab still leaves the cell.
class LongTextDelegate : public CellDelegate {
public:
    using CellDelegate::CellDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override {
        auto* edit = new QPlainTextEdit(parent);
        edit->setTabChangesFocus(true);
        return edit;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        auto* edit = static_cast<QPlainTextEdit*>(editor);
        if (edit->toPlainText().isEmpty())
            edit->setPlainText(index.data(Qt::EditRole).toString());
        edit->moveCursor(QTextCursor::End);
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        model->setData(index, static_cast<QPlainTextEdit*>(editor)->toPlainText(), Qt::EditRole);
    }
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option, const QModelIndex&) const override {
        QRect rect = option.rect;
        rect.setHeight(std::max(rect.height(), option.fontMetrics.height() * 4));
        editor->setGeometry(rect);
    }
};

/// A date typed as people type them; what it was read as is shown in the cell.
class DateDelegate : public CellDelegate {
public:
    DateDelegate(const core::Clock& clock, QObject* parent) : CellDelegate(parent), clock_(clock) {}
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override {
        auto* edit = new QLineEdit(parent);
        edit->setPlaceholderText(QCoreApplication::translate("RowTable", "dd/mm/yyyy"));
        return edit;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        auto* edit = static_cast<QLineEdit*>(editor);
        if (edit->text().isEmpty())
            edit->setText(index.data(Qt::DisplayRole).toString());
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        const QString typed = static_cast<QLineEdit*>(editor)->text().trimmed();
        const auto date = parseTypedDate(typed, core::utcDate(clock_.now()));
        const QString iso = date ? qs(core::formatDate(*date)) : typed;
        model->setData(index, iso, kCodeRole);
        model->setData(index, date ? ukDate(ss(iso)) : typed, Qt::DisplayRole);
    }

private:
    const core::Clock& clock_;
};

} // namespace

RowTable::RowTable(const core::Clock& clock, std::vector<Column> columns, QWidget* parent)
    : QTableWidget(parent), clock_(clock), columns_(std::move(columns)) {
    setColumnCount(static_cast<int>(columns_.size()));
    QStringList headers;
    for (const auto& column : columns_)
        headers << column.header;
    setHorizontalHeaderLabels(headers);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    verticalHeader()->setMinimumSectionSize(fontMetrics().height() + 12); // rows fitted to text never get cramped
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked |
                    QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    setTabKeyNavigation(false); // focusNextPrevChild() decides where Tab goes
    setItemDelegate(new CellDelegate(this));
    setWordWrap(true);
    setAlternatingRowColors(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    int stretch = -1;
    for (int i = 0; i < columnCount(); ++i) {
        const auto& column = columns_[static_cast<size_t>(i)];
        if (column.kind == Kind::Agency)
            setItemDelegateForColumn(i, new AgencyDelegate(this));
        else if (column.kind == Kind::Date)
            setItemDelegateForColumn(i, new DateDelegate(clock_, this));
        else if (column.kind == Kind::LongText)
            setItemDelegateForColumn(i, new LongTextDelegate(this));
        if (column.width > 0)
            setColumnWidth(i, column.width);
        else
            stretch = i;
    }
    horizontalHeader()->setStretchLastSection(false);
    if (stretch >= 0)
        horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    connect(this, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (settingRows_)
            return;
        item->setData(Qt::BackgroundRole, QVariant()); // typing clears the cell's error
        item->setToolTip(QString());
        const bool hadErrors = !errors_.empty();
        errors_.erase({item->row(), item->column()});
        errors_.erase({-1, -1}); // typing in the table answers what was said about it as a whole
        if (hadErrors)
            updateErrorLine();
        if (columns_[static_cast<size_t>(item->column())].kind == Kind::LongText)
            resizeRowToContents(item->row());
        emit edited();
    });

    auto* add = new QShortcut(this);
    add->setKeys(shortcutKeys("addRow"));
    add->setContext(Qt::WidgetWithChildrenShortcut);
    connect(add, &QShortcut::activated, this, [this] {
        if (!readOnly_)
            addRow();
    });
    auto* remove = new QShortcut(this);
    remove->setKeys(shortcutKeys("removeRow"));
    remove->setContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        if (!readOnly_)
            removeCurrentRow();
    });
    fitHeight();
}

int RowTable::columnOf(const QString& key) const {
    for (size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].key == key)
            return static_cast<int>(i);
    return -1;
}

QString RowTable::cellValue(int row, int column, bool withEditor) const {
    const auto& kind = columns_[static_cast<size_t>(column)].kind;
    const bool coded = kind == Kind::Agency || kind == Kind::Date;
    if (withEditor) {
        const QModelIndex index = model()->index(row, column);
        if (QWidget* editor = indexWidget(index)) {
            // What the cell would hold if it were left now, worked out by its own delegate.
            QStandardItemModel scratch(1, 1);
            itemDelegateForIndex(index)->setModelData(editor, &scratch, scratch.index(0, 0));
            return (coded ? scratch.index(0, 0).data(kCodeRole) : scratch.index(0, 0).data(Qt::DisplayRole))
                .toString()
                .trimmed();
        }
    }
    const QTableWidgetItem* cell = item(row, column);
    if (!cell)
        return {};
    return (coded ? cell->data(kCodeRole).toString() : cell->text()).trimmed();
}

nlohmann::json RowTable::toJson() const {
    auto rows = nlohmann::json::array();
    for (int r = 0; r < rowCount(); ++r) {
        nlohmann::json object = nlohmann::json::object();
        bool typed = false;
        for (int c = 0; c < columnCount(); ++c) {
            const auto& column = columns_[static_cast<size_t>(c)];
            const std::string key = ss(column.key);
            if (column.kind == Kind::Check) {
                const QTableWidgetItem* cell = item(r, c);
                object[key] = cell && cell->checkState() == Qt::Checked;
                continue;
            }
            const QString value = cellValue(r, c, false);
            if (value.isEmpty())
                continue;
            object[key] = ss(value);
            // An agency chosen alone (a row pre-filled, not yet typed in) is not a row yet.
            typed = typed || column.kind != Kind::Agency;
        }
        if (typed)
            rows.push_back(std::move(object));
    }
    return rows;
}

bool RowTable::rowSent(int row) const {
    for (int c = 0; c < columnCount(); ++c) {
        const auto kind = columns_[static_cast<size_t>(c)].kind;
        if (kind != Kind::Check && kind != Kind::Agency && !cellValue(row, c, false).isEmpty())
            return true;
    }
    return false;
}

int RowTable::rowOfJsonIndex(int index) const {
    for (int r = 0, sent = 0; r < rowCount(); ++r)
        if (rowSent(r) && sent++ == index)
            return r;
    return -1;
}

nlohmann::json RowTable::draftJson() const {
    auto rows = nlohmann::json::array();
    for (int r = 0; r < rowCount(); ++r) {
        nlohmann::json object = nlohmann::json::object();
        for (int c = 0; c < columnCount(); ++c) {
            const auto& column = columns_[static_cast<size_t>(c)];
            const std::string key = ss(column.key);
            if (column.kind == Kind::Check) {
                const QTableWidgetItem* cell = item(r, c);
                object[key] = cell && cell->checkState() == Qt::Checked;
                continue;
            }
            const QString value = cellValue(r, c, true);
            if (!value.isEmpty())
                object[key] = ss(value);
        }
        rows.push_back(std::move(object));
    }
    return rows;
}

bool RowTable::edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) {
    if (!QTableWidget::edit(index, trigger, event))
        return false;
    QWidget* editor = indexWidget(index);
    if (editor && !editor->property("rowTableWatched").toBool()) {
        editor->setProperty("rowTableWatched", true);
        if (auto* line = qobject_cast<QLineEdit*>(editor))
            connect(line, &QLineEdit::textEdited, this, &RowTable::typing);
        else if (auto* text = qobject_cast<QPlainTextEdit*>(editor))
            connect(text, &QPlainTextEdit::textChanged, this, &RowTable::typing);
        else if (auto* combo = qobject_cast<QComboBox*>(editor))
            connect(combo, &QComboBox::activated, this, &RowTable::typing);
    }
    // The key that opened the editor is typing too.
    if (trigger == AnyKeyPressed)
        emit typing();
    return true;
}

void RowTable::setJson(const nlohmann::json& rows) {
    settingRows_ = true;
    setRowCount(0);
    addedByTab_ = -1;
    errors_.clear();
    updateErrorLine();
    if (rows.is_array())
        for (const auto& source : rows) {
            const int r = rowCount();
            insertRow(r);
            for (int c = 0; c < columnCount(); ++c) {
                const auto& column = columns_[static_cast<size_t>(c)];
                auto* cell = new QTableWidgetItem;
                const std::string key = ss(column.key);
                switch (column.kind) {
                case Kind::Check:
                    cell->setFlags((cell->flags() | Qt::ItemIsUserCheckable) & ~Qt::ItemIsEditable);
                    cell->setCheckState(source.value(key, false) ? Qt::Checked : Qt::Unchecked);
                    break;
                case Kind::Agency: {
                    const std::string code = source.value(key, std::string());
                    cell->setData(kCodeRole, qs(code));
                    cell->setText(code.empty() ? QString() : agencyLabel(code));
                    break;
                }
                case Kind::Date: {
                    const std::string iso = source.value(key, std::string());
                    cell->setData(kCodeRole, qs(iso));
                    cell->setText(iso.empty() ? QString() : ukDate(iso));
                    break;
                }
                default:
                    cell->setText(jsonText(source, key.c_str()));
                    break;
                }
                if (readOnly_) {
                    cell->setFlags(cell->flags() & ~Qt::ItemIsEditable & ~Qt::ItemIsUserCheckable);
                    cell->setToolTip(cell->text()); // a narrow column still lets it be read whole
                }
                setItem(r, c, cell);
            }
        }
    // Only longer text grows a row (any text, in a table that is only read); the others keep one even height.
    const bool longText = std::any_of(columns_.begin(), columns_.end(), [](const auto& column) { return column.kind == Kind::LongText; });
    if (longText || readOnly_)
        resizeRowsToContents();
    settingRows_ = false;
    fitHeight();
}

int RowTable::addRow() {
    settingRows_ = true;
    const int r = rowCount();
    insertRow(r);
    for (int c = 0; c < columnCount(); ++c) {
        auto* cell = new QTableWidgetItem;
        if (columns_[static_cast<size_t>(c)].kind == Kind::Check) {
            cell->setFlags((cell->flags() | Qt::ItemIsUserCheckable) & ~Qt::ItemIsEditable);
            cell->setCheckState(Qt::Checked);
        }
        setItem(r, c, cell);
    }
    settingRows_ = false;
    fitHeight();
    setFocus(Qt::ShortcutFocusReason);
    setCurrentCell(r, 0);
    scrollToItem(item(r, 0));
    emit edited();
    return r;
}

void RowTable::removeCurrentRow() {
    const int r = currentRow();
    if (r < 0)
        return;
    removeRow(r);
    if (addedByTab_ == r)
        addedByTab_ = -1;
    else if (addedByTab_ > r)
        --addedByTab_;
    // What was said about the rows below moves up with them.
    std::map<std::pair<int, int>, QString> errors;
    for (const auto& [where, problem] : errors_)
        if (where.first != r)
            errors[{where.first > r ? where.first - 1 : where.first, where.second}] = problem;
    errors_.swap(errors);
    updateErrorLine();
    fitHeight();
    if (rowCount() > 0)
        setCurrentCell(std::min(r, rowCount() - 1), 0);
    emit edited();
}

QWidget* RowTable::markError(int row, const QString& key, const QString& problem) {
    const int column = key.isEmpty() ? 0 : columnOf(key);
    if (row < 0 || row >= rowCount() || column < 0)
        return nullptr;
    QTableWidgetItem* cell = item(row, column);
    settingRows_ = true;
    if (!cell) {
        cell = new QTableWidgetItem;
        setItem(row, column, cell);
    }
    cell->setData(Qt::BackgroundRole, QColor(0xfd, 0xec, 0xea));
    cell->setToolTip(problem);
    settingRows_ = false;
    auto& said = errors_[{row, column}];
    said = said.isEmpty() ? problem : said + QStringLiteral("; ") + problem;
    updateErrorLine();
    setCurrentCell(row, column);
    return this;
}

QWidget* RowTable::markTableError(const QString& problem) {
    auto& said = errors_[{-1, -1}];
    said = said.isEmpty() ? problem : said + QStringLiteral("; ") + problem;
    updateErrorLine();
    return this;
}

void RowTable::clearErrors() {
    settingRows_ = true;
    for (int r = 0; r < rowCount(); ++r)
        for (int c = 0; c < columnCount(); ++c)
            if (auto* cell = item(r, c)) {
                cell->setData(Qt::BackgroundRole, QVariant());
                cell->setToolTip(QString());
            }
    settingRows_ = false;
    errors_.clear();
    updateErrorLine();
}

QLabel* RowTable::errorLine() {
    if (!errorLine_) {
        errorLine_ = new QLabel;
        errorLine_->setObjectName(objectName() + QStringLiteral("Error"));
        errorLine_->setProperty("role", QStringLiteral("error"));
        errorLine_->setWordWrap(true);
        errorLine_->setTextFormat(Qt::PlainText);
        errorLine_->hide();
        updateErrorLine();
    }
    return errorLine_;
}

void RowTable::updateErrorLine() {
    // Beside the table, each problem names its row (and the agency in it, if any) and its column:
    // "Row 1 (Police): Name is required".
    static const QRegularExpression startsWithVerb(QStringLiteral("^(is|must|cannot|needs) "));
    QStringList lines;
    const int agencyColumn = [this] {
        for (size_t i = 0; i < columns_.size(); ++i)
            if (columns_[i].kind == Kind::Agency)
                return static_cast<int>(i);
        return -1;
    }();
    for (const auto& [where, problem] : errors_) {
        const auto [row, column] = where;
        if (row < 0) {
            lines << tr("%1: %2").arg(accessibleName().isEmpty() ? tr("The table") : accessibleName(), problem);
            continue;
        }
        const QString header = columns_[static_cast<size_t>(column)].header;
        const QString what = startsWithVerb.match(problem).hasMatch() ? header + QLatin1Char(' ') + problem
                                                                      : tr("%1: %2").arg(header, problem);
        const QTableWidgetItem* agency = agencyColumn >= 0 && agencyColumn != column ? item(row, agencyColumn) : nullptr;
        lines << (agency && !agency->text().isEmpty() ? tr("Row %1 (%2): %3").arg(row + 1).arg(agency->text(), what)
                                                      : tr("Row %1: %2").arg(row + 1).arg(what));
    }
    if (!errorLine_)
        return;
    errorLine_->setText(lines.join(QLatin1Char('\n')));
    errorLine_->setVisible(!lines.isEmpty());
    setAccessibleDescription(lines.join(QLatin1Char(' ')));
}

void RowTable::setReadOnly(bool readOnly) {
    readOnly_ = readOnly;
    setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                             : QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked |
                                   QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    settingRows_ = true;
    for (int r = 0; r < rowCount(); ++r)
        for (int c = 0; c < columnCount(); ++c)
            if (auto* cell = item(r, c)) {
                if (readOnly)
                    cell->setFlags(cell->flags() & ~Qt::ItemIsEditable & ~Qt::ItemIsUserCheckable);
                else if (columns_[static_cast<size_t>(c)].kind == Kind::Check)
                    cell->setFlags(cell->flags() | Qt::ItemIsUserCheckable);
                else
                    cell->setFlags(cell->flags() | Qt::ItemIsEditable);
            }
    settingRows_ = false;
}

void RowTable::fitHeight() {
    // Tall enough for the rows (at least two, at most eight) so a form scrolls as one page.
    int rows = 0;
    for (int r = 0; r < std::min(rowCount(), 8); ++r)
        rows += rowHeight(r);
    const int empty = std::max(0, 2 - rowCount()) * verticalHeader()->defaultSectionSize();
    setFixedHeight(horizontalHeader()->sizeHint().height() + rows + empty + 2 * frameWidth() + 4);
}

bool RowTable::rowEmpty(int row) const {
    for (int c = 0; c < columnCount(); ++c)
        if (columns_[static_cast<size_t>(c)].kind != Kind::Check && !cellValue(row, c, true).isEmpty())
            return false;
    return true;
}

bool RowTable::dropEmptyAddedRow() {
    const int r = addedByTab_;
    if (r < 0 || r >= rowCount() || currentRow() != r || !rowEmpty(r))
        return false;
    addedByTab_ = -1;
    removeRow(r);
    fitHeight();
    if (rowCount() > 0)
        setCurrentCell(rowCount() - 1, columnCount() - 1);
    emit edited();
    return true;
}

void RowTable::goToCell(int row, int column) {
    setCurrentCell(row, column);
    scrollToItem(item(row, column));
    const QModelIndex index = model()->index(row, column);
    if (readOnly_ || !(model()->flags(index) & Qt::ItemIsEditable))
        return;
    // Open for typing after what is there: Tab never leaves a cell's text selected for typing over.
    edit(index, AllEditTriggers, nullptr);
    QWidget* editor = indexWidget(index);
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->deselect();
        line->end(false);
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(editor)) {
        text->moveCursor(QTextCursor::End);
    }
}

void RowTable::moveFromCell(bool forward) {
    const int r = currentRow();
    const int c = currentColumn();
    const int last = columnCount() - 1;
    if (r < 0 || c < 0) {
        if (rowCount() > 0)
            goToCell(forward ? 0 : rowCount() - 1, forward ? 0 : last);
        else
            leaveTable(forward);
        return;
    }
    if (!forward) {
        if (c > 0)
            goToCell(r, c - 1);
        else if (r > 0)
            goToCell(r - 1, last);
        else
            leaveTable(false);
        return;
    }
    if (r == addedByTab_ && dropEmptyAddedRow()) { // Tab on the new row, nothing typed: out
        leaveTable(true);
        return;
    }
    if (c < last)
        goToCell(r, c + 1);
    else if (r < rowCount() - 1)
        goToCell(r + 1, 0);
    else if (rowEmpty(r))
        leaveTable(true);
    else {
        addRow();
        addedByTab_ = rowCount() - 1;
        goToCell(addedByTab_, 0);
    }
}

void RowTable::leaveTable(bool forward) {
    // The next field in the tab order, passing over anything hidden or disabled and, going forward,
    // over buttons: a word typed into a button would press it with its first space.
    QWidget* next = this;
    for (int guard = 0; guard < 1000; ++guard) {
        next = forward ? next->nextInFocusChain() : next->previousInFocusChain();
        if (!next || next == this)
            break;
        if (isAncestorOf(next) || next->window() != window() || !(next->focusPolicy() & Qt::TabFocus) ||
            !next->isVisible() || !next->isEnabled() || next->focusProxy())
            continue;
        if (forward && qobject_cast<QPushButton*>(next))
            continue;
        next->setFocus(forward ? Qt::TabFocusReason : Qt::BacktabFocusReason);
        return;
    }
    QTableWidget::focusNextPrevChild(forward);
}

bool RowTable::focusNextPrevChild(bool next) {
    if (readOnly_)
        return QTableWidget::focusNextPrevChild(next);
    if (state() == EditingState) // an editor that let Tab through: finish the cell first
        if (QWidget* editor = indexWidget(currentIndex())) {
            commitData(editor);
            QTableWidget::closeEditor(editor, QAbstractItemDelegate::NoHint);
        }
    moveFromCell(next);
    return true;
}

void RowTable::keyPressEvent(QKeyEvent* event) {
    if (!readOnly_ && (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) &&
        (event->modifiers() & Qt::ControlModifier)) {
        leaveTable(event->key() == Qt::Key_Tab && !(event->modifiers() & Qt::ShiftModifier));
        return;
    }
    if (!readOnly_ && event->key() == Qt::Key_Escape && state() != EditingState && dropEmptyAddedRow())
        return;
    QTableWidget::keyPressEvent(event);
}

void RowTable::closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) {
    switch (hint) {
    case QAbstractItemDelegate::EditNextItem:
    case QAbstractItemDelegate::EditPreviousItem:
        // Not QAbstractItemView's way (it wraps from the last cell to the first, its text selected).
        QTableWidget::closeEditor(editor, QAbstractItemDelegate::NoHint);
        moveFromCell(hint == QAbstractItemDelegate::EditNextItem);
        return;
    case QAbstractItemDelegate::RevertModelCache: // Escape: what was typed is already in the cell
        QTableWidget::closeEditor(editor, QAbstractItemDelegate::NoHint);
        dropEmptyAddedRow();
        return;
    default:
        QTableWidget::closeEditor(editor, hint);
    }
}

QSize RowTable::sizeHint() const { return {400, height()}; }
QSize RowTable::minimumSizeHint() const { return {200, height()}; }

} // namespace frontdoor::ui
