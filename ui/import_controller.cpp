// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_controller.h"

#include "importing/import_job.h"
#include "store/library_writer.h"

#include <QtConcurrent>

namespace broadsheet::ui {

ImportController::ImportController(core::LibraryWriter& writer, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        if (outcome.error.isEmpty())
            Q_EMIT finished(outcome.report);
        else
            Q_EMIT failed(outcome.error);
    });
}

ImportController::~ImportController()
{
    cancel();
    wait();
}

bool ImportController::isRunning() const
{
    return m_watcher.isRunning();
}

bool ImportController::start(const QStringList& paths)
{
    if (isRunning())
        return false;
    m_stop = std::stop_source();
    const std::stop_token stop = m_stop.get_token();
    // Files are read and parsed on the pool; the writer stores each batch between the
    // window's own commands.
    m_watcher.setFuture(QtConcurrent::run([this, paths, stop] {
        Outcome outcome;
        core::ImportJob job(m_writer);
        job.setProgressCallback([this](const core::ImportProgress& p) { Q_EMIT progress(p); });
        auto report = job.run(paths, stop);
        if (report)
            outcome.report = *report;
        else
            outcome.error = report.error().message;
        return outcome;
    }));
    return true;
}

void ImportController::cancel()
{
    m_stop.request_stop();
}

void ImportController::wait()
{
    m_watcher.waitForFinished();
}

} // namespace broadsheet::ui
