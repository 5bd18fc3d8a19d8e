// SPDX-License-Identifier: GPL-3.0-or-later
#include "article_store.h"

#include "backups.h"
#include "discovery/near_duplicates.h"
#include "library_health.h"
#include "schema.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace broadsheet::core {

namespace {

ArticleSummary readSummary(const Statement& row)
{
    // Columns: id, title, source, section, published_at, published_precision, is_read,
    // is_starred.
    ArticleSummary summary;
    summary.id = row.int64(0);
    summary.title = row.text(1);
    summary.source = row.text(2);
    summary.section = row.text(3);
    summary.published =
        PublishedDate::fromStorage(row.optionalInt64(4), static_cast<int>(row.int64(5)));
    summary.read = row.int64(6) != 0;
    summary.starred = row.int64(7) != 0;
    return summary;
}

/// Sets a flag where it differs; a synced story's change waits in the sync queue for its
/// server (as `queued`, the change's name), in the same transaction.
Result<void> setFlag(Database& db, const char* sql, const QList<ArticleId>& ids, bool value,
                     const char* queued)
{
    auto transaction = Transaction::beginOrJoin(db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    auto queue = db.prepare("INSERT INTO sync_queue(account_id, kind, item_id, queued_at) SELECT "
                            "account_id, ?2, remote_id, ?3 FROM remote_items WHERE article_id = "
                            "?1");
    if (!queue)
        return queue.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (ArticleId id : ids) {
        stmt->bind(1, value).bind(2, id);
        if (auto r = stmt->run(); !r)
            return r.error();
        if (db.changes() > 0) {
            queue->bind(1, id).bind(2, QString::fromLatin1(queued)).bind(3, now);
            if (auto r = queue->run(); !r)
                return r.error();
            queue->reset();
        }
    }
    return transaction->commit();
}

} // namespace

namespace {

#ifdef Q_OS_UNIX
bool canWrite(const QString& path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}
#else
bool canWrite(const QString& path)
{
    return QFileInfo(path).isWritable();
}
#endif

} // namespace

Result<std::unique_ptr<ArticleStore>> ArticleStore::open(const QString& path, OpenMode mode)
{
    // An empty, cut-short or foreign file, or one whose WAL vanished, is refused before
    // SQLite could read it as an empty library (or make it one).
    if (mode == OpenMode::OpenExisting && library_health::salvaged(path))
        mode = OpenMode::Salvage; // as this process's other connections to it
    const bool salvage = mode == OpenMode::Salvage;
    // Checked once, before this process's first connection: reading its files beside
    // SQLite's own connections would drop their locks.
    const bool checked = Database::isOpenHere(path);
    if (auto r = checked ? Result<void>() : library_health::checkFile(path); !r) {
        const QFileInfo damaged(path);
        if (!salvage || r.error().code != ErrorCode::Damaged || damaged.size() == 0)
            return r.error();
    }
    const bool create = mode == OpenMode::CreateIfMissing;
    const QFileInfo file(path);
    // A file or folder that cannot be written is opened read-only: reading, search and
    // export work, and a change is refused with a message. In a folder that cannot be
    // written no other program can write the library either (it would need its -wal file),
    // so SQLite may read it as unchanging.
    const bool folderWritable = canWrite(file.absolutePath());
    const bool readOnly = salvage || (file.exists() && (!canWrite(path) || !folderWritable));
    Database::Mode dbMode = create ? Database::Mode::ReadWriteCreate : Database::Mode::ReadWrite;
    if (salvage) {
        dbMode = Database::Mode::Immutable; // a copy of the file alone, nobody else's
    } else if (readOnly) {
        dbMode = !folderWritable && !QFileInfo::exists(path + QStringLiteral("-wal"))
                     ? Database::Mode::Immutable
                     : Database::Mode::ReadOnly;
    }
    QString opened = path;
    if (salvage) {
        auto copy = library_health::salvageCopy(path);
        if (!copy)
            return copy.error();
        opened = *copy;
    }
    auto db = Database::open(opened, dbMode);
    if (!db)
        return db.error();
    std::unique_ptr<ArticleStore> store(new ArticleStore(std::move(*db)));
    store->m_readOnly = readOnly;
    store->m_path = QFileInfo(path).absoluteFilePath();
    // Read the version before any pragma that writes (journal_mode=WAL does), so that a
    // newer file, or one that is not a library at all, is refused untouched.
    auto version = schema::versionOf(store->m_db);
    if (!version)
        return version.error();
    if (*version > schema::currentVersion())
        return schema::migrate(store->m_db).error(); // refuses, naming both versions
    if (readOnly) {
        if (*version < schema::currentVersion()) {
            return Error{ErrorCode::ReadOnly,
                         QStringLiteral("%1: the library is read-only and was written by an "
                                        "older Broadsheet; opening it means upgrading it, "
                                        "which writes to it. Make it writable, or copy it "
                                        "where it can be")
                             .arg(QDir::toNativeSeparators(path))};
        }
        if (auto r = store->m_db.exec("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"); !r)
            return r.error();
        if (auto r = store->m_db.exec(cacheSize(kCacheKib).constData()); !r)
            return r.error();
        return store;
    }
    if (auto r = store->configure(); !r)
        return r.error();
    if (*version > 0 && *version < schema::currentVersion()) {
        // A copy as it was, before the upgrade changes it: no upgrade without one.
        auto backup =
            backups::make(store->m_db, QStringLiteral("before-v%1").arg(schema::currentVersion()));
        if (!backup) {
            return Error{backup.error().code,
                         QStringLiteral("%1 (the library was left as it was, not upgraded)")
                             .arg(backup.error().message)};
        }
    }
    if (auto r = schema::migrate(store->m_db); !r)
        return r.error();
    return store;
}

ArticleStore::ArticleStore(Database db)
    : m_db(std::move(db))
{
    // Ids of sources and tags written in a transaction that rolled back (a full disk at
    // COMMIT) name no row: the next batch would store stories under them.
    m_db.setRollbackCallback([this] {
        m_sourceIds.clear();
        for (auto& ids : m_tagIds)
            ids.clear();
    });
}

ArticleStore::~ArticleStore() = default;

QByteArray ArticleStore::cacheSize(int kib)
{
    return "PRAGMA cache_size = -" + QByteArray::number(kib); // negative: kilobytes
}

Result<void> ArticleStore::configure()
{
    if (auto r = m_db.exec("PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA temp_store = MEMORY;");
        !r)
        return r;
    return m_db.exec(cacheSize(kCacheKib).constData());
}

QByteArray ArticleStore::contentHash(const Article& article)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(article.title.simplified().toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(article.published.toIso().toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(article.body.simplified().toUtf8());
    return hash.result();
}

Result<qint64> ArticleStore::sourceId(const QString& name)
{
    if (auto it = m_sourceIds.constFind(name); it != m_sourceIds.constEnd())
        return *it;
    auto insert = m_db.prepare(
        "INSERT INTO sources(name, kind, url) VALUES (?1, 'folder', '') ON CONFLICT DO NOTHING");
    if (!insert)
        return insert.error();
    if (auto r = insert->bind(1, name).run(); !r)
        return r.error();
    auto select = m_db.prepare("SELECT id FROM sources WHERE name = ?1 AND kind = 'folder' AND "
                               "url = ''");
    if (!select)
        return select.error();
    select->bind(1, name);
    auto row = select->step();
    if (!row)
        return row.error();
    const qint64 id = select->int64(0);
    m_sourceIds.insert(name, id);
    return id;
}

Result<qint64> ArticleStore::renameSource(const QString& from, const QString& to)
{
    const QString name = to.simplified();
    if (name.isEmpty())
        return Error{ErrorCode::Invalid, QStringLiteral("a source needs a name")};
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    auto sources = m_db.prepare("SELECT id, kind, url FROM sources WHERE name = ?1");
    if (!sources)
        return sources.error();
    sources->bind(1, from);
    struct Named {
        qint64 id;
        QString kind;
        QString url;
    };
    QList<Named> named;
    while (true) {
        auto row = sources->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        named.append({sources->int64(0), sources->text(1), sources->text(2)});
    }
    if (named.isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("there is no source '%1'").arg(from)};
    m_sourceIds.clear();
    qint64 stories = 0;
    for (const Named& source : named) {
        auto existing = m_db.prepare(
            "SELECT id FROM sources WHERE name = ?1 AND kind = ?2 AND url = ?3 AND id != ?4");
        if (!existing)
            return existing.error();
        existing->bind(1, name).bind(2, source.kind).bind(3, source.url).bind(4, source.id);
        auto found = existing->step();
        if (!found)
            return found.error();
        qint64 into = source.id;
        if (*found) { // onto one of that name: its stories move there
            into = existing->int64(0);
            auto move = m_db.prepare("UPDATE articles SET source_id = ?1 WHERE source_id = ?2");
            if (!move)
                return move.error();
            if (auto r = move->bind(1, into).bind(2, source.id).run(); !r)
                return r.error();
            auto drop = m_db.prepare("DELETE FROM sources WHERE id = ?1");
            if (!drop)
                return drop.error();
            if (auto r = drop->bind(1, source.id).run(); !r)
                return r.error();
        } else {
            auto rename = m_db.prepare("UPDATE sources SET name = ?1 WHERE id = ?2");
            if (!rename)
                return rename.error();
            if (auto r = rename->bind(1, name).bind(2, source.id).run(); !r)
                return r.error();
        }
        auto count = m_db.prepare("SELECT count(*) FROM articles WHERE source_id = ?1");
        if (!count)
            return count.error();
        count->bind(1, into);
        if (auto r = count->step(); !r)
            return r.error();
        stories += count->int64(0);
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return stories;
}

Result<QList<AddOutcome>> ArticleStore::addArticles(QList<Article>& articles)
{
    QList<QByteArray> hashes;
    hashes.reserve(articles.size());
    for (const Article& article : articles)
        hashes.append(contentHash(article));
    return addArticles(articles, hashes);
}

Result<ArticleId> ArticleStore::nextArticleId()
{
    auto highest = m_db.queryInt("SELECT coalesce(max(id), 0) FROM articles");
    if (!highest)
        return highest.error();
    return *highest + 1;
}

Result<QList<AddOutcome>> ArticleStore::addArticles(QList<Article>& articles,
                                                    const QList<QByteArray>& hashes,
                                                    const QList<bool>& ownTags, qint64 subscription)
{
    Q_ASSERT(hashes.size() == articles.size());
    Q_ASSERT(ownTags.isEmpty() || ownTags.size() == articles.size());
    QList<AddOutcome> outcomes;
    outcomes.reserve(articles.size());
    // Inside a caller's transaction (an import commits every few thousand articles), join it.
    auto transaction = Transaction::beginOrJoin(m_db); // or the caller's
    if (!transaction)
        return transaction.error();
    auto insert = m_db.prepare(
        "INSERT INTO articles(source_id, title, section, author, url, guid, path, published_at, "
        "published_precision, imported_at, body, is_read, is_starred, content_hash, tagged_with, "
        "html, subscription_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14, ?15, ?16, ?17) "
        "ON CONFLICT DO NOTHING");
    if (!insert)
        return insert.error();
    auto index = m_db.prepare(
        "INSERT INTO articles_fts(rowid, title, body, author) VALUES (?1, ?2, ?3, ?4)");
    if (!index)
        return index.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (qsizetype i = 0; i < articles.size(); ++i) {
        Article& article = articles[i];
        std::optional<qint64> source;
        if (!article.source.isEmpty()) {
            auto id = sourceId(article.source);
            if (!id)
                return id.error();
            source = *id;
        }
        // Title and body go to the table and the index: converted to UTF-8 once.
        const QByteArray title = article.title.toUtf8();
        const QByteArray body = article.body.toUtf8();
        const QByteArray author = article.author.toUtf8();
        insert->bind(1, source)
            .bindUtf8(2, title)
            .bindText(3, article.section)
            .bindUtf8(4, author)
            .bindText(5, article.url)
            .bind(6, article.guid.isEmpty() ? QString() : article.guid)
            .bindText(7, article.path)
            .bind(8, article.published.storageKey())
            .bind(9, article.published.storagePrecision())
            .bind(10, now)
            .bindUtf8(11, body)
            .bind(12, article.read)
            .bind(13, article.starred)
            .bind(14, hashes[i]);
        // 0: the tagging pass has yet to tag it; NULL: the file's tags are its own.
        if (!ownTags.isEmpty() && ownTags[i])
            insert->bindNull(15);
        else
            insert->bind(15, qint64{0});
        insert->bind(16, article.html.isEmpty() ? QString() : article.html);
        insert->bind(17, subscription > 0 ? std::optional<qint64>(subscription) : std::nullopt);
        if (auto r = insert->run(); !r)
            return r.error();
        if (m_db.changes() > 0) {
            article.id = m_db.lastInsertRowId();
            index->bind(1, article.id).bindUtf8(2, title).bindUtf8(3, body).bindUtf8(4, author);
            if (auto r = index->run(); !r)
                return r.error();
            outcomes.append(AddOutcome::Added);
        } else {
            outcomes.append(AddOutcome::Duplicate);
        }
    }
    if (auto r = storeTags(articles, outcomes, ownTags); !r)
        return r.error();
    if (auto r = transaction->commit(); !r)
        return r.error();
    return outcomes;
}

Result<qint64> ArticleStore::count()
{
    return m_db.queryInt("SELECT count(*) FROM articles");
}

Result<QList<ArticleId>> ArticleStore::articleIds(int limit)
{
    auto stmt =
        m_db.prepare("SELECT id FROM articles ORDER BY published_at DESC, id DESC LIMIT ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, qint64{limit});
    QList<ArticleId> ids;
    if (auto r = stmt->forEachRow([&ids](const Statement& row) { ids.append(row.int64(0)); }); !r)
        return r.error();
    return ids;
}

Result<QList<ArticleSummary>> ArticleStore::listArticles(int limit, int offset)
{
    auto stmt =
        m_db.prepare("SELECT a.id, a.title, coalesce(s.name, ''), a.section, a.published_at, "
                     "a.published_precision, a.is_read, a.is_starred, a.author FROM articles a "
                     "LEFT JOIN sources s ON s.id = a.source_id "
                     "ORDER BY a.published_at DESC, a.id DESC LIMIT ?1 OFFSET ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, limit < 0 ? qint64{-1} : qint64{limit}).bind(2, offset);
    QList<ArticleSummary> result;
    auto r = stmt->forEachRow([&result](const Statement& row) {
        result.append(readSummary(row));
        result.back().author = row.text(8);
    });
    if (!r)
        return r.error();
    return result;
}

Result<QList<ArticleSummary>> ArticleStore::summaries(const QList<ArticleId>& ids,
                                                      bool withSnippets)
{
    auto stmt = m_db.prepare(
        "SELECT a.id, a.title, coalesce(s.name, ''), a.section, a.published_at, "
        "a.published_precision, a.is_read, a.is_starred, "
        // Most relevant first: your own tags and rules', then names by the
        // tagger's score, then keywords.
        "(SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM article_tags "
        "x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id "
        "GROUP BY t.id ORDER BY CASE t.kind WHEN 'manual' THEN 0 WHEN 'rule' THEN 1 "
        "WHEN 'keyword' THEN 3 ELSE 2 END, max(x.score) DESC, t.name COLLATE NOCASE)), "
        "a.author, CASE WHEN ?2 THEN substr(a.body, 1, 400) ELSE '' END "
        "FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1");
    if (!stmt)
        return stmt.error();
    QList<ArticleSummary> result;
    result.reserve(ids.size());
    for (ArticleId id : ids) {
        stmt->bind(1, id).bind(2, qint64{withSnippets ? 1 : 0});
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (*row) {
            ArticleSummary summary = readSummary(*stmt);
            if (const QString tags = stmt->text(8); !tags.isEmpty())
                summary.tags = tags.split(QChar(31));
            summary.author = stmt->text(9);
            // One line of the body: its words as they run, the length a row can show.
            summary.snippet = stmt->text(10).simplified().left(240);
            result.append(std::move(summary));
        }
        stmt->reset();
    }
    return result;
}

Result<std::optional<Article>> ArticleStore::article(ArticleId id)
{
    auto found = articles({id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Article>();
    return std::optional<Article>(std::move(found->first()));
}

// Two statements prepared once for the whole list, in one read transaction (one snapshot,
// one lock): an export fetches 100,000 this way.
Result<QList<Article>> ArticleStore::articles(const QList<ArticleId>& ids)
{
    auto transaction = ReadTransaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto stmt = m_db.prepare(
        "SELECT a.id, a.title, a.section, a.author, coalesce(s.name, ''), a.url, a.guid, a.path, "
        "a.published_at, a.published_precision, a.body, a.is_read, a.is_starred, a.html "
        "FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1");
    if (!stmt)
        return stmt.error();
    auto tags = m_db.prepare("SELECT DISTINCT t.name, t.kind, t.color FROM article_tags at "
                             "JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?1 "
                             "ORDER BY t.kind, t.name");
    if (!tags)
        return tags.error();
    QList<Article> found;
    found.reserve(ids.size());
    for (ArticleId id : ids) {
        stmt->reset();
        stmt->bind(1, id);
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            continue;
        Article article;
        article.id = stmt->int64(0);
        article.title = stmt->text(1);
        article.section = stmt->text(2);
        article.author = stmt->text(3);
        article.source = stmt->text(4);
        article.url = stmt->text(5);
        article.guid = stmt->text(6);
        article.path = stmt->text(7);
        article.published =
            PublishedDate::fromStorage(stmt->optionalInt64(8), static_cast<int>(stmt->int64(9)));
        article.body = stmt->text(10);
        article.read = stmt->int64(11) != 0;
        article.starred = stmt->int64(12) != 0;
        article.html = stmt->text(13);
        tags->reset();
        tags->bind(1, id);
        auto r = tags->forEachRow([&article](const Statement& tagRow) {
            article.tags.append(Tag{tagRow.text(0), tagRow.text(1), tagRow.text(2)});
        });
        if (!r)
            return r.error();
        found.append(std::move(article));
    }
    return found;
}

Result<void> ArticleStore::setRead(const QList<ArticleId>& ids, bool read)
{
    return setFlag(m_db, "UPDATE articles SET is_read = ?1 WHERE id = ?2 AND is_read != ?1", ids,
                   read, read ? "read" : "unread");
}

Result<void> ArticleStore::setStarred(const QList<ArticleId>& ids, bool starred)
{
    return setFlag(m_db, "UPDATE articles SET is_starred = ?1 WHERE id = ?2 AND is_starred != ?1",
                   ids, starred, starred ? "star" : "unstar");
}

Result<LibraryStats> ArticleStore::stats()
{
    auto stmt = m_db.prepare(
        "SELECT count(*), coalesce(sum(is_read = 0), 0), coalesce(sum(is_starred), 0), "
        "(SELECT count(*) FROM sources), (SELECT count(*) FROM tags) FROM articles");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    LibraryStats stats;
    stats.articles = stmt->int64(0);
    stats.unread = stmt->int64(1);
    stats.starred = stmt->int64(2);
    stats.sources = stmt->int64(3);
    stats.tags = stmt->int64(4);

    auto range = m_db.prepare(
        "SELECT * FROM (SELECT published_at, published_precision FROM articles "
        "WHERE published_at IS NOT NULL ORDER BY published_at ASC LIMIT 1) "
        "UNION ALL SELECT * FROM (SELECT published_at, published_precision FROM articles "
        "WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1)");
    if (!range)
        return range.error();
    for (int i = 0;; ++i) {
        auto r = range->step();
        if (!r)
            return r.error();
        if (!*r)
            break;
        auto date =
            PublishedDate::fromStorage(range->optionalInt64(0), static_cast<int>(range->int64(1)));
        (i == 0 ? stats.oldest : stats.newest) = date;
    }
    stats.fileBytes = QFileInfo(path()).size() + QFileInfo(path() + QStringLiteral("-wal")).size();
    return stats;
}

Result<ArticleStore::FlagCounts> ArticleStore::flagCounts()
{
    auto unread = m_db.queryInt("SELECT count(*) FROM articles WHERE is_read = 0");
    if (!unread)
        return unread.error();
    auto starred = m_db.queryInt("SELECT count(*) FROM articles WHERE is_read IN (0, 1) AND "
                                 "is_starred = 1");
    if (!starred)
        return starred.error();
    return FlagCounts{*unread, *starred};
}

Result<LibraryOverview> ArticleStore::overview()
{
    LibraryOverview overview;
    auto stats = this->stats();
    if (!stats)
        return stats.error();
    overview.articles = stats->articles;
    overview.unread = stats->unread;
    overview.starred = stats->starred;

    auto collect = [this](const char* sql, QList<CountedName>& out) -> Result<void> {
        auto stmt = m_db.prepare(sql);
        if (!stmt)
            return stmt.error();
        return stmt->forEachRow([&out](const Statement& row) {
            out.append(CountedName{row.text(0), row.text(1), row.int64(2)});
        });
    };
    {
        auto stmt = m_db.prepare("SELECT s.name, count(a.id), total(a.is_read = 0) FROM sources s "
                                 "JOIN articles a ON a.source_id = s.id GROUP BY s.id "
                                 "ORDER BY s.name COLLATE NOCASE");
        if (!stmt)
            return stmt.error();
        if (auto r = stmt->forEachRow([&overview](const Statement& row) {
                overview.sources.append(CountedName{row.text(0), QString(), row.int64(1),
                                                    static_cast<qint64>(row.real(2))});
            });
            !r)
            return r.error();
    }
    if (auto r = collect("SELECT section, '', count(*) FROM articles WHERE section <> '' "
                         "GROUP BY section COLLATE NOCASE ORDER BY section COLLATE NOCASE",
                         overview.sections);
        !r)
        return r.error();
    // A library has tens of thousands of entity tags: the sidebar lists the most used of each
    // kind, and every tag the user made (manual and rule tags).
    if (auto r = collect(
            "SELECT name, kind, n FROM (SELECT t.name, t.kind, count(DISTINCT x.article_id) AS n, "
            "row_number() OVER (PARTITION BY t.kind ORDER BY count(DISTINCT x.article_id) DESC, "
            "t.name) "
            "AS r FROM article_tags x JOIN tags t ON t.id = x.tag_id GROUP BY t.id) "
            "WHERE r <= 40 OR kind IN ('manual', 'rule') "
            "ORDER BY kind, n DESC, name COLLATE NOCASE",
            overview.tags);
        !r)
        return r.error();
    // The published index alone answers this, without reading the articles.
    auto months = m_db.prepare("SELECT strftime('%Y-%m', published_at, 'unixepoch'), count(*) "
                               "FROM articles WHERE published_at IS NOT NULL GROUP BY 1");
    if (!months)
        return months.error();
    if (auto r = months->forEachRow([&overview](const Statement& row) {
            overview.months.insert(row.text(0), row.int64(1));
        });
        !r)
        return r.error();
    // What the months do not count has no date.
    qint64 dated = 0;
    for (const qint64 count : std::as_const(overview.months))
        dated += count;
    overview.undated = std::max<qint64>(0, overview.articles - dated);
    auto subscriptions = subscriptionStates();
    if (!subscriptions)
        return subscriptions.error();
    for (SubscriptionState& s : *subscriptions)
        s.password.clear(); // a window shows it nowhere
    overview.subscriptions = std::move(*subscriptions);
    auto accounts = this->accounts();
    if (!accounts)
        return accounts.error();
    overview.accounts = std::move(*accounts);
    auto saved = m_db.prepare("SELECT name, query FROM saved_searches "
                              "ORDER BY position, name COLLATE NOCASE");
    if (!saved)
        return saved.error();
    auto rows = saved->forEachRow([&overview](const Statement& row) {
        overview.savedSearches.append(SavedSearch{row.text(0), row.text(1)});
    });
    if (!rows)
        return rows.error();
    return overview;
}

Result<void> ArticleStore::saveSearch(const SavedSearch& search)
{
    auto stmt = m_db.prepare("INSERT INTO saved_searches(name, query) VALUES (?1, ?2) "
                             "ON CONFLICT(name) DO UPDATE SET query = excluded.query");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, search.name).bind(2, search.query).run();
}

Result<void> ArticleStore::renameSavedSearch(const QString& name, const QString& newName)
{
    const QString trimmed = newName.trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorCode::Invalid, QStringLiteral("A saved search needs a name.")};
    if (trimmed == name)
        return {};
    auto taken = m_db.prepare("SELECT 1 FROM saved_searches WHERE name = ?1");
    if (!taken)
        return taken.error();
    taken->bind(1, trimmed);
    auto row = taken->step();
    if (!row)
        return row.error();
    const bool exists = *row;
    taken->reset(); // a cached statement: ready for the next call
    if (exists) {
        return Error{ErrorCode::Exists,
                     QStringLiteral("There is already a saved search called \"%1\".").arg(trimmed)};
    }
    auto stmt = m_db.prepare("UPDATE saved_searches SET name = ?2 WHERE name = ?1");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, name).bind(2, trimmed).run();
}

Result<void> ArticleStore::orderSavedSearches(const QStringList& names)
{
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    auto stmt = m_db.prepare("UPDATE saved_searches SET position = ?2 WHERE name = ?1");
    if (!stmt)
        return stmt.error();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (auto r = stmt->bind(1, names[i]).bind(2, qint64{i + 1}).run(); !r)
            return r.error();
    }
    return transaction->commit();
}

Result<void> ArticleStore::removeSavedSearch(const QString& name)
{
    auto stmt = m_db.prepare("DELETE FROM saved_searches WHERE name = ?1");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, name).run();
}

Result<QStringList> ArticleStore::check()
{
    QStringList problems;
    auto stmt = m_db.prepare("PRAGMA integrity_check");
    if (!stmt)
        return stmt.error();
    auto integrity = stmt->forEachRow([&problems](const Statement& row) {
        QString line = row.text(0);
        line.remove(QStringLiteral("*** in database main ***"));
        line = line.simplified();
        if (!line.isEmpty() && line != QLatin1String("ok"))
            problems.append(line);
    });
    if (!integrity) {
        if (integrity.error().code != ErrorCode::Damaged)
            return integrity.error();
        problems.append(integrity.error().message);
        return problems; // the rest cannot be read either
    }
    auto foreignKeys = m_db.prepare("PRAGMA foreign_key_check");
    if (!foreignKeys)
        return foreignKeys.error();
    auto references = foreignKeys->forEachRow([&problems](const Statement& row) {
        problems.append(QStringLiteral("table %1, row %2: refers to a missing row in %3")
                            .arg(row.text(0))
                            .arg(row.int64(1))
                            .arg(row.text(2)));
    });
    if (!references)
        return references.error();
    // FTS5 compares its index against the articles table; a mismatch is an error. Its
    // check is written as an INSERT, which a read-only library refuses.
    if (m_readOnly)
        return problems;
    if (auto r =
            m_db.exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)");
        !r) {
        problems.append(QStringLiteral("full-text index: %1").arg(r.error().message));
    }
    return problems;
}

} // namespace broadsheet::core
