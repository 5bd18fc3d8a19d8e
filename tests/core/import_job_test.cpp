// SPDX-License-Identifier: GPL-3.0-or-later
#include "importing/import_job.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

ImportReport runImport(ArticleStore& store, const QStringList& paths)
{
    auto report = importPaths(store, paths);
    REQUIRE(report.ok());
    return *report;
}

std::unique_ptr<LibraryWriter> writerFor(ArticleStore& store)
{
    auto writer = LibraryWriter::open(store.path(), ArticleStore::OpenMode::OpenExisting);
    REQUIRE(writer.ok());
    return std::move(*writer);
}

QString reasonFor(const ImportReport& report, const QString& fileName)
{
    for (const auto& skipped : report.skipped) {
        if (skipped.path.endsWith(fileName))
            return skipped.reason;
    }
    return {};
}

} // namespace

TEST_CASE("the BBC corpus imports whole, and a second import adds nothing", "[import][corpus]")
{
    REQUIRE_SHARED("data/bbc/news");
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QString corpus = sharedPath(QStringLiteral("data/bbc/news"));

    const ImportReport first = runImport(*store, {corpus});
    CHECK(first.files == 2095);
    CHECK(first.added == 2095);
    CHECK(first.duplicates == 0);
    CHECK(first.skipped.isEmpty());
    CHECK(*store->count() == 2095);

    const ImportReport second = runImport(*store, {corpus});
    CHECK(second.added == 0);
    CHECK(second.duplicates == 2095);
    CHECK(*store->count() == 2095);

    auto problems = store->check();
    REQUIRE(problems.ok());
    CHECK(problems->isEmpty());
}

TEST_CASE("the Wikinews CSV imports as 171 articles with their URLs", "[import][corpus]")
{
    REQUIRE_SHARED("data/wikinews/wikinews_2019.csv");
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const ImportReport report =
        runImport(*store, {sharedPath(QStringLiteral("data/wikinews/wikinews_2019.csv"))});
    CHECK(report.added == 171);
    CHECK(report.skipped.isEmpty());
    auto list = store->listArticles(1);
    REQUIRE(list.ok());
    auto newest = store->article(list->front().id);
    REQUIRE(newest.ok());
    CHECK((*newest)->published.toIso() == QStringLiteral("2019-12-30"));
    CHECK((*newest)->url.startsWith(QStringLiteral("https://en.wikinews.org")));
    CHECK((*newest)->path.endsWith(QStringLiteral("wikinews_2019.csv")));
}

TEST_CASE("bad files are skipped with a reason and the rest is imported", "[import]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QString folder = dir.filePath(QStringLiteral("inbox"));
    writeFile(folder + QStringLiteral("/good.txt"), "A good story\n\nIt has a body.\n");
    writeFile(folder + QStringLiteral("/empty.txt"), "");
    writeFile(folder + QStringLiteral("/blank.txt"), "  \n\t\r\n \n");
    writeFile(folder + QStringLiteral("/binary.txt"), QByteArray("\x7f"
                                                                 "ELF\x02\x01\x01\0\0\0\0",
                                                                 12));
    writeFile(folder + QStringLiteral("/photo.jpg"), "\xff\xd8\xff\xe0");
    writeFile(folder + QStringLiteral("/broken.csv"), "title,text\n\"never closed,oops\n");
    writeFile(folder + QStringLiteral("/.hidden.txt"), "Hidden\n\nNot imported.\n");
    writeFile(folder + QStringLiteral("/nested/deeper/also-good.txt"), "Another story\n\nBody.\n");
    {
        // UTF-16 with a BOM holds NUL bytes but is text.
        const QString text =
            QStringLiteral("Caf\u00e9 story in UTF-16\r\n\r\nBody \u2014 text.\r\n");
        QByteArray utf16("\xFF\xFE");
        for (const QChar c : text) {
            utf16.append(static_cast<char>(c.unicode() & 0xff));
            utf16.append(static_cast<char>(c.unicode() >> 8));
        }
        writeFile(folder + QStringLiteral("/utf16.txt"), utf16);
    }
    {
        // Sparse: 17 MiB on paper, nothing on disk.
        QFile huge(folder + QStringLiteral("/huge.txt"));
        REQUIRE(huge.open(QIODevice::WriteOnly));
        REQUIRE(huge.resize(17 * 1024 * 1024));
    }

    const ImportReport report =
        runImport(*store, {folder, dir.filePath(QStringLiteral("does-not-exist"))});
    CHECK(report.added == 3);
    CHECK(report.skipped.size() == 7);
    CHECK(reasonFor(report, QStringLiteral("empty.txt")) == QStringLiteral("empty file"));
    CHECK(reasonFor(report, QStringLiteral("blank.txt")) ==
          QStringLiteral("contains only whitespace"));
    CHECK(reasonFor(report, QStringLiteral("binary.txt")).contains(QStringLiteral("binary")));
    CHECK(reasonFor(report, QStringLiteral("photo.jpg")).contains(QStringLiteral(".jpg")));
    CHECK(reasonFor(report, QStringLiteral("broken.csv")).contains(QStringLiteral("line 2")));
    CHECK(reasonFor(report, QStringLiteral("huge.txt")).contains(QStringLiteral("too large")));
    CHECK(reasonFor(report, QStringLiteral("does-not-exist")) ==
          QStringLiteral("no such file or folder"));
    CHECK(reasonFor(report, QStringLiteral(".hidden.txt")).isEmpty());

    auto list = store->listArticles(10);
    REQUIRE(list.ok());
    REQUIRE(list->size() == 3);
    CHECK(list->at(0).source == QStringLiteral("inbox"));
    QStringList titles;
    for (const auto& summary : *list)
        titles.append(summary.title);
    CHECK(titles.contains(QStringLiteral("Caf\u00e9 story in UTF-16")));
}

