#pragma once
// The status bar's word on sync (objectName syncIndicator): "Synced 12:04:31 · 4 desks" when the last
// round reached the share; "Share unreachable since 11:52 — working on this desk; will publish when it
// is back" (amber) when it could not; "Sync refused: ..." (red) when the share is not this team's; files
// held (newer format, a clock ahead) and conflicts waiting for a duty manager are added in words. The
// tooltip has the details: the share, this desk, the last round, and every other desk seen. Hidden on a
// desk that has not joined a team.

#include "support/SyncRunner.h"

#include <QLabel>

namespace frontdoor::ui {

class SyncIndicator : public QLabel {
    Q_OBJECT
public:
    explicit SyncIndicator(QWidget* parent = nullptr);

    /// Shows what a round found.
    void showSnapshot(const SyncSnapshot& snapshot);
    /// "synced", "unreachable", "refused", "failed" or "" (not joined); for tests and styling.
    QString state() const { return property("syncState").toString(); }

    /// The words for a snapshot (the label's text and its tooltip), without a widget.
    static QString textFor(const SyncSnapshot& snapshot);
    static QString toolTipFor(const SyncSnapshot& snapshot);
};

} // namespace frontdoor::ui
