#include "dialogs/CorrectionDialog.h"

#include "Workspace.h"
#include "contacts/ContactService.h"
#include "people/PersonCorrections.h"
#include "people/PersonProjection.h"
#include "support/FormFeedback.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "widgets/FieldCell.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

// "children[0].date_of_birth" -> "/children/0/date_of_birth"
nlohmann::json::json_pointer pointerOf(const QString& path) {
    QString pointer = QLatin1Char('/') + path;
    pointer.replace(QLatin1Char('['), QLatin1Char('/')).remove(QLatin1Char(']')).replace(QLatin1Char('.'), QLatin1Char('/'));
    return nlohmann::json::json_pointer(ss(pointer));
}

bool isDateKey(const QString& path) {
    return path.endsWith(QLatin1String("date_of_birth")) || path.endsWith(QLatin1String("expected_date"));
}

// A value as a person reads it: dates as 12/03/2015, the receipt in UK time.
QString shown(const QString& path, const std::string& value) {
    if (value.empty())
        return {};
    if (isDateKey(path))
        return ukDate(value);
    if (path == QLatin1String("received_at"))
        if (const auto at = core::parseInstant(value))
            return toLocal(*at).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    return qs(value);
}

// What was typed, in core's form: a date typed as 12/3/15 becomes 2015-03-12; anything that does not
// read as one is passed on as typed, for core to refuse by name.
std::string stored(const QString& path, const QString& text, core::Date today) {
    if (isDateKey(path))
        if (const auto date = parseTypedDate(text, today))
            return core::formatDate(*date);
    if (path == QLatin1String("received_at")) {
        const QDateTime when = QDateTime::fromString(text, QStringLiteral("dd/MM/yyyy HH:mm"));
        if (when.isValid())
            return core::formatInstant(fromQDateTime(when));
    }
    return ss(text);
}

QString textOf(const QWidget* editor) {
    if (const auto* line = qobject_cast<const QLineEdit*>(editor))
        return line->text().trimmed();
    if (const auto* box = qobject_cast<const QPlainTextEdit*>(editor))
        return box->toPlainText().trimmed();
    return {};
}

struct FieldSpec {
    const char* key;
    const char* label;
    bool longText = false;
};

// The fields a screener types, in the order the new-contact form asks them.
const std::vector<FieldSpec> kPersonFields = {
    {"given_name", QT_TRANSLATE_NOOP("CorrectionDialog", "Given name")},
    {"family_name", QT_TRANSLATE_NOOP("CorrectionDialog", "Family name")},
    {"date_of_birth", QT_TRANSLATE_NOOP("CorrectionDialog", "Date of birth (dd/mm/yyyy)")},
    {"sex", QT_TRANSLATE_NOOP("CorrectionDialog", "Sex (M, F or U)")},
    {"ethnicity", QT_TRANSLATE_NOOP("CorrectionDialog", "Ethnicity (census code, e.g. WBRI)")},
    {"address", QT_TRANSLATE_NOOP("CorrectionDialog", "Address")},
    {"postcode", QT_TRANSLATE_NOOP("CorrectionDialog", "Postcode")},
};
const std::vector<FieldSpec> kChildExtra = {
    {"voice", QT_TRANSLATE_NOOP("CorrectionDialog", "The child's voice"), true},
    {"voice_missing_reason", QT_TRANSLATE_NOOP("CorrectionDialog", "Why the child's voice is missing")},
};
const std::vector<FieldSpec> kReferrerFields = {
    {"name", QT_TRANSLATE_NOOP("CorrectionDialog", "Referrer's name")},
    {"agency", QT_TRANSLATE_NOOP("CorrectionDialog", "Agency")},
    {"role", QT_TRANSLATE_NOOP("CorrectionDialog", "Referrer's role")},
    {"phone", QT_TRANSLATE_NOOP("CorrectionDialog", "Referrer's phone")},
    {"email", QT_TRANSLATE_NOOP("CorrectionDialog", "Referrer's email")},
    {"relationship_to_child", QT_TRANSLATE_NOOP("CorrectionDialog", "Relationship to the child")},
};
const std::vector<FieldSpec> kAdultFields = {
    {"given_name", QT_TRANSLATE_NOOP("CorrectionDialog", "Given name")},
    {"family_name", QT_TRANSLATE_NOOP("CorrectionDialog", "Family name")},
    {"relationship", QT_TRANSLATE_NOOP("CorrectionDialog", "Relationship (code, e.g. mother)")},
    {"date_of_birth", QT_TRANSLATE_NOOP("CorrectionDialog", "Date of birth (dd/mm/yyyy)")},
    {"address", QT_TRANSLATE_NOOP("CorrectionDialog", "Address")},
    {"postcode", QT_TRANSLATE_NOOP("CorrectionDialog", "Postcode")},
    {"phone", QT_TRANSLATE_NOOP("CorrectionDialog", "Phone")},
    {"notes", QT_TRANSLATE_NOOP("CorrectionDialog", "Notes"), true},
};
const std::vector<FieldSpec> kConsentFields = {
    {"status", QT_TRANSLATE_NOOP("CorrectionDialog", "Consent (given, refused, not_sought, not_known)")},
    {"basis_without_consent", QT_TRANSLATE_NOOP("CorrectionDialog", "Basis for sharing without consent"), true},
    {"authorised_by", QT_TRANSLATE_NOOP("CorrectionDialog", "Sharing without consent authorised by")},
};

} // namespace

