// SPDX-License-Identifier: GPL-3.0-or-later
// The TT-RSS backend against a real Tiny Tiny RSS (Debian's tt-rss on PostgreSQL 15) on
// 127.0.0.1. It will not crawl loopback feeds, so its feeds and entries are seeded with SQL
// as its crawler would store them; every change then goes through its API.
#include "feed_servers.h"
#include "store/article_store.h"
#include "sync/http_client.h"
#include "sync/sync_engine.h"
#include "sync/ttrss_backend.h"
#include "test_support.h"

#include <QSet>
#include <QTemporaryDir>
#include <QThread>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

/// A TT-RSS in a folder of the test's with two feeds: Alpha (30 stories, in the category
/// News) and Beta (5, in none), and the label Later.
struct Server {
    QTemporaryDir dir;
    TtRss server{dir.filePath(QStringLiteral("ttrss"))};
    qint64 alpha = 0;
    qint64 beta = 0;

    bool start()
    {
        if (!server.start())
            return false;
        const qint64 news = server.addCategory(QStringLiteral("News"));
        alpha = server.addFeed(QStringLiteral("Alpha"), QStringLiteral("http://example.com/a.xml"),
                               news);
        beta =
            server.addFeed(QStringLiteral("Beta"), QStringLiteral("http://example.com/b.xml"), 0);
        for (int i = 0; i < 30; ++i)
            addStory(alpha, QStringLiteral("Alpha"), i);
        for (int i = 0; i < 5; ++i)
            addStory(beta, QStringLiteral("Beta"), i);
        server.addLabel(QStringLiteral("Later"));
        return alpha > 0 && beta > 0 && server.error().isEmpty();
    }

    qint64 addStory(qint64 feed, const QString& name, int i)
    {
        // One crawl stores many entries in the same second: ten a second here.
        return server.addEntry(feed, QStringLiteral("%1 story %2").arg(name).arg(i),
                               QStringLiteral("http://example.com/%1/%2").arg(name).arg(i),
                               QStringLiteral("<p>The council met about story %1.</p>").arg(i),
                               3600 - i / 10);
    }
};

} // namespace

