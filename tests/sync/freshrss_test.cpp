// SPDX-License-Identifier: GPL-3.0-or-later
// The Google Reader backend against a real FreshRSS on 127.0.0.1, which fetches its feeds
// from the test's own HTTP server.
#include "feed_servers.h"
#include "http_test_server.h"
#include "store/article_store.h"
#include "sync/greader_backend.h"
#include "sync/http_client.h"
#include "sync/sync_engine.h"
#include "test_support.h"

#include <QSet>
#include <QTemporaryDir>
#include <QThread>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

QByteArray rss(const QString& title, int items, int offset = 0)
{
    QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" +
                     title.toUtf8() + "</title><link>http://example.com/</link>";
    for (int i = offset; i < offset + items; ++i) {
        xml +=
            QStringLiteral("<item><title>%1 story %2</title><link>http://example.com/%1/%2</link>"
                           "<guid>http://example.com/%1/%2</guid><pubDate>Mon, 01 Jun 2026 "
                           "10:%3:00 GMT</pubDate><description>&lt;p&gt;The council met "
                           "about story %2.&lt;/p&gt;</description></item>")
                .arg(title)
                .arg(i)
                .arg(i % 60, 2, 10, QLatin1Char('0'))
                .toUtf8();
    }
    return xml + "</channel></rss>";
}

HttpTestServer::Response feed(const QByteArray& body)
{
    HttpTestServer::Response response;
    response.headers = {{"Content-Type", "application/rss+xml"}};
    response.body = body;
    return response;
}

/// A FreshRSS in a folder of the test's, and the test's own feed server with two feeds
/// for it to fetch: Alpha (30 stories) and Beta (5).
struct Servers {
    QTemporaryDir dir;
    FreshRss server{dir.filePath(QStringLiteral("freshrss"))};
    HttpTestServer feeds;

    bool start()
    {
        INFO(server.error().toStdString());
        if (!server.start() || !feeds.listen())
            return false;
        feeds.route("/a.xml", feed(rss(QStringLiteral("Alpha"), 30)));
        feeds.route("/b.xml", feed(rss(QStringLiteral("Beta"), 5)));
        return true;
    }
};

} // namespace

