#include "windows/ConflictsPage.h"

#include "support/Shortcuts.h"
#include "support/Text.h"
#include "users/Roles.h"
#include "util/Errors.h"
#include "workflow/SyncConflicts.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

QTableWidget* newTable(const QString& objectName, const QString& accessibleName, const QStringList& headers) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(true);
    table->setTabKeyNavigation(false); // Tab leaves the list for the choice and the note
    return table;
}

QTableWidgetItem* cell(const QString& text, const QString& id = {}) {
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    if (!id.isEmpty())
        item->setData(Qt::UserRole, id);
    return item;
}

QString esc(const QString& text) { return text.toHtmlEscaped(); }

QString referenceOf(const nlohmann::json& conflict) {
    const QString reference = jsonText(conflict, "reference");
    return reference.isEmpty() ? jsonText(conflict, "contact_id") : reference;
}

// One version: who, in which role, when, and what they decided.
QString sideHtml(const nlohmann::json& side, const QString& standing) {
    QString what = jsonText(side, "what");
    if (what.isEmpty())
        what = humanise(side.value("type", std::string()));
    return QStringLiteral("<p><b>%1</b></p><p>%2 (%3)<br>%4</p><p>%5</p>")
        .arg(esc(standing), esc(jsonText(side, "user")), esc(qs(core::roleLabel(side.value("role", std::string())))),
             esc(shortDateTime(side.value("at", std::string()))), esc(what));
}

} // namespace

QString conflictKindLabel(const std::string& kind) {
    const auto tr = [](const char* text) { return QCoreApplication::translate("ConflictsPage", text); };
    if (kind == "signed_off_twice")
        return tr("Signed off at two desks");
    if (kind == "signed_off_and_returned")
        return tr("Signed off at one desk, returned at another");
    if (kind == "returned_twice")
        return tr("Returned at two desks");
    if (kind == "screening_started_twice")
        return tr("Screening started at two desks");
    if (kind == "contact_closed")
        return tr("Acted on after it was closed at another desk");
    if (kind == "user_disabled")
        return tr("Done by an account disabled at another desk");
    return tr("Done where the contact no longer stood");
}

bool mayViewConflicts(const std::string& role) {
    return role == core::role::kDutyManager || role == core::role::kAdministrator || role == core::role::kAuditor;
}

