// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "database.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <memory>
#include <optional>

namespace broadsheet::core {

class KeywordQueue;

/// Counts over a whole library, for `broadsheet-cli stats` and the window's status bar.
struct LibraryStats {
    qint64 articles = 0;
    qint64 unread = 0;
    qint64 starred = 0;
    qint64 sources = 0;
    qint64 tags = 0;
    qint64 fileBytes = 0;
    PublishedDate oldest;
    PublishedDate newest;
};

/// A name with the number of articles under it (a source, a section, a tag).
struct CountedName {
    QString name;
    QString kind; ///< tags only
    qint64 count = 0;

    friend bool operator==(const CountedName&, const CountedName&) = default;
};

/// A search the user saved under a name, shown in the window's sidebar.
struct SavedSearch {
    QString name;
    QString query;

    friend bool operator==(const SavedSearch&, const SavedSearch&) = default;
};

/// What the window's sidebar lists: flags, sources, sections, tags and saved searches.
struct LibraryOverview {
    qint64 articles = 0;
    qint64 unread = 0;
    qint64 starred = 0;
    QList<CountedName> sources;  ///< by name
    QList<CountedName> sections; ///< by name
    QList<CountedName> tags;     ///< by kind, then name
    QList<SavedSearch> savedSearches;
    QMap<QString, qint64> months; ///< "YYYY-MM" → stories published then, for the timeline
};

/// A tag with the number of articles that carry it.
struct TagSummary {
    QString name;
    QString kind; ///< manual, person, organization, place, keyword or rule
    QString color;
    qint64 count = 0;

    friend bool operator==(const TagSummary&, const TagSummary&) = default;
};

/// A saved search that tags what it matches with `tag` (kind "rule"), now and at every
/// later import.
struct TaggingRule {
    QString tag;
    QString query;

    friend bool operator==(const TaggingRule&, const TaggingRule&) = default;
};

/// The kinds of tag, and where each comes from (article_tags.origin).
namespace tag_kind {
inline constexpr const char* kManual = "manual";
inline constexpr const char* kPerson = "person";
inline constexpr const char* kOrganization = "organization";
inline constexpr const char* kPlace = "place";
inline constexpr const char* kKeyword = "keyword";
inline constexpr const char* kRule = "rule";
/// "entity" for people, organisations and places; otherwise the kind itself.
QString originOf(const QString& kind);
bool isKnown(const QString& kind);
inline constexpr int kCount = 6;
/// The kind's place among the six (manual, person, organization, place, keyword, rule),
/// or -1 for none of them.
int indexOf(const QString& kind);
} // namespace tag_kind

/// What addArticles() did with each article of a batch, in order.
enum class AddOutcome { Added, Duplicate };

/// The read/write API over one library file: the only place that knows the schema.
/// One instance per thread (each holds its own connection); not copyable or movable,
/// so prepared statements stay bound to it.
class ArticleStore final {
public:
    enum class OpenMode { OpenExisting, CreateIfMissing };

    /// Opens (and migrates) a library. A file from a newer Broadsheet, or one that is not a
    /// library, is refused without being modified.
    static Result<std::unique_ptr<ArticleStore>> open(const QString& path, OpenMode mode);

    ArticleStore(const ArticleStore&) = delete;
    ArticleStore& operator=(const ArticleStore&) = delete;
    ~ArticleStore();

    const QString& path() const { return m_db.path(); }
    Database& database() { return m_db; }

    /// Adds a batch in one transaction (or in the caller's, when one is open) and indexes it
    /// for full-text search. An article
    /// already in the library (same source and guid, or same normalised title + date +
    /// body) is a Duplicate. Sets `id` of the added ones.
    Result<QList<AddOutcome>> addArticles(QList<Article>& articles);
    /// The same, with each article's contentHash() already computed (on a worker thread).
    Result<QList<AddOutcome>> addArticles(QList<Article>& articles,
                                          const QList<QByteArray>& hashes);

