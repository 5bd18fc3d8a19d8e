// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleStore's stories over their life: a feed's stories stored and updated, stories
// deleted by hand (and put back by undo), and retention removing what is no longer kept.
#include "article_store.h"

#include <QDateTime>
#include <QSet>

namespace broadsheet::core {

namespace {

constexpr qint64 kForgetDeletedAfter = qint64{183} * 24 * 3600; // half a year

/// Whether what a feed says of a story differs from what the library holds.
bool changed(const Statement& row, const Article& article)
{
    // Columns: id, title, body, html, url, author.
    return row.text(1) != article.title || row.text(2) != article.body ||
           row.text(3) != article.html || row.text(4) != article.url ||
           row.text(5) != article.author;
}

} // namespace

Result<QList<AddOutcome>> ArticleStore::storeFeedStories(QList<Article>& articles,
                                                         const QList<QByteArray>& identities,
                                                         qint64 subscription)
{
    Q_ASSERT(articles.size() == identities.size());
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto tombstone = m_db.prepare("UPDATE deleted_stories SET seen_at = ?2 WHERE identity = ?1");
    auto known = m_db.prepare("SELECT id, title, body, coalesce(html, ''), url, author "
                              "FROM articles WHERE content_hash = ?1");
    auto update =
        m_db.prepare("UPDATE articles SET title = ?2, body = ?3, html = ?4, url = ?5, author = ?6, "
                     "published_at = coalesce(published_at, ?7), published_precision = CASE WHEN "
                     "published_at IS NULL THEN ?8 ELSE published_precision END, updated_at = ?9, "
                     // The tagging pass retags it (a file's own tags, NULL, stay its own).
                     "tagged_with = CASE WHEN tagged_with IS NULL THEN NULL ELSE 0 END, "
                     "subscription_id = coalesce(subscription_id, ?10) WHERE id = ?1");
    auto adopt = m_db.prepare("UPDATE articles SET subscription_id = ?2 WHERE id = ?1 AND "
                              "subscription_id IS NULL");
    for (auto* stmt : {&tombstone, &known, &update, &adopt}) {
        if (!*stmt)
            return stmt->error();
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const std::optional<qint64> owner =
        subscription > 0 ? std::optional<qint64>(subscription) : std::nullopt;
    QList<AddOutcome> outcomes(articles.size(), AddOutcome::Duplicate);
    QList<Article> fresh;
    QList<QByteArray> freshIdentities;
    QList<qsizetype> freshAt;
    QSet<QByteArray> seen;
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const QByteArray& identity = identities[i];
        if (seen.contains(identity))
            continue; // twice in one feed: once in the library
        seen.insert(identity);
        if (auto r = tombstone->bind(1, identity).bind(2, now).run(); !r)
            return r.error();
        if (m_db.changes() > 0) {
            outcomes[i] = AddOutcome::Deleted;
            continue;
        }
        Statement& row = *known;
        row.reset();
        row.bind(1, identity);
        auto found = row.step();
        if (!found)
            return found.error();
        if (!*found) {
            fresh.append(articles[i]);
            freshIdentities.append(identity);
            freshAt.append(i);
            continue;
        }
        const ArticleId id = row.int64(0);
        articles[i].id = id;
        if (changed(row, articles[i])) {
            const Article& a = articles[i];
            update->bind(1, id)
                .bindText(2, a.title)
                .bindText(3, a.body)
                .bind(4, a.html.isEmpty() ? QString() : a.html)
                .bindText(5, a.url)
                .bindText(6, a.author)
                .bind(7, a.published.storageKey())
                .bind(8, a.published.storagePrecision())
                .bind(9, now)
                .bind(10, owner);
            if (auto r = update->run(); !r)
                return r.error();
            outcomes[i] = AddOutcome::Updated;
        } else if (owner) {
            if (auto r = adopt->bind(1, id).bind(2, *owner).run(); !r)
                return r.error();
        }
    }
    if (!fresh.isEmpty()) {
        auto added = addArticles(fresh, freshIdentities, {}, subscription);
        if (!added)
            return added.error();
        for (qsizetype k = 0; k < fresh.size(); ++k) {
            const qsizetype i = freshAt[k];
            outcomes[i] = (*added)[k];
            articles[i].id = fresh[k].id;
        }
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return outcomes;
}

Result<qint64> ArticleStore::deleteArticles(const QList<ArticleId>& ids, QList<DeletedStory>* undo)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto row = m_db.prepare("SELECT content_hash, source_id, subscription_id, tagged_with, "
                            "updated_at, imported_at FROM articles WHERE id = ?1");
    auto tagRows = m_db.prepare("SELECT t.name, t.kind, x.origin, x.score FROM article_tags x "
                                "JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ?1");
    auto remember = m_db.prepare("INSERT INTO deleted_stories(identity, seen_at) VALUES (?1, ?2) "
                                 "ON CONFLICT(identity) DO UPDATE SET seen_at = excluded.seen_at");
    auto remove = m_db.prepare("DELETE FROM articles WHERE id = ?1");
    for (auto* stmt : {&row, &tagRows, &remember, &remove}) {
        if (!*stmt)
            return stmt->error();
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 deleted = 0;
    for (ArticleId id : ids) {
        row->reset();
        row->bind(1, id);
        auto found = row->step();
        if (!found)
            return found.error();
        if (!*found)
            continue;
        const QByteArray identity = row->blob(0);
        if (undo) {
            DeletedStory story;
            story.identity = identity;
            story.sourceId = row->optionalInt64(1);
            story.subscriptionId = row->optionalInt64(2);
            story.taggedWith = row->optionalInt64(3);
            story.updatedAt = row->optionalInt64(4);
            story.importedAt = row->int64(5);
            auto whole = articles({id});
            if (!whole)
                return whole.error();
            if (!whole->isEmpty())
                story.article = std::move(whole->front());
            tagRows->reset();
            tagRows->bind(1, id);
            auto r = tagRows->forEachRow([&story](const Statement& tag) {
                story.tagRows.append(
                    DeletedStory::TagRow{tag.text(0), tag.text(1), tag.text(2), tag.real(3)});
            });
            if (!r)
                return r.error();
            undo->append(std::move(story));
        }
        row->reset();
        if (auto r = remember->bind(1, identity).bind(2, now).run(); !r)
            return r.error();
        if (auto r = remove->bind(1, id).run(); !r) // tags cascade; the index by trigger
            return r.error();
        deleted += m_db.changes();
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return deleted;
}

Result<void> ArticleStore::restoreArticles(const QList<DeletedStory>& stories)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto insert = m_db.prepare(
        "INSERT INTO articles(id, source_id, title, section, author, url, guid, path, "
        "published_at, published_precision, imported_at, body, html, is_read, is_starred, "
        "content_hash, tagged_with, updated_at, subscription_id) VALUES (?1, "
        "(SELECT id FROM sources WHERE id = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14, ?15, ?16, ?17, ?18, (SELECT id FROM subscriptions WHERE id = ?19)) "
        "ON CONFLICT DO NOTHING");
    auto index = m_db.prepare(
        "INSERT INTO articles_fts(rowid, title, body, author) VALUES (?1, ?2, ?3, ?4)");
    auto tag = m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin, "
                            "score) VALUES (?1, ?2, ?3, ?4)");
    auto forget = m_db.prepare("DELETE FROM deleted_stories WHERE identity = ?1");
    for (auto* stmt : {&insert, &index, &tag, &forget}) {
        if (!*stmt)
            return stmt->error();
    }
    for (const DeletedStory& story : stories) {
        const Article& a = story.article;
        insert->bind(1, a.id)
            .bind(2, story.sourceId)
            .bindText(3, a.title)
            .bindText(4, a.section)
            .bindText(5, a.author)
            .bindText(6, a.url)
            .bind(7, a.guid.isEmpty() ? QString() : a.guid)
            .bindText(8, a.path)
            .bind(9, a.published.storageKey())
            .bind(10, a.published.storagePrecision())
            .bind(11, story.importedAt)
            .bindText(12, a.body)
            .bind(13, a.html.isEmpty() ? QString() : a.html)
            .bind(14, a.read)
            .bind(15, a.starred)
            .bind(16, story.identity)
            .bind(17, story.taggedWith)
            .bind(18, story.updatedAt)
            .bind(19, story.subscriptionId);
        if (auto r = insert->run(); !r)
            return r.error();
        const bool restored = m_db.changes() > 0;
        if (auto r = forget->bind(1, story.identity).run(); !r)
            return r.error();
        if (!restored)
            continue; // stored again since: that one stays
        if (auto r = index->bind(1, a.id)
                         .bindText(2, a.title)
                         .bindText(3, a.body)
                         .bindText(4, a.author)
                         .run();
            !r)
            return r.error();
        for (const DeletedStory::TagRow& t : story.tagRows) {
            auto id = tagId(t.name, t.kind);
            if (!id)
                return id.error();
            if (auto r = tag->bind(1, a.id).bind(2, *id).bind(3, t.origin).bind(4, t.score).run();
                !r)
                return r.error();
        }
    }
    return transaction->commit();
}

Result<Retention> ArticleStore::defaultRetention()
{
    auto stmt = m_db.prepare("SELECT value FROM settings WHERE key = 'retention'");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Retention{Retention::Mode::All, 0};
    const auto retention = Retention::fromString(stmt->text(0));
    return retention && retention->mode != Retention::Mode::Default
               ? *retention
               : Retention{Retention::Mode::All, 0};
}

Result<void> ArticleStore::setDefaultRetention(const Retention& retention)
{
    auto stmt = m_db.prepare("INSERT INTO settings(key, value) VALUES ('retention', ?1) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    const Retention stored =
        retention.mode == Retention::Mode::Default ? Retention{Retention::Mode::All, 0} : retention;
    return stmt->bindText(1, stored.toString()).run();
}

Result<qint64> ArticleStore::applyRetention(qint64 subscription, const QDateTime& now)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto own = m_db.prepare("SELECT retention FROM subscriptions WHERE id = ?1");
    if (!own)
        return own.error();
    own->bind(1, subscription);
    auto row = own->step();
    if (!row)
        return row.error();
    if (!*row)
        return qint64{0};
    Retention retention = Retention::fromString(own->text(0)).value_or(Retention{});
    own->reset();
    if (retention.mode == Retention::Mode::Default) {
        auto fallback = defaultRetention();
        if (!fallback)
            return fallback.error();
        retention = *fallback;
    }
    qint64 removed = 0;
    if (retention.mode == Retention::Mode::Days || retention.mode == Retention::Mode::Newest) {
        // Newest first by date (else arrival); past the cut, what is not starred and has no
        // manual tag goes.
        auto stale = m_db.prepare(
            "SELECT id FROM (SELECT id, is_starred, coalesce(published_at, imported_at) AS t, "
            "row_number() OVER (ORDER BY coalesce(published_at, imported_at) DESC, id DESC) "
            "AS r FROM articles WHERE subscription_id = ?1) "
            "WHERE ((?2 = 'days' AND t < ?3) OR (?2 = 'newest' AND r > ?4)) AND is_starred = 0 "
            "AND NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = id AND "
            "x.origin = 'manual')");
        if (!stale)
            return stale.error();
        const bool days = retention.mode == Retention::Mode::Days;
        stale->bind(1, subscription)
            .bind(2, days ? QStringLiteral("days") : QStringLiteral("newest"))
            .bind(3, now.toSecsSinceEpoch() - qint64{retention.value} * 24 * 3600)
            .bind(4, qint64{retention.value});
        QList<ArticleId> ids;
        if (auto r = stale->forEachRow([&ids](const Statement& s) { ids.append(s.int64(0)); }); !r)
            return r.error();
        auto deleted = deleteArticles(ids);
        if (!deleted)
            return deleted.error();
        removed = *deleted;
    }
    auto forget = m_db.prepare("DELETE FROM deleted_stories WHERE seen_at < ?1");
    if (!forget)
        return forget.error();
    if (auto r = forget->bind(1, now.toSecsSinceEpoch() - kForgetDeletedAfter).run(); !r)
        return r.error();
    if (auto r = transaction->commit(); !r)
        return r.error();
    return removed;
}

} // namespace broadsheet::core
