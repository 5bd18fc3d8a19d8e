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

QString Retention::toString() const
{
    switch (mode) {
    case Mode::Default:
        break;
    case Mode::All:
        return QStringLiteral("all");
    case Mode::Days:
        return QStringLiteral("days:%1").arg(value);
    case Mode::Newest:
        return QStringLiteral("newest:%1").arg(value);
    }
    return {};
}

std::optional<Retention> Retention::fromString(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text == u"default")
        return Retention{};
    if (text == u"all")
        return Retention{Mode::All, 0};
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return std::nullopt;
    const QStringView mode = text.left(colon);
    bool ok = false;
    const int value = text.mid(colon + 1).toInt(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    if (mode == u"days")
        return Retention{Mode::Days, value};
    if (mode == u"newest")
        return Retention{Mode::Newest, value};
    return std::nullopt;
}

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

namespace {

constexpr const char* kStateColumns =
    "SELECT s.id, s.url, s.title, s.etag, s.last_modified, s.last_success, s.last_status, "
    "s.last_error, s.failures, s.next_refresh, s.interval_minutes, s.folder, s.site_url, "
    "s.retention, s.load_images, s.notify, s.auth_user, s.auth_password, "
    "coalesce(c.stories, 0), coalesce(c.unread, 0), coalesce(s.account_id, 0) FROM "
    "subscriptions s LEFT JOIN "
    "(SELECT subscription_id, count(*) AS stories, sum(is_read = 0) AS unread FROM articles "
    "WHERE subscription_id IS NOT NULL GROUP BY subscription_id) c ON c.subscription_id = s.id ";

SubscriptionState readState(const Statement& row)
{
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
    const QString folder = row.text(11);
    s.folders = folder.isEmpty() ? QStringList() : folder.split(kFolderSeparator);
    s.siteUrl = row.text(12);
    s.retention = Retention::fromString(row.text(13)).value_or(Retention{});
    s.loadImages = row.int64(14) != 0;
    s.notify = row.int64(15) != 0;
    s.user = row.text(16);
    s.password = row.text(17);
    s.stories = row.int64(18);
    s.unread = row.int64(19);
    s.accountId = row.int64(20);
    return s;
}

} // namespace

Result<QList<SubscriptionState>> ArticleStore::subscriptionStates()
{
    auto read = ReadTransaction::begin(m_db);
    if (!read)
        return read.error();
    auto select = m_db.prepare((QByteArray(kStateColumns) + "ORDER BY s.id").constData());
    if (!select)
        return select.error();
    QList<SubscriptionState> out;
    auto r = select->forEachRow([&out](const Statement& row) { out.append(readState(row)); });
    if (!r)
        return r.error();
    return out;
}

Result<std::optional<SubscriptionState>> ArticleStore::subscriptionState(qint64 id)
{
    auto read = ReadTransaction::begin(m_db);
    if (!read)
        return read.error();
    auto select = m_db.prepare((QByteArray(kStateColumns) + "WHERE s.id = ?1").constData());
    if (!select)
        return select.error();
    select->bind(1, id);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<SubscriptionState>();
    return std::optional<SubscriptionState>(readState(*select));
}

Result<void> ArticleStore::updateSubscription(const SubscriptionState& state)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    // A synced subscription renamed or moved here: the server is told with the next sync.
    auto queue = m_db.prepare(
        "INSERT INTO sync_queue(account_id, kind, item_id, label, queued_at) SELECT account_id, "
        "?2, remote_id, ?3, ?4 FROM subscriptions WHERE id = ?1 AND account_id IS NOT NULL AND "
        "remote_id IS NOT NULL AND (CASE ?2 WHEN 'rename' THEN title ELSE folder END) != ?3");
    if (!queue)
        return queue.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString folder = state.folders.join(kFolderSeparator);
    for (const auto& [kind, value] :
         {std::pair{"rename", state.title}, std::pair{"move", folder}}) {
        queue->bind(1, state.id).bind(2, QString::fromLatin1(kind)).bindText(3, value).bind(4, now);
        if (auto r = queue->run(); !r)
            return r.error();
        queue->reset();
    }
    auto update = m_db.prepare(
        "UPDATE subscriptions SET title = ?2, folder = ?3, interval_minutes = ?4, retention = ?5, "
        "load_images = ?6, notify = ?7, auth_user = ?8, auth_password = ?9 WHERE id = ?1");
    if (!update)
        return update.error();
    update->bind(1, state.id)
        .bindText(2, state.title)
        .bindText(3, state.folders.join(kFolderSeparator))
        .bind(4, state.intervalMinutes)
        .bindText(5, state.retention.toString())
        .bind(6, state.loadImages)
        .bind(7, state.notify)
        .bindText(8, state.user)
        .bindText(9, state.password);
    if (auto r = update->run(); !r)
        return r.error();
    if (m_db.changes() == 0)
        return Error{ErrorCode::NotFound, QStringLiteral("no subscription %1").arg(state.id)};
    return transaction->commit();
}

