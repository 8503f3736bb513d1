#pragma once
// Beside the children on the new-contact form: the people the front door may already know, searched
// as names and dates are typed (core's PersonSearch, counting the contact being typed, on a
// BackgroundReader so typing never waits), each with its score, reasons, flags and earlier contacts.
// Ctrl+Up/Down highlight a candidate, Ctrl+L links it to the child being typed. Only a likely match
// (core::kLikelyMatchScore) is highlighted for the screener; the link button names the highlighted
// candidate, or no one. A search is logged (core/search/SearchLog.h) once the typing stops for a moment
// or a candidate is linked, not per key.

#include "models/CandidateModel.h"
#include "store/Fact.h"

#include <QWidget>

#include <optional>
#include <utility>

class QLabel;
class QListView;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace frontdoor::ui {

class BackgroundReader;

class MatchingPanel : public QWidget {
    Q_OBJECT
public:
    /// Searches run, and are logged as `actor`'s, on `reader`.
    MatchingPanel(BackgroundReader& reader, core::Actor actor, QWidget* parent = nullptr);
    /// How long after the last results the search is logged, if linking does not log it first.
    static constexpr int kLogAfterMs = 1500;

    /// Searches for `query` (debounced by the caller). `childLabel` says whom for ("Child 1").
    void search(const core::PersonQuery& query, const QString& childLabel);
    /// Shows nothing, with a hint.
    void clear(const QString& hint);
    void setLinkedPersonId(const QString& id);

    const CandidateView* highlighted() const;
    /// Highlights the next (+1) or previous (-1) candidate; from none, the best one.
    void moveHighlight(int step);
    /// No candidate highlighted (after linking): the link button names no one until one is.
    void clearHighlight();
    QPushButton* linkButton() const { return link_; }
    int candidateCount() const;
    bool searching() const { return searching_; }
    QListView* listView() const { return list_; }

signals:
    /// The link button was pressed (the form links the highlighted candidate).
    void linkRequested();
    /// A contact in the highlighted candidate's history was chosen.
    void contactActivated(const QString& contactId);

private:
    void showHighlighted();
    void logPendingSearch();
    void resetLinkButton();

    BackgroundReader& reader_;
    core::Actor actor_;
    QTimer* logTimer_;
    std::optional<std::pair<nlohmann::json, size_t>> pendingLog_; ///< what was asked, how many found
    QLabel* heading_;
    QLabel* status_;
    QListView* list_;
    CandidateModel* model_;
    QTextBrowser* detail_;
    QPushButton* link_;
    QString childLabel_;
    QString chosenId_; ///< the person the screener highlighted (Ctrl+Up/Down), kept across searches
    int generation_ = 0;
    bool searching_ = false;
};

} // namespace frontdoor::ui
