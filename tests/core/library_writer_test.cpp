// SPDX-License-Identifier: GPL-3.0-or-later
#include "importing/import_job.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

std::unique_ptr<LibraryWriter> openWriter(const QString& path)
{
    auto writer = LibraryWriter::open(path, ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(writer.ok());
    return std::move(*writer);
}

} // namespace

TEST_CASE("the writer runs commands in order and a call returns its value", "[engine]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    auto writer = openWriter(path);
    QList<Article> batch{Article{}};
    batch[0].title = QStringLiteral("One");
    batch[0].body = QStringLiteral("The first story.");
    auto added = writer->call<QList<AddOutcome>>(
        [&batch](ArticleStore& store) { return store.addArticles(batch); });
    REQUIRE(added.ok());
    CHECK(added->front() == AddOutcome::Added);
    // A failing command reports its error and leaves the library as it was.
    auto failed = writer->run([](ArticleStore& store) -> Result<void> {
        if (auto r = store.setRead({1}, true); !r)
            return r;
        return Error{QStringLiteral("refused on purpose")};
    });
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message == QStringLiteral("refused on purpose"));
    auto reader = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(reader.ok());
    CHECK_FALSE((*reader)->article(1)->value().read); // rolled back with the command
}

TEST_CASE("a change made during an import is durable within a second and never refused",
          "[engine][import]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    auto writer = openWriter(path);
    // Something to flag before the import starts.
    QList<Article> first{Article{}};
    first[0].title = QStringLiteral("Already here");
    first[0].body = QStringLiteral("A story from before.");
    REQUIRE(
        writer->call<QList<AddOutcome>>([&first](ArticleStore& s) { return s.addArticles(first); })
            .ok());
    const QString folder = writeStories(dir, QStringLiteral("in"), 3000);

    std::atomic<bool> importing{true};
    Result<ImportReport> report = Error{};
    std::thread import([&] {
        report = ImportJob(*writer).run({folder});
        importing = false;
    });
    auto reader = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(reader.ok());
    int changes = 0;
    int duringImport = 0;
    qint64 slowestMs = 0;
    for (bool value = true; changes < 20; value = !value, ++changes) {
        const bool wasImporting = importing;
        QElapsedTimer clock;
        clock.start();
        // What the window does when a story opens: queue the flag, see it stored.
        auto stored = writer->run([value](ArticleStore& s) { return s.setRead({1}, value); });
        REQUIRE(stored.ok());
        slowestMs = std::max(slowestMs, clock.elapsed());
        // Another connection (another process) sees it: it is committed.
        CHECK((*reader)->article(1)->value().read == value);
        duringImport += wasImporting && importing ? 1 : 0;
    }
    import.join();
    REQUIRE(report.ok());
    CHECK(report->added == 3000);
    CHECK(*(*reader)->count() == 3001);
    CHECK(duringImport >= 1); // the import was still running for some of them
    CHECK(slowestMs < 1000);
}

TEST_CASE("two writers on one library (two programs) both finish, neither sees a lock error",
          "[engine][import]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    auto one = openWriter(path);
    auto two = openWriter(path); // as a second process would: its own connection
    const QString a = writeStories(dir, QStringLiteral("a"), 1500);
    const QString b = writeStories(dir, QStringLiteral("b"), 1500);
    Result<ImportReport> first = Error{};
    Result<ImportReport> second = Error{};
    std::thread t1([&] { first = ImportJob(*one).run({a}); });
    std::thread t2([&] { second = ImportJob(*two).run({b}); });
    t1.join();
    t2.join();
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(first->added == 1500);
    CHECK(second->added == 1500);
    auto reader = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(reader.ok());
    CHECK(*(*reader)->count() == 3000);
    CHECK((*reader)->check()->isEmpty());
}

TEST_CASE("the writer tells of another program's commits, not of its own", "[engine]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    auto writer = openWriter(path);
    std::atomic<int> noticed{0};
    writer->setExternalChangeCallback([&noticed] { ++noticed; });
    QList<Article> own{Article{}};
    own[0].title = QStringLiteral("Ours");
    own[0].body = QStringLiteral("Written by this process's writer.");
    REQUIRE(writer->call<QList<AddOutcome>>([&own](ArticleStore& s) { return s.addArticles(own); })
                .ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(LibraryWriter::kWatchMs * 2 + 200));
    CHECK(noticed == 0);

    auto other = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(other.ok());
    QList<Article> theirs{Article{}};
    theirs[0].title = QStringLiteral("Theirs");
    theirs[0].body = QStringLiteral("Written by another connection.");
    REQUIRE((*other)->addArticles(theirs).ok());
    QElapsedTimer clock;
    clock.start();
    while (noticed == 0 && clock.elapsed() < 5000)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(noticed >= 1);
    CHECK(clock.elapsed() < 2500); // within 2 s of the commit
}
