// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/article_store.h"
#include "store/database.h"
#include "test_support.h"

#include <QTemporaryDir>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

Article makeArticle(const QString& title, PublishedDate date = {})
{
    Article article;
    article.title = title;
    article.section = QStringLiteral("World");
    article.author = QStringLiteral("Jane Doe");
    article.source = QStringLiteral("wire");
    article.url = QStringLiteral("https://example.org/") + title;
    article.path = QStringLiteral("/news/") + title + QStringLiteral(".txt");
    article.published = date;
    article.body = QStringLiteral("First paragraph about %1.\n\nSecond paragraph.").arg(title);
    return article;
}

} // namespace

TEST_CASE("an article comes back from the store with every field", "[store]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    QList<Article> batch{
        makeArticle(QStringLiteral("alpha"), PublishedDate::day(QDate(2014, 12, 22)))};
    batch[0].starred = true;
    auto outcomes = store->addArticles(batch);
    REQUIRE(outcomes.ok());
    CHECK(*outcomes == QList<AddOutcome>{AddOutcome::Added});
    REQUIRE(batch[0].id > 0);

    auto stored = store->article(batch[0].id);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    Article expected = batch[0];
    expected.guid = QString(); // none given
    CHECK(**stored == expected);

    // Reopened from disk: still there.
    store.reset();
    store = openNewLibrary(dir);
    CHECK(*store->count() == 1);
}

TEST_CASE("the same story twice is one article", "[store][dedup]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    QList<Article> first{makeArticle(QStringLiteral("alpha")), makeArticle(QStringLiteral("beta"))};
    REQUIRE(store->addArticles(first).ok());

    // Same title, date and body, with different whitespace and from another file: a duplicate.
    Article again = makeArticle(QStringLiteral("alpha"));
    again.body.replace(QStringLiteral(" "), QStringLiteral("  "));
    again.path = QStringLiteral("/elsewhere/alpha.txt");
    // Same title but another body: a different story.
    Article changed = makeArticle(QStringLiteral("alpha"));
    changed.body += QStringLiteral(" Updated.");
    QList<Article> second{again, changed};
    auto outcomes = store->addArticles(second);
    REQUIRE(outcomes.ok());
    CHECK(*outcomes == QList<AddOutcome>{AddOutcome::Duplicate, AddOutcome::Added});
    CHECK(*store->count() == 3);
}

TEST_CASE("the list is newest first with undated articles last", "[store]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    QList<Article> batch{
        makeArticle(QStringLiteral("undated")),
        makeArticle(QStringLiteral("old"), PublishedDate::day(QDate(2004, 5, 1))),
        makeArticle(QStringLiteral("new"),
                    PublishedDate::moment(QDateTime(QDate(2019, 1, 4), QTime(9, 0), Qt::UTC))),
        makeArticle(QStringLiteral("middle"), PublishedDate::day(QDate(2014, 12, 22))),
    };
    REQUIRE(store->addArticles(batch).ok());
    auto list = store->listArticles(10);
    REQUIRE(list.ok());
    QStringList titles;
    for (const auto& summary : *list)
        titles.append(summary.title);
    CHECK(titles == QStringList{QStringLiteral("new"), QStringLiteral("middle"),
                                QStringLiteral("old"), QStringLiteral("undated")});
    auto ids = store->articleIds();
    REQUIRE(ids.ok());
    auto summaries = store->summaries(*ids);
    REQUIRE(summaries.ok());
    CHECK(*summaries == *list);
    auto page = store->listArticles(2, 1);
    REQUIRE(page.ok());
    REQUIRE(page->size() == 2);
    CHECK(page->at(0).title == QStringLiteral("middle"));
}

TEST_CASE("read and starred flags are stored", "[store]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    QList<Article> batch{makeArticle(QStringLiteral("a")), makeArticle(QStringLiteral("b"))};
    REQUIRE(store->addArticles(batch).ok());
    REQUIRE(store->setRead({batch[0].id}, true).ok());
    REQUIRE(store->setStarred({batch[0].id, batch[1].id}, true).ok());
    CHECK((*store->article(batch[0].id))->read);
    CHECK_FALSE((*store->article(batch[1].id))->read);
    auto stats = store->stats();
    REQUIRE(stats.ok());
    CHECK(stats->articles == 2);
    CHECK(stats->unread == 1);
    CHECK(stats->starred == 2);
    CHECK(stats->sources == 1);
}

