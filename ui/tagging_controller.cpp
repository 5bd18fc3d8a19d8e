// SPDX-License-Identifier: GPL-3.0-or-later
#include "tagging_controller.h"

#include "library_worker.h"
#include "store/library_writer.h"
#include "tagging/tagging_pass.h"

namespace broadsheet::ui {

TaggingController::TaggingController(core::LibraryWriter& writer, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_worker(new LibraryWorker(writer.path(), LibraryWorker::Policy::Queue, this,
                                 LibraryWorker::Priority::Background))
{
    connect(m_worker, &LibraryWorker::failed, this, &TaggingController::failed);
}

TaggingController::~TaggingController()
{
    m_worker->cancel();
    m_worker->wait();
}

bool TaggingController::isRunning() const
{
    return m_worker->isBusy();
}

void TaggingController::wait()
{
    m_worker->wait();
}

void TaggingController::start()
{
    if (m_paused)
        return;
    if (m_worker->isBusy()) {
        m_again = true; // what arrived meanwhile waits for the next pass
        return;
    }
    m_worker->start(
        [this](core::ArticleStore& reader, std::stop_token stop) -> LibraryWorker::Delivery {
            core::TaggingPass pass(m_writer, reader);
            pass.setProgressCallback([this](const core::TaggingProgress& p) {
                Q_EMIT progress(p.done, p.total); // queued to the GUI thread
            });
            auto tagged = pass.run(stop);
            const bool stopped = stop.stop_requested();
            return [this, tagged = std::move(tagged), stopped] {
                if (!tagged) {
                    if (!tagged.error().cancelled)
                        Q_EMIT failed(tagged.error().message);
                    return;
                }
                Q_EMIT finished(*tagged, stopped);
                if (m_again && !m_paused) {
                    m_again = false;
                    start();
                }
            };
        });
}

void TaggingController::pause()
{
    m_paused = true;
    m_worker->cancel();
}

void TaggingController::resume()
{
    m_paused = false;
    start();
}

} // namespace broadsheet::ui
