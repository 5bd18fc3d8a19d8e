// SPDX-License-Identifier: GPL-3.0-or-later
#include "backups.h"

#include "article_store.h"
#include "database.h"
#include "library_health.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>

#include <algorithm>

namespace broadsheet::core::backups {

namespace {

constexpr const char* kStamp = "yyyyMMdd-HHmmss";
constexpr qint64 kDaySeconds = qint64{24} * 60 * 60;

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QString baseOf(const QString& library)
{
    return QFileInfo(library).completeBaseName();
}

std::optional<Backup> backupOf(const QFileInfo& file)
{
    // library-20261202-205300-daily.sqlite
    static const QRegularExpression name(
        QStringLiteral("-(\\d{8}-\\d{6})(?:-(\\d+))?-([a-z0-9-]+)\\.sqlite$"));
    const auto match = name.match(file.fileName());
    if (!match.hasMatch())
        return std::nullopt;
    Backup backup;
    backup.path = file.absoluteFilePath();
    backup.made = QDateTime::fromString(match.captured(1), QString::fromLatin1(kStamp));
    backup.made.setTimeSpec(Qt::UTC);
    backup.reason = match.captured(3);
    backup.bytes = file.size();
    return backup;
}

Result<qint64> changesOf(Database& db)
{
    return db.queryInt("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'changes'");
}

} // namespace

QString folderFor(const QString& library)
{
    return QFileInfo(library).absoluteFilePath() + QStringLiteral(".backups");
}

Result<QString> make(Database& db, const QString& reason, const QString& target)
{
    QString destination = target;
    if (destination.isEmpty()) {
        const QString folder = folderFor(db.path());
        if (!QDir().mkpath(folder))
            return Error{QStringLiteral("%1: cannot make the backup folder").arg(shown(folder))};
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QString::fromLatin1(kStamp));
        destination =
            QStringLiteral("%1/%2-%3-%4.sqlite").arg(folder, baseOf(db.path()), stamp, reason);
        for (int n = 2; QFileInfo::exists(destination); ++n) {
            destination = QStringLiteral("%1/%2-%3-%4-%5.sqlite")
                              .arg(folder, baseOf(db.path()), stamp)
                              .arg(n)
                              .arg(reason);
        }
    } else if (QFileInfo::exists(destination)) {
        return Error{ErrorCode::Exists,
                     QStringLiteral("%1: there is a file there already").arg(shown(destination))};
    }
    // Written aside and renamed into place: a backup that is there is a whole one. The
    // partial file is this process's own, so two programs backing up at once never share one.
    const QString partial =
        QStringLiteral("%1.%2.partial").arg(destination).arg(QCoreApplication::applicationPid());
    QFile::remove(partial);
    if (auto r = db.backupTo(partial); !r) {
        QFile::remove(partial);
        return r.error();
    }
    if (!QFile::rename(partial, destination)) {
        QFile::remove(partial);
        return Error{QStringLiteral("%1: cannot put the backup in place").arg(shown(destination))};
    }
    return destination;
}

QList<Backup> list(const QString& library)
{
    QList<Backup> found;
    const QDir folder(folderFor(library));
    const QString prefix = baseOf(library) + QLatin1Char('-');
    for (const QFileInfo& file :
         folder.entryInfoList({prefix + QStringLiteral("*.sqlite")}, QDir::Files)) {
        if (auto backup = backupOf(file))
            found.append(*backup);
    }
    std::sort(found.begin(), found.end(), [](const Backup& a, const Backup& b) {
        return a.made != b.made ? a.made > b.made : a.path > b.path;
    });
    return found;
}

