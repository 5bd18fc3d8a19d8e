// SPDX-License-Identifier: GPL-3.0-or-later
#include "importing/import_job.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "store/database.h"
#include "test_support.h"

#include <QSet>
#include <QTemporaryDir>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

/// A library of the BBC corpus and the seed, built once for the agreement tests, plus an
/// oracle: a plain FTS5 table over the same titles and bodies with the same tokenizer.
struct BbcLibrary {
    QTemporaryDir dir;
    std::unique_ptr<ArticleStore> store;
    Database oracle;

    static BbcLibrary& get()
    {
        static BbcLibrary library;
        return library;
    }

    qint64 oracleCount(const char* match)
    {
        auto stmt = oracle.prepare("SELECT count(*) FROM oracle WHERE oracle MATCH ?1");
        REQUIRE(stmt.ok());
        stmt->bind(1, QString::fromUtf8(match));
        auto row = stmt->step();
        INFO("oracle query: " << match);
        REQUIRE(row.ok());
        return stmt->int64(0);
    }

private:
    BbcLibrary()
    {
        auto opened = ArticleStore::open(dir.filePath(QStringLiteral("bbc.sqlite")),
                                         ArticleStore::OpenMode::CreateIfMissing);
        REQUIRE(opened.ok());
        store = std::move(*opened);
        auto report = importPaths(*store, {sharedPath(QStringLiteral("data/bbc/news")),
                                           sharedPath(QStringLiteral("seed"))});
        REQUIRE(report.ok());
        REQUIRE(report->added == 2096);

        auto db = Database::open(dir.filePath(QStringLiteral("oracle.sqlite")),
                                 Database::Mode::ReadWriteCreate);
        REQUIRE(db.ok());
        oracle = std::move(*db);
        REQUIRE(oracle
                    .exec("CREATE VIRTUAL TABLE oracle USING fts5(title, body, author, "
                          "tokenize = 'porter unicode61 remove_diacritics 2')")
                    .ok());
        auto attach = oracle.prepare("ATTACH DATABASE ?1 AS library");
        REQUIRE(attach.ok());
        REQUIRE(attach->bind(1, store->path()).run().ok());
        REQUIRE(oracle
                    .exec("INSERT INTO oracle(rowid, title, body, author) "
                          "SELECT id, title, body, author FROM library.articles")
                    .ok());
    }
};

SearchResults search(ArticleStore& store, const QString& query, SearchRequest request = {})
{
    request.query = query;
    auto results = Searcher(store.database()).search(request);
    INFO("query: " << query.toStdString());
    REQUIRE(results.ok());
    return *results;
}

} // namespace

TEST_CASE("search counts agree with SQLite FTS5 on the BBC corpus", "[search][agreement][corpus]")
{
    REQUIRE_SHARED("data/bbc/news");
    auto& library = BbcLibrary::get();
    const qint64 all = *library.store->count();
    const struct {
        const char* ours;
        const char* oracle;
    } cases[] = {
        {"attack", "attack"},
        {"attacks", "attack"}, // stemmed
        {"\"north korea\"", "\"north korea\""},
        {"\"prime minister\"", "\"prime minister\""},
        {"sony OR microsoft", "sony OR microsoft"},
        {"title:china", "title : china"},
        {"title:\"world cup\"", "title : \"world cup\""},
        {"comput*", "comput*"},
        {"election -labour", "election NOT labour"},
        {"election NOT labour", "election NOT labour"},
        {"(film OR music) award*", "(film OR music) AND award*"},
        {"title:economy growth", "title : economy AND growth"},
        {"\"prime minister\" OR chancellor -budget",
         "(\"prime minister\" OR chancellor) NOT budget"},
        {"mobile phone* -apple", "(mobile AND phone*) NOT apple"},
        {"(england OR wales) (rugby OR cricket) -injury",
         "(england OR wales) AND (rugby OR cricket) NOT injury"},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.ours);
        const auto results = search(*library.store, QString::fromUtf8(c.ours));
        CHECK(results.hints.isEmpty());
        CHECK(results.total == library.oracleCount(c.oracle));
    }
    // A symbol alone is not in the index: nothing matches, and a hint says why.
    const auto symbol = search(*library.store, QStringLiteral("£"));
    CHECK(symbol.total == library.oracleCount("\"£\""));
    CHECK(symbol.total == 0);
    CHECK_FALSE(symbol.hints.isEmpty());
    // A query of only a negation counts everything else.
    CHECK(search(*library.store, QStringLiteral("-sport")).total ==
          all - library.oracleCount("sport"));
    CHECK(search(*library.store, QStringLiteral("NOT \"world cup\"")).total ==
          all - library.oracleCount("\"world cup\""));
    CHECK(search(*library.store, QStringLiteral("-sport -film")).total ==
          all - library.oracleCount("sport OR film"));
    // Mixed text and filters.
    CHECK(search(*library.store, QStringLiteral("attack OR source:seed")).total ==
          library.oracleCount("attack"));
    CHECK(search(*library.store, QStringLiteral("cyber source:seed")).total == 1);
}