CorrectionDialog::CorrectionDialog(core::Workspace& workspace, core::Session session, Kind kind, QString id,
                                   QWidget* parent)
    : QDialog(parent), workspace_(workspace), session_(std::move(session)), kind_(kind), id_(std::move(id)) {
    setObjectName(QStringLiteral("correctionDialog"));
    QString about;
    if (kind_ == Kind::Contact) {
        current_ = core::ContactService(workspace_).currentVersion(ss(id_));
        setWindowTitle(tr("Correct the contact"));
        about = tr("Correct what was recorded. The earlier version stays in the timeline, with your name and "
                   "reason. Deadlines already set do not move, except the decision deadline when the time the "
                   "contact was received changes. A child's details corrected here are corrected on their "
                   "person record too, where it held the same value.");
    } else {
        const auto person = core::loadPerson(workspace_.db(), ss(id_));
        if (!person)
            throw core::NotFoundError("no person with id " + ss(id_));
        current_ = core::toJson(*person);
        setWindowTitle(tr("Correct %1's details").arg(qs(person->displayName())));
        about = tr("Correct %1's details. The earlier version stays on record with your name and reason; a "
                   "changed name is kept as a previous name, so searches still find it.")
                    .arg(qs(person->displayName()));
    }
    auto* aboutLabel = new QLabel(about);
    aboutLabel->setObjectName(QStringLiteral("correctionAbout"));
    aboutLabel->setWordWrap(true);
    auto* banner = newBannerLabel(QStringLiteral("correctionBanner"));
    feedback_ = std::make_unique<FormFeedback>(banner);

    fields_ = new QWidget;
    grid_ = new QGridLayout(fields_);
    grid_->setColumnStretch(0, 1);
    grid_->setColumnStretch(1, 1);
    const auto addGroup = [this](const QString& prefix, const std::vector<FieldSpec>& specs, const nlohmann::json& object,
                                 const QString& heading) {
        if (!heading.isEmpty()) {
            auto* label = new QLabel(heading);
            label->setProperty("role", QStringLiteral("heading"));
            grid_->addWidget(label, grid_->rowCount(), 0, 1, 2);
        }
        for (const auto& spec : specs) {
            const QString path = prefix.isEmpty() ? QLatin1String(spec.key) : prefix + QLatin1Char('.') + QLatin1String(spec.key);
            const auto value = object.is_object() ? object.find(spec.key) : object.end();
            const std::string text = object.is_object() && value != object.end() && value->is_string() ? value->get<std::string>() : "";
            addField(path, tr(spec.label), shown(path, text), spec.longText);
        }
    };
    if (kind_ == Kind::Contact) {
        addField(QStringLiteral("received_at"), tr("Received (dd/mm/yyyy hh:mm, UK time)"),
                 shown(QStringLiteral("received_at"), current_.value("received_at", std::string())), false);
        addGroup({}, {{"channel", QT_TRANSLATE_NOOP("CorrectionDialog", "How it came (phone, email, portal, ...)")},
                      {"source", QT_TRANSLATE_NOOP("CorrectionDialog", "Referral source (census code, e.g. 2A)")}},
                 current_, {});
        addGroup(QStringLiteral("referrer"), kReferrerFields, current_.value("referrer", nlohmann::json::object()),
                 tr("Referrer"));
        const auto children = current_.value("children", nlohmann::json::array());
        for (size_t i = 0; i < children.size(); ++i) {
            std::vector<FieldSpec> specs = kPersonFields;
            if (children[i].contains("expected_date"))
                specs[2] = {"expected_date", QT_TRANSLATE_NOOP("CorrectionDialog", "Expected date (dd/mm/yyyy)")};
            specs.insert(specs.end(), kChildExtra.begin(), kChildExtra.end());
            addGroup(QStringLiteral("children[%1]").arg(i), specs, children[i], tr("Child %1").arg(i + 1));
        }
        const auto adults = current_.value("adults", nlohmann::json::array());
        for (size_t i = 0; i < adults.size(); ++i)
            addGroup(QStringLiteral("adults[%1]").arg(i), kAdultFields, adults[i], tr("Adult %1").arg(i + 1));
        addField(QStringLiteral("concern"), tr("The concern, in the referrer's words"),
                 qs(current_.value("concern", std::string())), true);
        addGroup(QStringLiteral("consent"), kConsentFields, current_.value("consent", nlohmann::json::object()),
                 tr("Consent"));
    } else {
        std::vector<FieldSpec> specs = kPersonFields;
        if (current_.contains("expected_date"))
            specs[2] = {"expected_date", QT_TRANSLATE_NOOP("CorrectionDialog", "Expected date (dd/mm/yyyy)")};
        specs.push_back({"la_child_id", QT_TRANSLATE_NOOP("CorrectionDialog", "LA child id")});
        addGroup({}, specs, current_, {});
    }
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("correctionFields"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(fields_);
    scroll->setFocusPolicy(Qt::NoFocus);

    auto* previewHeading = new QLabel(tr("What will change"));
    previewHeading->setProperty("role", QStringLiteral("heading"));
    preview_ = new QLabel;
    preview_->setObjectName(QStringLiteral("correctionPreview"));
    preview_->setWordWrap(true);
    preview_->setTextFormat(Qt::RichText);
    reason_ = new QLineEdit;
    reason_->setObjectName(QStringLiteral("correctionReason"));
    reason_->setPlaceholderText(tr("Why, e.g. \"the mother gave the right date of birth on the phone\" (at least %1 characters)")
                                    .arg(core::kMinCorrectionReasonLength));
    auto* reasonCell = new FieldCell(tr("&Reason for the correction"), reason_);
    feedback_->addCell(QStringLiteral("reason"), reasonCell);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    saveButton_ = buttons->addButton(tr("Save the correction (%1)").arg(shortcutText("saveCorrection")),
                                     QDialogButtonBox::AcceptRole);
    saveButton_->setObjectName(QStringLiteral("correctionSave"));
    saveButton_->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("correctionCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    for (const auto& key : shortcutKeys("saveCorrection"))
        connect(new QShortcut(key, this), &QShortcut::activated, this, &CorrectionDialog::save);
    connect(buttons, &QDialogButtonBox::accepted, this, &CorrectionDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(aboutLabel);
    layout->addWidget(banner);
    layout->addWidget(scroll, 1);
    layout->addWidget(previewHeading);
    layout->addWidget(preview_);
    layout->addWidget(reasonCell);
    layout->addWidget(buttons);

    // Tab order: the fields as they read, then the reason, then save and cancel.
    QWidget* previous = nullptr;
    for (const auto& path : paths_) {
        if (previous)
            setTabOrder(previous, editors_.value(path));
        previous = editors_.value(path);
    }
    if (previous)
        setTabOrder(previous, reason_);
    setTabOrder(reason_, saveButton_);
    setTabOrder(saveButton_, buttons->button(QDialogButtonBox::Cancel));

    updatePreview();
    if (!paths_.empty())
        editors_.value(paths_.front())->setFocus();
    resize(760, 680);
}

CorrectionDialog::~CorrectionDialog() = default;

CorrectionDialog* CorrectionDialog::create(core::Workspace& workspace, const core::Session& session, Kind kind,
                                           const QString& id, QWidget* parent, QString& whyNot) {
    try {
        const bool allowed = kind == Kind::Contact
                                 ? core::ContactService(workspace).mayAmend(session.actor(), ss(id))
                                 : core::PersonCorrections(workspace).mayAmend(session.actor(), ss(id));
        if (!allowed) {
            whyNot = kind == Kind::Contact
                         ? tr("only the person who recorded the contact or a duty manager may correct it, and once "
                              "it is decided only a duty manager")
                         : tr("only a duty manager, or whoever recorded a contact about this person that is not yet "
                              "decided, may correct their details");
            return nullptr;
        }
        return new CorrectionDialog(workspace, session, kind, id, parent);
    } catch (const std::exception& error) {
        whyNot = QString::fromUtf8(error.what());
        return nullptr;
    }
}

void CorrectionDialog::addField(const QString& path, const QString& label, const QString& value, bool longText) {
    QWidget* editor = nullptr;
    if (longText) {
        auto* box = new QPlainTextEdit(value);
        box->setTabChangesFocus(true);
        box->setFixedHeight(box->fontMetrics().lineSpacing() * 3 + 14);
        connect(box, &QPlainTextEdit::textChanged, this, &CorrectionDialog::updatePreview);
        editor = box;
    } else {
        auto* line = new QLineEdit(value);
        connect(line, &QLineEdit::textChanged, this, &CorrectionDialog::updatePreview);
        editor = line;
    }
    editor->setObjectName(QStringLiteral("correction:") + path);
    editor->setProperty("initialText", value.trimmed());
    auto* cell = new FieldCell(label, editor);
    feedback_->addCell(path, cell);
    // Two short fields side by side (given and family name, date of birth and sex...); long text and
    // a new group start a row of their own.
    const int last = grid_->rowCount() - 1;
    const bool besideLast = !longText && last >= 0 && grid_->itemAtPosition(last, 0) &&
                            !grid_->itemAtPosition(last, 1) &&
                            qobject_cast<FieldCell*>(grid_->itemAtPosition(last, 0)->widget()) &&
                            !grid_->itemAtPosition(last, 0)->widget()->property("wide").toBool();
    if (besideLast) {
        grid_->addWidget(cell, last, 1);
    } else if (longText) {
        cell->setProperty("wide", true);
        grid_->addWidget(cell, last + 1, 0, 1, 2);
    } else {
        grid_->addWidget(cell, last + 1, 0);
    }
    paths_.push_back(path);
    editors_.insert(path, editor);
}

nlohmann::json CorrectionDialog::edited() const {
    nlohmann::json version = current_;
    const core::Date today = core::utcDate(workspace_.clock().now());
    for (const auto& path : paths_) {
        const QWidget* editor = editors_.value(path);
        const QString text = textOf(editor);
        if (text == editor->property("initialText").toString())
            continue; // untouched: the value exactly as recorded (a receipt's seconds included)
        const auto pointer = pointerOf(path);
        if (text.isEmpty()) {
            if (version.contains(pointer))
                version[pointer.parent_pointer()].erase(pointer.back());
        } else {
            version[pointer] = stored(path, text, today);
        }
    }
    return version;
}

void CorrectionDialog::updatePreview() {
    const auto changes = core::changesBetween(current_, edited());
    if (changes.empty()) {
        preview_->setText(tr("Nothing yet: change a field above."));
        return;
    }
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" width=\"100%\"><tr><th align=\"left\">%1</th>"
                                  "<th align=\"left\">%2</th><th align=\"left\">%3</th></tr>")
                       .arg(tr("Field"), tr("Before"), tr("After"));
    for (const auto& change : changes) {
        const QString path = qs(change.field);
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td><b>%3</b></td></tr>")
                    .arg(qs(change.label).toHtmlEscaped(), shown(path, change.before).toHtmlEscaped(),
                         shown(path, change.after).toHtmlEscaped());
    }
    preview_->setText(html + QStringLiteral("</table>"));
}

bool CorrectionDialog::save() {
    ScopedUiTiming timing("correction saved");
    feedback_->clear();
    try {
        const std::string reason = ss(reason_->text().trimmed());
        if (kind_ == Kind::Contact) {
            result_ = core::ContactService(workspace_).amend(session_.actor(), ss(id_), edited(), reason).toJson();
        } else {
            // Only what changed is sent: the rest of the record stays as it is.
            nlohmann::json partial = nlohmann::json::object();
            const nlohmann::json version = edited();
            for (const auto& path : paths_) {
                const std::string key = ss(path);
                const auto before = current_.find(key);
                const auto after = version.find(key);
                const bool had = before != current_.end();
                const bool has = after != version.end();
                if (has && (!had || *before != *after))
                    partial[key] = *after;
                else if (had && !has)
                    partial[key] = nullptr;
            }
            result_ = core::PersonCorrections(workspace_).amend(session_.actor(), ss(id_), partial, reason).toJson();
        }
    } catch (const core::ValidationError& error) {
        feedback_->showErrors(error.errors(), tr("Not corrected"));
        return false;
    } catch (const std::exception& error) {
        feedback_->showFailure(tr("Not corrected"), error);
        return false;
    }
    accept();
    return true;
}

} // namespace frontdoor::ui
