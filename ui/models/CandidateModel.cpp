#include "models/CandidateModel.h"

#include "people/AdultPeople.h"
#include "support/Text.h"

namespace frontdoor::ui {

CandidateView CandidateView::from(const core::MatchCandidate& candidate) {
    CandidateView view;
    view.person = candidate.person;
    view.name = qs(candidate.person.displayName());
    view.born = qs(candidate.person.displayBirth());
    view.score = candidate.score;
    for (const auto& reason : candidate.reasons)
        view.reasons << qs(reason.text);
    for (const auto& explanation : candidate.flags.explanations)
        view.flagExplanations << qs(explanation);
    view.reReferral = candidate.flags.reReferral;
    view.repeatContacts = candidate.flags.repeatContacts;
    for (const auto& contact : candidate.contacts) {
        QueueItem item = queueItemFrom(contact);
        // Named there as an adult: their role, and whose (any family's) contact it was.
        if (!contact.personRole.empty() && contact.personRole != "child")
            item.what = QObject::tr("as %1 (%2)").arg(qs(core::roleLabel(contact.personRole)), item.children);
        view.contacts.push_back(std::move(item));
    }
    return view;
}

CandidateModel::CandidateModel(QObject* parent) : QAbstractListModel(parent) {}

void CandidateModel::setCandidates(std::vector<CandidateView> candidates) {
    beginResetModel();
    candidates_ = std::move(candidates);
    endResetModel();
}

const CandidateView* CandidateModel::at(int row) const {
    if (row < 0 || static_cast<size_t>(row) >= candidates_.size())
        return nullptr;
    return &candidates_[static_cast<size_t>(row)];
}

void CandidateModel::setLinkedPersonId(const QString& id) {
    if (id == linkedId_)
        return;
    linkedId_ = id;
    if (!candidates_.empty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

int CandidateModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(candidates_.size());
}

QVariant CandidateModel::data(const QModelIndex& index, int role) const {
    const CandidateView* candidate = at(index.row());
    if (!index.isValid() || !candidate)
        return {};
    const bool linked = !linkedId_.isEmpty() && qs(candidate->person.id) == linkedId_;
    switch (role) {
    case Qt::DisplayRole: {
        // Rich text for HtmlItemDelegate: name and score, then the reasons, flags and history.
        QString html = QStringLiteral("<b>%1</b>, %2 &nbsp;<span style='color:#174ea6'><b>%3</b></span>")
                           .arg(candidate->name.toHtmlEscaped(), candidate->born.toHtmlEscaped(),
                                tr("%1% match").arg(candidate->score));
        if (linked)
            html += QStringLiteral(" &nbsp;<b style='color:#1b6e20'>%1</b>").arg(tr("✓ linked"));
        const QString postcode = qs(candidate->person.postcode);
        if (!postcode.isEmpty())
            html += QStringLiteral("<br><span style='color:#555'>%1</span>")
                        .arg((qs(candidate->person.address) + QStringLiteral(", ") + postcode).toHtmlEscaped());
        html += QStringLiteral("<br><span style='color:#333'>%1</span>")
                    .arg(candidate->reasons.join(QStringLiteral("; ")).toHtmlEscaped());
        for (const auto& flag : candidate->flagExplanations)
            html += QStringLiteral("<br><span style='color:#a1260d'><b>⚑</b> %1</span>").arg(flag.toHtmlEscaped());
        if (candidate->contacts.empty()) {
            html += QStringLiteral("<br>%1").arg(tr("No earlier contacts"));
        } else {
            const QueueItem& last = candidate->contacts.front();
            html += QStringLiteral("<br>%1").arg(
                tr("%n earlier contact(s); last %1", nullptr, static_cast<int>(candidate->contacts.size()))
                    .arg(shortDateTime(core::fromEpochMs(last.receivedMs)) +
                         (last.outcome.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(last.outcome)))
                    .toHtmlEscaped());
        }
        return html;
    }
    case Qt::AccessibleTextRole:
        return tr("%1, born %2, score %3. %4. %5")
            .arg(candidate->name, candidate->born)
            .arg(candidate->score)
            .arg(candidate->reasons.join(QStringLiteral("; ")), candidate->flagExplanations.join(QStringLiteral(" ")));
    case PersonIdRole:
        return qs(candidate->person.id);
    case ScoreRole:
        return candidate->score;
    default:
        return {};
    }
}

} // namespace frontdoor::ui
