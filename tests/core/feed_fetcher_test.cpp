// SPDX-License-Identifier: GPL-3.0-or-later
// The feed fetcher against a real HTTP server on 127.0.0.1 (tests/http_test_server.h).
#include "feeds/feed_fetcher.h"
#include "feeds/feed_refresh.h"
#include "http_test_server.h"
#include "store/article_store.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <zlib.h>

using namespace broadsheet;
using core::FeedFetcher;
using core::FetchRequest;
using core::FetchResult;
using Response = test::HttpTestServer::Response;

namespace {

const QByteArray kFeed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                         "<item><title>One</title><guid>1</guid></item></channel></rss>";

/// Fetches and waits for the answer (the fetcher runs on this thread's event loop).
FetchResult fetched(FeedFetcher& fetcher, const FetchRequest& request, int waitMs = 15000)
{
    std::optional<FetchResult> out;
    fetcher.fetch(request, [&out](const FetchResult& result) { out = result; });
    REQUIRE(QTest::qWaitFor([&out] { return out.has_value(); }, waitMs));
    return *out;
}

FetchRequest at(const QString& url)
{
    FetchRequest request;
    request.url = QUrl(url);
    return request;
}

QByteArray gzipped(const QByteArray& bytes)
{
    z_stream z{};
    REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    QByteArray out(static_cast<qsizetype>(deflateBound(&z, static_cast<uLong>(bytes.size()))), 0);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.constData()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(static_cast<qsizetype>(z.total_out));
    deflateEnd(&z);
    return out;
}

} // namespace

TEST_CASE("a feed is fetched, then asked for again with its validators: a 304 is no error",
          "[feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.route("/feed", {200,
                           {{"Content-Type", "application/rss+xml; charset=utf-8"},
                            {"ETag", "\"v1\""},
                            {"Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT"},
                            {"Cache-Control", "max-age=900"}},
                           kFeed,
                           0});
    server.routeWhen("/feed", "If-None-Match", "\"v1\"", {304, {}, {}, 0});
    FeedFetcher fetcher;
    const FetchResult first = fetched(fetcher, at(server.url(QStringLiteral("/feed"))));
    REQUIRE(first.outcome == FetchResult::Outcome::Fetched);
    CHECK(first.status == 200);
    CHECK(first.body == kFeed);
    CHECK(first.etag == "\"v1\"");
    CHECK(first.lastModified == "Tue, 01 Dec 2026 08:00:00 GMT");
    CHECK(first.maxAgeSeconds == 900);
    CHECK(first.source().contentType == QStringLiteral("application/rss+xml; charset=utf-8"));
    CHECK(server.requests().at(0).headers.value("user-agent").startsWith("Broadsheet/"));
    CHECK_FALSE(server.requests().at(0).headers.contains("cookie"));

    FetchRequest again = at(server.url(QStringLiteral("/feed")));
    again.etag = first.etag;
    again.lastModified = first.lastModified;
    const FetchResult second = fetched(fetcher, again);
    CHECK(second.outcome == FetchResult::Outcome::NotModified);
    CHECK(second.body.isEmpty());
    CHECK(second.error.isEmpty());
    REQUIRE(server.requests().size() == 2);
    CHECK(server.requests().at(1).headers.value("if-none-match") == "\"v1\"");
    CHECK(server.requests().at(1).headers.value("if-modified-since") ==
          "Tue, 01 Dec 2026 08:00:00 GMT");
}

TEST_CASE("redirects are followed by hand: five at most, never to http, only permanent ones move",
          "[feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    const QByteArray base = server.url(QString()).toUtf8();
    server.route("/old", {301, {{"Location", "/older"}}, {}, 0});
    server.route("/older", {308, {{"Location", base + "/new"}}, {}, 0});
    server.route("/new", {200, {{"Content-Type", "application/rss+xml"}}, kFeed, 0});
    server.route("/for-now", {302, {{"Location", "/new"}}, {}, 0});
    server.route("/loop", {301, {{"Location", "/loop"}}, {}, 0});
    server.route("/nowhere", {301, {}, {}, 0});
    server.route("/file", {301, {{"Location", "file:///etc/passwd"}}, {}, 0});
    FeedFetcher fetcher;

    const FetchResult moved = fetched(fetcher, at(server.url(QStringLiteral("/old"))));
    REQUIRE(moved.outcome == FetchResult::Outcome::Fetched);
    CHECK(moved.redirects == 2);
    REQUIRE(moved.movedTo);
    CHECK(*moved.movedTo == QUrl(server.url(QStringLiteral("/new"))));

    const FetchResult temporary = fetched(fetcher, at(server.url(QStringLiteral("/for-now"))));
    REQUIRE(temporary.outcome == FetchResult::Outcome::Fetched);
    CHECK_FALSE(temporary.movedTo); // a 302 keeps the address the user gave

    const FetchResult loop = fetched(fetcher, at(server.url(QStringLiteral("/loop"))));
    CHECK(loop.outcome == FetchResult::Outcome::Failed);
    CHECK(loop.error.contains(u"more than 5 redirects"));
    CHECK(
        fetched(fetcher, at(server.url(QStringLiteral("/nowhere")))).error.contains(u"not where"));
    CHECK(fetched(fetcher, at(server.url(QStringLiteral("/file")))).error.contains(u"not the web"));

    // https → http is refused (the rule itself: there is no TLS server here).
    CHECK(FeedFetcher::refusedRedirect(QUrl(QStringLiteral("https://a.example/feed")),
                                       QUrl(QStringLiteral("http://a.example/feed")))
              .contains(u"https to http"));
    CHECK(FeedFetcher::refusedRedirect(QUrl(QStringLiteral("http://a.example/feed")),
                                       QUrl(QStringLiteral("https://a.example/feed")))
              .isEmpty());
    CHECK(fetched(fetcher, at(QStringLiteral("ftp://127.0.0.1/x"))).error.contains(u"not a web"));
}

