// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleStore's tags and tagging rules: manual tags, the tagger's entities and keywords,
// and rules (saved searches that tag what they match).
#include "article_store.h"

#include <array>

namespace broadsheet::core {

namespace tag_kind {

namespace {
constexpr std::array kNames{kManual,  kPerson, kOrganization, kPlace,
                            kKeyword, kRule,   kCategory,     kLabel};
static_assert(kNames.size() == kTagKindCount);
} // namespace

QString nameOf(TagKind kind)
{
    return QString::fromLatin1(kNames[static_cast<size_t>(kind)]);
}

std::optional<TagKind> fromName(QStringView name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return static_cast<TagKind>(i);
    }
    return std::nullopt;
}

QString originOf(TagKind kind)
{
    switch (kind) {
    case TagKind::Person:
    case TagKind::Organization:
    case TagKind::Place:
        return QStringLiteral("entity");
    case TagKind::Manual:
    case TagKind::Keyword:
    case TagKind::Rule:
    case TagKind::Category:
    case TagKind::Label:
        break;
    }
    return nameOf(kind);
}

QString originOf(const QString& kind)
{
    const auto known = fromName(kind);
    return known ? originOf(*known) : kind;
}

bool isKnown(const QString& kind)
{
    return fromName(kind).has_value();
}

} // namespace tag_kind

void ArticleStore::forgetTagIds()
{
    for (auto& ids : m_tagIds)
        ids.clear();
}

Result<qint64> ArticleStore::tagId(const QString& name, const QString& kind)
{
    const auto known = tag_kind::fromName(kind);
    if (!known)
        return Error{ErrorCode::Invalid, QStringLiteral("'%1' is not a kind of tag").arg(kind)};
    QHash<QString, qint64>& ids = m_tagIds[static_cast<size_t>(*known)];
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
                                     const QList<AddOutcome>& outcomes, const QList<bool>& ownTags)
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
            const bool fromFile = !ownTags.isEmpty() && ownTags[i];
            const QString origin = fromFile ? QStringLiteral("file") : tag_kind::originOf(kind);
            link->bind(1, article.id).bind(2, *id).bind(3, origin).bind(4, 1.0);
            if (auto r = link->run(); !r)
                return r.error();
        }
    }
    return {};
}

Result<qint64> ArticleStore::addTag(const QList<ArticleId>& ids, const QString& name,
                                    TagKind tagKind)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorCode::Invalid, QStringLiteral("a tag needs a name")};
    const QString kind = tag_kind::nameOf(tagKind);
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
    // A server's label added here goes back to the server with the next sync.
    auto queue = m_db.prepare("INSERT INTO sync_queue(account_id, kind, item_id, label, "
                              "queued_at) SELECT account_id, 'label-add', remote_id, ?2, ?3 FROM "
                              "remote_items WHERE article_id = ?1");
    if (!queue)
        return queue.error();
    const bool label = tagKind == TagKind::Label;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 added = 0;
    for (ArticleId article : ids) {
        link->bind(1, article).bind(2, *id).bind(3, tag_kind::originOf(kind));
        if (auto r = link->run(); !r)
            return r.error();
        const int changed = m_db.changes();
        added += changed;
        if (label && changed > 0) {
            queue->bind(1, article).bind(2, trimmed).bind(3, now);
            if (auto r = queue->run(); !r)
                return r.error();
            queue->reset();
        }
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return added;
}

Result<qint64> ArticleStore::removeTag(const QList<ArticleId>& ids, const QString& name)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto unlink = m_db.prepare("DELETE FROM article_tags WHERE article_id = ?1 AND tag_id IN "
                               "(SELECT id FROM tags WHERE name = ?2 COLLATE NOCASE)");
    if (!unlink)
        return unlink.error();
    // A server's label taken off here is taken off there with the next sync.
    auto hadLabel = m_db.prepare("SELECT t.name FROM article_tags x JOIN tags t ON t.id = "
                                 "x.tag_id WHERE x.article_id = ?1 AND t.kind = 'label' AND "
                                 "t.name = ?2 COLLATE NOCASE");
    auto queue = m_db.prepare("INSERT INTO sync_queue(account_id, kind, item_id, label, "
                              "queued_at) SELECT account_id, 'label-remove', remote_id, ?2, ?3 "
                              "FROM remote_items WHERE article_id = ?1");
    if (!hadLabel)
        return hadLabel.error();
    if (!queue)
        return queue.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 removed = 0;
    for (ArticleId article : ids) {
        hadLabel->bind(1, article).bind(2, name.trimmed());
        auto row = hadLabel->step();
        if (!row)
            return row.error();
        const QString label = *row ? hadLabel->text(0) : QString();
        hadLabel->reset();
        unlink->bind(1, article).bind(2, name.trimmed());
        if (auto r = unlink->run(); !r)
            return r.error();
        removed += m_db.changes();
        if (!label.isEmpty()) {
            queue->bind(1, article).bind(2, label).bind(3, now);
            if (auto r = queue->run(); !r)
                return r.error();
            queue->reset();
        }
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
        return Error{ErrorCode::Invalid, QStringLiteral("a tag needs a name")};
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
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
        return Error{ErrorCode::NotFound, QStringLiteral("no tag is called '%1'").arg(from)};
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
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
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
        return Error{ErrorCode::NotFound, QStringLiteral("no tag is called '%1'").arg(into)};
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
        return Error{ErrorCode::NotFound, QStringLiteral("no tag is called '%1'").arg(from)};
    forgetTagIds();
    return transaction->commit();
}

