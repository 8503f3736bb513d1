#include "widgets/MatchingPanel.h"

#include "search/SearchLog.h"
#include "support/BackgroundReader.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "widgets/HtmlItemDelegate.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace frontdoor::ui {

MatchingPanel::MatchingPanel(BackgroundReader& reader, core::Actor actor, QWidget* parent)
    : QWidget(parent), reader_(reader), actor_(std::move(actor)), logTimer_(new QTimer(this)) {
    logTimer_->setSingleShot(true);
    logTimer_->setInterval(kLogAfterMs);
    connect(logTimer_, &QTimer::timeout, this, &MatchingPanel::logPendingSearch);
    connect(this, &MatchingPanel::linkRequested, this, &MatchingPanel::logPendingSearch);
    setObjectName(QStringLiteral("matchingPanel"));
    setAccessibleName(tr("Possible matches"));
    heading_ = new QLabel(tr("Already known?"));
    heading_->setObjectName(QStringLiteral("matchHeading"));
    heading_->setProperty("role", QStringLiteral("heading"));
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("matchStatus"));
    status_->setWordWrap(true);
    status_->setProperty("role", QStringLiteral("hint"));

    model_ = new CandidateModel(this);
    list_ = new QListView;
    list_->setObjectName(QStringLiteral("matchList"));
    list_->setAccessibleName(tr("People who may be this child"));
    list_->setModel(model_);
    list_->setItemDelegate(new HtmlItemDelegate(list_));
    list_->setUniformItemSizes(false);
    list_->setResizeMode(QListView::Adjust);
    list_->setWordWrap(true);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(list_, &QListView::activated, this, &MatchingPanel::linkRequested);
    connect(list_, &QListView::clicked, this, [this](const QModelIndex& index) {
        if (const CandidateView* candidate = model_->at(index.row()))
            chosenId_ = qs(candidate->person.id);
    });

    detail_ = new QTextBrowser;
    detail_->setObjectName(QStringLiteral("candidateDetail"));
    detail_->setAccessibleName(tr("The highlighted person's earlier contacts"));
    detail_->setOpenLinks(false);
    connect(detail_, &QTextBrowser::anchorClicked, this,
            [this](const QUrl& url) { emit contactActivated(url.path()); });

    link_ = new QPushButton;
    link_->setObjectName(QStringLiteral("linkButton"));
    resetLinkButton();
    link_->setFocusPolicy(Qt::NoFocus); // Ctrl+L does it from wherever the typing is
    connect(link_, &QPushButton::clicked, this, &MatchingPanel::linkRequested);

    auto* split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("matchSplitter"));
    split->addWidget(list_);
    split->addWidget(detail_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading_);
    layout->addWidget(status_);
    layout->addWidget(split, 1);
    layout->addWidget(link_);
    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this, &MatchingPanel::showHighlighted);
    clear(tr("Type a child's name or date of birth: anyone already known appears here."));
}

void MatchingPanel::clear(const QString& hint) {
    ++generation_;
    searching_ = false;
    chosenId_.clear();
    model_->setCandidates({});
    status_->setText(hint);
    detail_->clear();
    resetLinkButton();
}

void MatchingPanel::resetLinkButton() {
    link_->setText(tr("&Link to the child (%1)").arg(shortcutText("link")));
    link_->setEnabled(false);
}

void MatchingPanel::clearHighlight() {
    chosenId_.clear();
    list_->selectionModel()->clearCurrentIndex();
    list_->clearSelection();
    showHighlighted();
}

