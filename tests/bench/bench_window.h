// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace broadsheet::bench {

/// Opens the window on a library (offscreen) and measures the time to the first painted
/// story list, the resident memory after it, and the time to scroll to the last row and
/// paint it: {"articles", "first_paint_ms", "rss_mb", "scroll_end_ms"}.
QJsonObject measureWindow(const QString& libraryPath);

} // namespace broadsheet::bench
