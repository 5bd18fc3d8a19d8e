// SPDX-License-Identifier: GPL-3.0-or-later
// broadsheet-cli's account and sync against a real FreshRSS on 127.0.0.1.
#include "feed_servers.h"
#include "http_test_server.h"
#include "store/article_store.h"
#include "sync/greader_backend.h"
#include "sync/http_client.h"
#include "sync/ttrss_backend.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

using namespace broadsheet;
using namespace broadsheet::test;

namespace {

struct Outcome {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

/// The CLI on the test's library, its passwords in the test's file, `input` on stdin.
Outcome run(const QTemporaryDir& dir, QStringList arguments, const QByteArray& input = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BROADSHEET_CREDENTIALS"),
                       dir.filePath(QStringLiteral("passwords.json")));
    environment.insert(QStringLiteral("BROADSHEET_NO_KEYRING"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    arguments.prepend(dir.filePath(QStringLiteral("library.sqlite")));
    arguments.prepend(QStringLiteral("--library"));
    process.start(QStringLiteral(BROADSHEET_CLI_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    // The test's own HTTP server answers while the CLI runs (FreshRSS may fetch from it).
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    REQUIRE(process.state() == QProcess::NotRunning);
    return Outcome{process.exitCode(), process.readAllStandardOutput(),
                   process.readAllStandardError()};
}

QByteArray rss(int items)
{
    QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                     "<link>http://example.com/</link>";
    for (int i = 0; i < items; ++i) {
        xml += QStringLiteral("<item><title>Wire story %1</title><link>http://example.com/w/%1"
                              "</link><pubDate>Tue, 02 Jun 2026 09:%2:00 GMT</pubDate>"
                              "<description>Markets moved on story %1.</description></item>")
                   .arg(i)
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .toUtf8();
    }
    return xml + "</channel></rss>";
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST_CASE("cli: account add logs in first and keeps the password out of the library, sync "
          "brings the server's stories and sends read marks, and waits out a server that is "
          "down",
          "[cli][sync][server]")
{
    REQUIRE_SHARED("servers/freshrss/start");
    QTemporaryDir dir;
    FreshRss server(dir.filePath(QStringLiteral("freshrss")));
    INFO(server.error().toStdString());
    REQUIRE(server.start());
    HttpTestServer feeds;
    REQUIRE(feeds.listen());
    HttpTestServer::Response wire;
    wire.headers = {{"Content-Type", "application/rss+xml"}};
    wire.body = rss(12);
    feeds.route("/wire.xml", wire);
    core::HttpClient http;
    const core::AccountSettings settings{QStringLiteral("greader"), server.apiUrl(), server.user(),
                                         server.apiPassword()};
    core::GReaderBackend elsewhere(settings, http);
    REQUIRE(
        elsewhere.subscribe(feeds.url(QStringLiteral("/wire.xml")), QStringLiteral("Money")).ok());

    const QString api = server.apiUrl().toString();
    const Outcome refused = run(dir,
                                {QStringLiteral("account"), QStringLiteral("add"),
                                 QStringLiteral("greader"), api, server.user()},
                                "wrong-password-77\n");
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains("refused user 'alice'"));
    CHECK_FALSE(refused.err.contains("wrong-password-77"));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("passwords.json"))));
    CHECK(run(dir, {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("fever"), api,
                    server.user()})
              .exitCode == 2);

    const Outcome added = run(dir,
                              {QStringLiteral("account"), QStringLiteral("add"),
                               QStringLiteral("greader"), api, server.user()},
                              server.apiPassword().toUtf8() + "\n");
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    const QString passwords = dir.filePath(QStringLiteral("passwords.json"));
    CHECK(QFile::permissions(passwords) == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadUser | QFileDevice::WriteUser));
    CHECK(fileBytes(passwords).contains(server.apiPassword().toUtf8()));

    const Outcome synced = run(dir, {QStringLiteral("sync"), QStringLiteral("--json")});
    INFO(synced.err.toStdString());
    REQUIRE(synced.exitCode == 0);
    const QJsonObject report = synced.json().array().at(0).toObject();
    CHECK(report.value(QStringLiteral("added")).toInt() == 12);
    CHECK(report.value(QStringLiteral("feeds")).toInt() == 1);
    CHECK(report.value(QStringLiteral("requests")).toInt() <= 10);
    // Nowhere in the library: not the file, not its log.
    for (const char* suffix : {"", "-wal"})
        CHECK_FALSE(
            fileBytes(dir.filePath(QStringLiteral("library.sqlite")) + QLatin1String(suffix))
                .contains(server.apiPassword().toUtf8()));
    CHECK(run(dir, {QStringLiteral("search"), QStringLiteral("--count"), QStringLiteral("markets")})
              .out.trimmed() == "12");

