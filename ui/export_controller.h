// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/export_job.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>
#include <stop_token>

namespace broadsheet::ui {

/// Runs an export off the GUI thread, with its own connection to the library: the text
/// formats through core::ExportJob, PDF through exportPdf(). Reports progress and the
/// result through queued signals; cancel() leaves nothing written. Used by MainWindow.
class ExportController final : public QObject {
    Q_OBJECT
public:
    explicit ExportController(QString libraryPath, QObject* parent = nullptr);
    ~ExportController() override;

    bool isRunning() const;
    /// `format` is an export_format name or "pdf"; no ids means the whole library, newest
    /// first, listed on the worker. Returns false while one is running.
    bool start(const std::optional<QList<core::ArticleId>>& ids, const QString& format,
               const QString& destination, bool replace);
    void cancel();
    void wait();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const broadsheet::core::ExportReport& report);
    void failed(const QString& message, bool cancelled);

private:
    struct Outcome {
        core::ExportReport report;
        core::Error error;
        bool ok = false;
    };
    QString m_libraryPath;
    QFutureWatcher<Outcome> m_watcher;
    std::stop_source m_stop;
};

} // namespace broadsheet::ui
