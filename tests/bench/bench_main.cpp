// SPDX-License-Identifier: GPL-3.0-or-later
// broadsheet-bench: import and search throughput of Broadsheet against a raw SQLite + FTS5
// baseline measured in the same run, on a library built from real texts.
#include "article_printer.h"
#include "bench_corpus.h"
#include "bench_discovery.h"
#include "bench_feeds.h"
#include "bench_refresh.h"
#include "bench_sync.h"
#include "bench_window.h"
#include "export/export_job.h"
#include "importing/import_job.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "store/database.h"
#include "store/library_writer.h"
#include "tagging/tagging_pass.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace broadsheet;
using namespace broadsheet::bench;

namespace {

struct BenchQuery {
    const char* ours;     ///< in Broadsheet's query language
    const char* raw;      ///< the same as an FTS5 MATCH string
    qint64 afterYear = 0; ///< raw: a date filter, when the query has one
    qint64 beforeYear = 0;
};

// High- and low-frequency words, phrases, OR, NOT, prefix, field and date filters.
const BenchQuery kQueries[] = {
    {"said", "said"},
    {"government", "government"},
    {"people", "people"},
    {"film", "film"},
    {"broadband", "broadband"},
    {"inflation", "inflation"},
    {"\"prime minister\"", "\"prime minister\""},
    {"\"world cup\"", "\"world cup\""},
    {"\"chief executive\"", "\"chief executive\""},
    {"mobile OR phone", "mobile OR phone"},
    {"music OR film", "music OR film"},
    {"election -labour", "election NOT labour"},
    {"economy -growth", "economy NOT growth"},
    {"comput*", "comput*"},
    {"champion*", "champion*"},
    {"title:china", "title : china"},
    {"title:election", "title : election"},
    {"growth after:2014", "growth", 2014, 0},
    {"market date:2015", "market", 2015, 2016},
    {"title:england rugby", "title : england AND rugby"},
};

void say(const QString& text);

/// The feed parsing figures, as a line of the report.
void printRefreshFigures(const QJsonObject& r)
{
    auto line = [](const QString& what, const QJsonObject& m) {
        std::printf("  %-34s wall %7.2f s  cpu %7.2f s  peak %6.1f MB  (exit %d)\n",
                    what.toUtf8().constData(), m.value(QStringLiteral("wallSeconds")).toDouble(),
                    m.value(QStringLiteral("cpuSeconds")).toDouble(),
                    m.value(QStringLiteral("peakMegabytes")).toDouble(),
                    m.value(QStringLiteral("exitCode")).toInt());
    };
    const int feeds = r.value(QStringLiteral("feeds")).toInt();
    std::printf("Refresh of %d feeds x %d stories from 127.0.0.1 (%lld stories stored)\n", feeds,
                r.value(QStringLiteral("items")).toInt(),
                static_cast<long long>(r.value(QStringLiteral("stories")).toDouble()));
    const QJsonObject first = r.value(QStringLiteral("broadsheetFirst")).toObject();
    const QJsonObject again = r.value(QStringLiteral("broadsheetNotModified")).toObject();
    const QJsonObject fewer = r.value(QStringLiteral("broadsheetFirstFewer")).toObject();
    line(QStringLiteral("broadsheet-cli refresh, first"), first);
    line(QStringLiteral("broadsheet-cli refresh, all 304"), again);
    line(QStringLiteral("broadsheet-cli refresh, first, %1 feeds")
             .arg(r.value(QStringLiteral("fewerFeeds")).toInt()),
         fewer);
    const auto wall = [](const QJsonObject& m) {
        return m.value(QStringLiteral("wallSeconds")).toDouble();
    };
    const auto peak = [](const QJsonObject& m) {
        return m.value(QStringLiteral("peakMegabytes")).toDouble();
    };
    std::printf("  304 refresh is %.1fx faster than the first; peak memory %d feeds / %d feeds: "
                "%.2fx\n",
                wall(first) / std::max(1e-9, wall(again)), feeds,
                r.value(QStringLiteral("fewerFeeds")).toInt(),
                peak(first) / std::max(1e-9, peak(fewer)));
    if (r.contains(QStringLiteral("window"))) {
        const QJsonObject w = r.value(QStringLiteral("window")).toObject();
        const double idle = w.value(QStringLiteral("idle_p50_ms")).toDouble();
        const double busy = w.value(QStringLiteral("during_p50_ms")).toDouble();
        std::printf("  window refresh of every feed: %.1f s, %d new, %d failed; search p50 %.2f ms "
                    "idle, %.2f ms during (%.2fx, %d searches); GUI longest stall %.0f ms, %d "
                    "over 50 ms\n",
                    w.value(QStringLiteral("refresh_s")).toDouble(),
                    w.value(QStringLiteral("added")).toInt(),
                    w.value(QStringLiteral("failed")).toInt(), idle, busy,
                    busy / std::max(1e-9, idle), w.value(QStringLiteral("searches_during")).toInt(),
                    w.value(QStringLiteral("gui_stall_max_ms")).toDouble(),
                    w.value(QStringLiteral("gui_stalls_over_50_ms")).toInt());
    }
    if (r.contains(QStringLiteral("newsboatFirst"))) {
        const QJsonObject nbFirst = r.value(QStringLiteral("newsboatFirst")).toObject();
        const QJsonObject nbAgain = r.value(QStringLiteral("newsboatNotModified")).toObject();
        line(QStringLiteral("newsboat -x reload, first"), nbFirst);
        line(QStringLiteral("newsboat -x reload, again"), nbAgain);
        std::printf("  Broadsheet / newsboat wall: first %.2fx, again %.2fx (below 1: faster)\n",
                    wall(first) / std::max(1e-9, wall(nbFirst)),
                    wall(again) / std::max(1e-9, wall(nbAgain)));
    }
}

void printFeedFigures(const QJsonObject& f)
{
    std::printf("feeds:    %d files, %.1f MB, %lld items: ours %.1f MB/s and %.0f items/s; bare "
                "QXmlStreamReader %.1f MB/s (the floor); python3-feedparser %.2f MB/s: ours "
                "%.0f x faster (target >= 30); resident %.0f MB before, %.0f MB after\n",
                f.value(QStringLiteral("files")).toInt(),
                f.value(QStringLiteral("bytes")).toDouble() / 1048576.0,
                static_cast<long long>(f.value(QStringLiteral("items")).toInteger()),
                f.value(QStringLiteral("ours_mb_per_s")).toDouble(),
                f.value(QStringLiteral("ours_items_per_s")).toDouble(),
                f.value(QStringLiteral("floor_mb_per_s")).toDouble(),
                f.value(QStringLiteral("feedparser_mb_per_s")).toDouble(),
                f.value(QStringLiteral("ratio_to_feedparser")).toDouble(),
                f.value(QStringLiteral("resident_before_mb")).toDouble(),
                f.value(QStringLiteral("resident_after_mb")).toDouble());
}

void say(const QString& text)
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    std::fprintf(stderr, "[%7.2f s] %s\n", static_cast<double>(clock.elapsed()) / 1000.0,
                 qPrintable(text));
}

