// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleStore's subscriptions: the feeds the user follows, with their folders.
#include "article_store.h"

#include <QDateTime>

namespace broadsheet::core {

namespace {
constexpr char16_t kFolderSeparator = u'\x1f';
constexpr char16_t kCategorySeparator = u'\x1e';

QString joinedCategories(const QList<QStringList>& categories)
{
    QStringList paths;
    for (const QStringList& path : categories)
        paths.append(path.join(kFolderSeparator));
    return paths.join(kCategorySeparator);
}

QList<QStringList> splitCategories(const QString& stored)
{
    QList<QStringList> out;
    for (const QString& path : stored.split(kCategorySeparator, Qt::SkipEmptyParts))
        out.append(path.split(kFolderSeparator));
    return out;
}
} // namespace

Result<int> ArticleStore::addSubscriptions(const QList<Subscription>& subscriptions)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto insert = m_db.prepare(
        "INSERT INTO subscriptions(url, title, site_url, folder, categories, added_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(url) DO NOTHING");
    if (!insert)
        return insert.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    int added = 0;
    for (const Subscription& s : subscriptions) {
        insert->bind(1, s.url)
            .bindText(2, s.title)
            .bindText(3, s.siteUrl)
            .bindText(4, s.folders.join(kFolderSeparator))
            .bindText(5, joinedCategories(s.categories))
            .bind(6, now);
        if (auto r = insert->run(); !r)
            return r.error();
        added += m_db.changes() > 0;
    }
    if (auto r = transaction->commit(); !r)
        return r.error();
    return added;
}

Result<QList<Subscription>> ArticleStore::subscriptions()
{
    auto read = ReadTransaction::begin(m_db);
    if (!read)
        return read.error();
    // Folder by folder in the order each first appeared, then in the order added.
    auto select = m_db.prepare(
        "SELECT url, title, site_url, folder, categories FROM subscriptions s ORDER BY "
        "(SELECT min(id) FROM subscriptions f WHERE f.folder = s.folder), id");
    if (!select)
        return select.error();
    QList<Subscription> out;
    auto r = select->forEachRow([&out](const Statement& row) {
        const QString folder = row.text(3);
        out.append(Subscription{row.text(0), row.text(1), row.text(2),
                                folder.isEmpty() ? QStringList() : folder.split(kFolderSeparator),
                                splitCategories(row.text(4))});
    });
    if (!r)
        return r.error();
    return out;
}

} // namespace broadsheet::core

namespace broadsheet::core {

namespace {

QDateTime fromSeconds(std::optional<qint64> seconds)
{
    return seconds ? QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC) : QDateTime();
}

std::optional<qint64> toSeconds(const QDateTime& when)
{
    return when.isValid() ? std::optional<qint64>(when.toSecsSinceEpoch()) : std::nullopt;
}

} // namespace

Result<QList<SubscriptionState>> ArticleStore::subscriptionStates()
{
    auto read = ReadTransaction::begin(m_db);
    if (!read)
        return read.error();
    auto select = m_db.prepare(
        "SELECT id, url, title, etag, last_modified, last_success, last_status, last_error, "
        "failures, next_refresh, interval_minutes FROM subscriptions ORDER BY id");
    if (!select)
        return select.error();
    QList<SubscriptionState> out;
    auto r = select->forEachRow([&out](const Statement& row) {
        SubscriptionState s;
        s.id = row.int64(0);
        s.url = row.text(1);
        s.title = row.text(2);
        s.etag = row.text(3).toLatin1();
        s.lastModified = row.text(4).toLatin1();
        s.lastSuccess = fromSeconds(row.optionalInt64(5));
        s.lastStatus = static_cast<int>(row.int64(6));
        s.lastError = row.text(7);
        s.failures = static_cast<int>(row.int64(8));
        s.nextRefresh = fromSeconds(row.optionalInt64(9));
        s.intervalMinutes = static_cast<int>(row.int64(10));
        out.append(s);
    });
    if (!r)
        return r.error();
    return out;
}

Result<void> ArticleStore::recordFetch(const SubscriptionState& state)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto update =
        m_db.prepare("UPDATE subscriptions SET etag = ?2, last_modified = ?3, last_success = ?4, "
                     "last_status = ?5, last_error = ?6, failures = ?7, next_refresh = ?8, "
                     "title = CASE WHEN title = '' THEN ?9 ELSE title END WHERE id = ?1");
    if (!update)
        return update.error();
    update->bind(1, state.id)
        .bindText(2, QString::fromLatin1(state.etag))
        .bindText(3, QString::fromLatin1(state.lastModified))
        .bind(4, toSeconds(state.lastSuccess))
        .bind(5, state.lastStatus)
        .bindText(6, state.lastError)
        .bind(7, state.failures)
        .bind(8, toSeconds(state.nextRefresh))
        .bindText(9, state.title);
    if (auto r = update->run(); !r)
        return r.error();
    // A feed that moved for good is asked for at its new address from now on (unless
    // another subscription has that address already: then both stay as they are).
    auto move = m_db.prepare("UPDATE OR IGNORE subscriptions SET url = ?2 WHERE id = ?1");
    if (!move)
        return move.error();
    move->bind(1, state.id).bindText(2, state.url);
    if (auto r = move->run(); !r)
        return r.error();
    return transaction->commit();
}

} // namespace broadsheet::core
