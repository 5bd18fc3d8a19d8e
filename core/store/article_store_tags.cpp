// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleStore's tags and tagging rules: manual tags, the tagger's entities and keywords,
// and rules (saved searches that tag what they match).
#include "article_store.h"
#include "search/searcher.h"
#include "tagging/keyword_extractor.h"

#include <QtConcurrent>

namespace broadsheet::core {

namespace tag_kind {

QString originOf(const QString& kind)
{
    if (kind == QLatin1String(kPerson) || kind == QLatin1String(kOrganization) ||
        kind == QLatin1String(kPlace))
        return QStringLiteral("entity");
    return kind;
}

int indexOf(const QString& kind)
{
    int index = 0;
    for (const char* known : {kManual, kPerson, kOrganization, kPlace, kKeyword, kRule}) {
        if (kind == QLatin1String(known))
            return index;
        ++index;
    }
    return -1;
}

bool isKnown(const QString& kind)
{
    return indexOf(kind) >= 0;
}

} // namespace tag_kind

namespace {

/// In how many articles each of the queue's stems occurs, from FTS5's own statistics.
Result<QList<qint64>> frequenciesFromIndex(Database& db, const KeywordQueue& queue, qint64 total)
{
    if (auto r = db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.keyword_vocab USING "
                         "fts5vocab(main, 'articles_fts', 'row')");
        !r)
        return r.error();
    QList<qint64> frequencies(queue.stems().size(), 0);
    if (queue.size() * 10 >= total) {
        // Tagging a large part of the library asks for most of its terms: reading the whole
        // vocabulary once is cheaper than looking each up.
        auto all = db.prepare("SELECT term, doc FROM temp.keyword_vocab");
        if (!all)
            return all.error();
        auto read = all->forEachRow([&](const Statement& row) {
            if (const qsizetype i = queue.stemIndex(row.blob(0)); i >= 0)
                frequencies[i] = row.int64(1);
        });
        if (!read)
            return read.error();
        return frequencies;
    }
    auto frequency = db.prepare("SELECT doc FROM temp.keyword_vocab WHERE term = ?1");
    if (!frequency)
        return frequency.error();
    for (qsizetype i = 0; i < queue.stems().size(); ++i) {
        frequency->reset();
        frequency->bindUtf8(1, queue.stems()[i]);
        auto row = frequency->step();
        if (!row)
            return row.error();
        frequencies[i] = *row ? frequency->int64(0) : 0;
    }
    frequency->reset();
    return frequencies;
}

} // namespace

void ArticleStore::forgetTagIds()
{
    for (auto& ids : m_tagIds)
        ids.clear();
}

Result<qint64> ArticleStore::tagId(const QString& name, const QString& kind)
{
    const int kindIndex = tag_kind::indexOf(kind);
    if (kindIndex < 0)
        return Error{QStringLiteral("'%1' is not a kind of tag").arg(kind)};
    QHash<QString, qint64>& ids = m_tagIds[static_cast<size_t>(kindIndex)];
    if (auto it = ids.constFind(name); it != ids.constEnd())
        return *it;
    // An import meets thousands of new names: the two statements are prepared once.
    if (!m_findTag) {
        auto find = m_db.prepare("SELECT id FROM tags WHERE name = ?1 AND kind = ?2");
        if (!find)
            return find.error();
        auto insert = m_db.prepare("INSERT INTO tags(name, kind) VALUES (?1, ?2)");
        if (!insert)
            return insert.error();
        m_findTag = std::make_unique<Statement>(std::move(*find));
        m_insertTag = std::make_unique<Statement>(std::move(*insert));
    }
    m_findTag->reset();
    m_findTag->bind(1, name).bind(2, kind);
    auto row = m_findTag->step();
    if (!row)
        return row.error();
    qint64 id = 0;
    if (*row) {
        id = m_findTag->int64(0);
    } else {
        if (auto r = m_insertTag->bind(1, name).bind(2, kind).run(); !r)
            return r.error();
        id = m_db.lastInsertRowId();
    }
    m_findTag->reset();
    ids.insert(name, id);
    return id;
}

// Called by addArticles() inside its transaction: the tags an article arrived with (from the
// tagger at import, or from an exported file).
Result<void> ArticleStore::storeTags(const QList<Article>& articles,
                                     const QList<AddOutcome>& outcomes)
{
    std::optional<Statement> link;
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const Article& article = articles[i];
        if (outcomes[i] != AddOutcome::Added || article.tags.isEmpty())
            continue;
        if (!link) {
            auto prepared = m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, "
                                         "origin, score) VALUES (?1, ?2, ?3, ?4)");
            if (!prepared)
                return prepared.error();
            link.emplace(std::move(*prepared));
        }
        for (const Tag& tag : article.tags) {
            // A kind this Broadsheet does not know (a file written by hand or by a later
            // version) keeps the tag as the user's own rather than losing it.
            const QString kind =
                tag_kind::isKnown(tag.kind) ? tag.kind : QString::fromLatin1(tag_kind::kManual);
            const QString name = tag.name.trimmed();
            if (name.isEmpty())
                continue;
            auto id = tagId(name, kind);
            if (!id)
                return id.error();
            link->bind(1, article.id).bind(2, *id).bind(3, tag_kind::originOf(kind)).bind(4, 1.0);
            if (auto r = link->run(); !r)
                return r.error();
        }
    }
    return {};
}

