#include "models/TimelineModel.h"

#include "support/Text.h"
#include "users/Roles.h"

namespace frontdoor::ui {
namespace {

/// Core's words for the entry; for a fact core has no words for yet, its type made readable
/// ("screening.decision_recorded" -> "Screening decision recorded").
QString readableWhat(const nlohmann::json& entry) {
    const QString what = jsonText(entry, "what");
    const QString type = jsonText(entry, "type");
    if (!what.isEmpty() && what != type)
        return what;
    QString words = type;
    words.replace(QLatin1Char('.'), QLatin1Char(' ')).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

} // namespace

TimelineModel::TimelineModel(QObject* parent) : QAbstractTableModel(parent) {}

void TimelineModel::setTimeline(const nlohmann::json& timeline) {
    beginResetModel();
    entries_.clear();
    if (timeline.is_array()) {
        for (const auto& entry : timeline) {
            const std::string at = entry.value("at", std::string());
            const auto instant = core::parseInstant(at);
            entries_.push_back({instant ? shortDateTime(*instant) : qs(at),
                                jsonText(entry, "user"), qs(core::roleLabel(entry.value("role", std::string()))),
                                readableWhat(entry), jsonText(entry, "type")});
        }
    }
    endResetModel();
}

int TimelineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || static_cast<size_t>(index.row()) >= entries_.size())
        return {};
    const Entry& entry = entries_[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case When:
            return entry.when;
        case Who:
            return entry.who;
        case Role:
            return entry.role;
        case What:
            return entry.what;
        }
    }
    if (role == Qt::ToolTipRole) {
        // The whole text of the cell (a narrow pane cuts it), and for what happened the fact's type.
        if (index.column() == What)
            return entry.type.isEmpty() ? entry.what : tr("%1\n(%2)").arg(entry.what, entry.type);
        return data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Role:
        return tr("Role");
    case What:
        return tr("What happened");
    }
    return {};
}

} // namespace frontdoor::ui
