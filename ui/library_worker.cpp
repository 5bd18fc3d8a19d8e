// SPDX-License-Identifier: GPL-3.0-or-later
#include "library_worker.h"

#include "background.h"
#include "store/article_store.h"

#include <QtConcurrent>

namespace broadsheet::ui {

LibraryWorker::LibraryWorker(QString libraryPath, Policy policy, QObject* parent, Priority priority)
    : QObject(parent)
    , m_libraryPath(std::move(libraryPath))
    , m_policy(policy)
    , m_priority(priority)
    , m_reader(std::make_shared<std::unique_ptr<core::ArticleStore>>())
{
    connect(&m_watcher, &QFutureWatcher<Delivery>::finished, this, &LibraryWorker::onFinished);
}

LibraryWorker::~LibraryWorker()
{
    cancel();
    wait();
}

void LibraryWorker::start(Job job)
{
    if (!m_running) {
        launch(std::move(job));
        return;
    }
    if (m_policy == Policy::LatestOnly) {
        m_stop.request_stop();
        m_queue.clear();
    }
    m_queue.push_back(std::move(job));
}

void LibraryWorker::cancel()
{
    m_queue.clear();
    m_stop.request_stop();
}

void LibraryWorker::wait()
{
    m_watcher.waitForFinished();
}

bool LibraryWorker::isBusy() const
{
    return m_running || !m_queue.empty();
}

void LibraryWorker::launch(Job job)
{
    m_stop = std::stop_source();
    m_running = true;
    // The connection is used by one job at a time (SQLite's multi-thread mode allows a
    // connection to move between threads so), and lives as long as the worker.
    const bool background = m_priority == Priority::Background;
    QThreadPool* pool = background ? &core::backgroundPool() : QThreadPool::globalInstance();
    m_watcher.setFuture(QtConcurrent::run(
        pool,
        [reader = m_reader, library = m_libraryPath, job = std::move(job),
         stop = m_stop.get_token(), self = QPointer<LibraryWorker>(this),
         background]() -> Delivery {
            if (background)
                core::runThisThreadInBackground();
            if (!*reader) {
                auto opened =
                    core::ArticleStore::open(library, core::ArticleStore::OpenMode::OpenExisting);
                if (!opened) {
                    const QString message = opened.error().message;
                    return [self, message] {
                        if (self)
                            Q_EMIT self->failed(message);
                    };
                }
                *reader = std::move(*opened);
            }
            return job(**reader, stop);
        }));
}

void LibraryWorker::onFinished()
{
    const bool superseded = m_policy == Policy::LatestOnly && !m_queue.empty();
    Delivery deliver = m_watcher.future().isValid() ? m_watcher.result() : Delivery();
    m_running = false;
    if (!superseded && deliver)
        deliver();
    if (!m_running && !m_queue.empty()) { // the delivery may have started another
        Job next = std::move(m_queue.front());
        m_queue.pop_front();
        launch(std::move(next));
        return;
    }
    if (!m_running)
        Q_EMIT idle();
}

} // namespace broadsheet::ui
