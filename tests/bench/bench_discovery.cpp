// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_discovery.h"

#include "bench_corpus.h"
#include "importing/import_job.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "tagging/keyword_extractor.h"
#include "tagging/tagging_pass.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace broadsheet;

namespace broadsheet::bench {

namespace {

template <typename T>
T need(core::Result<T> result, const char* what)
{
    if (!result) {
        std::fprintf(stderr, "broadsheet-bench: %s: %s\n", what,
                     qPrintable(result.error().message));
        std::exit(1);
    }
    return std::move(*result);
}

void note(const QString& text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

double seconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double percentileOf(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<qsizetype>(std::ceil(p * static_cast<double>(values.size()))) - 1;
    return values[std::clamp<qsizetype>(at, 0, values.size() - 1)];
}

struct Library {
    std::unique_ptr<core::LibraryWriter> writer;
    std::unique_ptr<core::ArticleStore> store;
    double importSeconds = 0;
    double passSeconds = 0;
    double cpuSeconds = 0; ///< the import's and the pass's, every thread
};

Library build(const QString& path, const QString& folder, bool findVersions = true)
{
    Library library;
    const double cpu = cpuSeconds();
    library.writer = need(
        core::LibraryWriter::open(path, core::ArticleStore::OpenMode::CreateIfMissing), "open");
    library.store =
        need(core::ArticleStore::open(path, core::ArticleStore::OpenMode::OpenExisting), "open");
    QElapsedTimer timer;
    timer.start();
    need(core::ImportJob(*library.writer).run({folder}), "import");
    library.importSeconds = seconds(timer);
    timer.restart();
    core::TaggingPass pass(*library.writer, *library.store);
    pass.setFindVersions(findVersions);
    need(pass.run(), "tagging pass");
    library.passSeconds = seconds(timer);
    library.cpuSeconds = cpuSeconds() - cpu;
    return library;
}

/// Every story's id and section (its category folder).
QList<core::ArticleSummary> everyStory(core::ArticleStore& store)
{
    const QList<core::ArticleId> ids = need(store.articleIds(), "ids");
    return need(store.summaries(ids), "summaries");
}

/// The share of same-category stories among each story's 10 most alike by a plain tf-idf
/// cosine over all of its title's and body's terms, against every other story.
double plainCosineShare(core::ArticleStore& store, const QList<core::ArticleSummary>& stories)
{
    QHash<QByteArray, int> stemIds;
    QList<QList<std::pair<int, double>>> vectors;
    QList<int> frequency;
    const QList<core::Article> articles = need(store.articles([&stories] {
        QList<core::ArticleId> ids;
        for (const auto& s : stories)
            ids.append(s.id);
        return ids;
    }()),
                                               "articles");
    for (const core::Article& article : articles) {
        QList<std::pair<int, double>> vector;
        for (const core::KeywordTerm& term :
             core::KeywordExtractor::terms(QString(), article.title + u'\n' + article.body)) {
            auto it = stemIds.find(term.stem);
            if (it == stemIds.end()) {
                it = stemIds.insert(term.stem, static_cast<int>(stemIds.size()));
                frequency.append(0);
            }
            ++frequency[*it];
            vector.append({*it, static_cast<double>(term.count)});
        }
        vectors.append(vector);
    }
    const auto n = static_cast<double>(vectors.size());
    for (auto& vector : vectors) {
        double norm = 0;
        for (auto& [id, w] : vector) {
            w = (1.0 + std::log(w)) * std::log(n / frequency[id]);
            norm += w * w;
        }
        norm = std::sqrt(std::max(norm, 1e-12));
        for (auto& entry : vector)
            entry.second /= norm;
        std::sort(vector.begin(), vector.end());
    }
    qint64 same = 0;
    qint64 counted = 0;
    for (qsizetype a = 0; a < vectors.size(); ++a) {
        QList<std::pair<double, qsizetype>> scores;
        scores.reserve(vectors.size());
        for (qsizetype b = 0; b < vectors.size(); ++b) {
            if (a == b)
                continue;
            double dot = 0;
            auto x = vectors[a].cbegin();
            auto y = vectors[b].cbegin();
            while (x != vectors[a].cend() && y != vectors[b].cend()) {
                if (x->first < y->first) {
                    ++x;
                } else if (y->first < x->first) {
                    ++y;
                } else {
                    dot += x->second * y->second;
                    ++x;
                    ++y;
                }
            }
            scores.append({dot, b});
        }
        std::partial_sort(scores.begin(), scores.begin() + 10, scores.end(),
                          [](const auto& p, const auto& q) { return p.first > q.first; });
        for (int k = 0; k < 10; ++k) {
            same += articles[scores[k].second].section == articles[a].section ? 1 : 0;
            ++counted;
        }
    }
    return counted ? static_cast<double>(same) / static_cast<double>(counted) : 0;
}

/// The sentences of a paragraph (ends at ". ", "? ", "! ").
QStringList sentencesOf(const QString& paragraph)
{
    static const QRegularExpression end(QStringLiteral("(?<=[.?!\"])\\s+(?=[A-Z\"])"));
    return paragraph.split(end, Qt::SkipEmptyParts);
}

/// A version of a story as an update or another outlet's copy would have it: small edits.
BenchArticle edited(const BenchArticle& original, const BenchArticle& other, int variant)
{
    BenchArticle copy = original;
    copy.date = original.date.addDays(1 + variant % 2);
    switch (variant % 4) {
    case 0: // a new headline
        copy.title = QStringLiteral("Update: ") + original.title.toLower();
        break;
    case 1: // paragraphs moved, and a new headline
        std::rotate(copy.paragraphs.begin(), copy.paragraphs.begin() + 1, copy.paragraphs.end());
        copy.title = original.title + QStringLiteral(", reports say");
        break;
    case 2: { // a sentence in the middle changed for another story's
        QString& paragraph = copy.paragraphs.last();
        QStringList sentences = sentencesOf(paragraph);
        sentences[sentences.size() / 2] = sentencesOf(other.paragraphs.value(0)).value(0);
        paragraph = sentences.join(u' ');
        break;
    }
    default: { // a line added at the top, the last sentence cut
        copy.paragraphs.prepend(QStringLiteral("This story has been updated with new details."));
        QStringList sentences = sentencesOf(copy.paragraphs.last());
        if (sentences.size() > 1) {
            sentences.removeLast();
            copy.paragraphs.last() = sentences.join(u' ');
        }
        break;
    }
    }
    return copy;
}

/// The share of four-word shingles two texts have in common, exactly, for every pair of
/// stories that share any: what "the same text with small edits" means, measured without
/// the signatures.
QHash<std::pair<qsizetype, qsizetype>, double> exactSimilarities(const QList<core::Article>& all)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"));
    QHash<QString, QList<qsizetype>> postings;
    QList<qsizetype> sizes;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QStringList words = all[i].body.toLower().split(nonWord, Qt::SkipEmptyParts);
        QSet<QString> shingles;
        for (qsizetype w = 0; w + 4 <= words.size(); ++w)
            shingles.insert(words.mid(w, 4).join(u' '));
        sizes.append(shingles.size());
        for (const QString& shingle : shingles)
            postings[shingle].append(i);
    }
    QHash<std::pair<qsizetype, qsizetype>, qint64> shared;
    for (const auto& docs : postings) {
        for (qsizetype a = 0; a < docs.size(); ++a)
            for (qsizetype b = a + 1; b < docs.size(); ++b)
                ++shared[{docs[a], docs[b]}];
    }
    QHash<std::pair<qsizetype, qsizetype>, double> similarity;
    for (auto it = shared.cbegin(); it != shared.cend(); ++it) {
        const auto n = static_cast<double>(it.value());
        similarity.insert(
            it.key(),
            n / (static_cast<double>(sizes[it.key().first] + sizes[it.key().second]) - n));
    }
    return similarity;
}

QJsonObject measureClusters(const QString& bbcNews, const QDir& work)
{
    const QList<BenchArticle> bases = loadCorpus(bbcNews);
    const QString folder = work.filePath(QStringLiteral("edited"));
    QDir().mkpath(folder);
    // Originals dated over a year, a few a day; every third gets an edited copy.
    struct Written {
        int base;
        bool copy;
    };
    QHash<QString, Written> written;
    int copies = 0;
    auto write = [&folder, &written](const BenchArticle& article, const QString& name,
                                     Written what) {
        QFile file(folder + u'/' + name);
        if (file.open(QIODevice::WriteOnly))
            file.write(toFileText(article));
        written.insert(name, what);
    };
    for (int i = 0; i < bases.size(); ++i) {
        BenchArticle original = bases[i];
        original.date = QDate(2005, 1, 1).addDays(i / 6);
        write(original, QStringLiteral("%1.txt").arg(i), {i, false});
        if (i % 3 == 0) {
            const BenchArticle copy =
                edited(original, bases[(i * 7 + 11) % bases.size()], copies++);
            write(copy, QStringLiteral("%1-copy.txt").arg(i), {i, true});
        }
    }
    Library library = build(work.filePath(QStringLiteral("edited.sqlite")), folder);
    const QList<core::ArticleId> ids = need(library.store->articleIds(), "ids");
    const QList<core::Article> articles = need(library.store->articles(ids), "articles");
    const QHash<core::ArticleId, core::ArticleId> keys =
        need(library.store->clusterKeys(), "clusters");

    // The truth: a copy and its original are one story, and so are two stories that share
    // half their text or more (the corpus itself has updated versions of a few stories).
    QHash<core::ArticleId, int> baseOf;
    QHash<core::ArticleId, bool> isCopy;
    QHash<core::ArticleId, qsizetype> indexOf;
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const core::Article& a = articles[i];
        const Written w = written.value(QFileInfo(a.path).fileName(), {-1, false});
        baseOf.insert(a.id, w.base);
        isCopy.insert(a.id, w.copy);
        indexOf.insert(a.id, i);
    }
    const auto exact = exactSimilarities(articles);
    auto exactly = [&](core::ArticleId x, core::ArticleId y) {
        auto i = indexOf.value(x);
        auto j = indexOf.value(y);
        return exact.value({std::min(i, j), std::max(i, j)}, 0.0);
    };
    auto truth = [&](core::ArticleId x, core::ArticleId y) {
        const int bx = baseOf.value(x);
        return (bx >= 0 && bx == baseOf.value(y)) || exactly(x, y) >= 0.5;
    };
    qint64 truePairs = 0;
    qint64 copyPairs = 0;
    QHash<int, core::ArticleId> originalOf;
    for (const core::Article& a : articles) {
        if (!isCopy.value(a.id))
            originalOf.insert(baseOf.value(a.id), a.id);
        else
            ++copyPairs;
    }
    {
        QSet<std::pair<core::ArticleId, core::ArticleId>> pairs;
        for (auto it = exact.cbegin(); it != exact.cend(); ++it) {
            if (it.value() >= 0.5) {
                const core::ArticleId x = articles[it.key().first].id;
                const core::ArticleId y = articles[it.key().second].id;
                pairs.insert({std::min(x, y), std::max(x, y)});
            }
        }
        for (const core::Article& a : articles) {
            if (isCopy.value(a.id)) {
                const core::ArticleId o = originalOf.value(baseOf.value(a.id));
                pairs.insert({std::min(o, a.id), std::max(o, a.id)});
            }
        }
        truePairs = pairs.size();
    }
    QHash<core::ArticleId, QList<core::ArticleId>> clusters;
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        clusters[it.value()].append(it.key());
    qint64 predicted = 0;
    qint64 right = 0;
    qint64 originalsMerged = 0;
    qint64 copiesFound = 0;
    for (const auto& members : clusters) {
        for (qsizetype i = 0; i < members.size(); ++i) {
            for (qsizetype j = i + 1; j < members.size(); ++j) {
                ++predicted;
                const bool same = truth(members[i], members[j]);
                right += same ? 1 : 0;
                if (!same && !isCopy.value(members[i]) && !isCopy.value(members[j]))
                    ++originalsMerged;
                if (baseOf.value(members[i]) == baseOf.value(members[j]) &&
                    isCopy.value(members[i]) != isCopy.value(members[j]))
                    ++copiesFound;
            }
        }
    }
    QJsonObject c;
    c.insert(QStringLiteral("stories"), static_cast<qint64>(articles.size()));
    c.insert(QStringLiteral("editedCopies"), copyPairs);
    c.insert(QStringLiteral("copiesWithTheirOriginal"), copiesFound);
    c.insert(QStringLiteral("truePairs"), truePairs);
    c.insert(QStringLiteral("predictedPairs"), predicted);
    c.insert(QStringLiteral("rightPairs"), right);
    c.insert(QStringLiteral("pairPrecision"),
             predicted ? static_cast<double>(right) / static_cast<double>(predicted) : 1.0);
    c.insert(QStringLiteral("pairRecall"),
             truePairs ? static_cast<double>(right) / static_cast<double>(truePairs) : 1.0);
    c.insert(QStringLiteral("differentOriginalsMerged"), originalsMerged);
    return c;
}

