// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "article/library_values.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <stop_token>

namespace broadsheet::core {

class Database;

/// What to search for and how much of the answer to compute.
struct SearchRequest {
    /// Relevance needs words to rank; without them the matches come newest first. The
    /// others: newest first, title A to Z, source A to Z, starred first, first tag A to Z.
    enum class Sort { Relevance, Date, Title, Source, Author, Starred, Tags };

    QString query;
    Sort sort = Sort::Relevance;
    /// The other way round (oldest first, Z to A, unstarred first); undated and untagged
    /// stories stay last. Not for relevance.
    bool reversed = false;
    int offset = 0;
    int limit = 50;
    bool countTotal = true; ///< fill SearchResults::total
    /// Relevance ranks at most this many matches, the most recently added: ranking costs
    /// time for every match it considers, so a query that matches a large part of a big
    /// library stays instant. The total still counts every match. 0 ranks them all.
    int rankWindow = 10000;
    /// Which counts to fill: the window asks for months (its timeline) only; the CLI's
    /// --json for all three. Each costs a pass over the matches.
    enum Facet : unsigned { kNoFacets = 0, kMonths = 1, kTags = 2, kSources = 4, kAllFacets = 7 };
    unsigned facets = kAllFacets;
    bool allIds = false; ///< fill SearchResults::ids with every match, in result order
    /// One row per story: the versions of one story (ArticleStore::versions) that match
    /// count once, in the place of the best placed of them, which lists the others
    /// (SearchHit::versions, SearchResults::versions). The total counts stories; the facets
    /// still count every matching article.
    bool group = false;
    /// Only articles with this id or above (rules applied to what an import added).
    qint64 minimumId = 0;
    /// Stop after this long (0: no limit), with what was found and a hint: a query that
    /// asks the index for too much still answers.
    int timeLimitMs = 0;
    /// Marks around matched terms in snippets; the defaults are control characters that
    /// no article text holds, for callers that escape the text before styling the marks.
    QString markOpen = QStringLiteral("\x02");
    QString markClose = QStringLiteral("\x03");
};

/// The names the CLI's --sort takes: relevance, date, title, source, author, starred, tags.
std::optional<SearchRequest::Sort> sortFromName(QStringView name);
QStringList sortNames();

struct SearchHit {
    ArticleSummary article;
    QString snippet;
    double score = 0; ///< bm25: lower is better; 0 when sorted by date without text
    /// With SearchRequest::group: the other versions of this story that match, in result
    /// order (id, title, source and date only).
    QList<ArticleSummary> versions;
};

/// A tag or source with the number of matches under it.
using FacetCount = CountedName;

struct SearchResults {
    qint64 total = 0;
    QStringList hints;           ///< how a malformed query was read
    bool rankingLimited = false; ///< more matches than the rank window: ranked the newest
    bool timedOut = false;       ///< stopped at SearchRequest::timeLimitMs (said in hints)
    QList<SearchHit> hits;
    /// With SearchRequest::allIds: every match in order (the ranked window first, then older
    /// matches newest first), for the window's lazy story list.
    QList<ArticleId> ids;
    /// With SearchRequest::group: for every story shown for others, the other versions
    /// that match, in result order (only stories that have some).
    QHash<ArticleId, QList<ArticleId>> versions;
    QMap<QString, qint64> months; ///< "YYYY-MM" → matches published that month
    qint64 undated = 0;           ///< matches with no date (with the months)
    QList<FacetCount> tags;       ///< most frequent first
    QList<FacetCount> sources;    ///< most frequent first
};

/// Runs queries of the query language against one library connection: ranked (bm25, title
/// weighted above body) or newest first, with snippets, the total, and counts per month,
/// tag and source. Used by the CLI's `search`, the window's search field and the benchmark.
class Searcher {
public:
    explicit Searcher(Database& db);

    /// Never fails on what the user typed; fails only when the library cannot be read, or
    /// with `Error::cancelled` set when `stop` was requested or interrupt() was called.
    Result<SearchResults> search(const SearchRequest& request, const std::stop_token& stop = {});

    /// Every article `query` matches (with id >= `minimumId`), newest first: what a rule
    /// tags, what `tag --query` and `export --query` take.
    Result<QList<ArticleId>> matchingIds(const QString& query, ArticleId minimumId = 0,
                                         const std::stop_token& stop = {});

    /// The article's title and body with what `query` matches in them marked (FTS5's own
    /// highlight(), so stemming and phrases agree with the search), or nothing when the query
    /// has no words or the article does not match them. For the reader pane.
    Result<std::optional<Article>> highlighted(ArticleId id, const QString& query,
                                               const QString& markOpen = QStringLiteral("\x02"),
                                               const QString& markClose = QStringLiteral("\x03"));

    /// Aborts the query running now on this connection; safe from any thread.
    void interrupt();

private:
    Database& m_db;
};

} // namespace broadsheet::core
