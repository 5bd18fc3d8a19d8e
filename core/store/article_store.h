// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "article/library_values.h"
#include "database.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <array>
#include <memory>
#include <optional>

namespace broadsheet::core {

class BandFilter;

/// What addArticles() and storeFeedStories() did with each article of a batch, in order.
enum class AddOutcome {
    Added,
    Duplicate,
    Updated, ///< a feed story known already whose feed changed it: changed in place
    Deleted, ///< a feed story the user deleted (or retention removed): left out
};

/// Tags as they stood before a rename, merge or delete: what restoreTags() puts back (the
/// tag manager's undo). Every tag of each name (any kind), its taggings and its rule.
struct TagSnapshot {
    struct Tagging {
        ArticleId article = 0;
        QString origin;
        double score = 1.0;
    };
    struct Tag {
        QString name;
        QString kind;
        QString color;
        QList<Tagging> taggings;
    };
    QStringList names; ///< as asked for: a name without tags then had none
    QList<Tag> tags;
    QList<std::pair<QString, QString>> rules; ///< tag, query
};

/// A story as deleteArticles() removed it, whole: what restoreArticles() puts back (the
/// window's undo), with its id, flags, tags and place in the tagging pass.
struct DeletedStory {
    Article article; ///< with its id, flags and tags' names and kinds
    QByteArray identity;
    std::optional<qint64> sourceId;
    std::optional<qint64> subscriptionId;
    std::optional<qint64> taggedWith;
    std::optional<qint64> updatedAt;
    qint64 importedAt = 0;
    struct TagRow {
        QString name;
        QString kind;
        QString origin;
        double score = 1.0;
    };
    QList<TagRow> tagRows;
};

/// The read/write API over one library file: the only place that knows the schema.
/// One instance per thread (each holds its own connection); not copyable or movable,
/// so prepared statements stay bound to it.
class ArticleStore final {
public:
    /// Salvage: read-only, as the library file holds it, whatever a health check says (a
    /// damaged library's readable stories, to export; never written).
    enum class OpenMode { OpenExisting, CreateIfMissing, Salvage };

    /// Opens (and migrates) a library. A file from a newer Broadsheet, or one that is not a
    /// library, is refused without being modified.
    static Result<std::unique_ptr<ArticleStore>> open(const QString& path, OpenMode mode);

    ArticleStore(const ArticleStore&) = delete;
    ArticleStore& operator=(const ArticleStore&) = delete;
    ~ArticleStore();

    /// The library's file (for a salvaged one, the damaged file, not the copy it reads).
    const QString& path() const { return m_path.isEmpty() ? m_db.path() : m_path; }
    /// Opened read-only: the file or its folder cannot be written.
    bool readOnly() const { return m_readOnly; }
    Database& database() { return m_db; }

    /// Adds a batch in one transaction (or in the caller's, when one is open) and indexes it
    /// for full-text search. An article
    /// already in the library (same source and guid, or same normalised title + date +
    /// body) is a Duplicate. Sets `id` of the added ones.
    Result<QList<AddOutcome>> addArticles(QList<Article>& articles);
    /// The same, with each article's contentHash() already computed (on a worker thread).
    /// An article whose `ownTags` is true (a Broadsheet export) keeps exactly the tags it
    /// brings, stored as the file's: the tagging pass never adds to them or replaces them.
    /// The others wait for the tagging pass (taggedWith 0).
    /// `subscription` (when not 0): the subscription the stories come from.
    Result<QList<AddOutcome>> addArticles(QList<Article>& articles, const QList<QByteArray>& hashes,
                                          const QList<bool>& ownTags = {}, qint64 subscription = 0);
    /// The id the next article added will have (one above the highest so far).
    Result<ArticleId> nextArticleId();

    Result<qint64> count();
    /// Ids newest first (undated last), for the lazy story list; at most `limit` (-1: all).
    Result<QList<ArticleId>> articleIds(int limit = -1);
    Result<QList<ArticleSummary>> listArticles(int limit, int offset = 0);
    /// Summaries of the given ids, in the order given; unknown ids are left out.
    /// With `withSnippets`, each carries the beginning of its body as one line.
    Result<QList<ArticleSummary>> summaries(const QList<ArticleId>& ids, bool withSnippets = false);
    Result<std::optional<Article>> article(ArticleId id);
    /// Whole articles (with tags) of the given ids, in the order given; unknown ids are
    /// left out. For exports, which fetch a chunk at a time.
    Result<QList<Article>> articles(const QList<ArticleId>& ids);

