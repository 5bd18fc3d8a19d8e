// SPDX-License-Identifier: GPL-3.0-or-later
// A subscription's stories over their life: refreshed against a changing feed served over
// real HTTP, updated in place, deleted (and not brought back), restored, kept or removed by
// retention, unsubscribed with or without them.
#include "feeds/feed_fetcher.h"
#include "feeds/feed_refresh.h"
#include "http_test_server.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace broadsheet;
using core::FeedUpdate;
using core::FetchResult;

namespace {

struct Item {
    QByteArray guid;
    QByteArray title;
    QByteArray body;
    QByteArray date = "Tue, 01 Dec 2026 08:00:00 GMT";
};

QByteArray rss(const QList<Item>& items)
{
    QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                     "<title>Changing</title><link>http://example.org/</link>";
    for (const Item& item : items) {
        xml += "<item><guid>" + item.guid + "</guid><title>" + item.title +
               "</title><description>" + item.body + "</description><pubDate>" + item.date +
               "</pubDate></item>";
    }
    return xml + "</channel></rss>";
}

/// A fetched answer, as the fetcher gives one, without a server (for retention and deletes).
FetchResult answered(const QByteArray& body, const QString& url)
{
    FetchResult answer;
    answer.outcome = FetchResult::Outcome::Fetched;
    answer.status = 200;
    answer.finalUrl = QUrl(url);
    answer.body = body;
    return answer;
}

core::SubscriptionState subscribe(core::ArticleStore& store, const QString& url)
{
    core::Subscription subscription;
    subscription.url = url;
    REQUIRE(store.addSubscriptions({subscription}));
    auto states = store.subscriptionStates();
    REQUIRE(states);
    for (const core::SubscriptionState& s : *states) {
        if (s.url == url)
            return s;
    }
    FAIL("not subscribed");
    return {};
}

FeedUpdate refreshed(core::ArticleStore& store, qint64 id, const FetchResult& answer,
                     const QDateTime& now)
{
    auto state = store.subscriptionState(id);
    REQUIRE(state);
    REQUIRE(state->has_value());
    auto update = core::applyFetch(store, **state, answer, now);
    REQUIRE(update);
    return *update;
}

QList<core::ArticleId> found(core::ArticleStore& store, const QString& query)
{
    core::SearchRequest request;
    request.query = query;
    auto result = core::Searcher(store.database()).search(request);
    REQUIRE(result);
    QList<core::ArticleId> ids;
    for (const auto& hit : result->hits)
        ids.append(hit.article.id);
    return ids;
}

void requireSound(core::ArticleStore& store)
{
    auto problems = store.check();
    REQUIRE(problems);
    CHECK(problems->isEmpty());
}

const QDateTime kNow(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);

} // namespace

