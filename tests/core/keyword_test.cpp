// SPDX-License-Identifier: GPL-3.0-or-later
// Keywords: the Porter stemmer agrees with FTS5 term for term, and tf-idf picks what an
// article is about, the same way each time.
#include "importing/import_job.h"
#include "store/article_store.h"
#include "tagging/keyword_extractor.h"
#include "tagging/porter_stemmer.h"
#include "test_support.h"

#include <QTemporaryDir>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

QStringList keywordsOf(ArticleStore& store, ArticleId id)
{
    auto article = store.article(id);
    REQUIRE(article.ok());
    REQUIRE(article->has_value());
    QStringList words;
    for (const Tag& tag : (*article)->tags) {
        if (tag.kind == u"keyword")
            words.append(tag.name);
    }
    words.sort();
    return words;
}

} // namespace

TEST_CASE("the Porter stemmer follows the algorithm's examples", "[tagging][keywords]")
{
    const std::pair<const char*, const char*> cases[] = {
        {"caresses", "caress"},
        {"ponies", "poni"},
        {"cats", "cat"},
        {"feed", "feed"},
        {"agreed", "agre"},
        {"plastered", "plaster"},
        {"motoring", "motor"},
        {"sing", "sing"},
        {"conflated", "conflat"},
        {"hopping", "hop"},
        {"filing", "file"},
        {"happy", "happi"},
        {"relational", "relat"},
        {"generalization", "gener"},
        {"electrical", "electr"},
        {"adjustment", "adjust"},
        {"adoption", "adopt"},
        {"controlling", "control"},
        {"rolling", "roll"},
        {"hackers", "hacker"},
        {"go", "go"},
    };
    for (const auto& [word, stem] : cases) {
        INFO(word);
        CHECK(porterStem(QByteArray(word)) == QByteArray(stem));
    }
}

TEST_CASE("every word of the BBC corpus stems as FTS5 stored it", "[tagging][keywords][corpus]")
{
    QTemporaryDir dir;
    auto opened = openNewLibrary(dir, QStringLiteral("bbc.sqlite"));
    ArticleStore& store = *opened;
    REQUIRE(importPaths(store, {sharedPath(QStringLiteral("data/bbc/news"))}, Tagging::Off).ok());
    REQUIRE(store.database()
                .exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'articles_fts', 'row')")
                .ok());
    QSet<QByteArray> stored;
    auto all = store.database().prepare("SELECT term FROM temp.v");
    REQUIRE(all.ok());
    REQUIRE(all->forEachRow([&stored](const Statement& row) { stored.insert(row.blob(0)); }).ok());
    REQUIRE(stored.size() > 10000);

    // Every term our tokenizer and stemmer make from the articles is one FTS5 made too.
    auto texts = store.database().prepare("SELECT title, body FROM articles");
    REQUIRE(texts.ok());
    int terms = 0;
    QStringList unknown;
    REQUIRE(texts
                ->forEachRow([&](const Statement& row) {
                    for (const KeywordTerm& term :
                         KeywordExtractor::terms(row.text(0), row.text(1))) {
                        ++terms;
                        if (!stored.contains(term.stem) && unknown.size() < 10)
                            unknown.append(term.word + u'>' + QString::fromUtf8(term.stem));
                    }
                })
                .ok());
    INFO("not in the index: " << unknown.join(QStringLiteral(", ")).toStdString());
    CHECK(terms > 100000);
    CHECK(unknown.isEmpty());
}

TEST_CASE("keywords are what an article is about, against the library, and stable",
          "[tagging][keywords][corpus][seed]")
{
    QTemporaryDir dir;
    auto opened = openNewLibrary(dir);
    ArticleStore& store = *opened;
    // Alone, an article has nothing to be distinctive against: no keywords.
    REQUIRE(importPaths(store, {sharedPath(QStringLiteral("seed"))}).ok());
    CHECK(keywordsOf(store, 1).isEmpty());

    // With the BBC corpus beside it, the seed's keywords are about hacking; the names it
    // mentions are entity tags, not keywords.
    REQUIRE(importPaths(store, {sharedPath(QStringLiteral("data/bbc/news"))}).ok());
    REQUIRE(retag(store, true).ok());
    const QStringList seed = keywordsOf(store, 1);
    INFO("seed keywords: " << seed.join(QStringLiteral(", ")).toStdString());
    CHECK(seed.size() >= 3);
    CHECK(seed.size() <= 5);
    CHECK((seed.contains(QStringLiteral("hackers")) || seed.contains(QStringLiteral("hacking"))));
    CHECK(seed.contains(QStringLiteral("cyber")));
    for (const char* name : {"sony", "obama", "china", "korea", "said", "the"})
        CHECK_FALSE(seed.contains(QString::fromLatin1(name)));

    // Computing them again gives the same keywords, article for article.
    QList<QStringList> before;
    for (ArticleId id = 1; id <= 50; ++id)
        before.append(keywordsOf(store, id));
    auto again = retag(store, true);
    REQUIRE(again.ok());
    CHECK(*again > 2000);
    for (ArticleId id = 1; id <= 50; ++id)
        CHECK(keywordsOf(store, id) == before[id - 1]);
    CHECK(*store.count() == 2096);
}

TEST_CASE("an import's keywords, chosen by its tagging pass, are those a retag chooses",
          "[tagging][keywords][corpus]")
{
    QTemporaryDir dir;
    auto opened = openNewLibrary(dir);
    ArticleStore& store = *opened;
    // One import, then its pass: its chunks meet the same frequencies a retag reads.
    auto report = importPaths(store, {sharedPath(QStringLiteral("data/bbc/news"))});
    REQUIRE(report.ok());
    REQUIRE(report->added > 2000);
    QList<QStringList> imported;
    int withKeywords = 0;
    for (ArticleId id = 1; id <= 200; ++id) {
        imported.append(keywordsOf(store, id));
        withKeywords += imported.back().size() >= 3 ? 1 : 0;
    }
    CHECK(withKeywords > 150);
    REQUIRE(retag(store, true).ok());
    for (ArticleId id = 1; id <= 200; ++id) {
        INFO("article " << id);
        CHECK(keywordsOf(store, id) == imported[id - 1]);
    }
}

TEST_CASE("keyword terms come from words only: binary text gives none",
          "[tagging][keywords][regression]")
{
    QString junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(QChar(static_cast<char16_t>(i % 48))); // control characters and punctuation
    CHECK(KeywordExtractor::terms(junk, junk).isEmpty());
    CHECK(KeywordExtractor::terms(QString(), QStringLiteral("1234 56789 ab cd")).isEmpty());
    // No library (or too small a one) gives no keywords, whatever the terms.
    const auto terms =
        KeywordExtractor::terms(QStringLiteral("Tariffs"), QStringLiteral("tariffs"));
    REQUIRE(terms.size() == 1);
    CHECK(terms.front().word == QStringLiteral("tariffs"));
    CHECK(terms.front().count == 4); // three for the title, one for the body
    KeywordQueue queue;
    queue.add(7, terms);
    REQUIRE(queue.stems().size() == 1);
    CHECK(queue.choose({2}, 19).isEmpty()); // nothing to tag: too small a library
    const auto chosen = queue.choose({2}, 1000);
    REQUIRE(chosen.size() == 1);
    CHECK(chosen.front().second == QStringList{QStringLiteral("tariffs")});
}
