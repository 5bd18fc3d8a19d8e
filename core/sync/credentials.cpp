// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace broadsheet::core::credentials {

namespace {

const QString kService = QStringLiteral("Broadsheet");

QString keyOf(const SyncAccount& account)
{
    return QStringLiteral("%1 %2 %3").arg(account.kind, account.url, account.user);
}

/// Runs a keychain job to its end (a few seconds at most).
bool runJob(QKeychain::Job& job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    return job.error() == QKeychain::NoError;
}

Result<QJsonObject> readFile()
{
    QFile file(fallbackFile());
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("%1: cannot be read (%2)")
                         .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return Error(QStringLiteral("%1: not the passwords file Broadsheet writes; move it "
                                    "away and add the account again")
                         .arg(QDir::toNativeSeparators(file.fileName())));
    return document.object();
}

Result<void> writeFile(const QJsonObject& object)
{
    const QString path = fallbackFile();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("%1: cannot be written (%2)")
                         .arg(QDir::toNativeSeparators(path), file.errorString()));
    // Only the user reads it, from the first byte.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson());
    if (!file.commit())
        return Error(QStringLiteral("%1: cannot be written (%2)")
                         .arg(QDir::toNativeSeparators(path), file.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace

QString fallbackFile()
{
    QString set = qEnvironmentVariable("BROADSHEET_CREDENTIALS");
    if (!set.isEmpty())
        return set;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/broadsheet/sync-passwords.json");
}

bool keyringAvailable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
           qEnvironmentVariableIsEmpty("BROADSHEET_NO_KEYRING");
}

Result<void> store(const SyncAccount& account, const QString& password, QString* where)
{
    if (keyringAvailable()) {
        QKeychain::WritePasswordJob job(kService);
        job.setKey(keyOf(account));
        job.setTextData(password);
        if (runJob(job)) {
            if (where)
                *where = QStringLiteral("the system keyring");
            return {};
        }
        // No keyring answered after all: the file.
    }
    auto object = readFile();
    if (!object)
        return object.error();
    object->insert(keyOf(account), password);
    if (auto r = writeFile(*object); !r)
        return r;
    if (where)
        *where = QDir::toNativeSeparators(fallbackFile());
    return {};
}

Result<QString> load(const SyncAccount& account)
{
    if (keyringAvailable()) {
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(keyOf(account));
        if (runJob(job))
            return job.textData();
    }
    auto object = readFile();
    if (!object)
        return object.error();
    const QJsonValue value = object->value(keyOf(account));
    if (!value.isString())
        return Error(ErrorCode::NotFound,
                     QStringLiteral("no password is kept for %1 at %2; add the account again "
                                    "(account remove, then account add)")
                         .arg(account.user, account.url));
    return value.toString();
}

void forget(const SyncAccount& account)
{
    if (keyringAvailable()) {
        QKeychain::DeletePasswordJob job(kService);
        job.setKey(keyOf(account));
        runJob(job);
    }
    auto object = readFile();
    if (object && object->contains(keyOf(account))) {
        object->remove(keyOf(account));
        (void)writeFile(*object);
    }
}

} // namespace broadsheet::core::credentials
