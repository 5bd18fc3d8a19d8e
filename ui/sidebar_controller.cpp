// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidebar_controller.h"

#include "library_worker.h"
#include "sidebar.h"
#include "store/article_store.h"
#include "store/library_writer.h"

#include <memory>
#include <utility>

namespace broadsheet::ui {

SidebarController::SidebarController(Sidebar* sidebar, core::LibraryWriter* writer,
                                     const QString& libraryPath, QObject* parent)
    : QObject(parent)
    , m_sidebar(sidebar)
    , m_writer(writer)
    , m_worker(new LibraryWorker(libraryPath, LibraryWorker::Policy::LatestOnly, this))
{
    connect(m_worker, &LibraryWorker::failed, this, &SidebarController::failed);
}

SidebarController::~SidebarController()
{
    cancel();
}

void SidebarController::cancel()
{
    m_worker->cancel();
    m_worker->wait();
}

bool SidebarController::isCurrent() const
{
    return !m_barrier && !m_worker->isBusy() && !m_deferred;
}

void SidebarController::startDeferred()
{
    if (!m_deferred)
        return;
    m_deferred = false;
    refresh();
}

void SidebarController::flagsChanged(qint64 unreadDelta, qint64 starredDelta)
{
    // Remembered until a recount that includes it shows.
    m_deltas.append({++m_seq, unreadDelta, starredDelta});
    m_sidebar->adjustFlagCounts(unreadDelta, starredDelta);
}

void SidebarController::refresh()
{
    if (m_deferred)
        return; // the first count will see this change too
    if (m_barrier) {
        m_again = true; // the barrier waiting was posted before this change
        return;
    }
    const quint64 counted = m_seq;
    auto flags = std::make_shared<core::LibraryOverview>();
    if (!m_writer) {
        count(counted, nullptr);
        return;
    }
    m_barrier = true;
    m_writer->post(
        [flags](core::ArticleStore& store) -> core::Result<void> {
            auto counts = store.flagCounts();
            if (!counts)
                return counts.error();
            flags->unread = counts->unread;
            flags->starred = counts->starred;
            return {};
        },
        this,
        [this, counted, flags](const core::Result<void>& outcome) {
            m_barrier = false;
            if (std::exchange(m_again, false)) {
                refresh(); // one barrier after every change asked for
                return;
            }
            count(counted, outcome ? flags : nullptr);
        });
}

void SidebarController::count(quint64 counted, const std::shared_ptr<core::LibraryOverview>& flags)
{
    m_worker->start([this, counted, flags](core::ArticleStore& reader,
                                           std::stop_token) -> LibraryWorker::Delivery {
        auto overview = reader.overview();
        return [this, counted, flags, overview = std::move(overview)]() mutable {
            if (!overview) {
                Q_EMIT failed(overview.error().message);
                return;
            }
            if (flags) {
                m_deltas.removeIf(
                    [counted](const FlagDelta& delta) { return delta.seq <= counted; });
                overview->unread = flags->unread;
                overview->starred = flags->starred;
                for (const FlagDelta& delta : std::as_const(m_deltas)) {
                    overview->unread += delta.unread;
                    overview->starred += delta.starred;
                }
            }
            m_sidebar->setOverview(*overview);
            Q_EMIT refreshed(*overview);
        };
    });
}

} // namespace broadsheet::ui
