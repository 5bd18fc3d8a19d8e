// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importing/import_report.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <stop_token>

namespace broadsheet::core {
class LibraryWriter;
}

namespace broadsheet::ui {

/// Runs an import off the GUI thread, its batches written by the library's writer, and
/// reports progress and the result through queued signals. Used by MainWindow's File menu,
/// drops and the first-run sample library.
class ImportController final : public QObject {
    Q_OBJECT
public:
    explicit ImportController(core::LibraryWriter& writer, QObject* parent = nullptr);
    ~ImportController() override;

    bool isRunning() const;
    /// Starts importing; returns false when an import is already running.
    bool start(const QStringList& paths);
    void cancel();
    /// Blocks until the running import ends (used at shutdown).
    void wait();

Q_SIGNALS:
    void progress(const broadsheet::core::ImportProgress& progress);
    void finished(const broadsheet::core::ImportReport& report);
    void failed(const QString& message);

private:
    struct Outcome {
        core::ImportReport report;
        QString error;
    };

    core::LibraryWriter& m_writer;
    QFutureWatcher<Outcome> m_watcher;
    std::stop_source m_stop;
};

} // namespace broadsheet::ui