    // Read here, sent with the next sync.
    REQUIRE(
        run(dir, {QStringLiteral("mark"), QStringLiteral("read"), QStringLiteral("1")}).exitCode ==
        0);
    QJsonObject account =
        run(dir, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")})
            .json()
            .array()
            .at(0)
            .toObject();
    CHECK(account.value(QStringLiteral("queued")).toInt() == 1);
    CHECK(account.value(QStringLiteral("user")).toString() == server.user());
    CHECK_FALSE(QJsonDocument(account).toJson().contains(server.apiPassword().toUtf8()));
    const Outcome sent = run(dir, {QStringLiteral("sync"), QStringLiteral("--json")});
    REQUIRE(sent.exitCode == 0);
    CHECK(sent.json().array().at(0).toObject().value(QStringLiteral("pushed")).toInt() == 1);
    CHECK(elsewhere.unreadIds()->size() == 11);

    // The server down: the mark waits; the sync says so and fails; back up, it goes.
    server.stop();
    REQUIRE(
        run(dir, {QStringLiteral("mark"), QStringLiteral("read"), QStringLiteral("2")}).exitCode ==
        0);
    const Outcome down = run(dir, {QStringLiteral("sync")});
    CHECK(down.exitCode == 1);
    CHECK(down.err.contains("account 1"));
    account =
        run(dir, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")})
            .json()
            .array()
            .at(0)
            .toObject();
    CHECK(account.value(QStringLiteral("queued")).toInt() == 1);
    CHECK(account.value(QStringLiteral("lastError")).isString());
    REQUIRE(server.start());
    REQUIRE(run(dir, {QStringLiteral("sync")}).exitCode == 0);
    CHECK(elsewhere.unreadIds()->size() == 10);

    // Subscribed through the account: on the server, and its stories here.
    HttpTestServer::Response more;
    more.headers = {{"Content-Type", "application/rss+xml"}};
    more.body = rss(3).replace("Wire", "Desk").replace("/w/", "/d/");
    feeds.route("/desk.xml", more);
    const Outcome subscribed =
        run(dir, {QStringLiteral("subscribe"), feeds.url(QStringLiteral("/desk.xml")),
                  QStringLiteral("--account"), QStringLiteral("1"), QStringLiteral("--folder"),
                  QStringLiteral("Money")});
    INFO(subscribed.err.toStdString());
    CHECK(subscribed.exitCode == 0);
    INFO(subscribed.out.toStdString());
    CHECK(subscribed.out.contains("3 stories new"));
    CHECK(elsewhere.feeds()->size() == 2);

    // Removed: its stories stay, its password goes.
    const Outcome removed =
        run(dir, {QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("1")});
    CHECK(removed.exitCode == 0);
    CHECK_FALSE(fileBytes(passwords).contains(server.apiPassword().toUtf8()));
    CHECK(run(dir, {QStringLiteral("search"), QStringLiteral("--count"), QStringLiteral("markets")})
              .out.trimmed() == "15");
    CHECK(run(dir, {QStringLiteral("sync")}).exitCode == 1); // no accounts
}

TEST_CASE("cli: a TT-RSS account syncs its articles and says what its API cannot do",
          "[cli][sync][server][ttrss]")
{
    if (!TtRss::installed()) {
        WARN("tt-rss or PostgreSQL 15 is not installed (scripts/deps installs them)");
        REQUIRE(TtRss::installed());
    }
    QTemporaryDir dir;
    TtRss server(dir.filePath(QStringLiteral("ttrss")));
    INFO(server.error().toStdString());
    REQUIRE(server.start());
    const qint64 feed =
        server.addFeed(QStringLiteral("Wire"), QStringLiteral("http://example.com/wire.xml"), 0);
    for (int i = 0; i < 4; ++i)
        server.addEntry(feed, QStringLiteral("Wire story %1").arg(i),
                        QStringLiteral("http://example.com/w/%1").arg(i),
                        QStringLiteral("<p>Markets moved on story %1.</p>").arg(i), 60 * i);

    const QString api = server.apiUrl().toString();
    const Outcome refused = run(dir,
                                {QStringLiteral("account"), QStringLiteral("add"),
                                 QStringLiteral("ttrss"), api, server.user()},
                                "wrong-password-77\n");
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains("refused user 'alice'"));
    CHECK_FALSE(refused.err.contains("wrong-password-77"));
    const Outcome added = run(dir,
                              {QStringLiteral("account"), QStringLiteral("add"),
                               QStringLiteral("ttrss"), api, server.user()},
                              server.password().toUtf8() + "\n");
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);

    const Outcome synced = run(dir, {QStringLiteral("sync"), QStringLiteral("--json")});
    INFO(synced.err.toStdString());
    REQUIRE(synced.exitCode == 0);
    const QJsonObject report = synced.json().array().at(0).toObject();
    CHECK(report.value(QStringLiteral("added")).toInt() == 4);
    CHECK(report.value(QStringLiteral("feeds")).toInt() == 1);
    CHECK(run(dir, {QStringLiteral("search"), QStringLiteral("--count"), QStringLiteral("markets")})
              .out.trimmed() == "4");

