// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_sync.h"

#include "bench_corpus.h"
#include "bench_http.h"
#include "sync/greader_backend.h"
#include "sync/http_client.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace broadsheet::bench {

namespace {

QByteArray feedXml(const QList<BenchArticle>& bases, int items)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                     "<title>Sync bench</title><link>https://sync.example/</link>\n";
    for (int i = 0; i < items; ++i) {
        const BenchArticle a = makeArticle(bases, i);
        QByteArray body;
        for (const QString& p : a.paragraphs)
            body += "<p>" + p.toHtmlEscaped().toUtf8() + "</p>";
        const QByteArray link = "https://sync.example/" + QByteArray::number(i);
        xml += "<item><title>" + a.title.toHtmlEscaped().toUtf8() + "</title><link>" + link +
               "</link><guid>" + link + "</guid><pubDate>" +
               QDateTime(a.date, QTime(8, 0), Qt::UTC).toString(Qt::RFC2822Date).toUtf8() +
               "</pubDate><description>" + QString::fromUtf8(body).toHtmlEscaped().toUtf8() +
               "</description></item>\n";
    }
    return xml + "</channel></rss>\n";
}

/// The CLI with the bench's passwords file; its --json report, with the bench's wall time.
QJsonObject runCli(const QString& cliPath, const QStringList& arguments, const QString& passwords,
                   const QByteArray& input = {})
{
    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BROADSHEET_CREDENTIALS"), passwords);
    environment.insert(QStringLiteral("BROADSHEET_NO_KEYRING"), QStringLiteral("1"));
    cli.setProcessEnvironment(environment);
    cli.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    cli.start(cliPath, arguments);
    cli.write(input);
    cli.closeWriteChannel();
    cli.waitForFinished(600000);
    const double wall = static_cast<double>(timer.elapsed()) / 1000.0;
    QJsonObject out = QJsonDocument::fromJson(cli.readAllStandardOutput()).array().at(0).toObject();
    out.insert(QStringLiteral("wallSeconds"), wall);
    out.insert(QStringLiteral("exitCode"), cli.exitCode());
    return out;
}

} // namespace

QJsonObject measureSync(const QString& cliPath, const QString& sharedDir, int items)
{
    QJsonObject out;
    QTemporaryDir work;
    const QList<BenchArticle> bases = loadCorpus(sharedDir + QStringLiteral("/data/bbc/news"));
    QDir().mkpath(work.filePath(QStringLiteral("www")));
    {
        QFile feed(work.filePath(QStringLiteral("www/sync.xml")));
        feed.open(QIODevice::WriteOnly);
        feed.write(feedXml(bases, items));
    }
    // The feed from its own server, so that FreshRSS crawls it as it would any feed.
    const quint16 feedPort = freePort();
    const StaticHttpServer server(work.filePath(QStringLiteral("www")), feedPort);

    const QString freshrss = work.filePath(QStringLiteral("freshrss"));
    QProcess start;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FRESHRSS_NO_APT"), QStringLiteral("1"));
    start.setProcessEnvironment(environment);
    start.start(sharedDir + QStringLiteral("/servers/freshrss/start"),
                {freshrss, QString::number(freePort())});
    start.waitForFinished(120000);
    QUrl api;
    QString user;
    QString password;
    for (const QByteArray& line : start.readAllStandardOutput().split('\n')) {
        const QByteArray value = line.mid(line.indexOf('=') + 1);
        if (line.startsWith("FRESHRSS_API_URL="))
            api = QUrl(QString::fromUtf8(value));
        else if (line.startsWith("FRESHRSS_USER="))
            user = QString::fromUtf8(value);
        else if (line.startsWith("FRESHRSS_API_PASSWORD="))
            password = QString::fromUtf8(value);
    }
    if (!api.isValid() || user.isEmpty()) {
        out.insert(QStringLiteral("error"), QStringLiteral("FreshRSS did not start"));
        return out;
    }

    // The server's side: it crawls the feed inside the quickadd (its own time, not ours:
    // minutes for 10,000 stories, so the client waits that long).
    core::HttpClient::Options patient;
    patient.idleTimeoutMs = 900000;
    patient.deadlineMs = 900000;
    core::HttpClient http(patient);
    core::GReaderBackend elsewhere(
        core::AccountSettings{QStringLiteral("greader"), api, user, password}, http);
    QElapsedTimer crawl;
    crawl.start();
    const auto subscribed = elsewhere.subscribe(
        QStringLiteral("http://127.0.0.1:%1/sync.xml").arg(feedPort), QString());
    out.insert(QStringLiteral("serverCrawlSeconds"), static_cast<double>(crawl.elapsed()) / 1000);
    out.insert(QStringLiteral("items"), items);

    const QString library = work.filePath(QStringLiteral("library.sqlite"));
    const QString passwords = work.filePath(QStringLiteral("passwords.json"));
    if (subscribed) {
        runCli(cliPath,
               {QStringLiteral("--library"), library, QStringLiteral("account"),
                QStringLiteral("add"), QStringLiteral("greader"), api.toString(), user},
               passwords, password.toUtf8() + "\n");
        const QStringList sync{QStringLiteral("--library"), library, QStringLiteral("sync"),
                               QStringLiteral("--json")};
        out.insert(QStringLiteral("first"), runCli(cliPath, sync, passwords));
        // 100 changes on the server (another device read them), then the next sync.
        if (auto unread = elsewhere.unreadIds()) {
            (void)elsewhere.apply({core::RemoteChange::Kind::Read, unread->mid(0, 100), QString()});
        }
        out.insert(QStringLiteral("incremental"), runCli(cliPath, sync, passwords));

        // The window's first sync of the same account, on a library of the BBC corpus,
        // while searches run on it (against searches before it began).
        const QString windowLibrary = work.filePath(QStringLiteral("window.sqlite"));
        QProcess import;
        import.start(cliPath, {QStringLiteral("--library"), windowLibrary, QStringLiteral("import"),
                               sharedDir + QStringLiteral("/data/bbc/news")});
        import.waitForFinished(600000);
        runCli(cliPath,
               {QStringLiteral("--library"), windowLibrary, QStringLiteral("account"),
                QStringLiteral("add"), QStringLiteral("greader"), api.toString(), user},
               passwords, password.toUtf8() + "\n");
        QProcess child;
        QProcessEnvironment childEnvironment = QProcessEnvironment::systemEnvironment();
        childEnvironment.insert(QStringLiteral("BROADSHEET_CREDENTIALS"), passwords);
        childEnvironment.insert(QStringLiteral("BROADSHEET_NO_KEYRING"), QStringLiteral("1"));
        childEnvironment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(childEnvironment);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--sync-window-on"), windowLibrary});
        if (child.waitForFinished(900000) && child.exitCode() == 0)
            out.insert(QStringLiteral("window"),
                       QJsonDocument::fromJson(child.readAllStandardOutput()).object());
    } else {
        out.insert(QStringLiteral("error"), subscribed.error().message);
    }
    QProcess::execute(sharedDir + QStringLiteral("/servers/freshrss/stop"), {freshrss});
    return out;
}

