// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QStringList>

#include <chrono>

namespace broadsheet::core {

class Database;

/// What makes a library unsafe to write to, found before and just after SQLite opens it: an
/// empty or truncated file, one that is not SQLite, a write-ahead log that vanished while it
/// held committed work, pages that fail SQLite's quick check. A damaged library is still
/// read (to export what can be), never written.
namespace library_health {

/// Looks at the file's bytes (header, size) and its -wal and -shm beside it, without
/// SQLite: an Error (ErrorCode::Damaged or NotALibrary) that says what is wrong, or nothing.
/// A file that does not exist passes (it is a new library). Never while this process has a
/// connection to it (Database::isOpenHere): closing the files it reads would drop SQLite's
/// POSIX locks on them.
Result<void> checkFile(const QString& path);

struct QuickCheck {
    QStringList problems; ///< SQLite's words; empty: sound as far as it was checked
    bool complete = true; ///< false: the time budget ran out before the end of the file
};
/// PRAGMA quick_check, stopped after `budget` on a large file. A check that found the whole
/// library sound is not run again in this process (the window's start-up check and its
/// writer's would read the same pages twice): it answers sound at once.
Result<QuickCheck> quickCheck(Database& db, std::chrono::milliseconds budget);

/// Beside the library, a note that it was found damaged: later opens refuse to write
/// until a check finds it sound again (clearDamaged). Its text says what was found.
QString markPath(const QString& library);
void markDamaged(const QString& library, const QString& what);
QString damageMark(const QString& library); ///< the note, or empty
void clearDamaged(const QString& library);

/// A library this process opens for salvage is read from a copy of its file (taken once,
/// removed when the process ends): SQLite never opens the damaged file, its -wal or its
/// -shm, which other programs may still have open. The other connections of this process
/// (workers, export) read the same copy. Returns the copy's path, or an Error.
Result<QString> salvageCopy(const QString& library);
bool salvaged(const QString& library);

} // namespace library_health

} // namespace broadsheet::core