TEST_CASE("410 stops, 429 and 503 with Retry-After defer the whole host, failures say why",
          "[feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.route("/gone", {410, {}, "gone", 0});
    server.route("/busy", {429, {{"Retry-After", "120"}}, "slow down", 0});
    server.route("/down", {503, {}, "down", 0});
    server.route("/missing", {404, {}, "no", 0});
    QDateTime now = QDateTime(QDate(2026, 12, 2), QTime(6, 0), Qt::UTC);
    FeedFetcher::Options options;
    options.now = [&now] {
        return now;
    };
    FeedFetcher fetcher(options);

    const FetchResult gone = fetched(fetcher, at(server.url(QStringLiteral("/gone"))));
    CHECK(gone.outcome == FetchResult::Outcome::Gone);
    CHECK(gone.status == 410);
    CHECK(gone.error.contains(u"gone for good"));

    const FetchResult busy = fetched(fetcher, at(server.url(QStringLiteral("/busy"))));
    CHECK(busy.outcome == FetchResult::Outcome::Deferred);
    CHECK(busy.retryAfter == now.addSecs(120));
    // Anything else on that host waits too, without a request.
    const qsizetype asked = server.requests().size();
    const FetchResult waiting = fetched(fetcher, at(server.url(QStringLiteral("/missing"))));
    CHECK(waiting.outcome == FetchResult::Outcome::Deferred);
    CHECK(server.requests().size() == asked);
    // A Done may fetch again, even while the fetcher tells of a deferred host.
    int chained = 0;
    fetcher.fetch(at(server.url(QStringLiteral("/missing"))), [&](const FetchResult& first) {
        ++chained;
        if (first.outcome == FetchResult::Outcome::Deferred)
            fetcher.fetch(at(server.url(QStringLiteral("/gone"))),
                          [&chained](const FetchResult&) { ++chained; });
    });
    REQUIRE(QTest::qWaitFor([&chained] { return chained == 2; }, 5000));
    CHECK(server.requests().size() == asked);
    now = now.addSecs(121); // the clock moves on: asked again
    const FetchResult missing = fetched(fetcher, at(server.url(QStringLiteral("/missing"))));
    CHECK(missing.outcome == FetchResult::Outcome::Failed);
    CHECK(missing.status == 404);
    CHECK(missing.error.contains(u"no feed at this address"));

    const FetchResult down = fetched(fetcher, at(server.url(QStringLiteral("/down"))));
    CHECK(down.outcome == FetchResult::Outcome::Failed); // no Retry-After: backed off by the caller
    CHECK(down.status == 503);

    server.close();
    const FetchResult refused = fetched(fetcher, at(server.url(QStringLiteral("/gone"))));
    CHECK(refused.outcome == FetchResult::Outcome::Failed);
    CHECK(refused.status == 0);
    CHECK_FALSE(refused.error.isEmpty());
}

TEST_CASE("a body that never ends, or is too big, is cut off, gzip is decoded", "[feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.route("/endless", {200, {{"Content-Type", "text/xml"}}, QByteArray(64, 'x'), 50});
    server.route("/big",
                 {200, {{"Content-Type", "text/xml"}}, QByteArray(3 * 1024 * 1024, 'x'), 0});
    server.route("/gzip", {200,
                           {{"Content-Type", "application/rss+xml"}, {"Content-Encoding", "gzip"}},
                           gzipped(kFeed),
                           0});
    FeedFetcher::Options options;
    options.deadlineMs = 1500;
    options.maxBytes = 1024 * 1024;
    FeedFetcher fetcher(options);
    QElapsedTimer clock;
    clock.start();
    const FetchResult endless = fetched(fetcher, at(server.url(QStringLiteral("/endless"))));
    CHECK(endless.outcome == FetchResult::Outcome::Failed);
    CHECK(endless.error.contains(u"within 1 s"));
    CHECK(clock.elapsed() < 10000);

    const FetchResult big = fetched(fetcher, at(server.url(QStringLiteral("/big"))));
    CHECK(big.outcome == FetchResult::Outcome::Failed);
    CHECK(big.error.contains(u"over 1 MiB"));

    const FetchResult gzip = fetched(fetcher, at(server.url(QStringLiteral("/gzip"))));
    REQUIRE(gzip.outcome == FetchResult::Outcome::Fetched);
    CHECK(gzip.body == kFeed);
}

