#pragma once
// Correcting a record (issue 13): a recorded contact (every field a screener typed, the children as
// reported) or a person's details, starting from the current values. The reason is required; what will
// change shows, field by field (before | after), as it is typed. Keyboard only: Tab walks the fields in
// the order they read, then the reason; Enter in the reason or Ctrl+Enter anywhere saves; Esc cancels.
// Core decides who may correct and checks every field (ContactService::amend, PersonCorrections::amend);
// refused, the dialog stays open with everything typed kept and the problem beside its field.

#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QDialog>
#include <QHash>

#include <memory>
#include <vector>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace frontdoor::core {
class Workspace;
}

namespace frontdoor::ui {

class FormFeedback;

class CorrectionDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Contact, Person };

    /// Reads the record's current version (a quick read of one record, on the UI thread as the other
    /// workflow dialogs do). Throws core's NotFoundError for an unknown id.
    CorrectionDialog(core::Workspace& workspace, core::Session session, Kind kind, QString id,
                     QWidget* parent = nullptr);
    ~CorrectionDialog() override;

    /// The dialog for the record, or null with `whyNot` set when this person may not correct it (core's
    /// rule: the one who recorded it or a duty manager; once decided, a duty manager).
    static CorrectionDialog* create(core::Workspace& workspace, const core::Session& session, Kind kind,
                                    const QString& id, QWidget* parent, QString& whyNot);

    /// Saves the correction; false (and the dialog stays open, saying why) when core refuses.
    bool save();
    /// The input for the field at this JSON path ("children[0].date_of_birth"), or null.
    QWidget* editorFor(const QString& path) const { return editors_.value(path); }
    /// What core answered to the correction saved (AmendedContact or AmendedPerson as JSON).
    const nlohmann::json& result() const { return result_; }

private:
    nlohmann::json edited() const;
    void updatePreview();
    void addField(const QString& path, const QString& label, const QString& value, bool longText);

    core::Workspace& workspace_;
    core::Session session_;
    Kind kind_;
    QString id_;
    nlohmann::json current_;
    nlohmann::json result_;
    std::vector<QString> paths_; ///< in the order they are shown
    QHash<QString, QWidget*> editors_;
    std::unique_ptr<FormFeedback> feedback_;
    QWidget* fields_;
    QGridLayout* grid_;
    QLabel* preview_;
    QLineEdit* reason_;
    QPushButton* saveButton_;
};

} // namespace frontdoor::ui
