// frontdoor: the desktop app. Opens the desk's database (creating a live one on the first run on the
// default path, or a demo database with demo users and data when asked with --demo), signs the user in
// and shows the main window.
#include "demo/DemoData.h"
#include "dialogs/FirstRunDialog.h"
#include "dialogs/SignInDialog.h"
#include "store/DataLocation.h"
#include "support/QuitSignals.h"
#include "support/Style.h"
#include "support/SyncRunner.h"
#include "support/UiTimings.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "windows/MainWindow.h"
#include "windows/ScreenshotTour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <iostream>

using namespace frontdoor;

namespace {

QSize parseSize(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{3,5})x(\d{3,5})$)"));
    const auto match = pattern.match(text);
    return match.hasMatch() ? QSize(match.captured(1).toInt(), match.captured(2).toInt()) : QSize();
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Frontdoor"));
    QApplication::setApplicationName(QStringLiteral("frontdoor"));
    QApplication::setApplicationDisplayName(QStringLiteral("Frontdoor"));
    QApplication::setApplicationVersion(QStringLiteral(FRONTDOOR_VERSION));
    // The installed package puts the icon in the hicolor theme and the desktop file under this name.
    QApplication::setDesktopFileName(QStringLiteral("org.frontdoor.Frontdoor"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("frontdoor")));
    ui::applyFrontdoorStyle(app);
    ui::installUiTimingWatchdog();
    ui::quitCleanlyOnSignals();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Frontdoor: contacts and referrals for children's services"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Database file (default: %1)")
                                          .arg(QString::fromStdString(core::defaultDatabasePath())),
                                      QStringLiteral("path"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Sign in as NAME without the dialog."),
                                        QStringLiteral("name"));
    const QCommandLineOption pinOption(QStringLiteral("pin"), QStringLiteral("The PIN or password for --user."),
                                       QStringLiteral("pin"));
    const QCommandLineOption roleOption(QStringLiteral("role"),
                                        QStringLiteral("The role to act in (default: the user's first)."),
                                        QStringLiteral("role"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Save a PNG of the main window to FILE and quit."),
                                              QStringLiteral("file"));
    const QCommandLineOption tourOption(
        QStringLiteral("screenshot-tour"),
        QStringLiteral("Save a PNG of each main screen, with demo data, into DIR and quit. Use a scratch database: "
                       "the tour types a contact (and discards it)."),
        QStringLiteral("dir"));
    const QCommandLineOption sizeOption(QStringLiteral("window-size"), QStringLiteral("Main window size, e.g. 1366x768."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Use a demo database: made-up users (with the README's PINs) and data. Creates one at --db "
                       "(or the default path) if there is none; an existing database is opened as it is."));
    const QCommandLineOption demoContactsOption(QStringLiteral("demo-contacts"),
                                                QStringLiteral("Demo contacts for a new demo database (default 2000)."),
                                                QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption syncIntervalOption(
        QStringLiteral("sync-interval"),
        QStringLiteral("Seconds between sync rounds with the team's shared folder (default 5; only on a desk that "
                       "has joined a team)."),
        QStringLiteral("seconds"), QStringLiteral("5"));
    parser.addOptions({dbOption, userOption, pinOption, roleOption, screenshotOption, tourOption, sizeOption,
                       demoOption, demoContactsOption, syncIntervalOption});
    parser.process(app);
    bool intervalOk = false;
    const double syncSeconds = parser.value(syncIntervalOption).toDouble(&intervalOk);
    if (!intervalOk || syncSeconds < 0.5 || syncSeconds > 3600) {
        std::cerr << "--sync-interval: give the seconds between sync rounds, from 0.5 to 3600 (default 5)\n";
        return 2;
    }
    const int syncIntervalMs = static_cast<int>(syncSeconds * 1000);

    const bool tour = parser.isSet(tourOption);
    const bool unattended = tour || parser.isSet(screenshotOption);
    // Screenshots must not depend on (or change) how this person left their windows.
    QTemporaryDir scratchSettings;
    if (unattended) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratchSettings.path());
    }

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption)
                                                : QString::fromStdString(core::defaultDatabasePath());
    static core::SystemClock clock;
    std::unique_ptr<core::Workspace> workspace;
    const QString account = ui::SignInDialog::operatingSystemAccount();
    try {
        QElapsedTimer opening;
        opening.start();
        // Only creation creates: a live database on the first run on the default path, a demo one when
        // asked with --demo; an existing file is opened as it is, and a mistyped --db is named.
        const bool exists = QFileInfo::exists(path);
        const bool wantDemo = parser.isSet(demoOption);
        if (exists)
            workspace = core::Workspace::open(path.toStdString(), clock);
        else if (wantDemo)
            workspace = core::Workspace::create(path.toStdString(), clock, core::DatabaseMode::Demo);
        else if (!parser.isSet(dbOption))
            workspace = core::Workspace::create(path.toStdString(), clock, core::DatabaseMode::Live);
        else
            throw core::NotFoundError("no database at " + path.toStdString() +
                                      "; create one with frontdoor-cli init, or start Frontdoor with --demo");
        ui::recordUiTiming(QStringLiteral("database open"), static_cast<double>(opening.nsecsElapsed()) / 1e6, true);
        // A demo database left without users (its making was interrupted) is filled as a new one is.
        const bool fillDemo = wantDemo && workspace->mode() == core::DatabaseMode::Demo &&
                              !core::UserService(*workspace).anyUsers();
        if ((!exists && wantDemo) || fillDemo) {
            std::cerr << "New demo database at " << path.toStdString() << ": adding demo users and data...\n";
            core::addDemoUsers(*workspace, account.toStdString());
            core::DemoOptions demo;
            demo.contacts = std::max(0, parser.value(demoContactsOption).toInt());
            // Fewer years and a longer open spell than the generator's defaults, so a demo desk of
            // 2,000 contacts has families with several contacts and a morning's work still waiting.
            demo.years = 4;
            demo.openDays = 10;
            core::generateDemoData(*workspace, demo);
            core::rememberDemoFacts(*workspace);
        }
    } catch (const std::exception& e) {
        if (unattended) {
            std::cerr << "Frontdoor cannot open its database: " << e.what() << "\n";
            return 1;
        }
        QMessageBox::critical(nullptr, QObject::tr("Frontdoor cannot open its database"), QString::fromUtf8(e.what()));
        return 1;
    }

    QString user = parser.value(userOption);
    QString pin = parser.value(pinOption);
    if (tour && user.isEmpty()) {
        user = QStringLiteral("sam.screener"); // a demo user (docs/README: demo sign-in)
        pin = QStringLiteral("417205");
    }
    std::optional<core::Session> session;
    if (!user.isEmpty()) {
        try {
            session = core::UserService(*workspace).signIn(user.toStdString(), pin.toStdString(),
                                                            parser.value(roleOption).toStdString());
            if (session->mustChangeSecret) {
                // Weaker than the policy: the dialog asks for a new one before anything else.
                std::cerr << user.toStdString() << "'s PIN or password is weaker than the policy; set a new one\n";
                session.reset();
                if (unattended)
                    return 2;
            }
        } catch (const std::exception& e) {
            std::cerr << "Cannot sign in as " << user.toStdString() << ": " << e.what() << "\n";
            if (unattended)
                return 2;
        }
    }
    if (!session && !core::UserService(*workspace).anyUsers()) {
        // Nobody could sign in: the person setting up the desk creates the first administrator instead.
        if (unattended) {
            std::cerr << "This database has no users yet; start Frontdoor without --screenshot to create the first "
                         "administrator, or use --demo\n";
            return 2;
        }
        // Or joins the team's shared folder, whose users then sign in below.
        ui::FirstRunDialog firstRun(*workspace, account);
        if (firstRun.exec() != QDialog::Accepted || (!firstRun.session() && !firstRun.joined()))
            return 0;
        session = firstRun.session();
        if (session)
            ui::SignInDialog::rememberUserName(QString::fromStdString(session->user.id));
    }
    if (!session) {
        ui::SignInDialog dialog(*workspace, user.isEmpty() ? ui::SignInDialog::lastUserName() : user);
        if (dialog.exec() != QDialog::Accepted || !dialog.session())
            return 0;
        session = dialog.session();
    }

    const QSize size = parseSize(parser.value(sizeOption));
    // Another user signing in at the lock screen gets a window of their own; the first user's forms
    // close with their drafts kept (saved when the desk locked).
    std::unique_ptr<ui::MainWindow> current;
    std::function<void(core::Session)> openWindow = [&](core::Session who) {
        auto next = std::make_unique<ui::MainWindow>(*workspace, std::move(who));
        next->syncRunner()->setInterval(syncIntervalMs);
        if (size.isValid())
            next->resize(size);
        QObject::connect(next.get(), &ui::MainWindow::otherUserSignedIn, next.get(),
                         [&openWindow](const core::Session& other) {
                             QTimer::singleShot(0, [&openWindow, other] { openWindow(other); });
                         });
        if (current) {
            current->saveAllDrafts(false);
            next->show(); // before the old one goes, so the app never has no window (and quits)
            current->hide();
            current.release()->deleteLater();
        }
        current = std::move(next);
    };
    openWindow(*session);
    ui::MainWindow& window = *current;
    QObject::connect(&app, &QApplication::aboutToQuit, [&current] {
        if (current)
            current->saveAllDrafts(false);
    });

    if (tour) {
        window.show();
        ui::ScreenshotTour screenshots(*workspace, window, parser.value(tourOption), size);
        const int code = screenshots.run();
        if (ui::uiTimingsEnabled())
            std::cerr << "\nUI timings (FRONTDOOR_UI_TIMINGS=1)\n" << ui::uiTimingSummary().toStdString();
        return code;
    }
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(0, &window, [&window, file] {
            ui::ScreenshotTour::settleWindow(window);
            const bool saved = window.grab().save(file);
            std::cerr << (saved ? "Saved " : "Could not save ") << file.toStdString() << "\n";
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
