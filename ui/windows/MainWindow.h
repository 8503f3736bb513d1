#pragma once
// The main window: queues on the left, the selected queue's contacts in the middle.

#include "Workspace.h"

#include <QMainWindow>

class QListWidget;
class QTableView;
class QLabel;

namespace frontdoor::ui {

class ContactListModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(core::Workspace& workspace, QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void showQueue(int row);
    void restoreWindowState();

    core::Workspace& workspace_;
    QListWidget* queues_ = nullptr;
    QTableView* table_ = nullptr;
    ContactListModel* model_ = nullptr;
    QLabel* countLabel_ = nullptr;
};

} // namespace frontdoor::ui