    // ---- Feed stories, retention and deleting (article_store_lifecycle.cpp) ----
    /// Stores a feed's stories for `subscription` (0: none, a feed file imported by hand),
    /// each found again by its identity: a new one is added; a known one whose title, text,
    /// link or author the feed changed is updated in place, its read and starred flags and
    /// tags kept (the tagging pass retags it); one the user deleted, or retention removed,
    /// stays away. A story stored before without a subscription joins this one.
    Result<QList<AddOutcome>> storeFeedStories(QList<Article>& articles,
                                               const QList<QByteArray>& identities,
                                               qint64 subscription);
    /// Deletes stories (and their tags, and their words from the index), remembering each
    /// by its identity so that a feed does not bring it back. With `undo`, what was deleted
    /// is kept there for restoreArticles(). Returns how many went.
    Result<qint64> deleteArticles(const QList<ArticleId>& ids, QList<DeletedStory>* undo = nullptr);
    /// Puts deleted stories back as they were (same ids), unless the same story has been
    /// stored again since.
    Result<void> restoreArticles(const QList<DeletedStory>& stories);
    /// Removes what the subscription's retention (or the library's default) no longer keeps,
    /// never a starred story or one with a manual tag; returns how many went. Identities of
    /// deleted stories that no feed has offered for half a year are forgotten.
    Result<qint64> applyRetention(qint64 subscription, const QDateTime& now);
    /// The library's default retention (All unless set).
    Result<Retention> defaultRetention();
    Result<void> setDefaultRetention(const Retention& retention);

    Result<void> setRead(const QList<ArticleId>& ids, bool read);
    Result<void> setStarred(const QList<ArticleId>& ids, bool starred);

    Result<LibraryStats> stats();
    /// Unread and starred stories, counted from their index (cheap enough for the writer).
    struct FlagCounts {
        qint64 unread = 0;
        qint64 starred = 0;
    };
    Result<FlagCounts> flagCounts();
    Result<LibraryOverview> overview();
    /// Saves (or replaces) a search under a name.
    Result<void> saveSearch(const SavedSearch& search);
    Result<void> removeSavedSearch(const QString& name);
    /// Renames a saved search (refused when the new name is taken or empty).
    Result<void> renameSavedSearch(const QString& name, const QString& newName);
    /// The sidebar's order of the saved searches: these names first, in this order.
    Result<void> orderSavedSearches(const QStringList& names);
    // ---- Tags (article_store_tags.cpp) ----
    /// Tags the articles (the tag is made when new); returns how many were not tagged before.
    /// An article's own `tags` are stored by addArticles() the same way.
    Result<qint64> addTag(const QList<ArticleId>& ids, const QString& name,
                          TagKind kind = TagKind::Manual);
    /// Takes every tag of this name (any kind, any case) off the articles; returns how many.
    Result<qint64> removeTag(const QList<ArticleId>& ids, const QString& name);
    /// Every tag with its count, by kind then name.
    Result<QList<TagSummary>> tags();
    /// The names of the tags of these kinds, A to Z, without counting anything.
    Result<QStringList> tagNames(const QStringList& kinds);
    /// Renames every tag of this name; where the new name exists in the same kind, the
    /// two merge. Fails when no tag has the old name.
    Result<void> renameTag(const QString& from, const QString& to);
    /// Renames the source `from` (of any kind) to `to`; onto a source of that name and kind
    /// the two become one. The number of stories it holds now; NotFound when none is named
    /// `from`.
    Result<qint64> renameSource(const QString& from, const QString& to);
    /// Moves every article of `from` to `into` (the kind of `into` is kept), then drops `from`.
    Result<void> mergeTags(const QString& from, const QString& into);
    /// Deletes every tag of this name from the library, and any rule that makes it.
    Result<void> deleteTag(const QString& name);
    Result<void> setTagColor(const QString& name, const QString& color);
    /// Every tag of these names as it stands now (before a change the user may undo).
    Result<TagSnapshot> snapshotTags(const QStringList& names);
    /// Puts the tags of a snapshot's names back as they were: those it holds with their
    /// taggings and rules (taggings of stories deleted since are left out), and those it
    /// does not hold gone.
    Result<void> restoreTags(const TagSnapshot& snapshot);

