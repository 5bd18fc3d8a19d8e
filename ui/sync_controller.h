// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <stop_token>

class QTimer;

namespace broadsheet::core {
class LibraryWriter;
}

namespace broadsheet::ui {

class SyncWorker;

/// Syncs the library's accounts with their servers from the window. The network and the
/// sync's decisions run on a thread of their own; every write goes through the writer as a
/// short command of its own (a page of stories, the flags, the labels), so the window reads
/// and the user's own changes go on while a sync runs. Syncs soon after the window opens,
/// then every `interval`, and when asked.
class SyncController final : public QObject {
    Q_OBJECT
public:
    SyncController(core::LibraryWriter& writer, QObject* parent = nullptr);
    ~SyncController() override; ///< what runs is stopped, and waited for

    /// Syncs `account` (0: every account); asked while one runs, it is done after it.
    void sync(qint64 account = 0);
    /// Subscribes to the feed at `url` on `account`'s server, in `folder` ("" at the top),
    /// then syncs that account; `subscribed` tells how the server answered. Online only: the
    /// server's id of the feed is what every later change names. Queued like sync().
    void subscribe(qint64 account, const QString& url, const QString& folder);
    /// Stops the sync that runs; what it stored stays, and a first sync goes on next time.
    void cancel();
    bool isRunning() const { return m_running; }
    /// Syncs after `firstMs`, then every `intervalMs` (0: only when asked).
    void setSchedule(int intervalMs, int firstMs = 0);

    /// Logs in with these settings on a worker thread; `tested` tells how it went.
    void test(const QString& kind, const QUrl& url, const QString& user, const QString& password);

Q_SIGNALS:
    /// A sync of `account` began.
    void started(const broadsheet::core::SyncAccount& account);
    /// Items received so far in this account's sync.
    void progress(const broadsheet::core::SyncAccount& account, int received);
    /// One account ended: `error` empty when it worked; `added` new stories; `refused`
    /// what the server's API cannot do.
    void accountSynced(const broadsheet::core::SyncAccount& account, int added,
                       const QString& error, const QStringList& refused);
    /// Every account asked for ended: stories added in all.
    void finished(int added, int failed);
    /// The server's answer to subscribe(): `error` empty when it took the feed.
    void subscribed(const broadsheet::core::SyncAccount& account, const QString& url,
                    const QString& error);
    /// The answer to test(): empty when the login worked.
    void tested(const QString& error);

private:
    void runNext();

    core::LibraryWriter& m_writer;
    QThread m_thread;
    SyncWorker* m_worker = nullptr; ///< lives on m_thread
    QTimer* m_schedule = nullptr;
    QTimer* m_firstLook = nullptr;
    std::stop_source m_stop;
    bool m_running = false;
    /// One thing for the sync thread: sync `account` (0: every one), having first
    /// subscribed to `url` there when it is set.
    struct Job {
        qint64 account = 0;
        QString url;
        QString folder;
        bool operator==(const Job&) const = default;
    };
    void start(const Job& job);

    QList<Job> m_waiting; ///< asked while one ran
    int m_added = 0;
    int m_failed = 0;
};

} // namespace broadsheet::ui
