// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_refresh.h"

#include "bench_corpus.h"
#include "bench_http.h"
#include "store/article_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <csignal>
#include <cstdio>

extern char** environ;

namespace broadsheet::bench {

namespace {

struct Measured {
    int exitCode = -1;
    double wallSeconds = 0;
    double cpuSeconds = 0; ///< user + system of the child
    double peakMegabytes = 0;
};

/// Runs a program to its end (output to /dev/null) and measures it from its rusage.
Measured runMeasured(const QString& program, const QStringList& arguments,
                     const QByteArrayList& extraEnvironment = {})
{
    QList<QByteArray> args{program.toLocal8Bit()};
    for (const QString& a : arguments)
        args.append(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    QList<QByteArray> env = extraEnvironment;
    for (char** e = environ; *e; ++e)
        env.append(QByteArray(*e));
    std::vector<char*> envp;
    for (QByteArray& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    Measured out;
    QElapsedTimer wall;
    wall.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return out;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    out.wallSeconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    out.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    out.cpuSeconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    out.peakMegabytes = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return out;
}

QJsonObject toJson(const Measured& m)
{
    return QJsonObject{{QStringLiteral("exitCode"), m.exitCode},
                       {QStringLiteral("wallSeconds"), m.wallSeconds},
                       {QStringLiteral("cpuSeconds"), m.cpuSeconds},
                       {QStringLiteral("peakMegabytes"), m.peakMegabytes}};
}

QByteArray escaped(const QString& text)
{
    return text.toHtmlEscaped().toUtf8();
}

/// Feed number `f`: `items` stories made from the corpus, each with its guid and date.
QByteArray feedXml(const QList<BenchArticle>& bases, int f, int items)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                     "<title>Bench feed " +
                     QByteArray::number(f) + "</title><link>https://bench.example/" +
                     QByteArray::number(f) + "/</link><description>Feed " + QByteArray::number(f) +
                     "</description>\n";
    for (int i = 0; i < items; ++i) {
        const BenchArticle a = makeArticle(bases, f * items + i);
        QByteArray body;
        for (const QString& p : a.paragraphs)
            body += "<p>" + escaped(p) + "</p>";
        const QByteArray link =
            "https://bench.example/" + QByteArray::number(f) + "/" + QByteArray::number(i);
        xml += "<item><title>" + escaped(a.title) + "</title><link>" + link + "</link><guid>" +
               link + "</guid><pubDate>" +
               QDateTime(a.date, QTime(8, 0), Qt::UTC).toString(Qt::RFC2822Date).toUtf8() +
               "</pubDate><description>" + QString::fromUtf8(body).toHtmlEscaped().toUtf8() +
               "</description></item>\n";
    }
    return xml + "</channel></rss>\n";
}

} // namespace

QJsonObject measureRefresh(const QString& cliPath, const QString& corpus, int feeds, int items)
{
    QTemporaryDir work;
    const QList<BenchArticle> bases = loadCorpus(corpus);
    QDir().mkpath(work.filePath(QStringLiteral("www")));
    for (int f = 0; f < feeds; ++f) {
        QFile file(work.filePath(QStringLiteral("www/f%1.xml").arg(f)));
        file.open(QIODevice::WriteOnly);
        file.write(feedXml(bases, f, items));
    }
    const quint16 port = freePort();
    const StaticHttpServer server(work.filePath(QStringLiteral("www")), port);

    auto urlOf = [port](int f) {
        return QStringLiteral("http://127.0.0.1:%1/f%2.xml").arg(port).arg(f);
    };
    auto writeLists = [&](int count, const QString& name) {
        QFile opml(work.filePath(name + QStringLiteral(".opml")));
        opml.open(QIODevice::WriteOnly);
        QByteArray text = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>bench</title>"
                          "</head><body>";
        QFile urls(work.filePath(name + QStringLiteral(".urls")));
        urls.open(QIODevice::WriteOnly);
        for (int f = 0; f < count; ++f) {
            text += "<outline type=\"rss\" text=\"Bench feed " + QByteArray::number(f) +
                    "\" xmlUrl=\"" + urlOf(f).toUtf8() + "\"/>";
            urls.write(urlOf(f).toUtf8() + "\n");
        }
        opml.write(text + "</body></opml>");
    };
    writeLists(feeds, QStringLiteral("all"));
    const int fewer = std::max(1, feeds / 5);
    writeLists(fewer, QStringLiteral("fewer"));

    auto ours = [&](const QString& name) {
        const QString library = work.filePath(name + QStringLiteral(".sqlite"));
        return QStringList{QStringLiteral("--library"), library};
    };
    QJsonObject out{{QStringLiteral("feeds"), feeds}, {QStringLiteral("items"), items}};
    for (const QString& name : {QStringLiteral("all"), QStringLiteral("fewer")}) {
        runMeasured(cliPath,
                    ours(name) + QStringList{QStringLiteral("import"),
                                             work.filePath(name + QStringLiteral(".opml"))});
    }
    const Measured first =
        runMeasured(cliPath, ours(QStringLiteral("all")) +
                                 QStringList{QStringLiteral("refresh"), QStringLiteral("--json")});
    const Measured second =
        runMeasured(cliPath, ours(QStringLiteral("all")) +
                                 QStringList{QStringLiteral("refresh"), QStringLiteral("--json")});
    const Measured small = runMeasured(cliPath, ours(QStringLiteral("fewer")) +
                                                    QStringList{QStringLiteral("refresh")});
    if (auto store = core::ArticleStore::open(work.filePath(QStringLiteral("all.sqlite")),
                                              core::ArticleStore::OpenMode::OpenExisting)) {
        if (auto count = (*store)->count())
            out.insert(QStringLiteral("stories"), *count);
    }
    out.insert(QStringLiteral("broadsheetFirst"), toJson(first));
    out.insert(QStringLiteral("broadsheetNotModified"), toJson(second));
    out.insert(QStringLiteral("broadsheetFirstFewer"), toJson(small));
    out.insert(QStringLiteral("fewerFeeds"), fewer);

    // The window refreshing every feed while searches run: a copy of the refreshed library
    // with its validators forgotten and half its stories gone (without a trace, so the
    // refresh stores them again).
    {
        const QString windowLibrary = work.filePath(QStringLiteral("window.sqlite"));
        if (auto source = core::ArticleStore::open(work.filePath(QStringLiteral("all.sqlite")),
                                                   core::ArticleStore::OpenMode::OpenExisting)) {
            (void)(*source)->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        QFile::copy(work.filePath(QStringLiteral("all.sqlite")), windowLibrary);
        if (auto copy = core::ArticleStore::open(windowLibrary,
                                                 core::ArticleStore::OpenMode::OpenExisting)) {
            (void)(*copy)->database().exec("UPDATE subscriptions SET etag = '', last_modified = '';"
                                           "DELETE FROM articles WHERE id % 2 = 0;");
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--refresh-window-on"), windowLibrary});
        if (child.waitForFinished(900000) && child.exitCode() == 0)
            out.insert(QStringLiteral("window"),
                       QJsonDocument::fromJson(child.readAllStandardOutput()).object());
    }

    // Newsboat on the same URLs, from the same server, with as many fetches at once as ours.
    const QString newsboat = QStringLiteral("/usr/bin/newsboat");
    if (QFile::exists(newsboat)) {
        QDir().mkpath(work.filePath(QStringLiteral("home")));
        QFile config(work.filePath(QStringLiteral("newsboat.conf")));
        config.open(QIODevice::WriteOnly);
        config.write("reload-threads 8\nshow-read-feeds yes\n");
        config.close();
        const QByteArrayList env{"HOME=" + work.filePath(QStringLiteral("home")).toLocal8Bit()};
        const QStringList args{
            QStringLiteral("-x"), QStringLiteral("reload"),
            QStringLiteral("-u"), work.filePath(QStringLiteral("all.urls")),
            QStringLiteral("-c"), work.filePath(QStringLiteral("newsboat.db")),
            QStringLiteral("-C"), work.filePath(QStringLiteral("newsboat.conf"))};
        out.insert(QStringLiteral("newsboatFirst"), toJson(runMeasured(newsboat, args, env)));
        out.insert(QStringLiteral("newsboatNotModified"), toJson(runMeasured(newsboat, args, env)));
    }
    return out;
}

} // namespace broadsheet::bench