    /// Saves (or replaces) a rule; the caller applies it (tagging/rule_tagger.h).
    /// Stores subscriptions (an OPML import); one already there by its URL is left as it is.
    /// Returns how many were new.
    Result<int> addSubscriptions(const QList<Subscription>& subscriptions);
    /// Every subscription, folder by folder, in the order they were added.
    Result<QList<Subscription>> subscriptions();
    /// Every subscription with what its last fetch left and its stories' counts, in the
    /// order they were added.
    Result<QList<SubscriptionState>> subscriptionStates();
    /// The same for one subscription, by id; nothing when there is none.
    Result<std::optional<SubscriptionState>> subscriptionState(qint64 id);
    /// Saves what the user chose for a subscription (by `id`): title, folder, interval,
    /// retention, images, notifications, credentials. Fails when there is none.
    Result<void> updateSubscription(const SubscriptionState& state);
    /// Whether the story comes from a subscription whose images load without asking.
    Result<bool> loadsImages(ArticleId id);
    /// Unsubscribes; its stories stay (no longer linked to it) or, with `deleteStories`, go
    /// too. Returns how many stories were deleted. A synced subscription is unsubscribed on
    /// its server with the next sync, as one renamed or moved by updateSubscription() is.
    Result<qint64> removeSubscription(qint64 id, bool deleteStories);
    /// Marks every story of the subscription read; returns how many were unread. A synced
    /// one's server is told with one change for the whole feed ("every story you had now"),
    /// not one per story, so what reached the server since stays unread there.
    Result<qint64> markSubscriptionRead(qint64 id);
    /// Records what a fetch left (by `id`); a new `url` (a permanent redirect) is taken
    /// unless another subscription has it already.
    Result<void> recordFetch(const SubscriptionState& state);

    Result<void> saveRule(const TaggingRule& rule);
    Result<bool> removeRule(const QString& tag);
    Result<QList<TaggingRule>> rules();

    // ---- Sync with feed servers (article_store_sync.cpp) ----
    /// Adds an account (its password is kept elsewhere); `ErrorCode::Exists` when the
    /// library has it.
    Result<qint64> addAccount(const QString& kind, const QString& url, const QString& user);
    Result<QList<SyncAccount>> accounts();
    Result<std::optional<SyncAccount>> account(qint64 id);
    /// Saves where the account's sync stands (by `id`).
    Result<void> recordSync(const SyncAccount& account);
    /// Removes the account with its subscriptions; their stories stay. False when there was
    /// none.
    Result<bool> removeAccount(qint64 id);
    /// Makes the account's subscriptions what the server lists: new ones added (a feed the
    /// library has joins the account), changed ones updated, ones the server no longer has
    /// removed (their stories stay). Returns the server's feed ids → subscription ids.
    Result<QHash<QString, qint64>> syncSubscriptions(qint64 account,
                                                     const QList<RemoteSubscription>& remote);
    /// Records which story each of the server's items became.
    Result<void> linkRemoteItems(qint64 account, const QList<std::pair<QString, ArticleId>>& items);
    /// Sets read and starred on the account's stories as the server has them (read unless
    /// in `unread`; starred when in `starred`). A story with a change of its own waiting in
    /// the queue keeps it. Returns how many stories changed.
    /// Stories in `keep` (items the server no longer has) keep their state.
    Result<qint64> applyRemoteFlags(qint64 account, const QSet<QString>& unread,
                                    const QSet<QString>& starred, const QSet<QString>& keep = {});
    /// Makes the labels of the server's items (remote id → its labels, all of them) the
    /// stories' tags of kind label; a story whose own label change waits keeps its own.
    Result<void> setRemoteLabels(qint64 account, const QHash<QString, QStringList>& labels);
    /// The server's ids of every story the account synced.
    Result<QStringList> remoteItemIds(qint64 account);
    /// The server's ids of the account's stories that are starred or carry a label here:
    /// what a sync would take away if the server lost them.
    Result<QStringList> keptRemoteItemIds(qint64 account);
    /// The account's changes waiting for the server, oldest first; setRead() and
    /// setStarred() queue them for synced stories, addTag() and removeTag() for labels.
    Result<QList<QueuedChange>> queuedChanges(qint64 account);
    Result<void> dropQueuedChanges(const QList<qint64>& ids);
    static const char* queuedChangeName(QueuedChange::Kind kind);

    // ---- The tagging pass's state (article_store_tagging.cpp) ----
    /// The number of the tagger whose code and data carry `signature`: a new signature gets
    /// a number above every earlier one, so a story tagged with a lower number is stale.
    Result<qint64> taggerGeneration(const QString& signature);
    /// Stories the tagger of `generation` has yet to tag (never tagged, or by an older one).
    Result<qint64> staleCount(qint64 generation);
    /// The same for the tagger with this signature, without recording it (for `check`): a
    /// tagger that never ran here has every story the tagger tags still to do.
    Result<qint64> staleCount(const QString& signature);
    /// The first `limit` stale stories after `afterId`, by id: their title and body.
    Result<QList<Article>> staleArticles(qint64 generation, ArticleId afterId, int limit);
    /// Marks every story the tagger tags as stale (`retag --all`): a pass retags them all,
    /// and one killed halfway resumes where it stopped.
    Result<void> markAllStale();
    /// What the tagger found in one story: its entity and keyword tags.
    struct DerivedTags {
        ArticleId id = 0;
        QList<Tag> entities;  ///< person, organization or place
        QStringList keywords; ///< best first
        /// Its profile for related stories (discovery/term_profile.h): stems and weights.
        QList<std::pair<QByteArray, int>> profile;
        /// Its near-duplicate signature (discovery/near_duplicates.h); empty: too short.
        QByteArray signature;
    };
    /// Replaces each story's entity and keyword tags with these and records `generation`
    /// on it, in the caller's transaction: a story is tagged whole or not at all. Manual,
    /// rule and file tags are never touched. Stories that a file tags are left alone.
    Result<void> storeDerivedTags(const QList<DerivedTags>& tagged, qint64 generation);
    /// Drops entity and keyword tags that no story carries any more.
    Result<void> dropUnusedTags();
    /// In how many stories each stem occurs, from the full-text index's own statistics.
    Result<QList<qint64>> documentFrequencies(const QList<QByteArray>& stems);
    /// Every stem of the index with the number of stories it occurs in (read once: cheaper
    /// than looking most of them up one by one).
    Result<QHash<QByteArray, qint64>> vocabulary();

