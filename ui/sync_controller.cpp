// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync_controller.h"

#include "store/article_store.h"
#include "store/library_writer.h"
#include "sync/credentials.h"
#include "sync/http_client.h"
#include "sync/sync_backend.h"
#include "sync/sync_engine.h"

#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

namespace broadsheet::ui {

/// The sync thread's half: the HTTP client (QNetworkAccessManager waits in its own event
/// loop here), the backend and the engine. What it tells the controller goes as a queued
/// call to the GUI thread.
class SyncWorker final : public QObject {
public:
    SyncWorker(core::LibraryWriter& writer, SyncController* controller)
        : m_writer(writer)
        , m_controller(controller)
    {
    }

    /// Syncs `accountId` (0: every account), one after another; subscribes to `url` on it
    /// first when that is set, and syncs only when the server took it.
    void run(qint64 accountId, const QString& url, const QString& folder,
             const std::stop_token& stop)
    {
        auto accounts = m_writer.call<QList<core::SyncAccount>>(
            [](core::ArticleStore& store) { return store.accounts(); });
        if (!accounts) {
            tell([c = m_controller, e = accounts.error().message] {
                Q_EMIT c->accountSynced({}, 0, e, {});
            });
            return;
        }
        for (const core::SyncAccount& account : *accounts) {
            if (accountId != 0 && account.id != accountId)
                continue;
            if (stop.stop_requested())
                return;
            if (!url.isEmpty()) {
                const QString error = subscribeOne(account, url, folder, stop);
                tell([c = m_controller, account, url, error] {
                    Q_EMIT c->subscribed(account, url, error);
                });
                if (!error.isEmpty())
                    continue;
            }
            tell([c = m_controller, account] { Q_EMIT c->started(account); });
            int added = 0;
            QStringList refused;
            const QString error = syncOne(account, stop, added, refused);
            tell([c = m_controller, account, added, error, refused] {
                Q_EMIT c->accountSynced(account, added, error, refused);
            });
        }
    }

private:
    QString subscribeOne(const core::SyncAccount& account, const QString& url,
                         const QString& folder, const std::stop_token& stop)
    {
        core::HttpClient http;
        auto backend = backendFor(account, http);
        if (!backend)
            return backend.error().message;
        auto added = (*backend)->subscribe(url, folder, stop);
        return added ? QString() : added.error().message;
    }

    static core::Result<std::unique_ptr<core::SyncBackend>>
    backendFor(const core::SyncAccount& account, core::HttpClient& http)
    {
        auto password = core::credentials::load(account);
        if (!password)
            return password.error();
        auto backend = core::SyncBackend::create(
            core::AccountSettings{account.kind, QUrl(account.url), account.user, *password}, http);
        if (!backend)
            return core::Error(
                SyncController::tr("This Broadsheet cannot sync '%1' accounts.").arg(account.kind));
        return backend;
    }

    QString syncOne(const core::SyncAccount& account, const std::stop_token& stop, int& added,
                    QStringList& refused)
    {
        core::HttpClient http;
        auto backend = backendFor(account, http);
        if (!backend)
            return backend.error().message;
        core::SyncEngine::Options options;
        options.progress = [this, account](int received) {
            tell([c = m_controller, account, received] { Q_EMIT c->progress(account, received); });
        };
        core::LibraryWriter& writer = m_writer;
        core::SyncEngine engine(
            [&writer](const core::SyncEngine::StoreCommand& command) {
                return writer.run(command, core::LibraryWriter::Kind::Interactive);
            },
            **backend, std::move(options));
        auto report = engine.run(account, stop);
        if (!report)
            return report.error().cancelled ? QString() : report.error().message;
        added = report->added;
        refused = report->refused;
        return {};
    }

    template <typename F>
    void tell(F&& call)
    {
        QMetaObject::invokeMethod(m_controller, std::forward<F>(call), Qt::QueuedConnection);
    }

    core::LibraryWriter& m_writer;
    SyncController* m_controller;
};

SyncController::SyncController(core::LibraryWriter& writer, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_schedule(new QTimer(this))
    , m_firstLook(new QTimer(this))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker = new SyncWorker(m_writer, this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    connect(m_schedule, &QTimer::timeout, this, [this] { sync(); });
    m_firstLook->setSingleShot(true);
    connect(m_firstLook, &QTimer::timeout, this, [this] { sync(); });
    connect(this, &SyncController::accountSynced, this,
            [this](const core::SyncAccount&, int added, const QString& error, const QStringList&) {
                m_added += added;
                m_failed += !error.isEmpty();
            });
}

SyncController::~SyncController()
{
    m_stop.request_stop();
    m_thread.quit();
    m_thread.wait();
}

void SyncController::setSchedule(int intervalMs, int firstMs)
{
    m_firstLook->stop();
    m_schedule->stop();
    if (intervalMs <= 0)
        return;
    m_schedule->start(intervalMs);
    if (firstMs > 0)
        m_firstLook->start(firstMs);
}

void SyncController::sync(qint64 account)
{
    if (m_running) {
        const bool asked =
            std::any_of(m_waiting.cbegin(), m_waiting.cend(), [account](const Job& j) {
                return j.url.isEmpty() && (j.account == account || j.account == 0);
            });
        if (!asked)
            m_waiting.append(Job{account, {}, {}});
        return;
    }
    start(Job{account, {}, {}});
}

void SyncController::subscribe(qint64 account, const QString& url, const QString& folder)
{
    const Job job{account, url, folder};
    if (m_running) {
        if (!m_waiting.contains(job))
            m_waiting.append(job);
        return;
    }
    start(job);
}

void SyncController::start(const Job& job)
{
    m_running = true;
    m_added = m_failed = 0;
    m_stop = std::stop_source();
    const std::stop_token stop = m_stop.get_token();
    QPointer<SyncController> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job, stop, self] {
            worker->run(job.account, job.url, job.folder, stop);
            QMetaObject::invokeMethod(
                self.data(),
                [self] {
                    if (self)
                        self->runNext();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncController::runNext()
{
    m_running = false;
    if (!m_waiting.isEmpty()) {
        const int added = m_added;
        const int failed = m_failed;
        start(m_waiting.takeFirst());
        m_added += added;
        m_failed += failed;
        return;
    }
    Q_EMIT finished(m_added, m_failed);
}

void SyncController::cancel()
{
    m_waiting.clear();
    m_stop.request_stop();
}

void SyncController::test(const QString& kind, const QUrl& url, const QString& user,
                          const QString& password)
{
    // On a pool thread, not the sync's: a test answers while a long first sync runs.
    QPointer<SyncController> self(this);
    QThreadPool::globalInstance()->start(
        [settings = core::AccountSettings{kind, url, user, password}, self] {
            core::HttpClient http;
            auto backend = core::SyncBackend::create(settings, http);
            QString error;
            if (!backend)
                error = tr("This Broadsheet cannot sync '%1' accounts.").arg(settings.kind);
            else if (auto login = backend->login(); !login)
                error = login.error().message;
            QMetaObject::invokeMethod(
                self.data(),
                [self, error] {
                    if (self)
                        Q_EMIT self->tested(error);
                },
                Qt::QueuedConnection);
        });
}

} // namespace broadsheet::ui
