#include "windows/ScreenshotTour.h"

#include "contacts/ContactService.h"
#include "dialogs/CorrectionDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "dialogs/SignInDialog.h"
#include "models/CandidateModel.h"
#include "models/ContactListModel.h"
#include "models/QueueListModel.h"
#include "people/PersonSearch.h"
#include "rules/ScreeningDecisionService.h"
#include "support/BackgroundReader.h"
#include "support/Text.h"
#include "support/UiTimings.h"
#include "users/UserService.h"
#include "widgets/ChildEditor.h"
#include "widgets/ContactView.h"
#include "widgets/DateLineEdit.h"
#include "widgets/MatchingPanel.h"
#include "widgets/PersonView.h"
#include "widgets/QuickSearchBox.h"
#include "widgets/RowTable.h"
#include "windows/ConflictsPage.h"
#include "windows/DuplicatesPage.h"
#include "windows/HandoverView.h"
#include "windows/MainWindow.h"
#include "windows/NewContactForm.h"
#include "windows/ScreeningForm.h"
#include "windows/SignOffForm.h"
#include "windows/StrategyDiscussionForm.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/Queues.h"
#include "workflow/SyncConflicts.h"

#include <QApplication>
#include <QCheckBox>
#include <QTableWidget>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>

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

/// A conflict between desks, made in the tour's own scratch database (never in the demo data): a second
/// desk, in memory, takes every fact this one holds, as a sync round would; its duty manager (Dee) signs
/// off a recommendation that this desk's (Mo) has returned; this desk then takes the other's facts. The
/// first by the clock stands and the other waits as a conflict. The contact's id, or "".
static QString makeTourConflict(core::Workspace& ws) {
    UiTimingWatchdogPause notAPersonsWork;
    try {
        auto other = core::Workspace::create(":memory:", ws.clock(), core::DatabaseMode::Training);
        {
            std::vector<core::Fact> held;
            for (const auto& [device, head] : ws.facts().deviceHeads())
                for (auto& fact : ws.facts().deviceFacts(device, 1, head.first))
                    held.push_back(std::move(fact));
            core::Transaction transaction(other->db());
            other->facts().importFacts(held);
            transaction.commit();
        }
        const core::Actor dee{"dee.manager", "duty_manager"};
        const core::Actor mo{"mo.manager", "duty_manager"};
        const std::string byWhen = core::formatDate(core::utcDate(ws.clock().now() + std::chrono::hours(72)));
        for (const auto& item : core::Queues(ws).items("awaiting_signoff", mo)) {
            // Four eyes: neither manager may have made the recommendation.
            const auto state = core::ContactWorkflow(ws).state(item.contactId);
            const std::string recommendedBy =
                state.value("recommendation", nlohmann::json::object()).value("by", std::string());
            if (item.contactId.empty() || recommendedBy == dee.userId || recommendedBy == mo.userId)
                continue;
            core::ContactWorkflow(ws).returnForEdits(mo, item.contactId,
                                                     "Please add the school's view before this is decided.");
            core::ContactWorkflow(*other).signOff(
                dee, item.contactId,
                {{"case_direction",
                  {{"what", "Early help assessment with the family"}, {"by_whom", "Early help team"}, {"by_when", byWhen}}}});
            const std::string otherDevice = other->facts().deviceId();
            const auto heads = other->facts().deviceHeads();
            core::Transaction transaction(ws.db());
            ws.facts().importFacts(other->facts().deviceFacts(otherDevice, 1, heads.at(otherDevice).first));
            transaction.commit();
            return core::SyncConflicts(ws).openOn(item.contactId).empty() ? QString() : qs(item.contactId);
        }
    } catch (const core::Error& e) {
        std::cerr << "Could not make the tour's conflict: " << e.what() << "\n";
    }
    return {};
}

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
        typeInto(dialog.findChild<QLineEdit*>(QStringLiteral("pin")), QStringLiteral("417205"));
        save(dialog, QStringLiteral("sign-in"));
        dialog.findChild<QLineEdit*>(QStringLiteral("pin"))->setText(QStringLiteral("999999"));
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
        // The household: an adult of the child's family, their contacts (with their role) and everyone
        // named with them, in any family.
        QString adultId;
        for (const auto& member : history.value("household", nlohmann::json::array()))
            if (member.value("adult", false) && adultId.isEmpty())
                adultId = qs(member.value("person_id", std::string()));
        PersonView* household = adultId.isEmpty() ? person : window_.openPerson(adultId);
        waitFor([&] { return household->isLoaded(); });
        save(window_, QStringLiteral("household"));
        window_.openPerson(personId);
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
    // Highlight the child whose history the tour has shown (Ctrl+Down, as a person would; a match
    // that is not likely enough is not highlighted for them).
    if (!form->matchingPanel()->highlighted())
        form->matchingPanel()->moveHighlight(1);
    for (int step = 0; step < form->matchingPanel()->candidateCount(); ++step) {
        const CandidateView* candidate = form->matchingPanel()->highlighted();
        if (!candidate || qs(candidate->person.id) == personId)
            break;
        form->matchingPanel()->moveHighlight(1);
    }
    save(window_, QStringLiteral("new-contact-matching"));
    // The misspelt name and the swapped date make linking ask first; the tour links anyway.
    QTimer::singleShot(300, &window_, [this] {
        if (auto* ask = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            save(*ask, QStringLiteral("new-contact-confirm-link"));
            if (auto* linkAnyway = ask->findChild<QPushButton*>(QStringLiteral("linkAnyway")))
                linkAnyway->click();
        }
    });
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

    // 7. The workflow screens, as the people who use them see them.
    workflowScreens();
    QApplication::setActiveWindow(&window_);

    // 7b. A conflict between desks: the contact's banner and the duty manager's page (Ctrl+Shift+K).
    if (const QString conflicted = makeTourConflict(workspace_); !conflicted.isEmpty()) {
        auto manager = openAs("mo.manager", "582936", "duty_manager");
        ContactView* view = manager->openContact(conflicted);
        waitFor([&] { return view->isLoaded(); });
        save(*manager, QStringLiteral("sync-conflict-banner"));
        if (ConflictsPage* page = manager->openConflicts(conflicted)) {
            typeInto(page->findChild<QWidget*>(QStringLiteral("conflictNote")),
                     QStringLiteral("Agreed with both managers by phone this morning."));
            save(*manager, QStringLiteral("sync-conflict"));
        }
        for (int i = manager->workTabs()->count() - 1; i > 0; --i)
            manager->workTabs()->removeTab(i);
        manager->close();
    } else {
        std::cerr << "No contact awaiting sign-off for the conflict screenshot\n";
        ++failures_;
    }
    QApplication::setActiveWindow(&window_);

    // 8. Help -> Keyboard shortcuts.
    {
        ShortcutsDialog dialog(&window_);
        dialog.show();
        save(dialog, QStringLiteral("shortcuts"));
    }
    window_.close();
    return failures_ == 0 ? 0 : 1;
}