    // ---- Discovery: related stories and versions of one story (article_store_discovery.cpp)
    /// A story found like another, with how alike (the cosine of their profiles, 0 to 1).
    struct Related {
        ArticleId id = 0;
        double score = 0;
    };
    /// The stories most like this one, most alike first: by their profiles' terms, then by
    /// the people, organisations and places they share. Its own versions are left out.
    /// Empty when the story has no profile yet (the tagging pass has not reached it).
    Result<QList<Related>> relatedStories(ArticleId id, int limit = 10);
    /// The other versions of this story (its near-duplicates), newest first.
    Result<QList<ArticleId>> versions(ArticleId id);
    /// Every story that has versions, with the key it shares with them.
    Result<QHash<ArticleId, ArticleId>> clusterKeys();
    /// A person, organisation or place as the library knows it: the entity page.
    struct EntityOverview {
        QString name; ///< as tagged (the case the tags use)
        QString kind; ///< person, organization or place
        qint64 stories = 0;
        QMap<QString, qint64> months; ///< "YYYY-MM" → stories that month
        qint64 undated = 0;
        QList<CountedName> alongside; ///< the names most often in the same stories
    };
    /// The entity tag of this name (any case; of the kinds, the one with most stories), or
    /// nothing when no person, organisation or place has it.
    Result<std::optional<EntityOverview>> entityOverview(const QString& name, int alongside = 10);
    /// Drops the profiles of deleted stories, with their postings and bands.
    Result<void> dropOrphanedProfiles();
    /// A tagging pass over much of the library, `stories` of them, begins: the writer's
    /// page cache grows for it (its indexes' pages are read all over) and, with
    /// `filterBands`, the bands are read into a filter once, so that a story with no
    /// earlier version skips its lookups. Each call has its endLargePass().
    Result<void> beginLargePass(qint64 stories, bool filterBands);
    void endLargePass();

    /// Runs SQLite's and FTS5's integrity checks; returns the problems found (empty = sound).
    Result<QStringList> check();

    /// The hash that makes two file articles the same story: normalised title, date and body.
    static QByteArray contentHash(const Article& article);

private:
    explicit ArticleStore(Database db);
    Result<void> configure();
    Result<qint64> sourceId(const QString& name);
    Result<qint64> tagId(const QString& name, const QString& kind);
    /// removeSubscription() without telling a server (it said so itself, or its account goes).
    Result<qint64> dropSubscription(qint64 id, bool deleteStories);
    Result<void> storeTags(const QList<Article>& articles, const QList<AddOutcome>& outcomes,
                           const QList<bool>& ownTags);
    /// Stores the stories' profiles and signatures, and joins each to the versions of it
    /// stored before (article_store_discovery.cpp): in storeDerivedTags()'s transaction.
    Result<void> storeProfiles(const QList<const DerivedTags*>& stories);

    static constexpr int kCacheKib = 32768;
    static constexpr int kLargePassCacheKib = 131072;
    /// The statement that sets the page cache to `kib` kilobytes.
    static QByteArray cacheSize(int kib);

    Database m_db;
    bool m_readOnly = false;
    QString m_path; ///< set when it differs from the connection's file
    QHash<QString, qint64> m_sourceIds;
    void forgetTagIds();
    /// Per kind (TagKind), name → id; forgotten when tags change.
    std::array<QHash<QString, qint64>, kTagKindCount> m_tagIds;
    std::unique_ptr<Statement> m_findTag; ///< prepared on first use and kept: see tagId()
    std::unique_ptr<Statement> m_insertTag;
    int m_largePasses = 0;
    std::unique_ptr<BandFilter> m_bandFilter; ///< while a large pass runs: see beginLargePass()
    qint64 m_bandFilterVersion =
        0; ///< data_version it was read at: another program's write ends it
};

} // namespace broadsheet::core