void prune(const QString& library, int keep)
{
    int kept = 0;
    for (const Backup& backup : list(library)) {
        if (backup.reason == u"manual")
            continue; // made by hand: removed by hand
        if (++kept > std::max(1, keep))
            QFile::remove(backup.path);
    }
    // What a killed program left half written; a day old, so never one still being made.
    const QDir folder(folderFor(library));
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addSecs(-kDaySeconds);
    for (const QFileInfo& file : folder.entryInfoList(
             {baseOf(library) + QStringLiteral("-*.partial")}, QDir::Files | QDir::Hidden)) {
        if (file.lastModified().toUTC() < dayAgo)
            QFile::remove(file.absoluteFilePath());
    }
}

int keepCount(ArticleStore& store)
{
    auto keep = store.database().queryInt(
        "SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'backups.keep'");
    return keep && *keep > 0 ? static_cast<int>(*keep) : kDefaultKeep;
}

Result<void> setKeepCount(ArticleStore& store, int keep)
{
    auto stmt =
        store.database().prepare("INSERT INTO settings(key, value) VALUES ('backups.keep', ?1) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, qint64{std::max(1, keep)}).run();
}

Result<QString> makeDailyIfDue(ArticleStore& store)
{
    // One program makes the day's backup; another starting at the same moment (two imports
    // at once) leaves it to the first rather than making a second or waiting for it.
    const QString folder = folderFor(store.path());
    if (!QDir().mkpath(folder))
        return Error{QStringLiteral("%1: cannot make the backup folder").arg(shown(folder))};
    QLockFile making(folder + QStringLiteral("/.daily.lock"));
    if (!making.tryLock(0))
        return QString();
    const QList<Backup> existing = list(store.path());
    auto changes = changesOf(store.database());
    if (!changes)
        return changes.error();
    if (!existing.isEmpty()) {
        const Backup& newest = existing.first();
        if (newest.made.secsTo(QDateTime::currentDateTimeUtc()) < kDaySeconds)
            return QString();
        // Nothing changed since the newest backup (its own count of changes is the same).
        auto db = Database::open(newest.path, Database::Mode::ReadOnly);
        if (db) {
            auto before = changesOf(*db);
            if (before && *before == *changes)
                return QString();
        }
    } else if (*changes == 0) {
        return QString(); // a library nothing was ever written to
    }
    auto made = make(store.database(), QStringLiteral("daily"));
    if (!made)
        return made.error();
    prune(store.path(), keepCount(store));
    return made;
}

Result<QString> restore(const QString& library, const QString& backup)
{
    if (!QFileInfo::exists(backup))
        return Error{ErrorCode::NotFound, QStringLiteral("%1: no such backup").arg(shown(backup))};
    if (auto r = library_health::checkFile(backup); !r)
        return r.error();
    {
        auto copy = Database::open(backup, Database::Mode::ReadOnly);
        if (!copy)
            return copy.error();
        auto check = library_health::quickCheck(*copy, std::chrono::seconds(60));
        if (!check)
            return check.error();
        if (!check->problems.isEmpty()) {
            return Error{ErrorCode::Damaged, QStringLiteral("%1: the backup is damaged too (%2)")
                                                 .arg(shown(backup), check->problems.first())};
        }
    }
    // The current file and its -wal and -shm are moved aside together, never deleted.
    QString aside;
    if (QFileInfo::exists(library)) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QString::fromLatin1(kStamp));
        aside = QStringLiteral("%1.before-restore-%2").arg(library, stamp);
        if (!QFile::rename(library, aside))
            return Error{QStringLiteral("%1: cannot move the library aside").arg(shown(library))};
        for (const char* suffix : {"-wal", "-shm"}) {
            const QString part = library + QLatin1String(suffix);
            if (QFileInfo::exists(part))
                QFile::rename(part, aside + QLatin1String(suffix));
        }
    }
    if (!QFile::copy(backup, library)) {
        if (!aside.isEmpty())
            QFile::rename(aside, library); // as it was
        return Error{QStringLiteral("%1: cannot copy the backup into place").arg(shown(library))};
    }
    QFile::setPermissions(library, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    library_health::clearDamaged(library);
    return aside;
}

} // namespace broadsheet::core::backups
