#pragma once
// Keeps what is typed in a workflow form (screening, sign-off, strategy discussion) as the signed-in
// person's draft in core (core::FormDrafts), as the new-contact form keeps its contact drafts: saved a
// second after typing stops and at least every 1.5 seconds while it goes on (AutosaveClock), when the
// tab or the window closes and when the app quits, read again when the form opens for the same contact,
// and cleared when the form is submitted.
//
// The form says what it holds as a JSON object of fields (`collect`) and puts fields back itself. The
// draft keeps only the fields that differ from what the form shows by itself when it opens (the
// record, the suggestion, the pre-filled invitees), so a form opened and left alone keeps no draft, and
// a draft put back changes only what the person typed. A field the person emptied is kept as null.
// A quiet line on the form says when the draft was saved or restored.
//
// Draft body: {"saved_at": instant, "context": what the form was showing (a strategy discussion's
// step), "typed": {field: value}, "cursor": {"field": objectName, "position": n} (optional: where the
// cursor was, put back by restoreCursor)}.

#include "Workspace.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <string>

class QLabel;
class QWidget;

namespace frontdoor::ui {

class AutosaveClock;
class FormFeedback;

/// The quiet line ("draftStatus") under a form that says when its draft was saved or restored.
QLabel* newDraftStatusLine(const QString& text = QString());

class FormDraftKeeper : public QObject {
    Q_OBJECT
public:
    /// `form` is core's name ("screening", "signoff", "strategy"); `status` the quiet line; `feedback`
    /// the form's banner, for a save that fails.
    FormDraftKeeper(core::Workspace& workspace, core::Actor actor, QString contactId, std::string form,
                    std::function<nlohmann::json()> collect, QLabel* status, FormFeedback& feedback,
                    QObject* parent = nullptr);
    ~FormDraftKeeper() override;

    /// The person's draft of `form` for the contact (a reader's connection, as the form loads), or
    /// nullopt. A draft that cannot be read is no reason not to open the form: nullopt then too.
    static std::optional<nlohmann::json> read(core::Workspace& ws, const core::Actor& actor,
                                              const std::string& contactId, const std::string& form);

    /// The form shows the record as it stands: what it holds now is not typing. From now on, changed()
    /// saves. `context` is kept with the draft (matches() compares it).
    void begin(const nlohmann::json& context = nlohmann::json::object());
    /// Whether a draft read as the form opened belongs to what the form shows now (same context).
    bool matches(const nlohmann::json& draft) const;
    /// The fields the person typed, from a draft's body ({} if none).
    static nlohmann::json typed(const nlohmann::json& draft);
    /// After the form has put `draft`'s fields back: nothing new to save, and the quiet line says
    /// "Restored what you typed at 14:02".
    void restored(const nlohmann::json& draft);

    /// Something was typed: the draft saves a second after the typing stops, and while it goes on at
    /// the latest 1.5 seconds after the first keystroke not yet saved.
    void changed();
    /// After restored() and until typing resumes: puts the cursor back in the field (and at the place) it was in when the
    /// draft was saved, if that field is there to take it. The form's focusFirstInput() asks this first.
    bool restoreCursor();
    /// Saves now if anything changed since the last save. False (and the banner says why) if core
    /// refused; what was typed stays in the form and saving is tried again in a few seconds.
    bool saveNow();
    /// Saves what is unsaved, for closing the tab or the window. False if it could not be saved and the
    /// person chose to keep the form open (asked over `dialogParent` when `askOnFailure`).
    bool prepareToClose(QWidget* dialogParent, bool askOnFailure);
    /// The form was submitted: clears the draft and stops keeping until begin() again.
    void discard();

    bool isKeeping() const { return active_; }
    /// Typed since the last save.
    bool hasUnsavedChanges() const { return pending_; }

private:
    nlohmann::json typedNow() const;
    void say(const QString& text);

    core::Workspace& workspace_;
    core::Actor actor_;
    QString contactId_;
    std::string form_;
    std::function<nlohmann::json()> collect_;
    QLabel* status_;
    FormFeedback& feedback_;
    std::unique_ptr<AutosaveClock> clock_;
    nlohmann::json cursor_; ///< where the restored draft's cursor was, until typing resumes
    bool active_ = false;
    bool pending_ = false;
    bool stored_ = false; ///< a draft is saved in core
    nlohmann::json baseline_ = nlohmann::json::object();
    nlohmann::json context_ = nlohmann::json::object();
    nlohmann::json lastSaved_ = nlohmann::json::object();
    QString failure_; ///< the banner's words about a failed save, while they stand
    QString recoveryFile_; ///< where the typing went when the database could not take it
};

} // namespace frontdoor::ui