    Result<qint64> count();
    /// Ids newest first (undated last), for the lazy story list; at most `limit` (-1: all).
    Result<QList<ArticleId>> articleIds(int limit = -1);
    Result<QList<ArticleSummary>> listArticles(int limit, int offset = 0);
    /// Summaries of the given ids, in the order given; unknown ids are left out.
    Result<QList<ArticleSummary>> summaries(const QList<ArticleId>& ids);
    Result<std::optional<Article>> article(ArticleId id);
    /// Whole articles (with tags) of the given ids, in the order given; unknown ids are
    /// left out. For exports, which fetch a chunk at a time.
    Result<QList<Article>> articles(const QList<ArticleId>& ids);

    Result<void> setRead(const QList<ArticleId>& ids, bool read);
    Result<void> setStarred(const QList<ArticleId>& ids, bool starred);

    Result<LibraryStats> stats();
    Result<LibraryOverview> overview();
    /// Saves (or replaces) a search under a name.
    Result<void> saveSearch(const SavedSearch& search);
    Result<void> removeSavedSearch(const QString& name);
    // ---- Tags (article_store_tags.cpp) ----
    /// Tags the articles (the tag is made when new); returns how many were not tagged before.
    /// An article's own `tags` are stored by addArticles() the same way.
    Result<qint64> addTag(const QList<ArticleId>& ids, const QString& name,
                          const QString& kind = QString::fromLatin1(tag_kind::kManual));
    /// Takes every tag of this name (any kind, any case) off the articles; returns how many.
    Result<qint64> removeTag(const QList<ArticleId>& ids, const QString& name);
    /// Every tag with its count, by kind then name.
    Result<QList<TagSummary>> tags();
    /// The names of the tags of these kinds, A to Z, without counting anything.
    Result<QStringList> tagNames(const QStringList& kinds);
    /// Renames every tag of this name; where the new name exists in the same kind, the
    /// two merge. Fails when no tag has the old name.
    Result<void> renameTag(const QString& from, const QString& to);
    /// Moves every article of `from` to `into` (the kind of `into` is kept), then drops `from`.
    Result<void> mergeTags(const QString& from, const QString& into);
    /// Deletes every tag of this name from the library, and any rule that makes it.
    Result<void> deleteTag(const QString& name);
    Result<void> setTagColor(const QString& name, const QString& color);

    /// Saves (or replaces) a rule; the caller applies it with applyRule().
    Result<void> saveRule(const TaggingRule& rule);
    Result<bool> removeRule(const QString& tag);
    Result<QList<TaggingRule>> rules();
    /// Tags what the rule's query matches among articles with id >= `fromId`; returns how
    /// many were newly tagged.
    Result<qint64> applyRule(const TaggingRule& rule, ArticleId fromId = 0);
    /// Every rule over the articles with id >= `fromId` (after an import).
    Result<qint64> applyRules(ArticleId fromId);
    /// Gives the articles with id >= `fromId` their keyword tags (KeywordExtractor, with
    /// document frequencies from the full-text index); returns how many were tagged.
    Result<qint64> tagKeywords(ArticleId fromId);
    /// Chooses and stores the keywords of the queued articles (already stored, with their
    /// candidate terms) against the library as it is now, and empties the queue; returns
    /// how many were tagged. An import queues what it adds and calls this at each commit.
    Result<qint64> storeKeywords(KeywordQueue& queue);
    /// Computes every article's keywords again against the library as it is now.
    Result<qint64> refreshKeywords();

    /// Runs SQLite's and FTS5's integrity checks; returns the problems found (empty = sound).
    Result<QStringList> check();

    /// The hash that makes two file articles the same story: normalised title, date and body.
    static QByteArray contentHash(const Article& article);

private:
    explicit ArticleStore(Database db);
    Result<void> configure();
    Result<qint64> sourceId(const QString& name);
    Result<qint64> tagId(const QString& name, const QString& kind);
    Result<void> storeTags(const QList<Article>& articles, const QList<AddOutcome>& outcomes);

    Database m_db;
    QHash<QString, qint64> m_sourceIds;
    void forgetTagIds();
    /// Per kind (tag_kind::indexOf), name → id; forgotten when tags change.
    std::array<QHash<QString, qint64>, tag_kind::kCount> m_tagIds;
    std::unique_ptr<Statement> m_findTag; ///< prepared on first use and kept: see tagId()
    std::unique_ptr<Statement> m_insertTag;
};

} // namespace broadsheet::core