ConflictsPage::ConflictsPage(core::Workspace& workspace, core::Session session, QWidget* parent)
    : QWidget(parent), workspace_(workspace), session_(std::move(session)),
      mayResolve_(session_.role == core::role::kDutyManager) {
    setObjectName(QStringLiteral("conflictsPage"));

    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("conflictsSummary"));
    summary_->setProperty("role", QStringLiteral("heading"));
    summary_->setWordWrap(true);
    auto* explanation = new QLabel(
        tr("Two desks that could not see each other did things to one contact that cannot both stand. Every desk "
           "keeps the first (A) and holds the other (B) here until a duty manager says which stands."));
    explanation->setWordWrap(true);
    explanation->setProperty("role", QStringLiteral("hint"));

    open_ = newTable(QStringLiteral("openConflicts"), tr("Open conflicts"),
                     {tr("Contact"), tr("Children"), tr("What happened"), tr("Later version at")});
    connect(open_, &QTableWidget::itemSelectionChanged, this, &ConflictsPage::showSelected);
    connect(open_, &QTableWidget::itemActivated, this, [this] {
        if (const auto* conflict = selected())
            emit contactRequested(jsonText(*conflict, "contact_id"));
    });

    detail_ = new QLabel;
    detail_->setObjectName(QStringLiteral("conflictDetail"));
    detail_->setWordWrap(true);
    detail_->setTextFormat(Qt::RichText);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const auto sideBox = [](const QString& objectName, QLabel*& text) {
        auto* box = new QGroupBox;
        box->setObjectName(objectName);
        text = new QLabel;
        text->setObjectName(objectName + QStringLiteral("Text"));
        text->setWordWrap(true);
        text->setTextFormat(Qt::RichText);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        auto* layout = new QVBoxLayout(box);
        layout->addWidget(text, 1);
        return box;
    };
    sideA_ = sideBox(QStringLiteral("conflictSideA"), textA_);
    sideB_ = sideBox(QStringLiteral("conflictSideB"), textB_);
    auto* sides = new QHBoxLayout;
    sides->addWidget(sideA_, 1);
    sides->addWidget(sideB_, 1);

    // The resolution: which stands, and why (a duty manager only).
    resolveBox_ = new QWidget;
    resolveBox_->setObjectName(QStringLiteral("conflictResolveBox"));
    keepA_ = new QRadioButton(tr("Keep &A: the first stands, as it does now"));
    keepA_->setObjectName(QStringLiteral("keepA"));
    keepB_ = new QRadioButton(tr("Keep &B: the later decision stands from now on"));
    keepB_->setObjectName(QStringLiteral("keepB"));
    auto* choice = new QButtonGroup(this);
    choice->addButton(keepA_);
    choice->addButton(keepB_);
    keepA_->setChecked(true);
    note_ = new QPlainTextEdit;
    note_->setObjectName(QStringLiteral("conflictNote"));
    note_->setAccessibleName(tr("Why (at least 10 characters)"));
    note_->setPlaceholderText(tr("Why this version stands, in a sentence (at least 10 characters)"));
    note_->setTabChangesFocus(true);
    note_->setMaximumHeight(note_->fontMetrics().lineSpacing() * 5);
    auto* noteLabel = new QLabel(tr("&Why:"));
    noteLabel->setBuddy(note_);
    resolve_ = new QPushButton(tr("&Resolve (%1)").arg(shortcutText("resolveConflict")));
    resolve_->setObjectName(QStringLiteral("resolveConflictButton"));
    resolve_->setProperty("role", QStringLiteral("primary"));
    connect(resolve_, &QPushButton::clicked, this, [this] { resolveSelected(); });
    auto* shortcut = new QShortcut(this);
    shortcut->setKeys(shortcutKeys("resolveConflict"));
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] { resolveSelected(); });
    auto* resolveLayout = new QVBoxLayout(resolveBox_);
    resolveLayout->setContentsMargins(0, 0, 0, 0);
    resolveLayout->addWidget(keepA_);
    resolveLayout->addWidget(keepB_);
    resolveLayout->addWidget(noteLabel);
    resolveLayout->addWidget(note_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(resolve_);
    buttons->addStretch(1);
    resolveLayout->addLayout(buttons);

    openContact_ = new QPushButton(tr("Open the &contact"));
    openContact_->setObjectName(QStringLiteral("conflictOpenContact"));
    connect(openContact_, &QPushButton::clicked, this, [this] {
        if (const auto* conflict = selected())
            emit contactRequested(jsonText(*conflict, "contact_id"));
    });

    banner_ = new QLabel;
    banner_->setObjectName(QStringLiteral("conflictResolveError"));
    banner_->setWordWrap(true);
    banner_->setProperty("role", QStringLiteral("error"));
    banner_->hide();
    readOnly_ = new QLabel(tr("Only a duty manager can resolve a conflict; you can read them here."));
    readOnly_->setObjectName(QStringLiteral("conflictsReadOnly"));
    readOnly_->setProperty("role", QStringLiteral("hint"));
    readOnly_->setWordWrap(true);

    resolved_ = newTable(QStringLiteral("resolvedConflicts"), tr("Resolved conflicts"),
                         {tr("Contact"), tr("Children"), tr("What happened"), tr("Kept"), tr("Resolved by"),
                          tr("When"), tr("Note")});

    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(summary_);
    topLayout->addWidget(explanation);
    topLayout->addWidget(open_, 1);
    topLayout->addWidget(detail_);
    topLayout->addLayout(sides);
    topLayout->addWidget(openContact_, 0, Qt::AlignLeft);
    topLayout->addWidget(banner_);
    topLayout->addWidget(resolveBox_);
    topLayout->addWidget(readOnly_);

    auto* bottom = new QWidget;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* resolvedHeading = new QLabel(tr("Resolved"));
    resolvedHeading->setProperty("role", QStringLiteral("heading"));
    bottomLayout->addWidget(resolvedHeading);
    bottomLayout->addWidget(resolved_, 1);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("conflictsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    setTabOrder(open_, keepA_);
    setTabOrder(keepA_, keepB_);
    setTabOrder(keepB_, note_);
    setTabOrder(note_, resolve_);
    reload();
}

QString ConflictsPage::selectedId() const {
    const auto* item = open_->item(open_->currentRow(), 0);
    return item && open_->selectionModel()->hasSelection() ? item->data(Qt::UserRole).toString() : QString();
}

const nlohmann::json* ConflictsPage::selected() const {
    const QString id = selectedId();
    if (id.isEmpty())
        return nullptr;
    for (const auto& conflict : conflicts_)
        if (jsonText(conflict, "id") == id)
            return &conflict;
    return nullptr;
}

void ConflictsPage::reload() {
    const QString keep = selectedId();
    try {
        conflicts_ = core::SyncConflicts(workspace_).list(session_.actor()).value("conflicts", nlohmann::json::array());
    } catch (const core::Error& e) {
        conflicts_ = nlohmann::json::array();
        summary_->setText(tr("The conflicts could not be read: %1").arg(qs(e.what())));
    }
    const QSignalBlocker blocker(open_);
    open_->setRowCount(0);
    resolved_->setRowCount(0);
    int keepRow = -1;
    for (const auto& conflict : conflicts_) {
        const QString id = jsonText(conflict, "id");
        const QString kind = conflictKindLabel(conflict.value("kind", std::string()));
        if (conflict.value("status", std::string()) == "open") {
            const int row = open_->rowCount();
            open_->insertRow(row);
            open_->setItem(row, 0, cell(referenceOf(conflict), id));
            open_->setItem(row, 1, cell(jsonText(conflict, "children")));
            open_->setItem(row, 2, cell(kind));
            open_->setItem(row, 3, cell(shortDateTime(conflict.value("b", nlohmann::json::object()).value("at", std::string()))));
            if (id == keep)
                keepRow = row;
        } else {
            const auto& resolution = conflict.value("resolution", nlohmann::json::object());
            const int row = resolved_->rowCount();
            resolved_->insertRow(row);
            resolved_->setItem(row, 0, cell(referenceOf(conflict), id));
            resolved_->setItem(row, 1, cell(jsonText(conflict, "children")));
            resolved_->setItem(row, 2, cell(kind));
            resolved_->setItem(row, 3, cell(resolution.value("kept", std::string()) == "B"
                                                ? tr("B, the later decision")
                                                : tr("A, the first")));
            resolved_->setItem(row, 4, cell(tr("%1 (%2)").arg(jsonText(resolution, "by"),
                                                             qs(core::roleLabel(resolution.value("role", std::string()))))));
            resolved_->setItem(row, 5, cell(shortDateTime(resolution.value("at", std::string()))));
            resolved_->setItem(row, 6, cell(jsonText(resolution, "note")));
        }
    }
    const int open = open_->rowCount();
    summary_->setText(open == 0   ? tr("No open conflicts between desks")
                      : open == 1 ? tr("1 open conflict between desks, waiting for a duty manager")
                                  : tr("%1 open conflicts between desks, waiting for a duty manager").arg(open));
    open_->resizeColumnsToContents();
    resolved_->resizeColumnsToContents();
    if (open > 0)
        open_->selectRow(keepRow >= 0 ? keepRow : 0);
    showSelected();
}

void ConflictsPage::showContact(const QString& contactId) {
    for (int row = 0; row < open_->rowCount(); ++row) {
        const QString id = open_->item(row, 0)->data(Qt::UserRole).toString();
        for (const auto& conflict : conflicts_)
            if (jsonText(conflict, "id") == id && jsonText(conflict, "contact_id") == contactId) {
                open_->selectRow(row);
                open_->setFocus(Qt::OtherFocusReason);
                return;
            }
    }
    open_->setFocus(Qt::OtherFocusReason);
}

void ConflictsPage::showSelected() {
    banner_->hide();
    const auto* conflict = selected();
    const bool any = conflict != nullptr;
    sideA_->setVisible(any);
    sideB_->setVisible(any);
    openContact_->setVisible(any);
    resolveBox_->setVisible(any && mayResolve_);
    readOnly_->setVisible(any && !mayResolve_);
    if (!any) {
        detail_->setText(open_->rowCount() == 0 ? tr("Nothing waits: every desk agrees.") : QString());
        return;
    }
    detail_->setText(tr("<b>%1</b> · contact %2%3<br>%4")
                         .arg(esc(conflictKindLabel(conflict->value("kind", std::string()))), esc(referenceOf(*conflict)),
                              jsonText(*conflict, "children").isEmpty()
                                  ? QString()
                                  : QStringLiteral(" · ") + esc(jsonText(*conflict, "children")),
                              esc(jsonText(*conflict, "detail"))));
    sideA_->setTitle(tr("A: the first, at one desk"));
    sideB_->setTitle(tr("B: the later, at another desk"));
    textA_->setText(sideHtml(conflict->value("a", nlohmann::json::object()), tr("Stands now")));
    textB_->setText(sideHtml(conflict->value("b", nlohmann::json::object()), tr("Not applied")));
    keepA_->setChecked(true);
    note_->clear();
}

bool ConflictsPage::resolveSelected() {
    const auto* conflict = selected();
    if (!conflict || !mayResolve_)
        return false;
    const QString contactId = jsonText(*conflict, "contact_id");
    const std::string id = jsonText(*conflict, "id").toStdString();
    try {
        core::SyncConflicts(workspace_).resolve(session_.actor(), id, keepB_->isChecked() ? "B" : "A",
                                                ss(note_->toPlainText()));
    } catch (const core::ValidationError& e) {
        QStringList problems;
        bool noteWrong = false;
        for (const auto& error : e.errors()) {
            noteWrong = noteWrong || error.field == "note";
            problems << (error.field == "note" ? tr("Why: %1") : tr("Which stands: %1")).arg(qs(error.problem));
        }
        banner_->setText(tr("Not resolved. %1").arg(problems.join(QStringLiteral("; "))));
        banner_->show();
        if (noteWrong)
            note_->setFocus(Qt::OtherFocusReason);
        return false;
    } catch (const core::Error& e) {
        banner_->setText(tr("Not resolved: %1").arg(qs(e.what())));
        banner_->show();
        reload(); // resolved at another desk meanwhile, say: show it as it stands
        banner_->show();
        return false;
    }
    reload();
    open_->setFocus(Qt::OtherFocusReason);
    emit resolved(contactId);
    return true;
}

} // namespace frontdoor::ui
