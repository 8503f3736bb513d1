#include "windows/ScreenshotTour.h"

#include "contacts/ContactService.h"
#include "dialogs/ShortcutsDialog.h"
#include "dialogs/SignInDialog.h"
#include "models/CandidateModel.h"
#include "models/ContactListModel.h"
#include "models/QueueListModel.h"
#include "people/PersonSearch.h"
#include "support/BackgroundReader.h"
#include "support/UiTimings.h"
#include "support/Text.h"
#include "widgets/ChildEditor.h"
#include "widgets/ContactView.h"
#include "widgets/DateLineEdit.h"
#include "widgets/MatchingPanel.h"
#include "widgets/PersonView.h"
#include "widgets/QuickSearchBox.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QTabWidget>
#include <QTableView>
#include <QThread>

#include <iostream>

namespace frontdoor::ui {

void typeInto(QWidget* widget, const QString& text) {
    widget->setFocus(Qt::OtherFocusReason);
    for (const QChar c : text) {
        const int key = c.isLetter() ? Qt::Key_A + (c.toUpper().unicode() - 'A')
                        : c.isDigit() ? Qt::Key_0 + (c.unicode() - '0')
                                      : c.unicode();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : widget;
        QApplication::sendEvent(target, &press);
        QApplication::sendEvent(target, &release);
        QCoreApplication::processEvents();
    }
}

void pressKey(QWidget* window, int key, Qt::KeyboardModifiers modifiers) {
    // Keys go to an open popup (a completer's list) first, as the window system would send them.
    QWidget* target = QApplication::activePopupWidget() ? QApplication::activePopupWidget()
                      : QApplication::focusWidget()     ? QApplication::focusWidget()
                                                        : window;
    QKeyEvent press(QEvent::KeyPress, key, modifiers);
    QApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, key, modifiers);
    QApplication::sendEvent(target, &release);
}

namespace {

bool transposable(const std::string& isoDate) {
    const auto date = core::parseDate(isoDate);
    return date && static_cast<unsigned>(date->day()) <= 12 &&
           static_cast<unsigned>(date->day()) != static_cast<unsigned>(date->month());
}

} // namespace

