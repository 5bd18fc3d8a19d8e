// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "feeds/feed_fetcher.h"
#include "result.h"

#include <QDateTime>

#include <optional>

// What a fetch means for a subscription: its stories stored (each once), its state recorded,
// and when to ask next. Runs where the store is written (the CLI's thread, the writer).
namespace broadsheet::core {

class ArticleStore;
struct Feed;

struct FeedUpdate {
    enum class Kind { Fetched, NotModified, Gone, Deferred, Failed };
    Kind kind = Kind::Failed;
    int added = 0;      ///< stories new to the library
    int updated = 0;    ///< stories it had, which the feed changed: changed in place
    int known = 0;      ///< stories it had already, unchanged
    int deleted = 0;    ///< stories the user deleted, which the feed still offers
    qint64 removed = 0; ///< stories retention removed after storing
    QString error;      ///< for Failed, Gone and Deferred: what went wrong, where
    QString note;       ///< for Fetched: what was not as it should be (read leniently, cut short)
    SubscriptionState state; ///< as recorded
};

/// An hour, unless the user set another interval.
inline constexpr int kDefaultIntervalMinutes = 60;

/// When to ask again. The interval is the user's (or an hour), raised to what the feed
/// asks (ttl, sy:updatePeriod / updateFrequency, Cache-Control max-age: lower bounds, at most
/// a week), spread by up to a tenth so that feeds added together do not all fire together.
/// After a failure it doubles with each one in a row, up to a day.
QDateTime nextRefreshTime(const SubscriptionState& state, const Feed* feed,
                          std::optional<qint64> maxAgeSeconds, const QDateTime& now);

/// A fetch made ready to store: the feed parsed and its stories sanitised, off the writer's
/// thread. `update` holds the kind, error and the state to record.
struct PreparedFetch {
    FeedUpdate update;
    QList<Article> stories;
    QList<QByteArray> identities;
};

/// The request that refreshes `state`: its validators and credentials.
FetchRequest requestFor(const SubscriptionState& state);
/// Parses what a fetch brought and works out the state to record (validators, success,
/// error, next refresh, a permanent move). Touches no store: runs on any thread.
PreparedFetch prepareFetch(SubscriptionState state, const FetchResult& result,
                           const QDateTime& now);
/// Stores a prepared fetch in one transaction: its stories (known ones are not duplicated;
/// changed ones are updated; deleted ones stay away), the rules over what is new, the
/// subscription's retention, and its state. An error only when the store fails.
Result<FeedUpdate> storeFetch(ArticleStore& store, PreparedFetch prepared, const QDateTime& now);
/// Both, on the store's thread (the CLI).
Result<FeedUpdate> applyFetch(ArticleStore& store, SubscriptionState state,
                              const FetchResult& result, const QDateTime& now);

} // namespace broadsheet::core
