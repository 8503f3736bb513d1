#include "windows/DuplicatesPage.h"

#include "people/PersonProjection.h"
#include "people/PersonSearch.h"
#include "support/BackgroundReader.h"
#include "time/UkTime.h"
#include "support/FormFeedback.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "users/Roles.h"
#include "util/Text.h"
#include "widgets/FieldCell.h"
#include "widgets/PersonView.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace frontdoor::ui {

namespace {

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString personLine(const core::Person& person) {
    QString line = qs(person.displayName()) + QStringLiteral(", ") + qs(person.displayBirth());
    if (!person.postcode.empty())
        line += QStringLiteral(", ") + qs(person.postcode);
    return line;
}

QTableWidget* newTable(const QString& name, const QStringList& headings, const QString& accessibleName) {
    auto* table = new QTableWidget(0, static_cast<int>(headings.size()));
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->setHorizontalHeaderLabels(headings);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

DuplicateDecisionDialog::DuplicateDecisionDialog(core::Workspace& workspace, core::Actor actor, Kind kind, QString first,
                                                 QString second, const QString& explanation, QWidget* parent)
    : QDialog(parent), workspace_(workspace), actor_(std::move(actor)), kind_(kind), first_(std::move(first)),
      second_(std::move(second)) {
    setObjectName(QStringLiteral("duplicateDecisionDialog"));
    setWindowTitle(kind == Kind::Merge       ? tr("Merge two people")
                   : kind == Kind::Unmerge   ? tr("Undo a merge")
                                             : tr("Not the same child"));
    auto* banner = newBannerLabel(QStringLiteral("duplicateDecisionBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner);
    auto* about = new QLabel(explanation);
    about->setObjectName(QStringLiteral("duplicateDecisionAbout"));
    about->setWordWrap(true);
    about->setTextFormat(Qt::RichText);
    reason_ = new QPlainTextEdit;
    reason_->setObjectName(QStringLiteral("duplicateDecisionReason"));
    reason_->setTabChangesFocus(true);
    reason_->setPlaceholderText(kind == Kind::NotDuplicate ? tr("Optional, e.g. \"twins: checked with the school\"")
                                                           : tr("Required: why, e.g. \"same boy: the school confirms one pupil\""));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* confirmButton = buttons->addButton(kind == Kind::Merge       ? tr("&Merge")
                                             : kind == Kind::Unmerge   ? tr("&Undo the merge")
                                                                       : tr("&Not the same child"),
                                             QDialogButtonBox::AcceptRole);
    confirmButton->setObjectName(QStringLiteral("duplicateDecisionConfirm"));
    confirmButton->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &DuplicateDecisionDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Ctrl+Enter confirms from the reason box, as it records elsewhere.
    for (const auto& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &DuplicateDecisionDialog::confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(banner);
    layout->addWidget(new FieldCell(tr("&Reason"), reason_));
    layout->addWidget(buttons);
    reason_->setFocus();
    resize(520, sizeHint().height());
}

DuplicateDecisionDialog::~DuplicateDecisionDialog() = default;

bool DuplicateDecisionDialog::confirm() {
    ScopedUiTiming timing("duplicate decision");
    feedback_->clear();
    const std::string reason = ss(reason_->toPlainText().trimmed());
    try {
        core::PersonMergeService merges(workspace_);
        switch (kind_) {
        case Kind::Merge:
            mergeId_ = qs(merges.merge(actor_, ss(first_), ss(second_), reason).mergeId);
            break;
        case Kind::Unmerge:
            merges.unmerge(actor_, ss(first_), reason);
            break;
        case Kind::NotDuplicate:
            merges.markNotDuplicate(actor_, ss(first_), ss(second_), reason);
            break;
        }
    } catch (const core::ValidationError& e) {
        feedback_->showErrors(e.errors(), tr("Not recorded"));
        reason_->setFocus();
        return false;
    } catch (const std::exception& e) {
        feedback_->showFailure(tr("Not recorded"), e);
        return false;
    }
    accept();
    return true;
}

DuplicatesPage::DuplicatesPage(core::Workspace& workspace, core::Actor actor, QWidget* parent)
    : QWidget(parent), workspace_(workspace), actor_(std::move(actor)),
      reader_(std::make_unique<BackgroundReader>(workspace.db().path(), workspace.clock(), QStringLiteral("duplicates"))) {
    setObjectName(QStringLiteral("duplicatesPage"));
    isManager_ = actor_.role == core::role::kDutyManager;

    auto* title = new QLabel(tr("Possible duplicates"));
    title->setProperty("role", QStringLiteral("title"));
    status_ = new QLabel(tr("Looking for people who may be one child registered twice…"));
    status_->setObjectName(QStringLiteral("duplicatesStatus"));
    status_->setWordWrap(true);
    scanButton_ = new QPushButton(tr("&Scan again"));
    scanButton_->setObjectName(QStringLiteral("scanDuplicatesButton"));
    connect(scanButton_, &QPushButton::clicked, this, &DuplicatesPage::scan);

    table_ = newTable(QStringLiteral("duplicatesTable"), {tr("Score"), tr("One"), tr("The other"), tr("Why")},
                      tr("Possible duplicate pairs"));
    table_->setColumnWidth(0, 60);
    table_->setColumnWidth(1, 260);
    table_->setColumnWidth(2, 260);
    connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) {
        holdView_ = false;
        showPair(row);
    });

    left_ = new PersonView;
    left_->setObjectName(QStringLiteral("duplicateLeft"));
    right_ = new PersonView;
    right_->setObjectName(QStringLiteral("duplicateRight"));
    reasons_ = new QLabel;
    reasons_->setObjectName(QStringLiteral("duplicateReasons"));
    reasons_->setWordWrap(true);
    keepLeft_ = new QPushButton(tr("Keep the &left, merge the right into it…"));
    keepLeft_->setObjectName(QStringLiteral("keepLeftButton"));
    keepRight_ = new QPushButton(tr("Keep the ri&ght, merge the left into it…"));
    keepRight_->setObjectName(QStringLiteral("keepRightButton"));
    notDuplicate_ = new QPushButton(tr("&Not the same child…"));
    notDuplicate_->setObjectName(QStringLiteral("notDuplicateButton"));
    connect(keepLeft_, &QPushButton::clicked, this, [this] { askMerge(true); });
    connect(keepRight_, &QPushButton::clicked, this, [this] { askMerge(false); });
    connect(notDuplicate_, &QPushButton::clicked, this, [this] { askNotDuplicate(); });
    keepLeft_->setVisible(isManager_);
    keepRight_->setVisible(isManager_);

    mergesTable_ = newTable(QStringLiteral("mergesTable"), {tr("Merged"), tr("Kept"), tr("Merged into it"), tr("By"), tr("Why")},
                            tr("Merges in force"));
    mergesTable_->setColumnWidth(0, 130);
    mergesTable_->setColumnWidth(1, 220);
    mergesTable_->setColumnWidth(2, 220);
    connect(mergesTable_, &QTableWidget::currentCellChanged, this, [this] { updateButtons(); });
    unmerge_ = new QPushButton(tr("&Undo the merge…"));
    unmerge_->setObjectName(QStringLiteral("unmergeButton"));
    unmerge_->setVisible(isManager_);
    connect(unmerge_, &QPushButton::clicked, this, [this] { askUnmerge(); });

    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(scanButton_);
    auto* sides = new QSplitter(Qt::Horizontal);
    sides->addWidget(left_);
    sides->addWidget(right_);
    auto* decide = new QHBoxLayout;
    decide->addWidget(keepLeft_);
    decide->addWidget(keepRight_);
    decide->addWidget(notDuplicate_);
    decide->addStretch(1);
    auto* mergesHeading = new QLabel(tr("Merges in force"));
    mergesHeading->setProperty("role", QStringLiteral("heading"));
    auto* undo = new QHBoxLayout;
    undo->addWidget(unmerge_);
    undo->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(status_);
    layout->addWidget(table_, 2);
    layout->addWidget(reasons_);
    layout->addWidget(sides, 3);
    layout->addLayout(decide);
    layout->addWidget(mergesHeading);
    layout->addWidget(mergesTable_, 1);
    layout->addLayout(undo);
    setTabOrder(scanButton_, table_);
    setTabOrder(table_, keepLeft_);
    setTabOrder(keepLeft_, keepRight_);
    setTabOrder(keepRight_, notDuplicate_);
    setTabOrder(notDuplicate_, left_->contactsView());
    setTabOrder(left_->contactsView(), right_->contactsView());
    setTabOrder(right_->contactsView(), mergesTable_);
    setTabOrder(mergesTable_, unmerge_);
    setFocusProxy(table_);
    updateButtons();
    scan();
}

DuplicatesPage::~DuplicatesPage() = default;

void DuplicatesPage::scan() {
    if (scanning_) {
        scanAgain_ = true; // what changed meanwhile may not be in the answer on its way
        return;
    }
    scanning_ = true;
    scanButton_->setEnabled(false);
    status_->setText(tr("Scanning everyone for possible duplicates…"));
    struct Result {
        core::DuplicateScan scan;
        std::vector<core::PersonMergeRecord> merges;
        std::vector<QString> names; ///< "kept" and "merged" names of each merge
    };
    reader_->run<Result>(
        this, QStringLiteral("scan"),
        [](core::Workspace& ws) {
            Result result;
            result.scan = core::findDuplicates(ws.db());
            result.merges = core::mergesInForce(ws.db());
            for (const auto& merge : result.merges)
                for (const auto* id : {&merge.keepId, &merge.otherId}) {
                    const auto person = core::loadPerson(ws.db(), *id);
                    result.names.push_back(person ? personLine(*person) : qs(*id));
                }
            return result;
        },
        [this](Answer<Result> answer) {
            scanning_ = false;
            scanButton_->setEnabled(true);
            if (scanAgain_) {
                scanAgain_ = false;
                scan();
                return;
            }
            if (!answer.ok()) {
                status_->setText(tr("The scan failed: %1").arg(answer.error));
                emit scanned();
                return;
            }
            fillPairs(answer.value->scan, answer.value->merges, answer.value->names);
            emit scanned();
        });
}

void DuplicatesPage::fillPairs(const core::DuplicateScan& scan, const std::vector<core::PersonMergeRecord>& merges,
                               const std::vector<QString>& mergeNames) {
    const QString shownA = table_->currentRow() >= 0 && static_cast<size_t>(table_->currentRow()) < pairs_.size()
                               ? qs(pairs_[static_cast<size_t>(table_->currentRow())].a.id)
                               : QString();
    pairs_ = scan.pairs;
    merges_ = merges;
    {
        const QSignalBlocker blocker(table_);
        table_->setRowCount(static_cast<int>(pairs_.size()));
        for (size_t i = 0; i < pairs_.size(); ++i) {
            const auto& pair = pairs_[i];
            QStringList why;
            for (const auto& reason : pair.reasons)
                why << qs(reason.text);
            const int row = static_cast<int>(i);
            table_->setItem(row, 0, cell(QString::number(pair.score)));
            table_->setItem(row, 1, cell(personLine(pair.a)));
            table_->setItem(row, 2, cell(personLine(pair.b)));
            table_->setItem(row, 3, cell(why.join(QStringLiteral("; "))));
        }
    }
    {
        const QSignalBlocker blocker(mergesTable_);
        mergesTable_->setRowCount(static_cast<int>(merges_.size()));
        for (size_t i = 0; i < merges_.size(); ++i) {
            const auto& merge = merges_[i];
            const int row = static_cast<int>(i);
            const auto at = core::parseInstant(merge.mergedAt);
            mergesTable_->setItem(row, 0, cell(at ? qs(core::formatDayMonthYear(core::toUkLocal(*at).date))
                                                  : qs(merge.mergedAt)));
            mergesTable_->setItem(row, 1, cell(mergeNames.at(2 * i)));
            mergesTable_->setItem(row, 2, cell(mergeNames.at(2 * i + 1)));
            mergesTable_->setItem(row, 3, cell(qs(merge.mergedBy)));
            mergesTable_->setItem(row, 4, cell(qs(merge.reason)));
        }
        if (!merges_.empty() && mergesTable_->currentRow() < 0)
            mergesTable_->setCurrentCell(0, 0);
    }
    status_->setText(pairs_.empty()
                         ? tr("No possible duplicates among %1 people.").arg(scan.peopleScanned)
                         : tr("%n possible duplicate pair(s) among %1 people, best first. Choose one to see both side by side.",
                              nullptr, static_cast<int>(pairs_.size()))
                               .arg(scan.peopleScanned));
    if (holdView_) {
        // The survivor of a merge just made stays in view until another pair is chosen.
        const QSignalBlocker blocker(table_);
        table_->setCurrentCell(-1, -1);
        updateButtons();
        return;
    }
    int keep = pairs_.empty() ? -1 : 0;
    for (size_t i = 0; i < pairs_.size(); ++i)
        if (qs(pairs_[i].a.id) == shownA)
            keep = static_cast<int>(i);
    table_->setCurrentCell(keep, keep < 0 ? -1 : 0);
    if (keep < 0)
        showPair(-1);
    updateButtons();
}

void DuplicatesPage::showPair(int row) {
    updateButtons();
    if (row < 0 || static_cast<size_t>(row) >= pairs_.size()) {
        reasons_->clear();
        left_->setHistory({{"display_name", ""}, {"contacts", nlohmann::json::array()}});
        right_->setHistory({{"display_name", ""}, {"contacts", nlohmann::json::array()}});
        return;
    }
    const auto& pair = pairs_[static_cast<size_t>(row)];
    QStringList why;
    for (const auto& reason : pair.reasons)
        why << qs(reason.text);
    reasons_->setText(tr("Score %1: %2").arg(pair.score).arg(why.join(QStringLiteral("; "))));
    const std::string a = pair.a.id;
    const std::string b = pair.b.id;
    const core::Actor actor = actor_;
    // Both histories are read (and each read logged, as opening a child's history is).
    reader_->run<std::pair<nlohmann::json, nlohmann::json>>(
        this, QStringLiteral("pair"),
        [a, b, actor](core::Workspace& ws) {
            core::PersonSearch people(ws);
            return std::make_pair(people.viewHistory(actor, a), people.viewHistory(actor, b));
        },
        [this](Answer<std::pair<nlohmann::json, nlohmann::json>> answer) {
            if (answer.ok()) {
                left_->setHistory(answer.value->first);
                right_->setHistory(answer.value->second);
            } else {
                status_->setText(tr("The two histories could not be read: %1").arg(answer.error));
            }
            emit pairShown();
        });
}

void DuplicatesPage::updateButtons() {
    const int row = table_->currentRow();
    const bool pair = row >= 0 && static_cast<size_t>(row) < pairs_.size();
    keepLeft_->setEnabled(pair && isManager_);
    keepRight_->setEnabled(pair && isManager_);
    notDuplicate_->setEnabled(pair);
    const int mergeRow = mergesTable_->currentRow();
    unmerge_->setEnabled(isManager_ && mergeRow >= 0 && static_cast<size_t>(mergeRow) < merges_.size());
}

DuplicateDecisionDialog* DuplicatesPage::askMerge(bool keepLeft) {
    const int row = table_->currentRow();
    if (row < 0 || static_cast<size_t>(row) >= pairs_.size())
        return nullptr;
    const auto& pair = pairs_[static_cast<size_t>(row)];
    const core::Person& keep = keepLeft ? pair.a : pair.b;
    const core::Person& other = keepLeft ? pair.b : pair.a;
    const QString explanation =
        tr("<b>%1</b> is kept. <b>%2</b> is merged into them: every contact and flag follows %1, %2's names "
           "become alternative names, and %2's id still opens %1's record. The merge can be undone.")
            .arg(personLine(keep).toHtmlEscaped(), personLine(other).toHtmlEscaped());
    auto* dialog = new DuplicateDecisionDialog(workspace_, actor_, DuplicateDecisionDialog::Kind::Merge, qs(keep.id),
                                               qs(other.id), explanation, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString keepId = qs(keep.id);
    connect(dialog, &QDialog::accepted, this, [this, keepId, name = qs(keep.displayName())] {
        decided(tr("Merged: %1 now holds both records.").arg(name), keepId);
    });
    dialog->open();
    return dialog;
}

DuplicateDecisionDialog* DuplicatesPage::askNotDuplicate() {
    const int row = table_->currentRow();
    if (row < 0 || static_cast<size_t>(row) >= pairs_.size())
        return nullptr;
    const auto& pair = pairs_[static_cast<size_t>(row)];
    const QString explanation = tr("<b>%1</b> and <b>%2</b> are different children: the pair will not be offered again.")
                                    .arg(personLine(pair.a).toHtmlEscaped(), personLine(pair.b).toHtmlEscaped());
    auto* dialog = new DuplicateDecisionDialog(workspace_, actor_, DuplicateDecisionDialog::Kind::NotDuplicate,
                                               qs(pair.a.id), qs(pair.b.id), explanation, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { decided(tr("Marked as different children."), QString()); });
    dialog->open();
    return dialog;
}

DuplicateDecisionDialog* DuplicatesPage::askUnmerge() {
    const int row = mergesTable_->currentRow();
    if (row < 0 || static_cast<size_t>(row) >= merges_.size())
        return nullptr;
    const auto& merge = merges_[static_cast<size_t>(row)];
    const QString explanation =
        tr("Undo the merge of <b>%1</b> into <b>%2</b>: both are again as they were before it, each with their own "
           "contacts and flags. The merge and its undoing stay on record.")
            .arg(mergesTable_->item(row, 2)->text().toHtmlEscaped(), mergesTable_->item(row, 1)->text().toHtmlEscaped());
    auto* dialog = new DuplicateDecisionDialog(workspace_, actor_, DuplicateDecisionDialog::Kind::Unmerge,
                                               qs(merge.mergeId), QString(), explanation, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { decided(tr("Merge undone: both people are as they were."), QString()); });
    dialog->open();
    return dialog;
}

void DuplicatesPage::decided(const QString& message, const QString& showPersonId) {
    emit peopleChanged();
    scan();
    status_->setText(message + QStringLiteral(" ") + status_->text());
    holdView_ = !showPersonId.isEmpty();
    if (!showPersonId.isEmpty()) {
        const QSignalBlocker blocker(table_);
        table_->setCurrentCell(-1, -1);
        updateButtons();
        // The survivor's one history on the left, every contact of both; the right is empty until a pair is chosen.
        left_->load(*reader_, showPersonId, actor_);
        right_->setHistory({{"display_name", ""}, {"contacts", nlohmann::json::array()}});
    }
}

} // namespace frontdoor::ui
