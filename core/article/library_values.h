// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "article/published_date.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// Value types that the store, search, tagging and the front ends share. They live apart
// from any class that computes them, so no folder needs another's header for them.
namespace broadsheet::core {

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
    qint64 unread = 0; ///< sources only: how many of them are unread

    friend bool operator==(const CountedName&, const CountedName&) = default;
};

/// A search the user saved under a name, shown in the window's sidebar.
struct SavedSearch {
    QString name;
    QString query;

    friend bool operator==(const SavedSearch&, const SavedSearch&) = default;
};

/// A feed the user subscribes to: from an OPML list now, fetched and kept fresh by the
/// subscriptions of issue 14.
struct Subscription {
    QString url;         ///< the feed's own URL (OPML's xmlUrl)
    QString title;       ///< what the list calls it
    QString siteUrl;     ///< the site it belongs to (htmlUrl)
    QStringList folders; ///< the folder it sits in, outermost first; empty at the top
    /// Further folders and tags the list files it under (OPML's category attribute:
    /// "/News/World,tech"), each a path, outermost first.
    QList<QStringList> categories;
    friend bool operator==(const Subscription&, const Subscription&) = default;
};

/// How long a subscription's stories are kept. Starred stories and stories with a manual
/// tag are kept whatever it says.
struct Retention {
    enum class Mode {
        Default, ///< the library's default (itself All unless the user set one)
        All,     ///< keep everything
        Days,    ///< stories newer than `value` days (by date, else by arrival)
        Newest,  ///< the newest `value` stories
    };
    Mode mode = Mode::Default;
    int value = 0;

    /// "", "all", "days:N" or "newest:N": how the library stores it, how the CLI takes it.
    QString toString() const;
    /// The same, or nothing for anything else (N must be 1 or more).
    static std::optional<Retention> fromString(QStringView text);
    friend bool operator==(const Retention&, const Retention&) = default;
};

/// Where a subscription stands with its server: what a refresh needs and what it left.
struct SubscriptionState {
    qint64 id = 0;
    QString url;
    QString title;
    QByteArray etag; ///< validators of the last full answer
    QByteArray lastModified;
    QDateTime lastSuccess;   ///< invalid: never fetched
    int lastStatus = 0;      ///< the last HTTP status; 0: none (no answer, or never asked)
    QString lastError;       ///< empty when the last refresh worked
    int failures = 0;        ///< in a row: the back-off grows with them
    QDateTime nextRefresh;   ///< invalid: never again (the feed is gone)
    int intervalMinutes = 0; ///< the user's; 0 takes the feed's hints, else an hour
    // What the user chose for it.
    QStringList folders; ///< outermost first; empty at the top
    QString siteUrl;
    Retention retention;
    bool loadImages = false; ///< show its stories' remote images without asking
    bool notify = false;     ///< a desktop notification when new stories arrive
    QString user;            ///< HTTP Basic, for the feed's own host only
    QString password;        ///< never shown, logged or exported
    // Its stories, counted when listed.
    qint64 stories = 0;
    qint64 unread = 0;
    /// The sync account it comes from (0: subscribed here): its server refreshes it.
    qint64 accountId = 0;
};

/// A feed server account that the library syncs with (issue 18). Its password is never in
/// the library: the system keyring or a file only the user reads holds it.
struct SyncAccount {
    qint64 id = 0;
    QString kind; ///< "greader" or "ttrss"
    QString url;  ///< the API's address
    QString user;
    QDateTime lastSync; ///< invalid: never synced whole
    QString lastError;  ///< empty when the last sync worked
    /// Where a first sync that was cut short goes on from ("" when none is under way).
    QString continuation;
    bool firstSyncDone = false;
    /// The newest change the server reported: the next sync asks for what came after.
    QDateTime newestSeen;
    qint64 queued = 0; ///< changes made here that wait for the server (when listed)
};

/// A subscription as a feed server has it.
struct RemoteSubscription {
    QString id; ///< the server's id ("feed/12" on FreshRSS, "12" on TT-RSS)
    QString title;
    QString url;     ///< the feed's own address
    QString siteUrl; ///< its web site
    QString folder;  ///< "" when in none
};

/// A change made here to a synced story or subscription, waiting in the library for its
/// server.
struct QueuedChange {
    qint64 id = 0;
    enum class Kind {
        Read,
        Unread,
        Star,
        Unstar,
        AddLabel,
        RemoveLabel,
        Unsubscribe,
        Rename,
        Move,
        ReadFeed ///< every story of the feed the server had when it was queued
    };
    Kind kind = Kind::Read;
    QString itemId; ///< the server's id of the story (of the feed, for the last four)
    QString label;  ///< the label; the new title (Rename); the new folder (Move)
    /// When it was queued (ReadFeed: to the millisecond, so that what the server had by then
    /// is what is marked).
    QDateTime queuedAt;
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
    /// The subscriptions with their counts and state, without their passwords.
    QList<SubscriptionState> subscriptions;
    QList<SyncAccount> accounts;  ///< the feed servers it syncs with, and how they last went
    QMap<QString, qint64> months; ///< "YYYY-MM" → stories published then, for the timeline
    qint64 undated = 0;           ///< stories with no date (the timeline counts them apart)
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

/// The kinds of tag: a closed set. Files and the database spell them as names (nameOf());
/// a name this Broadsheet does not know is read as Manual by the store, so a tag from a
/// hand-written or newer file is kept as the user's own.
enum class TagKind { Manual, Person, Organization, Place, Keyword, Rule, Category, Label };
inline constexpr int kTagKindCount = 8;

namespace tag_kind {
inline constexpr const char* kManual = "manual";
inline constexpr const char* kPerson = "person";
inline constexpr const char* kOrganization = "organization";
inline constexpr const char* kPlace = "place";
inline constexpr const char* kKeyword = "keyword";
inline constexpr const char* kRule = "rule";
inline constexpr const char* kCategory = "category"; ///< a feed's own category of an item
inline constexpr const char* kLabel = "label"; ///< a sync server's label of a story (both ways)
/// "manual", "person", "organization", "place", "keyword", "rule", "category" or "label".
QString nameOf(TagKind kind);
/// The kind a name spells, or nothing.
std::optional<TagKind> fromName(QStringView name);
/// Where a tag of this kind comes from (article_tags.origin): "entity" for people,
/// organisations and places; otherwise the kind's name.
QString originOf(TagKind kind);
/// The same for a kind's name (an unknown one is its own origin).
QString originOf(const QString& kind);
bool isKnown(const QString& kind);
} // namespace tag_kind

} // namespace broadsheet::core
