#include "widgets/AdultEditor.h"

#include "contacts/Contact.h"
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
#include <QVBoxLayout>

namespace frontdoor::ui {

AdultEditor::AdultEditor(const core::Clock& clock, int index, QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    heading_ = new QLabel;
    heading_->setProperty("role", QStringLiteral("heading"));
    remove_ = new QPushButton(tr("Remove (%1)").arg(shortcutText("removePart")));
    remove_->setObjectName(QStringLiteral("removeAdult"));
    // Outside the tab chain: Tab after "Lives with the child" must never land on it (one Space would
    // remove the adult). The shortcut removes the adult the cursor is in; Ctrl+Z puts it back.
    remove_->setFocusPolicy(Qt::ClickFocus);
    connect(remove_, &QPushButton::clicked, this, &AdultEditor::removeRequested);

    given_ = new QLineEdit;
    given_->setObjectName(QStringLiteral("adultGivenName"));
    family_ = new QLineEdit;
    family_->setObjectName(QStringLiteral("adultFamilyName"));
    std::vector<CodeComboBox::Choice> relationships;
    for (const auto& relationship : core::adultRelationshipList()) {
        QStringList words;
        for (const auto& word : relationship.searchWords)
            words << qs(word);
        relationships.push_back({qs(relationship.code), qs(relationship.label), words});
    }
    // Typed words complete only to a real match ("aunt", "nan", "stepdad"), or are refused at once.
    relationship_ = new CodeComboBox(relationships);
    relationship_->setObjectName(QStringLiteral("relationship"));
    setHint(relationship_->lineEdit(), tr("Type: mum, aunt, nan, neighbour…"));
    responsibility_ = new QComboBox;
    responsibility_->setObjectName(QStringLiteral("parentalResponsibility"));
    responsibility_->addItem(QString(), QString());
    responsibility_->addItem(tr("Yes"), QStringLiteral("yes"));
    responsibility_->addItem(tr("No"), QStringLiteral("no"));
    responsibility_->addItem(tr("Unknown"), QStringLiteral("unknown"));
    livesWith_ = new QCheckBox(tr("Lives with the child"));
    livesWith_->setObjectName(QStringLiteral("livesWithChild"));
    phone_ = new QLineEdit;
    phone_->setObjectName(QStringLiteral("adultPhone"));
    birth_ = new DateLineEdit(clock);
    birth_->setObjectName(QStringLiteral("adultDateOfBirth"));
    address_ = new QLineEdit;
    address_->setObjectName(QStringLiteral("adultAddress"));
    setHint(address_, tr("If not the child's"));
    postcode_ = new QLineEdit;
    postcode_->setObjectName(QStringLiteral("adultPostcode"));
    postcode_->setMaximumWidth(140);
    notes_ = new QPlainTextEdit;
    notes_->setObjectName(QStringLiteral("adultNotes"));
    notes_->setTabChangesFocus(true);
    notes_->setFixedHeight(48);
    notes_->setPlaceholderText(tr("Anything known about this adult: risks, support, how to reach them"));

    cells_.insert(QStringLiteral("given_name"), new FieldCell(tr("Given name"), given_));
    cells_.insert(QStringLiteral("family_name"), new FieldCell(tr("Family name"), family_));
    cells_.insert(QStringLiteral("relationship"), new FieldCell(tr("Relationship to the child"), relationship_));
    cells_.insert(QStringLiteral("parental_responsibility"), new FieldCell(tr("Parental responsibility"), responsibility_));
    cells_.insert(QStringLiteral("lives_with_child"), new FieldCell(QString(), livesWith_));
    cells_.insert(QStringLiteral("phone"), new FieldCell(tr("Phone"), phone_));
    auto* birthCell = new FieldCell(tr("Date of birth"), birth_);
    static_cast<QVBoxLayout*>(birthCell->layout())->insertWidget(2, birth_->readingLabel());
    cells_.insert(QStringLiteral("date_of_birth"), birthCell);
    cells_.insert(QStringLiteral("address"), new FieldCell(tr("Address"), address_));
    cells_.insert(QStringLiteral("postcode"), new FieldCell(tr("Postcode"), postcode_));
    cells_.insert(QStringLiteral("notes"), new FieldCell(tr("Notes"), notes_));

    linked_ = new QLabel;
    linked_->setObjectName(QStringLiteral("adultLinked"));
    linked_->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(heading_);
    top->addWidget(linked_, 1);
    top->addWidget(remove_);
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    FieldGrid place(grid, 6);
    place.add(cells_.value(QStringLiteral("given_name")), 3);
    place.add(cells_.value(QStringLiteral("family_name")), 3);
    place.add(cells_.value(QStringLiteral("relationship")), 2);
    place.add(cells_.value(QStringLiteral("parental_responsibility")), 2);
    place.add(cells_.value(QStringLiteral("date_of_birth")), 2);
    place.add(cells_.value(QStringLiteral("phone")), 2);
    place.add(cells_.value(QStringLiteral("address")), 3);
    place.add(cells_.value(QStringLiteral("postcode")), 1);
    place.add(cells_.value(QStringLiteral("notes")), 6);
    place.add(cells_.value(QStringLiteral("lives_with_child")), 6);
    for (int column = 0; column < 6; ++column)
        grid->setColumnStretch(column, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 10);
    layout->addLayout(top);
    layout->addLayout(grid);

    for (QLineEdit* edit : {given_, family_, phone_, address_, postcode_})
        connect(edit, &QLineEdit::textEdited, this, &AdultEditor::changed);
    connect(birth_, &DateLineEdit::dateEdited, this, &AdultEditor::changed);
    connect(notes_, &QPlainTextEdit::textChanged, this, &AdultEditor::changed);
    connect(relationship_, &CodeComboBox::codeEdited, this, &AdultEditor::changed);
    connect(responsibility_, &QComboBox::activated, this, &AdultEditor::changed);
    connect(livesWith_, &QCheckBox::toggled, this, &AdultEditor::changed);
    setIndex(index);
}

void AdultEditor::setIndex(int index) {
    index_ = index;
    setObjectName(QStringLiteral("adult%1").arg(index));
    heading_->setText(tr("Adult %1").arg(index + 1));
    setAccessibleName(tr("Adult %1").arg(index + 1));
    for (auto* cell : cells_)
        if (!cell->labelText().isEmpty())
            cell->input()->setAccessibleName(tr("Adult %1: ").arg(index + 1) + cell->labelText().toLower());
}

nlohmann::json AdultEditor::toJson() const {
    nlohmann::json json = extra_;
    const auto put = [&json](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            json[key] = ss(value.trimmed());
    };
    put("given_name", given_->text());
    put("family_name", family_->text());
    put("relationship", relationship_->code());
    put("parental_responsibility", responsibility_->currentData().toString());
    if (livesWith_->isChecked())
        json["lives_with_child"] = true;
    put("phone", phone_->text());
    put("date_of_birth", birth_->valueForCore());
    put("address", address_->text());
    put("postcode", postcode_->text());
    put("notes", notes_->toPlainText());
    return json;
}

void AdultEditor::fromJson(const nlohmann::json& adult) {
    extra_ = adult.is_object() ? adult : nlohmann::json::object();
    for (const char* key : {"given_name", "family_name", "relationship", "parental_responsibility", "lives_with_child", "phone",
                            "date_of_birth", "address", "postcode", "notes"})
        extra_.erase(key);
    describeLink(linkedId().isEmpty() ? QString() : tr("linked to a known person"));
    given_->setText(jsonText(adult, "given_name"));
    family_->setText(jsonText(adult, "family_name"));
    relationship_->setCode(jsonText(adult, "relationship"));
    responsibility_->setCurrentIndex(std::max(0, responsibility_->findData(jsonText(adult, "parental_responsibility"))));
    livesWith_->setChecked(adult.value("lives_with_child", false));
    phone_->setText(jsonText(adult, "phone"));
    birth_->setValueFromCore(jsonText(adult, "date_of_birth"));
    address_->setText(jsonText(adult, "address"));
    postcode_->setText(jsonText(adult, "postcode"));
    notes_->setPlainText(jsonText(adult, "notes"));
}

core::PersonQuery AdultEditor::matchQuery() const {
    core::PersonQuery query;
    const auto meaningful = [](const QString& text) { return text.trimmed().size() >= 2 ? ss(text.trimmed()) : std::string(); };
    query.givenName = meaningful(given_->text());
    query.familyName = meaningful(family_->text());
    query.dateOfBirth = birth_->date();
    query.postcode = core::normalisePostcode(ss(postcode_->text()));
    query.limit = 8;
    query.kind = core::PersonKind::Everyone;
    return query;
}

QString AdultEditor::linkedId() const { return jsonText(extra_, "person_id"); }

void AdultEditor::linkTo(const core::Person& person) {
    extra_["person_id"] = person.id;
    // Fill only what is still empty: the referrer's words are never overwritten.
    if (given_->text().trimmed().isEmpty())
        given_->setText(qs(person.givenName));
    if (family_->text().trimmed().isEmpty())
        family_->setText(qs(person.familyName));
    if (birth_->text().trimmed().isEmpty() && person.dateOfBirth)
        birth_->setValueFromCore(qs(core::formatDate(*person.dateOfBirth)));
    if (address_->text().trimmed().isEmpty())
        address_->setText(qs(person.address));
    if (postcode_->text().trimmed().isEmpty())
        postcode_->setText(qs(person.postcode));
    describeLink(tr("linked to %1 (%2)").arg(qs(person.displayName()), qs(person.displayBirth())));
    emit changed();
}

void AdultEditor::unlink() {
    if (extra_.erase("person_id") == 0)
        return;
    describeLink(QString());
    emit changed();
}

void AdultEditor::describeLink(const QString& text) {
    linked_->setText(text.isEmpty() ? QString() : text);
    linked_->setVisible(!text.isEmpty());
}

FieldCell* AdultEditor::cellFor(const QString& key) const { return cells_.value(key); }

QList<QWidget*> AdultEditor::focusChain() const {
    return {given_, family_, relationship_, responsibility_, birth_, phone_, address_, postcode_, notes_, livesWith_};
}

} // namespace frontdoor::ui
