#include "widgets/ChildEditor.h"

#include "standards/CensusCodes.h"
#include "support/Shortcuts.h"
#include "support/Text.h"
#include "widgets/CodeComboBox.h"
#include "widgets/DateLineEdit.h"
#include "widgets/FieldCell.h"
#include "widgets/FormParts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace frontdoor::ui {
namespace {

void putText(nlohmann::json& json, const char* key, const QString& value) {
    const QString trimmed = value.trimmed();
    if (!trimmed.isEmpty())
        json[key] = ss(trimmed);
}

/// "Ava Jones, Ava-Mae Smith" as names: each name's last word is the family name, the words before
/// it the given names; a single word is a family name.
nlohmann::json namesFromText(const QString& text) {
    auto names = nlohmann::json::array();
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts)) {
        const QStringList words = part.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        nlohmann::json name{{"family_name", ss(words.back())}};
        if (words.size() > 1)
            name["given_name"] = ss(words.mid(0, words.size() - 1).join(QLatin1Char(' ')));
        names.push_back(std::move(name));
    }
    return names;
}

QString namesToText(const nlohmann::json& names) {
    QStringList list;
    if (names.is_array())
        for (const auto& name : names)
            list << (jsonText(name, "given_name") + QLatin1Char(' ') + jsonText(name, "family_name")).trimmed();
    return list.join(QStringLiteral(", "));
}

} // namespace

