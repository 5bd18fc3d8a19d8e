// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <stop_token>

namespace broadsheet::core {
class ArticleStore;
}

namespace broadsheet::ui {

/// Runs the window's reads off the GUI thread: one job at a time on the thread pool, each
/// on the worker's own long-lived read connection (opened by the first job, kept until the
/// worker goes). A job returns what to do with its result on the GUI thread. With
/// LatestOnly, a new job stops the one running and replaces any queued: only the newest
/// result is delivered (search as you type, recounts). Used by the search, the sidebar's
/// counts, the story list's id loader, the tag manager, export and the tagging pass.
class LibraryWorker final : public QObject {
    Q_OBJECT
public:
    enum class Policy { Queue, LatestOnly };
    /// Background jobs (the tagging pass) run on core::backgroundPool(), below the window.
    enum class Priority { Normal, Background };
    /// Runs on the GUI thread, after the job.
    using Delivery = std::function<void()>;
    using Job = std::function<Delivery(core::ArticleStore& reader, std::stop_token stop)>;

    LibraryWorker(QString libraryPath, Policy policy, QObject* parent = nullptr,
                  Priority priority = Priority::Normal);
    ~LibraryWorker() override;

    void start(Job job);
    /// Stops the running job and forgets queued ones.
    void cancel();
    /// Blocks until the running job has ended (shutdown, tests).
    void wait();
    bool isBusy() const;

Q_SIGNALS:
    /// The library could not be opened for reading; the job did not run.
    void failed(const QString& message);
    /// Nothing runs or waits any more.
    void idle();

private:
    void launch(Job job);
    void onFinished();

    QString m_libraryPath;
    Policy m_policy;
    Priority m_priority;
    std::shared_ptr<std::unique_ptr<core::ArticleStore>> m_reader;
    QFutureWatcher<Delivery> m_watcher;
    std::stop_source m_stop;
    std::deque<Job> m_queue;
    bool m_running = false; ///< from launch until its delivery has run
};

} // namespace broadsheet::ui
