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

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QString when, who, role, what, type;
    };
    std::vector<Entry> entries_;
};

} // namespace frontdoor::ui
