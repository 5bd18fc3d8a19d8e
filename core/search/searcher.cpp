// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher.h"

#include "query_compiler.h"
#include "query_parser.h"
#include "store/database.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <limits>

namespace broadsheet::core {

namespace {

// Every statement is assembled from these literals and the compiler's fixed fragments;
// user text only ever arrives as bound values (?1 … ?5 here, ?100 … in conditions).
constexpr const char* kSummaryColumns =
    "SELECT a.id, a.title, coalesce(s.name, ''), a.section, a.published_at, "
    "a.published_precision, a.is_read, a.is_starred, ";
// Ranked by bm25 with the title weighted well above the body, and the author a little. The
// rank column (not a bm25() expression) lets FTS5 sort before snippets are made.
constexpr const char* kFromMatch =
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
    "LEFT JOIN sources s ON s.id = a.source_id WHERE articles_fts MATCH ?3 "
    "AND rank MATCH 'bm25(10.0, 1.0, 2.0)'";
constexpr const char* kFromAll =
    " FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE 1";
constexpr const char* kTagsFromMatch =
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
    "JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id "
    "WHERE articles_fts MATCH ?3";
constexpr const char* kTagsFromAll =
    " FROM articles a JOIN article_tags at ON at.article_id = a.id "
    "JOIN tags t ON t.id = at.tag_id WHERE 1";
constexpr qsizetype kLeadLength = 240;
constexpr const char* kByRank = " ORDER BY rank LIMIT ?4 OFFSET ?5";
constexpr const char* kInWindow = " AND articles_fts.rowid >= ?6";
constexpr const char* kPage = " LIMIT ?4 OFFSET ?5";

/// The first date filter (after:, before:, date:) the query keeps stories by, as typed; ""
/// when there is none outside a NOT (there, undated stories do match).
QString dateFilterOf(const ParsedQuery& parsed)
{
    const auto find = [](const auto& self, const QueryNode& node) -> QString {
        if (node.type == QueryNode::Type::Not)
            return {};
        if (node.type == QueryNode::Type::Filter) {
            switch (node.filter) {
            case QueryNode::Filter::After:
                return QStringLiteral("after:") + node.text;
            case QueryNode::Filter::Before:
                return QStringLiteral("before:") + node.text;
            case QueryNode::Filter::Date:
                return QStringLiteral("date:") + node.text;
            default:
                return {};
            }
        }
        for (const QueryNode& child : node.children) {
            if (QString found = self(self, child); !found.isEmpty())
                return found;
        }
        return {};
    };
    return parsed.root.empty() ? QString() : find(find, parsed.root.front());
}

// The ORDER BY of a listing that is not ranked. Newest first is the published index's own
// order (NULLs sort last in DESC order, so undated articles come last); the other orders
// sort the matches, which is why the window asks for them on a worker.
QByteArray orderBy(const SearchRequest& request)
{
    static constexpr const char* kNewest = "a.published_at DESC, a.id DESC";
    const bool reversed = request.reversed;
    QByteArray order;
    switch (request.sort) {
    case SearchRequest::Sort::Relevance:
    case SearchRequest::Sort::Date:
        return reversed ? " ORDER BY a.published_at IS NULL, a.published_at, a.id"
                        : QByteArray(" ORDER BY ") + kNewest;
    case SearchRequest::Sort::Title:
        return reversed ? " ORDER BY a.title COLLATE NOCASE DESC, a.id DESC"
                        : " ORDER BY a.title COLLATE NOCASE, a.id";
    case SearchRequest::Sort::Source:
        order = " ORDER BY coalesce(s.name, '') COLLATE NOCASE";
        order += reversed ? " DESC" : "";
        return order + ", " + kNewest;
    case SearchRequest::Sort::Author: // stories without an author last, either way
        order = " ORDER BY a.author = '', a.author COLLATE NOCASE";
        order += reversed ? " DESC" : "";
        return order + ", " + kNewest;
    case SearchRequest::Sort::Starred:
        order = " ORDER BY a.is_starred";
        order += reversed ? "" : " DESC";
        return order + ", " + kNewest;
    case SearchRequest::Sort::Tags:
        order = " ORDER BY (SELECT min(xt.name COLLATE NOCASE) FROM article_tags xa "
                "JOIN tags xt ON xt.id = xa.tag_id WHERE xa.article_id = a.id)";
        order += reversed ? " DESC NULLS LAST" : " NULLS LAST";
        return order + ", " + kNewest;
    }
    return {};
}

/// A row of kSummaryColumns plus the snippet (8) and the rank (9).
SearchHit hitFromRow(const Statement& row)
{
    SearchHit hit;
    hit.article.id = row.int64(0);
    hit.article.title = row.text(1);
    hit.article.source = row.text(2);
    hit.article.section = row.text(3);
    hit.article.published =
        PublishedDate::fromStorage(row.optionalInt64(4), static_cast<int>(row.int64(5)));
    hit.article.read = row.int64(6) != 0;
    hit.article.starred = row.int64(7) != 0;
    hit.score = row.real(9);
    hit.snippet = row.text(8).simplified();
    if (hit.score == 0 && hit.snippet.size() >= kLeadLength - 1) {
        // A lead cut from the body (no text to match): end it at a word, with an ellipsis.
        const qsizetype space = hit.snippet.lastIndexOf(u' ');
        if (space > kLeadLength / 2)
            hit.snippet.truncate(space);
        hit.snippet += QChar(0x2026);
    }
    return hit;
}

class Query {
public:
    Query(const CompiledQuery& compiled, qint64 minimumId)
        : m_compiled(compiled)
        , m_minimumId(minimumId)
    {
    }

