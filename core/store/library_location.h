// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::core {

/// The program's own data folder, ~/.local/share/broadsheet (the generic data location and
/// the application's name: Qt's AppDataLocation would add the organisation's name too).
QString dataFolder();
/// Its cache folder, ~/.cache/broadsheet (remote images).
QString cacheFolder();

/// Where the user's library lives when no `--library` is given: `BROADSHEET_LIBRARY` if set,
/// else `library.sqlite` in the application data folder (~/.local/share/broadsheet).
QString defaultLibraryPath();

/// The library to open: `explicitPath` when given, else defaultLibraryPath().
QString resolveLibraryPath(const QString& explicitPath);

} // namespace broadsheet::core
