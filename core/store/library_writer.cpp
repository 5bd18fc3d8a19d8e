// SPDX-License-Identifier: GPL-3.0-or-later
#include "library_writer.h"

#include "background.h"
#include "backups.h"
#include "library_health.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace broadsheet::core {

Result<std::unique_ptr<LibraryWriter>> LibraryWriter::open(const QString& path,
                                                           ArticleStore::OpenMode mode)
{
    std::unique_ptr<LibraryWriter> writer(new LibraryWriter(path));
    std::promise<Result<void>> opened;
    auto ready = opened.get_future();
    writer->m_thread = std::thread([w = writer.get(), mode, &opened] { w->loop(mode, opened); });
    if (auto r = ready.get(); !r) {
        writer->m_thread.join();
        return r.error();
    }
    return writer;
}

LibraryWriter::LibraryWriter(QString path)
    : m_path(std::move(path))
{
}

LibraryWriter::~LibraryWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void LibraryWriter::post(Command command, Kind kind, Done done)
{
    enqueue(Item{std::move(command), kind, std::move(done), false});
}

void LibraryWriter::post(Command command, QObject* context, Done done, Kind kind)
{
    QPointer<QObject> guard(context);
    Done onContext = [guard, done = std::move(done)](const Result<void>& outcome) {
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, outcome] {
                if (guard && done)
                    done(outcome);
            },
            Qt::QueuedConnection);
    };
    enqueue(Item{std::move(command), kind, std::move(onContext), false});
}

Result<void> LibraryWriter::run(Command command, Kind kind)
{
    std::promise<Result<void>> promise;
    auto future = promise.get_future();
    enqueue(Item{std::move(command), kind,
                 [&promise](const Result<void>& outcome) { promise.set_value(outcome); }, false});
    return future.get();
}

Result<void> LibraryWriter::flush()
{
    std::promise<Result<void>> promise;
    auto future = promise.get_future();
    enqueue(Item{{},
                 Kind::Bulk,
                 [&promise](const Result<void>& outcome) { promise.set_value(outcome); },
                 true});
    return future.get();
}

void LibraryWriter::setExternalChangeCallback(std::function<void()> callback)
{
    const std::lock_guard lock(m_mutex);
    m_externalChange = std::move(callback);
}

void LibraryWriter::setWaitingCallback(Database::WaitingCallback callback)
{
    const std::lock_guard lock(m_mutex);
    m_waiting = std::move(callback);
}

void LibraryWriter::enqueue(Item item)
{
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(item));
    }
    m_wake.notify_one();
}

// Every commit that changed something counts itself in settings 'changes', in the same
// transaction: the daily backup is skipped when the count is the newest backup's.
Result<void> LibraryWriter::countChanges()
{
    Database& db = m_store->database();
    if (db.totalChanges() == m_countedChanges)
        return {};
    auto r = db.exec("INSERT INTO settings(key, value) VALUES ('changes', 1) ON CONFLICT(key) "
                     "DO UPDATE SET value = CAST(value AS INTEGER) + 1");
    m_countedChanges = db.totalChanges();
    return r;
}

Result<void> LibraryWriter::commitBulk()
{
    if (!m_bulk)
        return {};
    if (auto counted = countChanges(); !counted) {
        m_bulk.reset();
        return counted;
    }
    auto r = m_bulk->commit();
    m_bulk.reset(); // a failed commit rolls back
    if (r)
        ++m_commits;
    return r;
}

// Another connection's commit changes this connection's data_version, and only another's:
// the writer's own commits leave it as it was. So a change here is another process.
void LibraryWriter::watchOtherWriters()
{
    auto version = m_store->database().dataVersion();
    if (!version)
        return;
    const bool changed = m_dataVersion >= 0 && *version != m_dataVersion;
    m_dataVersion = *version;
    if (!changed)
        return;
    std::function<void()> notify;
    {
        const std::lock_guard lock(m_mutex);
        notify = m_externalChange;
    }
    if (notify)
        notify();
}

