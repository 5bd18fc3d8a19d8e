// SPDX-License-Identifier: GPL-3.0-or-later
// Tags in the store: manual tags on selections, the tagger's entities at import, rules now
// and at later imports, rename, merge, recolour and delete, and tag: queries over them.
#include "importing/import_job.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "tagging/rule_tagging.h"
#include "test_support.h"

#include <QDir>
#include <QTemporaryDir>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

QList<ArticleId> addStories(ArticleStore& store, const QStringList& titles)
{
    QList<Article> batch;
    for (const QString& title : titles) {
        Article article;
        article.title = title;
        article.body = QStringLiteral("About %1.").arg(title);
        batch.append(article);
    }
    REQUIRE(store.addArticles(batch).ok());
    QList<ArticleId> ids;
    for (const Article& article : batch)
        ids.append(article.id);
    return ids;
}

qint64 matches(ArticleStore& store, const QString& query)
{
    SearchRequest request;
    request.query = query;
    request.facets = SearchRequest::kNoFacets;
    auto results = Searcher(store.database()).search(request);
    REQUIRE(results.ok());
    return results->total;
}

std::optional<TagSummary> tagNamed(ArticleStore& store, const QString& name)
{
    auto tags = store.tags();
    REQUIRE(tags.ok());
    for (const TagSummary& tag : *tags) {
        if (tag.name == name)
            return tag;
    }
    return std::nullopt;
}

QStringList tagNamesOf(ArticleStore& store, ArticleId id)
{
    auto article = store.article(id);
    REQUIRE(article.ok());
    REQUIRE(article->has_value());
    QStringList names;
    for (const Tag& tag : (*article)->tags)
        names.append(tag.name + u'/' + tag.kind);
    return names;
}

} // namespace

