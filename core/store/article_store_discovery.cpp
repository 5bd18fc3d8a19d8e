// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleStore's side of discovery: each story's profile (its terms' weights, indexed by
// term) and near-duplicate signature (its LSH bands, indexed by band), related stories,
// and the versions of one story.
#include "article_store.h"
#include "discovery/near_duplicates.h"
#include "discovery/term_profile.h"

#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <tuple>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace broadsheet::core {

namespace {

/// A term's postings read for "more like this": the stories it weighs most in. A common
/// term's long tail of stories where it barely counts adds time and no quality.
constexpr int kPostingsPerTerm = 1500;
/// Candidates compared whole, from the indexed terms' best matches.
constexpr qsizetype kCandidates = 150;
/// The most alike candidates whose likeness the others' scores take in, and how much.
constexpr qsizetype kFeedback = 5;
constexpr double kFeedbackWeight = 1.0;
/// How much the people, organisations and places a story shares count against its terms.
constexpr double kNameWeight = 0.15;

constexpr qint64 kSecondsPerDay = 86400;
static_assert(NearDuplicates::kBands == 20, "the band statements bind 20 bands");

/// The statements that store profiles, prepared once per batch.
struct ProfileStatements {
    Statement story; ///< its date, its group, its stored profile
    Statement deletePosting;
    Statement insertPosting;
    Statement deleteBand;
    Statement insertBand;
    Statement saveProfile;
    Statement bandMembers;
    Statement candidate;
    Statement setCluster;
};

Result<ProfileStatements> prepareProfileStatements(Database& db)
{
    const char* const sql[] = {
        "SELECT a.published_at, a.cluster_id, p.terms, p.signature, p.bucket FROM articles a "
        "LEFT JOIN article_profiles p ON p.article_id = a.id WHERE a.id = ?1",
        "DELETE FROM term_postings WHERE term_id = ?1 AND weight = ?2 AND article_id = ?3",
        "INSERT OR IGNORE INTO term_postings(term_id, weight, article_id) VALUES (?1, ?2, ?3)",
        "DELETE FROM near_duplicate_bands WHERE bucket = ?3 AND band = ?1 AND article_id = ?2",
        "INSERT OR IGNORE INTO near_duplicate_bands(bucket, band, article_id) VALUES (?22, ?1, "
        "?21), (?22, ?2, ?21), (?22, ?3, ?21), (?22, ?4, ?21), (?22, ?5, ?21), (?22, ?6, ?21), "
        "(?22, ?7, ?21), (?22, ?8, ?21), (?22, ?9, ?21), (?22, ?10, ?21), (?22, ?11, ?21), "
        "(?22, ?12, ?21), (?22, ?13, ?21), (?22, ?14, ?21), (?22, ?15, ?21), (?22, ?16, ?21), "
        "(?22, ?17, ?21), (?22, ?18, ?21), (?22, ?19, ?21), (?22, ?20, ?21)",
        "INSERT OR REPLACE INTO article_profiles(article_id, terms, signature, bucket) VALUES (?1, "
        "?2, ?3, ?4)",
        // NearDuplicates::kBands in the story's week (?1 to ?20, the week ?61) and the weeks
        // either side: the rows of one week lie together, so a batch of new stories reads
        // the few pages of the weeks it falls in, not pages all over the index.
        "SELECT article_id FROM near_duplicate_bands WHERE bucket = ?61 AND band IN (?1, ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20) "
        "UNION ALL SELECT article_id FROM near_duplicate_bands WHERE bucket = ?62 AND band IN "
        "(?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, "
        "?38, ?39, ?40) UNION ALL SELECT article_id FROM near_duplicate_bands WHERE bucket = "
        "?63 AND band IN (?41, ?42, ?43, ?44, ?45, ?46, ?47, ?48, ?49, ?50, ?51, ?52, ?53, "
        "?54, ?55, ?56, ?57, ?58, ?59, ?60) LIMIT 256",
        "SELECT p.signature, a.published_at, a.cluster_id FROM article_profiles p "
        "JOIN articles a ON a.id = p.article_id WHERE p.article_id = ?1",
        "UPDATE articles SET cluster_id = ?2 WHERE id = ?1",
    };
    std::array<Statement, std::size(sql)> prepared;
    for (size_t i = 0; i < std::size(sql); ++i) {
        auto stmt = db.prepare(sql[i]);
        if (!stmt)
            return stmt.error();
        prepared[i] = std::move(*stmt);
    }
    return ProfileStatements{
        std::move(prepared[0]), std::move(prepared[1]), std::move(prepared[2]),
        std::move(prepared[3]), std::move(prepared[4]), std::move(prepared[5]),
        std::move(prepared[6]), std::move(prepared[7]), std::move(prepared[8])};
}

/// Runs a statement that returns nothing, and makes it ready for the next.
Result<void> runOnce(Statement& stmt)
{
    auto r = stmt.run();
    stmt.reset();
    return r;
}

/// Takes a stored profile's postings and bands out of the indexes.
Result<void> dropIndexed(ProfileStatements& s, ArticleId id, const QByteArray& terms,
                         const QByteArray& signature, qint64 bucket)
{
    const QList<TermProfile::StoredTerm> profile = TermProfile::fromBytes(terms);
    for (const TermProfile::StoredTerm& term :
         profile.first(std::min<qsizetype>(profile.size(), TermProfile::kIndexed))) {
        s.deletePosting.bind(1, term.term).bind(2, term.weight).bind(3, id);
        if (auto r = runOnce(s.deletePosting); !r)
            return r;
    }
    if (const auto old = NearDuplicates::fromBytes(signature)) {
        for (const qint64 band : NearDuplicates::bands(*old, bucket)) {
            s.deleteBand.bind(1, band).bind(2, id).bind(3, bucket);
            if (auto r = runOnce(s.deleteBand); !r)
                return r;
        }
    }
    return {};
}

/// The story's earlier version that it is most like, as the key they share; nothing when
/// it has none.
Result<std::optional<ArticleId>> clusterFor(ProfileStatements& s, ArticleId id,
                                            std::optional<qint64> published,
                                            const NearDuplicates::Signature& signature,
                                            const BandFilter* filter)
{
    QSet<ArticleId> candidates;
    const qint64 bucket = NearDuplicates::bucket(published);
    const bool undated = bucket == NearDuplicates::kUndated;
    // Undated stories are compared with the undated ones only: one week of them.
    constexpr qint64 kNoWeek = -2;
    std::array<qint64, 3> weeks{bucket, bucket - 1, bucket + 1};
    if (undated)
        weeks = {bucket, kNoWeek, kNoWeek};
    std::array<NearDuplicates::Bands, 3> bands{};
    bool mayHave = filter == nullptr;
    for (size_t w = 0; w < weeks.size(); ++w) {
        bands[w] = NearDuplicates::bands(signature, undated ? bucket : weeks[w]);
        if (!mayHave && weeks[w] != kNoWeek) {
            mayHave = std::any_of(bands[w].cbegin(), bands[w].cend(),
                                  [filter](qint64 band) { return filter->mayContain(band); });
        }
    }
    if (!mayHave)
        return std::optional<ArticleId>(); // no band of it is in the index
    int parameter = 1;
    int weekParameter = 3 * NearDuplicates::kBands + 1;
    for (size_t w = 0; w < weeks.size(); ++w) {
        for (const qint64 band : bands[w])
            s.bandMembers.bind(parameter++, band);
        s.bandMembers.bind(weekParameter++, weeks[w]);
    }
    auto rows = s.bandMembers.forEachRow([&candidates, id](const Statement& row) {
        if (row.int64(0) != id)
            candidates.insert(row.int64(0));
    });
    s.bandMembers.reset();
    if (!rows)
        return rows.error();
    if (candidates.isEmpty())
        return std::optional<ArticleId>();

    std::optional<ArticleId> best;
    double bestSimilarity = 0;
    for (const ArticleId other : candidates) {
        s.candidate.bind(1, other);
        auto found = s.candidate.step();
        if (!found) {
            s.candidate.reset();
            return found.error();
        }
        if (*found) {
            const auto theirs = NearDuplicates::fromBytes(s.candidate.blob(0));
            const std::optional<qint64> when = s.candidate.optionalInt64(1);
            std::optional<qint64> daysApart;
            if (published && when)
                daysApart = (*published - *when) / kSecondsPerDay;
            const double similarity = theirs ? NearDuplicates::similarity(signature, *theirs) : 0.0;
            if (NearDuplicates::sameStory(similarity, daysApart) &&
                (similarity > bestSimilarity ||
                 (similarity == bestSimilarity && best && other < *best))) {
                bestSimilarity = similarity;
                best = s.candidate.optionalInt64(2).value_or(other);
            }
        }
        s.candidate.reset();
    }
    return best;
}

/// A stored profile, ready to compare: its terms by id.
struct Profile {
    QList<TermProfile::StoredTerm> terms;
    QHash<qint64, int> weights;

