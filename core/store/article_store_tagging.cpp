// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleStore's side of the tagging pass: which tagger tagged each story, which stories
// are stale, and storing a story's entity and keyword tags whole.
#include "article_store.h"

namespace broadsheet::core {

namespace {

/// The generation recorded for `signature`, or nothing when this tagger never ran here.
Result<std::optional<qint64>> generationOf(Database& db, const QString& signature)
{
    auto select = db.prepare("SELECT id FROM taggers WHERE signature = ?1");
    if (!select)
        return select.error();
    select->bind(1, signature);
    auto row = select->step();
    if (!row)
        return row.error();
    return *row ? std::optional<qint64>(select->int64(0)) : std::nullopt;
}

} // namespace

Result<qint64> ArticleStore::taggerGeneration(const QString& signature)
{
    auto insert = m_db.prepare("INSERT INTO taggers(signature) VALUES (?1) ON CONFLICT DO NOTHING");
    if (!insert)
        return insert.error();
    if (auto r = insert->bind(1, signature).run(); !r)
        return r.error();
    auto generation = generationOf(m_db, signature);
    if (!generation)
        return generation.error();
    if (!*generation)
        return Error{QStringLiteral("%1: the tagger's version could not be recorded").arg(path())};
    return **generation;
}

Result<qint64> ArticleStore::staleCount(qint64 generation)
{
    auto stmt = m_db.prepare("SELECT count(*) FROM articles WHERE tagged_with < ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, generation);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

Result<qint64> ArticleStore::staleCount(const QString& signature)
{
    auto generation = generationOf(m_db, signature);
    if (!generation)
        return generation.error();
    if (*generation)
        return staleCount(**generation);
    return m_db.queryInt("SELECT count(*) FROM articles WHERE tagged_with IS NOT NULL");
}

Result<QList<Article>> ArticleStore::staleArticles(qint64 generation, ArticleId afterId, int limit)
{
    // The index on tagged_with finds where the stale stories start; from there the rowid
    // order reads them a chunk at a time without sorting.
    auto first = m_db.prepare("SELECT min(id) FROM articles WHERE tagged_with < ?1 AND id > ?2");
    if (!first)
        return first.error();
    first->bind(1, generation).bind(2, afterId);
    auto row = first->step();
    if (!row)
        return row.error();
    QList<Article> found;
    if (first->isNull(0))
        return found;
    const ArticleId start = first->int64(0);
    auto stmt = m_db.prepare("SELECT id, title, body FROM articles WHERE id >= ?1 AND "
                             "tagged_with < ?2 ORDER BY id LIMIT ?3");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, start).bind(2, generation).bind(3, limit);
    auto rows = stmt->forEachRow([&found](const Statement& r) {
        Article article;
        article.id = r.int64(0);
        article.title = r.text(1);
        article.body = r.text(2);
        found.append(std::move(article));
    });
    if (!rows)
        return rows.error();
    return found;
}

Result<void> ArticleStore::markAllStale()
{
    // Every profile is made again: the old ones go in one sweep rather than one by one.
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    auto cleared = m_db.exec("UPDATE articles SET tagged_with = 0 WHERE tagged_with > 0; "
                             "DELETE FROM term_postings; DELETE FROM near_duplicate_bands; "
                             "DELETE FROM article_profiles; DELETE FROM deleted_profiles; "
                             "UPDATE articles SET cluster_id = NULL WHERE cluster_id IS NOT NULL");
    if (!cleared)
        return cleared;
    return transaction->commit();
}

Result<void> ArticleStore::storeDerivedTags(const QList<DerivedTags>& tagged, qint64 generation)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    QList<const DerivedTags*> marked;
    auto clear = m_db.prepare(
        "DELETE FROM article_tags WHERE article_id = ?1 AND origin IN ('entity', 'keyword')");
    if (!clear)
        return clear.error();
    // The origins are in the statements: a bound string is converted to UTF-8 each time.
    auto linkEntity = m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, "
                                   "origin, score) VALUES (?1, ?2, 'entity', 1.0)");
    if (!linkEntity)
        return linkEntity.error();
    auto linkKeyword = m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, "
                                    "origin, score) VALUES (?1, ?2, 'keyword', ?3)");
    if (!linkKeyword)
        return linkKeyword.error();
    // A story whose tags came with its file (NULL) is not the tagger's to change.
    auto mark = m_db.prepare(
        "UPDATE articles SET tagged_with = ?2 WHERE id = ?1 AND tagged_with IS NOT NULL");
    if (!mark)
        return mark.error();
    const QString keywordKind = QString::fromLatin1(tag_kind::kKeyword);
    marked.reserve(tagged.size());
    for (const DerivedTags& story : tagged) {
        if (auto r = mark->bind(1, story.id).bind(2, generation).run(); !r)
            return r.error();
        if (m_db.changes() == 0)
            continue; // gone meanwhile, or tagged by its file
        marked.append(&story);
        if (auto r = clear->bind(1, story.id).run(); !r)
            return r.error();
        for (const Tag& tag : story.entities) {
            auto id = tagId(tag.name, tag.kind);
            if (!id)
                return id.error();
            if (auto r = linkEntity->bind(1, story.id).bind(2, *id).run(); !r)
                return r.error();
        }
        for (qsizetype rank = 0; rank < story.keywords.size(); ++rank) {
            auto id = tagId(story.keywords[rank], keywordKind);
            if (!id)
                return id.error();
            linkKeyword->bind(1, story.id)
                .bind(2, *id)
                .bind(3, 1.0 / static_cast<double>(rank + 1));
            if (auto r = linkKeyword->run(); !r)
                return r.error();
        }
    }
    if (auto r = storeProfiles(marked); !r)
        return r.error();
    return transaction->commit();
}

Result<void> ArticleStore::dropUnusedTags()
{
    forgetTagIds();
    return m_db.exec("DELETE FROM tags WHERE kind IN ('person', 'organization', 'place', "
                     "'keyword') AND NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.tag_id = "
                     "tags.id) AND name NOT IN (SELECT tag FROM rules)");
}

namespace {

Result<void> openVocabulary(Database& db)
{
    return db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.keyword_vocab USING "
                   "fts5vocab(main, 'articles_fts', 'row')");
}

} // namespace

Result<QList<qint64>> ArticleStore::documentFrequencies(const QList<QByteArray>& stems)
{
    if (auto r = openVocabulary(m_db); !r)
        return r.error();
    auto frequency = m_db.prepare("SELECT doc FROM temp.keyword_vocab WHERE term = ?1");
    if (!frequency)
        return frequency.error();
    QList<qint64> frequencies(stems.size(), 0);
    for (qsizetype i = 0; i < stems.size(); ++i) {
        frequency->reset();
        frequency->bindUtf8(1, stems[i]);
        auto row = frequency->step();
        if (!row)
            return row.error();
        frequencies[i] = *row ? frequency->int64(0) : 0;
    }
    frequency->reset();
    return frequencies;
}

Result<QHash<QByteArray, qint64>> ArticleStore::vocabulary()
{
    if (auto r = openVocabulary(m_db); !r)
        return r.error();
    auto all = m_db.prepare("SELECT term, doc FROM temp.keyword_vocab");
    if (!all)
        return all.error();
    QHash<QByteArray, qint64> terms;
    auto read = all->forEachRow(
        [&terms](const Statement& row) { terms.insert(row.blob(0), row.int64(1)); });
    if (!read)
        return read.error();
    return terms;
}

} // namespace broadsheet::core