    bool hasMatch() const { return !m_compiled.match.isEmpty(); }

    /// " AND (conditions)" or nothing.
    QByteArray conditions() const
    {
        QByteArray sql =
            m_compiled.condition.isEmpty() ? QByteArray() : " AND (" + m_compiled.condition + ")";
        if (m_minimumId > 0)
            sql += " AND a.id >= ?7";
        return sql;
    }

    /// Binds ?3 (the MATCH expression) and the conditions' values.
    void bind(Statement& stmt) const
    {
        if (hasMatch())
            stmt.bind(3, m_compiled.match);
        if (m_minimumId > 0)
            stmt.bind(7, m_minimumId);
        for (qsizetype i = 0; i < m_compiled.values.size(); ++i) {
            const int index = CompiledQuery::kFirstParameter + static_cast<int>(i);
            std::visit([&](const auto& value) { stmt.bind(index, value); }, m_compiled.values[i]);
        }
    }

    QByteArray from() const { return from(kFromMatch, kFromAll); }
    QByteArray from(const char* withMatch, const char* withoutMatch) const
    {
        return QByteArray(hasMatch() ? withMatch : withoutMatch) + conditions();
    }

private:
    const CompiledQuery& m_compiled;
    qint64 m_minimumId = 0;
};

/// SearchRequest::group: walks the matches in result order and keeps the first of each
/// story's versions (the best placed) to stand for the others. Without allIds the walk stops
/// once the page is full; then `hidden` is how many matches stand behind another (the total
/// is the plain count less them), and the page's stories find their other matching
/// versions through their cluster key.
template <typename ForEachMatch>
Result<void> groupMatches(Database& db, const ForEachMatch& forEachMatch, const Query& query,
                          const SearchRequest& request, const CompiledQuery& compiled,
                          SearchResults& results, std::optional<qint64>& hidden)
{
    const qsizetype wanted =
        request.allIds ? std::numeric_limits<qsizetype>::max()
                       : qsizetype{std::max(request.offset, 0)} + std::max(request.limit, 0);
    QList<ArticleId> shown;
    QHash<ArticleId, ArticleId> shownFor; // cluster key → the version that stands for it
    QHash<ArticleId, ArticleId> keyOf;    // a shown version → its cluster key
    bool complete = true;
    auto walked = forEachMatch("a.id, a.cluster_id", [&](const Statement& row) {
        if (shown.size() >= wanted) {
            complete = false;
            return false;
        }
        const ArticleId id = row.int64(0);
        if (row.isNull(1)) { // a story with no other version stands alone
            shown.append(id);
            return true;
        }
        const ArticleId key = row.int64(1);
        if (const auto found = shownFor.constFind(key); found != shownFor.cend()) {
            results.versions[*found].append(id);
        } else {
            shownFor.insert(key, id);
            keyOf.insert(id, key);
            shown.append(id);
        }
        return true;
    });
    if (!walked)
        return walked.error();
    const QList<ArticleId> page = request.limit > 0 && request.offset < shown.size()
                                      ? shown.mid(std::max(request.offset, 0), request.limit)
                                      : QList<ArticleId>();

    if (complete) {
        results.total = shown.size();
    } else {
        // The total is the matches' count (counted as ungrouped) less the versions that
        // stand behind another: only the stories that have versions are read for it.
        auto count = db.prepare(("SELECT count(*) - count(DISTINCT a.cluster_id)" + query.from() +
                                 " AND a.cluster_id IS NOT NULL")
                                    .constData());
        if (!count)
            return count.error();
        query.bind(*count);
        auto row = count->step();
        if (!row)
            return row.error();
        hidden = count->int64(0);
        // The page's other versions, each checked against the query (the walk stopped
        // before it met them all).
        results.versions.clear();
        auto members = db.prepare("SELECT id FROM articles WHERE cluster_id = ?1 AND id != ?2 "
                                  "ORDER BY published_at DESC, id DESC LIMIT 1000");
        QByteArray matchSql = "SELECT 1" + query.from() + " AND a.id = ?8";
        if (query.hasMatch())
            matchSql += " AND articles_fts.rowid = ?8";
        auto matches = db.prepare(matchSql.constData());
        if (!members)
            return members.error();
        if (!matches)
            return matches.error();
        for (ArticleId id : page) {
            const auto key = keyOf.constFind(id);
            if (key == keyOf.cend())
                continue;
            members->bind(1, *key).bind(2, id);
            QList<ArticleId> others;
            auto read = members->forEachRow(
                [&others](const Statement& member) { others.append(member.int64(0)); });
            members->reset();
            if (!read)
                return read.error();
            for (ArticleId other : others) {
                query.bind(*matches);
                matches->bind(8, other);
                auto hit = matches->step();
                if (!hit)
                    return hit.error();
                if (*hit)
                    results.versions[id].append(other);
                matches->reset();
            }
        }
    }
    if (request.allIds)
        results.ids = std::move(shown);
    if (page.isEmpty())
        return {};

    // The conditions held when the ids were found: only the snippet needs the index again.
    const bool withText = !compiled.match.isEmpty();
    QByteArray sql = kSummaryColumns;
    sql += withText ? "snippet(articles_fts, -1, ?1, ?2, '…', 24), rank FROM articles_fts "
                      "JOIN articles a ON a.id = articles_fts.rowid LEFT JOIN sources s ON "
                      "s.id = a.source_id WHERE articles_fts MATCH ?3 AND rank MATCH "
                      "'bm25(10.0, 1.0, 2.0)' AND articles_fts.rowid = ?4"
                    : "substr(a.body, 1, 240), 0.0 FROM articles a LEFT JOIN sources s ON "
                      "s.id = a.source_id WHERE a.id = ?4";
    auto hit = db.prepare(sql.constData());
    if (!hit)
        return hit.error();
    auto version = db.prepare("SELECT a.id, a.title, coalesce(s.name, ''), a.published_at, "
                              "a.published_precision FROM articles a LEFT JOIN sources s ON "
                              "s.id = a.source_id WHERE a.id = ?1");
    if (!version)
        return version.error();
    for (ArticleId id : page) {
        if (withText) // reset() clears the bindings
            hit->bind(1, request.markOpen).bind(2, request.markClose).bind(3, compiled.match);
        hit->bind(4, id);
        auto found = hit->step();
        if (!found)
            return found.error();
        if (!*found) { // gone since the walk (another process deleted it)
            hit->reset();
            continue;
        }
        SearchHit shownHit = hitFromRow(*hit);
        hit->reset();
        for (ArticleId other : results.versions.value(id)) {
            version->bind(1, other);
            auto row = version->step();
            if (!row)
                return row.error();
            if (*row) {
                ArticleSummary summary;
                summary.id = other;
                summary.title = version->text(1);
                summary.source = version->text(2);
                summary.published = PublishedDate::fromStorage(version->optionalInt64(3),
                                                               static_cast<int>(version->int64(4)));
                shownHit.versions.append(std::move(summary));
            }
            version->reset();
        }
        results.hits.append(std::move(shownHit));
    }
    return {};
}

} // namespace

namespace {
constexpr std::array kSortNames{
    std::pair{u"relevance", SearchRequest::Sort::Relevance},
    std::pair{u"date", SearchRequest::Sort::Date},
    std::pair{u"title", SearchRequest::Sort::Title},
    std::pair{u"source", SearchRequest::Sort::Source},
    std::pair{u"author", SearchRequest::Sort::Author},
    std::pair{u"starred", SearchRequest::Sort::Starred},
    std::pair{u"tags", SearchRequest::Sort::Tags},
};
} // namespace

std::optional<SearchRequest::Sort> sortFromName(QStringView name)
{
    for (const auto& [text, sort] : kSortNames) {
        if (name == QStringView(text))
            return sort;
    }
    return std::nullopt;
}

QStringList sortNames()
{
    QStringList names;
    for (const auto& entry : kSortNames)
        names.append(QString::fromUtf16(entry.first));
    return names;
}

Searcher::Searcher(Database& db)
    : m_db(db)
{
}

Result<std::optional<Article>> Searcher::highlighted(ArticleId id, const QString& query,
                                                     const QString& markOpen,
                                                     const QString& markClose)
{
    const CompiledQuery compiled = QueryCompiler::compile(QueryParser::parse(query));
    if (compiled.match.isEmpty())
        return std::optional<Article>();
    auto stmt = m_db.prepare("SELECT highlight(articles_fts, 0, ?1, ?2), "
                             "highlight(articles_fts, 1, ?1, ?2) FROM articles_fts "
                             "WHERE articles_fts MATCH ?3 AND rowid = ?4");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, markOpen).bind(2, markClose).bind(3, compiled.match).bind(4, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Article>();
    Article marked;
    marked.id = id;
    marked.title = stmt->text(0);
    marked.body = stmt->text(1);
    return std::optional<Article>(std::move(marked));
}

Result<QList<ArticleId>> Searcher::matchingIds(const QString& query, ArticleId minimumId,
                                               const std::stop_token& stop)
{
    SearchRequest request;
    request.query = query;
    request.sort = SearchRequest::Sort::Date;
    request.limit = 0;
    request.countTotal = false;
    request.facets = false;
    request.allIds = true;
    request.minimumId = minimumId;
    auto results = search(request, stop);
    if (!results)
        return results.error();
    return std::move(results->ids);
}

void Searcher::interrupt()
{
    m_db.interrupt();
}

Result<SearchResults> Searcher::search(const SearchRequest& request, const std::stop_token& stop)
{
    SearchResults results;
    const ParsedQuery parsed = QueryParser::parse(request.query);
    results.hints = parsed.hints;
    if (const QString filter = dateFilterOf(parsed); !filter.isEmpty()) {
        // A date filter can only keep dated stories: say so when some have no date.
        if (auto undated =
                m_db.queryInt("SELECT count(*) FROM articles WHERE published_at IS NULL");
            undated && *undated > 0) {
            results.hints.append(QStringLiteral("%1 leaves out stories with no date (%2 in the "
                                                "library)")
                                     .arg(filter)
                                     .arg(*undated));
        }
    }
    const CompiledQuery compiled = QueryCompiler::compile(parsed);
    const Query query(compiled, request.minimumId);

    // Count, hits, ids and facets all come from one snapshot of the library.
    auto snapshot = ReadTransaction::begin(m_db);
    if (!snapshot)
        return snapshot.error();
    // A time budget stops a query that asks the index for too much (a hostile one, or one
    // the caps let through) with what was found by then, and says so; never an error.
    const auto deadline =
        request.timeLimitMs > 0
            ? std::chrono::steady_clock::now() + std::chrono::milliseconds(request.timeLimitMs)
            : std::chrono::steady_clock::time_point::max();
    m_db.setStopToken(&stop, deadline);
    auto failed = [&](Error error) -> Result<SearchResults> {
        if (!error.cancelled || stop.stop_requested() ||
            std::chrono::steady_clock::now() < deadline)
            return error;
        results.timedOut = true;
        results.total = std::max<qint64>(results.total, results.hits.size());
        results.hints.append(QStringLiteral("stopped after %1 s: the query asks the index for "
                                            "too much; what was found by then is shown "
                                            "(fewer prefixes or phrases of common words help)")
                                 .arg(request.timeLimitMs / 1000.0));
        return results;
    };
    struct ClearStop {
        Database& db;
        ~ClearStop() { db.setStopToken(nullptr); }
    } clearStop{m_db};

    // Ranking a match costs time; past the window only the newest matches are ranked. The
    // newest window-th match is found by walking the index backwards, which is cheap.
    const bool byRank = query.hasMatch() && request.sort == SearchRequest::Sort::Relevance;
    std::optional<qint64> windowStart;
    if (byRank && request.rankWindow > 0) {
        auto cutoff = m_db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?3 "
                                   "ORDER BY rowid DESC LIMIT 1 OFFSET ?2");
        if (!cutoff)
            return failed(cutoff.error());
        cutoff->bind(3, compiled.match).bind(2, qint64{request.rankWindow - 1});
        auto row = cutoff->step();
        if (!row)
            return failed(row.error());
        if (*row) {
            windowStart = cutoff->int64(0);
            results.rankingLimited = true;
        }
    }

