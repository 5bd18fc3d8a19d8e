// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_controller.h"

#include "importing/import_job.h"
#include "store/article_store.h"

#include <QtConcurrent>

namespace broadsheet::ui {

ImportController::ImportController(QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_libraryPath(std::move(libraryPath))
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
    // The worker opens its own connection: a SQLite handle is never shared between threads.
    m_watcher.setFuture(QtConcurrent::run([this, paths, stop, library = m_libraryPath] {
        Outcome outcome;
        auto store =
            core::ArticleStore::open(library, core::ArticleStore::OpenMode::CreateIfMissing);
        if (!store) {
            outcome.error = store.error().message;
            return outcome;
        }
        core::ImportJob job(**store);
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