QJsonObject measureRelatedQuality(const QString& bbcNews, const QDir& work)
{
    Library library = build(work.filePath(QStringLiteral("bbc.sqlite")), bbcNews);
    const QList<core::ArticleSummary> stories = everyStory(*library.store);
    QHash<core::ArticleId, QString> section;
    for (const auto& s : stories)
        section.insert(s.id, s.section);
    qint64 same = 0;
    qint64 counted = 0;
    qint64 storiesWithTen = 0;
    for (const auto& s : stories) {
        const auto related = need(library.store->relatedStories(s.id, 10), "related");
        storiesWithTen += related.size() == 10 ? 1 : 0;
        for (const auto& r : related) {
            same += section.value(r.id) == s.section ? 1 : 0;
            ++counted;
        }
    }
    QJsonObject q;
    q.insert(QStringLiteral("stories"), static_cast<qint64>(stories.size()));
    q.insert(QStringLiteral("storiesWithTen"), storiesWithTen);
    q.insert(QStringLiteral("sameCategory"),
             counted ? static_cast<double>(same) / static_cast<double>(counted) : 0.0);
    q.insert(QStringLiteral("plainCosineSameCategory"), plainCosineShare(*library.store, stories));
    return q;
}

QJsonObject measureAtScale(const QString& bbcNews, int count, const QDir& work)
{
    const QList<BenchArticle> bases = loadCorpus(bbcNews);
    const QString folder = work.filePath(QStringLiteral("scale"));
    for (int i = 0; i < count; ++i) {
        const QString sub = folder + QStringLiteral("/%1").arg(i / 1000, 4, 10, QLatin1Char('0'));
        if (i % 1000 == 0)
            QDir().mkpath(sub);
        QFile file(QStringLiteral("%1/%2.txt").arg(sub).arg(i));
        if (file.open(QIODevice::WriteOnly))
            file.write(toFileText(makeArticle(bases, i)));
    }
    // What finding versions costs an import: the same stories imported (stored, then the
    // tagging pass) into a library of their own without it, then with it.
    note(QStringLiteral("discovery: importing %1 stories without versions").arg(count));
    double plainImport = 0;
    double plainPass = 0;
    double plainCpu = 0;
    {
        const QString path = work.filePath(QStringLiteral("plain.sqlite"));
        const Library plain = build(path, folder, false);
        plainImport = plain.importSeconds;
        plainPass = plain.passSeconds;
        plainCpu = plain.cpuSeconds;
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
    }
    note(QStringLiteral("discovery: importing %1 stories with versions").arg(count));
    Library library = build(work.filePath(QStringLiteral("scale.sqlite")), folder);
    const double plainTotal = plainImport + plainPass;
    const double withTotal = library.importSeconds + library.passSeconds;

    note(QStringLiteral("discovery: related stories for 400 stories"));
    const QList<core::ArticleId> ids = need(library.store->articleIds(), "ids");
    QRandomGenerator random(17);
    QList<double> times;
    for (int round = 0; round < 400; ++round) {
        const core::ArticleId id = ids[random.bounded(static_cast<int>(ids.size()))];
        QElapsedTimer timer;
        timer.start();
        const auto related = need(library.store->relatedStories(id, 10), "related");
        times.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        (void)related;
    }
    // A grouped search against the same search ungrouped, in turns: the first page (the
    // CLI) and every id (the window's list).
    note(QStringLiteral("discovery: grouped and plain searches"));
    const QStringList queries{QString(), QStringLiteral("government"),
                              QStringLiteral("\"interest rates\""), QStringLiteral("film OR music"),
                              QStringLiteral("title:england")};
    QList<double> plainPage;
    QList<double> groupedPage;
    QList<double> plainAll;
    QList<double> groupedAll;
    core::Searcher searcher(library.store->database());
    for (int round = 0; round < 5; ++round) {
        for (const QString& text : queries) {
            for (const bool all : {false, true}) {
                for (const bool grouped : {false, true}) {
                    core::SearchRequest request;
                    request.query = text;
                    request.group = grouped;
                    request.allIds = all;
                    request.limit = all ? 0 : 20;
                    request.facets =
                        all ? core::SearchRequest::kMonths : core::SearchRequest::kNoFacets;
                    QElapsedTimer timer;
                    timer.start();
                    (void)need(searcher.search(request), "search");
                    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
                    (all ? (grouped ? groupedAll : plainAll) : (grouped ? groupedPage : plainPage))
                        .append(ms);
                }
            }
        }
    }
    QJsonObject s;
    s.insert(QStringLiteral("searchPageP50Ms"), percentileOf(plainPage, 0.5));
    s.insert(QStringLiteral("groupedPageP50Ms"), percentileOf(groupedPage, 0.5));
    s.insert(QStringLiteral("groupedPageMaxMs"), percentileOf(groupedPage, 1.0));
    s.insert(QStringLiteral("searchAllP50Ms"), percentileOf(plainAll, 0.5));
    s.insert(QStringLiteral("groupedAllP50Ms"), percentileOf(groupedAll, 0.5));
    s.insert(QStringLiteral("groupedAllMaxMs"), percentileOf(groupedAll, 1.0));
    s.insert(QStringLiteral("stories"), count);
    s.insert(QStringLiteral("importSeconds"), library.importSeconds);
    s.insert(QStringLiteral("passSeconds"), library.passSeconds);
    s.insert(QStringLiteral("importWithoutVersionsSeconds"), plainImport);
    s.insert(QStringLiteral("passWithoutVersionsSeconds"), plainPass);
    s.insert(QStringLiteral("withoutVersionsCpu"), plainCpu);
    s.insert(QStringLiteral("withVersionsCpu"), library.cpuSeconds);
    s.insert(QStringLiteral("versionsShareOfImport"), (withTotal - plainTotal) / withTotal);
    s.insert(QStringLiteral("versionsShareOfImportCpu"),
             (library.cpuSeconds - plainCpu) / library.cpuSeconds);
    s.insert(QStringLiteral("relatedP50Ms"), percentileOf(times, 0.5));
    s.insert(QStringLiteral("relatedP99Ms"), percentileOf(times, 0.99));
    s.insert(QStringLiteral("relatedMaxMs"), percentileOf(times, 1.0));
    s.insert(QStringLiteral("clusteredStories"),
             static_cast<qint64>(need(library.store->clusterKeys(), "clusters").size()));
    return s;
}

} // namespace

