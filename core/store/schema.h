// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

namespace broadsheet::core {

class Database;

/// The library's schema: an ordered list of forward migrations, each run in its
/// own transaction, with the version in `PRAGMA user_version`. Used by ArticleStore::open.
namespace schema {

/// The version this build writes; a file with a higher version is refused untouched.
int currentVersion();

/// The version a file carries (0 for a new, empty file).
Result<int> versionOf(Database& db);

/// Brings the file to `target` (currentVersion() by default), one migration at a time.
Result<void> migrate(Database& db, int target = -1);

} // namespace schema
} // namespace broadsheet::core
