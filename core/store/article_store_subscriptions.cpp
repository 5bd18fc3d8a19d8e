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
