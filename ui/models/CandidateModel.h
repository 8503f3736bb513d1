#pragma once
// The matching panel's list: people the front door may already know, as core's PersonSearch ranked
// them, each with its score, the reasons, the history flags and the earlier contacts.

#include "models/QueueDefinitions.h"
#include "people/PersonSearch.h"

#include <QAbstractListModel>
#include <QStringList>

#include <vector>

namespace frontdoor::ui {

struct CandidateView {
    core::Person person;
    QString name;    ///< "John Smith"
    QString born;    ///< "12/03/2015"
    int score = 0;
    QStringList reasons;
    QStringList flagExplanations;
    bool reReferral = false;
    bool repeatContacts = false;
    std::vector<QueueItem> contacts; ///< newest first

    static CandidateView from(const core::MatchCandidate& candidate);
};

class CandidateModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { PersonIdRole = Qt::UserRole + 1, ScoreRole };

    explicit CandidateModel(QObject* parent = nullptr);

    void setCandidates(std::vector<CandidateView> candidates);
    const CandidateView* at(int row) const;
    /// The person linked to the child being matched, marked in the list.
    void setLinkedPersonId(const QString& id);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<CandidateView> candidates_;
    QString linkedId_;
};

} // namespace frontdoor::ui
