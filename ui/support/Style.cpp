#include "support/Style.h"

#include <QApplication>
#include <QStyleFactory>

namespace frontdoor::ui {

void applyFrontdoorStyle(QApplication& app) {
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);
    app.setStyleSheet(QStringLiteral(R"css(
QLabel[role="error"] { color: #b00020; }
QLabel[role="hint"] { color: #5f6368; }
QLabel[role="heading"] { font-weight: bold; }
QLabel[role="title"] { font-size: 15pt; font-weight: bold; }
QLabel[role="fieldLabel"] { color: #303030; }
QLabel[role="modeBadge"] { background: #6b3fa0; color: white; font-weight: bold; padding: 1px 8px; border-radius: 3px; }
QLabel[role="errorBanner"] { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; padding: 6px; }
QLabel[role="infoBanner"] { background: #e8f0fe; color: #174ea6; border: 1px solid #c6dafc; padding: 6px; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] { border: 1px solid #b00020; }
QPushButton[role="primary"] { font-weight: bold; padding: 4px 14px; }
QFrame[role="childCard"] { background: palette(base); }
QWidget#linkRow { background: #e6f4ea; border: 1px solid #b7dfc0; }
QGroupBox { font-weight: bold; margin-top: 10px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QGroupBox > QWidget { font-weight: normal; }
QListView[paneFocus="true"], QTableView[paneFocus="true"], QLineEdit[paneFocus="true"] { border: 2px solid #1a73e8; }
QTabWidget[paneFocus="true"]::pane { border: 2px solid #1a73e8; }
)css"));
}

} // namespace frontdoor::ui