TEST_CASE("a library refreshed three times against a changing feed holds each story once, "
          "with read, star and manual tags kept, and the changed one updated in place",
          "[feeds][http]")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    test::HttpTestServer server;
    REQUIRE(server.listen());
    const QString url = server.url(QStringLiteral("/feed"));
    const core::SubscriptionState subscription = subscribe(*store, url);
    core::FeedFetcher fetcher;
    auto refresh = [&](const QByteArray& body) {
        server.route("/feed", {200, {{"Content-Type", "application/rss+xml"}}, body, 0});
        std::optional<FetchResult> answer;
        auto state = store->subscriptionState(subscription.id);
        REQUIRE(state);
        fetcher.fetch(core::requestFor(**state),
                      [&answer](const FetchResult& result) { answer = result; });
        REQUIRE(QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000));
        auto update = core::applyFetch(*store, **state, *answer, kNow);
        REQUIRE(update);
        return *update;
    };

    FeedUpdate first = refresh(rss({{"a", "Alpha", "first words"}, {"b", "Beta", "beta text"}}));
    CHECK(first.kind == FeedUpdate::Kind::Fetched);
    CHECK(first.added == 2);
    const QList<core::ArticleId> alpha = found(*store, QStringLiteral("alpha"));
    REQUIRE(alpha.size() == 1);
    const QList<core::ArticleId> beta = found(*store, QStringLiteral("beta"));
    REQUIRE(beta.size() == 1);
    REQUIRE(store->setRead(alpha, true));
    REQUIRE(store->setStarred(beta, true));
    REQUIRE(store->addTag(alpha, QStringLiteral("keep me")));

    // Alpha's text changes; a third story arrives; Beta is as it was.
    FeedUpdate second = refresh(rss({{"c", "Gamma", "gamma text"},
                                     {"a", "Alpha revised", "second words"},
                                     {"b", "Beta", "beta text"}}));
    CHECK(second.added == 1);
    CHECK(second.updated == 1);
    CHECK(second.known == 1);
    // The same again, and a duplicate item within the feed itself.
    FeedUpdate third = refresh(rss({{"c", "Gamma", "gamma text"},
                                    {"c", "Gamma", "gamma text"},
                                    {"a", "Alpha revised", "second words"},
                                    {"b", "Beta", "beta text"}}));
    CHECK(third.added == 0);
    CHECK(third.updated == 0);

    auto count = store->count();
    REQUIRE(count);
    CHECK(*count == 3);
    auto story = store->article(alpha.front());
    REQUIRE(story);
    REQUIRE(story->has_value());
    CHECK((*story)->title == u"Alpha revised");
    CHECK((*story)->body == u"second words");
    CHECK((*story)->read);
    CHECK(std::any_of((*story)->tags.cbegin(), (*story)->tags.cend(),
                      [](const core::Tag& t) { return t.name == u"keep me"; }));
    auto starred = store->article(beta.front());
    REQUIRE(starred);
    CHECK((*starred)->starred);
    // The index has the new words, not the old.
    CHECK(found(*store, QStringLiteral("second")) == alpha);
    CHECK(found(*store, QStringLiteral("first")).isEmpty());
    auto state = store->subscriptionState(subscription.id);
    REQUIRE(state);
    CHECK((*state)->stories == 3);
    CHECK((*state)->unread == 2);
    // The query language finds a subscription's stories by id or title, and by folder.
    CHECK(found(*store, QStringLiteral("feed:%1").arg(subscription.id)).size() == 3);
    CHECK(found(*store, QStringLiteral("feed:changing is:unread")).size() == 2);
    core::SubscriptionState moved = **state;
    moved.folders = QStringList{QStringLiteral("News"), QStringLiteral("World")};
    REQUIRE(store->updateSubscription(moved));
    CHECK(found(*store, QStringLiteral("folder:news")).size() == 3);
    CHECK(found(*store, QStringLiteral("folder:\"News/World\"")).size() == 3);
    CHECK(found(*store, QStringLiteral("folder:Wor")).isEmpty());
    CHECK(found(*store, QStringLiteral("folder:\"News/W\"")).isEmpty());
    // Images load without asking only for a subscription that says so.
    auto asks = store->loadsImages(alpha.front());
    REQUIRE(asks);
    CHECK_FALSE(*asks);
    moved.loadImages = true;
    REQUIRE(store->updateSubscription(moved));
    auto loads = store->loadsImages(alpha.front());
    REQUIRE(loads);
    CHECK(*loads);
    requireSound(*store);
}

TEST_CASE("a story deleted by hand does not come back at the next refresh, and undo restores "
          "it whole",
          "[feeds]")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    const QString url = QStringLiteral("http://127.0.0.1:9/feed");
    const core::SubscriptionState subscription = subscribe(*store, url);
    const QByteArray feed = rss({{"a", "Alpha", "alpha words"}, {"b", "Beta", "beta words"}});
    CHECK(refreshed(*store, subscription.id, answered(feed, url), kNow).added == 2);
    const QList<core::ArticleId> alpha = found(*store, QStringLiteral("alpha"));
    REQUIRE(alpha.size() == 1);
    REQUIRE(store->setStarred(alpha, true));
    REQUIRE(store->addTag(alpha, QStringLiteral("mine")));

    QList<core::DeletedStory> undo;
    auto deleted = store->deleteArticles(alpha, &undo);
    REQUIRE(deleted);
    CHECK(*deleted == 1);
    REQUIRE(undo.size() == 1);
    CHECK(found(*store, QStringLiteral("alpha")).isEmpty());
    requireSound(*store);

    const FeedUpdate again = refreshed(*store, subscription.id, answered(feed, url), kNow);
    CHECK(again.added == 0);
    CHECK(again.deleted == 1);
    CHECK(found(*store, QStringLiteral("alpha")).isEmpty());

    REQUIRE(store->restoreArticles(undo));
    auto story = store->article(alpha.front());
    REQUIRE(story);
    REQUIRE(story->has_value());
    CHECK((*story)->title == u"Alpha");
    CHECK((*story)->starred);
    CHECK(std::any_of((*story)->tags.cbegin(), (*story)->tags.cend(),
                      [](const core::Tag& t) { return t.name == u"mine"; }));
    CHECK(found(*store, QStringLiteral("alpha")) == alpha);
    auto state = store->subscriptionState(subscription.id);
    REQUIRE(state);
    CHECK((*state)->stories == 2);
    requireSound(*store);
    // Restored, it is a story like any other again: the feed finds it known.
    CHECK(refreshed(*store, subscription.id, answered(feed, url), kNow).known == 2);
}