    // Moved here: its API cannot, so the sync says so, and goes on.
    const QJsonArray subscriptions =
        run(dir, {QStringLiteral("feeds"), QStringLiteral("--json")}).json().array();
    REQUIRE(subscriptions.size() == 1);
    const QString id =
        QString::number(subscriptions.at(0).toObject().value(QStringLiteral("id")).toInt());
    const Outcome moved =
        run(dir, {QStringLiteral("feed"), id, QStringLiteral("--folder"), QStringLiteral("Money")});
    INFO(moved.err.toStdString());
    REQUIRE(moved.exitCode == 0);
    const Outcome told = run(dir, {QStringLiteral("sync")});
    CHECK(told.exitCode == 0);
    CHECK(told.err.contains("cannot move a feed"));
    CHECK(run(dir, {QStringLiteral("sync"), QStringLiteral("--json")})
              .json()
              .array()
              .at(0)
              .toObject()
              .value(QStringLiteral("refused"))
              .toArray()
              .isEmpty());
}

TEST_CASE("cli: a sync killed part way loses nothing: the next one goes on from where it "
          "stopped and sends what waited",
          "[cli][sync][server][ttrss][kill]")
{
    if (!TtRss::installed()) {
        WARN("tt-rss or PostgreSQL 15 is not installed (scripts/deps installs them)");
        REQUIRE(TtRss::installed());
    }
    QTemporaryDir dir;
    TtRss server(dir.filePath(QStringLiteral("ttrss")));
    INFO(server.error().toStdString());
    REQUIRE(server.start());
    const qint64 feed =
        server.addFeed(QStringLiteral("Wire"), QStringLiteral("http://example.com/wire.xml"), 0);
    for (int i = 0; i < 5; ++i)
        server.addEntry(feed, QStringLiteral("Wire story %1").arg(i),
                        QStringLiteral("http://example.com/w/%1").arg(i),
                        QStringLiteral("<p>Markets moved on story %1.</p>").arg(i), 600 + i);
    REQUIRE(run(dir,
                {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("ttrss"),
                 server.apiUrl().toString(), server.user()},
                server.password().toUtf8() + "\n")
                .exitCode == 0);
    REQUIRE(run(dir, {QStringLiteral("sync")}).exitCode == 0);

    // A mark waits in the queue; the server has a big crawl for the next sync.
    REQUIRE(
        run(dir, {QStringLiteral("mark"), QStringLiteral("read"), QStringLiteral("1")}).exitCode ==
        0);
    server.addCrawl(feed, QStringLiteral("Big"), 4000);

    const QString library = dir.filePath(QStringLiteral("library.sqlite"));
    QProcess sync;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BROADSHEET_CREDENTIALS"),
                       dir.filePath(QStringLiteral("passwords.json")));
    environment.insert(QStringLiteral("BROADSHEET_NO_KEYRING"), QStringLiteral("1"));
    sync.setProcessEnvironment(environment);
    sync.start(QStringLiteral(BROADSHEET_CLI_PATH),
               {QStringLiteral("--library"), library, QStringLiteral("sync")});
    REQUIRE(sync.waitForStarted());
    // Killed (SIGKILL) once a few pages are stored, in the middle of its walk.
    auto reader = core::ArticleStore::open(library, core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(reader.ok());
    auto count = [&reader](const char* sql) {
        auto value = (*reader)->database().queryInt(sql);
        return value ? *value : -1;
    };
    qint64 stored = 0;
    QElapsedTimer waited;
    waited.start();
    while (sync.state() == QProcess::Running && waited.elapsed() < 60000) {
        stored = count("SELECT count(*) FROM articles");
        if (stored >= 605)
            break;
        QThread::msleep(10);
    }
    INFO("stored when killed: " << stored);
    REQUIRE(sync.state() == QProcess::Running);
    sync.kill();
    REQUIRE(sync.waitForFinished(10000));
    CHECK(sync.exitStatus() == QProcess::CrashExit);

    // The next sync goes on and ends whole; the library is whole, every story tagged.
    const Outcome again = run(dir, {QStringLiteral("sync"), QStringLiteral("--json")});
    INFO(again.err.toStdString());
    REQUIRE(again.exitCode == 0);
    CHECK(again.json().array().at(0).toObject().value(QStringLiteral("complete")).toBool());
    CHECK(count("SELECT count(*) FROM articles") == 4005);
    CHECK(count("SELECT count(*) FROM sync_queue") == 0);
    const Outcome checked = run(dir, {QStringLiteral("check")});
    INFO(checked.out.toStdString() << checked.err.toStdString());
    CHECK(checked.exitCode == 0);
    core::HttpClient http;
    core::TtRssBackend elsewhere(core::AccountSettings{QStringLiteral("ttrss"), server.apiUrl(),
                                                       server.user(), server.password()},
                                 http);
    auto unread = elsewhere.unreadIds();
    REQUIRE(unread.ok());
    CHECK(unread->size() == 4004);
}