    static Profile from(const QByteArray& bytes)
    {
        Profile p;
        p.terms = TermProfile::fromBytes(bytes);
        p.weights.reserve(p.terms.size());
        for (const TermProfile::StoredTerm& t : p.terms)
            p.weights.insert(t.term, t.weight);
        return p;
    }
    /// The cosine of the two stories' vectors (0 to 1).
    double dot(const Profile& other) const
    {
        const Profile& small = terms.size() <= other.terms.size() ? *this : other;
        const Profile& large = &small == this ? other : *this;
        qint64 sum = 0;
        for (const TermProfile::StoredTerm& t : small.terms)
            sum += static_cast<qint64>(t.weight) * large.weights.value(t.term);
        constexpr double kScaleSquared =
            static_cast<double>(TermProfile::kScale) * static_cast<double>(TermProfile::kScale);
        return static_cast<double>(sum) / kScaleSquared;
    }
};

/// Adds to each candidate's score for the people, organisations and places it shares with
/// story `id`: a rarer name counts more (its idf), as a share of what all of its names weigh.
Result<void> addSharedNames(Database& db, ArticleId id, QList<ArticleStore::Related>& scored)
{
    if (scored.isEmpty())
        return {};
    auto names = db.prepare(
        "SELECT at.tag_id, (SELECT count(*) FROM (SELECT 1 FROM article_tags x WHERE x.tag_id = "
        "at.tag_id LIMIT 5000)) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE "
        "at.article_id = ?1 AND t.kind IN ('person', 'organization', 'place')");
    if (!names)
        return names.error();
    auto total = db.queryInt("SELECT max(id) FROM articles");
    if (!total)
        return total.error();
    names->bind(1, id);
    QHash<qint64, double> nameWeights;
    double ownWeight = 0;
    const double stories = static_cast<double>(std::max<qint64>(*total, 2));
    if (auto r = names->forEachRow([&](const Statement& n) {
            const double weight =
                std::log(stories / static_cast<double>(std::max<qint64>(n.int64(1), 1)));
            if (weight > 0) {
                nameWeights.insert(n.int64(0), weight);
                ownWeight += weight;
            }
        });
        !r)
        return r;
    if (ownWeight <= 0)
        return {};
    QByteArray sql = "SELECT article_id, tag_id FROM article_tags WHERE tag_id IN (";
    for (auto it = nameWeights.cbegin(); it != nameWeights.cend(); ++it)
        sql += QByteArray::number(it.key()) + ',';
    sql.chop(1);
    sql += ") AND article_id IN (";
    QHash<ArticleId, qsizetype> position;
    for (qsizetype i = 0; i < scored.size(); ++i) {
        sql += QByteArray::number(scored[i].id) + ',';
        position.insert(scored[i].id, i);
    }
    sql.chop(1);
    sql += ')';
    auto shared = db.prepare(sql.constData());
    if (!shared)
        return shared.error();
    return shared->forEachRow([&](const Statement& s) {
        scored[position.value(s.int64(0))].score +=
            kNameWeight * nameWeights.value(s.int64(1)) / ownWeight;
    });
}

} // namespace