TEST_CASE("the Google Reader backend against FreshRSS: login, subscriptions with folders, items "
          "page by page, read, starred and labels, and a refused password",
          "[sync][greader][server]")
{
    REQUIRE_SHARED("servers/freshrss/start");
    Servers servers;
    REQUIRE(servers.start());
    FreshRss& server = servers.server;
    HttpTestServer& feeds = servers.feeds;

    HttpClient http;
    AccountSettings account{QStringLiteral("greader"), server.apiUrl(), server.user(),
                            server.apiPassword()};

    // A wrong password: a clear message, one request, no password in it.
    {
        AccountSettings wrong = account;
        wrong.password = QStringLiteral("not-the-password-42");
        GReaderBackend refused(wrong, http);
        const int before = http.sent();
        auto login = refused.login();
        REQUIRE_FALSE(login.ok());
        CHECK(login.error().code == ErrorCode::Unauthorized);
        CHECK(login.error().message.contains(server.user()));
        CHECK_FALSE(login.error().message.contains(wrong.password));
        CHECK(http.sent() == before + 1);
        auto listed = refused.feeds(); // no retry storm: one login, refused again
        CHECK_FALSE(listed.ok());
        CHECK(http.sent() <= before + 3);
    }

    GReaderBackend backend(account, http);
    REQUIRE(backend.login().ok());
    auto alpha = backend.subscribe(feeds.url(QStringLiteral("/a.xml")), QStringLiteral("News"));
    INFO((alpha.ok() ? QString() : alpha.error().message).toStdString());
    REQUIRE(alpha.ok());
    auto beta = backend.subscribe(feeds.url(QStringLiteral("/b.xml")), QString());
    REQUIRE(beta.ok());
    auto missing = backend.subscribe(feeds.url(QStringLiteral("/none.xml")), QString());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.contains(QStringLiteral("/none.xml")));

    auto listed = backend.feeds();
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 2);
    for (const RemoteFeed& f : *listed) {
        if (f.id == *alpha) {
            CHECK(f.title == QStringLiteral("Alpha"));
            CHECK(f.folder == QStringLiteral("News"));
            CHECK(f.url == feeds.url(QStringLiteral("/a.xml")));
        } else {
            CHECK(f.id == *beta);
            // FreshRSS puts a feed given no folder in its default one ("Uncategorized").
            CHECK(f.folder != QStringLiteral("News"));
        }
    }

    // Every item, 10 at a time, each once.
    QList<RemoteItem> all;
    QString continuation;
    int pages = 0;
    do {
        auto page = backend.items(continuation, std::nullopt, 10);
        REQUIRE(page.ok());
        all += page->items;
        continuation = page->continuation;
        ++pages;
    } while (!continuation.isEmpty() && pages < 20);
    CHECK(pages >= 4);
    REQUIRE(all.size() == 35);
    QSet<QString> ids;
    for (const RemoteItem& item : all) {
        ids.insert(item.id);
        CHECK_FALSE(item.read);
        CHECK(item.published.isValid());
        CHECK(item.html.contains(QStringLiteral("The council met")));
        CHECK(item.url.startsWith(QStringLiteral("http://example.com/")));
        CHECK(item.labels.isEmpty()); // the folder is not a label
        CHECK((item.feedId == *alpha || item.feedId == *beta));
    }
    CHECK(ids.size() == 35);
    CHECK(GReaderBackend::shortItemId(GReaderBackend::longItemId(all.front().id)) ==
          all.front().id);

    // Read, starred and a label, sent in Broadsheet's changes, read back from the server.
    const QStringList read{all[0].id, all[1].id, all[2].id};
    REQUIRE(backend.apply({RemoteChange::Kind::Read, read, {}}).ok());
    REQUIRE(backend.apply({RemoteChange::Kind::Star, {all[3].id, all[4].id}, {}}).ok());
    REQUIRE(
        backend.apply({RemoteChange::Kind::AddLabel, {all[5].id}, QStringLiteral("Later")}).ok());
    auto unread = backend.unreadIds();
    REQUIRE(unread.ok());
    CHECK(unread->size() == 32);
    for (const QString& id : read)
        CHECK_FALSE(unread->contains(id));
    auto starred = backend.starredIds();
    REQUIRE(starred.ok());
    CHECK(QSet<QString>(starred->cbegin(), starred->cend()) == QSet<QString>{all[3].id, all[4].id});
    auto labels = backend.labels();
    REQUIRE(labels.ok());
    CHECK(labels->contains(QStringLiteral("Later")));
    CHECK_FALSE(labels->contains(QStringLiteral("News")));
    auto first = backend.items({}, std::nullopt, 50);
    REQUIRE(first.ok());
    for (const RemoteItem& item : first->items) {
        CHECK(item.read == read.contains(item.id));
        CHECK(item.starred == (item.id == all[3].id || item.id == all[4].id));
        CHECK(item.labels ==
              (item.id == all[5].id ? QStringList{QStringLiteral("Later")} : QStringList()));
    }
    REQUIRE(backend.apply({RemoteChange::Kind::Unread, {all[0].id}, {}}).ok());
    REQUIRE(backend.apply({RemoteChange::Kind::Unstar, {all[3].id}, {}}).ok());
    CHECK(backend.unreadIds()->size() == 33);
    CHECK(*backend.starredIds() == QStringList{all[4].id});

    // Rename, move and unsubscribe go to the server.
    REQUIRE(backend.rename(*alpha, QStringLiteral("Alpha Daily")).ok());
    REQUIRE(backend.move(*beta, QStringLiteral("Tech")).ok());
    listed = backend.feeds();
    REQUIRE(listed.ok());
    for (const RemoteFeed& f : *listed) {
        if (f.id == *alpha)
            CHECK(f.title == QStringLiteral("Alpha Daily"));
        else
            CHECK(f.folder == QStringLiteral("Tech"));
    }
    REQUIRE(backend.unsubscribe(*beta).ok());
    CHECK(backend.feeds()->size() == 1);

    // The server gone: "try later", not a wrong password.
    server.stop();
    GReaderBackend offline(account, http);
    auto down = offline.login();
    REQUIRE_FALSE(down.ok());
    CHECK(down.error().code == ErrorCode::Unreachable);
    CHECK(down.error().message.contains(server.apiUrl().host()));
}

