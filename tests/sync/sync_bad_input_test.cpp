// SPDX-License-Identifier: GPL-3.0-or-later
// The sync backends and the HTTP client against servers that lie, hang or flood (the test's
// own on 127.0.0.1), and a damaged passwords file: each a clear message naming the server
// or the file, and nothing taken for an answer that is not one.
#include "http_test_server.h"
#include "sync/credentials.h"
#include "sync/greader_backend.h"
#include "sync/http_client.h"
#include "sync/ttrss_backend.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace broadsheet::core;
using namespace broadsheet::test;
using Response = HttpTestServer::Response;

namespace {

Response answer(const QByteArray& body, const QByteArray& type = "application/json")
{
    return Response{200, {{"Content-Type", type}}, body, 0};
}

} // namespace

TEST_CASE("a server that is not the API it is said to be, or answers without the list asked "
          "for, is an error naming it, never an empty answer",
          "[sync][bad-input]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    HttpClient http;
    const QString page = QStringLiteral("<!doctype html><title>Welcome</title><p>Hello</p>");

    // A web page where the Google Reader API should be.
    server.route("/site/accounts/ClientLogin", answer(page.toUtf8(), "text/html"));
    GReaderBackend notReader(AccountSettings{QStringLiteral("greader"),
                                             QUrl(server.url(QStringLiteral("/site"))),
                                             QStringLiteral("alice"), QStringLiteral("pw-123")},
                             http);
    auto login = notReader.login();
    REQUIRE_FALSE(login.ok());
    CHECK(login.error().message.contains(QStringLiteral("no Auth token")));
    CHECK(login.error().message.contains(server.url(QStringLiteral("/site"))));
    CHECK_FALSE(login.error().message.contains(QStringLiteral("pw-123")));

    // The same page where TT-RSS's API should be.
    server.route("/site/api/", answer(page.toUtf8(), "text/html"));
    TtRssBackend notTtRss(AccountSettings{QStringLiteral("ttrss"),
                                          QUrl(server.url(QStringLiteral("/site/api/"))),
                                          QStringLiteral("alice"), QStringLiteral("pw-123")},
                          http);
    auto ttLogin = notTtRss.login();
    REQUIRE_FALSE(ttLogin.ok());
    CHECK(ttLogin.error().message.contains(QStringLiteral("not the JSON the API gives")));
    CHECK(ttLogin.error().message.contains(server.url(QStringLiteral("/site/api/"))));

    // A Google Reader server that logs in, then answers a list without its list.
    server.route("/gr/accounts/ClientLogin", answer("SID=x\nLSID=y\nAuth=token-1\n", "text/plain"));
    server.route("/gr/reader/api/0/subscription/list?output=json",
                 answer(R"({"unexpected": true})"));
    GReaderBackend lying(AccountSettings{QStringLiteral("greader"),
                                         QUrl(server.url(QStringLiteral("/gr"))),
                                         QStringLiteral("alice"), QStringLiteral("pw-123")},
                         http);
    REQUIRE(lying.login().ok());
    auto feeds = lying.feeds();
    REQUIRE_FALSE(feeds.ok());
    INFO(feeds.error().message.toStdString());
    CHECK(feeds.error().message.contains(QStringLiteral("no subscription list")));
    CHECK(feeds.error().message.contains(QStringLiteral("/subscription/list")));

    // A TT-RSS that logs in, then answers getFeeds with something that is not a list.
    server.route("/tt/api/",
                 answer(R"({"seq":0,"status":0,"content":{"session_id":"s1","api_level":15}})"));
    TtRssBackend ttLying(AccountSettings{QStringLiteral("ttrss"),
                                         QUrl(server.url(QStringLiteral("/tt/api/"))),
                                         QStringLiteral("alice"), QStringLiteral("pw-123")},
                         http);
    REQUIRE(ttLying.login().ok());
    auto ttFeeds = ttLying.feeds(); // getCategories answers with the login's object
    REQUIRE_FALSE(ttFeeds.ok());
    CHECK(ttFeeds.error().message.contains(QStringLiteral("not the list the API gives")));

    // An error status with no reason, and a server error.
    server.route("/tt2/api/", answer(R"({"seq":0,"status":1,"content":{}})"));
    TtRssBackend refusing(AccountSettings{QStringLiteral("ttrss"),
                                          QUrl(server.url(QStringLiteral("/tt2/api/"))),
                                          QStringLiteral("alice"), QStringLiteral("pw-123")},
                          http);
    auto refused = refusing.login();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("login failed")));
    server.route("/tt3/api/", Response{503, {}, "busy", 0});
    TtRssBackend busy(AccountSettings{QStringLiteral("ttrss"),
                                      QUrl(server.url(QStringLiteral("/tt3/api/"))),
                                      QStringLiteral("alice"), QStringLiteral("pw-123")},
                      http);
    auto down = busy.login();
    REQUIRE_FALSE(down.ok());
    CHECK(down.error().code == ErrorCode::Unreachable);
    CHECK(down.error().message.contains(QStringLiteral("HTTP 503")));
}

