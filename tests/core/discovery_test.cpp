// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/near_duplicates.h"
#include "discovery/term_profile.h"
#include "importing/import_job.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "store/schema.h"
#include "tagging/tagging_pass.h"
#include "test_support.h"

#include <QDir>
#include <QSet>
#include <QTemporaryDir>

#include <cmath>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

const QString kStory = QStringLiteral(
    "The city council voted on Tuesday to close the old bridge over the river for repairs "
    "that engineers say cannot wait another winter. Traffic will be sent through the north "
    "road while the work goes on, and buses will stop at the station instead of the square. "
    "The mayor said the decision was hard but right, and that the bridge would reopen before "
    "the summer festival. Shop owners near the bridge fear they will lose trade for months, "
    "and some asked the council for help with their rent while the road is closed.");

qint64 queryInt(ArticleStore& store, const char* sql)
{
    auto value = store.database().queryInt(sql);
    REQUIRE(value.ok());
    return *value;
}

QString titleOf(ArticleStore& store, ArticleId id)
{
    auto summaries = store.summaries({id});
    REQUIRE(summaries.ok());
    REQUIRE(summaries->size() == 1);
    return summaries->front().title;
}

ArticleId idOf(ArticleStore& store, const QString& title)
{
    auto stmt = store.database().prepare("SELECT id FROM articles WHERE title = ?1");
    REQUIRE(stmt.ok());
    stmt->bind(1, title);
    auto row = stmt->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return stmt->int64(0);
}

/// Three stories: the bridge story, an edited copy of it a day later (another title, a
/// changed phrase), and the same text with a line added six weeks later.
QString writeBridgeStories(const QTemporaryDir& dir)
{
    const QString stories = dir.filePath(QStringLiteral("bridge"));
    QDir().mkpath(stories);
    writeFile(
        stories + QStringLiteral("/original.txt"),
        (QStringLiteral("Council closes the old bridge\n\n3 March 2016\n\n") + kStory).toUtf8());
    QString edited = kStory;
    edited.replace(QStringLiteral("for months"), QStringLiteral("for most of the spring"));
    writeFile(
        stories + QStringLiteral("/copy.txt"),
        (QStringLiteral("Bridge to close for repairs, council says\n\n4 March 2016\n\n") + edited)
            .toUtf8());
    writeFile(stories + QStringLiteral("/later.txt"),
              (QStringLiteral("A year on: the bridge closes again\n\n20 April 2016\n\n") + kStory +
               QStringLiteral(" It happened again."))
                  .toUtf8());
    return stories;
}

} // namespace

TEST_CASE("a near-duplicate's signature is close to its original's, another story's is far",
          "[discovery][versions]")
{
    const auto original = NearDuplicates::signature(kStory);
    REQUIRE(original);
    // The same text with a sentence changed and one added.
    QString edited = kStory;
    edited.replace(QStringLiteral("The mayor said the decision was hard but right"),
                   QStringLiteral("A spokesman for the mayor called the decision necessary"));
    edited.prepend(QStringLiteral("Updated with the mayor's comments. "));
    const auto copy = NearDuplicates::signature(edited);
    REQUIRE(copy);
    CHECK(NearDuplicates::similarity(*original, *copy) >= NearDuplicates::kThreshold);
    CHECK(NearDuplicates::similarity(*original, *original) == 1.0);

    // Another story on the same subject, in other words.
    const auto other = NearDuplicates::signature(QStringLiteral(
        "Engineers have warned that the old bridge over the river needs repairs. The council "
        "is expected to decide next week whether to close it, which would send traffic "
        "through the north road and move the buses to the station for several months."));
    REQUIRE(other);
    CHECK(NearDuplicates::similarity(*original, *other) < 0.2);

    // Their bands meet where they share much.
    const qint64 week = NearDuplicates::bucket(1457000000);
    const auto a = NearDuplicates::bands(*original, week);
    const auto b = NearDuplicates::bands(*copy, week);
    CHECK(std::any_of(a.begin(), a.end(),
                      [&b](qint64 x) { return std::find(b.begin(), b.end(), x) != b.end(); }));
    // ...in the same week: a week later they are other keys.
    const auto later = NearDuplicates::bands(*original, week + 1);
    CHECK(std::none_of(a.begin(), a.end(), [&later](qint64 x) {
        return std::find(later.begin(), later.end(), x) != later.end();
    }));
    CHECK(NearDuplicates::bucket(std::nullopt) == NearDuplicates::kUndated);
    CHECK(NearDuplicates::bucket(1457000000) == NearDuplicates::bucket(1457000000 + 3600));
    CHECK(NearDuplicates::bucket(-5000000000) >= 0);
    CHECK(NearDuplicates::fromBytes(NearDuplicates::toBytes(*original)) == original);
    CHECK_FALSE(NearDuplicates::fromBytes(QByteArray("short")));

    // A line or two says too little.
    CHECK_FALSE(NearDuplicates::signature(QStringLiteral("Council closes the bridge.")));
    CHECK_FALSE(NearDuplicates::signature(QString()));

    // Close in time, or undated: one story; a month apart: two.
    CHECK(NearDuplicates::sameStory(0.8, 2));
    CHECK(NearDuplicates::sameStory(0.8, std::nullopt));
    CHECK_FALSE(NearDuplicates::sameStory(0.8, 30));
    CHECK_FALSE(NearDuplicates::sameStory(0.8, -30));
    CHECK_FALSE(NearDuplicates::sameStory(0.3, 0));
}