    // Every match in result order, as (id, cluster key): the ranked window first, then the
    // matches older than it, newest first. For allIds, and for grouping.
    const auto forEachMatch = [&](const char* columns, auto&& take) -> Result<void> {
        bool more = true; // take() returns false when it has what it needs
        auto each = [&](const Statement& row) {
            return more = take(row);
        };
        QByteArray idSql = QByteArray("SELECT ") + columns + query.from();
        if (windowStart)
            idSql += kInWindow;
        idSql += byRank ? QByteArray(" ORDER BY rank") : orderBy(request);
        auto ids = m_db.prepare(idSql.constData());
        if (!ids)
            return ids.error();
        query.bind(*ids);
        if (windowStart)
            ids->bind(6, *windowStart);
        if (auto r = ids->forEachRow(each); !r)
            return r.error();
        if (windowStart && more) {
            auto older = m_db.prepare((QByteArray("SELECT ") + columns + query.from() +
                                       " AND articles_fts.rowid < ?6 ORDER BY a.id DESC")
                                          .constData());
            if (!older)
                return older.error();
            query.bind(*older);
            older->bind(6, *windowStart);
            if (auto r = older->forEachRow(each); !r)
                return r.error();
        }
        return {};
    };

    std::optional<qint64> hidden; // a grouped search that stopped early: matches to take off
    if (request.group) {
        if (auto grouped =
                groupMatches(m_db, forEachMatch, query, request, compiled, results, hidden);
            !grouped)
            return failed(grouped.error());
    } else {
        // The page of hits.
        QByteArray sql = kSummaryColumns;
        sql += query.hasMatch() ? QByteArray("snippet(articles_fts, -1, ?1, ?2, '…', 24), rank")
                                : QByteArray("substr(a.body, 1, 240), 0.0"); // kLeadLength
        sql += query.from();
        if (windowStart)
            sql += kInWindow;
        sql += byRank ? QByteArray(kByRank) : orderBy(request) + kPage;
        auto hits = m_db.prepare(sql.constData());
        if (!hits)
            return failed(hits.error());
        query.bind(*hits);
        if (query.hasMatch())
            hits->bind(1, request.markOpen).bind(2, request.markClose);
        hits->bind(4, qint64{std::max(request.limit, 0)})
            .bind(5, qint64{std::max(request.offset, 0)});
        if (windowStart)
            hits->bind(6, *windowStart);
        auto rows = hits->forEachRow(
            [&results](const Statement& row) { results.hits.append(hitFromRow(row)); });
        if (!rows)
            return failed(rows.error());

        if (request.allIds) {
            auto all = forEachMatch("a.id", [&results](const Statement& row) {
                results.ids.append(row.int64(0));
                return true;
            });
            if (!all)
                return failed(all.error());
        }
    }

