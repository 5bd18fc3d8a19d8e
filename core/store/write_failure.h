// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::core {

/// Why a write to `path` failed, in words, when the system can tell: the disk holding it is
/// full (with what is free), the file reached this program's size limit (ulimit -f, which
/// binds root too), or the drive is read-only. Empty when none of these is so: SQLite says
/// "disk I/O error" and Qt "Unknown error" for all of them, so the drive is asked.
QString writeFailureCause(const QString& path);

} // namespace broadsheet::core
