// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include "database.h"

#include <QDir>

#include <array>

namespace broadsheet::core::schema {

namespace {

// Each entry brings the schema from version N to N + 1. Never edit a shipped step:
// add a new one. user_version is set by the code, in the same transaction.
constexpr std::array kMigrations = {
    // 0 → 1: sources, articles and the full-text index.
    R"sql(
CREATE TABLE sources (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    kind  TEXT NOT NULL DEFAULT 'folder',
    url   TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, name, url)
);

CREATE TABLE articles (
    id                  INTEGER PRIMARY KEY,
    source_id           INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    title               TEXT NOT NULL DEFAULT '',
    section             TEXT NOT NULL DEFAULT '',
    author              TEXT NOT NULL DEFAULT '',
    url                 TEXT NOT NULL DEFAULT '',
    guid                TEXT,
    path                TEXT NOT NULL DEFAULT '',
    published_at        INTEGER,
    published_precision INTEGER NOT NULL DEFAULT 0,
    imported_at         INTEGER NOT NULL,
    body                TEXT NOT NULL DEFAULT '',
    html                TEXT,
    is_read             INTEGER NOT NULL DEFAULT 0,
    is_starred          INTEGER NOT NULL DEFAULT 0,
    content_hash        BLOB NOT NULL
);
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
CREATE UNIQUE INDEX articles_source_guid ON articles(source_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_published ON articles(published_at DESC, id DESC);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_section ON articles(section COLLATE NOCASE);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, author,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- No AFTER INSERT trigger: a trigger makes every INSERT a statement transaction, and FTS5
-- flushes its pending index at each savepoint, which halves import speed. ArticleStore
-- indexes new rows itself, in the same transaction. Deletes and edits are rare: triggers.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, author)
    VALUES ('delete', old.id, old.title, old.body, old.author);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, author ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, author)
    VALUES ('delete', old.id, old.title, old.body, old.author);
    INSERT INTO articles_fts(rowid, title, body, author)
    VALUES (new.id, new.title, new.body, new.author);
END;
)sql",
    // 1 → 2: tags (one table for every origin) and saved searches.
    R"sql(
CREATE TABLE tags (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL,
    color  TEXT NOT NULL DEFAULT '',
    UNIQUE (name, kind)
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    origin     TEXT NOT NULL,
    score      REAL NOT NULL DEFAULT 1.0,
    PRIMARY KEY (article_id, tag_id, origin)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE TABLE saved_searches (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    query  TEXT NOT NULL
);
)sql",
    // v3: tagging rules (a saved search that tags what it matches, now and at every import).
    R"sql(
CREATE TABLE rules (
    id     INTEGER PRIMARY KEY,
    tag    TEXT NOT NULL UNIQUE,
    query  TEXT NOT NULL
);
CREATE INDEX tags_name ON tags(name COLLATE NOCASE);
)sql",
    // v4: FTS5 gathers up to 64 MiB of new postings in memory before writing a segment (the
    // default is 1 MiB). Fewer, larger segments leave less to merge: an import of 10,000
    // stories runs 40 % fewer instructions. The setting lives in the index's config table.
    R"sql(
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 67108864);
)sql",
    // v5: tagging is a pass after storing. Each story records the tagger that tagged it
    // (a row of taggers: one per version of its code and word lists, numbered in the order
    // they first ran here); 0 is "not yet", NULL "the file's tags are its own". Stories
    // from before v5 were tagged at import by an older tagger: 0, so the pass retags them.
    R"sql(
CREATE TABLE taggers (
    id         INTEGER PRIMARY KEY,
    signature  TEXT NOT NULL UNIQUE
);
ALTER TABLE articles ADD COLUMN tagged_with INTEGER DEFAULT 0;
CREATE INDEX articles_tagged_with ON articles(tagged_with);
-- The window's Unread and Starred counts, read by the writer in order with every change:
-- from this index, not from a scan of the articles.
CREATE INDEX articles_flags ON articles(is_read, is_starred);
)sql",
    // v6: the feeds the user subscribes to, from an OPML list for now (issue 14 fetches
    // them). A folder path is its names joined by U+001F, outermost first; '' at the top.
    // Its further categories are such paths joined by U+001E.
    R"sql(
