// SPDX-License-Identifier: GPL-3.0-or-later
#include "tagging_pass.h"

#include "discovery/near_duplicates.h"
#include "discovery/term_profile.h"
#include "entity_extractor.h"
#include "keyword_extractor.h"
#include "store/article_store.h"
#include "store/library_writer.h"

#include <QDirIterator>
#include <QFile>
#include <QFuture>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

Q_LOGGING_CATEGORY(lcTagging, "broadsheet.tagging", QtInfoMsg)

namespace broadsheet::core {

namespace {

/// The pass's own threads run below the window and the import: tagging waits for them. (On
/// Linux only the idle class does anything for ordinary threads: LowPriority is ignored.)
QThreadPool& taggingPool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
        p->setThreadPriority(QThread::IdlePriority);
        p->setExpiryTimeout(5000);
        return p;
    }();
    return *pool;
}

struct Analysed {
    ArticleId id = 0;
    QList<Tag> entities;
    QList<KeywordTerm> candidates;
    QList<KeywordTerm> frequent; ///< what its profile is chosen from
    QByteArray signature;        ///< near-duplicates' (empty: too short)
};

Analysed analyse(const Article& article, bool findVersions)
{
    static const EntityExtractor extractor; // immutable: shared by the pool's threads
    Analysed out;
    out.id = article.id;
    QStringList names;
    for (const Entity& entity : extractor.extract(article.title, article.body)) {
        out.entities.append(Tag{entity.name, entityKindName(entity.kind)});
        names.append(entity.name);
    }
    KeywordExtractor::Analysis terms =
        KeywordExtractor::analyse(article.title, article.body, names);
    out.candidates = std::move(terms.candidates);
    out.frequent = std::move(terms.frequent);
    if (!findVersions)
        return out;
    if (const auto signature = NearDuplicates::signature(article.body))
        out.signature = NearDuplicates::toBytes(*signature);
    return out;
}

} // namespace

QString TaggingPass::signature()
{
    static const QString computed = [] {
        QStringList parts{QStringLiteral("tagger %1").arg(kCodeVersion)};
        QDirIterator it(QStringLiteral(":/gazetteer"), QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        for (const QString& path : files) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                const QByteArray bytes = file.readAll();
                parts.append(QStringLiteral("%1 %2")
                                 .arg(path.section(u'/', -1))
                                 .arg(qChecksum(QByteArrayView(bytes))));
            }
        }
        return parts.join(QStringLiteral("; "));
    }();
    return computed;
}

TaggingPass::TaggingPass(LibraryWriter& writer, ArticleStore& reader)
    : m_writer(writer)
    , m_reader(reader)
{
}

Result<qint64> TaggingPass::pending(LibraryWriter& writer)
{
    return writer.call<qint64>([](ArticleStore& store) -> Result<qint64> {
        auto generation = store.taggerGeneration(signature());
        if (!generation)
            return generation.error();
        return store.staleCount(*generation);
    });
}