Result<bool> ArticleStore::loadsImages(ArticleId id)
{
    auto select = m_db.prepare("SELECT s.load_images FROM articles a JOIN subscriptions s ON "
                               "s.id = a.subscription_id WHERE a.id = ?1");
    if (!select)
        return select.error();
    select->bind(1, id);
    auto row = select->step();
    if (!row)
        return row.error();
    return *row && select->int64(0) != 0;
}

Result<qint64> ArticleStore::removeSubscription(qint64 id, bool deleteStories)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    // A synced subscription: the server unsubscribes with the next sync.
    auto queue = m_db.prepare("INSERT INTO sync_queue(account_id, kind, item_id, queued_at) "
                              "SELECT account_id, 'unsubscribe', remote_id, ?2 FROM subscriptions "
                              "WHERE id = ?1 AND account_id IS NOT NULL AND remote_id IS NOT NULL");
    if (!queue)
        return queue.error();
    queue->bind(1, id).bind(2, QDateTime::currentSecsSinceEpoch());
    if (auto r = queue->run(); !r)
        return r.error();
    auto removed = dropSubscription(id, deleteStories);
    if (!removed)
        return removed.error();
    if (auto r = transaction->commit(); !r)
        return r.error();
    return *removed;
}

Result<qint64> ArticleStore::markSubscriptionRead(qint64 id)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    auto mark =
        m_db.prepare("UPDATE articles SET is_read = 1 WHERE subscription_id = ?1 AND is_read = 0");
    if (!mark)
        return mark.error();
    mark->bind(1, id);
    if (auto r = mark->run(); !r)
        return r.error();
    const qint64 marked = m_db.changes();
    // One change for the feed, whether or not a story changed here: the server may have
    // stories this library has not seen yet, and they are read now too.
    // queued_at counts seconds: the moment to the millisecond goes in label.
    auto queue = m_db.prepare(
        "INSERT INTO sync_queue(account_id, kind, item_id, label, queued_at) SELECT account_id, "
        "'read-feed', remote_id, ?2, ?3 FROM subscriptions WHERE id = ?1 AND account_id IS NOT "
        "NULL AND remote_id IS NOT NULL");
    if (!queue)
        return queue.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    queue->bind(1, id).bind(2, QString::number(now)).bind(3, now / 1000);
    if (auto r = queue->run(); !r)
        return r.error();
    if (auto r = transaction->commit(); !r)
        return r.error();
    return marked;
}

Result<qint64> ArticleStore::dropSubscription(qint64 id, bool deleteStories)
{
    auto transaction = Transaction::beginOrJoin(m_db); // or the writer's
    if (!transaction)
        return transaction.error();
    qint64 deleted = 0;
    if (deleteStories) {
        auto select = m_db.prepare("SELECT id FROM articles WHERE subscription_id = ?1");
        if (!select)
            return select.error();
        select->bind(1, id);
        QList<ArticleId> ids;
        if (auto r = select->forEachRow([&ids](const Statement& row) { ids.append(row.int64(0)); });
            !r)
            return r.error();
        auto removed = deleteArticles(ids);
        if (!removed)
            return removed.error();
        deleted = *removed;
    }
    auto remove = m_db.prepare("DELETE FROM subscriptions WHERE id = ?1"); // stories: SET NULL
    if (!remove)
        return remove.error();
    if (auto r = remove->bind(1, id).run(); !r)
        return r.error();
    if (m_db.changes() == 0)
        return Error{ErrorCode::NotFound, QStringLiteral("no subscription %1").arg(id)};
    if (auto r = transaction->commit(); !r)
        return r.error();
    return deleted;
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
