// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::core {

/// Where the user's library lives when no `--library` is given: `BROADSHEET_LIBRARY` if set,
/// else `library.sqlite` in the application data folder (~/.local/share/broadsheet).
QString defaultLibraryPath();

/// The library to open: `explicitPath` when given, else defaultLibraryPath().
QString resolveLibraryPath(const QString& explicitPath);

} // namespace broadsheet::core
