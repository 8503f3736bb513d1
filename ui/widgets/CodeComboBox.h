#pragma once
// A choice from one of core's code lists (census sources, ethnicities, an adult's relationship), shown
// as "2A Schools" (or by its label alone) and filtered as you type any part of the code or the label.
// Leaving the box settles on the item the text names best: its code or whole label, else the one label
// starting with it ("school" -> 2A Schools), else the one people call that ("mum"), else the one with
// that word ("GP", "uncle"), else the one whose words all start with the typed words ("step sis"). Text that names no item, or several equally, is kept as
// typed (nothing typed is lost) and refused at once beside the field, with the choices in words.

#include "standards/CensusCodes.h"

#include <QComboBox>
#include <QStringList>

#include <vector>

namespace frontdoor::ui {

class CodeComboBox : public QComboBox {
    Q_OBJECT
public:
    /// One choice: the code stored, the text shown, and other words people say for it ("nan", "mum").
    struct Choice {
        QString code;
        QString text;
        QStringList searchWords;
    };

    /// Items shown as "code label".
    explicit CodeComboBox(const std::vector<core::CodeLabel>& codes, QWidget* parent = nullptr);
    /// Items shown as given (a relationship: "Aunt or uncle").
    explicit CodeComboBox(const std::vector<Choice>& choices, QWidget* parent = nullptr);

    /// The chosen code, "" when blank, or the text as typed when it names no item.
    QString code() const;
    void setCode(const QString& code);
    /// Picks the item the text names; if it names none or several, says so beside the field.
    void settle();
    /// The problem shown by the last settle ("" when the text named an item).
    const QString& refusal() const { return refusal_; }

signals:
    void codeEdited();

protected:
    void focusOutEvent(QFocusEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setUp(const std::vector<Choice>& choices);
    void showStart();
    void refuse(const QString& problem);
    /// The item the text names (0 for blank), or -1; `ties` gets the items it could name.
    int resolve(const QString& typed, QList<int>* ties = nullptr) const;
    /// How well `typed` names item `index`: 0 (exactly) to 5 (somewhere inside), or -1.
    int rank(int index, const QString& typed) const;

    QString refusal_;
};

} // namespace frontdoor::ui
