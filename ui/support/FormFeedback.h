#pragma once
// What a workflow form says when core refuses: each FieldError beside the field it is about (found by
// the JSON path core names, e.g. "case_direction.by_when" or "actions[1].due"), the rest and a summary
// in the banner at the top, and the cursor on the first field to put right. Nothing typed is touched.

#include "util/Errors.h"

#include <QHash>
#include <QString>

#include <functional>
#include <vector>

class QLabel;
class QWidget;

namespace frontdoor::ui {

class FieldCell;

/// The banner at the top of a form or dialog where FormFeedback says what was refused: plain text,
/// wrapped, hidden until there is something to say.
QLabel* newBannerLabel(const QString& objectName);

class FormFeedback {
public:
    explicit FormFeedback(QLabel* banner) : banner_(banner) {}

    /// A field core may name by `path`.
    void addCell(const QString& path, FieldCell* cell);
    /// Errors whose path starts with `prefix` ("actions[") go to `place`, which shows them and returns
    /// the widget to focus (or null if it could not place the error).
    void addPlace(const QString& prefix, std::function<QWidget*(const QString& path, const QString& problem)> place);
    FieldCell* cell(const QString& path) const { return cells_.value(path); }

    /// Clears every error shown and hides the banner.
    void clear();
    /// Shows each problem beside its field and a summary (`what` is e.g. "Not signed off") in the
    /// banner; focuses the first field. Returns the number of problems placed beside a field.
    int showErrors(const std::vector<core::FieldError>& errors, const QString& what);
    /// A message in the banner: an error (red) or information (blue).
    void showMessage(const QString& text, bool error);
    /// A refusal that is not about one field (a conflict, a missing role) in the banner, in core's words.
    void showFailure(const QString& what, const std::exception& error);
    /// Hides the banner if it still says `text` (a message that no longer holds, such as a failed save).
    void withdraw(const QString& text);
    /// After an edit: once every problem of the last refusal shown beside its field is put right (no
    /// cell shows one, and `elsewhereClear`: nor do the form's tables), its summary leaves the banner.
    void withdrawIfPutRight(bool elsewhereClear);

private:
    QLabel* banner_;
    QString refusal_; ///< the banner's summary of the last refusal, while every problem was placed
    QHash<QString, FieldCell*> cells_;
    std::vector<std::pair<QString, std::function<QWidget*(const QString&, const QString&)>>> places_;
};

} // namespace frontdoor::ui