TEST_CASE("a slow-loris server and a gzip bomb are cut off in bounded time and memory, each "
          "with its message",
          "[feeds][http][hostile]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.routeSlowly("/loris", {200, {{"Content-Type", "text/xml"}}, kFeed, 0}, 20);
    // 512 MiB of zeros in half a MiB: what it expands to is counted, not what came.
    server.route("/bomb", {200,
                           {{"Content-Type", "application/rss+xml"}, {"Content-Encoding", "gzip"}},
                           gzipped(QByteArray(512 * 1024 * 1024, '\0')),
                           0});
    FeedFetcher::Options options;
    options.deadlineMs = 1500;
    FeedFetcher fetcher(options);
    QElapsedTimer clock;
    clock.start();
    const FetchResult loris = fetched(fetcher, at(server.url(QStringLiteral("/loris"))));
    CHECK(loris.outcome == FetchResult::Outcome::Failed);
    CHECK(loris.error.contains(u"within 1 s"));
    CHECK(clock.elapsed() < 10000);

    clock.start();
    const FetchResult bomb = fetched(fetcher, at(server.url(QStringLiteral("/bomb"))), 60000);
    INFO(bomb.error.toStdString());
    CHECK(bomb.outcome == FetchResult::Outcome::Failed);
    CHECK(bomb.error == server.url(QStringLiteral("/bomb")) +
                            QStringLiteral(": its compressed answer cannot be unpacked, or "
                                           "unpacks to far more than a feed (refused)"));
    CHECK(bomb.body.size() <= core::kMaxFeedBytes);
    CHECK(clock.elapsed() < 30000);
}

TEST_CASE("at most two requests a host at once, credentials go to the feed's host only, never "
          "into a message",
          "[feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.route("/slow", {200, {{"Content-Type", "text/xml"}}, QByteArray(16, 'x'), 40});
    server.route("/private", {401, {}, "who?", 0});
    FeedFetcher::Options options;
    options.deadlineMs = 800;
    FeedFetcher fetcher(options);
    int done = 0;
    for (int i = 0; i < 5; ++i)
        fetcher.fetch(at(server.url(QStringLiteral("/slow"))),
                      [&done](const FetchResult&) { ++done; });
    CHECK(fetcher.running() == 2);
    CHECK(fetcher.waiting() == 3);
    REQUIRE(QTest::qWaitFor([&done] { return done == 5; }, 20000));

    FetchRequest request = at(server.url(QStringLiteral("/private")));
    request.user = QStringLiteral("reader");
    request.password = QStringLiteral("s3cret-pass");
    const FetchResult denied = fetched(fetcher, request);
    CHECK(denied.status == 401);
    CHECK(denied.error.contains(u"user name and password"));
    CHECK_FALSE(denied.error.contains(u"s3cret"));
    CHECK(server.requests().last().headers.value("authorization") ==
          "Basic " + QByteArray("reader:s3cret-pass").toBase64());
    QUrl withUser(server.url(QStringLiteral("/x")));
    withUser.setUserInfo(QStringLiteral("reader:s3cret-pass"));
    CHECK_FALSE(FeedFetcher::shown(withUser).contains(u"s3cret"));

    // Cancel: what waits and what runs end at once, as cancelled.
    int cancelled = 0;
    for (int i = 0; i < 4; ++i)
        fetcher.fetch(at(server.url(QStringLiteral("/slow"))),
                      [&cancelled](const FetchResult& r) { cancelled += r.error == u"cancelled"; });
    fetcher.cancelAll();
    CHECK(cancelled == 4);
    CHECK(fetcher.running() == 0);
    CHECK(fetcher.waiting() == 0);
}

TEST_CASE("an empty, binary or non-feed answer fails the refresh with its reason and keeps the "
          "library as it was",
          "[feeds][http]")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    core::Subscription subscription;
    subscription.url = QStringLiteral("http://127.0.0.1:9/feed");
    REQUIRE(store->addSubscriptions({subscription}));
    auto states = store->subscriptionStates();
    REQUIRE(states);
    REQUIRE(states->size() == 1);
    const QDateTime now(QDate(2026, 12, 2), QTime(7, 0), Qt::UTC);
    for (const QByteArray& body : {QByteArray(), QByteArray("\x00\xff\x10\x80garbage", 12),
                                   QByteArray("<html>page</html>")}) {
        FetchResult answer;
        answer.outcome = FetchResult::Outcome::Fetched;
        answer.status = 200;
        answer.finalUrl = QUrl(subscription.url);
        answer.body = body;
        auto update = core::applyFetch(*store, states->front(), answer, now);
        REQUIRE(update);
        CHECK(update->kind == core::FeedUpdate::Kind::Failed);
        CHECK(update->error.startsWith(subscription.url));
        CHECK(update->state.failures == 1);
        CHECK(update->state.nextRefresh > now); // asked again later, not at once
    }
    auto count = store->count();
    REQUIRE(count);
    CHECK(*count == 0);
    auto after = store->subscriptionStates();
    REQUIRE(after);
    CHECK_FALSE(after->front().lastError.isEmpty());
}
