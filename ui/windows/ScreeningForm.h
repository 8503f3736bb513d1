#pragma once
// Screening a contact, on one screen: partner checks (each recorded as it is added), the analysis
// (risks, strengths, analysis), the threshold indicators (grouped by domain; type to filter, Space to
// tick), the rule set's questions about the child and the DASH score, the live suggestion with its
// reasons (core's screenRecorded, on a background reader, as indicators are ticked), and the
// recommendation: level, outcome and RAG pre-set from the suggestion, a rationale that becomes required
// (and says so) when the choice departs from it, and the recommendation in words. Ctrl+Enter records it
// (ContactWorkflow::recommend). A refusal shows each problem beside its field; nothing typed is lost.
// Everything typed is kept as the screener's draft of the form (core::FormDrafts) a second after
// typing stops (and at least every 1.5 s while it goes on), when the tab or window closes and when the app quits, put back when the form opens
// for the contact again, and cleared when the recommendation is recorded.

#include "Workspace.h"
#include "rules/RuleSet.h"
#include "users/UserService.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QSplitter;
class QStandardItem;
class QStandardItemModel;
class QTextBrowser;
class QTimer;
class QTreeView;

namespace frontdoor::ui {

class BackgroundReader;
class FieldCell;
class FormDraftKeeper;
class FormFeedback;
class RowTable;

class ScreeningForm : public QWidget {
    Q_OBJECT
public:
    /// `workspace` (the UI thread's) records; `reader` reads the contact and works out suggestions.
    ScreeningForm(core::Workspace& workspace, BackgroundReader& reader, core::Session session, QString contactId,
                  QWidget* parent = nullptr);
    ~ScreeningForm() override;

    const QString& contactId() const { return contactId_; }
    bool isLoaded() const { return loaded_; }
    QString title() const;
    /// Saves the draft of what is typed now, if anything changed (closing and quitting call this).
    /// False if core refused; what was typed stays and the banner says why.
    bool saveDraftNow();
    /// Saves the draft, for closing the tab or the window. False if it could not be saved and the
    /// person chose to keep the form open (asked only when `askOnFailure`).
    bool prepareToClose(bool askOnFailure = true);
    /// A suggestion asked for and not yet back.
    bool suggestionPending() const { return suggestionPending_; }
    /// The latest suggestion (Suggestion JSON, as `screen` prints it).
    const nlohmann::json& suggestion() const { return suggestion_; }

    /// Records the partner check typed (Ctrl+Shift+N). False (with the problems shown) if refused.
    bool addPartnerCheck();
    /// Saves the analysis (Ctrl+S) if it changed.
    bool saveAnalysis();
    /// Records the recommendation (Ctrl+Enter), saving the analysis first.
    bool submit();
    /// Sets level, outcome and RAG to the suggestion's again (Ctrl+U).
    void useSuggestion();
    /// Ticks or unticks an indicator by id (as Space does on its row).
    void setIndicatorTicked(const QString& indicatorId, bool ticked);
    QStringList tickedIndicators() const;
    /// What the recommendation departs from the suggestion in ("level", "outcome", "rag").
    QStringList departures() const;
    QTreeView* indicatorView() const { return indicators_; }
    QLineEdit* indicatorSearch() const { return indicatorSearch_; }
    QSplitter* splitter() const { return splitter_; }
    /// The suggestion above the contact, beside the form.
    QSplitter* sideSplitter() const { return side_; }
    void focusFirstInput();

signals:
    void loaded();
    void titleChanged(const QString& title);
    void suggestionUpdated();
    /// A partner check or the analysis was recorded (the contact's timeline has changed).
    void contactChanged(const QString& contactId);
    void recommended(const QString& contactId);

private:
    struct Loaded;
    void build();
    void showLoaded(const Loaded& data);
    void buildIndicators(const nlohmann::json& domains);
    void filterIndicators();
    void onIndicatorChanged(QStandardItem* item);
    void updateTicked();
    nlohmann::json request() const;
    void requestSuggestion();
    void showSuggestion(const nlohmann::json& suggestion);
    void applySuggestionToChoices();
    void updateDepartures();
    void markDirty();
    /// What the form holds, as the draft keeps it (FormDraftKeeper compares it with the form as opened).
    nlohmann::json draftFields() const;
    /// Puts back the fields a draft kept.
    void restoreDraft(const nlohmann::json& typed);
    void rebuildTabOrder();
    bool eventFilter(QObject* watched, QEvent* event) override;

    core::Workspace& workspace_;
    BackgroundReader& reader_;
    core::Session session_;
    QString contactId_;
    QString title_;
    bool loaded_ = false;
    bool settingUp_ = false;
    bool suggestionPending_ = false;
    int suggestionGeneration_ = 0;
    std::shared_ptr<const core::RuleSet> rules_;
    nlohmann::json rulesJson_;
    nlohmann::json suggestion_;
    nlohmann::json savedAnalysis_;
    std::optional<size_t> childIndex_;
    /// The choices the screener has set by hand; the others follow the suggestion.
    bool levelChosen_ = false, outcomeChosen_ = false, ragChosen_ = false;

    std::unique_ptr<FormFeedback> feedback_;
    FormDraftKeeper* drafts_ = nullptr;
    QLabel* draftStatus_ = nullptr;
    QDateTime checkWhenDefault_; ///< the partner check's time as the form sets it (now): not typing
    QLabel* banner_ = nullptr;
    QLabel* header_ = nullptr;
    QSplitter* splitter_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    // Partner checks.
    RowTable* checks_ = nullptr;
    QLineEdit* checkAgency_ = nullptr;
    QLineEdit* checkPerson_ = nullptr;
    QDateTimeEdit* checkWhen_ = nullptr;
    QPlainTextEdit* checkShared_ = nullptr;
    QComboBox* checkBasis_ = nullptr;
    QPushButton* addCheck_ = nullptr;
    // Analysis.
    QPlainTextEdit* risks_ = nullptr;
    QPlainTextEdit* strengths_ = nullptr;
    QPlainTextEdit* analysis_ = nullptr;
    // Indicators and context.
    QComboBox* child_ = nullptr;
    QLineEdit* indicatorSearch_ = nullptr;
    QTreeView* indicators_ = nullptr;
    QStandardItemModel* indicatorModel_ = nullptr;
    QLabel* ticked_ = nullptr;
    QWidget* contextBox_ = nullptr;
    QHash<QString, QCheckBox*> contextFlags_;
    QSpinBox* dash_ = nullptr;
    QLabel* history_ = nullptr;
    // Recommendation.
    QComboBox* level_ = nullptr;
    QComboBox* outcome_ = nullptr;
    QComboBox* rag_ = nullptr;
    QLabel* departure_ = nullptr;
    FieldCell* rationaleCell_ = nullptr;
    QPlainTextEdit* rationale_ = nullptr;
    QPlainTextEdit* recommendation_ = nullptr;
    QPushButton* submit_ = nullptr;
    QPushButton* saveAnalysis_ = nullptr;
    QPushButton* useSuggestion_ = nullptr;
    QSplitter* side_ = nullptr;
    // The suggestion and the contact, beside the form.
    QTextBrowser* suggestionView_ = nullptr;
    QTextBrowser* contactView_ = nullptr;
    QTimer* suggestTimer_ = nullptr;
};

} // namespace frontdoor::ui