TEST_CASE("results are ranked with the title above the body, and paged", "[search][corpus]")
{
    REQUIRE_SHARED("data/bbc/news");
    auto& library = BbcLibrary::get();
    SearchRequest request;
    request.limit = 20;
    const auto ranked = search(*library.store, QStringLiteral("china"), request);
    REQUIRE(ranked.hits.size() == 20);
    CHECK(ranked.hits.front().article.title.contains(QStringLiteral("China")));
    for (qsizetype i = 1; i < ranked.hits.size(); ++i)
        CHECK(ranked.hits[i - 1].score <= ranked.hits[i].score);
    for (const auto& hit : ranked.hits)
        CHECK(hit.snippet.contains(request.markOpen));

    request.limit = 10;
    const auto first = search(*library.store, QStringLiteral("china"), request);
    request.offset = 10;
    const auto second = search(*library.store, QStringLiteral("china"), request);
    QList<ArticleId> paged;
    for (const auto& hit : first.hits + second.hits)
        paged.append(hit.article.id);
    QList<ArticleId> whole;
    for (const auto& hit : ranked.hits)
        whole.append(hit.article.id);
    CHECK(paged == whole);

    request.offset = 0;
    request.limit = 50;
    request.sort = SearchRequest::Sort::Date;
    const auto byDate = search(*library.store, QStringLiteral("cyber OR korea"), request);
    REQUIRE_FALSE(byDate.hits.isEmpty());
    // The seed (2014) is the only dated article; it comes first, the undated after it.
    CHECK(byDate.hits.front().article.published.isKnown());
    for (qsizetype i = 1; i < byDate.hits.size(); ++i)
        CHECK_FALSE(byDate.hits[i].article.published.isKnown());
}

TEST_CASE("a broad query ranks the newest matches of its window and still counts all",
          "[search][corpus]")
{
    REQUIRE_SHARED("data/bbc/news");
    auto& library = BbcLibrary::get();
    SearchRequest everything;
    everything.rankWindow = 0;
    const auto full = search(*library.store, QStringLiteral("said"), everything);
    CHECK_FALSE(full.rankingLimited);
    CHECK(search(*library.store, QStringLiteral("said")).rankingLimited == false); // under 10,000

    SearchRequest windowed;
    windowed.rankWindow = 100;
    windowed.limit = 100;
    const auto limited = search(*library.store, QStringLiteral("said"), windowed);
    CHECK(limited.rankingLimited);
    CHECK(limited.total == full.total);
    REQUIRE(limited.hits.size() == 100);
    // The window holds the 100 most recently added matches.
    auto stmt =
        library.store->database().prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH "
                                          "'said' ORDER BY rowid DESC LIMIT 100");
    REQUIRE(stmt.ok());
    QSet<ArticleId> window;
    REQUIRE(
        stmt->forEachRow([&window](const Statement& row) { window.insert(row.int64(0)); }).ok());
    for (const auto& hit : limited.hits)
        CHECK(window.contains(hit.article.id));
    for (qsizetype i = 1; i < limited.hits.size(); ++i)
        CHECK(limited.hits[i - 1].score <= limited.hits[i].score);

    // Every id, in order: the ranked window first, then the older matches.
    windowed.allIds = true;
    const auto listed = search(*library.store, QStringLiteral("said"), windowed);
    REQUIRE(listed.ids.size() == full.total);
    CHECK(QSet<ArticleId>(listed.ids.begin(), listed.ids.end()).size() == full.total);
    for (qsizetype i = 0; i < 100; ++i)
        CHECK(listed.ids[i] == listed.hits[i].article.id);
    for (qsizetype i = 100; i < listed.ids.size(); ++i)
        CHECK_FALSE(window.contains(listed.ids[i]));
}