TEST_CASE("an import reports progress and stops when asked", "[import]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QString folder = dir.filePath(QStringLiteral("many"));
    for (int i = 0; i < 600; ++i) {
        writeFile(QStringLiteral("%1/%2.txt").arg(folder).arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("Story number %1\n\nBody of story %1.\n").arg(i).toUtf8());
    }
    auto writer = writerFor(*store);
    ImportJob job(*writer);
    std::stop_source stop;
    QList<ImportProgress> seen;
    job.setProgressCallback([&](const ImportProgress& progress) {
        seen.append(progress);
        if (progress.filesDone > 0)
            stop.request_stop(); // after the first batch
    });
    auto report = job.run({folder}, stop.get_token());
    REQUIRE(report.ok());
    CHECK(report->cancelled);
    CHECK(report->added > 0);
    CHECK(report->added < 600);
    CHECK(*store->count() == report->added);
    REQUIRE(seen.size() >= 2);
    CHECK(seen.front().filesTotal == 600);
    CHECK(seen.front().filesDone == 0);

    // Importing again finishes the job: what was stored is not added twice.
    auto rest = importPaths(*store, {folder});
    REQUIRE(rest.ok());
    CHECK(rest->added == 600 - report->added);
    CHECK(rest->duplicates == report->added);
}

TEST_CASE("articles keep the file they came from", "[import]")
{
    REQUIRE_SHARED("seed/000_2afe67581d2c50c2.txt");
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QString seed = sharedPath(QStringLiteral("seed/000_2afe67581d2c50c2.txt"));
    const ImportReport report = runImport(*store, {seed});
    REQUIRE(report.added == 1);
    auto article = store->article(1);
    REQUIRE(article.ok());
    CHECK((*article)->path == QFileInfo(seed).absoluteFilePath());
    CHECK((*article)->source == QStringLiteral("seed"));
    CHECK((*article)->published.toIso() == QStringLiteral("2014-12-22"));
}

TEST_CASE("a large NDJSON file imports in parts: every line once, a bad line costs only its part",
          "[import][ndjson]")
{
    QTemporaryDir dir;
    // About 2.5 parts of lines of different lengths, so part ends fall inside lines.
    QByteArray bytes;
    int lines = 0;
    while (bytes.size() < ImportJob::kNdjsonPartBytes * 5 / 2) {
        const QByteArray padding(100 + (lines * 37) % 900, 'x');
        bytes += "{\"title\":\"Story " + QByteArray::number(lines) + "\",\"body\":\"" + padding +
                 "\",\"tags\":[{\"name\":\"Part test\",\"kind\":\"manual\"}]}\n";
        ++lines;
    }
    const QString path = dir.filePath(QStringLiteral("big.ndjson"));
    writeFile(path, bytes);

    auto store = openNewLibrary(dir);
    auto writer = writerFor(*store);
    ImportJob job(*writer);
    QList<ImportProgress> seen;
    job.setProgressCallback([&seen](const ImportProgress& progress) { seen.append(progress); });
    auto report = job.run({path});
    REQUIRE(report.ok());
    CHECK(report->files == 1);
    CHECK(report->skipped.isEmpty());
    CHECK(report->added == lines);
    // [regression] Progress counts the file, not its parts ("8 of 1 files").
    for (const ImportProgress& progress : seen) {
        CHECK(progress.filesTotal == 1);
        CHECK(progress.filesDone <= 1);
    }
    CHECK(seen.last().filesDone == 1);
    CHECK(*store->count() == lines);
    auto tags = store->tags();
    REQUIRE(tags.ok());
    REQUIRE(tags->size() == 1);
    CHECK(tags->first().count == lines);

    SECTION("a broken line in the second part")
    {
        QByteArray broken = bytes;
        const qsizetype middle = broken.indexOf('\n', ImportJob::kNdjsonPartBytes * 3 / 2) + 1;
        broken.insert(middle, "{not json}\n");
        const QString brokenPath = dir.filePath(QStringLiteral("broken.ndjson"));
        writeFile(brokenPath, broken);
        auto other = openNewLibrary(dir, QStringLiteral("other.sqlite"));
        auto partly = importPaths(*other, {brokenPath}, Tagging::Off);
        REQUIRE(partly.ok());
        REQUIRE(partly->skipped.size() == 1);
        CHECK(partly->skipped.first().reason.contains(
            QStringLiteral("from byte %1").arg(ImportJob::kNdjsonPartBytes)));
        CHECK(partly->skipped.first().reason.contains(QStringLiteral("not a JSON object")));
        // The first and third parts are in; the second is not.
        CHECK(partly->added > 0);
        CHECK(partly->added < lines);
    }
}

