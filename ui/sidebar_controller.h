// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"

#include <QList>
#include <QObject>

namespace broadsheet::core {
class LibraryWriter;
}

namespace broadsheet::ui {

class LibraryWorker;
class Sidebar;

/// Keeps the sidebar's counts true. Counting sources, sections and tags reads the whole
/// library, so it runs on a worker; it starts after a barrier in the writer's queue, so it
/// sees every change the window posted before it. Unread and Starred are counted by the
/// writer itself, in order with every change, and a read or star change posted after that
/// is added on top: a recount never undoes what the window already shows. Used by MainWindow.
class SidebarController final : public QObject {
    Q_OBJECT
public:
    /// `writer` may be null (a library that cannot be written): counts are then plain.
    SidebarController(Sidebar* sidebar, core::LibraryWriter* writer, const QString& libraryPath,
                      QObject* parent = nullptr);
    ~SidebarController() override;

    /// Counts again (after what is queued to the writer); a refresh asked for while one
    /// waits for the writer waits for a barrier of its own (the waiting one was queued
    /// before its change), one asked for while one counts replaces it.
    void refresh();
    /// Stories were marked read or unread, starred or not: the counts move now.
    void flagsChanged(qint64 unreadDelta, qint64 starredDelta);
    /// The first count waits (a large library loads its list's ids first).
    void deferUntilStarted() { m_deferred = true; }
    void startDeferred();
    /// False while a count waits or runs.
    bool isCurrent() const;
    void cancel();

Q_SIGNALS:
    /// The sidebar shows fresh counts.
    void refreshed(const broadsheet::core::LibraryOverview& overview);
    void failed(const QString& message);

private:
    struct FlagDelta {
        quint64 seq = 0; ///< the order it was posted in
        qint64 unread = 0;
        qint64 starred = 0;
    };
    void count(quint64 counted, const std::shared_ptr<core::LibraryOverview>& flags);

    Sidebar* m_sidebar = nullptr;
    core::LibraryWriter* m_writer = nullptr;
    LibraryWorker* m_worker = nullptr;
    QList<FlagDelta> m_deltas; ///< changes no recount has shown yet
    quint64 m_seq = 0;
    bool m_barrier = false;  ///< a count waits for the writer's queue
    bool m_again = false;    ///< a change came after the waiting barrier was posted
    bool m_deferred = false; ///< the first count waits for startDeferred()
};

} // namespace broadsheet::ui
