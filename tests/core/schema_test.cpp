// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/article_store.h"
#include "store/backups.h"
#include "store/database.h"
#include "store/schema.h"
#include "test_support.h"

#include <QTemporaryDir>

using namespace broadsheet::core;
using namespace broadsheet::test;

TEST_CASE("a library of the first schema version is migrated with its articles",
          "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        auto db = Database::open(path, Database::Mode::ReadWriteCreate);
        REQUIRE(db.ok());
        REQUIRE(schema::migrate(*db, 1).ok());
        REQUIRE(db->exec("INSERT INTO articles(title, body, imported_at, content_hash) "
                         "VALUES ('Old story', 'Kept across versions.', 0, x'01');"
                         "INSERT INTO articles_fts(rowid, title, body, author) "
                         "VALUES (1, 'Old story', 'Kept across versions.', '')")
                    .ok());
        CHECK(*schema::versionOf(*db) == 1);
    }
    auto store = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(store.ok());
    CHECK(*schema::versionOf((*store)->database()) == schema::currentVersion());
    auto article = (*store)->article(1);
    REQUIRE(article.ok());
    REQUIRE(article->has_value());
    CHECK((*article)->title == QStringLiteral("Old story"));
    // The tables of the later version exist and work.
    CHECK((*store)->database().queryInt("SELECT count(*) FROM tags").ok());
    // The index gathers 64 MiB of postings before it writes a segment (v4).
    auto hashSize =
        (*store)->database().queryInt("SELECT v FROM articles_fts_config WHERE k = 'hashsize'");
    REQUIRE(hashSize.ok());
    CHECK(*hashSize == 64 * 1024 * 1024);
    auto problems = (*store)->check();
    REQUIRE(problems.ok());
    CHECK(problems->isEmpty());
    // A copy of the library as it was, made before the upgrade.
    const auto backups = backups::list(path);
    REQUIRE(backups.size() == 1);
    CHECK(backups.front().reason == QStringLiteral("before-v%1").arg(schema::currentVersion()));
    auto before = Database::open(backups.front().path, Database::Mode::ReadOnly);
    REQUIRE(before.ok());
    CHECK(*schema::versionOf(*before) == 1);
    CHECK(*before->queryInt("SELECT count(*) FROM articles") == 1);
}

TEST_CASE("a library from a newer Broadsheet is refused and left untouched", "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
    {
        auto db = Database::open(path, Database::Mode::ReadWriteCreate);
        REQUIRE(db.ok());
        REQUIRE(db->exec("CREATE TABLE future(x); PRAGMA user_version = 99;").ok());
    }
    const QByteArray before = readFile(path);
    auto store = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().message.contains(QStringLiteral("newer")));
    CHECK(store.error().message.contains(QStringLiteral("99")));
    CHECK(readFile(path) == before);
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("a file that is not a library is refused and left untouched", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    const QByteArray text = QByteArray("These are my notes, not a database.\n").repeated(200);
    writeFile(path, text);
    auto store = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().message.contains(QStringLiteral("not a Broadsheet library")));
    CHECK(store.error().message.contains(path));
    CHECK(readFile(path) == text);
}

TEST_CASE("opening a missing library without create says so", "[store]")
{
    QTemporaryDir dir;
    auto store = ArticleStore::open(dir.filePath(QStringLiteral("absent.sqlite")),
                                    ArticleStore::OpenMode::OpenExisting);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().message.contains(QStringLiteral("no library")));
}
