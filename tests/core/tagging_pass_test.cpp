// SPDX-License-Identifier: GPL-3.0-or-later
#include "importing/import_job.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "tagging/rule_tagging.h"
#include "tagging/tagging_pass.h"
#include "test_support.h"

#include <QTemporaryDir>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

qint64 queryInt(ArticleStore& store, const char* sql)
{
    auto value = store.database().queryInt(sql);
    REQUIRE(value.ok());
    return *value;
}

/// Stories whose entity or keyword tags are there but whose tagger is not recorded, or
/// the other way round: a story tagged by halves.
qint64 halfTagged(ArticleStore& store, qint64 generation)
{
    auto stmt = store.database().prepare(
        "SELECT count(*) FROM articles a WHERE (a.tagged_with = ?1) <> EXISTS (SELECT 1 FROM "
        "article_tags x WHERE x.article_id = a.id AND x.origin IN ('entity', 'keyword'))");
    REQUIRE(stmt.ok());
    stmt->bind(1, generation);
    REQUIRE(stmt->step().ok());
    return stmt->int64(0);
}

} // namespace

TEST_CASE("import stores untagged, the pass tags every story, a stopped pass resumes",
          "[tagging][engine][corpus]")
{
    REQUIRE_SHARED("data/bbc/news");
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    auto report = importPaths(*store, {sharedPath(QStringLiteral("data/bbc/news"))}, Tagging::Off);
    REQUIRE(report.ok());
    const qint64 total = report->added;
    REQUIRE(total > 2000);
    CHECK(queryInt(*store, "SELECT count(*) FROM article_tags") == 0);

    auto writer = LibraryWriter::open(store->path(), ArticleStore::OpenMode::OpenExisting);
    REQUIRE(writer.ok());
    CHECK(*TaggingPass::pending(**writer) == total);

    // Stopped after its second chunk, as a pause (or a kill between two chunks) does.
    std::stop_source stop;
    TaggingPass pass(**writer, *store);
    int chunks = 0;
    pass.setProgressCallback([&](const TaggingProgress& progress) {
        CHECK(progress.total == total);
        if (progress.done > 0 && ++chunks == 2)
            stop.request_stop();
    });
    auto partly = pass.run(stop.get_token());
    REQUIRE(partly.ok());
    CHECK(*partly == 2 * TaggingPass::kChunk);
    const qint64 generation = queryInt(*store, "SELECT max(id) FROM taggers");
    CHECK(*TaggingPass::pending(**writer) == total - *partly);
    CHECK(halfTagged(*store, generation) == 0);

    // Run again, it tags only the rest.
    auto rest = TaggingPass(**writer, *store).run();
    REQUIRE(rest.ok());
    CHECK(*rest == total - *partly);
    CHECK(*TaggingPass::pending(**writer) == 0);
    CHECK(halfTagged(*store, generation) == 0);
    CHECK(queryInt(*store, "SELECT count(*) FROM articles WHERE tagged_with = 0") == 0);
    // People, places and keywords all arrived.
    for (const char* kind : {"person", "place", "organization", "keyword"}) {
        INFO(kind);
        auto stmt = store->database().prepare("SELECT count(*) FROM tags WHERE kind = ?1");
        REQUIRE(stmt.ok());
        stmt->bind(1, QString::fromLatin1(kind));
        REQUIRE(stmt->step().ok());
        CHECK(stmt->int64(0) > 100);
    }
    // A third run has nothing to do.
    CHECK(*TaggingPass(**writer, *store).run() == 0);
}