bool ScreenshotTour::waitFor(const std::function<bool()>& condition, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void ScreenshotTour::settleWindow(MainWindow& window) {
    waitFor([&] { return !window.contactModel()->loading() && window.contactModel()->rowCount() > 0; }, 10000);
    waitFor([&] { return window.detailPane()->isLoaded(); }, 5000);
    waitFor([] { return false; }, 300);
}

ScreenshotTour::ScreenshotTour(core::Workspace& workspace, MainWindow& window, QString directory, QSize windowSize)
    : workspace_(workspace), window_(window), directory_(std::move(directory)),
      size_(windowSize.isValid() ? windowSize : QSize(1600, 900)) {}

bool ScreenshotTour::save(QWidget& widget, const QString& name) {
    waitFor([] { return false; }, 250); // let layouts and repaints finish
    UiTimingWatchdogPause notAPersonsWork;
    const QString file = QDir(directory_).filePath(name + QStringLiteral(".png"));
    const bool saved = widget.grab().save(file);
    std::cerr << (saved ? "Saved " : "Could not save ") << file.toStdString() << "\n";
    if (!saved)
        ++failures_;
    return saved;
}

int ScreenshotTour::run() {
    QDir().mkpath(directory_);
    window_.resize(size_);
    window_.show();
    window_.activateWindow();
    QApplication::setActiveWindow(&window_); // no window manager under xvfb to do it

    // 1. Sign-in, as it opens, and refusing a wrong PIN.
    {
        SignInDialog dialog(workspace_, QStringLiteral("sam.screener"));
        dialog.show();
        dialog.activateWindow();
        waitFor([] { return false; }, 200);
        typeInto(dialog.findChild<QLineEdit*>(QStringLiteral("pin")), QStringLiteral("1111"));
        save(dialog, QStringLiteral("sign-in"));
        dialog.findChild<QLineEdit*>(QStringLiteral("pin"))->setText(QStringLiteral("9999"));
        dialog.accept();
        waitFor([&] { return dialog.findChild<QWidget*>(QStringLiteral("signInError"))->isVisible(); }, 5000);
        save(dialog, QStringLiteral("sign-in-refused"));
        dialog.reject();
    }

    QApplication::setActiveWindow(&window_);

    // A child with a history worth showing: several contacts, flags, siblings.
    auto finding = std::make_unique<UiTimingWatchdogPause>();
    core::ContactService contacts(workspace_);
    core::PersonSearch people(workspace_);
    QString contactId, personId;
    int best = -1;
    core::ContactFilter decided;
    decided.status = "decided";
    decided.limit = 400;
    for (const auto& summary : contacts.list(decided)) {
        const auto shown = contacts.show(summary.id);
        if (!shown.contains("children"))
            continue;
        for (const auto& child : shown.at("children")) {
            if (!child.contains("id"))
                continue;
            const auto history = people.history(child.at("id").get<std::string>());
            const auto& flags = history.at("flags");
            const int score = static_cast<int>(history.at("contacts").size()) +
                              (flags.value("re_referral", false) ? 5 : 0) +
                              (flags.value("repeat_contacts", false) ? 3 : 0) +
                              (shown.at("children").size() > 1 ? 2 : 0) +
                              (child.contains("voice") ? 1 : 0) +
                              // a date of birth that can be typed day and month the wrong way round
                              (transposable(child.value("date_of_birth", std::string())) ? 6 : 0);
            if (score > best && history.at("contacts").size() < 12) {
                best = score;
                contactId = qs(summary.id);
                personId = jsonText(child, "id");
            }
        }
    }

    finding.reset();

    // 2. The main window on the awaiting-screening queue.
    window_.showQueue(QStringLiteral("awaiting_screening"));
    settleWindow(window_);
    window_.contactTable()->setFocus();
    save(window_, QStringLiteral("main-window"));

    // Every queue in turn, and a few pages of the longest, as a person scrolling would (these are
    // what FRONTDOOR_UI_TIMINGS=1 measures on a large database).
    for (int row = 0; row < window_.queueModel()->rowCount(); ++row) {
        window_.showQueue(window_.queueModel()->queue(row).key);
        waitFor([&] { return !window_.contactModel()->loading(); });
    }
    for (int page = 0; page < 10 && window_.contactModel()->canFetchMore({}); ++page) {
        const int before = window_.contactModel()->rowCount();
        window_.contactTable()->scrollToBottom();
        waitFor([&] { return window_.contactModel()->rowCount() > before; }, 10000);
    }
    window_.showQueue(QStringLiteral("awaiting_screening"));
    settleWindow(window_);

    // 3. A contact in its own tab: as recorded, and its timeline.
    if (!contactId.isEmpty()) {
        ContactView* view = window_.openContact(contactId);
        waitFor([&] { return view->isLoaded(); });
        save(window_, QStringLiteral("contact-detail"));
        if (!view->personViews().empty()) {
            view->tabs()->setCurrentIndex(1);
            save(window_, QStringLiteral("contact-child-tab"));
        }
    }

    // 4. The person view.
    core::Person known;
    if (!personId.isEmpty()) {
        PersonView* person = window_.openPerson(personId);
        waitFor([&] { return person->isLoaded(); });
        save(window_, QStringLiteral("person-view"));
        const auto history = people.history(ss(personId));
        known = core::personFromStored(history.at("person"));
    }

    // 5. A new contact: a misspelt name and a transposed date of birth, and the match found.
    NewContactForm* form = window_.newContact();
    waitFor([] { return false; }, 200);
    typeInto(form->findChild<QWidget*>(QStringLiteral("source")), QStringLiteral("2A"));
    pressKey(&window_, Qt::Key_Tab);
    typeInto(form->findChild<QWidget*>(QStringLiteral("referrerName")), QStringLiteral("Dana Whitfield"));
    typeInto(form->findChild<QWidget*>(QStringLiteral("referrerAgency")), QStringLiteral("Brookside Primary"));
    ChildEditor* child = form->child(0);
    QString given = qs(known.givenName.empty() ? std::string("Jon") : known.givenName);
    if (given.size() > 3)
        given.remove(given.size() - 2, 1); // a letter dropped, as referrers do
    typeInto(child->givenName(), given);
    typeInto(child->familyName(), qs(known.familyName.empty() ? std::string("Smyth") : known.familyName));
    if (known.dateOfBirth) {
        const auto& dob = *known.dateOfBirth;
        const unsigned day = static_cast<unsigned>(dob.day());
        const unsigned month = static_cast<unsigned>(dob.month());
        // Day and month the wrong way round when that is still a date; otherwise as known.
        const bool swap = day <= 12 && day != month;
        typeInto(child->dateOfBirth(), QStringLiteral("%1/%2/%3")
                                           .arg(swap ? month : day, 2, 10, QLatin1Char('0'))
                                           .arg(swap ? day : month, 2, 10, QLatin1Char('0'))
                                           .arg(static_cast<int>(dob.year())));
    }
    waitFor([&] { return form->matchingPanel()->candidateCount() > 0 && !form->matchingPanel()->searching(); });
    waitFor([&] { return !form->hasUnsavedChanges(); }, 3000); // the draft saves itself a second later
    // Highlight the child whose history the tour has shown (Ctrl+Down, as a person would).
    for (int step = 0; step < form->matchingPanel()->candidateCount(); ++step) {
        const CandidateView* candidate = form->matchingPanel()->highlighted();
        if (!candidate || qs(candidate->person.id) == personId)
            break;
        form->matchingPanel()->moveHighlight(1);
    }
    save(window_, QStringLiteral("new-contact-matching"));
    form->linkHighlighted();
    save(window_, QStringLiteral("new-contact-linked"));
    form->record(); // refused: no concern, consent or voice yet; each problem beside its field
    save(window_, QStringLiteral("new-contact-errors"));
    form->discard(false);

    // 6. The search box (what Ctrl+K does).
    window_.showQueue(QStringLiteral("awaiting_screening"));
    QApplication::setActiveWindow(&window_);
    window_.quickSearch()->setFocus(Qt::ShortcutFocusReason);
    typeInto(window_.quickSearch(), qs(known.familyName.empty() ? std::string("smi") : known.familyName.substr(0, 4)));
    waitFor([&] { return window_.quickSearch()->resultsVisible() && window_.quickSearch()->resultCount() > 0; });
    save(window_, QStringLiteral("search"));
    pressKey(&window_, Qt::Key_Escape);

    // 7. Help -> Keyboard shortcuts.
    {
        ShortcutsDialog dialog(&window_);
        dialog.show();
        save(dialog, QStringLiteral("shortcuts"));
    }
    window_.close();
    return failures_ == 0 ? 0 : 1;
}

} // namespace frontdoor::ui