TEST_CASE("a tag of a kind Broadsheet does not know is kept as a manual tag",
          "[import][regression]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("odd.json"));
    writeFile(path, R"([{"title": "A", "body": "B", "tags": [{"name": "T", "kind": "nonsense"},
                       {"name": "U"}, {"name": "  ", "kind": "place"}]}])");
    auto store = openNewLibrary(dir);
    auto report = importPaths(*store, {path});
    REQUIRE(report.ok());
    REQUIRE(report->added == 1);
    auto article = store->article(1);
    REQUIRE(article.ok());
    REQUIRE(article->has_value());
    CHECK((*article)->tags == QList<Tag>{Tag{QStringLiteral("T"), QStringLiteral("manual")},
                                         Tag{QStringLiteral("U"), QStringLiteral("manual")}});
}

TEST_CASE("a FIFO, a socket-like file and a name that is not UTF-8 are skipped with a reason",
          "[import][regression]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QString folder = dir.filePath(QStringLiteral("inbox"));
    writeFile(folder + QStringLiteral("/good.txt"), "A good story\n\nIt has a body.\n");
    // A FIFO nobody writes to blocked the import for ever, in a folder and given directly.
    const QByteArray fifo = QFile::encodeName(folder + QStringLiteral("/pipe.txt"));
    REQUIRE(::mkfifo(fifo.constData(), 0600) == 0);
    // A name with a byte that is not UTF-8 was dropped without a word.
    const QByteArray latin1 = QFile::encodeName(folder) + "/caf\xe9.txt";
    {
        const int fd = ::open(latin1.constData(), O_CREAT | O_WRONLY, 0600);
        REQUIRE(fd >= 0);
        const QByteArray text("Latin-1 named\n\nBody.\n");
        REQUIRE(::write(fd, text.constData(), text.size()) == text.size());
        ::close(fd);
    }

    const ImportReport report = runImport(*store, {folder, QFile::decodeName(fifo)});
    CHECK(report.added == 1);
    REQUIRE(report.skipped.size() == 3);
    CHECK(reasonFor(report, QStringLiteral("pipe.txt")).contains(QStringLiteral("FIFO")));
    int fifoReasons = 0;
    for (const auto& skipped : report.skipped)
        fifoReasons += skipped.reason.contains(QStringLiteral("FIFO")) ? 1 : 0;
    CHECK(fifoReasons == 2);
    CHECK(reasonFor(report, QStringLiteral("caf\uFFFD.txt")).contains(QStringLiteral("UTF-8")));
    ::unlink(latin1.constData()); // QTemporaryDir cannot remove a name Qt cannot spell
}

TEST_CASE("an NDJSON line too long to be a story costs only itself, not its part",
          "[import][ndjson][regression]")
{
    QTemporaryDir dir;
    QByteArray bytes;
    int lines = 0;
    auto addStory = [&] {
        bytes += "{\"title\":\"Story " + QByteArray::number(lines) + "\",\"body\":\"" +
                 QByteArray(500, 'x') + "\"}\n";
        ++lines;
    };
    while (bytes.size() < ImportJob::kNdjsonPartBytes / 2)
        addStory();
    // One line over the limit, in the first part, with stories on both sides.
    bytes +=
        "{\"title\":\"Too long\",\"body\":\"" + QByteArray(ImportJob::kMaxFileBytes, 'y') + "\"}\n";
    for (int i = 0; i < 10; ++i)
        addStory();
    const QString path = dir.filePath(QStringLiteral("long-line.ndjson"));
    writeFile(path, bytes);

    auto store = openNewLibrary(dir);
    auto report = importPaths(*store, {path}, Tagging::Off);
    REQUIRE(report.ok());
    CHECK(report->added == lines);
    REQUIRE(report->skipped.size() == 1);
    CHECK(report->skipped.first().reason.contains(QStringLiteral("longer than 16 MiB")));
}