// The one connection that writes never writes to a library it cannot trust: one opened
// read-only, one found damaged before (its mark stays until a check finds it sound), or
// one that fails SQLite's quick check now. The check is bounded: a large library is
// checked as far as kStartCheckMs reaches; the window checks all of it in the background.
Result<void> LibraryWriter::refuseUnsafe(ArticleStore& store)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    if (store.readOnly()) {
        return Error{ErrorCode::ReadOnly,
                     QStringLiteral("%1: the library is read-only (the file or its folder "
                                    "cannot be written): reading, search and export work, "
                                    "changes cannot be saved")
                         .arg(shown)};
    }
    if (const QString mark = library_health::damageMark(m_path); !mark.isEmpty()) {
        return Error{ErrorCode::Damaged,
                     QStringLiteral("%1: the library was found damaged, and Broadsheet will "
                                    "not write to it until 'broadsheet-cli check' finds it "
                                    "sound (%2)")
                         .arg(shown, mark)};
    }
    auto check =
        library_health::quickCheck(store.database(), std::chrono::milliseconds(kStartCheckMs));
    if (!check)
        return check.error();
    if (!check->problems.isEmpty()) {
        const QString what = check->problems.first();
        library_health::markDamaged(m_path, what);
        return Error{ErrorCode::Damaged,
                     QStringLiteral("%1: the library is damaged (%2). Broadsheet will not "
                                    "write to it; broadsheet-cli backups lists the backups to "
                                    "restore, and export still saves what can be read")
                         .arg(shown, what)};
    }
    return {};
}

void LibraryWriter::loop(ArticleStore::OpenMode mode, std::promise<Result<void>>& opened)
{
    // Storing yields to the window's thread; a user's own change is a short command that
    // waits for no more than the batch in progress either way.
    runThisThreadInBackground();
    {
        auto store = ArticleStore::open(m_path, mode);
        if (!store) {
            opened.set_value(store.error());
            return;
        }
        if (auto safe = refuseUnsafe(**store); !safe) {
            opened.set_value(safe.error());
            return;
        }
        m_store = std::move(*store);
        m_store->database().setWaitingCallback([this](const QString& message) {
            Database::WaitingCallback waiting;
            {
                const std::lock_guard lock(m_mutex);
                waiting = m_waiting;
            }
            if (waiting)
                waiting(message);
            else
                qCInfo(lcStore).noquote() << message;
        });
        watchOtherWriters();
        m_countedChanges = m_store->database().totalChanges();
        opened.set_value(Result<void>());
    }
    // Once a day, when something changed: before the first command, on this connection,
    // so no write can come between the backup's pages.
    if (auto daily = backups::makeDailyIfDue(*m_store); !daily)
        qCWarning(lcStore).noquote() << daily.error().message;
    else if (!daily->isEmpty())
        qCDebug(lcStore).noquote() << "backed up to" << *daily;

    QElapsedTimer bulkAge;
    QElapsedTimer sinceWatch;
    sinceWatch.start();
    for (;;) {
        Item item;
        {
            std::unique_lock lock(m_mutex);
            const int waitMs = m_bulk ? kIdleCommitMs : kWatchMs;
            const bool woken = m_wake.wait_for(lock, std::chrono::milliseconds(waitMs),
                                               [this] { return !m_queue.empty() || m_stopping; });
            if (!woken || m_queue.empty()) {
                lock.unlock();
                if (m_bulk) { // idle: make the bulk work durable
                    if (auto r = commitBulk(); !r)
                        qCWarning(lcStore).noquote() << r.error().message;
                }
                if (m_stopping)
                    break;
                if (sinceWatch.elapsed() >= kWatchMs) {
                    watchOtherWriters();
                    sinceWatch.restart();
                }
                continue;
            }
            item = std::move(m_queue.front());
            m_queue.pop_front();
        }

        Result<void> outcome;
        if (item.flush) {
            outcome = commitBulk();
        } else if (item.kind == Kind::Interactive) {
            outcome = commitBulk();
            if (outcome) {
                auto transaction = Transaction::begin(m_store->database());
                if (!transaction) {
                    outcome = transaction.error();
                } else {
                    outcome = item.command(*m_store);
                    if (outcome)
                        outcome = countChanges();
                    if (outcome) {
                        outcome = transaction->commit();
                        if (outcome)
                            ++m_commits;
                    }
                    // otherwise the transaction rolls back as it goes
                }
            }
        } else {
            if (!m_bulk) {
                auto transaction = Transaction::begin(m_store->database());
                if (transaction) {
                    m_bulk.emplace(std::move(*transaction));
                    bulkAge.start();
                } else {
                    outcome = transaction.error();
                }
            }
            if (m_bulk) {
                outcome = item.command(*m_store);
                if (!outcome)
                    m_bulk.reset(); // what this transaction held rolls back with it
                else if (bulkAge.elapsed() >= kBulkCommitMs)
                    outcome = commitBulk();
            }
        }
        if (item.done)
            item.done(outcome);
        if (sinceWatch.elapsed() >= kWatchMs && !m_bulk) {
            watchOtherWriters();
            sinceWatch.restart();
        }
    }
    if (auto r = commitBulk(); !r)
        qCWarning(lcStore).noquote() << r.error().message;
    m_store.reset();
}

} // namespace broadsheet::core