qint64 yearKey(qint64 year)
{
    return QDateTime(QDate(static_cast<int>(year), 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<qsizetype>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

/// CPU time the whole process has used, every thread's.
double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

void check(bool ok, const QString& what)
{
    if (!ok) {
        say(QStringLiteral("broadsheet-bench: %1").arg(what));
        std::exit(1);
    }
}

template <typename T>
T checked(core::Result<T> result)
{
    check(result.ok(), result.ok() ? QString() : result.error().message);
    return std::move(result).value();
}

void checked(core::Result<void> result)
{
    check(result.ok(), result.ok() ? QString() : result.error().message);
}

/// The baseline: a bare table plus an FTS5 table, prepared statements, one transaction.
double importRaw(core::Database& raw, const QStringList& files, const QList<QDate>& dates)
{
    checked(raw.exec(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
        "CREATE TABLE raw(id INTEGER PRIMARY KEY, title TEXT, body TEXT, published INTEGER);"
        "CREATE VIRTUAL TABLE raw_fts USING fts5(title, body, content = 'raw', "
        "content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');"));
    QElapsedTimer timer;
    timer.start();
    checked(raw.exec("BEGIN"));
    auto row =
        checked(raw.prepare("INSERT INTO raw(id, title, body, published) VALUES (?1, ?2, ?3, ?4)"));
    auto index =
        checked(raw.prepare("INSERT INTO raw_fts(rowid, title, body) VALUES (?1, ?2, ?3)"));
    for (qsizetype i = 0; i < files.size(); ++i) {
        QFile file(files[i]);
        check(file.open(QIODevice::ReadOnly), files[i]);
        const QString text = QString::fromUtf8(file.readAll());
        const qsizetype split = text.indexOf(QStringLiteral("\n\n"));
        const QString title = text.left(split);
        const QString body = text.mid(split + 2);
        const qint64 published = QDateTime(dates[i], QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        checked(row.bind(1, qint64{i + 1}).bind(2, title).bind(3, body).bind(4, published).run());
        checked(index.bind(1, qint64{i + 1}).bind(2, title).bind(3, body).run());
    }
    checked(raw.exec("COMMIT"));
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

/// The baseline for export: every row of the raw table written as a JSON line, one
/// statement, one file, no tags or other fields.
double exportRaw(core::Database& raw, const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    check(file.open(QIODevice::WriteOnly), path);
    auto rows = checked(raw.prepare("SELECT id, title, body, published FROM raw ORDER BY id"));
    while (checked(rows.step())) {
        const QJsonObject object{{QStringLiteral("id"), rows.int64(0)},
                                 {QStringLiteral("title"), rows.text(1)},
                                 {QStringLiteral("body"), rows.text(2)},
                                 {QStringLiteral("published"), rows.int64(3)}};
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    }
    check(file.flush(), path);
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

double runRawQuery(core::Database& raw, const BenchQuery& query)
{
    QElapsedTimer timer;
    timer.start();
    core::Result<core::Statement> stmt =
        query.afterYear
            ? raw.prepare("SELECT raw_fts.rowid, raw_fts.title, "
                          "snippet(raw_fts, -1, '[', ']', '…', 24), rank "
                          "FROM raw_fts JOIN raw r ON r.id = raw_fts.rowid "
                          "WHERE raw_fts MATCH ?1 AND rank MATCH 'bm25(10.0, 1.0)' "
                          "AND r.published >= ?2 AND r.published < ?3 ORDER BY rank LIMIT 50")
            : raw.prepare(
                  "SELECT rowid, title, snippet(raw_fts, -1, '[', ']', '…', 24), "
                  "rank FROM raw_fts WHERE raw_fts MATCH ?1 AND rank MATCH 'bm25(10.0, 1.0)' "
                  "ORDER BY rank LIMIT 50");
    checked(stmt.ok() ? core::Result<void>() : core::Result<void>(stmt.error()));
    stmt->bind(1, QString::fromUtf8(query.raw));
    if (query.afterYear) {
        stmt->bind(2, yearKey(query.afterYear))
            .bind(3, query.beforeYear ? yearKey(query.beforeYear)
                                      : std::numeric_limits<qint64>::max());
    }
    int rows = 0;
    checked(stmt->forEachRow(
        [&rows](const core::Statement& row) { rows += row.text(2).isEmpty() ? 0 : 1; }));
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double runOurQuery(core::Searcher& searcher, const BenchQuery& query, int rankWindow)
{
    QElapsedTimer timer;
    timer.start();
    core::SearchRequest request;
    request.query = QString::fromUtf8(query.ours);
    request.limit = 50;
    request.countTotal = false; // the same work as the baseline: the top 50 with snippets
    request.facets = core::SearchRequest::kNoFacets;
    request.rankWindow = rankWindow;
    auto results = checked(searcher.search(request));
    check(results.hints.isEmpty(), QStringLiteral("query '%1' gave a hint").arg(request.query));
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

/// Times the window in a fresh process (this program with --window-on), so each library
/// pays the same start-up costs and the memory figure is the window's alone, not what the
/// import and search before it left behind.
QJsonObject measureWindowInChild(const QString& library)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--window-on"), library});
    check(child.waitForFinished(300000) && child.exitCode() == 0,
          QStringLiteral("the window benchmark on %1 failed").arg(library));
    const QJsonDocument figures = QJsonDocument::fromJson(child.readAllStandardOutput());
    check(figures.isObject(), QStringLiteral("the window benchmark printed no JSON"));
    return figures.object();
}

} // namespace

int main(int argc, char* argv[])
{
    // The window part runs real widgets on the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("broadsheet-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures Broadsheet's import and search against a raw SQLite + FTS5 baseline."));
    parser.addHelpOption();
    const QCommandLineOption articles(QStringLiteral("articles"),
                                      QStringLiteral("Library size (default 100000)."),
                                      QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption corpus(
        QStringLiteral("corpus"),
        QStringLiteral("Folder of real .txt articles to reuse (default: "
                       "../shared/data/bbc/news when present)."),
        QStringLiteral("DIR"));
    const QCommandLineOption generate(QStringLiteral("generate"),
                                      QStringLiteral("Use generated text instead of a corpus."));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Times each query runs (default 15)."),
                                    QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption workdir(QStringLiteral("workdir"),
                                     QStringLiteral("Where to build the libraries (default: a "
                                                    "temporary folder)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption windowOption(
        QStringLiteral("window"),
        QStringLiteral("Also open the window on 1,000 and on N stories and time it."));
    const QCommandLineOption windowOn(
        QStringLiteral("window-on"), QStringLiteral("Only time the window on an existing library."),
        QStringLiteral("FILE"));
    const QCommandLineOption writes(
        QStringLiteral("writes"),
        QStringLiteral("Also star 200 stories in the window while it imports the N stories."));
    const QCommandLineOption writesOnly(
        QStringLiteral("writes-only"),
        QStringLiteral("Only the --writes measurement (no baseline, search or export)."));
    const QCommandLineOption perQuery(QStringLiteral("per-query"),
                                      QStringLiteral("Also print each query's median times."));
    const QCommandLineOption feedsOnly(
        QStringLiteral("feeds-only"),
        QStringLiteral("Only the feed parsing measurement (every feed file in ../shared/data, "
                       "against python3-feedparser)."));
    const QCommandLineOption refreshOnly(
        QStringLiteral("refresh-only"),
        QStringLiteral("Only the refresh measurement: --feeds subscriptions of 50 stories from "
                       "127.0.0.1, broadsheet-cli against newsboat."));
    const QCommandLineOption feedCount(QStringLiteral("feeds"),
                                       QStringLiteral("Subscriptions to refresh (default 500)."),
                                       QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption refreshWindowOn(
        QStringLiteral("refresh-window-on"),
        QStringLiteral("Only time a refresh in the window on an existing library."),
        QStringLiteral("FILE"));
    const QCommandLineOption syncWindowOn(
        QStringLiteral("sync-window-on"),
        QStringLiteral("Only time a sync of its accounts in the window on an existing library."),
        QStringLiteral("FILE"));
    const QCommandLineOption discoveryOnly(
        QStringLiteral("discovery-only"),
        QStringLiteral("Only the discovery measurement: related stories and versions on the BBC "
                       "corpus, then at --articles stories (0: skip that part)."));
    const QCommandLineOption syncOnly(
        QStringLiteral("sync-only"),
        QStringLiteral("Only the sync measurement: a real FreshRSS on 127.0.0.1 crawls one feed "
                       "of --sync-items stories; broadsheet-cli syncs it all, then 100 changes."));
    const QCommandLineOption syncItems(QStringLiteral("sync-items"),
                                       QStringLiteral("Stories for --sync-only (default 10000)."),
                                       QStringLiteral("N"), QStringLiteral("10000"));
    parser.addOptions({articles, corpus, generate, rounds, workdir, json, perQuery, windowOption,
                       windowOn, writes, writesOnly, feedsOnly, refreshOnly, feedCount,
                       refreshWindowOn, syncWindowOn, discoveryOnly, syncOnly, syncItems});
    parser.process(app);

    if (parser.isSet(syncOnly)) {
        const int n = std::max(100, parser.value(syncItems).toInt());
        say(QStringLiteral("sync: FreshRSS crawls %1 stories, then broadsheet-cli syncs").arg(n));
        const QJsonObject s = measureSync(QStringLiteral(BROADSHEET_CLI_PATH),
                                          QStringLiteral(BROADSHEET_SHARED_DIR), n);
        if (parser.isSet(json))
            std::fputs(QJsonDocument(s).toJson().constData(), stdout);
        else
            printSyncFigures(s);
        return 0;
    }

    if (parser.isSet(discoveryOnly)) {
        QTemporaryDir temporary(parser.isSet(workdir)
                                    ? parser.value(workdir) + QStringLiteral("/bench-XXXXXX")
                                    : QString());
        check(temporary.isValid(), QStringLiteral("cannot create a working folder"));
        const QJsonObject d =
            measureDiscovery(QStringLiteral(BROADSHEET_SHARED_DIR "/data/bbc/news"),
                             parser.value(articles).toInt(), temporary.path());
        if (parser.isSet(json))
            std::fputs(QJsonDocument(d).toJson().constData(), stdout);
        else
            printDiscoveryFigures(d);
        return 0;
    }

    if (parser.isSet(syncWindowOn)) {
        QTemporaryDir settings;
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
        std::fputs(QJsonDocument(measureRefreshInWindow(parser.value(syncWindowOn), true))
                       .toJson()
                       .constData(),
                   stdout);
        return 0;
    }

    if (parser.isSet(refreshWindowOn)) {
        QTemporaryDir settings;
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
        std::fputs(QJsonDocument(measureRefreshInWindow(parser.value(refreshWindowOn)))
                       .toJson()
                       .constData(),
                   stdout);
        return 0;
    }

    if (parser.isSet(refreshOnly)) {
        const int n = std::max(5, parser.value(feedCount).toInt());
        say(QStringLiteral("refreshing %1 feeds of 50 stories from 127.0.0.1").arg(n));
        const QJsonObject r =
            measureRefresh(QStringLiteral(BROADSHEET_CLI_PATH),
                           QStringLiteral(BROADSHEET_SHARED_DIR "/data/bbc/news"), n, 50);
        if (parser.isSet(json)) {
            std::fputs(QJsonDocument(r).toJson().constData(), stdout);
            return 0;
        }
        printRefreshFigures(r);
        return 0;
    }

    if (parser.isSet(feedsOnly)) {
        say(QStringLiteral("parsing every feed file of %1, 5 rounds each side")
                .arg(QStringLiteral(BROADSHEET_SHARED_DIR "/data")));
        const QJsonObject f = measureFeedParsing(QStringLiteral(BROADSHEET_SHARED_DIR "/data"), 5);
        if (parser.isSet(json)) {
            std::fputs(QJsonDocument(f).toJson().constData(), stdout);
            return 0;
        }
        printFeedFigures(f);
        return 0;
    }

    if (parser.isSet(windowOn)) {
        QTemporaryDir settings;
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
        std::fputs(QJsonDocument(measureWindow(parser.value(windowOn))).toJson().constData(),
                   stdout);
        return 0;
    }
    const int count = parser.value(articles).toInt();
    const int repeat = std::max(1, parser.value(rounds).toInt());
    check(count > 0, QStringLiteral("--articles needs a positive number"));
    QString corpusDir = parser.value(corpus);
    if (corpusDir.isEmpty() && !parser.isSet(generate)) {
        const QString bbc = QStringLiteral(BROADSHEET_SHARED_DIR "/data/bbc/news");
        if (QFileInfo::exists(bbc))
            corpusDir = bbc;
    }
    const QList<BenchArticle> bases =
        corpusDir.isEmpty() ? QList<BenchArticle>() : loadCorpus(corpusDir);
    check(corpusDir.isEmpty() || !bases.isEmpty(),
          QStringLiteral("no articles in %1").arg(corpusDir));

    QTemporaryDir temporary(parser.isSet(workdir)
                                ? parser.value(workdir) + QStringLiteral("/bench-XXXXXX")
                                : QString());
    check(temporary.isValid(), QStringLiteral("cannot create a working folder"));
    const QDir work(temporary.path());
    say(QStringLiteral("writing %1 article files from %2 into %3")
            .arg(count)
            .arg(corpusDir.isEmpty() ? QStringLiteral("generated text") : corpusDir, work.path()));
    QStringList files;
    QList<QDate> dates;
    qint64 textBytes = 0;
    files.reserve(count);
    for (int i = 0; i < count; ++i) {
        const BenchArticle article = makeArticle(bases, i);
        const QString folder =
            work.filePath(QStringLiteral("articles/%1").arg(i / 1000, 4, 10, QLatin1Char('0')));
        if (i % 1000 == 0)
            QDir().mkpath(folder);
        const QString path = QStringLiteral("%1/%2.txt").arg(folder).arg(i);
        const QByteArray bytes = toFileText(article);
        QFile file(path);
        check(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size(), path);
        textBytes += bytes.size();
        files.append(path);
        dates.append(article.date);
    }

    if (parser.isSet(writesOnly)) {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           work.filePath(QStringLiteral("settings")));
        const QString busy = work.filePath(QStringLiteral("busy.sqlite"));
        {
            auto seedWriter = checked(
                core::LibraryWriter::open(busy, core::ArticleStore::OpenMode::CreateIfMissing));
            checked(
                core::ImportJob(*seedWriter).run({work.filePath(QStringLiteral("articles/0000"))}));
        }
        const QJsonObject w =
            measureWritesDuringImport(busy, work.filePath(QStringLiteral("articles")), 200, 100);
        std::fputs(QJsonDocument(w).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    say(QStringLiteral("importing: raw baseline"));
    core::Database raw = checked(core::Database::open(work.filePath(QStringLiteral("raw.sqlite")),
                                                      core::Database::Mode::ReadWriteCreate));
    const double rawSeconds = importRaw(raw, files, dates);

    // Import to searchable: stored, indexed, rules applied; the tagging pass follows.
    say(QStringLiteral("importing: Broadsheet, to searchable"));
    const QString libraryPath = work.filePath(QStringLiteral("library.sqlite"));
    auto writer = checked(
        core::LibraryWriter::open(libraryPath, core::ArticleStore::OpenMode::CreateIfMissing));
    auto store =
        checked(core::ArticleStore::open(libraryPath, core::ArticleStore::OpenMode::OpenExisting));
    QElapsedTimer timer;
    timer.start();
    const core::ImportReport report =
        checked(core::ImportJob(*writer).run({work.filePath(QStringLiteral("articles"))}));
    const double ourSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    check(report.added == count && report.skipped.isEmpty(),
          QStringLiteral("import added %1 of %2 (%3 skipped, %4 duplicates)")
              .arg(report.added)
              .arg(count)
              .arg(report.skipped.size())
              .arg(report.duplicates));

    // The tagging pass: throughput, and CPU per story (both cores' worth).
    say(QStringLiteral("tagging: the background pass over %1 stories").arg(count));
    const double cpuBefore = processCpuSeconds();
    timer.restart();
    const qint64 tagged = checked(core::TaggingPass(*writer, *store).run());
    const double tagSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double tagCpuSeconds = processCpuSeconds() - cpuBefore;
    check(tagged == count, QStringLiteral("the pass tagged %1 of %2").arg(tagged).arg(count));
    checked(store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    const qint64 libraryBytes = QFileInfo(store->path()).size();

    say(QStringLiteral("searching: %1 queries x %2 rounds, each side")
            .arg(std::size(kQueries))
            .arg(repeat));
    core::Searcher searcher(store->database());
    // Ours as shipped ranks the newest 10,000 matches of a broad query; "full" ranks every
    // match, as the baseline does, for a like-for-like ratio.
    const int window = core::SearchRequest().rankWindow;
    QList<double> ours;
    QList<double> oursFull;
    QList<double> rawTimes;
    for (const BenchQuery& query : kQueries) { // warm the caches once
        runOurQuery(searcher, query, window);
        runRawQuery(raw, query);
    }
    constexpr qsizetype kQueryCount = std::size(kQueries);
    QList<QList<double>> byQuery(kQueryCount * 3);
    for (int round = 0; round < repeat; ++round) {
        for (qsizetype q = 0; q < kQueryCount; ++q) {
            ours.append(runOurQuery(searcher, kQueries[q], window));
            oursFull.append(runOurQuery(searcher, kQueries[q], 0));
            rawTimes.append(runRawQuery(raw, kQueries[q]));
            byQuery[q * 3].append(ours.back());
            byQuery[q * 3 + 1].append(oursFull.back());
            byQuery[q * 3 + 2].append(rawTimes.back());
        }
    }
    // Search while a pass retags everything (as after a tagger update): p50 against idle.
    say(QStringLiteral("searching while the tagging pass runs"));
    QList<double> duringPass;
    {
        std::atomic<bool> passDone{false};
        std::thread pass([&] {
            auto reader = checked(
                core::ArticleStore::open(libraryPath, core::ArticleStore::OpenMode::OpenExisting));
            checked(core::TaggingPass(*writer, *reader).run({}, true));
            passDone = true;
        });
        while (!passDone) {
            for (const BenchQuery& query : kQueries) {
                duringPass.append(runOurQuery(searcher, query, window));
                if (passDone)
                    break;
            }
        }
        pass.join();
    }

    if (parser.isSet(perQuery)) {
        say(QStringLiteral("median ms per query: ours, ours ranking every match, raw"));
        for (qsizetype q = 0; q < kQueryCount; ++q) {
            say(QStringLiteral("%1 %2 %3  %4")
                    .arg(percentile(byQuery[q * 3], 0.5), 8, 'f', 2)
                    .arg(percentile(byQuery[q * 3 + 1], 0.5), 8, 'f', 2)
                    .arg(percentile(byQuery[q * 3 + 2], 0.5), 8, 'f', 2)
                    .arg(QString::fromUtf8(kQueries[q].ours)));
        }
    }

    say(QStringLiteral("exporting: raw dump, then every article in each format"));
    const double rawExportSeconds = exportRaw(raw, work.filePath(QStringLiteral("raw.ndjson")));
    QFile::remove(work.filePath(QStringLiteral("raw.ndjson")));
    QJsonObject exportFigures{{QStringLiteral("raw_dump_s"), rawExportSeconds}};
    {
        const QList<core::ArticleId> every = checked(store->articleIds());
        for (core::ExportFormat format :
             {core::ExportFormat::Ndjson, core::ExportFormat::Json, core::ExportFormat::Csv,
              core::ExportFormat::Html, core::ExportFormat::Markdown}) {
            const QString name = core::export_format::nameOf(format);
            const QString out = work.filePath(QStringLiteral("export.") + name);
            const qint64 before = residentBytes();
            qint64 peak = before;
            core::ExportJob job(*store);
            job.setProgressCallback(
                [&peak](const core::ExportProgress&) { peak = std::max(peak, residentBytes()); });
            QElapsedTimer exportTimer;
            exportTimer.start();
            const core::ExportReport written =
                checked(job.run(core::ExportRequest{every, format, out, false, QString()}));
            const double seconds = static_cast<double>(exportTimer.nsecsElapsed()) / 1e9;
            check(written.articles == count,
                  QStringLiteral("export wrote %1").arg(written.articles));
            qint64 bytes = QFileInfo(out).size();
            if (QFileInfo(out).isDir()) {
                bytes = 0;
                for (const QFileInfo& file : QDir(out).entryInfoList(QDir::Files))
                    bytes += file.size();
                QDir(out).removeRecursively();
            } else {
                QFile::remove(out);
            }
            exportFigures.insert(
                name, QJsonObject{{QStringLiteral("seconds"), seconds},
                                  {QStringLiteral("ratio_to_raw_dump"), seconds / rawExportSeconds},
                                  {QStringLiteral("peak_rss_growth_mb"),
                                   static_cast<double>(peak - before) / 1e6},
                                  {QStringLiteral("output_mb"), bytes / 1e6}});
            say(QStringLiteral("exported %1: %2 s (%3 x the raw dump); resident memory %4 MB "
                               "before, at most %5 MB during")
                    .arg(name)
                    .arg(seconds, 0, 'f', 1)
                    .arg(seconds / rawExportSeconds, 0, 'f', 2)
                    .arg(before / 1e6, 0, 'f', 1)
                    .arg(peak / 1e6, 0, 'f', 1));
        }
    }

    {
        // PDF lays out every page: 1,000 stories (about 1,300 pages) say what a page costs.
        const QList<core::ArticleId> first = checked(store->articleIds(1000));
        const QString out = work.filePath(QStringLiteral("export.pdf"));
        QElapsedTimer pdfTimer;
        pdfTimer.start();
        const core::ExportReport pdf = checked(ui::exportPdf(*store, first, out, false));
        const double seconds = static_cast<double>(pdfTimer.nsecsElapsed()) / 1e9;
        exportFigures.insert(
            QStringLiteral("pdf_1000"),
            QJsonObject{{QStringLiteral("seconds"), seconds},
                        {QStringLiteral("output_mb"), QFileInfo(out).size() / 1e6}});
        say(QStringLiteral("exported pdf: %1 stories in %2 s")
                .arg(pdf.articles)
                .arg(seconds, 0, 'f', 1));
        QFile::remove(out);
    }

    say(QStringLiteral("parsing every feed file of ../shared/data, ours and python3-feedparser"));
    const QJsonObject feedFigures =
        measureFeedParsing(QStringLiteral(BROADSHEET_SHARED_DIR "/data"), 3);

    QJsonObject windowFigures;
    if (parser.isSet(windowOption)) {
        // A clean settings folder: no remembered search or geometry from a user's session.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           work.filePath(QStringLiteral("settings")));
        say(QStringLiteral("window: building a library of 1,000"));
        const QString small = work.filePath(QStringLiteral("small.sqlite"));
        {
            auto smallWriter = checked(
                core::LibraryWriter::open(small, core::ArticleStore::OpenMode::CreateIfMissing));
            checked(core::ImportJob(*smallWriter)
                        .run({work.filePath(QStringLiteral("articles/0000"))}));
        }
        say(QStringLiteral("window: opening 1,000 and %1 stories").arg(count));
        const QJsonObject smallFigures = measureWindowInChild(small);
        store.reset(); // the window opens the large library itself
        writer.reset();
        const QJsonObject largeFigures =
            measureWindowInChild(work.filePath(QStringLiteral("library.sqlite")));
        windowFigures = {
            {QStringLiteral("small"), smallFigures},
            {QStringLiteral("large"), largeFigures},
            {QStringLiteral("scroll_end_ms"), largeFigures.value(QStringLiteral("scroll_end_ms"))}};
    }

    QJsonObject writeFigures;
    if (parser.isSet(writes)) {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           work.filePath(QStringLiteral("settings")));
        say(QStringLiteral("window: starring 200 stories while %1 import").arg(count));
        const QString busy = work.filePath(QStringLiteral("busy.sqlite"));
        {
            auto seedWriter = checked(
                core::LibraryWriter::open(busy, core::ArticleStore::OpenMode::CreateIfMissing));
            checked(
                core::ImportJob(*seedWriter).run({work.filePath(QStringLiteral("articles/0000"))}));
        }
        writeFigures =
            measureWritesDuringImport(busy, work.filePath(QStringLiteral("articles")), 200, 100);
    }

    const double oursPerSecond = count / ourSeconds;
    const double duringP50 = percentile(duringPass, 0.50);
    const double rawPerSecond = count / rawSeconds;
    const double oursP50 = percentile(ours, 0.50);
    const double oursP95 = percentile(ours, 0.95);
    const double oursP99 = percentile(ours, 0.99);
    const double fullP50 = percentile(oursFull, 0.50);
    const double fullP99 = percentile(oursFull, 0.99);
    const double rawP50 = percentile(rawTimes, 0.50);
    const double rawP99 = percentile(rawTimes, 0.99);
    QJsonObject result{
        {QStringLiteral("articles"), count},
        {QStringLiteral("corpus"), corpusDir.isEmpty() ? QStringLiteral("generated") : corpusDir},
        {QStringLiteral("import"),
         QJsonObject{{QStringLiteral("ours_per_s"), oursPerSecond},
                     {QStringLiteral("raw_per_s"), rawPerSecond},
                     {QStringLiteral("ratio"), oursPerSecond / rawPerSecond}}},
        {QStringLiteral("tagging_pass"),
         QJsonObject{{QStringLiteral("stories_per_s"), count / tagSeconds},
                     {QStringLiteral("cpu_us_per_story"), 1e6 * tagCpuSeconds / count},
                     {QStringLiteral("search_p50_during_ms"), duringP50},
                     {QStringLiteral("search_p50_during_ratio"), duringP50 / percentile(ours, 0.5)},
                     {QStringLiteral("queries_during"), duringPass.size()}}},
        {QStringLiteral("search"), QJsonObject{{QStringLiteral("ours_p50_ms"), oursP50},
                                               {QStringLiteral("ours_p95_ms"), oursP95},
                                               {QStringLiteral("ours_p99_ms"), oursP99},
                                               {QStringLiteral("raw_p50_ms"), rawP50},
                                               {QStringLiteral("raw_p99_ms"), rawP99},
                                               {QStringLiteral("p50_ratio"), oursP50 / rawP50},
                                               {QStringLiteral("p99_ratio"), oursP99 / rawP99}}},
        {QStringLiteral("search_full_rank"),
         QJsonObject{{QStringLiteral("ours_p50_ms"), fullP50},
                     {QStringLiteral("ours_p99_ms"), fullP99},
                     {QStringLiteral("p50_ratio"), fullP50 / rawP50},
                     {QStringLiteral("p99_ratio"), fullP99 / rawP99}}},
        {QStringLiteral("store"), QJsonObject{{QStringLiteral("bytes_per_article"),
                                               static_cast<double>(libraryBytes) / count},
                                              {QStringLiteral("raw_text_bytes_per_article"),
                                               static_cast<double>(textBytes) / count}}},
    };
    result.insert(QStringLiteral("export"), exportFigures);
    result.insert(QStringLiteral("feeds"), feedFigures);
    if (!windowFigures.isEmpty())
        result.insert(QStringLiteral("window"), windowFigures);
    if (!writeFigures.isEmpty())
        result.insert(QStringLiteral("writes_during_import"), writeFigures);
    if (parser.isSet(json)) {
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    std::printf("articles: %d (%s)\n", count,
                qPrintable(result.value(QStringLiteral("corpus")).toString()));
    std::printf("import:   to searchable %.0f/s, raw %.0f/s, ratio %.2f (target >= 0.9)\n",
                oursPerSecond, rawPerSecond, oursPerSecond / rawPerSecond);
    std::printf("tagging:  the pass %.0f stories/s, %.0f us CPU a story (goal <= 150); search p50 "
                "during it %.2f ms, %.2f x idle (target <= 1.5, %lld queries)\n",
                count / tagSeconds, 1e6 * tagCpuSeconds / count, duringP50,
                duringP50 / percentile(ours, 0.5), static_cast<long long>(duringPass.size()));
    std::printf(
        "search:   ours p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; raw p50 %.2f ms, p99 %.2f ms; "
        "p50 ratio %.2f (<= 1.2), p99 ratio %.2f (<= 1.5)\n",
        oursP50, oursP95, oursP99, rawP50, rawP99, oursP50 / rawP50, oursP99 / rawP99);
    std::printf("          ranking every match (as the baseline does): p50 %.2f ms, p99 %.2f ms; "
                "p50 ratio %.2f, p99 ratio %.2f\n",
                fullP50, fullP99, fullP50 / rawP50, fullP99 / rawP99);
    if (!writeFigures.isEmpty()) {
        const QJsonObject& w = writeFigures;
        std::printf("writes:   %d stars while the window imported (%d during the import): %d shown "
                    "at once, durable p50 %.0f ms, max %.0f ms (target <= 1000); GUI thread's "
                    "longest stall %.0f ms (target <= 50), %d over 50 ms; %d lock errors; import "
                    "%.1f s\n",
                    w.value(QStringLiteral("toggles")).toInt(),
                    w.value(QStringLiteral("during_import")).toInt(),
                    w.value(QStringLiteral("shown_at_once")).toInt(),
                    w.value(QStringLiteral("durable_p50_ms")).toDouble(),
                    w.value(QStringLiteral("durable_max_ms")).toDouble(),
                    w.value(QStringLiteral("gui_stall_max_ms")).toDouble(),
                    w.value(QStringLiteral("gui_stalls_over_50_ms")).toInt(),
                    w.value(QStringLiteral("lock_errors")).toInt(),
                    w.value(QStringLiteral("import_s")).toDouble());
    }
    std::printf("store:    %.0f bytes per article (text: %.0f bytes)\n",
                static_cast<double>(libraryBytes) / count, static_cast<double>(textBytes) / count);
    printFeedFigures(feedFigures);
    if (!windowFigures.isEmpty()) {
        const QJsonObject s = windowFigures.value(QStringLiteral("small")).toObject();
        const QJsonObject l = windowFigures.value(QStringLiteral("large")).toObject();
        std::printf("window:   first paint %.0f ms at %d, %.0f ms at %d (ratio %.2f, target <= 2); "
                    "memory %.0f MB vs %.0f MB (+%.0f MB, target <= 100); scroll to end %.0f ms "
                    "(target <= 100)\n",
                    s.value(QStringLiteral("first_paint_ms")).toDouble(),
                    s.value(QStringLiteral("articles")).toInt(),
                    l.value(QStringLiteral("first_paint_ms")).toDouble(),
                    l.value(QStringLiteral("articles")).toInt(),
                    l.value(QStringLiteral("first_paint_ms")).toDouble() /
                        s.value(QStringLiteral("first_paint_ms")).toDouble(),
                    s.value(QStringLiteral("rss_mb")).toDouble(),
                    l.value(QStringLiteral("rss_mb")).toDouble(),
                    l.value(QStringLiteral("rss_mb")).toDouble() -
                        s.value(QStringLiteral("rss_mb")).toDouble(),
                    l.value(QStringLiteral("scroll_end_ms")).toDouble());
        std::printf("          every row listed after %.0f ms at %d, %.0f MB then\n",
                    l.value(QStringLiteral("all_rows_ms")).toDouble(),
                    l.value(QStringLiteral("articles")).toInt(),
                    l.value(QStringLiteral("rss_all_rows_mb")).toDouble());
    }
    return 0;
}