TEST_CASE("an .xml feed given directly imports as a feed, not as text", "[import][regression]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QString path = dir.filePath(QStringLiteral("news.xml"));
    writeFile(path, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                    "<item><title>First item</title><description>One.</description>"
                    "<guid>a1</guid></item><item><title>Second item</title>"
                    "<description>Two.</description><guid>a2</guid></item></channel></rss>");
    const ImportReport report = runImport(*store, {path});
    CHECK(report.added == 2);
    auto list = store->listArticles(10);
    REQUIRE(list.ok());
    QStringList titles;
    for (const auto& summary : *list)
        titles.append(summary.title);
    titles.sort();
    CHECK(titles == QStringList{QStringLiteral("First item"), QStringLiteral("Second item")});
}

TEST_CASE("a folder's readme, licence and notes, a file with no title and a CSV row that does "
          "not fit the header are skipped with their reasons",
          "[import][regression]")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("news"));
    REQUIRE(QDir().mkpath(folder));
    writeFile(folder + QStringLiteral("/README.md"), "This folder holds the stories.\n");
    writeFile(folder + QStringLiteral("/LICENSE.md"), "Permission is hereby granted...\n");
    writeFile(folder + QStringLiteral("/license"), "CC BY 4.0\n");
    writeFile(folder + QStringLiteral("/SOURCE.txt"), "From the BBC, 2005.\n");
    writeFile(folder + QStringLiteral("/notes.md"), "no heading here, only words\n");
    writeFile(folder + QStringLiteral("/story.txt"), "A good story\n\nIt has a body.\n");
    writeFile(folder + QStringLiteral("/wire.csv"),
              "title,date,text\n"
              "First,2020-01-01,One.\n"
              "\"Broken CSV, 2020-01-01\",Two.\n" // a quote closed too early: two fields
              "Third,2020-01-03,Three.\n");
    auto store = openNewLibrary(dir);
    auto report = importPaths(*store, {folder}, Tagging::Off);
    REQUIRE(report.ok());
    CHECK(report->added == 3); // story.txt, First, Third
    QStringList reasons;
    for (const auto& skipped : report->skipped)
        reasons.append(QFileInfo(skipped.path).fileName() + QStringLiteral(": ") + skipped.reason);
    reasons.sort();
    INFO(reasons.join(u'\n').toStdString());
    REQUIRE(reasons.size() == 6);
    CHECK(reasons[0] == u"LICENSE.md: a licence, not an article");
    CHECK(reasons[1] == u"README.md: a readme, not an article");
    CHECK(reasons[2] == u"SOURCE.txt: notes about the files (SOURCE.txt), not an article");
    CHECK(reasons[3] == u"license: a licence, not an article");
    CHECK(reasons[4].startsWith(u"notes.md: no title found"));
    CHECK(reasons[5] ==
          u"wire.csv: the row at line 3 has 2 fields where the header has 3; left it out");
    auto count = store->count();
    REQUIRE(count.ok());
    CHECK(*count == 3);
}

TEST_CASE("a folder's subfolders become the sections of stories that name none", "[import]")
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("bbc"));
    REQUIRE(QDir().mkpath(root + QStringLiteral("/news/sport")));
    writeFile(root + QStringLiteral("/news/sport/1.txt"), "Cup final tonight\n\nThe match.\n");
    writeFile(root + QStringLiteral("/news/sport/2.md"),
              "---\ntitle: Own section\nsection: Tennis\n---\nA set.\n");
    writeFile(root + QStringLiteral("/top.txt"), "At the top\n\nNo folder below the root.\n");
    auto store = openNewLibrary(dir);
    auto report = importPaths(*store, {root}, Tagging::Off);
    REQUIRE(report.ok());
    REQUIRE(report->added == 3);
    auto ids = store->articleIds();
    REQUIRE(ids.ok());
    QMap<QString, QString> sections;
    for (ArticleId id : *ids) {
        auto article = store->article(id);
        REQUIRE(article.ok());
        sections.insert((*article)->title, (*article)->section);
    }
    CHECK(sections.value(QStringLiteral("Cup final tonight")) == u"sport");
    CHECK(sections.value(QStringLiteral("Own section")) == u"Tennis"); // the file's own
    CHECK(sections.value(QStringLiteral("At the top")).isEmpty());
}
