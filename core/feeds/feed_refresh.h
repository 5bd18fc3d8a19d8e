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
    int added = 0;           ///< stories new to the library
    int known = 0;           ///< stories it had already
    QString error;           ///< for Failed, Gone and Deferred: what went wrong, where
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

/// Applies `result` to the subscription `state`: a fetched feed is parsed and its stories
/// added (known ones are not duplicated); the state (validators, success, error, next
/// refresh, a permanent move) is recorded. An error only when the store fails.
Result<FeedUpdate> applyFetch(ArticleStore& store, SubscriptionState state,
                              const FetchResult& result, const QDateTime& now);

} // namespace broadsheet::core