Result<void> ArticleStore::storeProfiles(const QList<const DerivedTags*>& stories)
{
    if (stories.isEmpty())
        return {};
    auto prepared = prepareProfileStatements(m_db);
    if (!prepared)
        return prepared.error();
    ProfileStatements& s = *prepared;
    if (m_bandFilter) {
        // Bands another program stored since the filter was read are not in it.
        auto version = m_db.dataVersion();
        if (!version)
            return version.error();
        if (*version != m_bandFilterVersion)
            m_bandFilter.reset();
    }
    std::vector<std::tuple<qint64, int, ArticleId>> postings;
    postings.reserve(static_cast<size_t>(stories.size()) * TermProfile::kIndexed);
    for (const DerivedTags* story : stories) {
        const ArticleId id = story->id;
        // Its date, its group so far, and what an earlier pass stored for it, in one read.
        s.story.bind(1, id);
        auto row = s.story.step();
        if (!row) {
            s.story.reset();
            return row.error();
        }
        const std::optional<qint64> published = *row ? s.story.optionalInt64(0) : std::nullopt;
        // The key it had (0: none; ids start at 1).
        const qint64 wasIn = *row && !s.story.isNull(1) ? s.story.int64(1) : 0;
        const bool profiled = *row && !s.story.isNull(2);
        const QByteArray oldTerms = profiled ? s.story.blob(2) : QByteArray();
        const QByteArray oldSignature = profiled ? s.story.blob(3) : QByteArray();
        const qint64 oldBucket = profiled ? s.story.int64(4) : NearDuplicates::kUndated;
        s.story.reset();
        // What an earlier pass stored comes out of the indexes first.
        if (profiled) {
            if (auto r = dropIndexed(s, id, oldTerms, oldSignature, oldBucket); !r)
                return r.error();
        }

        QList<TermProfile::StoredTerm> stored;
        stored.reserve(story->profile.size());
        for (const auto& [stem, weight] : story->profile) {
            const qint64 term = TermProfile::termId(stem);
            stored.append({term, weight});
            if (stored.size() <= TermProfile::kIndexed)
                postings.emplace_back(term, weight, id);
        }

        const auto signature = NearDuplicates::fromBytes(story->signature);
        std::optional<ArticleId> cluster;
        if (signature) {
            auto found = clusterFor(s, id, published, *signature, m_bandFilter.get());
            if (!found)
                return found.error();
            cluster = *found;
            // A story that others joined stays their key when it is stored again.
            if (!cluster && wasIn == id)
                cluster = id;
            // Only the first of a story's versions is indexed: a later version finds the
            // group through it, and a thousand copies of one text cost one lookup each,
            // not a thousand.
            if (!cluster || *cluster == id) {
                const NearDuplicates::Bands bands =
                    NearDuplicates::bands(*signature, NearDuplicates::bucket(published));
                for (int band = 0; band < NearDuplicates::kBands; ++band)
                    s.insertBand.bind(band + 1, bands[static_cast<size_t>(band)]);
                s.insertBand.bind(NearDuplicates::kBands + 1, id)
                    .bind(NearDuplicates::kBands + 2, NearDuplicates::bucket(published));
                if (auto r = runOnce(s.insertBand); !r)
                    return r.error();
                if (m_bandFilter) {
                    for (const qint64 band : bands)
                        m_bandFilter->add(band);
                }
            }
        }
        if (cluster) {
            // The version it joins carries the key too (the first of them: its own id).
            s.setCluster.bind(1, *cluster).bind(2, *cluster);
            if (auto r = runOnce(s.setCluster); !r)
                return r.error();
        }
        if (cluster.value_or(0) != wasIn) {
            s.setCluster.bind(1, id).bind(2, cluster);
            if (auto r = runOnce(s.setCluster); !r)
                return r.error();
        }

        s.saveProfile.bind(1, id)
            .bind(2, TermProfile::toBytes(stored))
            .bind(4, NearDuplicates::bucket(published));
        if (signature)
            s.saveProfile.bind(3, story->signature);
        else
            s.saveProfile.bindNull(3);
        if (auto r = runOnce(s.saveProfile); !r)
            return r.error();
    }
    // The batch's postings in the index's order: each insert lands beside the last one
    // instead of on a page of its own somewhere in a large index.
    std::sort(postings.begin(), postings.end());
    for (const auto& [term, weight, id] : postings) {
        s.insertPosting.bind(1, term).bind(2, weight).bind(3, id);
        if (auto r = runOnce(s.insertPosting); !r)
            return r.error();
    }
    return {};
}

