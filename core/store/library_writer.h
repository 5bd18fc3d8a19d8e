// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "store/article_store.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

class QObject;

namespace broadsheet::core {

/// The one writer of a library in a process: a thread that owns the only write connection
/// and applies queued commands in order. The window, the import and tagging jobs and the
/// CLI hand it every change; nothing else writes, so the GUI thread never waits on a lock.
///
/// Commit cadence: a bulk command (an import batch, a tagging chunk) joins a transaction that
/// commits every kBulkCommitMs, or when the queue has been idle for kIdleCommitMs: few, large
/// commits keep FTS5's segments few and write a page that many changes share once, not once
/// per change. An interactive command (a click: read, star, tag)
/// first commits what bulk work is open, then runs in a transaction of its own that commits
/// at once, so it is durable within a batch's time, also in the middle of an import.
class LibraryWriter final {
public:
    enum class Kind { Interactive, Bulk };
    using Command = std::function<Result<void>(ArticleStore& store)>;
    using Done = std::function<void(const Result<void>& outcome)>;

    static constexpr int kBulkCommitMs = 5000;
    static constexpr int kIdleCommitMs = 400;
    /// How often the idle writer asks SQLite whether another process wrote to the file.
    static constexpr int kWatchMs = 1000;
    /// How long opening may spend on SQLite's quick check before the first write.
    static constexpr int kStartCheckMs = 500;

    /// Opens (creating and migrating as asked) the library on the writer's thread.
    static Result<std::unique_ptr<LibraryWriter>> open(const QString& path,
                                                       ArticleStore::OpenMode mode);
    LibraryWriter(const LibraryWriter&) = delete;
    LibraryWriter& operator=(const LibraryWriter&) = delete;
    /// Runs what is queued, commits, and ends the thread.
    ~LibraryWriter();

    const QString& path() const { return m_path; }

    /// Queues a command; `done`, when given, is called on the writer's thread afterwards.
    void post(Command command, Kind kind = Kind::Interactive, Done done = {});
    /// The same, with `done` called on `context`'s thread (dropped when it is gone).
    void post(Command command, QObject* context, Done done, Kind kind = Kind::Interactive);
    /// Runs a command and waits for it (for jobs on worker threads and the CLI; never the
    /// GUI thread).
    Result<void> run(Command command, Kind kind = Kind::Interactive);
    /// Runs `command` and returns its value.
    template <typename T>
    Result<T> call(std::function<Result<T>(ArticleStore&)> command, Kind kind = Kind::Interactive)
    {
        std::optional<Result<T>> out;
        auto r = run(
            [&](ArticleStore& store) -> Result<void> {
                out.emplace(command(store));
                if (!out->ok())
                    return out->error();
                return {};
            },
            kind);
        if (!out)
            return r.error();
        return std::move(*out);
    }
    /// Commits what bulk work is open and waits until it is durable.
    Result<void> flush();

    /// Called on the writer's thread when another process has committed to the library.
    void setExternalChangeCallback(std::function<void()> callback);
    /// Called on the writer's thread when a write has waited a few seconds for another
    /// program's lock (Database::setWaitingCallback).
    void setWaitingCallback(Database::WaitingCallback callback);

    /// Transactions committed so far (tests and benchmarks).
    quint64 commits() const { return m_commits.load(); }

private:
    struct Item {
        Command command;
        Kind kind = Kind::Interactive;
        Done done;
        bool flush = false;
    };
    explicit LibraryWriter(QString path);
    void loop(ArticleStore::OpenMode mode, std::promise<Result<void>>& opened);
    Result<void> refuseUnsafe(ArticleStore& store);
    Result<void> countChanges();
    void enqueue(Item item);
    Result<void> commitBulk();
    void watchOtherWriters();

    QString m_path;
    std::unique_ptr<ArticleStore> m_store; ///< used on the writer's thread only
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
    std::function<void()> m_externalChange; ///< guarded by m_mutex
    Database::WaitingCallback m_waiting;    ///< guarded by m_mutex
    std::optional<Transaction> m_bulk;      ///< the open bulk transaction
    std::atomic<quint64> m_commits{0};
    qint64 m_countedChanges = 0; ///< totalChanges() after the last count (writer thread)
    qint64 m_dataVersion = -1;
    std::thread m_thread;
};

} // namespace broadsheet::core
