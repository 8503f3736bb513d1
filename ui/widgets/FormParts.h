#pragma once
// The small pieces every form is built from, made one way so the forms look and behave alike.

#include <QString>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace frontdoor::ui {

/// A titled section of a form, named for tests and accessibility.
QGroupBox* newSection(const QString& title, const QString& objectName);

/// A multi-line text box `lines` high where Tab moves on (a form is filled with the keyboard), with a
/// placeholder saying what belongs in it.
QPlainTextEdit* newTextBox(const QString& objectName, int lines, const QString& placeholder = QString());

/// A text box like newTextBox that is at least `lines` high and grows into the room its layout has
/// to spare (a tall screen gives it more lines), asking for no more than its lines otherwise.
QPlainTextEdit* newGrowingTextBox(const QString& objectName, int lines, const QString& placeholder = QString());

/// The rich-text line at the top of a workflow page (what, who, when), showing `loadingText` until the
/// page has read what it shows.
QLabel* newPageHeader(const QString& objectName, const QString& loadingText);

/// A choice box whose pop-up shows every item in full (as wide as its widest item, however narrow the
/// box) and whose box, when too narrow for the choice, has the whole of it in its tooltip. Items added
/// later count too.
void showChoicesInFull(QComboBox* combo);

/// The hint shown in an empty line edit, also as its tooltip, so a narrow box that cuts it still says it.
void setHint(QLineEdit* edit, const QString& hint);

} // namespace frontdoor::ui