namespace {

qint64 count(ArticleStore& store, const char* sql)
{
    auto value = store.database().queryInt(sql);
    REQUIRE(value.ok());
    return *value;
}

ArticleId storyTitled(ArticleStore& store, const QString& title)
{
    auto stmt = store.database().prepare("SELECT id FROM articles WHERE title = ?1");
    REQUIRE(stmt.ok());
    stmt->bind(1, title);
    auto row = stmt->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return stmt->int64(0);
}

QString remoteIdOf(ArticleStore& store, ArticleId id)
{
    auto stmt =
        store.database().prepare("SELECT remote_id FROM remote_items WHERE article_id = ?1");
    REQUIRE(stmt.ok());
    stmt->bind(1, id);
    auto row = stmt->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return stmt->text(0);
}

} // namespace

TEST_CASE("a sync with FreshRSS brings its subscriptions and items, resumes a first sync cut "
          "short, and carries read and starred both ways, through a server that was down",
          "[sync][greader][server][engine]")
{
    REQUIRE_SHARED("servers/freshrss/start");
    Servers servers;
    REQUIRE(servers.start());
    QTemporaryDir& dir = servers.dir;
    FreshRss& server = servers.server;
    HttpTestServer& feeds = servers.feeds;

    // The server's side: subscriptions made on it (another device, the server's web page).
    HttpClient serverSide;
    const AccountSettings settings{QStringLiteral("greader"), server.apiUrl(), server.user(),
                                   server.apiPassword()};
    GReaderBackend elsewhere(settings, serverSide);
    REQUIRE(elsewhere.subscribe(feeds.url(QStringLiteral("/a.xml")), QStringLiteral("News")).ok());
    REQUIRE(elsewhere.subscribe(feeds.url(QStringLiteral("/b.xml")), QString()).ok());

    auto store = openNewLibrary(dir);
    auto accountId = store->addAccount(settings.kind, settings.url.toString(), settings.user);
    REQUIRE(accountId.ok());
    CHECK(store->addAccount(settings.kind, settings.url.toString(), settings.user).error().code ==
          ErrorCode::Exists);
    auto accountNow = [&] {
        auto found = store->account(*accountId);
        REQUIRE(found.ok());
        REQUIRE(found->has_value());
        return **found;
    };

    HttpClient http;
    GReaderBackend backend(settings, http);
    // A first sync cut short after two pages of ten goes on from there next time.
    {
        SyncEngine::Options options;
        options.pageSize = 10;
        options.maxPages = 2;
        auto cut = SyncEngine(*store, backend, options).run(accountNow());
        INFO((cut.ok() ? QString() : cut.error().message).toStdString());
        REQUIRE(cut.ok());
        CHECK_FALSE(cut->complete);
        CHECK(cut->added == 20);
        CHECK(cut->feeds == 2);
        CHECK_FALSE(accountNow().continuation.isEmpty());
        CHECK_FALSE(accountNow().firstSyncDone);
    }
    SyncEngine::Options pages;
    pages.pageSize = 10;
    auto synced = SyncEngine(*store, backend, pages).run(accountNow());
    REQUIRE(synced.ok());
    CHECK(synced->complete);
    CHECK(synced->added == 15);
    CHECK(count(*store, "SELECT count(*) FROM articles") == 35);
    CHECK(count(*store, "SELECT count(*) FROM remote_items") == 35);
    CHECK(count(*store, "SELECT count(*) FROM subscriptions WHERE account_id IS NOT NULL") == 2);
    CHECK(count(*store, "SELECT count(*) FROM subscriptions WHERE folder = 'News'") == 1);
    CHECK(count(*store, "SELECT count(*) FROM articles WHERE is_read = 0") == 35);
    CHECK(accountNow().firstSyncDone);
    CHECK(accountNow().lastSync.isValid());
    const ArticleId story = storyTitled(*store, QStringLiteral("Alpha story 7"));
    auto shown = store->article(story);
    REQUIRE(shown.ok());
    CHECK((*shown)->body.contains(QStringLiteral("The council met about story 7")));
    CHECK((*shown)->source == QStringLiteral("Alpha"));

    // Read and starred elsewhere: the next sync shows it here.
    const ArticleId other = storyTitled(*store, QStringLiteral("Beta story 2"));
    REQUIRE(elsewhere.apply({RemoteChange::Kind::Read, {remoteIdOf(*store, story)}, {}}).ok());
    REQUIRE(elsewhere.apply({RemoteChange::Kind::Star, {remoteIdOf(*store, other)}, {}}).ok());
    auto again = SyncEngine(*store, backend).run(accountNow());
    REQUIRE(again.ok());
    CHECK(again->added == 0);
    CHECK(again->flagsChanged == 2);
    CHECK((*store->article(story))->read);
    CHECK((*store->article(other))->starred);

    // Read here: queued, then on the server after a sync.
    const ArticleId mine = storyTitled(*store, QStringLiteral("Alpha story 12"));
    REQUIRE(store->setRead({mine}, true).ok());
    REQUIRE(store->setRead({mine}, true).ok()); // no change: nothing more queued
    CHECK(store->queuedChanges(*accountId)->size() == 1);
    auto pushed = SyncEngine(*store, backend).run(accountNow());
    REQUIRE(pushed.ok());
    CHECK(pushed->pushed == 1);
    CHECK(store->queuedChanges(*accountId)->isEmpty());
    CHECK_FALSE(elsewhere.unreadIds()->contains(remoteIdOf(*store, mine)));
    CHECK((*store->article(mine))->read); // the server's state agrees

    // A label made elsewhere is a tag of kind label here; one added here goes there.
    auto labelsOf = [&store](ArticleId id) {
        QStringList names;
        const auto article = store->article(id);
        REQUIRE(article.ok());
        REQUIRE(article->has_value());
        for (const Tag& tag : (*article)->tags) {
            if (tag.kind == QLatin1String(tag_kind::kLabel))
                names.append(tag.name);
        }
        return names;
    };
    REQUIRE(elsewhere
                .apply({RemoteChange::Kind::AddLabel,
                        {remoteIdOf(*store, story)},
                        QStringLiteral("Later")})
                .ok());
    REQUIRE(SyncEngine(*store, backend).run(accountNow()).ok());
    CHECK(labelsOf(story) == QStringList{QStringLiteral("Later")});
    REQUIRE(store->addTag({mine}, QStringLiteral("Later"), TagKind::Label).ok());
    REQUIRE(store->removeTag({story}, QStringLiteral("Later")).ok());
    CHECK(store->queuedChanges(*accountId)->size() == 2);
    REQUIRE(SyncEngine(*store, backend).run(accountNow()).ok());
    CHECK(*elsewhere.labelledIds(QStringLiteral("Later")) == QStringList{remoteIdOf(*store, mine)});
    CHECK(labelsOf(mine) == QStringList{QStringLiteral("Later")});
    CHECK(labelsOf(story).isEmpty());

    // The server down: the change waits, in the library, and goes when it is back.
    server.stop();
    REQUIRE(store->setStarred({mine}, true).ok());
    GReaderBackend offline(settings, http);
    auto down = SyncEngine(*store, offline).run(accountNow());
    REQUIRE_FALSE(down.ok());
    CHECK(down.error().code == ErrorCode::Unreachable);
    CHECK(store->queuedChanges(*accountId)->size() == 1);
    CHECK_FALSE(accountNow().lastError.isEmpty());
    CHECK((*store->article(mine))->starred); // nothing here was undone
    REQUIRE(server.start());
    auto back = SyncEngine(*store, offline).run(accountNow());
    INFO((back.ok() ? QString() : back.error().message).toStdString());
    REQUIRE(back.ok());
    CHECK(back->pushed == 1);
    CHECK(accountNow().lastError.isEmpty());
    CHECK(elsewhere.starredIds()->contains(remoteIdOf(*store, mine)));
    CHECK((*store->article(mine))->starred);

    // New items on the feed, fetched by the server: an incremental sync brings them with
    // few requests.
    feeds.route("/a.xml", feed(rss(QStringLiteral("Alpha"), 40)));
    REQUIRE(server.refreshFeeds());
    const int before = http.sent();
    auto incremental = SyncEngine(*store, offline).run(accountNow());
    REQUIRE(incremental.ok());
    CHECK(incremental->added == 10);
    CHECK(http.sent() - before <= 10);
    CHECK(count(*store, "SELECT count(*) FROM articles") == 45);

    // Mark All Read on a synced feed: one change for the whole feed, and what reached the
    // server after it stays unread, there and here.
    {
        const qint64 alpha = subscriptionIdOf(*store, QStringLiteral("/a.xml"));
        const QByteArray unreadAlpha =
            "SELECT count(*) FROM articles WHERE is_read = 0 AND subscription_id = " +
            QByteArray::number(alpha);
        const qint64 wasUnread = count(*store, unreadAlpha.constData());
        REQUIRE(wasUnread > 10);
        auto marked = store->markSubscriptionRead(alpha);
        REQUIRE(marked.ok());
        CHECK(*marked == wasUnread);
        CHECK(count(*store, unreadAlpha.constData()) == 0);
        CHECK(store->queuedChanges(*accountId)->size() == 1);
        feeds.route("/a.xml", feed(rss(QStringLiteral("Alpha"), 45)));
        // The server fetches a feed again only a second after it last did.
        QThread::sleep(2);
        REQUIRE(server.refreshFeeds());
        const int sentBefore = http.sent();
        auto read = SyncEngine(*store, offline).run(accountNow());
        INFO((read.ok() ? QString() : read.error().message).toStdString());
        REQUIRE(read.ok());
        CHECK(read->pushed == 1);
        CHECK(read->added == 5);
        CHECK(http.sent() - sentBefore <= 10);
        CHECK(store->queuedChanges(*accountId)->isEmpty());
        CHECK(count(*store, unreadAlpha.constData()) == 5);
        const auto unreadThere = elsewhere.unreadIds();
        REQUIRE(unreadThere.ok());
        CHECK(unreadThere->contains(
            remoteIdOf(*store, storyTitled(*store, QStringLiteral("Alpha story 43")))));
        CHECK_FALSE(unreadThere->contains(
            remoteIdOf(*store, storyTitled(*store, QStringLiteral("Alpha story 3")))));
        CHECK((*store->article(storyTitled(*store, QStringLiteral("Alpha story 3"))))->read);
    }

    // Renamed, moved and unsubscribed here: so on the server after the next sync.
    auto states = store->subscriptionStates();
    REQUIRE(states.ok());
    std::optional<SubscriptionState> alphaHere;
    std::optional<SubscriptionState> betaHere;
    for (const SubscriptionState& state : *states) {
        if (state.url.endsWith(QStringLiteral("/a.xml")))
            alphaHere = state;
        else if (state.url.endsWith(QStringLiteral("/b.xml")))
            betaHere = state;
    }
    REQUIRE(alphaHere);
    REQUIRE(betaHere);
    alphaHere->title = QStringLiteral("Alpha Weekly");
    alphaHere->folders = {QStringLiteral("Reading")};
    REQUIRE(store->updateSubscription(*alphaHere).ok());
    REQUIRE(store->removeSubscription(betaHere->id, false).ok());
    CHECK(store->queuedChanges(*accountId)->size() == 3);
    auto tidy = SyncEngine(*store, offline).run(accountNow());
    INFO((tidy.ok() ? QString() : tidy.error().message).toStdString());
    REQUIRE(tidy.ok());
    CHECK(tidy->pushed == 3);
    CHECK(tidy->feeds == 1);
    auto remote = elsewhere.feeds();
    REQUIRE(remote.ok());
    REQUIRE(remote->size() == 1);
    CHECK(remote->front().title == QStringLiteral("Alpha Weekly"));
    CHECK(remote->front().folder == QStringLiteral("Reading"));
    CHECK(count(*store, "SELECT count(*) FROM subscriptions") == 1);
    CHECK(count(*store, "SELECT count(*) FROM articles") == 50); // Beta's stories stay
}