TEST_CASE("a profile is a unit vector of a story's telling terms", "[discovery][related]")
{
    // In a library of 10,000: "year" is everywhere, "zzyzx" only here.
    const QList<TermProfile::Candidate> terms{{"bridg", 5, 40},
                                              {"council", 3, 300},
                                              {"year", 4, 9000},
                                              {"zzyzx", 2, 1},
                                              {"mayor", 1, 60}};
    const QList<TermProfile::Term> profile = TermProfile::build(terms, 10000);
    REQUIRE(profile.size() == 4); // the term no other story has says nothing
    CHECK(profile.front().stem == "bridg");
    double norm = 0;
    for (const TermProfile::Term& term : profile) {
        CHECK(term.stem != "zzyzx");
        norm += std::pow(term.weight / static_cast<double>(TermProfile::kScale), 2);
    }
    CHECK(std::abs(norm - 1.0) < 0.01);
    // Rare terms weigh alike: "mayor" (60) is not worth more than "bridge" (40) said once.
    auto weightOf = [&profile](const char* stem) {
        for (const TermProfile::Term& term : profile) {
            if (term.stem == stem)
                return term.weight;
        }
        return 0;
    };
    CHECK(weightOf("year") < weightOf("mayor"));
    CHECK(weightOf("mayor") < weightOf("council"));

    QList<TermProfile::StoredTerm> stored{{7, 9000}, {123456, 1}};
    const auto back = TermProfile::fromBytes(TermProfile::toBytes(stored));
    REQUIRE(back.size() == 2);
    CHECK(back[1].term == 123456);
    CHECK(back[1].weight == 1);
    CHECK(TermProfile::fromBytes(QByteArray("12345")).isEmpty());
}