Result<void> ArticleStore::beginLargePass(qint64 stories, bool filterBands)
{
    if (m_largePasses == 0) {
        if (auto r = m_db.exec(cacheSize(kLargePassCacheKib).constData()); !r)
            return r;
    }
    ++m_largePasses;
    if (!filterBands || m_bandFilter)
        return {};
    auto rows = m_db.queryInt("SELECT count(*) FROM near_duplicate_bands");
    if (!rows)
        return rows.error();
    auto version = m_db.dataVersion();
    if (!version)
        return version.error();
    auto filter = std::make_unique<BandFilter>(*rows + stories * NearDuplicates::kBands);
    auto read = m_db.prepare("SELECT band FROM near_duplicate_bands");
    if (!read)
        return read.error();
    if (auto r = read->forEachRow([&filter](const Statement& row) { filter->add(row.int64(0)); });
        !r)
        return r;
    m_bandFilter = std::move(filter);
    m_bandFilterVersion = *version;
    return {};
}

void ArticleStore::endLargePass()
{
    if (m_largePasses == 0 || --m_largePasses > 0)
        return;
    m_bandFilter.reset();
    // Back to the usual cache, and the pages over it let go.
    if (auto r = m_db.exec(cacheSize(kCacheKib).constData()); !r)
        qCWarning(lcStore).noquote() << r.error().message;
    if (auto r = m_db.exec("PRAGMA shrink_memory"); !r)
        qCWarning(lcStore).noquote() << r.error().message;
}

