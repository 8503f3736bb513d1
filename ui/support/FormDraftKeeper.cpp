#include "support/FormDraftKeeper.h"

#include "support/AutosaveClock.h"
#include "support/FormFeedback.h"
#include "support/RecoveryFile.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "util/Errors.h"
#include "workflow/FormDrafts.h"

#include <QLabel>
#include <QMessageBox>
#include <QTimer>

namespace frontdoor::ui {

QLabel* newDraftStatusLine(const QString& text) {
    auto* line = new QLabel(text);
    line->setObjectName(QStringLiteral("draftStatus"));
    line->setProperty("role", QStringLiteral("hint"));
    return line;
}
namespace {

constexpr int kRetryDelayMs = 5000;

} // namespace

FormDraftKeeper::FormDraftKeeper(core::Workspace& workspace, core::Actor actor, QString contactId, std::string form,
                                 std::function<nlohmann::json()> collect, QLabel* status, FormFeedback& feedback,
                                 QObject* parent)
    : QObject(parent), workspace_(workspace), actor_(std::move(actor)), contactId_(std::move(contactId)),
      form_(std::move(form)), collect_(std::move(collect)), status_(status), feedback_(feedback) {
    clock_ = std::make_unique<AutosaveClock>(this, [this] {
        ScopedUiTiming timing("form draft autosave");
        saveNow();
    });
}

FormDraftKeeper::~FormDraftKeeper() = default;

std::optional<nlohmann::json> FormDraftKeeper::read(core::Workspace& ws, const core::Actor& actor,
                                                    const std::string& contactId, const std::string& form) {
    try {
        return core::FormDrafts(ws).load(actor, contactId, form);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void FormDraftKeeper::begin(const nlohmann::json& context) {
    baseline_ = collect_();
    context_ = context;
    lastSaved_ = nlohmann::json::object();
    pending_ = false;
    stored_ = false;
    active_ = true;
    cursor_ = nullptr;
    clock_->stop();
    say(QString()); // nothing typed, nothing unsaved: the line stays quiet until there is
}

bool FormDraftKeeper::matches(const nlohmann::json& draft) const {
    return draft.is_object() && draft.value("context", nlohmann::json::object()) == context_;
}

nlohmann::json FormDraftKeeper::typed(const nlohmann::json& draft) {
    if (!draft.is_object() || !draft.contains("typed") || !draft.at("typed").is_object())
        return nlohmann::json::object();
    return draft.at("typed");
}

void FormDraftKeeper::restored(const nlohmann::json& draft) {
    clock_->stop();
    cursor_ = draft.value("cursor", nlohmann::json());
    pending_ = false;
    stored_ = true;
    lastSaved_ = typedNow();
    const auto savedAt = core::parseInstant(draft.value("saved_at", std::string()));
    if (!savedAt) {
        say(tr("Restored what you typed before"));
        return;
    }
    const QDateTime at = toLocal(*savedAt);
    say(at.date() == toLocal(workspace_.clock().now()).date()
            ? tr("Restored what you typed at %1").arg(at.toString(QStringLiteral("HH:mm")))
            : tr("Restored what you typed on %1").arg(shortDateTime(*savedAt)));
}

nlohmann::json FormDraftKeeper::typedNow() const {
    // The fields that differ from what the form showed by itself; those emptied of what it showed, null.
    const nlohmann::json now = collect_();
    nlohmann::json typed = nlohmann::json::object();
    for (auto it = now.begin(); it != now.end(); ++it)
        if (!baseline_.contains(it.key()) || baseline_.at(it.key()) != it.value())
            typed[it.key()] = it.value();
    for (auto it = baseline_.begin(); it != baseline_.end(); ++it)
        if (!now.contains(it.key()))
            typed[it.key()] = nullptr;
    return typed;
}

void FormDraftKeeper::changed() {
    if (!active_)
        return;
    pending_ = true;
    cursor_ = nullptr; // typing again: where the cursor goes is the person's
    clock_->typed();
}

bool FormDraftKeeper::saveNow() {
    clock_->stop();
    if (!active_ || !pending_)
        return true;
    const nlohmann::json typed = typedNow();
    if (typed == lastSaved_ && (stored_ || typed.empty())) {
        pending_ = false;
        return true;
    }
    ScopedUiTiming timing("form draft saved");
    try {
        core::FormDrafts drafts(workspace_);
        if (typed.empty()) {
            // Back to what the form shows by itself: nothing of the person's to keep.
            drafts.discard(actor_, ss(contactId_), form_);
            stored_ = false;
            say(QString());
        } else {
            const core::Instant now = workspace_.clock().now();
            nlohmann::json body{{"saved_at", core::formatInstant(now)}, {"context", context_}, {"typed", typed}};
            if (auto cursor = cursorIn(qobject_cast<const QWidget*>(parent())); !cursor.is_null())
                body["cursor"] = std::move(cursor); // to put the cursor back where it was
            drafts.save(actor_, ss(contactId_), form_, body);
            stored_ = true;
            say(tr("Draft saved %1").arg(toLocal(now).toString(QStringLiteral("HH:mm:ss"))));
        }
        lastSaved_ = typed;
        pending_ = false;
        if (!failure_.isEmpty()) {
            feedback_.withdraw(failure_);
            failure_.clear();
        }
        return true;
    } catch (const std::exception& e) {
        failure_ = tr("The draft could not be saved: %1. What you typed is still here; it will be tried again.")
                       .arg(QString::fromUtf8(e.what()));
        // The database itself failed (gone, replaced, full, unwritable): keep the typing outside it too.
        if (dynamic_cast<const core::StoreError*>(&e)) {
            recoveryFile_ = writeRecoveryFile(QString::fromStdString(workspace_.db().path()),
                                              QString::fromStdString(actor_.userId), QString::fromStdString(form_),
                                              {{"contact_id", ss(contactId_)}, {"context", context_}, {"typed", typed}},
                                              recoveryFile_);
            failure_ += QLatin1Char(' ') + recoveryNote(recoveryFile_);
        }
        feedback_.showMessage(failure_, true);
        // A refusal for who you are will not change in five seconds; anything else may.
        if (!dynamic_cast<const core::ForbiddenError*>(&e))
            clock_->retryIn(kRetryDelayMs);
        return false;
    }
}

bool FormDraftKeeper::prepareToClose(QWidget* dialogParent, bool askOnFailure) {
    if (saveNow())
        return true;
    if (!askOnFailure)
        return false;
    return QMessageBox::warning(dialogParent, tr("Draft not saved"),
                                tr("The draft could not be saved, so closing would lose what you typed.\n\n%1\n\n"
                                   "Close anyway?")
                                    .arg(failure_),
                                QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Close;
}

void FormDraftKeeper::discard() {
    clock_->stop();
    active_ = false;
    pending_ = false;
    try {
        ScopedUiTiming timing("form draft cleared");
        core::FormDrafts(workspace_).discard(actor_, ss(contactId_), form_);
        stored_ = false;
    } catch (const std::exception&) {
        // The submit it follows has been recorded; a draft left behind is put back only over the same
        // form for the same contact, where the person sees it (and the line saying it was restored).
    }
    if (!failure_.isEmpty()) {
        feedback_.withdraw(failure_);
        failure_.clear();
    }
    say(QString());
}

bool FormDraftKeeper::restoreCursor() {
    if (cursor_.is_null())
        return false;
    return putCursorBack(qobject_cast<QWidget*>(parent()), cursor_);
}

void FormDraftKeeper::say(const QString& text) {
    if (status_)
        status_->setText(text);
}

} // namespace frontdoor::ui
