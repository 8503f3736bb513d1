#include "widgets/RowTable.h"

#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/WorkflowText.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QStandardItemModel>
#include <QStyledItemDelegate>

namespace frontdoor::ui {
namespace {

constexpr int kCodeRole = Qt::UserRole + 1; ///< an agency's code, a date's ISO form

/// Agencies from core's list, chosen in a combo box (typing the first letters picks one).
class AgencyDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
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
class LongTextDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
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
class DateDelegate : public QStyledItemDelegate {
public:
    DateDelegate(const core::Clock& clock, QObject* parent) : QStyledItemDelegate(parent), clock_(clock) {}
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
    setTabKeyNavigation(false); // Tab leaves the table; while typing in a cell it moves to the next
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
                if (readOnly_)
                    cell->setFlags(cell->flags() & ~Qt::ItemIsEditable & ~Qt::ItemIsUserCheckable);
                setItem(r, c, cell);
            }
        }
    // Only longer text grows a row; the others keep one even height.
    for (const auto& column : columns_)
        if (column.kind == Kind::LongText) {
            resizeRowsToContents();
            break;
        }
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
    if (!cell) {
        cell = new QTableWidgetItem;
        setItem(row, column, cell);
    }
    settingRows_ = true;
    cell->setData(Qt::BackgroundRole, QColor(0xfd, 0xec, 0xea));
    cell->setToolTip(problem);
    settingRows_ = false;
    setCurrentCell(row, column);
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

QSize RowTable::sizeHint() const { return {400, height()}; }
QSize RowTable::minimumSizeHint() const { return {200, height()}; }

} // namespace frontdoor::ui
