// SPDX-License-Identifier: GPL-3.0-or-later
#include "search_controller.h"

#include "store/article_store.h"

#include <QtConcurrent>

namespace broadsheet::ui {

SearchController::SearchController(QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_libraryPath(std::move(libraryPath))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        if (m_hasPending) { // superseded while it ran: run the newest query instead
            m_hasPending = false;
            launch(m_pending, m_pendingOrder);
            return;
        }
        if (outcome.cancelled)
            return;
        if (outcome.error.isEmpty())
            Q_EMIT finished(outcome.query, outcome.results);
        else
            Q_EMIT failed(outcome.query, outcome.error);
    });
}

SearchController::~SearchController()
{
    m_stop.request_stop();
    m_watcher.waitForFinished();
}

bool SearchController::isRunning() const
{
    return m_watcher.isRunning() || m_hasPending;
}

void SearchController::start(const QString& query, ListOrder order)
{
    if (m_watcher.isRunning()) {
        m_stop.request_stop();
        m_pending = query;
        m_pendingOrder = order;
        m_hasPending = true;
        return;
    }
    launch(query, order);
}

void SearchController::launch(const QString& query, ListOrder order)
{
    m_stop = std::stop_source();
    const std::stop_token stop = m_stop.get_token();
    m_watcher.setFuture(QtConcurrent::run([query, order, stop, library = m_libraryPath] {
        Outcome outcome;
        outcome.query = query;
        auto store = core::ArticleStore::open(library, core::ArticleStore::OpenMode::OpenExisting);
        if (!store) {
            outcome.error = store.error().message;
            return outcome;
        }
        core::SearchRequest request;
        request.query = query;
        request.sort = order.sort; // relevance without words is newest first
        request.reversed = order.reversed;
        request.limit = 0;
        request.allIds = true;
        request.facets = true; // months for the timeline
        core::Searcher searcher((*store)->database());
        auto results = searcher.search(request, stop);
        if (results)
            outcome.results = std::move(*results);
        else if (results.error().cancelled)
            outcome.cancelled = true;
        else
            outcome.error = results.error().message;
        return outcome;
    }));
}

} // namespace broadsheet::ui