Result<void> ArticleStore::dropOrphanedProfiles()
{
    auto orphans = m_db.prepare(
        "SELECT d.article_id, p.terms, p.signature, p.bucket FROM deleted_profiles d JOIN "
        "article_profiles p ON p.article_id = d.article_id WHERE NOT EXISTS (SELECT 1 FROM "
        "articles a WHERE a.id = d.article_id)");
    if (!orphans)
        return orphans.error();
    struct Orphan {
        ArticleId id;
        QByteArray terms;
        QByteArray signature;
        qint64 bucket;
    };
    QList<Orphan> found;
    auto read = orphans->forEachRow([&found](const Statement& row) {
        found.append({row.int64(0), row.blob(1), row.blob(2), row.int64(3)});
    });
    if (!read)
        return read.error();
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    // A story put back (undo) keeps its profile.
    if (auto r = m_db.exec("DELETE FROM deleted_profiles"); !r)
        return r.error();
    auto prepared = prepareProfileStatements(m_db);
    if (!prepared)
        return prepared.error();
    auto drop = m_db.prepare("DELETE FROM article_profiles WHERE article_id = ?1");
    if (!drop)
        return drop.error();
    for (const Orphan& orphan : found) {
        if (auto r =
                dropIndexed(*prepared, orphan.id, orphan.terms, orphan.signature, orphan.bucket);
            !r)
            return r.error();
        drop->bind(1, orphan.id);
        if (auto r = runOnce(*drop); !r)
            return r.error();
    }
    return transaction->commit();
}