TEST_CASE("manual tags go on and off a selection, and tag: finds them", "[tagging][store]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QList<ArticleId> ids =
        addStories(*store, {QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three")});

    auto added = store->addTag({ids[0], ids[1]}, QStringLiteral("  Reading list "));
    REQUIRE(added.ok());
    CHECK(*added == 2);
    CHECK(*store->addTag({ids[0], ids[1], ids[2]}, QStringLiteral("Reading list")) == 1);
    CHECK(tagNamesOf(*store, ids[0]) == QStringList{QStringLiteral("Reading list/manual")});
    CHECK(matches(*store, QStringLiteral("tag:\"reading list\"")) == 3);
    CHECK(tagNamed(*store, QStringLiteral("Reading list"))->count == 3);

    auto removed = store->removeTag({ids[1], ids[2]}, QStringLiteral("READING LIST"));
    REQUIRE(removed.ok());
    CHECK(*removed == 2);
    CHECK(matches(*store, QStringLiteral("tag:\"reading list\"")) == 1);
    CHECK(tagNamesOf(*store, ids[1]).isEmpty());
    // Unknown ids are passed over; an empty name or an unknown kind is refused.
    CHECK(*store->addTag({999}, QStringLiteral("Reading list")) == 0);
    CHECK_FALSE(store->addTag({ids[0]}, QStringLiteral("  ")).ok());
    // Kinds are a closed set: the names read back as kinds, and nothing else does.
    for (TagKind kind : {TagKind::Manual, TagKind::Person, TagKind::Organization, TagKind::Place,
                         TagKind::Keyword, TagKind::Rule})
        CHECK(tag_kind::fromName(tag_kind::nameOf(kind)) == kind);
    CHECK_FALSE(tag_kind::fromName(u"colour").has_value());
    // A rule with a malformed query is read as the search would read it; a rule needs both parts.
    REQUIRE(store->saveRule({QStringLiteral("Odd"), QStringLiteral("((One OR")}).ok());
    auto applied = rule_tagging::apply(*store, store->rules()->front());
    REQUIRE(applied.ok());
    CHECK(*applied == 1);
    CHECK_FALSE(store->saveRule({QStringLiteral(" "), QStringLiteral("one")}).ok());
    CHECK_FALSE(store->saveRule({QStringLiteral("Empty"), QStringLiteral("  ")}).ok());
}

TEST_CASE("tags are renamed, merged, recoloured and deleted", "[tagging][store]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QList<ArticleId> ids =
        addStories(*store, {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    REQUIRE(store->addTag({ids[0]}, QStringLiteral("Korea")).ok());
    REQUIRE(store->addTag({ids[1], ids[2]}, QStringLiteral("North Korea")).ok());
    REQUIRE(store->saveRule({QStringLiteral("Korea"), QStringLiteral("korea")}).ok());

    // Renaming onto an existing name merges the two.
    REQUIRE(store->renameTag(QStringLiteral("korea"), QStringLiteral("North Korea")).ok());
    CHECK_FALSE(tagNamed(*store, QStringLiteral("Korea")).has_value());
    CHECK(tagNamed(*store, QStringLiteral("North Korea"))->count == 3);
    CHECK(store->rules()->front().tag == QStringLiteral("North Korea")); // the rule follows
    CHECK_FALSE(store->renameTag(QStringLiteral("Nothing"), QStringLiteral("x")).ok());

    REQUIRE(store->addTag({ids[0]}, QStringLiteral("DPRK")).ok());
    REQUIRE(store->mergeTags(QStringLiteral("DPRK"), QStringLiteral("North Korea")).ok());
    CHECK_FALSE(tagNamed(*store, QStringLiteral("DPRK")).has_value());
    CHECK(tagNamed(*store, QStringLiteral("North Korea"))->count == 3);

    REQUIRE(store->setTagColor(QStringLiteral("North Korea"), QStringLiteral("#cc3333")).ok());
    CHECK(tagNamed(*store, QStringLiteral("North Korea"))->color == QStringLiteral("#cc3333"));
    { // the article carries the colour for the reader's chips
        auto article = store->article(ids[1]);
        REQUIRE(article.ok());
        REQUIRE(article->has_value());
        bool coloured = false;
        for (const Tag& tag : (*article)->tags)
            coloured = coloured || (tag.name == u"North Korea" && tag.color == u"#cc3333");
        CHECK(coloured);
    }

    REQUIRE(store->deleteTag(QStringLiteral("north korea")).ok());
    CHECK_FALSE(tagNamed(*store, QStringLiteral("North Korea")).has_value());
    CHECK(matches(*store, QStringLiteral("tag:\"North Korea\"")) == 0);
    CHECK(store->rules()->isEmpty()); // a deleted tag's rule would only bring it back
    CHECK_FALSE(store->deleteTag(QStringLiteral("north korea")).ok());
    CHECK(*store->count() == 3); // the stories stay
}

TEST_CASE("import tags people, organisations and places, rules tag now and at later imports",
          "[tagging][import][seed]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    // A rule saved before anything is imported still tags the first import.
    REQUIRE(store->saveRule({QStringLiteral("Cyber"), QStringLiteral("cyber")}).ok());
    auto report = importPaths(*store, {sharedPath(QStringLiteral("seed"))});
    REQUIRE(report.ok());
    REQUIRE(report->added == 1);

    const QStringList tags = tagNamesOf(*store, 1);
    INFO(tags.join(QStringLiteral(", ")).toStdString());
    for (const char* expected :
         {"United States/place", "North Korea/place", "China/place", "Sony Pictures/organization",
          "CNN/organization", "Barack Obama/person", "Kim Jong Un/person", "Michael Lynton/person",
          "Cyber/rule"})
        CHECK(tags.contains(QString::fromLatin1(expected)));
    for (const char* alias : {"N. Korea/place", "US/place", "Mr Obama/person"})
        CHECK_FALSE(tags.contains(QString::fromLatin1(alias)));
    CHECK(matches(*store, QStringLiteral("tag:\"Barack Obama\"")) == 1);

    // A rule added now tags what is there; later imports are tagged by it, and only they
    // are searched.
    REQUIRE(store->saveRule({QStringLiteral("Sport"), QStringLiteral("section:sport OR football")})
                .ok());
    CHECK(*rule_tagging::apply(*store, store->rules()->back()) == 0);
    QTemporaryDir files;
    writeFile(files.filePath(QStringLiteral("match.txt")),
              "Cup final\n\n1 May 2015\n\nThe football final was played in Wembley.\n");
    writeFile(files.filePath(QStringLiteral("other.txt")),
              "Budget day\n\n2 May 2015\n\nThe budget was read in Parliament.\n");
    REQUIRE(importPaths(*store, {files.path()}).ok());
    CHECK(matches(*store, QStringLiteral("tag:sport")) == 1);
    CHECK(matches(*store, QStringLiteral("tag:sport cup")) == 1);
    CHECK(tagNamed(*store, QStringLiteral("Sport"))->kind == QStringLiteral("rule"));
    CHECK(tagNamed(*store, QStringLiteral("Wembley"))->kind == QStringLiteral("place"));

    // Without entity tagging only the rules tag.
    QTemporaryDir plainDir;
    auto plain = openNewLibrary(plainDir);
    REQUIRE(importPaths(*plain, {sharedPath(QStringLiteral("seed"))}, Tagging::Off).ok());
    CHECK(plain->tags()->isEmpty());
}