TEST_CASE("related stories on the BBC corpus are of the story's own category, and its "
          "versions are listed apart",
          "[discovery][related][corpus]")
{
    REQUIRE_SHARED("data/bbc/news");
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    REQUIRE(importPaths(*store, {sharedPath(QStringLiteral("data/bbc/news"))}).ok());

    auto ids = store->articleIds();
    REQUIRE(ids.ok());
    int same = 0;
    int counted = 0;
    for (qsizetype i = 0; i < ids->size(); i += 41) {
        const ArticleId id = (*ids)[i];
        auto related = store->relatedStories(id, 10);
        REQUIRE(related.ok());
        CHECK(related->size() == 10);
        auto own = store->summaries({id});
        QList<ArticleId> relatedIds;
        for (const auto& r : *related) {
            CHECK(r.id != id);
            CHECK(r.score > 0);
            CHECK(r.score <= 1);
            relatedIds.append(r.id);
        }
        CHECK(std::is_sorted(related->begin(), related->end(),
                             [](const auto& a, const auto& b) { return a.score > b.score; }));
        auto summaries = store->summaries(relatedIds);
        for (const auto& s : *summaries) {
            same += s.section == own->front().section ? 1 : 0;
            ++counted;
        }
    }
    CHECK(counted >= 400);
    CHECK(static_cast<double>(same) / counted >= 0.88);

    // The corpus has one story twice, under two headlines: versions of each other, not
    // related stories.
    const ArticleId first = idOf(*store, QStringLiteral("Bank holds interest rate at 4.75%"));
    const ArticleId second = idOf(*store, QStringLiteral("UK interest rates held at 4.75%"));
    auto versions = store->versions(first);
    REQUIRE(versions.ok());
    CHECK(*versions == QList<ArticleId>{second});
    CHECK(*store->versions(second) == QList<ArticleId>{first});
    auto related = store->relatedStories(first, 10);
    REQUIRE(related.ok());
    for (const auto& r : *related)
        CHECK(r.id != second);
    // ...and what is related to a rate decision is about rates.
    CHECK(
        titleOf(*store, related->front().id).contains(QStringLiteral("rate"), Qt::CaseInsensitive));
    auto keys = store->clusterKeys();
    REQUIRE(keys.ok());
    CHECK(keys->value(first) == keys->value(second));
    CHECK(keys->size() < 200); // a few updated stories, not topics

    // A story the pass has not reached has none yet; an unknown one none.
    CHECK(store->relatedStories(9999999, 10)->isEmpty());
    CHECK(store->relatedStories(first, 0)->isEmpty());
}

TEST_CASE("an edited copy joins its original, the same text a month later does not, and "
          "deleted stories leave the indexes",
          "[discovery][versions]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    const QString folder = writeStories(dir, QStringLiteral("background"), 30);
    REQUIRE(importPaths(*store, {folder}).ok());

    const QString stories = writeBridgeStories(dir);
    REQUIRE(importPaths(*store, {stories}).ok());

    const ArticleId original = idOf(*store, QStringLiteral("Council closes the old bridge"));
    const ArticleId copy =
        idOf(*store, QStringLiteral("Bridge to close for repairs, council says"));
    const ArticleId later = idOf(*store, QStringLiteral("A year on: the bridge closes again"));
    CHECK(*store->versions(original) == QList<ArticleId>{copy});
    CHECK(*store->versions(copy) == QList<ArticleId>{original});
    CHECK(store->versions(later)->isEmpty());

    // Indexed: each profile's best terms, and every signature's bands.
    auto consistent = [&store] {
        CHECK(queryInt(*store, "SELECT count(*) FROM article_profiles") ==
              queryInt(*store, "SELECT count(*) FROM articles"));
        // Bands of each group's first story only.
        CHECK(queryInt(*store, "SELECT count(*) FROM near_duplicate_bands") ==
              NearDuplicates::kBands *
                  queryInt(*store, "SELECT count(*) FROM article_profiles p JOIN articles a ON "
                                   "a.id = p.article_id WHERE p.signature IS NOT NULL AND "
                                   "coalesce(a.cluster_id, a.id) = a.id"));
        CHECK(queryInt(*store, "SELECT count(*) FROM term_postings WHERE article_id NOT IN "
                               "(SELECT article_id FROM article_profiles)") == 0);
        CHECK(queryInt(*store, "SELECT max(n) FROM (SELECT count(*) AS n FROM term_postings "
                               "GROUP BY article_id)") <= TermProfile::kIndexed);
    };
    consistent();
    // Retagging every story replaces what was indexed; it does not add to it.
    const qint64 postings = queryInt(*store, "SELECT count(*) FROM term_postings");
    REQUIRE(retag(*store, true).ok());
    CHECK(queryInt(*store, "SELECT count(*) FROM term_postings") == postings);
    CHECK(*store->versions(original) == QList<ArticleId>{copy});
    consistent();

    // Deleted: gone from the related stories at once, from the indexes at the next pass.
    REQUIRE(store->deleteArticles({copy}).ok());
    CHECK(store->versions(original)->isEmpty());
    auto related = store->relatedStories(later, 10);
    REQUIRE(related.ok());
    for (const auto& r : *related)
        CHECK(r.id != copy);
    REQUIRE(retag(*store).ok());
    consistent();
    CHECK(queryInt(*store, "SELECT count(*) FROM near_duplicate_bands WHERE article_id = " +
                               QByteArray::number(copy)) == 0);
}