Result<QList<ArticleStore::Related>> ArticleStore::relatedStories(ArticleId id, int limit)
{
    QList<Related> related;
    if (limit <= 0)
        return related;
    auto profile = m_db.prepare("SELECT p.terms, coalesce(a.cluster_id, a.id) FROM "
                                "article_profiles p JOIN articles a ON a.id = p.article_id "
                                "WHERE p.article_id = ?1");
    if (!profile)
        return profile.error();
    profile->bind(1, id);
    auto row = profile->step();
    if (!row)
        return row.error();
    if (!*row)
        return related;
    const Profile own = Profile::from(profile->blob(0));
    const ArticleId cluster = profile->int64(1);
    profile->reset();

    // 1. The stories that weigh its best terms most: dot products over the indexed terms.
    auto postings = m_db.prepare("SELECT article_id, weight FROM term_postings WHERE term_id = "
                                 "?1 ORDER BY weight DESC LIMIT ?2");
    if (!postings)
        return postings.error();
    QHash<ArticleId, qint64> partial;
    partial.reserve(8192);
    for (const TermProfile::StoredTerm& term :
         own.terms.first(std::min<qsizetype>(own.terms.size(), TermProfile::kIndexed))) {
        postings->bind(1, term.term).bind(2, kPostingsPerTerm);
        auto rows = postings->forEachRow([&partial, &term](const Statement& r) {
            partial[r.int64(0)] += static_cast<qint64>(term.weight) * r.int64(1);
        });
        postings->reset();
        if (!rows)
            return rows.error();
    }
    partial.remove(id);
    // Its own versions are listed apart (versions()).
    auto members = m_db.prepare("SELECT id FROM articles WHERE cluster_id = ?1");
    if (!members)
        return members.error();
    members->bind(1, cluster);
    if (auto r =
            members->forEachRow([&partial](const Statement& m) { partial.remove(m.int64(0)); });
        !r)
        return r.error();
    QList<std::pair<qint64, ArticleId>> shortlist;
    shortlist.reserve(partial.size());
    for (auto it = partial.cbegin(); it != partial.cend(); ++it)
        shortlist.append({it.value(), it.key()});
    const qsizetype keep = std::min<qsizetype>(shortlist.size(), kCandidates);
    std::partial_sort(shortlist.begin(), shortlist.begin() + keep, shortlist.end(),
                      std::greater<>());
    shortlist.resize(keep);
    if (shortlist.isEmpty())
        return related;

    // 2. Each candidate compared whole (its stored profile; a deleted story has none).
    auto theirs = m_db.prepare("SELECT p.terms FROM article_profiles p JOIN articles a ON a.id "
                               "= p.article_id WHERE p.article_id = ?1");
    if (!theirs)
        return theirs.error();
    QList<Profile> candidates;
    QList<Related> scored;
    candidates.reserve(keep);
    for (const auto& [dot, candidate] : shortlist) {
        theirs->bind(1, candidate);
        auto found = theirs->step();
        if (!found) {
            theirs->reset();
            return found.error();
        }
        if (*found) {
            candidates.append(Profile::from(theirs->blob(0)));
            scored.append({candidate, own.dot(candidates.back())});
        }
        theirs->reset();
    }

    // 3. The few most alike pull the rest their way (pseudo-relevance feedback): a story
    // like them too is more likely about the same thing than one that shares a word or two.
    QList<qsizetype> order(scored.size());
    std::iota(order.begin(), order.end(), 0);
    const qsizetype neighbours = std::min<qsizetype>(order.size(), kFeedback);
    std::partial_sort(
        order.begin(), order.begin() + neighbours, order.end(),
        [&scored](qsizetype a, qsizetype b) { return scored[a].score > scored[b].score; });
    QList<double> feedback(scored.size(), 0.0);
    for (qsizetype n = 0; n < neighbours; ++n) {
        const Profile& neighbour = candidates[order[n]];
        for (qsizetype i = 0; i < scored.size(); ++i)
            feedback[i] += neighbour.dot(candidates[i]);
    }
    for (qsizetype i = 0; i < scored.size(); ++i)
        scored[i].score =
            (scored[i].score + kFeedbackWeight * feedback[i] /
                                   static_cast<double>(std::max<qsizetype>(neighbours, 1))) /
            (1.0 + kFeedbackWeight);

    if (auto named = addSharedNames(m_db, id, scored); !named)
        return named.error();
    std::sort(scored.begin(), scored.end(), [](const Related& a, const Related& b) {
        return a.score != b.score ? a.score > b.score : a.id > b.id;
    });
    scored.resize(std::min<qsizetype>(scored.size(), limit));
    for (Related& r : scored)
        r.score = std::clamp(r.score, 0.0, 1.0);
    return scored;
}

