// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_refresh.h"

#include "parse/feed_articles.h"
#include "parse/feed_parser.h"
#include "store/article_store.h"
#include "tagging/rule_tagging.h"

#include <QCryptographicHash>

#include <algorithm>

namespace broadsheet::core {

namespace {

constexpr qint64 kWeek = qint64{7} * 24 * 3600;
constexpr qint64 kDay = qint64{24} * 3600;

/// What the feed asks, in seconds: ttl, or sy:updatePeriod / updateFrequency.
qint64 feedHintSeconds(const Feed& feed)
{
    qint64 hint = 0;
    if (feed.ttlMinutes && *feed.ttlMinutes > 0)
        hint = qint64{*feed.ttlMinutes} * 60;
    if (!feed.updatePeriod.isEmpty()) {
        const QString p = feed.updatePeriod;
        const qint64 period = p == u"hourly"    ? 3600
                              : p == u"daily"   ? kDay
                              : p == u"weekly"  ? kWeek
                              : p == u"monthly" ? 30 * kDay
                              : p == u"yearly"  ? 365 * kDay
                                                : 0;
        const int frequency = std::max(1, feed.updateFrequency.value_or(1));
        hint = std::max(hint, period / frequency);
    }
    return hint;
}

} // namespace

QDateTime nextRefreshTime(const SubscriptionState& state, const Feed* feed,
                          std::optional<qint64> maxAgeSeconds, const QDateTime& now)
{
    qint64 interval =
        qint64{state.intervalMinutes > 0 ? state.intervalMinutes : kDefaultIntervalMinutes} * 60;
    if (feed)
        interval = std::max(interval, std::min(feedHintSeconds(*feed), kWeek));
    if (maxAgeSeconds)
        interval = std::max(interval, std::min(*maxAgeSeconds, kWeek));
    if (state.failures > 0) {
        const int doublings = std::min(state.failures - 1, 16);
        interval = std::min(interval << doublings, std::max(interval, kDay));
    }
    // The same feed always lands at the same point of its spread: no thundering herd, and
    // a schedule a test can predict.
    const QByteArray hash = QCryptographicHash::hash(state.url.toUtf8(), QCryptographicHash::Sha1);
    const auto spread = static_cast<qint64>(static_cast<unsigned char>(hash[0])) * interval / 2560;
    return now.addSecs(interval + spread);
}

FetchRequest requestFor(const SubscriptionState& state)
{
    FetchRequest request;
    request.url = QUrl(state.url);
    request.etag = state.etag;
    request.lastModified = state.lastModified;
    request.user = state.user;
    request.password = state.password;
    return request;
}

PreparedFetch prepareFetch(SubscriptionState state, const FetchResult& result, const QDateTime& now)
{
    PreparedFetch prepared;
    FeedUpdate& update = prepared.update;
    state.lastStatus = result.status;
    std::optional<Feed> feed;
    switch (result.outcome) {
    case FetchResult::Outcome::Fetched: {
        auto parsed = parseFeed(result.body, result.source());
        if (!parsed) {
            update.kind = FeedUpdate::Kind::Failed;
            update.error = QStringLiteral("%1: %2").arg(FeedFetcher::shown(result.finalUrl),
                                                        parsed.error().message);
            break;
        }
        feed = std::move(*parsed);
        FeedStories stories = storiesOf(*feed);
        prepared.stories = std::move(stories.articles);
        prepared.identities = std::move(stories.identities);
        update.kind = FeedUpdate::Kind::Fetched;
        QStringList notes;
        if (feed->malformed)
            notes.append(QStringLiteral("read leniently: %1 (line %2)")
                             .arg(feed->firstError)
                             .arg(feed->errorLine));
        if (stories.leftOut > 0)
            notes.append(QStringLiteral("only its first %1 items were read (it holds %2)")
                             .arg(kMaxFeedItems)
                             .arg(feed->items.size()));
        if (!notes.isEmpty())
            update.note = QStringLiteral("%1: %2").arg(FeedFetcher::shown(result.finalUrl),
                                                       notes.join(QStringLiteral("; ")));
        state.etag = result.etag;
        state.lastModified = result.lastModified;
        if (state.title.isEmpty())
            state.title = boundedTitle(feed->title.value.simplified(), 200);
        if (result.movedTo)
            state.url = result.movedTo->toString();
        break;
    }
    case FetchResult::Outcome::NotModified:
        update.kind = FeedUpdate::Kind::NotModified;
        break;
    case FetchResult::Outcome::Gone:
        update.kind = FeedUpdate::Kind::Gone;
        update.error = result.error;
        break;
    case FetchResult::Outcome::Deferred:
        update.kind = FeedUpdate::Kind::Deferred;
        update.error = result.error;
        break;
    case FetchResult::Outcome::Failed:
        update.kind = FeedUpdate::Kind::Failed;
        update.error = result.error;
        break;
    }
    switch (update.kind) {
    case FeedUpdate::Kind::Fetched:
    case FeedUpdate::Kind::NotModified:
        state.lastSuccess = now;
        state.lastError.clear();
        state.failures = 0;
        state.nextRefresh =
            nextRefreshTime(state, feed ? &*feed : nullptr, result.maxAgeSeconds, now);
        break;
    case FeedUpdate::Kind::Gone:
        state.lastError = update.error;
        state.nextRefresh = QDateTime(); // asked no more
        break;
    case FeedUpdate::Kind::Deferred:
        state.lastError = update.error;
        state.nextRefresh = std::max(result.retryAfter, now.addSecs(60));
        break;
    case FeedUpdate::Kind::Failed:
        state.lastError = update.error;
        ++state.failures;
        state.nextRefresh = nextRefreshTime(state, nullptr, std::nullopt, now);
        break;
    }
    update.state = std::move(state);
    return prepared;
}

Result<FeedUpdate> storeFetch(ArticleStore& store, PreparedFetch prepared, const QDateTime& now)
{
    FeedUpdate& update = prepared.update;
    auto transaction = Transaction::beginOrJoin(store.database()); // or the writer's
    if (!transaction)
        return transaction.error();
    if (!prepared.stories.isEmpty()) {
        auto first = store.nextArticleId();
        if (!first)
            return first.error();
        auto outcomes =
            store.storeFeedStories(prepared.stories, prepared.identities, update.state.id);
        if (!outcomes)
            return outcomes.error();
        for (AddOutcome outcome : *outcomes) {
            switch (outcome) {
            case AddOutcome::Added:
                ++update.added;
                break;
            case AddOutcome::Updated:
                ++update.updated;
                break;
            case AddOutcome::Duplicate:
                ++update.known;
                break;
            case AddOutcome::Deleted:
                ++update.deleted;
                break;
            }
        }
        if (update.added > 0) {
            // Rules tag what arrives, in the same transaction, as an import's batch.
            if (auto tagged = rule_tagging::applyAll(store, *first); !tagged)
                return tagged.error();
        }
    }
    if (update.kind == FeedUpdate::Kind::Fetched) {
        auto removed = store.applyRetention(update.state.id, now);
        if (!removed)
            return removed.error();
        update.removed = *removed;
    }
    if (auto r = store.recordFetch(update.state); !r)
        return r.error();
    if (auto r = transaction->commit(); !r)
        return r.error();
    return std::move(update);
}

Result<FeedUpdate> applyFetch(ArticleStore& store, SubscriptionState state,
                              const FetchResult& result, const QDateTime& now)
{
    return storeFetch(store, prepareFetch(std::move(state), result, now), now);
}

} // namespace broadsheet::core
