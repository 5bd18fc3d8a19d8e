// SPDX-License-Identifier: GPL-3.0-or-later
#include "library_health.h"

#include "database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSaveFile>
#include <QSet>
#include <QtEndian>

#include <cstring>

namespace broadsheet::core::library_health {

namespace {

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

constexpr const char* kRecover =
    "broadsheet-cli backups lists the backups to restore, and export still saves what can be "
    "read";

quint32 nativeU32(const QByteArray& bytes, qsizetype at)
{
    quint32 value = 0;
    std::memcpy(&value, bytes.constData() + at, sizeof value);
    return value; // the -shm file is in the writing machine's own byte order
}

// The -shm file's wal-index header says how many frames the WAL holds (mxFrame) and how
// many of them are already copied into the library (nBackfill). Frames not yet copied
// whose WAL is gone are committed stories that are gone: the library must say so, not
// open as if they had never been.
std::optional<QString> lostWal(const QString& path)
{
    QFile shm(path + QStringLiteral("-shm"));
    if (!shm.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray header = shm.read(136);
    if (header.size() < 136 || header[12] != 1) // isInit
        return std::nullopt;
    if (header.left(48) != header.mid(48, 48))
        return std::nullopt; // being written now: the next reader rebuilds it from the WAL
    const quint32 frames = nativeU32(header, 16);
    const quint32 backfilled = nativeU32(header, 96);
    if (frames == 0 || frames <= backfilled)
        return std::nullopt;
    const quint16 encodedPage = qFromUnaligned<quint16>(header.constData() + 14);
    const qint64 pageSize = encodedPage == 1 ? 65536 : encodedPage;
    const qint64 needed = 32 + qint64{frames} * (24 + pageSize);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() >= needed)
        return std::nullopt;
    return QStringLiteral("%1: the library's write-ahead log (%2) %3: the last %4 pages of "
                          "committed work are lost with it. Broadsheet will not write to the "
                          "library; %5")
        .arg(shown(path), QFileInfo(wal).fileName(),
             wal.exists() ? QStringLiteral("was cut short") : QStringLiteral("was deleted"))
        .arg(frames - backfilled)
        .arg(QString::fromLatin1(kRecover));
}

} // namespace

Result<void> checkFile(const QString& path)
{
    // First: with no WAL beside it, no connection has the library open (opening makes one),
    // so no checkpoint can be growing the file while its header and size are read.
    const bool walBeside = QFileInfo::exists(path + QStringLiteral("-wal"));
    const QFileInfo info(path);
    if (!info.exists() || info.isDir())
        return {};
    if (info.size() == 0) {
        return Error{ErrorCode::Damaged,
                     QStringLiteral("%1: the file is empty (0 bytes): a library cut short, or "
                                    "not a library. Broadsheet will not make it a new one; %2")
                         .arg(shown(path), QString::fromLatin1(kRecover))};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{
            ErrorCode::Failed,
            QStringLiteral("%1: cannot read the library: %2").arg(shown(path), file.errorString())};
    }
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16))) {
        return Error{ErrorCode::NotALibrary,
                     QStringLiteral("%1: this file is not a Broadsheet library (not a SQLite "
                                    "database)")
                         .arg(shown(path))};
    }
    // The header's page count is valid when its "version valid for" matches the change
    // counter; a file shorter than that many pages was cut short.
    const quint32 encodedPage = qFromBigEndian<quint16>(header.constData() + 16);
    const qint64 pageSize = encodedPage == 1 ? 65536 : encodedPage;
    const quint32 changeCounter = qFromBigEndian<quint32>(header.constData() + 24);
    const quint32 pages = qFromBigEndian<quint32>(header.constData() + 28);
    const quint32 validFor = qFromBigEndian<quint32>(header.constData() + 92);
    // Only when no WAL is beside it: a checkpoint writes the header's new count before the
    // pages that make the file that long.
    const qint64 size = QFileInfo(path).size();
    if (!walBeside && pages > 0 && validFor == changeCounter && size < qint64{pages} * pageSize) {
        return Error{ErrorCode::Damaged,
                     QStringLiteral("%1: the library is cut short (%2 of its %3 bytes are "
                                    "there). Broadsheet will not write to it; %4")
                         .arg(shown(path))
                         .arg(size)
                         .arg(qint64{pages} * pageSize)
                         .arg(QString::fromLatin1(kRecover))};
    }
    if (auto lost = lostWal(path))
        return Error{ErrorCode::Damaged, *lost};
    return {};
}