CREATE TABLE subscriptions (
    id        INTEGER PRIMARY KEY,
    url       TEXT NOT NULL UNIQUE,
    title     TEXT NOT NULL DEFAULT '',
    site_url  TEXT NOT NULL DEFAULT '',
    folder    TEXT NOT NULL DEFAULT '',
    categories TEXT NOT NULL DEFAULT '',
    added_at  INTEGER NOT NULL,
    -- What the last fetch left (issue 14): validators for a conditional GET, when it last
    -- worked and how it last failed, when to ask next (NULL: stop, the feed is gone).
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_success  INTEGER,
    last_status   INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0,
    next_refresh  INTEGER DEFAULT 0,
    interval_minutes INTEGER NOT NULL DEFAULT 0 -- 0: from the feed's hints, else an hour
);
)sql",
    // v7: stories know their subscription (its unread count, its retention, unsubscribing
    // with its stories); a story a feed changed records when; what the user deleted, or
    // retention removed, is remembered by its identity so the next refresh does not bring it
    // back (seen_at: when a feed last offered it; forgotten some months after it stops).
    // Per subscription: how long to keep stories ('' the library's default, 'all',
    // 'days:N', 'newest:N'), images, notifications and HTTP Basic credentials. Settings of
    // the library itself (the default retention) are keys and values.
    R"sql(
ALTER TABLE articles ADD COLUMN subscription_id INTEGER
    REFERENCES subscriptions(id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN updated_at INTEGER;
CREATE INDEX articles_subscription ON articles(subscription_id, is_read)
    WHERE subscription_id IS NOT NULL;
ALTER TABLE subscriptions ADD COLUMN retention TEXT NOT NULL DEFAULT '';
ALTER TABLE subscriptions ADD COLUMN load_images INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN notify INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN auth_user TEXT NOT NULL DEFAULT '';
ALTER TABLE subscriptions ADD COLUMN auth_password TEXT NOT NULL DEFAULT '';
CREATE TABLE deleted_stories (
    identity  BLOB PRIMARY KEY,
    seen_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // v8: saved searches keep the order the user gave them in the sidebar.
    R"sql(
ALTER TABLE saved_searches ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
)sql",
    // v9: discovery (issue 17), written by the tagging pass. Each story's profile: its
    // most telling terms as a unit tf-idf vector (term ids, hashes of the stems, and weights) and
    // its MinHash
    // signature over word shingles. term_postings is the vectors' inverted index, each
    // term's stories by weight, for "more like this"; near_duplicate_bands the signatures'
    // LSH bands (of the first story of each group only), to find a new story's
    // near-duplicates without reading the library.
    // cluster_id: the key its near-duplicates share (NULL: it has none). Profiles of deleted
    // stories are dropped by the next pass, with their postings and bands (deleted_profiles
    // names them, so the pass need not look through every profile).
    R"sql(
CREATE TABLE article_profiles (
    article_id INTEGER PRIMARY KEY,
    terms      BLOB NOT NULL,
    signature  BLOB,
    bucket     INTEGER NOT NULL DEFAULT -1
);
CREATE TABLE term_postings (
    term_id    INTEGER NOT NULL,
    weight     INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (term_id, weight, article_id)
) WITHOUT ROWID;
CREATE TABLE near_duplicate_bands (
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
ALTER TABLE articles ADD COLUMN cluster_id INTEGER;
CREATE INDEX articles_cluster ON articles(cluster_id) WHERE cluster_id IS NOT NULL;
CREATE TABLE deleted_profiles (
    article_id INTEGER PRIMARY KEY
);
CREATE TRIGGER articles_profile_delete AFTER DELETE ON articles BEGIN
    INSERT OR IGNORE INTO deleted_profiles(article_id) VALUES (old.id);
END;
)sql",
    // v10: the bands keyed by week first. A new story looks in its week and the weeks either
    // side; keyed by band alone those lookups (and the inserts) landed all over an index that
    // outgrew the cache at 100,000 stories. The week of each band is its story's bucket.
    R"sql(
CREATE TABLE near_duplicate_bands_by_week (
    bucket     INTEGER NOT NULL,
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (bucket, band, article_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO near_duplicate_bands_by_week(bucket, band, article_id)
    SELECT p.bucket, b.band, b.article_id FROM near_duplicate_bands b
    JOIN article_profiles p ON p.article_id = b.article_id;
DROP TABLE near_duplicate_bands;
ALTER TABLE near_duplicate_bands_by_week RENAME TO near_duplicate_bands;
)sql",
    // v11: sync with feed servers (issue 18). An account is a server, a kind of API and a
    // user (the password is never here). Its subscriptions are the library's own, marked
    // with the account and the server's id; remote_items maps the server's item ids to the
    // stories they became; sync_queue holds the changes made here that wait for the server,
    // in order, so that they survive a closed program and a server that is down.
    R"sql(
CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    url        TEXT NOT NULL,
    user       TEXT NOT NULL,
    added_at   INTEGER NOT NULL,
    last_sync  INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    continuation TEXT NOT NULL DEFAULT '',
    first_sync_done INTEGER NOT NULL DEFAULT 0,
    newest_seen INTEGER,
    UNIQUE (kind, url, user)
);
ALTER TABLE subscriptions ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL;
ALTER TABLE subscriptions ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX subscriptions_remote ON subscriptions(account_id, remote_id)
    WHERE account_id IS NOT NULL;
CREATE TABLE remote_items (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_id  TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, remote_id)
) WITHOUT ROWID;
CREATE INDEX remote_items_article ON remote_items(article_id);
CREATE TABLE sync_queue (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    queued_at  INTEGER NOT NULL
);
CREATE INDEX sync_queue_item ON sync_queue(account_id, item_id);
)sql",
};