TEST_CASE("retention keeps the newest N or the last N days, never starred or manually tagged "
          "stories, and what it removed stays away",
          "[feeds]")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    const QString url = QStringLiteral("http://127.0.0.1:9/feed");
    core::SubscriptionState subscription = subscribe(*store, url);
    QList<Item> items;
    for (int day = 1; day <= 10; ++day) {
        const QDateTime when = kNow.addDays(-day);
        items.append(Item{"g" + QByteArray::number(day), "Story" + QByteArray::number(day),
                          "day" + QByteArray::number(day) + " words",
                          when.toString(Qt::RFC2822Date).toUtf8()});
    }
    const QByteArray feed = rss(items);
    CHECK(refreshed(*store, subscription.id, answered(feed, url), kNow).added == 10);
    const QList<core::ArticleId> day9 = found(*store, QStringLiteral("day9"));
    const QList<core::ArticleId> day10 = found(*store, QStringLiteral("day10"));
    REQUIRE(day9.size() == 1);
    REQUIRE(day10.size() == 1);
    REQUIRE(store->setStarred(day9, true));
    REQUIRE(store->addTag(day10, QStringLiteral("research")));

    SECTION("the newest N")
    {
        subscription.retention = core::Retention{core::Retention::Mode::Newest, 3};
        REQUIRE(store->updateSubscription(subscription));
        const FeedUpdate update = refreshed(*store, subscription.id, answered(feed, url), kNow);
        CHECK(update.removed == 5); // 10 less the newest 3 and the two kept by the user
        auto count = store->count();
        REQUIRE(count);
        CHECK(*count == 5);
        CHECK(found(*store, QStringLiteral("day1")).size() == 1);
        CHECK(found(*store, QStringLiteral("day4")).isEmpty());
        CHECK(found(*store, QStringLiteral("day9")) == day9);
        CHECK(found(*store, QStringLiteral("day10")) == day10);
        // The feed still offers the removed ones: they stay away.
        const FeedUpdate next = refreshed(*store, subscription.id, answered(feed, url), kNow);
        CHECK(next.added == 0);
        CHECK(next.deleted == 5);
        CHECK(next.removed == 0);
    }
    SECTION("stories newer than N days, from the library's default")
    {
        REQUIRE(store->setDefaultRetention(core::Retention{core::Retention::Mode::Days, 5}));
        auto byDefault = store->defaultRetention();
        REQUIRE(byDefault);
        CHECK(byDefault->toString() == u"days:5");
        const FeedUpdate update = refreshed(*store, subscription.id, answered(feed, url), kNow);
        CHECK(update.removed == 3); // days 6, 7 and 8; 9 is starred, 10 tagged
    }
    requireSound(*store);
}

TEST_CASE("retention settings read and write as text, and bad ones are refused", "[feeds]")
{
    using core::Retention;
    CHECK(Retention::fromString(u"") == Retention{});
    CHECK(Retention::fromString(u"all") == Retention{Retention::Mode::All, 0});
    CHECK(Retention::fromString(u"days:30") == Retention{Retention::Mode::Days, 30});
    CHECK(Retention::fromString(u" newest:200 ") == Retention{Retention::Mode::Newest, 200});
    CHECK_FALSE(Retention::fromString(u"days:0"));
    CHECK_FALSE(Retention::fromString(u"days:-3"));
    CHECK_FALSE(Retention::fromString(u"weeks:2"));
    CHECK_FALSE(Retention::fromString(u"newest"));
    CHECK(Retention{Retention::Mode::Newest, 7}.toString() == u"newest:7");
}

TEST_CASE("unsubscribing keeps its stories, or deletes them when asked", "[feeds]")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    const QString one = QStringLiteral("http://127.0.0.1:9/one");
    const QString two = QStringLiteral("http://127.0.0.1:9/two");
    const core::SubscriptionState first = subscribe(*store, one);
    const core::SubscriptionState second = subscribe(*store, two);
    refreshed(*store, first.id, answered(rss({{"a", "Alpha", "alpha"}}), one), kNow);
    refreshed(*store, second.id,
              answered(rss({{"b", "Beta", "beta"}, {"c", "Gamma", "gamma"}}), two), kNow);

    auto kept = store->removeSubscription(first.id, false);
    REQUIRE(kept);
    CHECK(*kept == 0);
    CHECK(found(*store, QStringLiteral("alpha")).size() == 1);
    auto gone = store->removeSubscription(second.id, true);
    REQUIRE(gone);
    CHECK(*gone == 2);
    CHECK(found(*store, QStringLiteral("beta")).isEmpty());
    auto states = store->subscriptionStates();
    REQUIRE(states);
    CHECK(states->isEmpty());
    auto missing = store->removeSubscription(second.id, false);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::ErrorCode::NotFound);
    requireSound(*store);
}
