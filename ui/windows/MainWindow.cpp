#include "windows/MainWindow.h"

#include "models/ContactListModel.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdoor::ui {

MainWindow::MainWindow(core::Workspace& workspace, QWidget* parent) : QMainWindow(parent), workspace_(workspace) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Frontdoor — contacts and referrals"));

    queues_ = new QListWidget;
    queues_->setObjectName(QStringLiteral("queueList"));
    queues_->setAccessibleName(tr("Queues"));
    queues_->addItem(tr("All contacts"));
    queues_->addItem(tr("Awaiting decision"));
    queues_->addItem(tr("Decided"));
    queues_->setMaximumWidth(260);

    model_ = new ContactListModel(workspace_, this);
    table_ = new QTableView;
    table_->setObjectName(QStringLiteral("contactTable"));
    table_->setAccessibleName(tr("Contacts"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(ContactListModel::Received, 150);
    table_->setColumnWidth(ContactListModel::Children, 220);
    table_->setColumnWidth(ContactListModel::Source, 200);
    table_->setColumnWidth(ContactListModel::Status, 90);
    table_->setColumnWidth(ContactListModel::Outcome, 220);

    auto* splitter = new QSplitter;
    splitter->addWidget(queues_);
    splitter->addWidget(table_);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    countLabel_ = new QLabel;
    countLabel_->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addWidget(countLabel_);
    statusBar()->addPermanentWidget(new QLabel(QString::fromStdString(workspace_.db().path())));

    connect(queues_, &QListWidget::currentRowChanged, this, &MainWindow::showQueue);
    queues_->setCurrentRow(0);
    setTabOrder(queues_, table_);
    restoreWindowState();
}

void MainWindow::showQueue(int row) {
    core::ContactFilter filter;
    if (row == 1)
        filter.status = "recorded";
    else if (row == 2)
        filter.status = "decided";
    model_->setFilter(filter);
    countLabel_->setText(tr("%n contact(s)", nullptr, static_cast<int>(model_->totalCount())));
}

void MainWindow::restoreWindowState() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1280, 760);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace frontdoor::ui