TEST_CASE("hostile queries return without an error and change nothing", "[search][regression]")
{
    REQUIRE_SHARED("data/bbc/news");
    auto& library = BbcLibrary::get();
    const qint64 before = *library.store->count();
    QStringList hostile = {
        QStringLiteral("'; DROP TABLE articles; --"),
        QStringLiteral("\" OR 1=1 --"),
        QStringLiteral("') OR ('1'='1"),
        QStringLiteral("NEAR(sony cnn, 2)"),
        QStringLiteral("{title body} : sony"),
        QStringLiteral("title:* ^start body:"),
        QStringLiteral("a + b"),
        QStringLiteral("*"),
        QStringLiteral(":"),
        QStringLiteral(")("),
        QStringLiteral("\""),
        QStringLiteral("AND"),
        QStringLiteral("OR OR OR"),
        QStringLiteral("NOT"),
        QStringLiteral("-"),
        QStringLiteral("(((((("),
        QStringLiteral("))))))"),
        QStringLiteral("source:\"x' OR 1=1\" tag:%"),
        QStringLiteral("after:99999-99 before:0000 date:-1"),
        QStringLiteral("\xF0\x9F\x94\xA5 \xF0\x9F\x98\x80 fire"),
        QString::fromUtf8("\x01\x02\x03\x1b[31m sony \x7f"),
        QString(QChar(0)) + QStringLiteral("sony"),
        QStringLiteral("a").repeated(20000),
        QStringLiteral("word ").repeated(4000),
        QStringLiteral("\"").repeated(20000),
        QStringLiteral("(").repeated(20000),
        QStringLiteral("-(").repeated(10000),
        QStringLiteral("x* ").repeated(3000),
        QStringLiteral("is: ").repeated(20000),
        QStringLiteral("a* ").repeated(64),
        QStringLiteral("tag:\" tag:\" section: OR OR OR OR OR OR OR OR OR OR"),
        QStringLiteral("\"sony") + QChar(0) + QStringLiteral("hack\""),
    };
    for (const QString& query : hostile) {
        INFO("query: " << query.left(60).toStdString());
        SearchRequest request;
        request.query = query;
        auto results = Searcher(library.store->database()).search(request);
        CHECK(results.ok());
        if (!results.ok())
            WARN(results.error().message.toStdString());
    }
    CHECK(*library.store->count() == before);
    CHECK(library.store->check()->isEmpty());
}

TEST_CASE("a search stops with a cancelled error when asked to", "[search]")
{
    REQUIRE_SHARED("data/bbc/news");
    auto& library = BbcLibrary::get();
    std::stop_source stop;
    stop.request_stop();
    SearchRequest request;
    request.query = QStringLiteral("said OR the OR a*");
    request.sort = SearchRequest::Sort::Date;
    auto results = Searcher(library.store->database()).search(request, stop.get_token());
    REQUIRE_FALSE(results.ok());
    CHECK(results.error().cancelled);
    // The connection works normally afterwards.
    CHECK(search(*library.store, QStringLiteral("said")).total > 0);
}