QJsonObject measureDiscovery(const QString& bbcNews, int articles, const QString& workdir)
{
    const QDir work(workdir);
    QJsonObject d;
    note(QStringLiteral("discovery: related stories on %1").arg(bbcNews));
    d.insert(QStringLiteral("related"), measureRelatedQuality(bbcNews, work));
    note(QStringLiteral("discovery: versions on the corpus with edited copies"));
    d.insert(QStringLiteral("versions"), measureClusters(bbcNews, work));
    if (articles > 0)
        d.insert(QStringLiteral("scale"), measureAtScale(bbcNews, articles, work));
    return d;
}

void printDiscoveryFigures(const QJsonObject& d)
{
    const QJsonObject q = d.value(QStringLiteral("related")).toObject();
    std::printf("related stories (BBC, %d stories, 10 each): same category %.3f; plain tf-idf "
                "cosine %.3f (ratio %.3f)\n",
                q.value(QStringLiteral("stories")).toInt(),
                q.value(QStringLiteral("sameCategory")).toDouble(),
                q.value(QStringLiteral("plainCosineSameCategory")).toDouble(),
                q.value(QStringLiteral("sameCategory")).toDouble() /
                    q.value(QStringLiteral("plainCosineSameCategory")).toDouble());
    const QJsonObject c = d.value(QStringLiteral("versions")).toObject();
    std::printf("versions (BBC + %d edited copies, %d stories): pairs precision %.3f recall "
                "%.3f (%d right of %d found, %d true); copies with their original %d of %d; "
                "different originals merged %d\n",
                c.value(QStringLiteral("editedCopies")).toInt(),
                c.value(QStringLiteral("stories")).toInt(),
                c.value(QStringLiteral("pairPrecision")).toDouble(),
                c.value(QStringLiteral("pairRecall")).toDouble(),
                c.value(QStringLiteral("rightPairs")).toInt(),
                c.value(QStringLiteral("predictedPairs")).toInt(),
                c.value(QStringLiteral("truePairs")).toInt(),
                c.value(QStringLiteral("copiesWithTheirOriginal")).toInt(),
                c.value(QStringLiteral("editedCopies")).toInt(),
                c.value(QStringLiteral("differentOriginalsMerged")).toInt());
    if (!d.contains(QStringLiteral("scale")))
        return;
    const QJsonObject s = d.value(QStringLiteral("scale")).toObject();
    std::printf("at %d stories: related p50 %.1f ms, p99 %.1f ms, max %.1f ms; import with "
                "versions %.1f s + pass %.1f s (%.1f s CPU), without %.1f s + %.1f s (%.1f s "
                "CPU): versions cost %.1f%% of the import's time (%.1f%% of its CPU); %d "
                "stories grouped\n",
                s.value(QStringLiteral("stories")).toInt(),
                s.value(QStringLiteral("relatedP50Ms")).toDouble(),
                s.value(QStringLiteral("relatedP99Ms")).toDouble(),
                s.value(QStringLiteral("relatedMaxMs")).toDouble(),
                s.value(QStringLiteral("importSeconds")).toDouble(),
                s.value(QStringLiteral("passSeconds")).toDouble(),
                s.value(QStringLiteral("withVersionsCpu")).toDouble(),
                s.value(QStringLiteral("importWithoutVersionsSeconds")).toDouble(),
                s.value(QStringLiteral("passWithoutVersionsSeconds")).toDouble(),
                s.value(QStringLiteral("withoutVersionsCpu")).toDouble(),
                100.0 * s.value(QStringLiteral("versionsShareOfImport")).toDouble(),
                100.0 * s.value(QStringLiteral("versionsShareOfImportCpu")).toDouble(),
                s.value(QStringLiteral("clusteredStories")).toInt());
    std::printf("at %d stories, grouped search: first page p50 %.1f ms against %.1f ms plain "
                "(ratio %.2f, max %.1f ms); every id p50 %.1f ms against %.1f ms plain (ratio "
                "%.2f, max %.1f ms)\n",
                s.value(QStringLiteral("stories")).toInt(),
                s.value(QStringLiteral("groupedPageP50Ms")).toDouble(),
                s.value(QStringLiteral("searchPageP50Ms")).toDouble(),
                s.value(QStringLiteral("groupedPageP50Ms")).toDouble() /
                    s.value(QStringLiteral("searchPageP50Ms")).toDouble(),
                s.value(QStringLiteral("groupedPageMaxMs")).toDouble(),
                s.value(QStringLiteral("groupedAllP50Ms")).toDouble(),
                s.value(QStringLiteral("searchAllP50Ms")).toDouble(),
                s.value(QStringLiteral("groupedAllP50Ms")).toDouble() /
                    s.value(QStringLiteral("searchAllP50Ms")).toDouble(),
                s.value(QStringLiteral("groupedAllMaxMs")).toDouble());
}

} // namespace broadsheet::bench