// PRAGMA user_version takes no bound parameters; the value is one of ours, never user text.
constexpr std::array kSetVersion = {
    "PRAGMA user_version = 1",  "PRAGMA user_version = 2",  "PRAGMA user_version = 3",
    "PRAGMA user_version = 4",  "PRAGMA user_version = 5",  "PRAGMA user_version = 6",
    "PRAGMA user_version = 7",  "PRAGMA user_version = 8",  "PRAGMA user_version = 9",
    "PRAGMA user_version = 10", "PRAGMA user_version = 11",
};
static_assert(kSetVersion.size() == kMigrations.size());

} // namespace

int currentVersion()
{
    return static_cast<int>(kMigrations.size());
}

Result<int> versionOf(Database& db)
{
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    return static_cast<int>(*version);
}

Result<void> migrate(Database& db, int target)
{
    if (target < 0)
        target = currentVersion();
    auto version = versionOf(db);
    if (!version)
        return version.error();
    if (*version > currentVersion()) {
        return Error{ErrorCode::NewerLibrary,
                     QStringLiteral("%1: this library was written by a newer Broadsheet (schema "
                                    "version %2; this one knows up to %3). Update Broadsheet to "
                                    "open it; the file was not changed.")
                         .arg(QDir::toNativeSeparators(db.path()))
                         .arg(*version)
                         .arg(currentVersion())};
    }
    for (int from = *version; from < target; ++from) {
        auto transaction = Transaction::begin(db);
        if (!transaction)
            return transaction.error();
        if (auto r = db.exec(kMigrations[static_cast<size_t>(from)]); !r)
            return r.error();
        if (auto r = db.exec(kSetVersion[static_cast<size_t>(from)]); !r)
            return r.error();
        if (auto r = transaction->commit(); !r)
            return r.error();
    }
    return {};
}

} // namespace broadsheet::core::schema