namespace {

struct SoundLibraries {
    QMutex mutex;
    QSet<QString> paths;
};

SoundLibraries& soundLibraries()
{
    static SoundLibraries sound;
    return sound;
}

} // namespace

Result<QuickCheck> quickCheck(Database& db, std::chrono::milliseconds budget)
{
    SoundLibraries& sound = soundLibraries();
    const QString key = QFileInfo(db.path()).absoluteFilePath();
    {
        const QMutexLocker lock(&sound.mutex);
        if (sound.paths.contains(key))
            return QuickCheck{};
    }
    QuickCheck check;
    db.setStopToken(nullptr, std::chrono::steady_clock::now() + budget);
    struct Clear {
        Database& db;
        ~Clear() { db.setStopToken(nullptr); }
    } clear{db};
    auto stmt = db.prepare("PRAGMA quick_check(20)");
    if (!stmt)
        return stmt.error();
    auto rows = stmt->forEachRow([&check](const Statement& row) {
        // One problem may take several lines, the first naming the database ("*** in
        // database main ***"): one line each, said plainly.
        QString line = row.text(0);
        line.remove(QStringLiteral("*** in database main ***"));
        line = line.simplified();
        if (!line.isEmpty() && line != u"ok")
            check.problems.append(line);
    });
    if (!rows) {
        if (rows.error().cancelled) {
            check.complete = false;
            return check;
        }
        if (rows.error().code == ErrorCode::Damaged) {
            check.problems.append(rows.error().message);
            return check;
        }
        return rows.error();
    }
    if (check.problems.isEmpty()) {
        const QMutexLocker lock(&sound.mutex);
        sound.paths.insert(key);
    }
    return check;
}

QString markPath(const QString& library)
{
    return library + QStringLiteral("-damaged");
}

void markDamaged(const QString& library, const QString& what)
{
    QSaveFile mark(markPath(library));
    if (mark.open(QIODevice::WriteOnly)) {
        mark.write(what.toUtf8() + '\n');
        (void)mark.commit(); // a folder that cannot take it cannot take writes either
    }
}

QString damageMark(const QString& library)
{
    QFile mark(markPath(library));
    if (!mark.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(mark.read(4096)).trimmed();
}

void clearDamaged(const QString& library)
{
    QFile::remove(markPath(library));
}

namespace {

struct SalvageCopies {
    QMutex mutex;
    QHash<QString, QString> copies; ///< library → its copy
    ~SalvageCopies()
    {
        for (const QString& copy : std::as_const(copies))
            QFile::remove(copy);
    }
};

SalvageCopies& salvageCopies()
{
    static SalvageCopies copies;
    return copies;
}

} // namespace

Result<QString> salvageCopy(const QString& library)
{
    SalvageCopies& all = salvageCopies();
    const QMutexLocker lock(&all.mutex);
    const QString key = QFileInfo(library).absoluteFilePath();
    if (auto it = all.copies.constFind(key); it != all.copies.constEnd())
        return *it;
    const QString copy = QDir(QDir::tempPath())
                             .filePath(QStringLiteral("broadsheet-salvage-%1-%2.sqlite")
                                           .arg(QCoreApplication::applicationPid())
                                           .arg(all.copies.size()));
    QFile::remove(copy);
    if (!QFile::copy(library, copy)) {
        return Error{ErrorCode::Damaged,
                     QStringLiteral("%1: cannot copy the library to read what it holds (to %2)")
                         .arg(shown(library), shown(copy))};
    }
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    all.copies.insert(key, copy);
    return copy;
}

bool salvaged(const QString& library)
{
    SalvageCopies& all = salvageCopies();
    const QMutexLocker lock(&all.mutex);
    return all.copies.contains(QFileInfo(library).absoluteFilePath());
}

} // namespace broadsheet::core::library_health