void MatchingPanel::search(const core::PersonQuery& query, const QString& childLabel) {
    childLabel_ = childLabel;
    heading_->setText(tr("Already known? %1").arg(childLabel));
    const int generation = ++generation_;
    searching_ = true;
    status_->setText(tr("Looking…"));
    reader_.run<std::vector<CandidateView>>(
        this, QStringLiteral("match"),
        [query](core::Workspace& ws) {
            std::vector<CandidateView> views;
            for (const auto& candidate : core::PersonSearch(ws).search(query))
                views.push_back(CandidateView::from(candidate));
            return views;
        },
        [this, generation, query](Answer<std::vector<CandidateView>> answer) {
            if (generation != generation_)
                return;
            ScopedUiTiming timing("match candidates shown");
            searching_ = false;
            if (!answer.ok()) {
                clear(answer.error);
                return;
            }
            const int count = static_cast<int>(answer.value->size());
            // Typing on replaces this search with the next; the one the typing stops at is logged.
            pendingLog_.emplace(nlohmann::json{{"given", query.givenName},
                                               {"family", query.familyName},
                                               {"dob", query.dateOfBirth ? core::formatDate(*query.dateOfBirth) : ""},
                                               {"postcode", query.postcode}},
                                static_cast<size_t>(count));
            logTimer_->start();
            // A candidate the screener highlighted stays highlighted while still listed.
            const QString chosen = chosenId_;
            model_->setCandidates(std::move(*answer.value));
            for (int row = 0; row < count && !chosen.isEmpty(); ++row) {
                if (qs(model_->at(row)->person.id) == chosen) {
                    list_->setCurrentIndex(model_->index(row));
                    chosenId_ = chosen;
                    status_->setText(tr("%n possible match(es), best first. %1 moves, %2 links.", nullptr, count)
                                         .arg(shortcutText("nextCandidate"), shortcutText("link")));
                    return;
                }
            }
            chosenId_.clear();
            // The model's reset dropped the highlight without a signal: the button must not name a
            // candidate no longer there.
            showHighlighted();
            if (count == 0) {
                status_->setText(tr("No one known matches what is typed so far."));
                return;
            }
            // Only a likely match is highlighted ready to link; weaker ones are listed for the screener
            // to choose.
            if (model_->at(0)->score >= core::kLikelyMatchScore) {
                status_->setText(tr("%n possible match(es), best first. %1 moves, %2 links.", nullptr, count)
                                     .arg(shortcutText("nextCandidate"), shortcutText("link")));
                list_->setCurrentIndex(model_->index(0));
            } else {
                status_->setText(tr("%n possible match(es), none likely enough to highlight (under %1%). "
                                    "%2 highlights one, %3 links it.",
                                    nullptr, count)
                                     .arg(core::kLikelyMatchScore)
                                     .arg(shortcutText("nextCandidate"), shortcutText("link")));
            }
        },
        true);
}

void MatchingPanel::logPendingSearch() {
    logTimer_->stop();
    if (!pendingLog_)
        return;
    const auto log = *pendingLog_;
    pendingLog_.reset();
    const core::Actor actor = actor_;
    reader_.run<bool>(
        this, QString(),
        [log, actor](core::Workspace& ws) {
            core::logSearch(ws, actor, "matching", log.first, log.second);
            return true;
        },
        [](Answer<bool>) {});
}

void MatchingPanel::setLinkedPersonId(const QString& id) { model_->setLinkedPersonId(id); }

const CandidateView* MatchingPanel::highlighted() const {
    return list_->currentIndex().isValid() ? model_->at(list_->currentIndex().row()) : nullptr;
}

int MatchingPanel::candidateCount() const { return model_->rowCount(); }

void MatchingPanel::moveHighlight(int step) {
    const int count = model_->rowCount();
    if (count == 0)
        return;
    // From no highlight, either key highlights the best candidate first.
    const int next = list_->currentIndex().isValid() ? list_->currentIndex().row() + step : 0;
    list_->setCurrentIndex(model_->index(std::clamp(next, 0, count - 1)));
    if (const CandidateView* candidate = highlighted())
        chosenId_ = qs(candidate->person.id);
}

void MatchingPanel::showHighlighted() {
    const CandidateView* candidate = highlighted();
    if (!candidate) {
        detail_->clear();
        resetLinkButton();
        return;
    }
    link_->setEnabled(true);
    link_->setText(tr("&Link %1 to %2 (%3)").arg(candidate->name, childLabel_.isEmpty() ? tr("the child") : childLabel_,
                                                 shortcutText("link")));
    QString html = QStringLiteral("<b>%1</b>").arg(tr("Earlier contacts about %1").arg(candidate->name.toHtmlEscaped()));
    if (candidate->contacts.empty())
        html += QStringLiteral("<p>%1</p>").arg(tr("None."));
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (const auto& contact : candidate->contacts) {
        const QString date = toLocal(core::fromEpochMs(contact.receivedMs)).toString(QStringLiteral("dd/MM/yyyy"));
        const QString what = contact.outcome.isEmpty() ? humanise(ss(contact.status)) : contact.outcome;
        html += QStringLiteral("<tr><td style='white-space:nowrap'><a href='contact:%1'>%2</a></td>"
                               "<td>%3 · %4%5%6</td></tr>")
                    .arg(contact.id, date, contact.source.toHtmlEscaped(), what.toHtmlEscaped(),
                         contact.reReferral ? tr(" · re-referral") : QString(),
                         contact.what.isEmpty() ? QString() : QStringLiteral(" · <b>%1</b>").arg(contact.what.toHtmlEscaped()));
    }
    html += QStringLiteral("</table>");
    detail_->setHtml(html);
}

} // namespace frontdoor::ui