void printSyncFigures(const QJsonObject& s)
{
    if (s.contains(QStringLiteral("error"))) {
        std::printf("sync: %s\n", s.value(QStringLiteral("error")).toString().toUtf8().constData());
        return;
    }
    std::printf("FreshRSS crawled a feed of %d stories from 127.0.0.1 in %.1f s\n",
                s.value(QStringLiteral("items")).toInt(),
                s.value(QStringLiteral("serverCrawlSeconds")).toDouble());
    for (const auto* which : {"first", "incremental"}) {
        const QJsonObject r = s.value(QLatin1String(which)).toObject();
        std::printf("  broadsheet-cli sync, %-12s wall %6.2f s (its own %5.2f s)  %4d requests  "
                    "peak %6.1f MB  %5d received  %5d new  %4lld read/starred changed  (exit "
                    "%d)\n",
                    which, r.value(QStringLiteral("wallSeconds")).toDouble(),
                    r.value(QStringLiteral("seconds")).toDouble(),
                    r.value(QStringLiteral("requests")).toInt(),
                    r.value(QStringLiteral("peakMegabytes")).toDouble(),
                    r.value(QStringLiteral("received")).toInt(),
                    r.value(QStringLiteral("added")).toInt(),
                    static_cast<long long>(r.value(QStringLiteral("flagsChanged")).toDouble()),
                    r.value(QStringLiteral("exitCode")).toInt());
    }
    const QJsonObject first = s.value(QStringLiteral("first")).toObject();
    const QJsonObject next = s.value(QStringLiteral("incremental")).toObject();
    std::printf("  incremental / first: wall %.3f, requests %.3f (goal: incremental <= 2 s and "
                "<= 10 requests)\n",
                next.value(QStringLiteral("wallSeconds")).toDouble() /
                    first.value(QStringLiteral("wallSeconds")).toDouble(),
                next.value(QStringLiteral("requests")).toDouble() /
                    first.value(QStringLiteral("requests")).toDouble());
    const QJsonObject w = s.value(QStringLiteral("window")).toObject();
    if (!w.isEmpty()) {
        const double idle = w.value(QStringLiteral("idle_p50_ms")).toDouble();
        const double during = w.value(QStringLiteral("during_p50_ms")).toDouble();
        std::printf("  window's first sync (%d new, %.1f s): search p50 %.2f ms idle, %.2f ms "
                    "during (%.2fx; %d searches); longest GUI stall %.0f ms, %d over 50 ms\n",
                    w.value(QStringLiteral("added")).toInt(),
                    w.value(QStringLiteral("refresh_s")).toDouble(), idle, during,
                    idle > 0 ? during / idle : 0.0,
                    w.value(QStringLiteral("searches_during")).toInt(),
                    w.value(QStringLiteral("gui_stall_max_ms")).toDouble(),
                    w.value(QStringLiteral("gui_stalls_over_50_ms")).toInt());
    }
}

} // namespace broadsheet::bench
