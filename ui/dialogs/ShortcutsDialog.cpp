#include "dialogs/ShortcutsDialog.h"

#include "support/Shortcuts.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdoor::ui {

ShortcutsDialog::ShortcutsDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto* model = new QStandardItemModel(0, 3, this);
    model->setHorizontalHeaderLabels({tr("Keys"), tr("Where"), tr("What it does")});
    for (const auto& entry : shortcutTable()) {
        QStringList keys;
        for (const auto& key : entry.keys)
            keys << key.toString(QKeySequence::NativeText);
        if (QLatin1String(entry.id) == QLatin1String("queues"))
            keys = QStringList{tr("Ctrl+1 … Ctrl+9")};
        QList<QStandardItem*> row{new QStandardItem(keys.join(QStringLiteral(" or "))), new QStandardItem(entry.where),
                                  new QStandardItem(entry.what)};
        for (auto* item : row)
            item->setEditable(false);
        model->appendRow(row);
    }
    auto* table = new QTableView;
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setModel(model);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->verticalHeader()->setMinimumSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(true);
    table->setAlternatingRowColors(true);
    table->resizeColumnToContents(0);
    table->resizeColumnToContents(1);
    table->setColumnWidth(0, table->columnWidth(0) + 16);
    table->setColumnWidth(1, table->columnWidth(1) + 16);

    auto* intro = new QLabel(tr("Everything in Frontdoor can be done from the keyboard. Tab and Shift+Tab move "
                                "between fields; underlined letters with Alt jump to a field."));
    intro->setWordWrap(true);
    // Longer descriptions wrap onto a second line rather than being cut off; the rows follow the
    // width, and the list scrolls by pixels so its scroll bar reaches the very end of the last row.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(900, 640);
}

} // namespace frontdoor::ui
