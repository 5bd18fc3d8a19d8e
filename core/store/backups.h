// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace broadsheet::core {

class ArticleStore;
class Database;

/// Rolling copies of a library made with SQLite's online backup API (a consistent snapshot
/// while the library is in use): before every schema upgrade, once a day when it is opened
/// for writing and something changed, and by hand. They live in a folder beside the
/// library (library.sqlite → library.sqlite.backups/), newest kept.
namespace backups {

inline constexpr int kDefaultKeep = 5;

struct Backup {
    QString path;
    QDateTime made; ///< UTC, from the file's name
    QString reason; ///< "daily", "manual", "before-v8"
    qint64 bytes = 0;
};

QString folderFor(const QString& library);

/// Copies the library `db` holds into `target` (a new file: written aside, then renamed
/// into place), or into the backup folder with a name that says when and why when
/// `target` is empty. Returns the backup's path. Never touches the library itself.
Result<QString> make(Database& db, const QString& reason, const QString& target = {});

/// The backups in the folder, newest first.
QList<Backup> list(const QString& library);

/// Deletes the oldest automatic ones past `keep`.
void prune(const QString& library, int keep);

/// The daily backup: made when the newest is over a day old and the library changed
/// since it was made (the writer counts its commits in settings 'changes'). Returns the
/// new backup's path, or an empty string when none was due.
Result<QString> makeDailyIfDue(ArticleStore& store);

/// How many to keep (settings 'backups.keep'), and setting it.
int keepCount(ArticleStore& store);
Result<void> setKeepCount(ArticleStore& store, int keep);

/// Puts `backup` in the library's place: the backup is checked first (a library, sound),
/// the current file (with its -wal) is moved aside, never deleted, and the backup copied
/// in. Returns where the current file went. No program may have the library open.
Result<QString> restore(const QString& library, const QString& backup);

} // namespace backups

} // namespace broadsheet::core
