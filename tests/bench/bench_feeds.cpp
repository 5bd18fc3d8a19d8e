// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_feeds.h"

#include "bench_corpus.h"
#include "parse/feed_parser.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>
#include <QXmlStreamReader>

#include <cstdio>

namespace broadsheet::bench {

namespace {

struct FeedFile {
    QString path;
    QByteArray bytes;
};

QList<FeedFile> feedFiles(const QString& dataDir)
{
    QList<FeedFile> files;
    for (const char* suite :
         {"feedparser-tests/tests", "gofeed-testdata/testdata", "newsboat-testdata/test/data"}) {
        QDirIterator it(dataDir + u'/' + QLatin1String(suite), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QByteArray bytes = file.readAll();
            if (core::looksLikeFeed(bytes))
                files.append({file.fileName(), std::move(bytes)});
        }
    }
    return files;
}

/// Python's feedparser over the same files, `rounds` times, timed inside the interpreter
/// (its start-up is not counted); -1 when it is not installed.
double pythonSeconds(const QList<FeedFile>& files, int rounds, qint64* items)
{
    QTemporaryFile list;
    if (!list.open())
        return -1;
    for (const FeedFile& file : files)
        list.write(file.path.toUtf8() + '\n');
    list.flush();
    const QString script =
        QStringLiteral("import sys, time\n"
                       "import feedparser\n"
                       "paths = open(sys.argv[1]).read().split('\\n')[:-1]\n"
                       "data = [open(p, 'rb').read() for p in paths]\n"
                       "for d in data:  # one round untimed: its imports and caches warm\n"
                       "    try:\n"
                       "        feedparser.parse(d)\n"
                       "    except Exception:\n"
                       "        pass\n"
                       "items = 0\n"
                       "start = time.perf_counter()\n"
                       "for _ in range(int(sys.argv[2])):\n"
                       "    for d in data:\n"
                       "        try:\n"
                       "            items += len(feedparser.parse(d).entries)\n"
                       "        except Exception:\n"
                       "            pass  # a few of its own suite's files make it raise\n"
                       "print(time.perf_counter() - start, items)\n");
    QProcess python;
    // Debian's interpreter, where python3-feedparser is installed (a python3 earlier on
    // PATH, such as a pyenv one, may not have it).
    const QString interpreter = QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
                                    ? QStringLiteral("/usr/bin/python3")
                                    : QStringLiteral("python3");
    python.start(interpreter,
                 {QStringLiteral("-c"), script, list.fileName(), QString::number(rounds)});
    if (!python.waitForFinished(30 * 60 * 1000) || python.exitCode() != 0) {
        std::fprintf(stderr, "python3-feedparser did not run: %s\n",
                     python.readAllStandardError().right(2000).constData());
        return -1;
    }
    const QList<QByteArray> out = python.readAllStandardOutput().trimmed().split(' ');
    if (out.size() != 2)
        return -1;
    *items = out[1].toLongLong();
    return out[0].toDouble();
}

} // namespace

QJsonObject measureFeedParsing(const QString& dataDir, int rounds)
{
    const QList<FeedFile> files = feedFiles(dataDir);
    qint64 bytes = 0;
    for (const FeedFile& file : files)
        bytes += file.bytes.size();
    const qint64 residentBefore = residentBytes();

    // Each side gets a round untimed (caches, lazy set-up); ours is quick, so it runs four
    // times the rounds, for a reading long enough to trust on a noisy machine.
    for (const FeedFile& file : files)
        (void)core::parseFeed(file.bytes);
    const int oursRounds = rounds * 4;
    QElapsedTimer clock;
    clock.start();
    qint64 items = 0;
    qint64 refused = 0;
    for (int round = 0; round < oursRounds; ++round) {
        for (const FeedFile& file : files) {
            auto feed = core::parseFeed(file.bytes);
            if (feed)
                items += feed->items.size();
            else
                ++refused;
        }
    }
    const double oursSeconds =
        static_cast<double>(clock.nsecsElapsed()) / 1e9 / oursRounds * rounds; // per `rounds`
    const qint64 residentAfter = residentBytes();

    // The floor: every token of the same bytes through QXmlStreamReader, nothing kept.
    clock.restart();
    qint64 tokens = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const FeedFile& file : files) {
            QXmlStreamReader xml(file.bytes);
            while (!xml.atEnd()) {
                xml.readNext();
                ++tokens;
            }
        }
    }
    const double floorSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;

    qint64 pythonItems = 0;
    const double python = pythonSeconds(files, rounds, &pythonItems);
    const double megabytes = static_cast<double>(bytes) * rounds / (1024.0 * 1024.0);
    return QJsonObject{
        {QStringLiteral("files"), files.size()},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("items"), items / oursRounds},
        {QStringLiteral("refused"), refused / oursRounds},
        {QStringLiteral("ours_s"), oursSeconds},
        {QStringLiteral("ours_mb_per_s"), megabytes / oursSeconds},
        {QStringLiteral("ours_items_per_s"),
         static_cast<double>(items) / oursRounds * rounds / oursSeconds},
        {QStringLiteral("floor_s"), floorSeconds},
        {QStringLiteral("floor_mb_per_s"), megabytes / floorSeconds},
        {QStringLiteral("feedparser_s"), python},
        {QStringLiteral("feedparser_items"), pythonItems / rounds},
        {QStringLiteral("feedparser_mb_per_s"), python > 0 ? megabytes / python : 0.0},
        {QStringLiteral("ratio_to_feedparser"), python > 0 ? python / oursSeconds : 0.0},
        {QStringLiteral("resident_before_mb"), static_cast<double>(residentBefore) / 1048576.0},
        {QStringLiteral("resident_after_mb"), static_cast<double>(residentAfter) / 1048576.0},
    };
}

} // namespace broadsheet::bench