TEST_CASE("the TT-RSS backend against Tiny Tiny RSS: login, feeds with categories, items page "
          "by page, read, starred and labels, what its API cannot do, and a refused password",
          "[sync][ttrss][server]")
{
    if (!TtRss::installed()) {
        WARN("tt-rss or PostgreSQL 15 is not installed (scripts/deps installs them)");
        REQUIRE(TtRss::installed());
    }
    Server servers;
    INFO(servers.server.error().toStdString());
    REQUIRE(servers.start());
    TtRss& server = servers.server;

    HttpClient http;
    AccountSettings account{QStringLiteral("ttrss"), server.apiUrl(), server.user(),
                            server.password()};

    // A wrong password: a clear message, one request, no password in it; no retry storm.
    {
        AccountSettings wrong = account;
        wrong.password = QStringLiteral("not-the-password-42");
        TtRssBackend refused(wrong, http);
        const int before = http.sent();
        auto login = refused.login();
        REQUIRE_FALSE(login.ok());
        CHECK(login.error().code == ErrorCode::Unauthorized);
        CHECK(login.error().message.contains(server.user()));
        CHECK_FALSE(login.error().message.contains(wrong.password));
        CHECK(http.sent() == before + 1);
        CHECK_FALSE(refused.feeds().ok());
        CHECK(http.sent() <= before + 3);
    }
    // The API off for the user (TT-RSS's default): said so, not "wrong password".
    server.sql(QStringLiteral("update ttrss_user_prefs set value = 'false' where pref_name = "
                              "'ENABLE_API_ACCESS';"));
    {
        TtRssBackend off(account, http);
        auto login = off.login();
        REQUIRE_FALSE(login.ok());
        CHECK(login.error().code == ErrorCode::Unauthorized);
        CHECK(login.error().message.contains(QStringLiteral("Enable API")));
    }
    server.sql(QStringLiteral("update ttrss_user_prefs set value = 'true' where pref_name = "
                              "'ENABLE_API_ACCESS';"));

    // The address with or without its "api/".
    QUrl bare = server.apiUrl();
    bare.setPath(QStringLiteral("/"));
    TtRssBackend backend(AccountSettings{account.kind, bare, account.user, account.password}, http);
    auto login = backend.login();
    INFO((login.ok() ? QString() : login.error().message).toStdString());
    REQUIRE(login.ok());

    auto listed = backend.feeds();
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 2);
    for (const RemoteFeed& f : *listed) {
        if (f.id == QString::number(servers.alpha)) {
            CHECK(f.title == QStringLiteral("Alpha"));
            CHECK(f.folder == QStringLiteral("News"));
            CHECK(f.url == QStringLiteral("http://example.com/a.xml"));
        } else {
            CHECK(f.id == QString::number(servers.beta));
            CHECK(f.folder.isEmpty());
        }
    }
    auto labels = backend.labels();
    REQUIRE(labels.ok());
    CHECK(*labels == QStringList{QStringLiteral("Later")});

    // Every item, 7 at a time, each once, though ten share each second they were stored in.
    QList<RemoteItem> all;
    QString continuation;
    int pages = 0;
    do {
        auto page = backend.items(continuation, std::nullopt, 7);
        REQUIRE(page.ok());
        all += page->items;
        continuation = page->continuation;
        ++pages;
    } while (!continuation.isEmpty() && pages < 20);
    CHECK(pages >= 5);
    REQUIRE(all.size() == 35);
    QSet<QString> ids;
    for (const RemoteItem& item : all) {
        ids.insert(item.id);
        CHECK_FALSE(item.read);
        CHECK_FALSE(item.starred);
        CHECK(item.published.isValid());
        CHECK(item.html.contains(QStringLiteral("The council met")));
        CHECK(item.url.startsWith(QStringLiteral("http://example.com/")));
        CHECK(item.labels.isEmpty());
        CHECK((item.feedId == QString::number(servers.alpha) ||
               item.feedId == QString::number(servers.beta)));
    }
    CHECK(ids.size() == 35);

    // A session the server forgot (it restarted, or expired it): logged in again, once.
    server.sql(QStringLiteral("delete from ttrss_sessions;"));

    // Read, starred and a label, sent as Broadsheet sends its changes, read back.
    const QStringList read{all[0].id, all[1].id, all[2].id};
    auto sent = backend.apply({RemoteChange::Kind::Read, read, {}});
    INFO((sent.ok() ? QString() : sent.error().message).toStdString());
    REQUIRE(sent.ok());
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
    CHECK(*backend.labelledIds(QStringLiteral("Later")) == QStringList{all[5].id});
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
    REQUIRE(backend.apply({RemoteChange::Kind::RemoveLabel, {all[5].id}, QStringLiteral("Later")})
                .ok());
    CHECK(backend.unreadIds()->size() == 33);
    CHECK(*backend.starredIds() == QStringList{all[4].id});
    CHECK(backend.labelledIds(QStringLiteral("Later"))->isEmpty());

    // What its API cannot do is refused as such, naming what stays here only.
    auto label = backend.apply({RemoteChange::Kind::AddLabel, {all[6].id}, QStringLiteral("New")});
    REQUIRE_FALSE(label.ok());
    CHECK(label.error().code == ErrorCode::Unsupported);
    CHECK(label.error().message.contains(QStringLiteral("\"New\"")));
    auto renamed = backend.rename(QString::number(servers.alpha), QStringLiteral("Alpha Daily"));
    REQUIRE_FALSE(renamed.ok());
    CHECK(renamed.error().code == ErrorCode::Unsupported);
    CHECK(backend.move(QString::number(servers.beta), QStringLiteral("News")).error().code ==
          ErrorCode::Unsupported);
    // It refuses to fetch a loopback feed: its reason, with the address.
    auto loopback = backend.subscribe(QStringLiteral("http://127.0.0.1:9/feed.xml"), QString());
    REQUIRE_FALSE(loopback.ok());
    CHECK(loopback.error().message.contains(QStringLiteral("127.0.0.1:9/feed.xml")));
    CHECK(loopback.error().message.contains(QStringLiteral("fetch")));

    REQUIRE(backend.unsubscribe(QString::number(servers.beta)).ok());
    CHECK(backend.feeds()->size() == 1);
    CHECK(backend.unsubscribe(QString::number(servers.beta)).ok()); // gone already: done

    // A crawl of 2,000 stored in one moment: the server's own order ties them all (which
    // PostgreSQL may break differently for each page's offset); the walk gets each once.
    server.addCrawl(servers.alpha, QStringLiteral("Big"), 2000);
    QSet<QString> crawled;
    int received = 0;
    continuation.clear();
    pages = 0;
    do {
        auto page = backend.items(continuation, std::nullopt, 500);
        REQUIRE(page.ok());
        received += static_cast<int>(page->items.size());
        for (const RemoteItem& item : page->items)
            crawled.insert(item.id);
        continuation = page->continuation;
        ++pages;
    } while (!continuation.isEmpty() && pages < 30);
    CHECK(received == 2030);
    CHECK(crawled.size() == 2030);

    // The server gone: "try later", not a wrong password.
    server.stop();
    TtRssBackend offline(account, http);
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