TEST_CASE("the HTTP client gives up on a server that floods, trickles or says nothing, and "
          "says which",
          "[sync][bad-input][http]")
{
    HttpTestServer server;
    REQUIRE(server.listen());

    // More than the cap: refused, not kept.
    HttpClient::Options small;
    small.maxBytes = 4096;
    HttpClient capped(small);
    server.route("/flood", answer(QByteArray(20000, 'x'), "text/plain"));
    HttpRequest request;
    request.url = QUrl(server.url(QStringLiteral("/flood")));
    auto flooded = capped.send(request);
    REQUIRE_FALSE(flooded.ok());
    CHECK(flooded.error().message.contains(QStringLiteral("/flood")));

    // A body that never ends: cut at the deadline.
    HttpClient::Options quick;
    quick.deadlineMs = 1500;
    quick.idleTimeoutMs = 1000;
    HttpClient impatient(quick);
    server.route("/trickle", Response{200, {{"Content-Type", "text/plain"}}, "a", 100});
    request.url = QUrl(server.url(QStringLiteral("/trickle")));
    QElapsedTimer clock;
    clock.start();
    auto trickled = impatient.send(request);
    REQUIRE_FALSE(trickled.ok());
    CHECK(trickled.error().code == ErrorCode::Unreachable);
    CHECK(trickled.error().message.contains(QStringLiteral("/trickle")));
    CHECK(clock.elapsed() < 10000);

    // A server that takes the connection and never answers: the idle timeout.
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket*> held;
    QObject::connect(&silent, &QTcpServer::newConnection,
                     [&] { held.append(silent.nextPendingConnection()); });
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/quiet").arg(silent.serverPort()));
    clock.restart();
    auto quiet = impatient.send(request);
    REQUIRE_FALSE(quiet.ok());
    CHECK(quiet.error().code == ErrorCode::Unreachable);
    CHECK(quiet.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort())));
    CHECK(clock.elapsed() < 10000);
}

TEST_CASE("a damaged passwords file is named, and neither read as empty nor overwritten",
          "[sync][bad-input][credentials]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("passwords.json"));
    qputenv("BROADSHEET_CREDENTIALS", file.toUtf8());
    qputenv("BROADSHEET_NO_KEYRING", "1");
    SyncAccount account;
    account.id = 1;
    account.kind = QStringLiteral("greader");
    account.url = QStringLiteral("https://rss.example/api/greader.php");
    account.user = QStringLiteral("alice");
    REQUIRE(credentials::store(account, QStringLiteral("secret-1")).ok());
    CHECK(*credentials::load(account) == QStringLiteral("secret-1"));

    writeFile(file, QByteArray("\x00\x01{not json", 11));
    auto loaded = credentials::load(account);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.contains(file));
    SyncAccount other = account;
    other.id = 2;
    other.user = QStringLiteral("bob");
    CHECK_FALSE(credentials::store(other, QStringLiteral("secret-2")).ok());
    CHECK(readFile(file) == QByteArray("\x00\x01{not json", 11)); // left for the user to look at
    qunsetenv("BROADSHEET_CREDENTIALS");
    qunsetenv("BROADSHEET_NO_KEYRING");
}