ChildEditor::ChildEditor(const core::Clock& clock, int index, QWidget* parent)
    : QFrame(parent), clock_(clock), index_(index) {
    setFrameShape(QFrame::StyledPanel);
    setProperty("role", QStringLiteral("childCard"));

    heading_ = new QLabel;
    heading_->setProperty("role", QStringLiteral("heading"));
    remove_ = new QPushButton(tr("Remove this child (%1)").arg(shortcutText("removePart")));
    remove_->setObjectName(QStringLiteral("removeChild"));
    // Outside the tab chain: Tab from the last field must never land on it (one Space would remove
    // the child). The shortcut removes the child the cursor is in; Ctrl+Z puts it back.
    remove_->setFocusPolicy(Qt::ClickFocus);
    connect(remove_, &QPushButton::clicked, this, &ChildEditor::removeRequested);

    linkBanner_ = new QLabel;
    linkBanner_->setObjectName(QStringLiteral("linkBanner"));
    linkBanner_->setWordWrap(true);
    linkBanner_->setTextFormat(Qt::PlainText);
    unlinkButton_ = new QPushButton(tr("Unlink"));
    unlinkButton_->setObjectName(QStringLiteral("unlinkButton"));
    unlinkButton_->setFocusPolicy(Qt::NoFocus); // Ctrl+Shift+U does it from the keyboard
    connect(unlinkButton_, &QPushButton::clicked, this, &ChildEditor::unlink);
    linkRow_ = new QWidget;
    linkRow_->setObjectName(QStringLiteral("linkRow"));
    auto* linkLayout = new QHBoxLayout(linkRow_);
    linkLayout->setContentsMargins(6, 4, 6, 4);
    linkLayout->addWidget(linkBanner_, 1);
    linkLayout->addWidget(unlinkButton_);
    linkRow_->hide();

    given_ = new QLineEdit;
    given_->setObjectName(QStringLiteral("givenName"));
    family_ = new QLineEdit;
    family_->setObjectName(QStringLiteral("familyName"));
    unborn_ = new QCheckBox(tr("&Unborn"));
    unborn_->setObjectName(QStringLiteral("unborn"));
    birth_ = new DateLineEdit(clock_);
    birth_->setObjectName(QStringLiteral("dateOfBirth"));
    birth_->setMinimumWidth(birth_->fontMetrics().horizontalAdvance(QStringLiteral("00/00/0000")) + 24);
    birthUnknown_ = new QCheckBox(tr("Not known"));
    birthUnknown_->setObjectName(QStringLiteral("dateOfBirthUnknown"));
    sex_ = new QComboBox;
    sex_->setObjectName(QStringLiteral("sex"));
    sex_->addItem(QString(), QString());
    for (const auto& entry : core::sexes())
        sex_->addItem(qs(entry.label), qs(entry.code));
    ethnicity_ = new CodeComboBox(core::ethnicities());
    ethnicity_->setObjectName(QStringLiteral("ethnicity"));
    address_ = new QLineEdit;
    address_->setObjectName(QStringLiteral("address"));
    postcode_ = new QLineEdit;
    postcode_->setObjectName(QStringLiteral("postcode"));
    postcode_->setMaximumWidth(140);
    previousNames_ = new QLineEdit;
    previousNames_->setObjectName(QStringLiteral("previousNames"));
    setHint(previousNames_, tr("e.g. Ava Jones, Ava Smith"));
    alternativeNames_ = new QLineEdit;
    alternativeNames_->setObjectName(QStringLiteral("alternativeNames"));
    setHint(alternativeNames_, tr("Other spellings or names"));
    voice_ = new QPlainTextEdit;
    voice_->setObjectName(QStringLiteral("voice"));
    voice_->setTabChangesFocus(true);
    voice_->setPlaceholderText(tr("What the child said, in their words, or how they presented"));
    voice_->setFixedHeight(64);
    voiceMissing_ = new QComboBox;
    voiceMissing_->setObjectName(QStringLiteral("voiceMissingReason"));
    voiceMissing_->setEditable(true);
    voiceMissing_->setInsertPolicy(QComboBox::NoInsert);
    voiceMissing_->addItems({QString(), tr("The referrer has not seen or spoken to the child"),
                             tr("The child is too young to give a view"), tr("The referrer did not ask the child"),
                             tr("Asking the child could put them at risk")});
    voiceMissing_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    voiceMissing_->setMinimumContentsLength(10);
    setHint(voiceMissing_->lineEdit(), tr("Only if there is no voice: why"));
    showChoicesInFull(voiceMissing_);
    showChoicesInFull(sex_);

    auto* birthExtras = new QWidget;
    auto* birthExtrasLayout = new QHBoxLayout(birthExtras);
    birthExtrasLayout->setContentsMargins(0, 0, 0, 0);
    birthExtrasLayout->addWidget(birthUnknown_);
    auto* birthCell = new FieldCell(tr("Date of &birth"), birth_, birthExtras);
    // The reading of the date goes under the input, where the eye already is.
    static_cast<QVBoxLayout*>(birthCell->layout())->insertWidget(2, birth_->readingLabel());

    cells_.insert(QStringLiteral("given_name"), new FieldCell(tr("&Given name"), given_));
    cells_.insert(QStringLiteral("family_name"), new FieldCell(tr("&Family name"), family_, unborn_));
    cells_.insert(QStringLiteral("date_of_birth"), birthCell);
    cells_.insert(QStringLiteral("sex"), new FieldCell(tr("Se&x"), sex_));
    cells_.insert(QStringLiteral("ethnicity"), new FieldCell(tr("Ethnicity"), ethnicity_));
    cells_.insert(QStringLiteral("address"), new FieldCell(tr("Address"), address_));
    cells_.insert(QStringLiteral("postcode"), new FieldCell(tr("Postcode"), postcode_));
    cells_.insert(QStringLiteral("previous_names"), new FieldCell(tr("Previous names"), previousNames_));
    cells_.insert(QStringLiteral("alternative_names"), new FieldCell(tr("Also known as"), alternativeNames_));
    cells_.insert(QStringLiteral("voice"), new FieldCell(tr("&The child's voice"), voice_));
    cells_.insert(QStringLiteral("voice_missing_reason"), new FieldCell(tr("No voice because"), voiceMissing_));
    // The voice or the reason there is none: either answers "the child's voice is required", so filling
    // one clears the problem shown under the other.
    connect(voiceMissing_, &QComboBox::editTextChanged, cells_.value(QStringLiteral("voice")), &FieldCell::clearError);
    connect(voiceMissing_, &QComboBox::currentIndexChanged, cells_.value(QStringLiteral("voice")), &FieldCell::clearError);
    connect(voice_, &QPlainTextEdit::textChanged, cells_.value(QStringLiteral("voice_missing_reason")),
            &FieldCell::clearError);

    auto* top = new QHBoxLayout;
    top->addWidget(heading_, 1);
    top->addWidget(remove_);
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(6);
    FieldGrid place(grid, 6);
    place.add(cells_.value(QStringLiteral("given_name")), 3);
    place.add(cells_.value(QStringLiteral("family_name")), 3);
    // The ethnicity's words ("WBRI White British") need more room than the sex or the date.
    place.add(cells_.value(QStringLiteral("date_of_birth")), 2);
    place.add(cells_.value(QStringLiteral("sex")), 1);
    place.add(cells_.value(QStringLiteral("ethnicity")), 3);
    place.add(cells_.value(QStringLiteral("address")), 4);
    place.add(cells_.value(QStringLiteral("postcode")), 2);
    place.add(cells_.value(QStringLiteral("voice")), 6);
    place.add(cells_.value(QStringLiteral("voice_missing_reason")), 6);
    // Rarely known at first contact: after everything else, so tabbing through a new child costs two keys.
    place.add(cells_.value(QStringLiteral("previous_names")), 3);
    place.add(cells_.value(QStringLiteral("alternative_names")), 3);
    for (int column = 0; column < 6; ++column)
        grid->setColumnStretch(column, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 10);
    layout->addLayout(top);
    layout->addWidget(linkRow_);
    layout->addLayout(grid);

    for (QLineEdit* edit : {given_, family_, address_, postcode_, previousNames_, alternativeNames_})
        connect(edit, &QLineEdit::textEdited, this, &ChildEditor::changed);
    connect(birth_, &DateLineEdit::dateEdited, this, &ChildEditor::changed);
    for (QLineEdit* edit : {given_, family_, postcode_})
        connect(edit, &QLineEdit::textEdited, this, &ChildEditor::matchInputsChanged);
    connect(birth_, &DateLineEdit::dateEdited, this, &ChildEditor::matchInputsChanged);
    connect(unborn_, &QCheckBox::toggled, this, [this] {
        updateUnborn();
        emit changed();
        emit matchInputsChanged();
    });
    connect(birthUnknown_, &QCheckBox::toggled, this, [this](bool unknown) {
        birth_->setEnabled(!unknown);
        emit changed();
    });
    connect(sex_, &QComboBox::activated, this, &ChildEditor::changed);
    connect(ethnicity_, &CodeComboBox::codeEdited, this, &ChildEditor::changed);
    connect(voice_, &QPlainTextEdit::textChanged, this, &ChildEditor::changed);
    connect(voiceMissing_, &QComboBox::editTextChanged, this, &ChildEditor::changed);

    setIndex(index);
    updateUnborn();
}

