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

namespace broadsheet::bench {

/// Opens the window on `libraryPath` (a library with stories), starts importing `folder` in
/// it, and stars `toggles` stories one after another while the import runs (one every
/// `everyMs`), as a reader would. Measures whether each change shows in the list at once,
/// how long each takes to be durable (seen by another connection), the GUI thread's longest
/// stall, and any lock error the window reported: {"toggles", "shown_at_once",
/// "durable_p50_ms", "durable_max_ms", "gui_stall_max_ms", "lock_errors", "import_s",
/// "during_import"}.
QJsonObject measureWritesDuringImport(const QString& libraryPath, const QString& folder,
                                      int toggles, int everyMs);

} // namespace broadsheet::bench

namespace broadsheet::bench {

/// Opens the window on `libraryPath` (stories and subscriptions whose feeds a server on
/// 127.0.0.1 serves), searches on a connection of its own while idle, then refreshes every
/// subscription in the window (F5) and searches while it runs: the searches' p50 both
/// ways, the GUI thread's longest stall during the refresh, and what the refresh brought:
/// {"idle_p50_ms", "during_p50_ms", "searches_during", "gui_stall_max_ms",
/// "gui_stalls_over_50_ms", "refresh_s", "added", "failed"}.
QJsonObject measureRefreshInWindow(const QString& libraryPath, bool sync = false);

} // namespace broadsheet::bench