Result<void> ArticleStore::deleteTag(const QString& name)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    // article_tags rows go with their tag (ON DELETE CASCADE).
    auto drop = m_db.prepare("DELETE FROM tags WHERE name = ?1 COLLATE NOCASE");
    if (!drop)
        return drop.error();
    if (auto r = drop->bind(1, name.trimmed()).run(); !r)
        return r.error();
    if (m_db.changes() == 0)
        return Error{ErrorCode::NotFound, QStringLiteral("no tag is called '%1'").arg(name)};
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
        return Error{ErrorCode::NotFound, QStringLiteral("no tag is called '%1'").arg(name)};
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

Result<TagSnapshot> ArticleStore::snapshotTags(const QStringList& names)
{
    // Called in the writer's transaction, before the change it lets the user undo.
    TagSnapshot out;
    auto tags =
        m_db.prepare("SELECT id, name, kind, color FROM tags WHERE name = ?1 COLLATE NOCASE");
    auto taggings =
        m_db.prepare("SELECT article_id, origin, score FROM article_tags WHERE tag_id = ?1");
    auto rules = m_db.prepare("SELECT tag, query FROM rules WHERE tag = ?1 COLLATE NOCASE");
    if (!tags || !taggings || !rules)
        return !tags ? tags.error() : !taggings ? taggings.error() : rules.error();
    for (const QString& name : names) {
        const QString trimmed = name.trimmed();
        out.names.append(trimmed);
        QList<std::pair<qint64, TagSnapshot::Tag>> found;
        if (auto r = tags->bind(1, trimmed).forEachRow([&found](const Statement& row) {
                found.append({row.int64(0), {row.text(1), row.text(2), row.text(3), {}}});
            });
            !r)
            return r.error();
        tags->reset();
        for (auto& entry : found) { // clang 14 captures no structured binding
            TagSnapshot::Tag& tag = entry.second;
            if (auto r = taggings->bind(1, entry.first).forEachRow([&tag](const Statement& row) {
                    tag.taggings.append({row.int64(0), row.text(1), row.real(2)});
                });
                !r)
                return r.error();
            taggings->reset();
            out.tags.append(std::move(tag));
        }
        if (auto r = rules->bind(1, trimmed).forEachRow([&out](const Statement& row) {
                out.rules.append({row.text(0), row.text(1)});
            });
            !r)
            return r.error();
        rules->reset();
    }
    return out;
}

Result<void> ArticleStore::restoreTags(const TagSnapshot& snapshot)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto drop = m_db.prepare("DELETE FROM tags WHERE name = ?1 COLLATE NOCASE");
    auto dropRule = m_db.prepare("DELETE FROM rules WHERE tag = ?1 COLLATE NOCASE");
    auto insertTag = m_db.prepare("INSERT INTO tags(name, kind, color) VALUES (?1, ?2, ?3)");
    // Only stories still in the library take their tags back.
    auto insertTagging =
        m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin, score) "
                     "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)");
    auto insertRule = m_db.prepare("INSERT OR REPLACE INTO rules(tag, query) VALUES (?1, ?2)");
    for (const auto* stmt : {&drop, &dropRule, &insertTag, &insertTagging, &insertRule}) {
        if (!*stmt)
            return stmt->error();
    }
    for (const QString& name : snapshot.names) {
        if (auto r = drop->bind(1, name).run(); !r)
            return r.error();
        if (auto r = dropRule->bind(1, name).run(); !r)
            return r.error();
    }
    for (const TagSnapshot::Tag& tag : snapshot.tags) {
        if (auto r = insertTag->bind(1, tag.name).bind(2, tag.kind).bind(3, tag.color).run(); !r)
            return r.error();
        const qint64 id = m_db.lastInsertRowId();
        for (const TagSnapshot::Tagging& tagging : tag.taggings) {
            if (auto r = insertTagging->bind(1, tagging.article)
                             .bind(2, id)
                             .bind(3, tagging.origin)
                             .bind(4, tagging.score)
                             .run();
                !r)
                return r.error();
        }
    }
    for (const auto& [tag, query] : snapshot.rules) {
        if (auto r = insertRule->bind(1, tag).bind(2, query).run(); !r)
            return r.error();
    }
    forgetTagIds();
    return transaction->commit();
}

} // namespace broadsheet::core