    if (request.countTotal && (!request.group || hidden)) {
        // Without conditions the index alone counts, without touching the articles.
        const QByteArray countSql =
            query.hasMatch() && compiled.condition.isEmpty() && request.minimumId <= 0
                ? QByteArray("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?3")
                : "SELECT count(*)" + query.from();
        auto count = m_db.prepare(countSql.constData());
        if (!count)
            return failed(count.error());
        query.bind(*count);
        auto row = count->step();
        if (!row)
            return failed(row.error());
        results.total = count->int64(0) - hidden.value_or(0);
    }

    if (request.facets & SearchRequest::kMonths) {
        // Undated matches are one more group (the NULL month), counted apart.
        auto months =
            m_db.prepare(("SELECT strftime('%Y-%m', a.published_at, 'unixepoch'), count(*)" +
                          query.from() + " GROUP BY 1")
                             .constData());
        if (!months)
            return failed(months.error());
        query.bind(*months);
        auto monthRows = months->forEachRow([&results](const Statement& row) {
            if (row.isNull(0))
                results.undated = row.int64(1);
            else
                results.months.insert(row.text(0), row.int64(1));
        });
        if (!monthRows)
            return failed(monthRows.error());
    }

    if (request.facets & SearchRequest::kSources) {
        auto sources = m_db.prepare(("SELECT coalesce(s.name, ''), count(*)" + query.from() +
                                     " GROUP BY a.source_id ORDER BY 2 DESC, 1 LIMIT 100")
                                        .constData());
        if (!sources)
            return failed(sources.error());
        query.bind(*sources);
        auto sourceRows = sources->forEachRow([&results](const Statement& row) {
            results.sources.append(FacetCount{row.text(0), QString(), row.int64(1)});
        });
        if (!sourceRows)
            return failed(sourceRows.error());
    }

    if (request.facets & SearchRequest::kTags) {
        auto tags = m_db.prepare(("SELECT t.name, t.kind, count(DISTINCT a.id)" +
                                  query.from(kTagsFromMatch, kTagsFromAll) +
                                  " GROUP BY t.id ORDER BY 3 DESC, 1 LIMIT 100")
                                     .constData());
        if (!tags)
            return failed(tags.error());
        query.bind(*tags);
        auto tagRows = tags->forEachRow([&results](const Statement& row) {
            results.tags.append(FacetCount{row.text(0), row.text(1), row.int64(2)});
        });
        if (!tagRows)
            return failed(tagRows.error());
    }
    return results;
}

} // namespace broadsheet::core