void ChildEditor::setIndex(int index) {
    index_ = index;
    setObjectName(QStringLiteral("child%1").arg(index));
    heading_->setText(tr("Child %1").arg(index + 1));
    setAccessibleName(tr("Child %1").arg(index + 1));
    const QString prefix = tr("Child %1: ").arg(index + 1);
    for (auto* cell : cells_)
        cell->input()->setAccessibleName(prefix + cell->labelText().toLower());
}

void ChildEditor::setRemovable(bool removable) { remove_->setVisible(removable); }

void ChildEditor::updateUnborn() {
    const bool unborn = unborn_->isChecked();
    auto* birthCell = cells_.value(QStringLiteral("date_of_birth"));
    birthCell->setLabelText(unborn ? tr("Expected &date") : tr("Date of &birth"));
    birth_->setShowAge(!unborn);
    birthUnknown_->setVisible(!unborn);
    if (unborn)
        birthUnknown_->setChecked(false);
    for (const char* key : {"voice", "voice_missing_reason"})
        cells_.value(QLatin1String(key))->setVisible(!unborn);
    cells_.value(QStringLiteral("given_name"))->setLabelText(unborn ? tr("&Given name (if chosen)") : tr("&Given name"));
}

nlohmann::json ChildEditor::toJson() const {
    nlohmann::json json = extra_;
    if (!linkedId_.isEmpty())
        json["id"] = ss(linkedId_);
    putText(json, "given_name", given_->text());
    putText(json, "family_name", family_->text());
    if (const auto previous = namesFromText(previousNames_->text()); !previous.empty())
        json["previous_names"] = previous;
    if (const auto alternative = namesFromText(alternativeNames_->text()); !alternative.empty())
        json["alternative_names"] = alternative;
    const bool unborn = unborn_->isChecked();
    if (unborn)
        json["unborn"] = true;
    const QString date = birth_->valueForCore();
    if (!date.isEmpty() && !birthUnknown_->isChecked())
        json[unborn ? "expected_date" : "date_of_birth"] = ss(date);
    if (!unborn && birthUnknown_->isChecked())
        json["date_of_birth_unknown"] = true;
    putText(json, "sex", sex_->currentData().toString());
    putText(json, "ethnicity", ethnicity_->code());
    putText(json, "address", address_->text());
    putText(json, "postcode", postcode_->text());
    if (!unborn) {
        putText(json, "voice", voice_->toPlainText());
        putText(json, "voice_missing_reason", voiceMissing_->currentText());
    }
    return json;
}

