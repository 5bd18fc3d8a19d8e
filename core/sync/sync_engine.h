// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "result.h"

#include <QStringList>

#include <functional>
#include <stop_token>
#include <type_traits>

// One sync of an account: the changes made here first (in the order made), then the
// server's subscriptions, its items (a first sync page by page, resumable where it was cut
// short; later ones what changed since), and the read and starred state of every synced
// story. Runs where the store is written (the CLI's thread, the writer's).
namespace broadsheet::core {

class ArticleStore;
class SyncBackend;

struct SyncReport {
    int feeds = 0;           ///< subscriptions the server lists
    int added = 0;           ///< stories new to the library
    int updated = 0;         ///< stories the server changed, changed here
    int received = 0;        ///< items the server sent
    int pushed = 0;          ///< changes made here that reached the server
    qint64 flagsChanged = 0; ///< stories whose read or starred state the server changed
    int requests = 0;        ///< HTTP requests made
    bool complete = true;    ///< false: stopped part way (a first sync goes on next time)
    /// Changes made here that the server's API cannot make (TT-RSS renaming a feed): each
    /// says what stays here only. They leave the queue; the sync goes on.
    QStringList refused;
};

class SyncEngine {
public:
    struct Options {
        int pageSize = 500;    ///< items per request
        int maxPages = 100000; ///< a bound on one sync (a first sync of 10,000 is 20 pages)
        /// Called after each page of items is stored: received so far.
        std::function<void(int received)> progress;
    };

    /// A command on the library, and how the engine has one run: on the store itself (the
    /// CLI), or on the writer's thread, waited for (the window's sync thread: the network
    /// never holds the writer, and each step is a short write of its own).
    using StoreCommand = std::function<Result<void>(ArticleStore&)>;
    using StoreAccess = std::function<Result<void>(const StoreCommand&)>;

    SyncEngine(ArticleStore& store, SyncBackend& backend);
    SyncEngine(ArticleStore& store, SyncBackend& backend, Options options);
    SyncEngine(StoreAccess access, SyncBackend& backend, Options options);

    /// Syncs `account`. An error when the server refuses the account or does not answer,
    /// or the library cannot be written; what was stored before then stays, and the
    /// changes not yet sent stay queued. The account records how it ended.
    Result<SyncReport> run(SyncAccount account, const std::stop_token& stop = {});

private:
    Result<int> push(const SyncAccount& account, QStringList& refused, const std::stop_token& stop);
    /// Sends one change of a subscription (unsubscribe, rename, move, mark read).
    Result<void> pushFeedChange(const QueuedChange& change, const std::stop_token& stop);

    template <typename F>
    std::invoke_result_t<F, ArticleStore&> onStore(F&& command);

    StoreAccess m_access;
    SyncBackend& m_backend;
    Options m_options;
};

} // namespace broadsheet::core