TEST_CASE("the band filter never says a band it holds is absent, and rarely says an absent one "
          "may be there",
          "[discovery][versions]")
{
    constexpr qint64 kKeys = 200000;
    BandFilter filter(kKeys);
    const auto signature = NearDuplicates::signature(kStory);
    REQUIRE(signature);
    // Real band keys: the story's bands in one week after another.
    for (qint64 week = 0; week < kKeys / NearDuplicates::kBands; ++week) {
        for (const qint64 band : NearDuplicates::bands(*signature, week))
            filter.add(band);
    }
    qint64 missed = 0;
    for (qint64 week = 0; week < kKeys / NearDuplicates::kBands; ++week) {
        for (const qint64 band : NearDuplicates::bands(*signature, week))
            missed += filter.mayContain(band) ? 0 : 1;
    }
    CHECK(missed == 0);
    qint64 maybe = 0;
    constexpr qint64 kAbsent = 100000;
    for (qint64 week = kKeys; week < kKeys + kAbsent / NearDuplicates::kBands; ++week) {
        for (const qint64 band : NearDuplicates::bands(*signature, week))
            maybe += filter.mayContain(band) ? 1 : 0;
    }
    INFO(maybe << " of " << kAbsent << " absent keys said to be there");
    CHECK(maybe < kAbsent / 1000);
}

TEST_CASE("a pass over most of the library finds the versions stored before it through its "
          "band filter, and the ones another program stores while it runs",
          "[discovery][versions]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    REQUIRE(importPaths(*store, {writeStories(dir, QStringLiteral("background"), 30)}).ok());
    auto one = [&dir](const QString& name, const QString& title, const QString& date,
                      const QString& body) {
        const QString folder = dir.filePath(name);
        QDir().mkpath(folder);
        writeFile(folder + QStringLiteral("/story.txt"),
                  (title + QStringLiteral("\n\n") + date + QStringLiteral("\n\n") + body).toUtf8());
        return folder;
    };
    QString edited = kStory;
    edited.replace(QStringLiteral("for months"), QStringLiteral("for most of the spring"));

    SECTION("stored before: the filter is read from the index")
    {
        REQUIRE(importPaths(*store, {one(QStringLiteral("original"),
                                         QStringLiteral("Council closes the old bridge"),
                                         QStringLiteral("3 March 2016"), kStory)})
                    .ok());
        // Forty new stories and the copy: a pass over most of the library.
        REQUIRE(importPaths(*store,
                            {writeStories(dir, QStringLiteral("more"), 40),
                             one(QStringLiteral("copy"), QStringLiteral("Bridge to close"),
                                 QStringLiteral("4 March 2016"), edited)},
                            Tagging::Off)
                    .ok());
        auto stale = store->staleCount(TaggingPass::signature());
        REQUIRE(stale.ok());
        REQUIRE(*stale * 5 >= queryInt(*store, "SELECT count(*) FROM articles"));
        REQUIRE(retag(*store).ok());
    }
    SECTION("stored by another program after the filter was read")
    {
        auto writer = LibraryWriter::open(store->path(), ArticleStore::OpenMode::OpenExisting);
        REQUIRE(writer.ok());
        REQUIRE(
            (*writer)->run([](ArticleStore& own) { return own.beginLargePass(40, true); }).ok());
        // Another program (a connection of its own) stores and tags the original.
        REQUIRE(importPaths(*store, {one(QStringLiteral("original"),
                                         QStringLiteral("Council closes the old bridge"),
                                         QStringLiteral("3 March 2016"), kStory)})
                    .ok());
        REQUIRE(ImportJob(**writer)
                    .run({one(QStringLiteral("copy"), QStringLiteral("Bridge to close"),
                              QStringLiteral("4 March 2016"), edited)})
                    .ok());
        REQUIRE(TaggingPass(**writer, *store).run().ok());
        REQUIRE((*writer)
                    ->run([](ArticleStore& own) -> Result<void> {
                        own.endLargePass();
                        return {};
                    })
                    .ok());
    }
    const ArticleId original = idOf(*store, QStringLiteral("Council closes the old bridge"));
    const ArticleId copy = idOf(*store, QStringLiteral("Bridge to close"));
    CHECK(*store->versions(original) == QList<ArticleId>{copy});
}

