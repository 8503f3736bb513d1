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

// A value as a person reads it: a date as 12/03/2015, an instant in UK time.
QString readableValue(const std::string& value) {
    if (value.size() == 10 && core::parseDate(value))
        return ukDate(value);
    if (value.size() > 10 && core::parseInstant(value))
        return shortDateTime(value);
    return qs(value);
}

// A correction's changes: one line each under what happened ("Child 1: date of birth: 12/03/2015 →
// 03/12/2015"), so the row reads whole, printed or not; and the same as a table.
void describeChanges(const nlohmann::json& changes, QString& lines, QString& table) {
    if (!changes.is_array() || changes.empty())
        return;
    table = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr><th align=\"left\">%1</th>"
                           "<th align=\"left\">%2</th><th align=\"left\">%3</th></tr>")
                .arg(TimelineModel::tr("Field"), TimelineModel::tr("Before"), TimelineModel::tr("After"));
    for (const auto& change : changes) {
        const QString label = jsonText(change, "label");
        const QString before = readableValue(change.value("before", std::string()));
        const QString after = readableValue(change.value("after", std::string()));
        const QString none = TimelineModel::tr("(none)");
        lines += QStringLiteral("\n%1: %2 \u2192 %3").arg(label, before.isEmpty() ? none : before, after.isEmpty() ? none : after);
        table += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(label.toHtmlEscaped(), before.toHtmlEscaped(), after.toHtmlEscaped());
    }
    table += QStringLiteral("</table>");
}

} // namespace

QString correctionTableHtml(const nlohmann::json& changes) {
    QString lines, table;
    describeChanges(changes, lines, table);
    return table;
}

TimelineModel::TimelineModel(QObject* parent) : QAbstractTableModel(parent) {}

void TimelineModel::setTimeline(const nlohmann::json& timeline) {
    beginResetModel();
    entries_.clear();
    if (timeline.is_array()) {
        for (const auto& entry : timeline) {
            const std::string at = entry.value("at", std::string());
            const auto instant = core::parseInstant(at);
            QString lines, table;
            describeChanges(entry.value("changes", nlohmann::json()), lines, table);
            entries_.push_back({instant ? shortDateTime(*instant) : qs(at),
                                jsonText(entry, "user"), qs(core::roleLabel(entry.value("role", std::string()))),
                                readableWhat(entry) + lines, jsonText(entry, "type"), table});
        }
    }
    endResetModel();
}

QString TimelineModel::changesHtml(int row) const {
    return row >= 0 && static_cast<size_t>(row) < entries_.size() ? entries_[static_cast<size_t>(row)].changes : QString();
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
    if (role == ChangesRole)
        return entry.changes;
    if (role == Qt::ToolTipRole) {
        if (!entry.changes.isEmpty())
            return QStringLiteral("<p>%1</p>%2").arg(entry.what.section(QLatin1Char('\n'), 0, 0).toHtmlEscaped(), entry.changes);
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
