// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync_engine.h"

#include "parse/feed.h"
#include "parse/feed_articles.h"
#include "store/article_store.h"
#include "sync/sync_backend.h"

#include <QSet>

namespace broadsheet::core {

namespace {

/// Later syncs ask for what the server stored since the newest item seen, from the second
/// before it: a server stamps the items it stores in order (FreshRSS's ids are the
/// microsecond), so the items of that second come again (known, they cost nothing) and
/// none stored later is missed. Both times are the server's.
constexpr qint64 kOverlapSeconds = 1;

/// An item as one story of its feed: sanitised, with the identity a feed story has (its
/// link; the server's id when it has none), so that the same story subscribed to here and
/// synced from the server is one story.
std::optional<std::pair<Article, QByteArray>>
storyOf(const RemoteItem& item, const RemoteFeed& feed, const SyncAccount& account)
{
    Feed single;
    single.title.value = feed.title;
    single.link = feed.siteUrl;
    single.selfLink = feed.url;
    FeedItem entry;
    if (!item.url.isEmpty()) {
        entry.id = item.url;
        entry.idIsPermaLink = true;
    } else {
        entry.id = QStringLiteral("%1 %2 item %3").arg(account.kind, account.url, item.id);
    }
    entry.title.value = item.title;
    entry.link = item.url;
    if (item.published.isValid())
        entry.published.when = PublishedDate::moment(item.published);
    if (!item.author.isEmpty())
        entry.authors.append(FeedPerson{item.author, {}, {}});
    entry.content.value = item.html;
    entry.content.type = FeedText::Type::Html;
    single.items.append(entry);
    FeedStories stories = storiesOf(single);
    if (stories.articles.isEmpty())
        return std::nullopt;
    return std::pair{std::move(stories.articles.front()), std::move(stories.identities.front())};
}

RemoteChange::Kind remoteKind(QueuedChange::Kind kind)
{
    switch (kind) {
    case QueuedChange::Kind::Read:
        return RemoteChange::Kind::Read;
    case QueuedChange::Kind::Unread:
        return RemoteChange::Kind::Unread;
    case QueuedChange::Kind::Star:
        return RemoteChange::Kind::Star;
    case QueuedChange::Kind::Unstar:
        return RemoteChange::Kind::Unstar;
    case QueuedChange::Kind::AddLabel:
        return RemoteChange::Kind::AddLabel;
    case QueuedChange::Kind::RemoveLabel:
        return RemoteChange::Kind::RemoveLabel;
    case QueuedChange::Kind::Unsubscribe:
    case QueuedChange::Kind::Rename:
    case QueuedChange::Kind::Move:
    case QueuedChange::Kind::ReadFeed:
        break; // sent by push() one by one
    }
    return RemoteChange::Kind::Read;
}

} // namespace

SyncEngine::SyncEngine(ArticleStore& store, SyncBackend& backend)
    : SyncEngine(store, backend, Options{})
{
}

SyncEngine::SyncEngine(ArticleStore& store, SyncBackend& backend, Options options)
    : SyncEngine([&store](const StoreCommand& command) { return command(store); }, backend,
                 std::move(options))
{
}

SyncEngine::SyncEngine(StoreAccess access, SyncBackend& backend, Options options)
    : m_access(std::move(access))
    , m_backend(backend)
    , m_options(std::move(options))
{
}

template <typename F>
std::invoke_result_t<F, ArticleStore&> SyncEngine::onStore(F&& command)
{
    using R = std::invoke_result_t<F, ArticleStore&>;
    std::optional<R> out;
    auto ran = m_access([&](ArticleStore& store) -> Result<void> {
        out.emplace(command(store));
        if (!out->ok())
            return out->error();
        return {};
    });
    if (!out)
        return ran.error();
    return std::move(*out);
}

Result<void> SyncEngine::pushFeedChange(const QueuedChange& change, const std::stop_token& stop)
{
    switch (change.kind) {
    case QueuedChange::Kind::Unsubscribe:
        return m_backend.unsubscribe(change.itemId, stop);
    case QueuedChange::Kind::Rename:
        return m_backend.rename(change.itemId, change.label, stop);
    case QueuedChange::Kind::Move:
        return m_backend.move(change.itemId, change.label, stop);
    case QueuedChange::Kind::ReadFeed:
        return m_backend.markFeedRead(change.itemId, change.queuedAt, stop);
    case QueuedChange::Kind::Read:
    case QueuedChange::Kind::Unread:
    case QueuedChange::Kind::Star:
    case QueuedChange::Kind::Unstar:
    case QueuedChange::Kind::AddLabel:
    case QueuedChange::Kind::RemoveLabel:
        break; // a story's: sent in runs by push()
    }
    return Error(ErrorCode::Unsupported, QStringLiteral("not a change of a feed"));
}

Result<int> SyncEngine::push(const SyncAccount& account, QStringList& refused,
                             const std::stop_token& stop)
{
    auto queued = onStore([&](ArticleStore& s) { return s.queuedChanges(account.id); });
    if (!queued)
        return queued.error();
    // In the order made; a run of changes of one kind is one request. A change made to a
    // story and then undone here is sent both ways, in order: the server ends as here.
    int pushed = 0;
    qsizetype at = 0;
    while (at < queued->size()) {
        const QueuedChange& first = (*queued)[at];
        // A subscription's change is one request of its own.
        if (first.kind == QueuedChange::Kind::Unsubscribe ||
            first.kind == QueuedChange::Kind::Rename || first.kind == QueuedChange::Kind::Move ||
            first.kind == QueuedChange::Kind::ReadFeed) {
            Result<void> sent = pushFeedChange(first, stop);
            if (!sent && sent.error().code != ErrorCode::Unsupported)
                return sent.error();
            if (!sent)
                refused.append(sent.error().message);
            if (auto r = onStore([&](ArticleStore& s) { return s.dropQueuedChanges({first.id}); });
                !r)
                return r.error();
            pushed += sent.ok();
            ++at;
            continue;
        }
        RemoteChange change{remoteKind(first.kind), {}, first.label};
        QList<qint64> ids;
        qsizetype end = at;
        while (end < queued->size() && (*queued)[end].kind == first.kind &&
               (*queued)[end].label == first.label) {
            change.itemIds.append((*queued)[end].itemId);
            ids.append((*queued)[end].id);
            ++end;
        }
        auto sent = m_backend.apply(change, stop);
        if (!sent && sent.error().code != ErrorCode::Unsupported)
            return sent.error();
        if (!sent)
            refused.append(sent.error().message);
        // Gone from the queue once the server has it (or said it never can): a kill before
        // this sends it again, which changes nothing there.
        if (auto r = onStore([&](ArticleStore& s) { return s.dropQueuedChanges(ids); }); !r)
            return r.error();
        if (sent)
            pushed += static_cast<int>(ids.size());
        at = end;
    }
    return pushed;
}

Result<SyncReport> SyncEngine::run(SyncAccount account, const std::stop_token& stop)
{
    SyncReport report;
    auto fail = [&](Error error) -> Result<SyncReport> {
        if (!error.cancelled) {
            account.lastError = error.message;
            (void)onStore([&](ArticleStore& s) {
                return s.recordSync(account);
            }); // the error shows; the library's state stays
        }
        return error;
    };
    if (auto r = m_backend.login(stop); !r)
        return fail(r.error());
    auto pushed = push(account, report.refused, stop);
    if (!pushed)
        return fail(pushed.error());
    report.pushed = *pushed;

    auto feeds = m_backend.feeds(stop);
    if (!feeds)
        return fail(feeds.error());
    report.feeds = static_cast<int>(feeds->size());
    auto subscriptions =
        onStore([&](ArticleStore& s) { return s.syncSubscriptions(account.id, *feeds); });
    if (!subscriptions)
        return fail(subscriptions.error());
    QHash<QString, const RemoteFeed*> feedById;
    for (const RemoteFeed& feed : *feeds)
        feedById.insert(feed.id, &feed);

    // Items: a first sync from where it stopped (the continuation is saved after each
    // page), a later one what changed since the newest change seen, also from where it
    // stopped when it was cut short (killed, stopped, the server gone).
    const bool first = !account.firstSyncDone;
    const bool resumed = !account.continuation.isEmpty();
    QString continuation = account.continuation;
    // A later sync always gives `since` (a backend walks its items differently for one).
    std::optional<QDateTime> since;
    if (!first)
        since = account.newestSeen.isValid() ? account.newestSeen.addSecs(-kOverlapSeconds)
                                             : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    QDateTime newest = account.newestSeen;
    bool pagesLeft = false; // stopped at maxPages with more to come
    // A later sync stops at the first page that brings nothing it does not have: a server
    // may stamp a whole crawl with one second, which `since` cannot split.
    QSet<QString> known;
    if (!first) {
        auto ids = onStore([&](ArticleStore& s) { return s.remoteItemIds(account.id); });
        if (!ids)
            return fail(ids.error());
        known = QSet<QString>(ids->cbegin(), ids->cend());
    }
    for (int page = 0; page < m_options.maxPages; ++page) {
        if (stop.stop_requested()) {
            report.complete = false;
            return Error(QStringLiteral("sync of %1 stopped").arg(account.url), true);
        }
        auto items = m_backend.items(continuation, since, m_options.pageSize, stop);
        if (!items)
            return fail(items.error());
        // Each feed's items are stored as that feed's stories, in one transaction a page.
        QHash<qint64, QList<std::pair<Article, QByteArray>>> byFeed;
        QHash<qint64, QStringList> remoteIds;
        bool anythingNew = false;
        for (const RemoteItem& item : items->items) {
            ++report.received;
            anythingNew = anythingNew || !known.contains(item.id);
            if (item.updated.isValid() && (!newest.isValid() || item.updated > newest))
                newest = item.updated;
            const RemoteFeed* feed = feedById.value(item.feedId);
            if (!feed)
                continue; // an item of a feed the server no longer lists
            auto story = storyOf(item, *feed, account);
            if (!story)
                continue;
            const qint64 subscription = subscriptions->value(item.feedId);
            byFeed[subscription].append(std::move(*story));
            remoteIds[subscription].append(item.id);
        }
        for (auto it = byFeed.begin(); it != byFeed.end(); ++it) {
            QList<Article> articles;
            QList<QByteArray> identities;
            for (auto& [article, identity] : it.value()) {
                articles.append(std::move(article));
                identities.append(std::move(identity));
            }
            auto outcomes = onStore([&](ArticleStore& s) {
                return s.storeFeedStories(articles, identities, it.key());
            });
            if (!outcomes)
                return fail(outcomes.error());
            QList<std::pair<QString, ArticleId>> links;
            const QStringList& ids = remoteIds.value(it.key());
            for (qsizetype i = 0; i < articles.size(); ++i) {
                report.added += (*outcomes)[i] == AddOutcome::Added;
                report.updated += (*outcomes)[i] == AddOutcome::Updated;
                links.append({ids[i], articles[i].id});
            }
            if (auto r =
                    onStore([&](ArticleStore& s) { return s.linkRemoteItems(account.id, links); });
                !r)
                return fail(r.error());
        }
        continuation = items->continuation;
        // Resumable: a sync cut short goes on from this page. A later one keeps asking
        // from its `since` until it ends whole: the pages it has not reached are older.
        account.continuation = continuation;
        if (first)
            account.newestSeen = newest;
        if (auto r = onStore([&](ArticleStore& s) { return s.recordSync(account); }); !r)
            return fail(r.error());
        if (m_options.progress)
            m_options.progress(report.received);
        // A later sync stops at a page of nothing new, but not one that resumed: what
        // lies past where it stopped was never seen.
        if (continuation.isEmpty() || items->items.isEmpty() ||
            (!first && !resumed && !anythingNew))
            break;
        pagesLeft = page + 1 == m_options.maxPages;
    }

    // The state of every synced story, new ones included, as the server has it now: the id
    // lists are the server's whole answer, so one pass here (not one a page) sets them all.
    auto unreadIds = m_backend.unreadIds(stop);
    if (!unreadIds)
        return fail(unreadIds.error());
    auto starredIds = m_backend.starredIds(stop);
    if (!starredIds)
        return fail(starredIds.error());
    const QSet<QString> starredThere(starredIds->cbegin(), starredIds->cend());
    // A story starred or labelled here that the server's lists leave out may be one its
    // retention removed: those it no longer has keep their star and labels here.
    auto kept = onStore([&](ArticleStore& s) { return s.keptRemoteItemIds(account.id); });
    if (!kept)
        return fail(kept.error());
    QStringList unsure;
    for (const QString& id : *kept) {
        if (!starredThere.contains(id))
            unsure.append(id);
    }
    QSet<QString> gone;
    if (!unsure.isEmpty()) {
        auto present = m_backend.present(unsure, stop);
        if (!present)
            return fail(present.error());
        for (const QString& id : unsure) {
            if (!present->contains(id))
                gone.insert(id);
        }
    }
    auto flags = onStore([&](ArticleStore& s) {
        return s.applyRemoteFlags(account.id, QSet<QString>(unreadIds->cbegin(), unreadIds->cend()),
                                  starredThere, gone);
    });
    if (!flags)
        return fail(flags.error());
    report.flagsChanged += *flags;

    // Labels the same way: each label's items (a request a label), onto every synced story.
    auto names = m_backend.labels(stop);
    if (!names)
        return fail(names.error());
    auto synced = onStore([&](ArticleStore& s) { return s.remoteItemIds(account.id); });
    if (!synced)
        return fail(synced.error());
    QHash<QString, QStringList> labelsOf;
    for (const QString& id : *synced) {
        if (!gone.contains(id))
            labelsOf.insert(id, {});
    }
    for (const QString& name : *names) {
        auto ids = m_backend.labelledIds(name, stop);
        if (!ids)
            return fail(ids.error());
        for (const QString& id : *ids) {
            if (auto it = labelsOf.find(id); it != labelsOf.end())
                it->append(name);
        }
    }
    if (auto r = onStore([&](ArticleStore& s) { return s.setRemoteLabels(account.id, labelsOf); });
        !r)
        return fail(r.error());

    if (pagesLeft) { // it goes on from here next time
        report.complete = false;
        account.continuation = continuation;
        account.lastError.clear();
        if (auto r = onStore([&](ArticleStore& s) { return s.recordSync(account); }); !r)
            return r.error();
        return report;
    }
    account.firstSyncDone = true;
    account.continuation.clear();
    account.newestSeen = newest;
    account.lastSync = QDateTime::currentDateTimeUtc();
    account.lastError.clear();
    if (auto r = onStore([&](ArticleStore& s) { return s.recordSync(account); }); !r)
        return r.error();
    return report;
}

} // namespace broadsheet::core