TEST_CASE("thousands of copies of one text make one group and cost one lookup each",
          "[discovery][versions][regression]")
{
    // writeStories() makes two texts, each in a thousand copies that differ by a number
    // and a name: the worst case for a band index that held every story.
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    REQUIRE(importPaths(*store, {writeStories(dir, QStringLiteral("copies"), 2000)}).ok());
    auto keys = store->clusterKeys();
    REQUIRE(keys.ok());
    QSet<ArticleId> groups;
    for (auto it = keys->cbegin(); it != keys->cend(); ++it)
        groups.insert(it.value());
    INFO("grouped " << keys->size() << " in " << groups.size());
    CHECK(keys->size() > 1000);
    CHECK(groups.size() < 200);
    CHECK(queryInt(*store, "SELECT count(*) FROM near_duplicate_bands") <
          NearDuplicates::kBands * 400);
}

TEST_CASE("a grouped search shows each story once, in the place of its best placed version, "
          "and names the others",
          "[discovery][versions][search]")
{
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    REQUIRE(importPaths(*store, {writeStories(dir, QStringLiteral("background"), 30)}).ok());
    REQUIRE(importPaths(*store, {writeBridgeStories(dir)}).ok());
    const ArticleId original = idOf(*store, QStringLiteral("Council closes the old bridge"));
    const ArticleId copy =
        idOf(*store, QStringLiteral("Bridge to close for repairs, council says"));
    const ArticleId later = idOf(*store, QStringLiteral("A year on: the bridge closes again"));
    REQUIRE(*store->versions(original) == QList<ArticleId>{copy});

    Searcher searcher(store->database());
    auto search = [&searcher](const QString& text, bool group, SearchRequest::Sort sort) {
        SearchRequest request;
        request.query = text;
        request.group = group;
        request.sort = sort;
        request.allIds = true;
        auto results = searcher.search(request);
        INFO((results.ok() ? QString() : results.error().message).toStdString());
        REQUIRE(results.ok());
        return *results;
    };
    auto idsOf = [](const SearchResults& results) {
        QList<ArticleId> ids;
        for (const SearchHit& hit : results.hits)
            ids.append(hit.article.id);
        return ids;
    };

    for (const auto sort : {SearchRequest::Sort::Relevance, SearchRequest::Sort::Date}) {
        const SearchResults all = search(QStringLiteral("repairs"), false, sort);
        const SearchResults grouped = search(QStringLiteral("repairs"), true, sort);
        REQUIRE(all.total == 3);
        CHECK(grouped.total == 2);
        // The first of the two versions in the ungrouped order stands for both.
        const ArticleId first = all.ids.indexOf(original) < all.ids.indexOf(copy) ? original : copy;
        const ArticleId second = first == original ? copy : original;
        QList<ArticleId> expected = all.ids;
        expected.removeOne(second);
        CHECK(grouped.ids == expected);
        CHECK(idsOf(grouped) == expected);
        CHECK(grouped.versions == QHash<ArticleId, QList<ArticleId>>{{first, {second}}});
        for (const SearchHit& hit : grouped.hits) {
            CHECK(!hit.snippet.isEmpty());
            if (hit.article.id == later)
                CHECK(hit.versions.isEmpty());
        }
        const SearchHit& shown = grouped.hits.at(static_cast<int>(grouped.ids.indexOf(first)));
        REQUIRE(shown.versions.size() == 1);
        CHECK(shown.versions.front().id == second);
        CHECK(shown.versions.front().title == titleOf(*store, second));
        CHECK(shown.versions.front().published.isKnown());
        // A page alone (no ids asked for) stops walking once it is full: the same rows,
        // each with the same other versions, and the same total.
        SearchRequest pageOnly;
        pageOnly.query = QStringLiteral("repairs");
        pageOnly.group = true;
        pageOnly.sort = sort;
        pageOnly.limit = 1;
        auto first_ = searcher.search(pageOnly);
        REQUIRE(first_.ok());
        CHECK(first_->total == 2);
        REQUIRE(first_->hits.size() == 1);
        CHECK(first_->hits.front().article.id == grouped.hits.front().article.id);
        CHECK(first_->hits.front().versions.size() == grouped.hits.front().versions.size());
        CHECK(first_->versions.value(first_->hits.front().article.id) ==
              grouped.versions.value(grouped.hits.front().article.id));
        // Ungrouped, nothing is listed as another version.
        CHECK(all.versions.isEmpty());
        for (const SearchHit& hit : all.hits)
            CHECK(hit.versions.isEmpty());
    }

    // Without words (the whole library, newest first), and a page at a time. The background's
    // stories are a few texts told again and again within a week: they group too.
    const qint64 stories =
        queryInt(*store, "SELECT count(DISTINCT coalesce(cluster_id, -id)) FROM articles");
    REQUIRE(stories < 32);
    const SearchResults everything = search(QString(), true, SearchRequest::Sort::Date);
    CHECK(everything.total == stories);
    CHECK(everything.ids.size() == stories);
    qint64 listed = everything.ids.size();
    for (const auto& others : everything.versions)
        listed += others.size();
    CHECK(listed == 33);
    SearchRequest paged;
    paged.group = true;
    paged.sort = SearchRequest::Sort::Date;
    QList<ArticleId> walked;
    for (paged.offset = 0; paged.offset < 40; paged.offset += 7) {
        paged.limit = 7;
        auto page = searcher.search(paged);
        REQUIRE(page.ok());
        CHECK(page->total == stories);
        walked += idsOf(*page);
    }
    CHECK(walked == everything.ids);
    // Not a word either version holds: no group to make.
    const SearchResults none = search(QStringLiteral("zzyzx"), true, SearchRequest::Sort::Date);
    CHECK(none.total == 0);
    CHECK(none.hits.isEmpty());
}

