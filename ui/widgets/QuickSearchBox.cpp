#include "widgets/QuickSearchBox.h"

#include "search/QuickSearch.h"
#include "search/SearchLog.h"
#include "support/BackgroundReader.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "widgets/HtmlItemDelegate.h"

#include <QApplication>
#include <QKeyEvent>
#include <QListView>
#include <QStandardItemModel>
#include <QTimer>

namespace frontdoor::ui {
namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;
constexpr int kMaxResults = 15;

struct Found {
    QString kind, id, title, detail;
};

} // namespace

QuickSearchBox::QuickSearchBox(BackgroundReader& reader, core::Actor actor, QWidget* parent)
    : QLineEdit(parent), reader_(reader), actor_(std::move(actor)), debounce_(new QTimer(this)),
      logTimer_(new QTimer(this)), model_(new QStandardItemModel(this)) {
    setObjectName(QStringLiteral("quickSearch"));
    setAccessibleName(tr("Search people and contacts"));
    setPlaceholderText(tr("Search people and contacts: name, date of birth, postcode, contact id  (Ctrl+K)"));
    setClearButtonEnabled(true);
    debounce_->setSingleShot(true);
    debounce_->setInterval(150);
    connect(debounce_, &QTimer::timeout, this, &QuickSearchBox::search);
    logTimer_->setSingleShot(true);
    logTimer_->setInterval(kLogAfterMs);
    connect(logTimer_, &QTimer::timeout, this, &QuickSearchBox::logPendingSearch);
    connect(this, &QLineEdit::textEdited, this, [this] {
        if (text().trimmed().isEmpty()) {
            ++generation_;
            hideResults();
            return;
        }
        debounce_->start();
    });
}

bool QuickSearchBox::resultsVisible() const { return results_ && results_->isVisible(); }

int QuickSearchBox::resultCount() const { return model_->rowCount(); }

void QuickSearchBox::search() {
    const std::string query = ss(text().trimmed());
    if (query.empty())
        return;
    const int generation = ++generation_;
    reader_.run<std::vector<Found>>(
        this, QStringLiteral("quick search"),
        [query](core::Workspace& ws) {
            std::vector<Found> found;
            for (const auto& result : core::QuickSearch(ws).find(query, kMaxResults))
                found.push_back({qs(result.kind), qs(result.id), qs(result.title), qs(result.detail)});
            return found;
        },
        [this, generation, query](Answer<std::vector<Found>> answer) {
            if (generation != generation_ || !hasFocus())
                return;
            ScopedUiTiming timing("search results shown");
            if (answer.ok()) {
                // Typing on replaces this search with the next; the one the person stops at is logged.
                pendingLog_ = PendingLog{query, answer.value->size()};
                logTimer_->start();
            }
            model_->clear();
            if (!answer.ok()) {
                auto* item = new QStandardItem(tr("Search failed: %1").arg(answer.error.toHtmlEscaped()));
                item->setEnabled(false);
                model_->appendRow(item);
            } else if (answer.value->empty()) {
                auto* item = new QStandardItem(tr("Nothing found for “%1”").arg(text().toHtmlEscaped()));
                item->setEnabled(false);
                model_->appendRow(item);
            }
            if (answer.ok()) {
                for (const auto& found : *answer.value) {
                    const QString kind = found.kind == QLatin1String("person") ? tr("Person") : tr("Contact");
                    auto* item = new QStandardItem(QStringLiteral("<b>%1</b> <span style='color:#555'>· %2</span><br>%3")
                                                       .arg(found.title.toHtmlEscaped(), kind,
                                                            found.detail.toHtmlEscaped()));
                    item->setData(found.kind, kKindRole);
                    item->setData(found.id, kIdRole);
                    item->setData(QStringLiteral("%1, %2, %3").arg(kind, found.title, found.detail),
                                  Qt::AccessibleTextRole);
                    model_->appendRow(item);
                }
            }
            showResults();
        },
        true);
}

void QuickSearchBox::logPendingSearch() {
    logTimer_->stop();
    if (!pendingLog_)
        return;
    const PendingLog log = *pendingLog_;
    pendingLog_.reset();
    const core::Actor actor = actor_;
    reader_.run<bool>(
        this, QString(),
        [log, actor](core::Workspace& ws) {
            core::logSearch(ws, actor, "quick", {{"text", log.text}}, log.results);
            return true;
        },
        [](Answer<bool>) {});
}