TEST_CASE("a new tagger retags entity and keyword tags and keeps manual, rule and file tags",
          "[tagging][engine][seed]")
{
    REQUIRE_SHARED("seed");
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    REQUIRE(store->saveRule({QStringLiteral("Cyber"), QStringLiteral("cyber")}).ok());
    REQUIRE(importPaths(*store, {sharedPath(QStringLiteral("seed")), sampleDir()}).ok());
    // A story from a Broadsheet export brings its own tags.
    const QString exported = dir.filePath(QStringLiteral("exported.ndjson"));
    writeFile(exported, "{\"title\":\"From a file\",\"body\":\"Barack Obama spoke in Paris.\","
                        "\"tags\":[{\"name\":\"Someone\",\"kind\":\"person\"}]}\n");
    REQUIRE(importPaths(*store, {exported}).ok());
    const ArticleId fromFile = queryInt(*store, "SELECT max(id) FROM articles");
    REQUIRE(store->addTag({1}, QStringLiteral("Keep me")).ok());
    auto tagsOf = [&store](ArticleId id) {
        QStringList names;
        auto article = store->article(id);
        REQUIRE(article.ok());
        REQUIRE(article->has_value());
        for (const Tag& tag : (*article)->tags)
            names.append(tag.name + u'/' + tag.kind);
        return names;
    };
    const QStringList before = tagsOf(1);
    REQUIRE(before.contains(QStringLiteral("Keep me/manual")));
    REQUIRE(before.contains(QStringLiteral("Cyber/rule")));
    REQUIRE(before.contains(QStringLiteral("Barack Obama/person")));

    // A newer tagger: the signature that tagged them is no longer this one's, so every
    // story is stale. Entity tags made up by the old tagger are replaced.
    REQUIRE(store->database().exec("UPDATE taggers SET signature = 'an older tagger'").ok());
    REQUIRE(store->database()
                .exec("INSERT INTO tags(name, kind) VALUES ('Made Up', 'person');"
                      "INSERT INTO article_tags(article_id, tag_id, origin) SELECT 1, id, "
                      "'entity' FROM tags WHERE name = 'Made Up'")
                .ok());
    auto writer = LibraryWriter::open(store->path(), ArticleStore::OpenMode::OpenExisting);
    REQUIRE(writer.ok());
    const qint64 stories = queryInt(*store, "SELECT count(*) FROM articles");
    CHECK(*TaggingPass::pending(**writer) == stories - 1); // all but the file's story
    REQUIRE(TaggingPass(**writer, *store).run().ok());

    const QStringList after = tagsOf(1);
    INFO(after.join(QStringLiteral(", ")).toStdString());
    CHECK(after.contains(QStringLiteral("Keep me/manual")));
    CHECK(after.contains(QStringLiteral("Cyber/rule")));
    CHECK(after.contains(QStringLiteral("Barack Obama/person")));
    CHECK_FALSE(after.contains(QStringLiteral("Made Up/person")));
    CHECK(queryInt(*store, "SELECT count(*) FROM tags WHERE name = 'Made Up'") == 0);
    // The file's own tags stay exactly as they came.
    CHECK(tagsOf(fromFile) == QStringList{QStringLiteral("Someone/person")});
    // retag --all marks everything stale again, and the same tags come back.
    REQUIRE(TaggingPass(**writer, *store).run({}, true).ok());
    CHECK(tagsOf(1) == after);
    CHECK(rule_tagging::check(*store)->isEmpty());
}

TEST_CASE("every rule tags each import batch before it is committed", "[tagging][engine]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    REQUIRE(store->saveRule({QStringLiteral("Council"), QStringLiteral("council")}).ok());
    const QString folder = dir.filePath(QStringLiteral("in"));
    for (int i = 0; i < 400; ++i) {
        writeFile(QStringLiteral("%1/%2.txt").arg(folder).arg(i, 4, 10, QLatin1Char('0')),
                  i % 2 ? QStringLiteral("Council %1\n\nThe council met.\n").arg(i).toUtf8()
                        : QStringLiteral("Weather %1\n\nIt rained.\n").arg(i).toUtf8());
    }
    auto writer = LibraryWriter::open(store->path(), ArticleStore::OpenMode::OpenExisting);
    REQUIRE(writer.ok());
    // Stopped after the first batch: what was committed carries its rule's tag already.
    std::stop_source stop;
    ImportJob job(**writer);
    job.setProgressCallback([&stop](const ImportProgress& p) {
        if (p.filesDone > 0)
            stop.request_stop();
    });
    auto partly = job.run({folder}, stop.get_token());
    REQUIRE(partly.ok());
    REQUIRE(partly->cancelled);
    CHECK(rule_tagging::check(*store)->isEmpty());
    auto matching = Searcher(store->database()).matchingIds(QStringLiteral("council"));
    REQUIRE(matching.ok());
    CHECK_FALSE(matching->isEmpty());
    auto tagged = Searcher(store->database()).matchingIds(QStringLiteral("tag:Council"));
    REQUIRE(tagged.ok());
    CHECK(*tagged == *matching);
}
