// SPDX-License-Identifier: GPL-3.0-or-later
// Damaged, emptied, read-only libraries and a write-ahead log that vanished: each is found,
// said plainly, and never written to; what can be read still is.
#include "store/article_store.h"
#include "store/database.h"
#include "store/library_health.h"
#include "store/library_writer.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <unistd.h>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

QList<Article> stories(int count, const QString& prefix)
{
    QList<Article> articles;
    for (int i = 0; i < count; ++i) {
        Article article;
        article.title = QStringLiteral("%1 story %2").arg(prefix).arg(i);
        article.body = QStringLiteral("Body of %1 story %2, with words to index. ")
                           .arg(prefix)
                           .arg(i)
                           .repeated(20);
        article.source = QStringLiteral("health");
        articles.append(article);
    }
    return articles;
}

void addStories(ArticleStore& store, int count, const QString& prefix)
{
    QList<Article> articles = stories(count, prefix);
    REQUIRE(store.addArticles(articles).ok());
}

/// Makes `path` unwritable for this process: root ignores file modes, not the immutable
/// attribute. False where neither works (the test then says so and checks nothing).
bool makeReadOnly(const QString& path)
{
    if (::geteuid() != 0)
        return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    return QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) == 0;
}

void makeWritable(const QString& path)
{
    if (::geteuid() == 0)
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
    QFile::setPermissions(path,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

} // namespace

TEST_CASE("an empty file is refused, not made a new library", "[store][health][regression]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    writeFile(path, {});
    for (auto mode : {ArticleStore::OpenMode::OpenExisting, ArticleStore::OpenMode::CreateIfMissing,
                      ArticleStore::OpenMode::Salvage}) {
        auto store = ArticleStore::open(path, mode);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().code == ErrorCode::Damaged);
        CHECK(store.error().message.contains(QStringLiteral("empty (0 bytes)")));
    }
    CHECK(QFileInfo(path).size() == 0);
    writeFile(path, "not a library at all, just some words in a file that is long enough to "
                    "have a header of a hundred bytes if it were SQLite's, which it is not.");
    auto foreign = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().code == ErrorCode::NotALibrary);
}

TEST_CASE("a library with a zeroed page or cut short is never written to, and still read",
          "[store][health][regression]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    {
        auto store = openNewLibrary(dir);
        addStories(*store, 400, QStringLiteral("Sound"));
    }
    const qint64 size = QFileInfo(path).size();
    REQUIRE(size > 100 * 4096);

    SECTION("a zeroed page")
    {
        {
            QFile file(path);
            REQUIRE(file.open(QIODevice::ReadWrite));
            REQUIRE(file.seek((size / 4096 / 2) * 4096));
            REQUIRE(file.write(QByteArray(4096, '\0')) == 4096);
        }
        auto writer = LibraryWriter::open(path, ArticleStore::OpenMode::OpenExisting);
        REQUIRE_FALSE(writer.ok());
        CHECK(writer.error().code == ErrorCode::Damaged);
        CHECK(writer.error().message.contains(QStringLiteral("will not write")));
        // Found once, the damage is remembered: later opens refuse without checking again.
        CHECK_FALSE(library_health::damageMark(path).isEmpty());
        auto again = LibraryWriter::open(path, ArticleStore::OpenMode::OpenExisting);
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().message.contains(QStringLiteral("found damaged")));
        // The file is as the damage left it: nothing was written.
        CHECK(QFileInfo(path).size() == size);
    }
    SECTION("cut short")
    {
        REQUIRE(QFile::resize(path, size / 2));
        auto store = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().code == ErrorCode::Damaged);
        CHECK(store.error().message.contains(QStringLiteral("cut short")));
        // Half a file may not even hold a readable schema: salvage reads it or says why.
        auto salvaged = ArticleStore::open(path, ArticleStore::OpenMode::Salvage);
        if (salvaged.ok())
            CHECK((*salvaged)->readOnly());
        else
            CHECK(salvaged.error().code == ErrorCode::Damaged);
        CHECK(QFileInfo(path).size() == size / 2);
    }
}

TEST_CASE("a read-only library file or folder opens read-only: reads work, writes are refused",
          "[store][health][regression]")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("shelf"));
    REQUIRE(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/library.sqlite");
    {
        auto store = ArticleStore::open(path, ArticleStore::OpenMode::CreateIfMissing);
        REQUIRE(store.ok());
        addStories(**store, 30, QStringLiteral("Kept"));
    }
    for (const QString& locked : {path, folder}) {
        INFO("read-only: " << locked.toStdString());
        if (!makeReadOnly(locked)) {
            WARN("cannot make " << locked.toStdString() << " read-only here");
            continue;
        }
        {
            auto store = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
            REQUIRE(store.ok());
            CHECK((*store)->readOnly());
            CHECK(*(*store)->count() == 30);
            auto problems = (*store)->check();
            REQUIRE(problems.ok()); // sound: the read-only file is not called broken
            CHECK(problems->isEmpty());
            auto writer = LibraryWriter::open(path, ArticleStore::OpenMode::OpenExisting);
            REQUIRE_FALSE(writer.ok());
            CHECK(writer.error().code == ErrorCode::ReadOnly);
            CHECK(writer.error().message.contains(QStringLiteral("read-only")));
        }
        makeWritable(locked);
    }
    auto writable = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(writable.ok());
    CHECK_FALSE((*writable)->readOnly());
}