std::unique_ptr<MainWindow> ScreenshotTour::openAs(const char* user, const char* pin, const char* role) {
    std::unique_ptr<MainWindow> window;
    {
        UiTimingWatchdogPause notAPersonsWork; // signing in checks an Argon2id hash: slow on purpose
        window = std::make_unique<MainWindow>(workspace_, core::UserService(workspace_).signIn(user, pin, role));
    }
    window->resize(size_);
    window->show();
    window->activateWindow();
    QApplication::setActiveWindow(window.get());
    waitFor([&] { return !window->contactModel()->loading(); }, 10000);
    waitFor([] { return false; }, 300);
    return window;
}

namespace {

/// Last night at 02:10, local time: when the EDT was on duty (and never in the future).
QDateTime lastNight(const core::Clock& clock) {
    QDateTime at = toLocal(clock.now());
    at.setTime(QTime(2, 10));
    if (at > toLocal(clock.now()))
        at = at.addDays(-1);
    return at;
}

void scrollTo(QWidget* form, QWidget* target) {
    if (auto* scroll = form->findChild<QScrollArea*>(); scroll && target)
        scroll->ensureWidgetVisible(target, 0, 20);
}

/// A recorded contact about one school-age child, first in core's awaiting-screening order that is
/// not an out-of-hours handover (those are the duty manager's to read first).
QString contactToScreen(core::Workspace& ws, const core::Actor& actor, int skip = 0) {
    for (const auto& item : core::Queues(ws).items("awaiting_screening", actor))
        if (item.what.rfind("Out-of-hours", 0) != 0 && skip-- <= 0)
            return qs(item.contactId);
    return {};
}

} // namespace