TEST_CASE("the full-text index follows inserts and edits", "[store][fts]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    QList<Article> batch{makeArticle(QStringLiteral("alpha"))};
    REQUIRE(store->addArticles(batch).ok());
    Database& db = store->database();
    // Porter stemming: "paragraphs" finds "paragraph".
    CHECK(*db.queryInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'paragraphs'") ==
          1);
    REQUIRE(db.exec("UPDATE articles SET body = 'Replaced text about zebras.'").ok());
    CHECK(*db.queryInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'zebra'") == 1);
    CHECK(*db.queryInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'paragraph'") ==
          0);
    REQUIRE(db.exec("DELETE FROM articles").ok());
    CHECK(*db.queryInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'zebra'") == 0);
    auto problems = store->check();
    REQUIRE(problems.ok());
    CHECK(problems->isEmpty());
}

TEST_CASE("check finds a full-text index that no longer matches the articles", "[store]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    QList<Article> batch{makeArticle(QStringLiteral("alpha"))};
    REQUIRE(store->addArticles(batch).ok());
    // Break the index behind the triggers' back.
    REQUIRE(store->database()
                .exec("INSERT INTO articles_fts(articles_fts, rowid, title, body, author) "
                      "VALUES ('delete', 1, 'alpha', 'wrong text', 'Jane Doe')")
                .ok());
    auto problems = store->check();
    REQUIRE(problems.ok());
    CHECK_FALSE(problems->isEmpty());
}

TEST_CASE("a read-only library reports a clear error and keeps what it had", "[store][regression]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    {
        auto store = openNewLibrary(dir);
        QList<Article> batch{makeArticle(QStringLiteral("kept"))};
        REQUIRE(store->addArticles(batch).ok());
    }
    // Open read-only at the SQLite level so the test also holds when run as root.
    auto db = Database::open(path, Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    auto result = db->exec("INSERT INTO sources(name) VALUES ('x')");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.contains(QStringLiteral("read-only")));
    CHECK(result.error().message.contains(QStringLiteral("library.sqlite")));
    CHECK(*db->queryInt("SELECT count(*) FROM articles") == 1);
}

TEST_CASE("the overview counts sources, sections and tags, and keeps saved searches", "[store]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    QList<Article> batch{makeArticle(QStringLiteral("a")), makeArticle(QStringLiteral("b")),
                         makeArticle(QStringLiteral("c"))};
    batch[2].source = QStringLiteral("Agency");
    batch[2].section = QStringLiteral("Sport");
    REQUIRE(store->addArticles(batch).ok());
    REQUIRE(store->setRead({batch[0].id}, true).ok());
    REQUIRE(store->setStarred({batch[1].id}, true).ok());
    REQUIRE(
        store->database()
            .exec("INSERT INTO tags(name, kind) VALUES ('Sony', 'organization');"
                  "INSERT INTO article_tags(article_id, tag_id, origin) VALUES (1, 1, 'entity'), "
                  "(1, 1, 'manual'), (2, 1, 'entity')")
            .ok());
    REQUIRE(
        store->saveSearch({QStringLiteral("Sport news"), QStringLiteral("section:sport")}).ok());
    REQUIRE(
        store->saveSearch({QStringLiteral("Sport news"), QStringLiteral("section:Sport -is:read")})
            .ok());
    REQUIRE(store->saveSearch({QStringLiteral("Old"), QStringLiteral("before:2000")}).ok());
    REQUIRE(store->removeSavedSearch(QStringLiteral("Old")).ok());

    auto overview = store->overview();
    REQUIRE(overview.ok());
    CHECK(overview->articles == 3);
    CHECK(overview->unread == 2);
    CHECK(overview->starred == 1);
    // Each source with its stories and how many of them are unread (a was read).
    CHECK(overview->sources == QList<CountedName>{{QStringLiteral("Agency"), QString(), 1, 1},
                                                  {QStringLiteral("wire"), QString(), 2, 1}});
    CHECK(overview->sections == QList<CountedName>{{QStringLiteral("Sport"), QString(), 1},
                                                   {QStringLiteral("World"), QString(), 2}});
    CHECK(overview->tags ==
          QList<CountedName>{{QStringLiteral("Sony"), QStringLiteral("organization"), 2}});
    CHECK(overview->savedSearches ==
          QList<SavedSearch>{
              {QStringLiteral("Sport news"), QStringLiteral("section:Sport -is:read")}});
}