Result<qint64> ArticleStore::addTag(const QList<ArticleId>& ids, const QString& name,
                                    const QString& kind)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{QStringLiteral("a tag needs a name")};
    if (!tag_kind::isKnown(kind))
        return Error{QStringLiteral("'%1' is not a kind of tag").arg(kind)};
    auto transaction = Transaction::beginOrJoin(m_db); // or the caller's
    if (!transaction)
        return transaction.error();
    auto id = tagId(trimmed, kind);
    if (!id)
        return id.error();
    auto link = m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin) "
                             "SELECT id, ?2, ?3 FROM articles WHERE id = ?1");
    if (!link)
        return link.error();
    qint64 added = 0;
    for (ArticleId article : ids) {
        link->bind(1, article).bind(2, *id).bind(3, tag_kind::originOf(kind));
        if (auto r = link->run(); !r)
            return r.error();
        added += m_db.changes();
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return added;
}

Result<qint64> ArticleStore::removeTag(const QList<ArticleId>& ids, const QString& name)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto unlink = m_db.prepare("DELETE FROM article_tags WHERE article_id = ?1 AND tag_id IN "
                               "(SELECT id FROM tags WHERE name = ?2 COLLATE NOCASE)");
    if (!unlink)
        return unlink.error();
    qint64 removed = 0;
    for (ArticleId article : ids) {
        unlink->bind(1, article).bind(2, name.trimmed());
        if (auto r = unlink->run(); !r)
            return r.error();
        removed += m_db.changes();
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return removed;
}

Result<QList<TagSummary>> ArticleStore::tags()
{
    auto stmt = m_db.prepare(
        "SELECT t.name, t.kind, t.color, (SELECT count(DISTINCT x.article_id) FROM article_tags x "
        "WHERE x.tag_id = t.id) FROM tags t ORDER BY t.kind, t.name COLLATE NOCASE");
    if (!stmt)
        return stmt.error();
    QList<TagSummary> result;
    auto rows = stmt->forEachRow([&result](const Statement& row) {
        result.append(TagSummary{row.text(0), row.text(1), row.text(2), row.int64(3)});
    });
    if (!rows)
        return rows.error();
    return result;
}

Result<QStringList> ArticleStore::tagNames(const QStringList& kinds)
{
    auto stmt = m_db.prepare("SELECT DISTINCT name FROM tags WHERE kind = ?1 "
                             "ORDER BY name COLLATE NOCASE");
    if (!stmt)
        return stmt.error();
    QStringList names;
    for (const QString& kind : kinds) {
        stmt->reset();
        stmt->bind(1, kind);
        auto rows = stmt->forEachRow([&names](const Statement& row) {
            if (!names.contains(row.text(0)))
                names.append(row.text(0));
        });
        if (!rows)
            return rows.error();
    }
    return names;
}

Result<void> ArticleStore::renameTag(const QString& from, const QString& to)
{
    const QString target = to.trimmed();
    if (target.isEmpty())
        return Error{QStringLiteral("a tag needs a name")};
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto kinds = m_db.prepare("SELECT id, kind FROM tags WHERE name = ?1 COLLATE NOCASE");
    if (!kinds)
        return kinds.error();
    kinds->bind(1, from.trimmed());
    QList<std::pair<qint64, QString>> found;
    if (auto r = kinds->forEachRow([&found](const Statement& row) {
            found.append({row.int64(0), row.text(1)});
        });
        !r)
        return r.error();
    if (found.isEmpty())
        return Error{QStringLiteral("no tag is called '%1'").arg(from)};
    forgetTagIds();
    for (const auto& [id, kind] : found) {
        // The new name may already exist in this kind: move the articles over, then drop.
        auto target_id = tagId(target, kind);
        if (!target_id)
            return target_id.error();
        if (*target_id == id)
            continue;
        auto move = m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin, "
                                 "score) SELECT article_id, ?2, origin, score FROM article_tags "
                                 "WHERE tag_id = ?1");
        if (!move)
            return move.error();
        if (auto r = move->bind(1, id).bind(2, *target_id).run(); !r)
            return r.error();
        auto drop = m_db.prepare("DELETE FROM tags WHERE id = ?1");
        if (!drop)
            return drop.error();
        if (auto r = drop->bind(1, id).run(); !r)
            return r.error();
    }
    auto rules = m_db.prepare("UPDATE OR REPLACE rules SET tag = ?2 WHERE tag = ?1 COLLATE NOCASE");
    if (!rules)
        return rules.error();
    if (auto r = rules->bind(1, from.trimmed()).bind(2, target).run(); !r)
        return r.error();
    forgetTagIds();
    return transaction->commit();
}

