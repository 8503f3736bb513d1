#pragma once
// A contact list as a table, read from core in pages as the view scrolls (fetchMore), so a list of a
// million contacts opens as fast as one of ten.

#include "contacts/ContactService.h"

#include <QAbstractTableModel>

#include <vector>

namespace frontdoor::ui {

class ContactListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Received, Children, Source, Status, Outcome, Concern, ColumnCount };

    explicit ContactListModel(core::Workspace& workspace, QObject* parent = nullptr);

    void setFilter(const core::ContactFilter& filter);
    /// Total rows the filter matches (not just those loaded).
    qint64 totalCount() const { return total_; }
    QString contactIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    static constexpr int kPageSize = 200;

    core::Workspace& workspace_;
    core::ContactFilter filter_;
    std::vector<core::ContactSummary> rows_;
    qint64 total_ = 0;
};

} // namespace frontdoor::ui
