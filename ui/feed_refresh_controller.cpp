// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_refresh_controller.h"

#include "background.h"
#include "feeds/feed_fetcher.h"
#include "store/article_store.h"
#include "store/library_writer.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace broadsheet::ui {

/// The refresh thread's half: its own read connection, the fetcher, the parser. Everything
/// it tells the controller goes as a queued call to the GUI thread.
class FeedRefreshWorker final : public QObject {
public:
    FeedRefreshWorker(QString libraryPath, FeedRefreshController* controller)
        : m_libraryPath(std::move(libraryPath))
        , m_controller(controller)
    {
    }

    /// Picks what to fetch and fetches it; `picked` and `fetched` are called on the GUI
    /// thread (through the controller).
    void start(FeedRefreshController::Scope scope, const QList<qint64>& ids, const QDateTime& now,
               std::function<void(int)> picked,
               std::function<void(std::optional<core::PreparedFetch>)> fetched,
               std::function<void(QString)> problem)
    {
        if (!m_store) {
            // Fetching and parsing are work the user did not just ask for: below the window.
            core::runThisThreadInBackground();
            auto store =
                core::ArticleStore::open(m_libraryPath, core::ArticleStore::OpenMode::OpenExisting);
            if (!store) {
                tell([problem, message = store.error().message] { problem(message); });
                tell([picked] { picked(0); });
                return;
            }
            m_store = std::move(*store);
            m_fetcher = std::make_unique<core::FeedFetcher>();
        }
        auto states = m_store->subscriptionStates();
        if (!states) {
            tell([problem, message = states.error().message] { problem(message); });
            tell([picked] { picked(0); });
            return;
        }
        QList<core::SubscriptionState> chosen;
        for (const core::SubscriptionState& s : *states) {
            if (m_inFlight.contains(s.id))
                continue;
            const bool named = ids.contains(s.id);
            const bool pick = scope == FeedRefreshController::Scope::Named ? named
                              : scope == FeedRefreshController::Scope::All
                                  ? s.nextRefresh.isValid()
                                  : s.nextRefresh.isValid() && s.nextRefresh <= now;
            if (pick)
                chosen.append(s);
        }
        const int count = static_cast<int>(chosen.size());
        tell([picked, count] { picked(count); });
        for (const core::SubscriptionState& state : chosen) {
            m_inFlight.insert(state.id);
            m_fetcher->fetch(core::requestFor(state), [this, state, now,
                                                       fetched](const core::FetchResult& result) {
                m_inFlight.remove(state.id);
                if (result.cancelled) {
                    tell([fetched] { fetched(std::nullopt); });
                    return;
                }
                // Parsed and sanitised here, off the GUI thread and off the writer's.
                auto prepared =
                    std::make_shared<core::PreparedFetch>(core::prepareFetch(state, result, now));
                tell([fetched, prepared] { fetched(std::move(*prepared)); });
            });
        }
    }

    void cancelAll()
    {
        if (m_fetcher)
            m_fetcher->cancelAll();
    }

    /// Ends the fetcher and the connection on their own thread.
    void shutDown()
    {
        m_fetcher.reset();
        m_store.reset();
    }

private:
    template <typename F>
    void tell(F&& call)
    {
        QMetaObject::invokeMethod(m_controller, std::forward<F>(call), Qt::QueuedConnection);
    }

    QString m_libraryPath;
    FeedRefreshController* m_controller;
    std::unique_ptr<core::ArticleStore> m_store;
    std::unique_ptr<core::FeedFetcher> m_fetcher;
    QSet<qint64> m_inFlight;
};

FeedRefreshController::FeedRefreshController(core::LibraryWriter& writer, QString libraryPath,
                                             QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_schedule(new QTimer(this))
    , m_firstLook(new QTimer(this))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_thread.setObjectName(QStringLiteral("feed refresh"));
    m_worker = new FeedRefreshWorker(std::move(libraryPath), this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    connect(m_schedule, &QTimer::timeout, this, [this] { refresh(Scope::Due); });
    m_firstLook->setSingleShot(true);
    connect(m_firstLook, &QTimer::timeout, this, [this] { refresh(Scope::Due); });
}

FeedRefreshController::~FeedRefreshController()
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->cancelAll();
            worker->shutDown();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void FeedRefreshController::setSchedule(int intervalMs, int firstMs)
{
    m_firstLook->stop();
    m_schedule->stop();
    if (intervalMs <= 0)
        return;
    m_schedule->start(intervalMs);
    if (firstMs > 0)
        m_firstLook->start(firstMs);
}

void FeedRefreshController::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void FeedRefreshController::refresh(Scope scope, const QList<qint64>& ids)
{
    if (!isRunning()) {
        m_done = m_total = m_added = m_failed = 0;
    }
    QPointer<FeedRefreshController> self(this);
    auto picked = [self](int count) {
        if (!self)
            return;
        self->m_total += count;
        if (self->m_total == 0) {
            Q_EMIT self->finished(0, 0, 0);
            return;
        }
        Q_EMIT self->progress(self->m_done, self->m_total);
        if (self->m_done == self->m_total)
            Q_EMIT self->finished(self->m_total, self->m_added, self->m_failed);
    };
    auto fetched = [self](std::optional<core::PreparedFetch> prepared) {
        if (!self)
            return;
        if (!prepared) { // cancelled: nothing to store
            ++self->m_done;
            Q_EMIT self->progress(self->m_done, self->m_total);
            if (self->m_done == self->m_total)
                Q_EMIT self->finished(self->m_total, self->m_added, self->m_failed);
            return;
        }
        self->onFetched(*prepared);
    };
    auto problem = [self](const QString& message) {
        if (self)
            Q_EMIT self->problem(message);
    };
    const QDateTime now = m_now();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, scope, ids, now, picked, fetched, problem] {
            worker->start(scope, ids, now, picked, fetched, problem);
        },
        Qt::QueuedConnection);
}

void FeedRefreshController::cancel()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->cancelAll(); }, Qt::BlockingQueuedConnection);
}

void FeedRefreshController::onFetched(const core::PreparedFetch& prepared)
{
    auto update = std::make_shared<std::optional<core::FeedUpdate>>();
    const QDateTime now = m_now();
    m_writer.post(
        [prepared, update, now](core::ArticleStore& store) -> core::Result<void> {
            auto stored = core::storeFetch(store, prepared, now);
            if (!stored)
                return stored.error();
            update->emplace(std::move(*stored));
            return {};
        },
        this,
        [this, update](const core::Result<void>& outcome) {
            ++m_done;
            if (!outcome) {
                ++m_failed;
                Q_EMIT problem(outcome.error().message);
            } else if (*update) {
                const core::FeedUpdate& u = **update;
                m_added += u.added;
                if (u.kind == core::FeedUpdate::Kind::Failed ||
                    u.kind == core::FeedUpdate::Kind::Gone)
                    ++m_failed;
                Q_EMIT feedRefreshed(u);
            }
            Q_EMIT progress(m_done, m_total);
            if (m_done == m_total)
                Q_EMIT finished(m_total, m_added, m_failed);
        },
        // Each feed committed when stored: the list shows it at once, and a feed whose
        // storing fails takes no other feed's stories with it.
        core::LibraryWriter::Kind::Interactive);
}

} // namespace broadsheet::ui
