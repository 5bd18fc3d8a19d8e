// SPDX-License-Identifier: GPL-3.0-or-later
// Rolling backups with SQLite's online backup API: made whole, daily only when something
// changed, pruned to the newest, and restored with the current file moved aside.
#include "store/article_store.h"
#include "store/backups.h"
#include "store/database.h"
#include "store/library_writer.h"
#include "test_support.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QTemporaryDir>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

void addStory(LibraryWriter& writer, const QString& title)
{
    REQUIRE(writer
                .run([&](ArticleStore& store) -> Result<void> {
                    QList<Article> articles(1);
                    articles[0].title = title;
                    articles[0].body = QStringLiteral("The body of ") + title;
                    auto added = store.addArticles(articles);
                    if (!added)
                        return added.error();
                    return {};
                })
                .ok());
}

/// Makes every backup look `days` older, as if made then (the name carries the time).
void ageBackups(const QString& library, int days)
{
    const auto all = backups::list(library); // newest first: renamed oldest first
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        const backups::Backup& backup = *it;
        const QString stamp =
            backup.made.addDays(-days).toString(QStringLiteral("yyyyMMdd-HHmmss"));
        const QString name = QFileInfo(library).completeBaseName() + QLatin1Char('-') + stamp +
                             QLatin1Char('-') + backup.reason + QStringLiteral(".sqlite");
        REQUIRE(QFile::rename(backup.path, QFileInfo(backup.path).dir().filePath(name)));
    }
}

qint64 storiesIn(const QString& path)
{
    auto db = Database::open(path, Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    auto count = db->queryInt("SELECT count(*) FROM articles");
    REQUIRE(count.ok());
    return *count;
}

} // namespace

TEST_CASE("a backup is a whole, sound copy, and restore moves the current file aside",
          "[store][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    auto writer = LibraryWriter::open(path, ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(writer.ok());
    addStory(**writer, QStringLiteral("Before the backup"));
    auto reader = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(reader.ok());
    // Made while the writer holds the library open, with its work still in the WAL.
    auto made = backups::make((*reader)->database(), QStringLiteral("manual"));
    REQUIRE(made.ok());
    CHECK(made->startsWith(backups::folderFor(path)));
    CHECK_FALSE(QFileInfo::exists(*made + QStringLiteral("-wal")));
    CHECK(storiesIn(*made) == 1);
    REQUIRE(backups::list(path).size() == 1);
    CHECK(backups::list(path).front().reason == QStringLiteral("manual"));
    // To a file named by hand; never over one that is there.
    const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
    REQUIRE(backups::make((*reader)->database(), QStringLiteral("manual"), copy).ok());
    auto again = backups::make((*reader)->database(), QStringLiteral("manual"), copy);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Exists);

    addStory(**writer, QStringLiteral("After the backup"));
    reader->reset();
    writer->reset();
    REQUIRE(storiesIn(path) == 2);
    auto restored = backups::restore(path, *made);
    REQUIRE(restored.ok());
    CHECK(storiesIn(path) == 1);
    CHECK(storiesIn(*restored) == 2); // the library as it was, moved aside, never deleted
    CHECK(QFileInfo::exists(*made));  // and the backup stays a backup

    SECTION("a damaged backup is refused, and the library stays")
    {
        const QString bad = dir.filePath(QStringLiteral("bad.sqlite"));
        writeFile(bad, QByteArray("SQLite format 3") + QByteArray(200, '\x01'));
        auto refused = backups::restore(path, bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(storiesIn(path) == 1);
    }
}

TEST_CASE("the daily backup is made once a day, only when something changed, and pruned",
          "[store][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    auto open = [&] {
        auto writer = LibraryWriter::open(path, ArticleStore::OpenMode::CreateIfMissing);
        REQUIRE(writer.ok());
        return std::move(*writer);
    };
    {
        auto writer = open();
        CHECK(backups::list(path).isEmpty()); // nothing was ever written: nothing to keep
        addStory(*writer, QStringLiteral("First"));
    }
    {
        auto writer = open();                            // something changed, and no backup yet
        addStory(*writer, QStringLiteral("Sync point")); // waits for the backup
        REQUIRE(backups::list(path).size() == 1);
        CHECK(backups::list(path).front().reason == QStringLiteral("daily"));
    }
    {
        auto writer = open(); // within a day: none
        addStory(*writer, QStringLiteral("Second"));
    }
    REQUIRE(backups::list(path).size() == 1);
    ageBackups(path, 2);
    {
        auto writer = open(); // over a day, and changed: a new one
        addStory(*writer, QStringLiteral("Sync point 2"));
    }
    REQUIRE(backups::list(path).size() == 2);
    ageBackups(path, 2);
    {
        // The newest backup was made before "Sync point 2": the library changed since.
        auto writer = open();
        REQUIRE(writer->flush().ok());
    }
    REQUIRE(backups::list(path).size() == 3);
    ageBackups(path, 2);
    {
        auto writer = open(); // nothing changed since the newest: skipped
        REQUIRE(writer->flush().ok());
    }
    CHECK(backups::list(path).size() == 3);

    // Pruned to the newest `keep` automatic ones; those made by hand stay.
    {
        auto reader = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
        REQUIRE(reader.ok());
        REQUIRE(backups::make((*reader)->database(), QStringLiteral("manual")).ok());
    }
    backups::prune(path, 1);
    const auto left = backups::list(path);
    REQUIRE(left.size() == 2);
    QStringList reasons;
    for (const auto& backup : left)
        reasons.append(backup.reason);
    reasons.sort();
    CHECK(reasons == QStringList{QStringLiteral("daily"), QStringLiteral("manual")});
}

TEST_CASE("two programs starting at once make one daily backup between them, and a half-written "
          "one a killed program left is cleared a day later",
          "[store][backup][regression]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    {
        auto writer = LibraryWriter::open(path, ArticleStore::OpenMode::CreateIfMissing);
        REQUIRE(writer.ok());
        addStory(**writer, QStringLiteral("First"));
    }
    auto store = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(store.ok());
    const QString folder = backups::folderFor(path);
    REQUIRE(QDir().mkpath(folder));
    {
        // Another program is making the day's backup: this one leaves it to that one.
        QLockFile other(folder + QStringLiteral("/.daily.lock"));
        REQUIRE(other.tryLock(0));
        auto made = backups::makeDailyIfDue(**store);
        REQUIRE(made.ok());
        CHECK(made->isEmpty());
        CHECK(backups::list(path).isEmpty());
    }
    auto made = backups::makeDailyIfDue(**store);
    REQUIRE(made.ok());
    CHECK_FALSE(made->isEmpty());
    CHECK(backups::list(path).size() == 1);
    CHECK(QDir(folder).entryList({QStringLiteral("*.partial")}, QDir::Files).isEmpty());

    // What a killed program left: kept while it may still be being written, cleared after.
    const QString fresh =
        folder + QStringLiteral("/library-20261201-100000-daily.sqlite.77.partial");
    const QString stale =
        folder + QStringLiteral("/library-20261101-100000-daily.sqlite.78.partial");
    for (const QString& name : {fresh, stale}) {
        QFile file(name);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("half");
    }
    {
        QFile file(stale);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.setFileTime(QDateTime::currentDateTime().addDays(-2),
                                 QFileDevice::FileModificationTime));
    }
    backups::prune(path, 5);
    CHECK(QFileInfo::exists(fresh));
    CHECK_FALSE(QFileInfo::exists(stale));
    CHECK(backups::list(path).size() == 1);
}