void ChildEditor::fromJson(const nlohmann::json& child) {
    extra_ = child.is_object() ? child : nlohmann::json::object();
    for (const char* key : {"id", "given_name", "family_name", "unborn", "expected_date", "date_of_birth",
                            "date_of_birth_unknown", "sex", "ethnicity", "address", "postcode", "voice",
                            "voice_missing_reason", "previous_names", "alternative_names"})
        extra_.erase(key);
    given_->setText(jsonText(child, "given_name"));
    family_->setText(jsonText(child, "family_name"));
    previousNames_->setText(namesToText(child.value("previous_names", nlohmann::json::array())));
    alternativeNames_->setText(namesToText(child.value("alternative_names", nlohmann::json::array())));
    const bool unborn = child.value("unborn", false) || child.contains("expected_date");
    unborn_->setChecked(unborn);
    birth_->setValueFromCore(jsonText(child, unborn ? "expected_date" : "date_of_birth"));
    birthUnknown_->setChecked(child.value("date_of_birth_unknown", false));
    sex_->setCurrentIndex(std::max(0, sex_->findData(jsonText(child, "sex"))));
    ethnicity_->setCode(jsonText(child, "ethnicity"));
    address_->setText(jsonText(child, "address"));
    postcode_->setText(jsonText(child, "postcode"));
    voice_->setPlainText(jsonText(child, "voice"));
    voiceMissing_->setEditText(jsonText(child, "voice_missing_reason"));
    linkedId_ = jsonText(child, "id");
    if (!linkedId_.isEmpty())
        showLink(tr("Linked to a person already known."));
    updateUnborn();
}

core::PersonQuery ChildEditor::matchQuery() const {
    core::PersonQuery query;
    const auto meaningful = [](const QString& text) { return text.trimmed().size() >= 2 ? ss(text.trimmed()) : std::string(); };
    query.givenName = meaningful(given_->text());
    query.familyName = meaningful(family_->text());
    if (!birthUnknown_->isChecked())
        query.dateOfBirth = birth_->date();
    const std::string postcode = core::normalisePostcode(ss(postcode_->text()));
    query.postcode = postcode;
    query.limit = 8;
    query.countingNewContact = true;
    return query;
}

void ChildEditor::linkTo(const core::Person& person) {
    linkedId_ = qs(person.id);
    // Fill only what is still empty: the referrer's words are never overwritten.
    if (given_->text().trimmed().isEmpty())
        given_->setText(qs(person.givenName));
    if (family_->text().trimmed().isEmpty())
        family_->setText(qs(person.familyName));
    if (birth_->text().trimmed().isEmpty() && !birthUnknown_->isChecked()) {
        if (person.dateOfBirth) {
            unborn_->setChecked(false);
            birth_->setValueFromCore(qs(core::formatDate(*person.dateOfBirth)));
        } else if (person.expectedDate) {
            unborn_->setChecked(true);
            birth_->setValueFromCore(qs(core::formatDate(*person.expectedDate)));
        }
    }
    if (sex_->currentIndex() <= 0 && !person.sex.empty())
        sex_->setCurrentIndex(std::max(0, sex_->findData(qs(person.sex))));
    if (ethnicity_->code().isEmpty() && !person.ethnicity.empty())
        ethnicity_->setCode(qs(person.ethnicity));
    if (address_->text().trimmed().isEmpty())
        address_->setText(qs(person.address));
    if (postcode_->text().trimmed().isEmpty())
        postcode_->setText(qs(person.postcode));
    describeLinkedPerson(person);
    emit changed();
}

void ChildEditor::describeLinkedPerson(const core::Person& person) {
    if (qs(person.id) != linkedId_)
        return;
    showLink(tr("Linked to %1 (%2), already known. Ctrl+Shift+U unlinks.")
                 .arg(qs(person.displayName()), qs(person.displayBirth())));
}

void ChildEditor::showLink(const QString& summary) {
    linkedSummary_ = summary;
    linkBanner_->setText(summary);
    linkRow_->show();
}

void ChildEditor::unlink() {
    if (linkedId_.isEmpty())
        return;
    linkedId_.clear();
    linkRow_->hide();
    emit changed();
    emit matchInputsChanged();
}

FieldCell* ChildEditor::cellFor(const QString& key) const {
    if (key == QLatin1String("expected_date") || key == QLatin1String("date_of_birth_unknown") ||
        key == QLatin1String("unborn"))
        return cells_.value(QStringLiteral("date_of_birth"));
    if (key == QLatin1String("id"))
        return cells_.value(QStringLiteral("given_name"));
    if (key.startsWith(QLatin1String("previous_names")))
        return cells_.value(QStringLiteral("previous_names"));
    if (key.startsWith(QLatin1String("alternative_names")))
        return cells_.value(QStringLiteral("alternative_names"));
    return cells_.value(key);
}

QList<QWidget*> ChildEditor::focusChain() const {
    return {given_,   family_,   unborn_, birth_, birthUnknown_, sex_, ethnicity_, address_,
            postcode_, voice_, voiceMissing_, previousNames_, alternativeNames_};
}

void ChildEditor::copyFamilyDetailsFrom(const ChildEditor& other) {
    family_->setText(other.family_->text());
    address_->setText(other.address_->text());
    postcode_->setText(other.postcode_->text());
    ethnicity_->setCode(other.ethnicity_->code());
}

} // namespace frontdoor::ui