Result<void> ArticleStore::mergeTags(const QString& from, const QString& into)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto target = m_db.prepare("SELECT id FROM tags WHERE name = ?1 COLLATE NOCASE "
                               "ORDER BY kind = 'manual' DESC LIMIT 1");
    if (!target)
        return target.error();
    target->bind(1, into.trimmed());
    auto row = target->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{QStringLiteral("no tag is called '%1'").arg(into)};
    const qint64 intoId = target->int64(0);
    auto move =
        m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin, score) "
                     "SELECT x.article_id, ?2, x.origin, x.score FROM article_tags x JOIN tags t "
                     "ON t.id = x.tag_id WHERE t.name = ?1 COLLATE NOCASE AND t.id <> ?2");
    if (!move)
        return move.error();
    if (auto r = move->bind(1, from.trimmed()).bind(2, intoId).run(); !r)
        return r.error();
    auto drop = m_db.prepare("DELETE FROM tags WHERE name = ?1 COLLATE NOCASE AND id <> ?2");
    if (!drop)
        return drop.error();
    if (auto r = drop->bind(1, from.trimmed()).bind(2, intoId).run(); !r)
        return r.error();
    if (m_db.changes() == 0)
        return Error{QStringLiteral("no tag is called '%1'").arg(from)};
    forgetTagIds();
    return transaction->commit();
}

Result<void> ArticleStore::deleteTag(const QString& name)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    // article_tags rows go with their tag (ON DELETE CASCADE).
    auto drop = m_db.prepare("DELETE FROM tags WHERE name = ?1 COLLATE NOCASE");
    if (!drop)
        return drop.error();
    if (auto r = drop->bind(1, name.trimmed()).run(); !r)
        return r.error();
    if (m_db.changes() == 0)
        return Error{QStringLiteral("no tag is called '%1'").arg(name)};
    auto rule = m_db.prepare("DELETE FROM rules WHERE tag = ?1 COLLATE NOCASE");
    if (!rule)
        return rule.error();
    if (auto r = rule->bind(1, name.trimmed()).run(); !r)
        return r.error();
    forgetTagIds();
    return transaction->commit();
}

Result<void> ArticleStore::setTagColor(const QString& name, const QString& color)
{
    auto stmt = m_db.prepare("UPDATE tags SET color = ?2 WHERE name = ?1 COLLATE NOCASE");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bind(1, name.trimmed()).bind(2, color).run(); !r)
        return r.error();
    if (m_db.changes() == 0)
        return Error{QStringLiteral("no tag is called '%1'").arg(name)};
    return {};
}

Result<void> ArticleStore::saveRule(const TaggingRule& rule)
{
    if (rule.tag.trimmed().isEmpty() || rule.query.trimmed().isEmpty())
        return Error{QStringLiteral("a rule needs a tag and a query")};
    auto stmt = m_db.prepare("INSERT INTO rules(tag, query) VALUES (?1, ?2) "
                             "ON CONFLICT(tag) DO UPDATE SET query = excluded.query");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, rule.tag.trimmed()).bind(2, rule.query.trimmed()).run();
}

Result<bool> ArticleStore::removeRule(const QString& tag)
{
    auto stmt = m_db.prepare("DELETE FROM rules WHERE tag = ?1 COLLATE NOCASE");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bind(1, tag.trimmed()).run(); !r)
        return r.error();
    return m_db.changes() > 0;
}

Result<QList<TaggingRule>> ArticleStore::rules()
{
    auto stmt = m_db.prepare("SELECT tag, query FROM rules ORDER BY tag COLLATE NOCASE");
    if (!stmt)
        return stmt.error();
    QList<TaggingRule> result;
    auto rows = stmt->forEachRow([&result](const Statement& row) {
        result.append(TaggingRule{row.text(0), row.text(1)});
    });
    if (!rows)
        return rows.error();
    return result;
}

Result<qint64> ArticleStore::applyRule(const TaggingRule& rule, ArticleId fromId)
{
    SearchRequest request;
    request.query = rule.query;
    request.sort = SearchRequest::Sort::Date;
    request.limit = 0;
    request.countTotal = false;
    request.facets = false;
    request.allIds = true;
    request.minimumId = fromId;
    auto results = Searcher(m_db).search(request);
    if (!results)
        return results.error();
    if (results->ids.isEmpty())
        return 0;
    return addTag(results->ids, rule.tag, QString::fromLatin1(tag_kind::kRule));
}