TEST_CASE("date filters agree with the dates in expected.jsonl", "[search][corpus]")
{
    REQUIRE_SHARED("data/text-articles/expected.jsonl");
    QTemporaryDir dir;
    auto store = ArticleStore::open(dir.filePath(QStringLiteral("dates.sqlite")),
                                    ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(store.ok());
    REQUIRE(importPaths(**store, {sharedPath(QStringLiteral("data/text-articles/files"))})->added ==
            159);
    QStringList dates;
    for (const QJsonObject& row :
         readJsonLines(sharedPath(QStringLiteral("data/text-articles/expected.jsonl"))))
        dates.append(row.value(QStringLiteral("date")).toString()); // "" when null
    auto expected = [&dates](auto predicate) {
        return std::count_if(dates.begin(), dates.end(),
                             [&](const QString& d) { return !d.isEmpty() && predicate(d); });
    };
    const struct {
        QString query;
        qint64 count;
    } cases[] = {
        {QStringLiteral("date:2019"),
         expected([](const QString& d) { return d.startsWith(u"2019"); })},
        {QStringLiteral("date:2019-01"),
         expected([](const QString& d) { return d.startsWith(u"2019-01"); })},
        {QStringLiteral("date:2019-01-04"),
         expected([](const QString& d) { return d == u"2019-01-04"; })},
        {QStringLiteral("after:2019-06-01"),
         expected([](const QString& d) { return d >= u"2019-06-01"; })},
        {QStringLiteral("after:2019-06"),
         expected([](const QString& d) { return d >= u"2019-06-01"; })},
        {QStringLiteral("before:2019-03"),
         expected([](const QString& d) { return d < u"2019-03-01"; })},
        {QStringLiteral("before:2019-03-15"),
         expected([](const QString& d) { return d < u"2019-03-15"; })},
        {QStringLiteral("after:2019-02 before:2019-04"),
         expected([](const QString& d) { return d >= u"2019-02-01" && d < u"2019-04-01"; })},
        {QStringLiteral("-date:2019-01"),
         expected([](const QString& d) { return !d.startsWith(u"2019-01"); })},
        {QStringLiteral("before:2000"), 0},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.query.toStdString());
        const auto results = search(**store, c.query);
        // The corpus has undated files: the one hint says the filter leaves them out.
        const qint64 undated = std::count(dates.begin(), dates.end(), QString());
        REQUIRE(undated > 0);
        QStringList hints;
        if (!c.query.startsWith(u'-')) // under a NOT, undated stories match
            hints.append(c.query.section(u' ', 0, 0) +
                         QStringLiteral(" leaves out stories with no date (%1 in the library)")
                             .arg(undated));
        CHECK(results.hints == hints);
        CHECK(results.total == c.count);
        // Filters alone list newest first.
        for (qsizetype i = 1; i < results.hits.size(); ++i)
            CHECK(results.hits[i - 1].article.published.date() >=
                  results.hits[i].article.published.date());
    }
    // An undated article matches no date filter; a query with no terms lists everything.
    CHECK(search(**store, QStringLiteral("after:1900")).total ==
          expected([](const QString&) { return true; }));
    CHECK(search(**store, QString()).total == 159);
    const auto months = search(**store, QStringLiteral("date:2019")).months;
    qint64 sum = 0;
    for (qint64 n : months)
        sum += n;
    CHECK(sum == expected([](const QString& d) { return d.startsWith(u"2019"); }));
    CHECK(months.value(QStringLiteral("2019-01")) ==
          expected([](const QString& d) { return d.startsWith(u"2019-01"); }));
}

