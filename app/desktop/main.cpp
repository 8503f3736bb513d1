// frontdoor: the desktop app. Opens the desk's database (creating it with demo data the first time)
// and shows the main window.
#include "demo/DemoData.h"
#include "store/DataLocation.h"
#include "windows/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>

#include <iostream>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("frontdoor"));
    QApplication::setApplicationDisplayName(QStringLiteral("Frontdoor"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Frontdoor: contacts and referrals for children's services"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database file (default: %1)")
                                                                .arg(QString::fromStdString(frontdoor::core::defaultDatabasePath())),
                                      QStringLiteral("path"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Save a PNG of the main window to FILE and quit."),
                                              QStringLiteral("file"));
    const QCommandLineOption noDemoOption(QStringLiteral("no-demo"),
                                          QStringLiteral("Do not add demo data to a new database."));
    parser.addOptions({dbOption, screenshotOption, noDemoOption});
    parser.process(app);

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption)
                                                : QString::fromStdString(frontdoor::core::defaultDatabasePath());
    QDir().mkpath(QFileInfo(path).absolutePath());
    static frontdoor::core::SystemClock clock;
    std::unique_ptr<frontdoor::core::Workspace> workspace;
    try {
        workspace = frontdoor::core::Workspace::open(path.toStdString(), clock);
        if (workspace->facts().count() == 0 && !parser.isSet(noDemoOption)) {
            std::cerr << "New database at " << path.toStdString() << ": adding demo data...\n";
            frontdoor::core::DemoOptions demo;
            frontdoor::core::generateDemoData(*workspace, demo);
        }
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QObject::tr("Frontdoor cannot open its database"), QString::fromUtf8(e.what()));
        return 1;
    }

    frontdoor::ui::MainWindow window(*workspace);
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(500, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            std::cerr << (saved ? "Saved " : "Could not save ") << file.toStdString() << "\n";
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
