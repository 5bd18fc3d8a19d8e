// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feeds/feed_refresh.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QThread>

#include <functional>

class QTimer;

namespace broadsheet::core {
class LibraryWriter;
}

namespace broadsheet::ui {

class FeedRefreshWorker;

/// Keeps the window's subscriptions fresh. The fetching (FeedFetcher: QNetworkAccessManager)
/// and the parsing run on a thread of their own with its own read connection; each feed's
/// stories and state go to the library through the writer, so neither the network nor the
/// parser ever holds the GUI thread. Refreshes what is due once a minute, and so catches up
/// after the computer slept (the schedule is wall-clock time, kept in the library).
class FeedRefreshController final : public QObject {
    Q_OBJECT
public:
    /// What to refresh: every subscription, those named, or those due.
    enum class Scope { All, Due, Named };

    FeedRefreshController(core::LibraryWriter& writer, QString libraryPath,
                          QObject* parent = nullptr);
    ~FeedRefreshController() override; ///< what runs is cancelled

    /// Refreshes subscriptions (`ids` for Named); those already being fetched are skipped.
    /// A gone feed is asked only when named.
    void refresh(Scope scope, const QList<qint64>& ids = {});
    /// Stops what runs and waits; what was already stored stays.
    void cancel();
    bool isRunning() const { return m_total > m_done; }
    /// Checks what is due after `firstMs`, then every `intervalMs` (0: never; the window
    /// looks a few seconds after it opens, then every minute).
    void setSchedule(int intervalMs, int firstMs = 0);
    /// The clock (tests set it); UTC.
    void setClock(std::function<QDateTime()> now);

Q_SIGNALS:
    /// `done` of `total` feeds answered and stored in this round.
    void progress(int done, int total);
    /// One feed refreshed and stored (or failed: `update.kind`, `update.error`).
    void feedRefreshed(const broadsheet::core::FeedUpdate& update);
    /// The round is over: how many feeds were asked, how many new stories, how many failed.
    void finished(int refreshed, int added, int failed);
    /// The library could not be read or written.
    void problem(const QString& message);

private:
    void onFetched(const broadsheet::core::PreparedFetch& prepared);

    core::LibraryWriter& m_writer;
    QThread m_thread;
    FeedRefreshWorker* m_worker = nullptr; ///< lives on m_thread
    QTimer* m_schedule = nullptr;
    QTimer* m_firstLook = nullptr;
    std::function<QDateTime()> m_now;
    QSet<qint64> m_inFlight;
    int m_done = 0;
    int m_total = 0;
    int m_added = 0;
    int m_failed = 0;
};

} // namespace broadsheet::ui
