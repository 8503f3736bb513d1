#include "support/RecoveryFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace frontdoor::ui {
namespace {

QString safePart(QString text) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    return text.replace(unsafe, QStringLiteral("_")).left(64);
}

bool writeTo(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size())
        return false;
    return file.commit();
}

} // namespace

QString writeRecoveryFile(const QString& databasePath, const QString& user, const QString& form,
                          const nlohmann::json& typed, const QString& previous) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const nlohmann::json body{{"recovered_from", databasePath.toStdString()},
                              {"user", user.toStdString()},
                              {"form", form.toStdString()},
                              {"written_at", now.toString(Qt::ISODateWithMs).toStdString()},
                              {"typed", typed}};
    const QByteArray bytes =
        QByteArray::fromStdString(body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) + '\n';
    if (!previous.isEmpty() && writeTo(previous, bytes))
        return previous;
    const QString name = QStringLiteral("frontdoor-recovered-%1-%2-%3.json")
                             .arg(safePart(user), safePart(form), now.toString(QStringLiteral("yyyyMMdd-HHmmsszzz")));
    const QStringList folders = {QFileInfo(databasePath).absolutePath(),
                                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    for (const QString& folder : folders) {
        if (folder.isEmpty() || !QDir(folder).exists())
            continue;
        const QString path = QDir(folder).filePath(name);
        if (writeTo(path, bytes))
            return path;
    }
    return {};
}

QString recoveryNote(const QString& file) {
    if (file.isEmpty())
        return QCoreApplication::translate("frontdoor::ui::RecoveryFile",
                                           "It could not be written to a recovery file either: do not close this "
                                           "window; copy what you typed somewhere safe.");
    return QCoreApplication::translate("frontdoor::ui::RecoveryFile", "What you typed is kept in %1.").arg(file);
}

} // namespace frontdoor::ui