Result<qint64> ArticleStore::applyRules(ArticleId fromId)
{
    auto all = rules();
    if (!all)
        return all.error();
    qint64 tagged = 0;
    for (const TaggingRule& rule : *all) {
        auto applied = applyRule(rule, fromId);
        if (!applied)
            return applied.error();
        tagged += *applied;
    }
    return tagged;
}

Result<qint64> ArticleStore::tagKeywords(ArticleId fromId)
{
    // The article with its entity names, whose words are tags already and not keywords.
    auto articles = m_db.prepare(
        "SELECT a.id, a.title, a.body, (SELECT group_concat(t.name, char(31)) FROM "
        "article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id AND t.kind "
        "IN ('person', 'organization', 'place')) FROM articles a WHERE a.id >= ?1 ORDER BY a.id");
    if (!articles)
        return articles.error();
    struct Pending {
        ArticleId id = 0;
        QString title;
        QString body;
        QString entityNames;
    };
    // Tokenising and stemming run on the thread pool a chunk at a time; choosing (which asks
    // the index) and storing stay on this connection's thread, a queue at a time: the queue
    // holds little, but choosing against the full vocabulary costs a read of it each time.
    constexpr int kChunk = 512;
    constexpr qsizetype kQueueArticles = 100000;
    KeywordQueue queue;
    qint64 tagged = 0;
    articles->bind(1, fromId);
    bool more = true;
    while (more) {
        QList<Pending> chunk;
        chunk.reserve(kChunk);
        while (chunk.size() < kChunk) {
            auto row = articles->step();
            if (!row)
                return row.error();
            if (!*row) {
                more = false;
                break;
            }
            chunk.append(Pending{articles->int64(0), articles->text(1), articles->text(2),
                                 articles->text(3)});
        }
        const QList<QList<KeywordTerm>> candidates =
            QtConcurrent::blockingMapped(chunk, [](const Pending& article) {
                return KeywordExtractor::candidates(
                    article.title, article.body,
                    article.entityNames.split(QChar(31), Qt::SkipEmptyParts));
            });
        for (qsizetype i = 0; i < chunk.size(); ++i)
            queue.add(chunk[i].id, candidates[i]);
        if (queue.size() >= kQueueArticles || !more) {
            auto stored = storeKeywords(queue);
            if (!stored)
                return stored.error();
            tagged += *stored;
        }
    }
    return tagged;
}

Result<qint64> ArticleStore::storeKeywords(KeywordQueue& queue)
{
    if (queue.isEmpty())
        return 0;
    auto total = count();
    if (!total)
        return total.error();
    if (*total < KeywordExtractor::kMinimumLibrary) {
        queue.clear();
        return 0;
    }
    QList<qint64> frequencies;
    if (queue.countsWholeLibrary()) {
        // The import counted every article the library holds: no need to ask the index.
        frequencies = queue.countedFrequencies();
    } else {
        auto read = frequenciesFromIndex(m_db, queue, *total);
        if (!read)
            return read.error();
        frequencies = std::move(*read);
    }
    const auto chosen = queue.choose(frequencies, *total);
    queue.clear();

    auto transaction = Transaction::beginOrJoin(m_db); // or the caller's
    if (!transaction)
        return transaction.error();
    auto link = m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin, "
                             "score) VALUES (?1, ?2, 'keyword', ?3)");
    if (!link)
        return link.error();
    const QString keywordKind = QString::fromLatin1(tag_kind::kKeyword);
    qint64 tagged = 0;
    for (const auto& [article, keywords] : chosen) {
        for (qsizetype rank = 0; rank < keywords.size(); ++rank) {
            auto tag = tagId(keywords[rank], keywordKind);
            if (!tag)
                return tag.error();
            link->bind(1, article).bind(2, *tag).bind(3, 1.0 / static_cast<double>(rank + 1));
            if (auto r = link->run(); !r)
                return r.error();
        }
        tagged += keywords.isEmpty() ? 0 : 1;
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return tagged;
}

Result<qint64> ArticleStore::refreshKeywords()
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    if (auto r = m_db.exec("DELETE FROM article_tags WHERE origin = 'keyword'; "
                           "DELETE FROM tags WHERE kind = 'keyword' AND id NOT IN "
                           "(SELECT tag_id FROM article_tags)");
        !r)
        return r.error();
    forgetTagIds();
    auto tagged = tagKeywords(0);
    if (!tagged)
        return tagged.error();
    if (auto r = transaction->commit(); !r)
        return r.error();
    return tagged;
}

} // namespace broadsheet::core
