// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleStore's side of sync (issue 18): accounts, their subscriptions, the server's item
// ids of the stories they became, the state the server reports, and the queue of changes
// made here that wait for the server.
#include "article_store.h"

#include <QDateTime>
#include <QSet>

namespace broadsheet::core {

namespace {

constexpr std::pair<QueuedChange::Kind, const char*> kChangeNames[] = {
    {QueuedChange::Kind::Read, "read"},
    {QueuedChange::Kind::Unread, "unread"},
    {QueuedChange::Kind::Star, "star"},
    {QueuedChange::Kind::Unstar, "unstar"},
    {QueuedChange::Kind::AddLabel, "label-add"},
    {QueuedChange::Kind::RemoveLabel, "label-remove"},
    {QueuedChange::Kind::Unsubscribe, "unsubscribe"},
    {QueuedChange::Kind::Rename, "rename"},
    {QueuedChange::Kind::Move, "move"},
    {QueuedChange::Kind::ReadFeed, "read-feed"},
};

std::optional<QueuedChange::Kind> changeKind(const QString& name)
{
    for (const auto& [kind, text] : kChangeNames) {
        if (name == QLatin1String(text))
            return kind;
    }
    return std::nullopt;
}

SyncAccount accountFrom(const Statement& row)
{
    SyncAccount account;
    account.id = row.int64(0);
    account.kind = row.text(1);
    account.url = row.text(2);
    account.user = row.text(3);
    if (const auto last = row.optionalInt64(4))
        account.lastSync = QDateTime::fromSecsSinceEpoch(*last, Qt::UTC);
    account.lastError = row.text(5);
    account.continuation = row.text(6);
    account.firstSyncDone = row.int64(7) != 0;
    if (const auto newest = row.optionalInt64(8))
        account.newestSeen = QDateTime::fromSecsSinceEpoch(*newest, Qt::UTC);
    account.queued = row.int64(9);
    return account;
}

constexpr const char* kAccountColumns =
    "SELECT id, kind, url, user, last_sync, last_error, continuation, first_sync_done, "
    "newest_seen, (SELECT count(*) FROM sync_queue q WHERE q.account_id = accounts.id) "
    "FROM accounts";

} // namespace

const char* ArticleStore::queuedChangeName(QueuedChange::Kind kind)
{
    for (const auto& [k, text] : kChangeNames) {
        if (k == kind)
            return text;
    }
    return "";
}

Result<qint64> ArticleStore::addAccount(const QString& kind, const QString& url,
                                        const QString& user)
{
    auto insert = m_db.prepare("INSERT INTO accounts(kind, url, user, added_at) VALUES (?1, ?2, "
                               "?3, ?4) ON CONFLICT DO NOTHING");
    if (!insert)
        return insert.error();
    insert->bind(1, kind).bind(2, url).bind(3, user).bind(4, QDateTime::currentSecsSinceEpoch());
    if (auto r = insert->run(); !r)
        return r.error();
    if (m_db.changes() == 0)
        return Error(ErrorCode::Exists,
                     QStringLiteral("the library has this account already: %1 at %2 (%3)")
                         .arg(user, url, kind));
    return m_db.lastInsertRowId();
}

Result<QList<SyncAccount>> ArticleStore::accounts()
{
    auto select = m_db.prepare((QByteArray(kAccountColumns) + " ORDER BY id").constData());
    if (!select)
        return select.error();
    QList<SyncAccount> found;
    if (auto r =
            select->forEachRow([&found](const Statement& row) { found.append(accountFrom(row)); });
        !r)
        return r.error();
    return found;
}

Result<std::optional<SyncAccount>> ArticleStore::account(qint64 id)
{
    auto select = m_db.prepare((QByteArray(kAccountColumns) + " WHERE id = ?1").constData());
    if (!select)
        return select.error();
    select->bind(1, id);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<SyncAccount>();
    return std::optional<SyncAccount>(accountFrom(*select));
}

Result<void> ArticleStore::recordSync(const SyncAccount& account)
{
    auto update =
        m_db.prepare("UPDATE accounts SET last_sync = ?2, last_error = ?3, continuation = ?4, "
                     "first_sync_done = ?5, newest_seen = ?6 WHERE id = ?1");
    if (!update)
        return update.error();
    update->bind(1, account.id)
        .bind(2, account.lastSync.isValid()
                     ? std::optional<qint64>(account.lastSync.toSecsSinceEpoch())
                     : std::nullopt)
        .bindText(3, account.lastError)
        .bindText(4, account.continuation)
        .bind(5, account.firstSyncDone)
        .bind(6, account.newestSeen.isValid()
                     ? std::optional<qint64>(account.newestSeen.toSecsSinceEpoch())
                     : std::nullopt);
    return update->run();
}

Result<bool> ArticleStore::removeAccount(qint64 id)
{
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    // Its subscriptions go (their stories stay, as stories of no subscription); its item
    // ids and waiting changes go with it (ON DELETE CASCADE).
    auto subscriptions = m_db.prepare("SELECT id FROM subscriptions WHERE account_id = ?1");
    if (!subscriptions)
        return subscriptions.error();
    subscriptions->bind(1, id);
    QList<qint64> ids;
    if (auto r =
            subscriptions->forEachRow([&ids](const Statement& row) { ids.append(row.int64(0)); });
        !r)
        return r.error();
    for (qint64 subscription : ids) {
        if (auto r = dropSubscription(subscription, false); !r)
            return r.error();
    }
    auto remove = m_db.prepare("DELETE FROM accounts WHERE id = ?1");
    if (!remove)
        return remove.error();
    remove->bind(1, id);
    if (auto r = remove->run(); !r)
        return r.error();
    const bool removed = m_db.changes() > 0;
    if (auto r = transaction->commit(); !r)
        return r.error();
    return removed;
}

Result<QHash<QString, qint64>>
ArticleStore::syncSubscriptions(qint64 account, const QList<RemoteSubscription>& remote)
{
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    auto find = m_db.prepare("SELECT id FROM subscriptions WHERE account_id = ?1 AND remote_id = "
                             "?2");
    // A feed the library has already (subscribed here, or from an OPML list) joins the
    // account rather than becoming a second subscription to the same address.
    auto byUrl = m_db.prepare("SELECT id FROM subscriptions WHERE url = ?1 AND (account_id IS "
                              "NULL OR account_id = ?2)");
    auto insert = m_db.prepare(
        "INSERT INTO subscriptions(url, title, site_url, folder, added_at, account_id, "
        "remote_id, next_refresh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)");
    // The server fetches its feeds: the library does not (next_refresh NULL).
    auto update = m_db.prepare(
        "UPDATE subscriptions SET url = CASE WHEN EXISTS (SELECT 1 FROM subscriptions o WHERE "
        "o.url = ?2 AND o.id != ?1) THEN url ELSE ?2 END, title = ?3, site_url = ?4, folder = "
        "?5, account_id = ?6, remote_id = ?7, next_refresh = NULL WHERE id = ?1");
    for (auto* stmt : {&find, &byUrl, &insert, &update}) {
        if (!*stmt)
            return stmt->error();
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QHash<QString, qint64> ids;
    for (const RemoteSubscription& feed : remote) {
        // By the server's id, else by the feed's address.
        auto lookup = [](Statement& stmt) -> Result<std::optional<qint64>> {
            auto row = stmt.step();
            std::optional<qint64> found;
            if (row && *row)
                found = stmt.int64(0);
            stmt.reset();
            if (!row)
                return row.error();
            return found;
        };
        auto id = lookup(find->bind(1, account).bind(2, feed.id));
        if (id && !*id)
            id = lookup(byUrl->bind(1, feed.url).bind(2, account));
        if (!id)
            return id.error();
        if (*id) {
            update->reset();
            update->bind(1, **id)
                .bindText(2, feed.url)
                .bindText(3, feed.title)
                .bindText(4, feed.siteUrl)
                .bindText(5, feed.folder)
                .bind(6, account)
                .bind(7, feed.id);
            if (auto r = update->run(); !r)
                return r.error();
        } else {
            insert->reset();
            insert->bindText(1, feed.url)
                .bindText(2, feed.title)
                .bindText(3, feed.siteUrl)
                .bindText(4, feed.folder)
                .bind(5, now)
                .bind(6, account)
                .bind(7, feed.id);
            if (auto r = insert->run(); !r)
                return r.error();
            *id = m_db.lastInsertRowId();
        }
        ids.insert(feed.id, **id);
    }
    // What the server no longer has was unsubscribed there (elsewhere): so here, its
    // stories kept.
    auto mine = m_db.prepare("SELECT id, remote_id FROM subscriptions WHERE account_id = ?1");
    if (!mine)
        return mine.error();
    mine->bind(1, account);
    QList<qint64> gone;
    if (auto r = mine->forEachRow([&](const Statement& row) {
            if (!ids.contains(row.text(1)))
                gone.append(row.int64(0));
        });
        !r)
        return r.error();
    for (qint64 subscription : gone) {
        if (auto r = dropSubscription(subscription, false); !r)
            return r.error();
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return ids;
}

Result<void> ArticleStore::linkRemoteItems(qint64 account,
                                           const QList<std::pair<QString, ArticleId>>& items)
{
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    auto link = m_db.prepare("INSERT INTO remote_items(account_id, remote_id, article_id) VALUES "
                             "(?1, ?2, ?3) ON CONFLICT(account_id, remote_id) DO UPDATE SET "
                             "article_id = excluded.article_id");
    if (!link)
        return link.error();
    for (const auto& [remote, article] : items) {
        if (article <= 0)
            continue;
        link->bind(1, account).bind(2, remote).bind(3, article);
        if (auto r = link->run(); !r)
            return r.error();
        link->reset();
    }
    return transaction->commit();
}

Result<qint64> ArticleStore::applyRemoteFlags(qint64 account, const QSet<QString>& unread,
                                              const QSet<QString>& starred,
                                              const QSet<QString>& keep)
{
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    // A story with a change of its own still waiting keeps it, and so does one whose feed
    // waits to be marked read: that change is the latest.
    auto items = m_db.prepare(
        "SELECT r.remote_id, a.id, a.is_read, a.is_starred, EXISTS (SELECT 1 FROM sync_queue q "
        "WHERE q.account_id = r.account_id AND q.item_id = r.remote_id) OR EXISTS (SELECT 1 "
        "FROM sync_queue q JOIN subscriptions s ON s.account_id = q.account_id AND s.remote_id "
        "= q.item_id WHERE q.account_id = r.account_id AND q.kind = 'read-feed' AND s.id = "
        "a.subscription_id) FROM remote_items r JOIN articles a ON a.id = r.article_id WHERE "
        "r.account_id = ?1");
    auto set = m_db.prepare("UPDATE articles SET is_read = ?2, is_starred = ?3 WHERE id = ?1");
    if (!items)
        return items.error();
    if (!set)
        return set.error();
    items->bind(1, account);
    QList<std::tuple<ArticleId, bool, bool>> changes;
    if (auto r = items->forEachRow([&](const Statement& row) {
            const QString remote = row.text(0);
            if (row.int64(4) != 0 || keep.contains(remote))
                return;
            const bool read = !unread.contains(remote);
            const bool star = starred.contains(remote);
            if (read != (row.int64(2) != 0) || star != (row.int64(3) != 0))
                changes.append({row.int64(1), read, star});
        });
        !r)
        return r.error();
    for (const auto& [id, read, star] : changes) {
        set->bind(1, id).bind(2, read).bind(3, star);
        if (auto r = set->run(); !r)
            return r.error();
        set->reset();
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return static_cast<qint64>(changes.size());
}

Result<void> ArticleStore::setRemoteLabels(qint64 account,
                                           const QHash<QString, QStringList>& labels)
{
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    // A story whose own label change still waits keeps its labels until the server has it.
    auto story = m_db.prepare(
        "SELECT r.article_id, EXISTS (SELECT 1 FROM sync_queue q WHERE q.account_id = "
        "r.account_id AND q.item_id = r.remote_id AND q.kind IN ('label-add', "
        "'label-remove')) FROM remote_items r WHERE r.account_id = ?1 AND r.remote_id = ?2");
    auto current = m_db.prepare("SELECT t.name FROM article_tags x JOIN tags t ON t.id = "
                                "x.tag_id WHERE x.article_id = ?1 AND t.kind = 'label'");
    auto unlink = m_db.prepare("DELETE FROM article_tags WHERE article_id = ?1 AND tag_id = "
                               "(SELECT id FROM tags WHERE name = ?2 AND kind = 'label')");
    auto link = m_db.prepare("INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin) "
                             "VALUES (?1, ?2, 'label')");
    for (auto* stmt : {&story, &current, &unlink, &link}) {
        if (!*stmt)
            return stmt->error();
    }
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        story->reset();
        story->bind(1, account).bind(2, it.key());
        auto row = story->step();
        if (!row)
            return row.error();
        if (!*row || story->int64(1) != 0)
            continue;
        const ArticleId id = story->int64(0);
        current->reset();
        current->bind(1, id);
        QStringList had;
        if (auto r = current->forEachRow([&had](const Statement& tag) { had.append(tag.text(0)); });
            !r)
            return r.error();
        for (const QString& name : had) {
            if (it.value().contains(name))
                continue;
            unlink->reset();
            unlink->bind(1, id).bind(2, name);
            if (auto r = unlink->run(); !r)
                return r.error();
        }
        for (const QString& name : it.value()) {
            if (had.contains(name) || name.trimmed().isEmpty())
                continue;
            auto tag = tagId(name.trimmed(), QString::fromLatin1(tag_kind::kLabel));
            if (!tag)
                return tag.error();
            link->reset();
            link->bind(1, id).bind(2, *tag);
            if (auto r = link->run(); !r)
                return r.error();
        }
    }
    return transaction->commit();
}

Result<QStringList> ArticleStore::remoteItemIds(qint64 account)
{
    auto select = m_db.prepare("SELECT remote_id FROM remote_items WHERE account_id = ?1");
    if (!select)
        return select.error();
    select->bind(1, account);
    QStringList ids;
    if (auto r = select->forEachRow([&ids](const Statement& row) { ids.append(row.text(0)); }); !r)
        return r.error();
    return ids;
}

Result<QStringList> ArticleStore::keptRemoteItemIds(qint64 account)
{
    auto select = m_db.prepare(
        "SELECT r.remote_id FROM remote_items r JOIN articles a ON a.id = r.article_id WHERE "
        "r.account_id = ?1 AND (a.is_starred = 1 OR EXISTS (SELECT 1 FROM article_tags x JOIN "
        "tags t ON t.id = x.tag_id WHERE x.article_id = a.id AND t.kind = 'label'))");
    if (!select)
        return select.error();
    select->bind(1, account);
    QStringList ids;
    if (auto r = select->forEachRow([&ids](const Statement& row) { ids.append(row.text(0)); }); !r)
        return r.error();
    return ids;
}

Result<QList<QueuedChange>> ArticleStore::queuedChanges(qint64 account)
{
    auto select = m_db.prepare("SELECT id, kind, item_id, label, queued_at FROM sync_queue "
                               "WHERE account_id = ?1 ORDER BY id");
    if (!select)
        return select.error();
    select->bind(1, account);
    QList<QueuedChange> found;
    if (auto r = select->forEachRow([&found](const Statement& row) {
            const auto kind = changeKind(row.text(1));
            if (!kind)
                return; // a kind a newer Broadsheet queued: left for it
            QueuedChange change{row.int64(0), *kind, row.text(2), row.text(3),
                                QDateTime::fromSecsSinceEpoch(row.int64(4), Qt::UTC)};
            // queued_at counts seconds; a feed's read mark keeps its milliseconds in label.
            if (change.kind == QueuedChange::Kind::ReadFeed) {
                bool ok = false;
                const qint64 ms = change.label.toLongLong(&ok);
                if (ok)
                    change.queuedAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
                change.label.clear();
            }
            found.append(change);
        });
        !r)
        return r.error();
    return found;
}

Result<void> ArticleStore::dropQueuedChanges(const QList<qint64>& ids)
{
    auto transaction = Transaction::beginOrJoin(m_db);
    if (!transaction)
        return transaction.error();
    auto remove = m_db.prepare("DELETE FROM sync_queue WHERE id = ?1");
    if (!remove)
        return remove.error();
    for (qint64 id : ids) {
        remove->bind(1, id);
        if (auto r = remove->run(); !r)
            return r.error();
        remove->reset();
    }
    return transaction->commit();
}

} // namespace broadsheet::core
