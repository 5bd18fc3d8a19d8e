// SPDX-License-Identifier: GPL-3.0-or-later
#include "export_controller.h"

#include "article_printer.h"
#include "store/article_store.h"

#include <QtConcurrent>

namespace broadsheet::ui {

ExportController::ExportController(QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_libraryPath(std::move(libraryPath))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        if (outcome.ok)
            Q_EMIT finished(outcome.report);
        else
            Q_EMIT failed(outcome.error.message, outcome.error.cancelled);
    });
}

ExportController::~ExportController()
{
    cancel();
    wait();
}

bool ExportController::isRunning() const
{
    return m_watcher.isRunning();
}

bool ExportController::start(const std::optional<QList<core::ArticleId>>& chosen,
                             const QString& format, const QString& destination, bool replace)
{
    if (isRunning())
        return false;
    m_stop = std::stop_source();
    const std::stop_token stop = m_stop.get_token();
    m_watcher.setFuture(QtConcurrent::run([this, chosen, format, destination, replace, stop,
                                           library = m_libraryPath] {
        Outcome outcome;
        auto store = core::ArticleStore::open(library, core::ArticleStore::OpenMode::OpenExisting);
        if (!store) {
            outcome.error = store.error();
            return outcome;
        }
        QList<core::ArticleId> ids;
        if (chosen) {
            ids = *chosen;
        } else if (auto every = (*store)->articleIds()) {
            ids = *every;
        } else {
            outcome.error = every.error();
            return outcome;
        }
        auto report = [this](const core::ExportProgress& p) {
            Q_EMIT progress(p.done, p.total);
        };
        core::Result<core::ExportReport> result = core::Error{};
        if (format == u"pdf") {
            result = exportPdf(**store, ids, destination, replace, stop, report);
        } else {
            core::ExportRequest request;
            request.ids = ids;
            request.format =
                core::export_format::fromName(format).value_or(core::ExportFormat::Markdown);
            request.destination = destination;
            request.replace = replace;
            core::ExportJob job(**store);
            job.setProgressCallback(report);
            result = job.run(request, stop);
        }
        if (result) {
            outcome.report = *result;
            outcome.ok = true;
        } else {
            outcome.error = result.error();
        }
        return outcome;
    }));
    return true;
}

void ExportController::cancel()
{
    m_stop.request_stop();
}

void ExportController::wait()
{
    m_watcher.waitForFinished();
}

} // namespace broadsheet::ui
