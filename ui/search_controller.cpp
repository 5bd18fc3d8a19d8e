// SPDX-License-Identifier: GPL-3.0-or-later
#include "search_controller.h"

#include "library_worker.h"
#include "store/article_store.h"

namespace broadsheet::ui {

SearchController::SearchController(QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_worker(new LibraryWorker(std::move(libraryPath), LibraryWorker::Policy::LatestOnly, this))
{
    connect(m_worker, &LibraryWorker::failed, this,
            [this](const QString& message) { Q_EMIT failed(QString(), message); });
}

SearchController::~SearchController()
{
    m_worker->cancel();
    m_worker->wait();
}

bool SearchController::isRunning() const
{
    return m_worker->isBusy();
}

void SearchController::start(const QString& query, ListOrder order)
{
    m_worker->start([this, query, order](core::ArticleStore& reader,
                                         std::stop_token stop) -> LibraryWorker::Delivery {
        core::SearchRequest request;
        request.query = query;
        request.sort = order.sort; // relevance without words is newest first
        request.reversed = order.reversed;
        request.group = order.grouped;
        request.limit = 0;
        request.allIds = true;
        request.facets = core::SearchRequest::kMonths; // the timeline; the sidebar counts its own
        auto results = core::Searcher(reader.database()).search(request, stop);
        if (!results && results.error().cancelled)
            return {};
        return [this, query, results = std::move(results)] {
            if (results)
                Q_EMIT finished(query, *results);
            else
                Q_EMIT failed(query, results.error().message);
        };
    });
}

} // namespace broadsheet::ui
