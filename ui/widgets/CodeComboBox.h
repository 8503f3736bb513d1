#pragma once
// A choice from one of core's code lists (census sources, ethnicities), shown as "2A Schools" and
// filtered as you type any part of the code or the label. Leaving the box settles on the one item the
// text names; text that names none is kept as typed, so nothing typed is lost and core says why.

#include "standards/CensusCodes.h"

#include <QComboBox>

#include <vector>

namespace frontdoor::ui {

class CodeComboBox : public QComboBox {
    Q_OBJECT
public:
    explicit CodeComboBox(const std::vector<core::CodeLabel>& codes, QWidget* parent = nullptr);

    /// The chosen code, "" when blank, or the text as typed when it names no item.
    QString code() const;
    void setCode(const QString& code);
    /// Picks the item the text names: its code, its whole text, or the only label containing it.
    void settle();

signals:
    void codeEdited();

protected:
    void focusOutEvent(QFocusEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showStart();
    /// The item the text names (0 for blank), or -1.
    int resolve(const QString& typed) const;
};

} // namespace frontdoor::ui
