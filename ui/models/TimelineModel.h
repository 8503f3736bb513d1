#pragma once
// A record's timeline: every fact about it, who recorded it, in which role, when (from core's
// ContactService::show / timeline), oldest first.

#include <nlohmann/json.hpp>

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace frontdoor::ui {

class TimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Who, Role, What, ColumnCount };

    explicit TimelineModel(QObject* parent = nullptr);
    /// `timeline`: the "timeline" array of `contact show`.
    void setTimeline(const nlohmann::json& timeline);
    /// For a correction, what changed as a table (field | before | after) in HTML; "" for any other entry.
    QString changesHtml(int row) const;

    /// The role holding changesHtml for a row (on every column).
    static constexpr int ChangesRole = Qt::UserRole + 1;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QString when, who, role, what, type, changes;
    };
    std::vector<Entry> entries_;
};

/// A correction's "changes" (core's FieldChange list) as an HTML table: field | before | after, dates
/// and times as a person reads them. "" when there are none.
QString correctionTableHtml(const nlohmann::json& changes);

} // namespace frontdoor::ui