void ScreenshotTour::workflowScreens() {
    const core::Clock& clock = workspace_.clock();

    // a. An EDT worker's out-of-hours contact, with what was done and the handover note.
    {
        auto edt = openAs("eve.edt", "630418", "edt_worker");
        NewContactForm* form = edt->newContact();
        waitFor([] { return false; }, 200);
        form->findChild<QDateTimeEdit*>(QStringLiteral("receivedAt"))->setDateTime(lastNight(clock));
        typeInto(form->findChild<QWidget*>(QStringLiteral("source")), QStringLiteral("6"));
        pressKey(edt.get(), Qt::Key_Tab);
        typeInto(form->findChild<QWidget*>(QStringLiteral("referrerName")), QStringLiteral("PC Rowan Ellery"));
        typeInto(form->findChild<QWidget*>(QStringLiteral("referrerAgency")), QStringLiteral("Cheshire Police"));
        typeInto(form->child(0)->givenName(), QStringLiteral("Mia"));
        typeInto(form->child(0)->familyName(), QStringLiteral("Thornbury"));
        typeInto(form->child(0)->dateOfBirth(), QStringLiteral("02/05/2019"));
        typeInto(form->findChild<QWidget*>(QStringLiteral("voice")),
                 QStringLiteral("Mia told officers \"daddy hurt mummy and my arm\"."));
        typeInto(form->findChild<QWidget*>(QStringLiteral("concern")),
                 QStringLiteral("Domestic incident at 01:30; Mia has a bruised forearm and says her father grabbed her."));
        auto* consent = form->findChild<QComboBox*>(QStringLiteral("consentStatus"));
        consent->setCurrentIndex(consent->findData(QStringLiteral("not_sought")));
        typeInto(form->findChild<QWidget*>(QStringLiteral("consentBasis")), QStringLiteral("Risk of significant harm; evidence."));
        typeInto(form->findChild<QWidget*>(QStringLiteral("alreadyDone")),
                 QStringLiteral("Spoke to mother by phone at 02:20; father left the address with police; checked police "
                                "systems. Mia is safe with her mother tonight."));
        typeInto(form->findChild<QWidget*>(QStringLiteral("handoverNote")),
                 QStringLiteral("Needs screening first thing and a strategy discussion if the bruising is confirmed. "
                                "Mother expects a call by 10:00."));
        scrollTo(form, form->findChild<QWidget*>(QStringLiteral("handoverSection")));
        waitFor([&] { return !form->hasUnsavedChanges(); }, 3000);
        save(*edt, QStringLiteral("edt-new-contact"));
        form->record();
        waitFor([&] { return edt->currentForm() == nullptr; }, 3000);
        edt->close();
    }

    auto manager = openAs("mo.manager", "582936", "duty_manager");
    // b. The duty manager's morning: handovers at the top, each with its countdown.
    manager->showQueue(QStringLiteral("handovers"));
    waitFor([&] { return !manager->contactModel()->loading() && manager->detailPane()->isLoaded(); }, 10000);
    manager->contactTable()->setFocus();
    save(*manager, QStringLiteral("queue-handovers"));
    // c. The handover, then acknowledged.
    // The one the EDT worker has just handed over (the others are the demo's).
    QString handedOver;
    for (int row = 0; row < manager->contactModel()->rowCount(); ++row)
        if (manager->contactModel()->itemAt(row)->children.contains(QLatin1String("Thornbury")))
            handedOver = manager->contactModel()->itemAt(row)->id;
    if (handedOver.isEmpty() && manager->contactModel()->itemAt(0))
        handedOver = manager->contactModel()->itemAt(0)->id;
    if (!handedOver.isEmpty()) {
        HandoverView* handover = manager->openHandover(handedOver);
        waitFor([&] { return handover->isLoaded(); });
        typeInto(handover->findChild<QWidget*>(QStringLiteral("acknowledgeNote")),
                 QStringLiteral("Read at the morning meeting; Sam to screen first."));
        save(*manager, QStringLiteral("edt-handover"));
        handover->acknowledge();
        waitFor([&] { return handover->isLoaded(); });
        save(*manager, QStringLiteral("edt-handover-acknowledged"));
    }
    // d. Overdue: everything past due, red.
    manager->showQueue(QStringLiteral("overdue"));
    waitFor([&] { return !manager->contactModel()->loading() && manager->detailPane()->isLoaded(); }, 10000);
    manager->contactTable()->setFocus();
    save(*manager, QStringLiteral("queue-overdue"));
    // d2. Awaiting sign-off: sorted by the soonest deadline that applies (a red case's RAG response
    // before a green one's decision), the Due chip naming it.
    manager->showQueue(QStringLiteral("awaiting_signoff"));
    waitFor([&] { return !manager->contactModel()->loading() && manager->detailPane()->isLoaded(); }, 10000);
    manager->contactTable()->setFocus();
    save(*manager, QStringLiteral("queue-awaiting-signoff"));

    // e. Screening, by a screener: the indicator picker found by typing, the suggestion beside it.
    QApplication::setActiveWindow(&window_);
    const QString toScreen = contactToScreen(workspace_, window_.session().actor());
    if (!toScreen.isEmpty()) {
        ScreeningForm* screening = window_.openScreening(toScreen);
        waitFor([&] { return screening && screening->isLoaded(); });
        if (screening) {
            typeInto(screening->findChild<QWidget*>(QStringLiteral("checkAgency")), QStringLiteral("Health visiting"));
            pressKey(&window_, Qt::Key_Escape); // the agencies' completion list
            typeInto(screening->findChild<QWidget*>(QStringLiteral("checkPerson")), QStringLiteral("HV Lomas"));
            typeInto(screening->findChild<QWidget*>(QStringLiteral("checkShared")),
                     QStringLiteral("Known to the health visitor; missed the last two development checks."));
            typeInto(screening->findChild<QComboBox*>(QStringLiteral("checkBasis"))->lineEdit(),
                     QStringLiteral("Consent given by the parent"));
            screening->addPartnerCheck();
            typeInto(screening->findChild<QWidget*>(QStringLiteral("risks")),
                     QStringLiteral("Neglect of basic needs; missed health appointments."));
            typeInto(screening->findChild<QWidget*>(QStringLiteral("strengths")),
                     QStringLiteral("Mother asks for help; warm relationship with the children."));
            screening->indicatorSearch()->setFocus();
            typeInto(screening->indicatorSearch(), QStringLiteral("neglect"));
            pressKey(&window_, Qt::Key_Down);
            pressKey(&window_, Qt::Key_Down);
            pressKey(&window_, Qt::Key_Space);
            waitFor([&] { return !screening->suggestionPending(); });
            save(window_, QStringLiteral("screening"));
            // A different outcome: the rationale is now required, and says so.
            auto* outcome = screening->findChild<QComboBox*>(QStringLiteral("outcomeChoice"));
            outcome->setFocus();
            typeInto(outcome, QStringLiteral("Child"));
            typeInto(screening->findChild<QWidget*>(QStringLiteral("recommendationText")),
                     QStringLiteral("Child and family assessment: the third contact this year."));
            screening->submit(); // refused: no rationale yet
            scrollTo(screening, screening->findChild<QWidget*>(QStringLiteral("recommendationSection")));
            save(window_, QStringLiteral("screening-rationale-required"));
            typeInto(screening->findChild<QWidget*>(QStringLiteral("rationale")),
                     QStringLiteral("Third contact this year and mother says she is not coping: assess now."));
            screening->submit();
        }
    }

    // f. Sign-off, by another duty manager: the suggestion against the recommendation, the decision.
    QApplication::setActiveWindow(manager.get());
    manager->showQueue(QStringLiteral("awaiting_signoff"));
    waitFor([&] { return !manager->contactModel()->loading(); }, 10000);
    QString toSignOff;
    for (int row = 0; row < manager->contactModel()->rowCount() && toSignOff.isEmpty(); ++row)
        if (manager->contactModel()->itemAt(row)->id == toScreen)
            toSignOff = toScreen;
    if (toSignOff.isEmpty() && manager->contactModel()->itemAt(0))
        toSignOff = manager->contactModel()->itemAt(0)->id;
    if (!toSignOff.isEmpty()) {
        SignOffForm* signOff = manager->openSignOff(toSignOff);
        waitFor([&] { return signOff->isLoaded(); });
        typeInto(signOff->findChild<QWidget*>(QStringLiteral("caseDirectionWhat")),
                 QStringLiteral("Allocate for a child and family assessment; visit within 5 working days."));
        typeInto(signOff->findChild<QWidget*>(QStringLiteral("caseDirectionByWhom")), QStringLiteral("Assessment team"));
        typeInto(signOff->findChild<QWidget*>(QStringLiteral("caseDirectionByWhen")),
                 toLocal(clock.now()).addDays(7).toString(QStringLiteral("dd/MM/yyyy")));
        save(*manager, QStringLiteral("sign-off"));
        signOff->signOff();
    }
    // g. Four eyes: a duty manager's own recommendation is not offered to them for sign-off.
    const QString own = contactToScreen(workspace_, manager->session().actor());
    if (!own.isEmpty()) {
        ScreeningForm* screening = manager->openScreening(own);
        waitFor([&] { return screening && screening->isLoaded(); });
        if (screening) {
            screening->setIndicatorTicked(QStringLiteral("PERSISTENT_ABSENCE"), true);
            waitFor([&] { return !screening->suggestionPending(); });
            typeInto(screening->findChild<QWidget*>(QStringLiteral("recommendationText")),
                     QStringLiteral("Early help: a Team Around the Family with the school."));
            if (screening->submit()) {
                SignOffForm* signOff = manager->openSignOff(own);
                waitFor([&] { return signOff->isLoaded(); });
                save(*manager, QStringLiteral("sign-off-own-recommendation"));
                manager->workTabs()->removeTab(manager->workTabs()->indexOf(signOff));
                signOff->deleteLater();
            }
        }
    }

    // h. A strategy discussion: scheduled with a missing agency flagged, then held, then its outcome
    // with the agreed actions, and the record as a PDF to share.
    QString strategyContact;
    for (const auto& item : core::Queues(workspace_).items("strategy_due", manager->session().actor()))
        if (item.status == "required") {
            strategyContact = qs(item.contactId);
            break;
        }
    if (strategyContact.isEmpty() && !own.isEmpty()) {
        // None waiting in the demo: one decided now (the tour's own set-up, through core).
        const QString another = contactToScreen(workspace_, manager->session().actor());
        if (!another.isEmpty()) {
            UiTimingWatchdogPause setUp;
            const std::string id = ss(another);
            core::ContactWorkflow workflow(workspace_);
            const core::Actor screener = window_.session().actor();
            workflow.startScreening(screener, id);
            const auto suggestion =
                core::ScreeningDecisionService(workspace_).screenRecorded(id, {{"indicators", {"ABUSE_DISCLOSURE"}}}).toJson();
            workflow.recommend(screener, id,
                               {{"indicators", {"ABUSE_DISCLOSURE"}}, {"level", suggestion["level"]},
                                {"outcome", suggestion["outcome"]}, {"rag", suggestion["rag"]},
                                {"recommendation", "Strategy discussion: a disclosure of physical abuse."}});
            workflow.signOff(manager->session().actor(), id,
                             {{"case_direction", {{"what", "Strategy discussion today"}, {"by_whom", "Mo Manager"},
                                                  {"by_when", core::formatDate(core::utcDate(clock.now()))}}}});
            strategyContact = another;
        }
    }
    if (!strategyContact.isEmpty()) {
        StrategyDiscussionForm* strategy = manager->openStrategy(strategyContact);
        waitFor([&] { return strategy->isLoaded(); });
        RowTable* invitees = strategy->invitees();
        // Names as the coordinator rings round; the police not reached yet.
        const char* names[] = {"DS Kerr", "Nurse Adebayo", "Sam Screener", "Mo Manager", "", "", ""};
        nlohmann::json rows = nlohmann::json::array();
        for (int r = 0; r < invitees->rowCount(); ++r) {
            nlohmann::json row{{"agency", ss(invitees->item(r, 0)->data(Qt::UserRole + 1).toString())},
                               {"name", r < 7 ? names[r] : ""},
                               {"role", ss(invitees->item(r, 2) ? invitees->item(r, 2)->text() : QString())}};
            if (r > 0 && r < 4)
                rows.push_back(row);
        }
        invitees->setJson(rows);
        emit invitees->edited();
        typeInto(strategy->findChild<QWidget*>(QStringLiteral("location")),
                 QStringLiteral("Teams call; link sent to police, health and the school"));
        save(*manager, QStringLiteral("strategy-schedule-missing-police"));
        rows.insert(rows.begin(), nlohmann::json{{"agency", "police"}, {"name", "DS Kerr"}, {"role", "Officer"}});
        invitees->setJson(rows);
        emit invitees->edited();
        strategy->schedule();
        waitFor([&] { return strategy->isLoaded() && strategy->status() == QLatin1String("scheduled"); });
        strategy->agencyInformation()->setJson(
            {{{"agency", "police"}, {"information", "Father arrested overnight; bail conditions not to return home."}},
             {{"agency", "health"}, {"information", "Seen at ED in June with a wrist sprain; no other concerns."}},
             {{"agency", "childrens_social_care"}, {"information", "Third contact this year; previous early help closed in May."}}});
        strategy->recordHeld();
        waitFor([&] { return strategy->isLoaded() && strategy->status() == QLatin1String("held"); });
        typeInto(strategy->findChild<QWidget*>(QStringLiteral("safetyActions")),
                 QStringLiteral("Father bailed away from the home; mother agrees a safety plan."));
        auto* s47 = strategy->findChild<QComboBox*>(QStringLiteral("s47Decision"));
        s47->setCurrentIndex(s47->findData(QStringLiteral("joint")));
        strategy->findChild<QCheckBox*>(QStringLiteral("medicalRequired"))->setChecked(true);
        typeInto(strategy->findChild<QWidget*>(QStringLiteral("medicalArrangements")),
                 QStringLiteral("Child protection medical at 16:00, Dr Kaur"));
        typeInto(strategy->findChild<QWidget*>(QStringLiteral("familyToldWhat")),
                 QStringLiteral("Joint enquiry and the medical"));
        typeInto(strategy->findChild<QWidget*>(QStringLiteral("familyToldWhen")), QStringLiteral("Today by 15:30, by Sam"));
        const std::string today = core::formatDate(core::utcDate(clock.now()));
        const std::string later = core::formatDate(core::utcDate(clock.now() + std::chrono::hours(48)));
        strategy->actions()->setJson(
            {{{"action", "Child protection medical"}, {"owner", "Dr Kaur"}, {"agency", "health"}, {"due", today}},
             {{"action", "Joint visit and ABE interview planning"}, {"owner", "DS Kerr"}, {"agency", "police"}, {"due", later}},
             {{"action", "Safety plan agreed with mother, in writing"}, {"owner", "Sam Screener"},
              {"agency", "childrens_social_care"}, {"due", today}}});
        strategy->recordOutcome();
        waitFor([&] { return strategy->isLoaded() && strategy->status() == QLatin1String("outcome_recorded"); });
        scrollTo(strategy, strategy->actionList());
        save(*manager, QStringLiteral("strategy-outcome-actions"));
        UiTimingWatchdogPause writing;
        const QString pdf = QDir(directory_).filePath(QStringLiteral("strategy-discussion.pdf"));
        if (strategy->saveAsPdf(pdf))
            std::cerr << "Saved " << pdf.toStdString() << "\n";
        const QString preview = QDir(directory_).filePath(QStringLiteral("strategy-discussion-pdf.png"));
        const bool saved = strategy->firstPageImage(900).save(preview);
        std::cerr << (saved ? "Saved " : "Could not save ") << preview.toStdString() << "\n";
        failures_ += saved ? 0 : 1;
    }

    // i. A contact where it stands: deadlines, decision, case direction, and the actions offered.
    manager->showQueue(QStringLiteral("referrer_feedback"));
    waitFor([&] { return !manager->contactModel()->loading(); }, 10000);
    if (manager->contactModel()->rowCount() > 0) {
        ContactView* view = manager->openContact(manager->contactModel()->itemAt(0)->id);
        waitFor([&] { return view->isLoaded(); });
        save(*manager, QStringLiteral("contact-where-it-stands"));
    }
    // j. Possible duplicates: the demo's children registered twice (missed matches), side by side.
    if (DuplicatesPage* duplicates = manager->openDuplicates()) {
        auto* right = duplicates->findChild<PersonView*>(QStringLiteral("duplicateRight"));
        waitFor([&] { return !duplicates->scanning() && right->isLoaded(); }, 120000);
        // A pair the referrers spelt differently says more than two identical records.
        auto* pairs = duplicates->findChild<QTableWidget*>(QStringLiteral("duplicatesTable"));
        for (int row = 0; pairs && row < pairs->rowCount(); ++row)
            if (pairs->item(row, 3)->text().contains(QLatin1String("spelt")) ||
                pairs->item(row, 3)->text().contains(QLatin1String("sounds"))) {
                bool shown = false;
                const auto connection =
                    QObject::connect(duplicates, &DuplicatesPage::pairShown, duplicates, [&shown] { shown = true; });
                pairs->setCurrentCell(row, 0);
                waitFor([&] { return shown; }, 10000);
                QObject::disconnect(connection);
                break;
            }
        save(*manager, QStringLiteral("duplicates"));
    }
    // Nothing typed is left unrecorded, so closing asks nothing.
    for (int i = manager->workTabs()->count() - 1; i > 0; --i)
        manager->workTabs()->removeTab(i);
    manager->close();

    // Correcting a contact (Ctrl+M): a child's date of birth with day and month swapped, the
    //     reason typed, and what will change shown before saving (a duty manager may correct any contact).
    // A contact whose first child's date of birth reads differently with day and month swapped.
    QString id;
    for (int skip = 0; skip < 30 && id.isEmpty(); ++skip) {
        const QString candidate = contactToScreen(workspace_, window_.session().actor(), skip);
        if (candidate.isEmpty())
            break;
        const auto children = core::ContactService(workspace_).currentVersion(ss(candidate)).value("children", nlohmann::json::array());
        if (!children.empty() && transposable(children[0].value("date_of_birth", std::string())))
            id = candidate;
    }
    if (!id.isEmpty()) {
        auto corrector = openAs("mo.manager", "582936", "duty_manager");
        QString whyNot;
        std::unique_ptr<CorrectionDialog> dialog(CorrectionDialog::create(
            workspace_, corrector->session(), CorrectionDialog::Kind::Contact, id, corrector.get(), whyNot));
        if (dialog) {
            dialog->resize(820, 760);
            dialog->show();
            if (auto* birth = qobject_cast<QLineEdit*>(dialog->editorFor(QStringLiteral("children[0].date_of_birth")))) {
                birth->setFocus();
                birth->setText(QStringLiteral("%1/%2/%3").arg(birth->text().mid(3, 2), birth->text().left(2), birth->text().mid(6)));
                if (auto* scroll = dialog->findChild<QScrollArea*>())
                    scroll->ensureWidgetVisible(birth, 0, 60);
            }
            if (auto* reason = dialog->findChild<QLineEdit*>(QStringLiteral("correctionReason")))
                reason->setText(QStringLiteral("The referrer rang back: day and month of the date of birth were swapped."));
            save(*dialog, QStringLiteral("correction-form"));
        } else {
            std::cerr << "No correction form: " << whyNot.toStdString() << "\n";
            ++failures_;
        }
        QApplication::setActiveWindow(&window_);
    }
}

} // namespace frontdoor::ui
