#pragma once
// Help -> Keyboard shortcuts (F1): the shortcut table, as the windows use it.

#include <QDialog>

namespace frontdoor::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* parent = nullptr);
};

} // namespace frontdoor::ui