TEST_CASE("a sync with TT-RSS brings its feeds and articles, resumes a first sync cut short, "
          "carries read, starred and labels both ways, waits out a server that was down, and "
          "says what its API cannot do",
          "[sync][ttrss][server][engine]")
{
    if (!TtRss::installed()) {
        WARN("tt-rss or PostgreSQL 15 is not installed (scripts/deps installs them)");
        REQUIRE(TtRss::installed());
    }
    Server servers;
    INFO(servers.server.error().toStdString());
    REQUIRE(servers.start());
    TtRss& server = servers.server;

    HttpClient serverSide; // another client of the same server (its web page, a phone)
    const AccountSettings settings{QStringLiteral("ttrss"), server.apiUrl(), server.user(),
                                   server.password()};
    TtRssBackend elsewhere(settings, serverSide);

    auto store = openNewLibrary(servers.dir);
    auto accountId = store->addAccount(settings.kind, settings.url.toString(), settings.user);
    REQUIRE(accountId.ok());
    auto accountNow = [&] {
        auto found = store->account(*accountId);
        REQUIRE(found.ok());
        REQUIRE(found->has_value());
        return **found;
    };

    HttpClient http;
    TtRssBackend backend(settings, http);
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
    CHECK(accountNow().firstSyncDone);
    const ArticleId story = storyTitled(*store, QStringLiteral("Alpha story 7"));
    auto shown = store->article(story);
    REQUIRE(shown.ok());
    CHECK((*shown)->body.contains(QStringLiteral("The council met about story 7")));
    CHECK((*shown)->source == QStringLiteral("Alpha"));
    CHECK((*shown)->url == QStringLiteral("http://example.com/Alpha/7"));

    // Read, starred and labelled elsewhere: the next sync shows it here.
    const ArticleId other = storyTitled(*store, QStringLiteral("Beta story 2"));
    REQUIRE(elsewhere.apply({RemoteChange::Kind::Read, {remoteIdOf(*store, story)}, {}}).ok());
    REQUIRE(elsewhere.apply({RemoteChange::Kind::Star, {remoteIdOf(*store, other)}, {}}).ok());
    REQUIRE(elsewhere
                .apply({RemoteChange::Kind::AddLabel,
                        {remoteIdOf(*store, story)},
                        QStringLiteral("Later")})
                .ok());
    auto again = SyncEngine(*store, backend).run(accountNow());
    REQUIRE(again.ok());
    CHECK(again->added == 0);
    CHECK(again->flagsChanged == 2);
    CHECK((*store->article(story))->read);
    CHECK((*store->article(other))->starred);
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
    CHECK(labelsOf(story) == QStringList{QStringLiteral("Later")});

    // Changed here: queued, then on the server after a sync.
    const ArticleId mine = storyTitled(*store, QStringLiteral("Alpha story 12"));
    REQUIRE(store->setRead({mine}, true).ok());
    REQUIRE(store->setStarred({mine}, true).ok());
    REQUIRE(store->addTag({mine}, QStringLiteral("Later"), TagKind::Label).ok());
    REQUIRE(store->removeTag({story}, QStringLiteral("Later")).ok());
    CHECK(store->queuedChanges(*accountId)->size() == 4);
    auto pushed = SyncEngine(*store, backend).run(accountNow());
    REQUIRE(pushed.ok());
    CHECK(pushed->pushed == 4);
    CHECK(pushed->refused.isEmpty());
    CHECK(store->queuedChanges(*accountId)->isEmpty());
    CHECK_FALSE(elsewhere.unreadIds()->contains(remoteIdOf(*store, mine)));
    CHECK(elsewhere.starredIds()->contains(remoteIdOf(*store, mine)));
    CHECK(*elsewhere.labelledIds(QStringLiteral("Later")) == QStringList{remoteIdOf(*store, mine)});
    CHECK(labelsOf(mine) == QStringList{QStringLiteral("Later")});
    CHECK(labelsOf(story).isEmpty());

    // The server down: the change waits in the library and goes when it is back.
    server.stop();
    REQUIRE(store->setRead({mine}, false).ok());
    TtRssBackend offline(settings, http);
    auto down = SyncEngine(*store, offline).run(accountNow());
    REQUIRE_FALSE(down.ok());
    CHECK(down.error().code == ErrorCode::Unreachable);
    CHECK(store->queuedChanges(*accountId)->size() == 1);
    CHECK_FALSE(accountNow().lastError.isEmpty());
    CHECK_FALSE((*store->article(mine))->read); // nothing here was undone
    REQUIRE(server.start());
    auto back = SyncEngine(*store, offline).run(accountNow());
    INFO((back.ok() ? QString() : back.error().message).toStdString());
    REQUIRE(back.ok());
    CHECK(back->pushed == 1);
    CHECK(accountNow().lastError.isEmpty());
    CHECK(elsewhere.unreadIds()->contains(remoteIdOf(*store, mine)));

    // The server's retention purges articles, a starred one of ours among them: here they
    // stay, starred (the library keeps what it has; the server's purge is the server's).
    REQUIRE(server.error().isEmpty());
    server.sql(QStringLiteral("delete from ttrss_user_entries where ref_id in (%1, %2);")
                   .arg(remoteIdOf(*store, mine), remoteIdOf(*store, other)));
    REQUIRE(server.error().isEmpty());
    auto purged = SyncEngine(*store, offline).run(accountNow());
    REQUIRE(purged.ok());
    CHECK(count(*store, "SELECT count(*) FROM articles") == 35);
    CHECK((*store->article(mine))->starred);
    CHECK((*store->article(other))->starred);
    CHECK(labelsOf(mine) == QStringList{QStringLiteral("Later")});

    // New articles crawled by the server: an incremental sync brings them, newest first,
    // and stops at the first page with nothing new.
    for (int i = 30; i < 40; ++i)
        servers.addStory(servers.alpha, QStringLiteral("Alpha"), i);
    const int before = http.sent();
    auto incremental = SyncEngine(*store, offline).run(accountNow());
    REQUIRE(incremental.ok());
    CHECK(incremental->added == 10);
    CHECK(http.sent() - before <= 10);
    CHECK(count(*store, "SELECT count(*) FROM articles") == 45);

    // Mark All Read on a synced feed: one change for the whole feed. Its API has no "older
    // than" (catchupFeed marks everything), so the feed's unread articles dated up to the
    // moment are marked by id; one that reached the server after it stays unread.
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
        CHECK(store->queuedChanges(*accountId)->size() == 1);
        QThread::sleep(2); // the new ones dated seconds after the click
        for (int i = 40; i < 45; ++i) {
            server.addEntry(servers.alpha, QStringLiteral("Alpha story %1").arg(i),
                            QStringLiteral("http://example.com/Alpha/%1").arg(i),
                            QStringLiteral("<p>The council met about story %1.</p>").arg(i), 0);
        }
        auto read = SyncEngine(*store, offline).run(accountNow());
        INFO((read.ok() ? QString() : read.error().message).toStdString());
        REQUIRE(read.ok());
        CHECK(read->pushed == 1);
        CHECK(read->added == 5);
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

    // Renamed, and a label the server lacks: its API cannot, so the sync says so, takes
    // them out of the queue (asking again would not help) and keeps the server's state.
    // Unsubscribed: done there.
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
    REQUIRE(store->updateSubscription(*alphaHere).ok());
    REQUIRE(store->addTag({story}, QStringLiteral("Queue"), TagKind::Label).ok());
    REQUIRE(store->removeSubscription(betaHere->id, false).ok());
    CHECK(store->queuedChanges(*accountId)->size() == 3);
    auto tidy = SyncEngine(*store, offline).run(accountNow());
    INFO((tidy.ok() ? QString() : tidy.error().message).toStdString());
    REQUIRE(tidy.ok());
    CHECK(tidy->pushed == 1);
    REQUIRE(tidy->refused.size() == 2);
    CHECK(tidy->refused.join(u' ').contains(QStringLiteral("cannot rename")));
    CHECK(tidy->refused.join(u' ').contains(QStringLiteral("\"Queue\"")));
    CHECK(store->queuedChanges(*accountId)->isEmpty());
    CHECK(tidy->feeds == 1);
    auto remote = elsewhere.feeds();
    REQUIRE(remote.ok());
    REQUIRE(remote->size() == 1);
    CHECK(remote->front().title == QStringLiteral("Alpha"));
    CHECK(count(*store, "SELECT count(*) FROM subscriptions") == 1);
    CHECK(count(*store, "SELECT count(*) FROM subscriptions WHERE title = 'Alpha'") == 1);
    CHECK(labelsOf(mine) == QStringList{QStringLiteral("Later")});
    CHECK(count(*store, "SELECT count(*) FROM articles") == 50);
}