TEST_CASE("a library of schema 9 keeps its stories' bands, by week, and a new copy still finds "
          "its original",
          "[discovery][versions][schema]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    ArticleId original = 0;
    qint64 bands = 0;
    {
        auto store = openNewLibrary(dir);
        REQUIRE(importPaths(*store, {writeBridgeStories(dir)}).ok());
        original = idOf(*store, QStringLiteral("Council closes the old bridge"));
        bands = queryInt(*store, "SELECT count(*) FROM near_duplicate_bands");
        REQUIRE(bands > 0);
        // Back to the shape schema 9 wrote: bands keyed by band alone.
        REQUIRE(store->database()
                    .exec("CREATE TABLE old_bands (band INTEGER NOT NULL, article_id INTEGER NOT "
                          "NULL, PRIMARY KEY (band, article_id)) WITHOUT ROWID; INSERT INTO "
                          "old_bands SELECT band, article_id FROM near_duplicate_bands; DROP "
                          "TABLE near_duplicate_bands; ALTER TABLE old_bands RENAME TO "
                          "near_duplicate_bands; PRAGMA user_version = 9;")
                    .ok());
        // Schema 10's step alone (the later ones' tables are there already).
        REQUIRE(schema::migrate(store->database(), 10).ok());
        CHECK(queryInt(*store, "PRAGMA user_version") == 10);
        REQUIRE(store->database()
                    .exec((QByteArray("PRAGMA user_version = ") +
                           QByteArray::number(schema::currentVersion()))
                              .constData())
                    .ok());
    }
    auto store = ArticleStore::open(path, ArticleStore::OpenMode::OpenExisting);
    REQUIRE(store.ok());
    CHECK(queryInt(**store, "SELECT count(*) FROM near_duplicate_bands") == bands);
    CHECK(queryInt(**store, "SELECT count(*) FROM near_duplicate_bands b JOIN article_profiles p "
                            "ON p.article_id = b.article_id WHERE b.bucket != p.bucket") == 0);

    // Another outlet's copy, a day later: it finds the group through the moved bands.
    const QString more = dir.filePath(QStringLiteral("more"));
    QDir().mkpath(more);
    QString edited = kStory;
    edited.replace(QStringLiteral("The mayor said"), QStringLiteral("The mayor told reporters"));
    writeFile(more + QStringLiteral("/wire.txt"),
              (QStringLiteral("Old bridge shuts for winter repairs\n\n5 March 2016\n\n") + edited)
                  .toUtf8());
    REQUIRE(importPaths(**store, {more}).ok());
    const ArticleId wire = idOf(**store, QStringLiteral("Old bridge shuts for winter repairs"));
    CHECK((*store)->versions(original)->contains(wire));
}
