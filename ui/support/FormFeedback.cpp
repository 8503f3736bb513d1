#include "support/FormFeedback.h"

#include "support/FocusKeeper.h"
#include "support/Text.h"
#include "widgets/FieldCell.h"

#include <QCoreApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QStyle>
#include <QWidget>

namespace frontdoor::ui {
namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("FormFeedback", text, disambiguation, n);
}

/// "Reason is required" reads better beside the field than "is required".
QString readable(const QString& label, const QString& problem) {
    static const QRegularExpression startsWithVerb(QStringLiteral("^(is|must|cannot|needs) "));
    if (!label.isEmpty() && startsWithVerb.match(problem).hasMatch())
        return label + QLatin1Char(' ') + problem;
    return problem;
}

} // namespace

QLabel* newBannerLabel(const QString& objectName) {
    auto* banner = new QLabel;
    banner->setObjectName(objectName);
    banner->setWordWrap(true);
    banner->setTextFormat(Qt::PlainText);
    banner->hide();
    return banner;
}

void FormFeedback::addCell(const QString& path, FieldCell* cell) { cells_.insert(path, cell); }

void FormFeedback::addPlace(const QString& prefix,
                            std::function<QWidget*(const QString& path, const QString& problem)> place) {
    places_.emplace_back(prefix, std::move(place));
}

void FormFeedback::clear() {
    for (auto* cell : cells_)
        cell->clearError();
    if (banner_)
        banner_->hide();
}

int FormFeedback::showErrors(const std::vector<core::FieldError>& errors, const QString& what) {
    QStringList unplaced;
    QWidget* first = nullptr;
    int placed = 0;
    for (const auto& error : errors) {
        const QString path = qs(error.field);
        const QString problem = qs(error.problem);
        if (FieldCell* cell = cells_.value(path)) {
            // "Rationale (required: …)" names the field as "Rationale" in the sentence.
            const QString text = readable(cell->labelText().section(QStringLiteral(" ("), 0, 0), problem);
            cell->setError(cell->hasError() ? cell->errorText() + QLatin1Char('\n') + text : text);
            first = first ? first : cell->input();
            ++placed;
            continue;
        }
        QWidget* where = nullptr;
        for (const auto& [prefix, place] : places_)
            if (path.startsWith(prefix) && (where = place(path, problem)))
                break;
        if (where) {
            first = first ? first : where; // the place shows the problem, in words naming the field
            ++placed;
            continue;
        }
        unplaced << (path.isEmpty() || path == QLatin1String("(input)") ? problem
                                                                       : QStringLiteral("%1: %2").arg(path, problem));
    }
    QString text = placed > 0 ? tr("%1: %n problem(s) to put right, each shown beside its field.", nullptr, placed)
                                    .arg(what)
                              : what + QLatin1Char('.');
    if (!unplaced.isEmpty())
        text += QLatin1Char('\n') + unplaced.join(QLatin1Char('\n'));
    showMessage(text, true);
    refusal_ = unplaced.isEmpty() ? text : QString();
    if (first) {
        first->setFocus(Qt::OtherFocusReason);
        FocusKeeper::reveal(first); // in view, also when it had the focus already
    }
    return placed;
}

void FormFeedback::showMessage(const QString& text, bool error) {
    if (!banner_)
        return;
    banner_->setText(text);
    banner_->setProperty("role", error ? QStringLiteral("errorBanner") : QStringLiteral("infoBanner"));
    banner_->style()->unpolish(banner_);
    banner_->style()->polish(banner_);
    banner_->show();
}

void FormFeedback::showFailure(const QString& what, const std::exception& error) {
    showMessage(tr("%1: %2").arg(what, QString::fromUtf8(error.what())), true);
}

void FormFeedback::withdrawIfPutRight(bool elsewhereClear) {
    if (refusal_.isEmpty() || !elsewhereClear)
        return;
    for (const auto* cell : cells_)
        if (cell->hasError())
            return;
    withdraw(refusal_);
    refusal_.clear();
}

void FormFeedback::withdraw(const QString& text) {
    if (banner_ && !banner_->isHidden() && banner_->text() == text)
        banner_->hide();
}

} // namespace frontdoor::ui