TEST_CASE("flags, sections, sources and tags filter and are counted", "[search]")
{
    QTemporaryDir dir;
    auto opened = ArticleStore::open(dir.filePath(QStringLiteral("small.sqlite")),
                                     ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(opened.ok());
    ArticleStore& store = **opened;
    QList<Article> batch;
    for (int i = 0; i < 6; ++i) {
        Article article;
        article.title = QStringLiteral("Story %1 about rivers").arg(i);
        article.body =
            i % 2 ? QStringLiteral("Floods and rain.") : QStringLiteral("Drought and heat.");
        article.section = i < 3 ? QStringLiteral("World") : QStringLiteral("Science & Technology");
        article.source = i < 4 ? QStringLiteral("Wire") : QStringLiteral("Daily");
        article.published = PublishedDate::day(QDate(2020, 1 + i, 1));
        batch.append(article);
    }
    REQUIRE(store.addArticles(batch).ok());
    REQUIRE(store.setRead({batch[0].id, batch[1].id}, true).ok());
    REQUIRE(store.setStarred({batch[5].id}, true).ok());
    REQUIRE(store.database()
                .exec("INSERT INTO tags(name, kind) VALUES ('North Korea', 'place');"
                      "INSERT INTO article_tags(article_id, tag_id, origin) VALUES (1, 1, "
                      "'entity'), (2, 1, 'entity')")
                .ok());

    CHECK(search(store, QStringLiteral("is:read")).total == 2);
    CHECK(search(store, QStringLiteral("is:unread")).total == 4);
    CHECK(search(store, QStringLiteral("is:starred")).total == 1);
    CHECK(search(store, QStringLiteral("section:world")).total == 3);
    CHECK(search(store, QStringLiteral("section:\"Science & Technology\" flood*")).total == 2);
    CHECK(search(store, QStringLiteral("source:wire -is:read")).total == 2);
    CHECK(search(store, QStringLiteral("tag:\"north korea\"")).total == 2);
    CHECK(search(store, QStringLiteral("tag:\"North Korea\" OR is:starred")).total == 3);
    CHECK(search(store, QStringLiteral("rivers -tag:\"North Korea\"")).total == 4);

    const auto all = search(store, QStringLiteral("rivers"));
    CHECK(all.total == 6);
    CHECK(all.sources ==
          QList<FacetCount>{{QStringLiteral("Wire"), {}, 4}, {QStringLiteral("Daily"), {}, 2}});
    CHECK(all.tags ==
          QList<FacetCount>{{QStringLiteral("North Korea"), QStringLiteral("place"), 2}});
    CHECK(all.months.size() == 6);
    CHECK(all.months.value(QStringLiteral("2020-03")) == 1);

    SearchRequest lean;
    lean.countTotal = false;
    lean.facets = SearchRequest::kNoFacets;
    const auto hitsOnly = search(store, QStringLiteral("rivers"), lean);
    CHECK(hitsOnly.hits.size() == 6);
    CHECK(hitsOnly.total == 0);
    CHECK(hitsOnly.months.isEmpty());
}

TEST_CASE("the reader's highlights mark what the query matched, stemmed", "[search]")
{
    REQUIRE_SHARED("seed/000_2afe67581d2c50c2.txt");
    QTemporaryDir dir;
    auto store = ArticleStore::open(dir.filePath(QStringLiteral("seed.sqlite")),
                                    ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(store.ok());
    REQUIRE(importPaths(**store, {sharedPath(QStringLiteral("seed"))})->added == 1);
    Searcher searcher((*store)->database());
    auto marked = searcher.highlighted(1, QStringLiteral("attack \"north korea\" -sport"),
                                       QStringLiteral("<"), QStringLiteral(">"));
    REQUIRE(marked.ok());
    REQUIRE(marked->has_value());
    CHECK((*marked)->title == QStringLiteral("Stop N. Korean cyber <attacks>, US urges China"));
    CHECK((*marked)->body.startsWith(
        QStringLiteral("THE United States has dismissed a call by <North Korea> for")));
    CHECK((*marked)->body.count(QStringLiteral("\n\n")) == 16); // paragraphs kept
    // No words, or no match: nothing to mark.
    CHECK_FALSE(searcher.highlighted(1, QStringLiteral("after:2014"))->has_value());
    CHECK_FALSE(searcher.highlighted(1, QStringLiteral("zeppelin"))->has_value());
}

TEST_CASE("matches sort by each column of the story list, both ways", "[search][sort]")
{
    QTemporaryDir dir;
    auto opened = openNewLibrary(dir);
    ArticleStore& store = *opened;
    // Titles, sources and dates each in a different order, so one sort cannot pass for another.
    const QStringList titles{QStringLiteral("banana rivers"), QStringLiteral("Apple rivers"),
                             QStringLiteral("cherry rivers"), QStringLiteral("date rivers")};
    const QStringList sources{QStringLiteral("Wire"), QStringLiteral("daily"),
                              QStringLiteral("Wire"), QStringLiteral("Courier")};
    const QList<int> months{3, 1, 4, 0}; // 0: undated
    QList<Article> batch;
    for (qsizetype i = 0; i < titles.size(); ++i) {
        Article article;
        article.title = titles[i];
        article.body = QStringLiteral("Body %1.").arg(i);
        article.source = sources[i];
        if (months[i] > 0)
            article.published = PublishedDate::day(QDate(2021, months[i], 1));
        batch.append(article);
    }
    REQUIRE(store.addArticles(batch).ok());
    REQUIRE(store.setStarred({batch[2].id}, true).ok());
    REQUIRE(store.database()
                .exec("INSERT INTO tags(name, kind) VALUES ('zebra', 'keyword'), ('Aardvark', "
                      "'keyword');"
                      "INSERT INTO article_tags(article_id, tag_id, origin) VALUES (1, 1, "
                      "'keyword'), (4, 2, 'keyword'), (4, 1, 'keyword')")
                .ok());

    auto titlesIn = [&](SearchRequest::Sort sort, bool reversed, const QString& query) {
        SearchRequest request;
        request.sort = sort;
        request.reversed = reversed;
        request.allIds = true;
        request.limit = 2; // the page and the ids agree on the order
        const SearchResults results = search(store, query, request);
        QStringList shown;
        for (ArticleId id : results.ids)
            shown.append(titles[id - 1].section(u' ', 0, 0));
        QStringList page;
        for (const SearchHit& hit : results.hits)
            page.append(hit.article.title.section(u' ', 0, 0));
        CHECK(page == shown.mid(0, 2));
        return shown;
    };
    using Sort = SearchRequest::Sort;
    const QString words = QStringLiteral("rivers");
    for (const QString& query : {QString(), words}) {
        INFO("query: " << query.toStdString());
        CHECK(titlesIn(Sort::Date, false, query) ==
              QStringList{u"cherry"_qs, u"banana"_qs, u"Apple"_qs, u"date"_qs});
        CHECK(titlesIn(Sort::Date, true, query) ==
              QStringList{u"Apple"_qs, u"banana"_qs, u"cherry"_qs, u"date"_qs}); // undated last
        CHECK(titlesIn(Sort::Title, false, query) ==
              QStringList{u"Apple"_qs, u"banana"_qs, u"cherry"_qs, u"date"_qs}); // any case
        CHECK(titlesIn(Sort::Title, true, query) ==
              QStringList{u"date"_qs, u"cherry"_qs, u"banana"_qs, u"Apple"_qs});
        // By source, then newest first within one.
        CHECK(titlesIn(Sort::Source, false, query) ==
              QStringList{u"date"_qs, u"Apple"_qs, u"cherry"_qs, u"banana"_qs});
        CHECK(titlesIn(Sort::Source, true, query) ==
              QStringList{u"cherry"_qs, u"banana"_qs, u"Apple"_qs, u"date"_qs});
        CHECK(titlesIn(Sort::Starred, false, query).front() == u"cherry"_qs);
        CHECK(titlesIn(Sort::Starred, true, query).back() == u"cherry"_qs);
        // By first tag A to Z; untagged last both ways.
        CHECK(titlesIn(Sort::Tags, false, query) ==
              QStringList{u"date"_qs, u"banana"_qs, u"cherry"_qs, u"Apple"_qs});
        CHECK(titlesIn(Sort::Tags, true, query) ==
              QStringList{u"banana"_qs, u"date"_qs, u"cherry"_qs, u"Apple"_qs});
    }
    // Relevance with words ranks; without words it is newest first.
    CHECK(titlesIn(Sort::Relevance, false, QString()) ==
          QStringList{u"cherry"_qs, u"banana"_qs, u"Apple"_qs, u"date"_qs});

    CHECK(sortFromName(u"title") == Sort::Title);
    CHECK_FALSE(sortFromName(u"size").has_value());
    CHECK(sortNames().size() == 7);

    auto summaries = store.summaries({batch[3].id, batch[1].id});
    REQUIRE(summaries.ok());
    REQUIRE(summaries->size() == 2);
    CHECK((*summaries)[0].tags == QStringList{u"Aardvark"_qs, u"zebra"_qs});
    CHECK((*summaries)[1].tags.isEmpty());
}

TEST_CASE("a NUL pasted into a phrase still finds the phrase", "[search][regression]")
{
    REQUIRE_SHARED("data/bbc/news");
    auto& library = BbcLibrary::get();
    const qint64 plain = search(*library.store, QStringLiteral("\"prime minister\"")).total;
    REQUIRE(plain > 0);
    const QString pasted = QStringLiteral("\"prime") + QChar(0) + QStringLiteral("minister\"");
    CHECK(search(*library.store, pasted).total == plain);
}

TEST_CASE("a search past its time limit answers with what it found and a hint",
          "[search][regression]")
{
    REQUIRE_SHARED("data/bbc/news");
    auto& library = BbcLibrary::get();
    SearchRequest request;
    request.query = QStringLiteral("said OR the OR a* OR b*");
    request.sort = SearchRequest::Sort::Title;
    request.timeLimitMs = 1; // far less than sorting 2,000 matches by title takes
    auto results = Searcher(library.store->database()).search(request);
    REQUIRE(results.ok());
    CHECK(results->timedOut);
    CHECK(results->hints.join(QLatin1Char(' ')).contains(QStringLiteral("stopped after")));
    // Without the limit, the same search completes, and the connection is as it was.
    request.timeLimitMs = 0;
    auto full = Searcher(library.store->database()).search(request);
    REQUIRE(full.ok());
    CHECK_FALSE(full->timedOut);
    CHECK(full->total > 1000);
}