Result<QList<ArticleId>> ArticleStore::versions(ArticleId id)
{
    auto stmt = m_db.prepare(
        "SELECT b.id FROM articles a JOIN articles b ON b.cluster_id = a.cluster_id "
        "WHERE a.id = ?1 AND b.id != ?1 ORDER BY b.published_at IS NULL, b.published_at DESC, "
        "b.id DESC");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    QList<ArticleId> ids;
    if (auto r = stmt->forEachRow([&ids](const Statement& row) { ids.append(row.int64(0)); }); !r)
        return r.error();
    return ids;
}

Result<QHash<ArticleId, ArticleId>> ArticleStore::clusterKeys()
{
    auto stmt = m_db.prepare("SELECT id, cluster_id FROM articles WHERE cluster_id IS NOT NULL");
    if (!stmt)
        return stmt.error();
    QHash<ArticleId, ArticleId> keys;
    if (auto r = stmt->forEachRow(
            [&keys](const Statement& row) { keys.insert(row.int64(0), row.int64(1)); });
        !r)
        return r.error();
    return keys;
}

Result<std::optional<ArticleStore::EntityOverview>>
ArticleStore::entityOverview(const QString& name, int alongside)
{
    auto find = m_db.prepare(
        "SELECT t.id, t.name, t.kind, (SELECT count(*) FROM article_tags x WHERE x.tag_id = t.id) "
        "AS n FROM tags t WHERE t.name = ?1 COLLATE NOCASE AND t.kind IN ('person', "
        "'organization', 'place') ORDER BY n DESC LIMIT 1");
    if (!find)
        return find.error();
    find->bind(1, name);
    auto row = find->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<EntityOverview>();
    const qint64 tag = find->int64(0);
    EntityOverview overview;
    overview.name = find->text(1);
    overview.kind = find->text(2);
    overview.stories = find->int64(3);
    find->reset();

    auto months = m_db.prepare(
        "SELECT strftime('%Y-%m', a.published_at, 'unixepoch'), count(DISTINCT a.id) FROM "
        "article_tags x JOIN articles a ON a.id = x.article_id WHERE x.tag_id = ?1 GROUP BY 1");
    if (!months)
        return months.error();
    months->bind(1, tag);
    if (auto r = months->forEachRow([&overview](const Statement& m) {
            if (m.isNull(0))
                overview.undated += m.int64(1);
            else
                overview.months.insert(m.text(0), m.int64(1));
        });
        !r)
        return r.error();

    auto with = m_db.prepare(
        "SELECT t.name, t.kind, count(DISTINCT y.article_id) AS n FROM article_tags x JOIN "
        "article_tags y ON y.article_id = x.article_id AND y.tag_id != x.tag_id JOIN tags t ON "
        "t.id = y.tag_id WHERE x.tag_id = ?1 AND t.kind IN ('person', 'organization', 'place') "
        "GROUP BY t.id ORDER BY n DESC, t.name LIMIT ?2");
    if (!with)
        return with.error();
    with->bind(1, tag).bind(2, alongside);
    if (auto r = with->forEachRow([&overview](const Statement& w) {
            overview.alongside.append({w.text(0), w.text(1), w.int64(2), 0});
        });
        !r)
        return r.error();
    return std::optional<EntityOverview>(std::move(overview));
}

} // namespace broadsheet::core