TEST_CASE("a batch rolled back (a full disk at COMMIT) leaves no stale source or tag id behind",
          "[store][crash][regression]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    Article story = makeArticle(QStringLiteral("First"));
    story.source = QStringLiteral("A source new to the library");
    story.tags = {{QStringLiteral("A tag new to it"), QStringLiteral("manual")}};
    {
        auto transaction = Transaction::begin(store->database());
        REQUIRE(transaction);
        QList<Article> batch{story};
        REQUIRE(store->addArticles(batch));
        // Not committed: rolled back, as a COMMIT that failed is.
    }
    // Before, the ids cached for the source and tag named rows that were gone: the next
    // batch failed with "FOREIGN KEY constraint failed".
    QList<Article> again{story};
    auto added = store->addArticles(again);
    INFO((added ? "" : added.error().message.toStdString()));
    REQUIRE(added);
    auto stored = store->article(again[0].id);
    REQUIRE(stored);
    REQUIRE(stored->has_value());
    CHECK((*stored)->source == story.source);
    CHECK((*stored)->tags.size() == 1);
}

TEST_CASE("a summary lists a story's tags most relevant first: yours, then names, then keywords",
          "[store][tags][regression]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    Article story = makeArticle(QStringLiteral("Tagged"));
    story.tags = {{QStringLiteral("alpha"), QStringLiteral("keyword")},
                  {QStringLiteral("Bob Ray"), QStringLiteral("person")},
                  {QStringLiteral("Zeta"), QStringLiteral("manual")},
                  {QStringLiteral("Acme"), QStringLiteral("organization")},
                  {QStringLiteral("Paris"), QStringLiteral("place")}};
    QList<Article> batch{story};
    REQUIRE(store->addArticles(batch));
    auto summaries = store->summaries({batch[0].id});
    REQUIRE(summaries);
    REQUIRE(summaries->size() == 1);
    // Before, alphabetical: the Tags column showed "Acme, alpha, Bob Ray" of many.
    CHECK(summaries->front().tags == QStringList{QStringLiteral("Zeta"), QStringLiteral("Acme"),
                                                 QStringLiteral("Bob Ray"), QStringLiteral("Paris"),
                                                 QStringLiteral("alpha")});
}

TEST_CASE("saved searches are renamed and ordered, and tags come back as they were from a "
          "snapshot",
          "[store][tags]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    REQUIRE(store->saveSearch({QStringLiteral("b"), QStringLiteral("one")}).ok());
    REQUIRE(store->saveSearch({QStringLiteral("a"), QStringLiteral("two")}).ok());
    auto names = [&store] {
        QStringList out;
        const auto overview = store->overview(); // kept: the loop reads into it
        for (const SavedSearch& saved : overview->savedSearches)
            out.append(saved.name);
        return out;
    };
    CHECK(names() == QStringList{QStringLiteral("a"), QStringLiteral("b")}); // by name at first
    REQUIRE(store->orderSavedSearches({QStringLiteral("b"), QStringLiteral("a")}).ok());
    CHECK(names() == QStringList{QStringLiteral("b"), QStringLiteral("a")});
    REQUIRE(store->renameSavedSearch(QStringLiteral("a"), QStringLiteral(" c ")).ok());
    CHECK(names() == QStringList{QStringLiteral("b"), QStringLiteral("c")});
    CHECK(store->renameSavedSearch(QStringLiteral("c"), QStringLiteral("b")).error().code ==
          ErrorCode::Exists);
    CHECK(store->renameSavedSearch(QStringLiteral("c"), QStringLiteral("  ")).error().code ==
          ErrorCode::Invalid);

    QList<Article> batch{makeArticle(QStringLiteral("x")), makeArticle(QStringLiteral("y")),
                         makeArticle(QStringLiteral("z"))};
    REQUIRE(store->addArticles(batch).ok());
    REQUIRE(store->addTag({batch[0].id, batch[1].id}, QStringLiteral("Soon")).ok());
    REQUIRE(store->addTag({batch[2].id}, QStringLiteral("Later")).ok());
    REQUIRE(store->setTagColor(QStringLiteral("Soon"), QStringLiteral("#ff0000")).ok());
    auto before = store->tags();
    REQUIRE(before.ok());
    auto snapshot = store->snapshotTags({QStringLiteral("Soon"), QStringLiteral("Later")});
    REQUIRE(snapshot.ok());
    REQUIRE(store->mergeTags(QStringLiteral("Soon"), QStringLiteral("Later")).ok());
    CHECK(store->tags()->size() == 1);
    // A story deleted meanwhile does not come back through its tags.
    REQUIRE(store->deleteArticles({batch[1].id}).ok());
    REQUIRE(store->restoreTags(*snapshot).ok());
    auto after = store->tags();
    REQUIRE(after.ok());
    REQUIRE(after->size() == 2);
    for (const TagSummary& tag : *after) {
        if (tag.name == u"Soon") {
            CHECK(tag.count == 1);
            CHECK(tag.color == QStringLiteral("#ff0000"));
        } else {
            CHECK(tag.name == QStringLiteral("Later"));
            CHECK(tag.count == 1);
        }
    }
    CHECK(store->check()->isEmpty());
}