void QuickSearchBox::showResults() {
    if (!results_) {
        results_ = new QListView(window());
        results_->setObjectName(QStringLiteral("quickSearchResults"));
        results_->setAccessibleName(tr("Search results"));
        results_->setModel(model_);
        results_->setItemDelegate(new HtmlItemDelegate(results_));
        results_->setFocusPolicy(Qt::NoFocus);
        results_->setSelectionMode(QAbstractItemView::SingleSelection);
        results_->setUniformItemSizes(false);
        results_->setResizeMode(QListView::Adjust);
        results_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
        results_->setFrameShape(QFrame::StyledPanel);
        results_->setStyleSheet(QStringLiteral("QListView#quickSearchResults { border: 1px solid palette(mid); }"));
        connect(results_, &QListView::clicked, this, [this](const QModelIndex& index) { openRow(index.row()); });
        window()->installEventFilter(this);
    }
    placeResults();
    results_->show();
    results_->raise();
    for (int row = 0; row < model_->rowCount(); ++row)
        if (model_->item(row)->isEnabled()) {
            results_->setCurrentIndex(model_->index(row, 0));
            break;
        }
}

void QuickSearchBox::placeResults() {
    if (!results_)
        return;
    const QPoint topLeft = mapTo(window(), QPoint(0, height() + 2));
    const int width = std::min({std::max(this->width() / 2, 560), 760, window()->width() - topLeft.x() - 8});
    const int room = window()->height() - topLeft.y() - 40;
    // Width first: the rows' heights depend on it (their text wraps).
    results_->setGeometry(topLeft.x(), topLeft.y(), width, std::max(60, room));
    results_->doItemsLayout();
    int height = 2 * results_->frameWidth() + 4;
    for (int row = 0; row < model_->rowCount(); ++row)
        height += results_->sizeHintForRow(row);
    results_->setGeometry(topLeft.x(), topLeft.y(), width, std::max(60, std::min(height, room)));
}

void QuickSearchBox::hideResults() {
    if (results_)
        results_->hide();
}

bool QuickSearchBox::eventFilter(QObject* watched, QEvent* event) {
    if (watched == window() && event->type() == QEvent::Resize && resultsVisible())
        placeResults();
    return QLineEdit::eventFilter(watched, event);
}

void QuickSearchBox::openRow(int row) {
    const QStandardItem* item = model_->item(row);
    if (!item || !item->isEnabled())
        return;
    const QString kind = item->data(kKindRole).toString();
    const QString id = item->data(kIdRole).toString();
    hideResults();
    logPendingSearch();
    if (kind == QLatin1String("person"))
        emit personChosen(id);
    else
        emit contactChosen(id);
}

void QuickSearchBox::keyPressEvent(QKeyEvent* event) {
    const bool open = resultsVisible();
    switch (event->key()) {
    case Qt::Key_Down:
    case Qt::Key_Up:
        if (open && model_->rowCount() > 0) {
            const int step = event->key() == Qt::Key_Down ? 1 : -1;
            int row = results_->currentIndex().isValid() ? results_->currentIndex().row() : -step;
            row = std::clamp(row + step, 0, model_->rowCount() - 1);
            results_->setCurrentIndex(model_->index(row, 0));
            return;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (debounce_->isActive()) { // Enter before the results came: search now, open when they arrive
            debounce_->stop();
            search();
            return;
        }
        if (open && results_->currentIndex().isValid()) {
            openRow(results_->currentIndex().row());
            return;
        }
        break;
    case Qt::Key_Escape:
        if (open) {
            hideResults();
            return;
        }
        if (!text().isEmpty()) {
            clear();
            return;
        }
        break;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

void QuickSearchBox::focusOutEvent(QFocusEvent* event) {
    // A click in the list does not take focus (NoFocus), so leaving the box really means leaving.
    if (event->reason() != Qt::PopupFocusReason) {
        hideResults();
        logPendingSearch();
    }
    QLineEdit::focusOutEvent(event);
}

} // namespace frontdoor::ui
