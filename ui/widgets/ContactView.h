#pragma once
// One contact: as recorded (referrer, children with their voice, adults, concern, consent), its
// timeline (every fact: who, in which role, when), and a tab per child with that child's person view
// (every contact and the history flags). Read on a BackgroundReader; shown when it arrives.

#include <nlohmann/json.hpp>

#include <QWidget>

#include <vector>

class QLabel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace frontdoor::ui {

class BackgroundReader;
class PersonView;
class TimelineModel;

class ContactView : public QWidget {
    Q_OBJECT
public:
    explicit ContactView(QWidget* parent = nullptr);

    /// Reads the contact and each child's history on `reader` and shows them.
    void load(BackgroundReader& reader, const QString& contactId);
    /// Shows a short message instead of a contact (nothing selected, a draft).
    void showMessage(const QString& html);

    const QString& contactId() const { return contactId_; }
    bool isLoaded() const { return loaded_; }
    QString title() const;
    QTabWidget* tabs() const { return tabs_; }
    QTableView* timelineView() const { return timeline_; }
    QSplitter* splitter() const { return splitter_; }
    std::vector<PersonView*> personViews() const;

signals:
    void loaded();
    void contactActivated(const QString& contactId);

private:
    struct Loaded {
        nlohmann::json contact;
        std::vector<nlohmann::json> histories;
    };
    void showLoaded(const Loaded& data);
    void clearChildTabs();

    QString contactId_;
    QString title_;
    int generation_ = 0;
    bool loaded_ = false;
    QLabel* header_;
    QTabWidget* tabs_;
    QSplitter* splitter_;
    QTextBrowser* record_;
    QTableView* timeline_;
    TimelineModel* timelineModel_;
};

/// The contact as recorded, as HTML (for the detail pane and printing).
QString contactRecordHtml(const nlohmann::json& contact);

} // namespace frontdoor::ui