Result<qint64> TaggingPass::run(const std::stop_token& stop, bool all)
{
    auto generation = m_writer.call<qint64>([all](ArticleStore& store) -> Result<qint64> {
        if (all) {
            if (auto r = store.markAllStale(); !r)
                return r.error();
        }
        return store.taggerGeneration(signature());
    });
    if (!generation)
        return generation.error();

    TaggingProgress progress;
    auto stale = m_reader.staleCount(*generation);
    if (!stale)
        return stale.error();
    progress.total = *stale;
    if (progress.total == 0) {
        // Nothing to tag; what deleted stories left in the indexes still goes.
        if (auto r = m_writer.run([](ArticleStore& store) { return store.dropOrphanedProfiles(); });
            !r)
            return r.error();
        return 0;
    }
    auto library = m_reader.count();
    if (!library)
        return library.error();
    if (m_progress)
        m_progress(progress);

    // Keywords are chosen against the library's document frequencies. A pass over a large
    // part of the library asks for most of its terms: they are read from the index's
    // vocabulary once, up front; a small pass (a feed's new stories) looks up its own.
    const bool large = progress.total * 10 >= *library;
    QHash<QByteArray, qint64> vocabulary;
    if (large) {
        auto read = m_reader.vocabulary();
        if (!read)
            return read.error();
        vocabulary = std::move(*read);
    }

    // Such a pass reads its indexes' pages all over: the writer keeps more of them while it
    // runs, and one over most of the library checks its bands against a filter first. The
    // chunks are bulk work: a few large commits, not one per chunk (a click still commits
    // what is open and its own change at once).
    const bool broad = progress.total * 5 >= *library;
    if (large) {
        if (auto r = m_writer.run(
                [total = progress.total, filter = m_findVersions && broad](ArticleStore& store) {
                    return store.beginLargePass(total, filter);
                });
            !r)
            return r.error();
    }
    const auto endLarge = qScopeGuard([this, large] {
        if (large) {
            (void)m_writer.run([](ArticleStore& store) -> Result<void> {
                store.endLargePass();
                return {};
            });
        }
    });

    auto readChunk = [this, &generation](ArticleId after) {
        return m_reader.staleArticles(*generation, after, kChunk);
    };
    auto startAnalysis = [find = m_findVersions](const QList<Article>& chunk) {
        return QtConcurrent::mapped(&taggingPool(), chunk,
                                    [find](const Article& a) { return analyse(a, find); });
    };

    auto chunk = readChunk(0);
    if (!chunk)
        return chunk.error();
    QFuture<Analysed> analysing = startAnalysis(*chunk);
    qint64 tagged = 0;
    while (!chunk->isEmpty()) {
        analysing.waitForFinished();
        const QList<Analysed> results = analysing.results();
        const ArticleId last = chunk->last().id;
        // Read and analyse the next chunk while this one's keywords are chosen and stored.
        auto next =
            stop.stop_requested() ? Result<QList<Article>>(QList<Article>()) : readChunk(last);
        if (!next)
            return next.error();
        analysing = startAnalysis(*next);

        KeywordQueue queue;
        for (const Analysed& a : results)
            queue.add(a.id, a.candidates);
        // Every stem the chunk needs a frequency for: its keyword candidates' and the terms
        // its profiles are chosen from.
        QList<QByteArray> stems = queue.stems();
        {
            QSet<QByteArray> seen(stems.cbegin(), stems.cend());
            for (const Analysed& a : results) {
                for (const KeywordTerm& term : a.frequent) {
                    if (!seen.contains(term.stem)) {
                        seen.insert(term.stem);
                        stems.append(term.stem);
                    }
                }
            }
        }
        QList<qint64> frequencies;
        if (large) {
            frequencies.reserve(stems.size());
            for (const QByteArray& stem : stems)
                frequencies.append(vocabulary.value(stem, 0));
        } else {
            auto looked = m_reader.documentFrequencies(stems);
            if (!looked) {
                analysing.waitForFinished();
                return looked.error();
            }
            frequencies = std::move(*looked);
        }
        QHash<ArticleId, QStringList> keywords;
        for (auto& [id, words] : queue.choose(frequencies.mid(0, queue.stems().size()), *library))
            keywords.emplace(id, std::move(words));
        QHash<QByteArray, qint64> frequencyOf;
        frequencyOf.reserve(stems.size());
        for (qsizetype i = 0; i < stems.size(); ++i)
            frequencyOf.insert(stems[i], frequencies[i]);

        QList<ArticleStore::DerivedTags> derived;
        derived.reserve(results.size());
        for (const Analysed& a : results) {
            QList<TermProfile::Candidate> candidates;
            candidates.reserve(a.frequent.size());
            for (const KeywordTerm& term : a.frequent)
                candidates.append({term.stem, term.count, frequencyOf.value(term.stem)});
            QList<std::pair<QByteArray, int>> profile;
            for (const TermProfile::Term& term : TermProfile::build(candidates, *library))
                profile.append({term.stem, term.weight});
            derived.append(
                {a.id, a.entities, keywords.value(a.id), std::move(profile), a.signature});
        }
        auto stored =
            m_writer.run([&derived, gen = *generation](
                             ArticleStore& store) { return store.storeDerivedTags(derived, gen); },
                         LibraryWriter::Kind::Bulk);
        if (!stored) {
            analysing.waitForFinished();
            return stored.error();
        }
        tagged += derived.size();
        progress.done = std::min(progress.total, tagged);
        if (m_progress)
            m_progress(progress);
        chunk = std::move(next);
        if (stop.stop_requested())
            break;
    }
    analysing.waitForFinished();
    if (auto r = m_writer.run([](ArticleStore& store) -> Result<void> {
            if (auto dropped = store.dropUnusedTags(); !dropped)
                return dropped;
            return store.dropOrphanedProfiles();
        });
        !r)
        return r.error();
    qCDebug(lcTagging) << "tagged" << tagged << "stories";
    return tagged;
}

} // namespace broadsheet::core
