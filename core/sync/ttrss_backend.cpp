// SPDX-License-Identifier: GPL-3.0-or-later
#include "ttrss_backend.h"

#include "sync/http_client.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace broadsheet::core {

namespace {

/// getHeadlines answers at most 200 articles a call, whatever is asked.
constexpr int kHeadlinesPerCall = 200;
/// Article ids per updateArticle or setArticleLabel call.
constexpr qsizetype kIdsPerEdit = 500;
/// How long a subscribe may take: the server fetches the feed before it answers.
constexpr int kSubscribeTimeoutMs = 300000;

// The API's virtual feeds.
constexpr qint64 kAllArticles = -4;
constexpr qint64 kStarred = -1;

// updateArticle's fields and modes.
constexpr int kFieldMarked = 0;
constexpr int kFieldUnread = 2;

/// "skip:400" → 400; anything else → 0.
int skipOf(const QString& continuation)
{
    const qsizetype colon = continuation.indexOf(u':');
    return colon < 0 ? 0 : continuation.mid(colon + 1).toInt();
}

QString joinedIds(const QStringList& ids)
{
    return ids.join(u',');
}

QString why(const QJsonValue& content)
{
    const QString error = content.toObject().value(QStringLiteral("error")).toString();
    return error.isEmpty() ? QStringLiteral("no reason given") : error;
}

} // namespace

TtRssBackend::TtRssBackend(AccountSettings settings, HttpClient& http)
    : m_settings(std::move(settings))
    , m_http(http)
{
    // The API is ".../api/" (its documentation's form); "..." alone means the same.
    QString path = m_settings.url.path();
    if (!path.endsWith(QLatin1String("/api/")) && !path.endsWith(QLatin1String("/api"))) {
        while (path.endsWith(u'/'))
            path.chop(1);
        path += QStringLiteral("/api/");
    } else if (!path.endsWith(u'/')) {
        path += u'/';
    }
    m_settings.url.setPath(path);
}

Error TtRssBackend::notAList(const QString& op) const
{
    return Error(
        QStringLiteral("%1: the answer to %2 is not the list the API gives").arg(where(), op));
}

QString TtRssBackend::where() const
{
    return m_settings.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
}

Result<void> TtRssBackend::login(const std::stop_token& stop)
{
    m_session.clear();
    auto content = call(QStringLiteral("login"),
                        QJsonObject{{QStringLiteral("user"), m_settings.user},
                                    {QStringLiteral("password"), m_settings.password}},
                        stop, true);
    if (!content) {
        const QString error = content.error().message;
        if (error.endsWith(QLatin1String("LOGIN_ERROR")))
            return Error(ErrorCode::Unauthorized,
                         QStringLiteral("%1: the server refused user '%2' with this password")
                             .arg(where(), m_settings.user));
        if (error.endsWith(QLatin1String("API_DISABLED")))
            return Error(ErrorCode::Unauthorized,
                         QStringLiteral("%1: the API is off for user '%2' (turn on \"Enable API\" "
                                        "in Tiny Tiny RSS's Preferences)")
                             .arg(where(), m_settings.user));
        return content.error();
    }
    m_session = content->toObject().value(QStringLiteral("session_id")).toString();
    if (m_session.isEmpty())
        return Error(QStringLiteral("%1: the login's answer has no session; is this the address "
                                    "of Tiny Tiny RSS's API (…/api/)?")
                         .arg(where()));
    return {};
}

Result<QJsonValue> TtRssBackend::call(const QString& op, QJsonObject fields,
                                      const std::stop_token& stop, bool retried)
{
    const bool isLogin = op == u"login";
    if (!isLogin && m_session.isEmpty()) {
        if (auto r = login(stop); !r)
            return r.error();
    }
    fields.insert(QStringLiteral("op"), op);
    if (!isLogin)
        fields.insert(QStringLiteral("sid"), m_session);
    HttpRequest request;
    request.method = HttpRequest::Method::Post;
    request.url = m_settings.url;
    request.body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    request.contentType = QByteArrayLiteral("application/json");
    if (op == u"subscribeToFeed")
        request.idleTimeoutMs = kSubscribeTimeoutMs;
    auto answer = m_http.send(request, stop);
    if (!answer)
        return answer.error();
    if (answer->status == 401 || answer->status == 403)
        return Error(
            ErrorCode::Unauthorized,
            QStringLiteral("%1: answered HTTP %2 to %3").arg(where()).arg(answer->status).arg(op));
    if (answer->status != 200)
        return Error(
            answer->status >= 500 ? ErrorCode::Unreachable : ErrorCode::Failed,
            QStringLiteral("%1: answered HTTP %2 to %3").arg(where()).arg(answer->status).arg(op));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(answer->body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error(QStringLiteral("%1: the answer to %2 is not the JSON the API gives (%3)")
                         .arg(where(), op,
                              error.error != QJsonParseError::NoError
                                  ? error.errorString()
                                  : QStringLiteral("not an object")));
    const QJsonObject reply = document.object();
    QJsonValue content = reply.value(QStringLiteral("content"));
    if (reply.value(QStringLiteral("status")).toInt(-1) == 0)
        return content;
    const QString reason = why(content);
    if (reason == u"NOT_LOGGED_IN" && !isLogin && !retried) {
        // The session ended (the server restarted or expired it): log in again, once.
        m_session.clear();
        return call(op, fields, stop, true);
    }
    if (reason == u"NOT_LOGGED_IN")
        return Error(ErrorCode::Unauthorized,
                     QStringLiteral("%1: the server ended the session of user '%2'")
                         .arg(where(), m_settings.user));
    return Error(QStringLiteral("%1: %2 failed: %3").arg(where(), op, reason));
}

Result<QList<RemoteFeed>> TtRssBackend::feeds(const std::stop_token& stop)
{
    auto categories = call(QStringLiteral("getCategories"),
                           QJsonObject{{QStringLiteral("include_empty"), true}}, stop);
    if (!categories)
        return categories.error();
    if (!categories->isArray())
        return notAList(QStringLiteral("getCategories"));
    QHash<qint64, QString> categoryTitle;
    m_categoryIds.clear();
    for (const auto& value : categories->toArray()) {
        const QJsonObject c = value.toObject();
        const qint64 id = c.value(QStringLiteral("id")).toVariant().toLongLong();
        if (id <= 0)
            continue; // Uncategorized (0), Special (-1), Labels (-2): not folders
        const QString title = c.value(QStringLiteral("title")).toString();
        categoryTitle.insert(id, title);
        m_categoryIds.insert(title, id);
    }
    // -3: every real feed, whatever its category (virtual feeds and labels left out).
    auto list = call(QStringLiteral("getFeeds"), QJsonObject{{QStringLiteral("cat_id"), -3}}, stop);
    if (!list)
        return list.error();
    // A server that answers without the list is not taken to have no feeds: the library
    // would unsubscribe from every one.
    if (!list->isArray())
        return notAList(QStringLiteral("getFeeds"));
    QList<RemoteFeed> feeds;
    for (const auto& value : list->toArray()) {
        const QJsonObject f = value.toObject();
        const qint64 id = f.value(QStringLiteral("id")).toVariant().toLongLong();
        if (id <= 0)
            continue;
        RemoteFeed feed;
        feed.id = QString::number(id);
        feed.title = f.value(QStringLiteral("title")).toString();
        feed.url = f.value(QStringLiteral("feed_url")).toString();
        feed.folder =
            categoryTitle.value(f.value(QStringLiteral("cat_id")).toVariant().toLongLong());
        feeds.append(feed);
    }
    return feeds;
}

Result<void> TtRssBackend::loadLabels(const std::stop_token& stop)
{
    auto list = call(QStringLiteral("getLabels"), {}, stop);
    if (!list)
        return list.error();
    m_labelIds.clear();
    for (const auto& value : list->toArray()) {
        const QJsonObject l = value.toObject();
        const QString caption = l.value(QStringLiteral("caption")).toString();
        if (!caption.isEmpty())
            m_labelIds.insert(caption, l.value(QStringLiteral("id")).toVariant().toLongLong());
    }
    m_haveLabels = true;
    return {};
}

Result<QStringList> TtRssBackend::labels(const std::stop_token& stop)
{
    if (auto r = loadLabels(stop); !r)
        return r.error();
    QStringList names = m_labelIds.keys();
    names.sort();
    return names;
}

Result<ItemPage> TtRssBackend::items(const QString& continuation, std::optional<QDateTime> since,
                                     int count, const std::stop_token& stop)
{
    const int skip = skipOf(continuation);
    const int limit = std::clamp(count, 1, kHeadlinesPerCall);
    QJsonObject fields{{QStringLiteral("feed_id"), kAllArticles},
                       {QStringLiteral("view_mode"), QStringLiteral("all_articles")},
                       {QStringLiteral("show_content"), true},
                       {QStringLiteral("limit"), limit},
                       {QStringLiteral("skip"), skip}};
    // The server's default order (newest stored first) has ties within one crawl, which
    // paging by offset can split; title order is tied only by articles of one title,
    // stored at the same moment and dated alike.
    if (!since)
        fields.insert(QStringLiteral("order_by"), QStringLiteral("title"));
    auto list = call(QStringLiteral("getHeadlines"), fields, stop);
    if (!list)
        return list.error();
    if (!list->isArray())
        return notAList(QStringLiteral("getHeadlines"));
    const QJsonArray rows = list->toArray();
    ItemPage page;
    for (const auto& value : rows) {
        const QJsonObject h = value.toObject();
        const qint64 id = h.value(QStringLiteral("id")).toVariant().toLongLong();
        if (id <= 0)
            continue;
        RemoteItem item;
        item.id = QString::number(id);
        item.feedId = QString::number(h.value(QStringLiteral("feed_id")).toVariant().toLongLong());
        item.title = h.value(QStringLiteral("title")).toString();
        item.url = h.value(QStringLiteral("link")).toString();
        item.author = h.value(QStringLiteral("author")).toString();
        item.html = h.value(QStringLiteral("content")).toString();
        const qint64 updated = h.value(QStringLiteral("updated")).toVariant().toLongLong();
        if (updated > 0)
            item.published = item.updated = QDateTime::fromSecsSinceEpoch(updated, Qt::UTC);
        item.read = !h.value(QStringLiteral("unread")).toBool();
        item.starred = h.value(QStringLiteral("marked")).toBool();
        for (const auto& label : h.value(QStringLiteral("labels")).toArray()) {
            // [id, caption, fg colour, bg colour]
            const QString caption = label.toArray().at(1).toString();
            if (!caption.isEmpty())
                item.labels.append(caption);
        }
        page.items.append(item);
    }
    if (rows.size() >= limit)
        page.continuation = QStringLiteral("skip:%1").arg(skip + rows.size());
    return page;
}

Result<QStringList> TtRssBackend::articleIds(qint64 feedId, const QString& viewMode,
                                             const std::stop_token& stop,
                                             std::optional<qint64> datedUpTo)
{
    QStringList ids;
    for (int skip = 0;; skip += kHeadlinesPerCall) {
        auto list = call(QStringLiteral("getHeadlines"),
                         QJsonObject{{QStringLiteral("feed_id"), feedId},
                                     {QStringLiteral("view_mode"), viewMode},
                                     {QStringLiteral("limit"), kHeadlinesPerCall},
                                     {QStringLiteral("skip"), skip},
                                     {QStringLiteral("order_by"), QStringLiteral("title")}},
                         stop);
        if (!list)
            return list.error();
        if (!list->isArray())
            return notAList(QStringLiteral("getHeadlines"));
        const QJsonArray rows = list->toArray();
        for (const auto& value : rows) {
            const QJsonObject h = value.toObject();
            const qint64 id = h.value(QStringLiteral("id")).toVariant().toLongLong();
            const qint64 updated = h.value(QStringLiteral("updated")).toVariant().toLongLong();
            if (id > 0 && (!datedUpTo || updated <= *datedUpTo))
                ids.append(QString::number(id));
        }
        if (rows.size() < kHeadlinesPerCall)
            return ids;
    }
}

Result<QStringList> TtRssBackend::unreadIds(const std::stop_token& stop)
{
    return articleIds(kAllArticles, QStringLiteral("unread"), stop);
}

Result<QStringList> TtRssBackend::starredIds(const std::stop_token& stop)
{
    return articleIds(kStarred, QStringLiteral("all_articles"), stop);
}

Result<QStringList> TtRssBackend::labelledIds(const QString& label, const std::stop_token& stop)
{
    if (!m_haveLabels) {
        if (auto r = loadLabels(stop); !r)
            return r.error();
    }
    const auto it = m_labelIds.constFind(label);
    if (it == m_labelIds.cend())
        return QStringList();
    return articleIds(*it, QStringLiteral("all_articles"), stop);
}

Result<QSet<QString>> TtRssBackend::present(const QStringList& ids, const std::stop_token& stop)
{
    QSet<QString> found;
    for (qsizetype at = 0; at < ids.size(); at += kIdsPerEdit) {
        auto list = call(
            QStringLiteral("getArticle"),
            QJsonObject{{QStringLiteral("article_id"), joinedIds(ids.mid(at, kIdsPerEdit))}}, stop);
        if (!list)
            return list.error();
        if (!list->isArray())
            return notAList(QStringLiteral("getArticle"));
        for (const auto& value : list->toArray()) {
            const qint64 id = value.toObject().value(QStringLiteral("id")).toVariant().toLongLong();
            if (id > 0)
                found.insert(QString::number(id));
        }
    }
    return found;
}

Result<void> TtRssBackend::apply(const RemoteChange& change, const std::stop_token& stop)
{
    const bool label = change.kind == RemoteChange::Kind::AddLabel ||
                       change.kind == RemoteChange::Kind::RemoveLabel;
    qint64 labelId = 0;
    if (label) {
        if (!m_haveLabels) {
            if (auto r = loadLabels(stop); !r)
                return r.error();
        }
        const auto it = m_labelIds.constFind(change.label);
        if (it == m_labelIds.cend())
            return Error(ErrorCode::Unsupported,
                         QStringLiteral("%1: the server has no label \"%2\" and its API cannot "
                                        "make one: the story keeps the server's labels (make "
                                        "it in Tiny Tiny RSS's Preferences → Labels, then add "
                                        "it here again)")
                             .arg(where(), change.label));
        labelId = *it;
    }
    for (qsizetype at = 0; at < change.itemIds.size(); at += kIdsPerEdit) {
        const QString ids = joinedIds(change.itemIds.mid(at, kIdsPerEdit));
        Result<QJsonValue> r = QJsonValue();
        if (label) {
            r = call(QStringLiteral("setArticleLabel"),
                     QJsonObject{
                         {QStringLiteral("article_ids"), ids},
                         {QStringLiteral("label_id"), labelId},
                         {QStringLiteral("assign"), change.kind == RemoteChange::Kind::AddLabel}},
                     stop);
        } else {
            const bool starState = change.kind == RemoteChange::Kind::Star ||
                                   change.kind == RemoteChange::Kind::Unstar;
            // mode 1 sets the field, 0 clears it; the field for read is "unread".
            const bool set = change.kind == RemoteChange::Kind::Star ||
                             change.kind == RemoteChange::Kind::Unread;
            r = call(QStringLiteral("updateArticle"),
                     QJsonObject{{QStringLiteral("article_ids"), ids},
                                 {QStringLiteral("field"), starState ? kFieldMarked : kFieldUnread},
                                 {QStringLiteral("mode"), set ? 1 : 0}},
                     stop);
        }
        if (!r)
            return r.error();
    }
    return {};
}

Result<QString> TtRssBackend::subscribe(const QString& url, const QString& folder,
                                        const std::stop_token& stop)
{
    qint64 category = 0;
    if (!folder.isEmpty()) {
        if (m_categoryIds.isEmpty()) {
            if (auto r = feeds(stop); !r)
                return r.error();
        }
        const auto it = m_categoryIds.constFind(folder);
        if (it == m_categoryIds.cend())
            return Error(ErrorCode::Unsupported,
                         QStringLiteral("%1: the server has no category \"%2\" and its API cannot "
                                        "make one (make it in Tiny Tiny RSS first)")
                             .arg(where(), folder));
        category = *it;
    }
    auto content = call(
        QStringLiteral("subscribeToFeed"),
        QJsonObject{{QStringLiteral("feed_url"), url}, {QStringLiteral("category_id"), category}},
        stop);
    if (!content)
        return content.error();
    const QJsonObject status = content->toObject().value(QStringLiteral("status")).toObject();
    const int code = status.value(QStringLiteral("code")).toInt(-1);
    if (code == 0 || code == 1) // already subscribed, or subscribed now
        return QString::number(status.value(QStringLiteral("feed_id")).toVariant().toLongLong());
    QString reason;
    switch (code) {
    case 2:
        reason = QStringLiteral("not a valid address");
        break;
    case 3:
        reason = QStringLiteral("no feed found there");
        break;
    case 4:
        reason = QStringLiteral("several feeds found there: subscribe to one of them");
        break;
    case 5:
        reason = QStringLiteral("the server could not fetch it");
        break;
    default:
        reason = QStringLiteral("code %1").arg(code);
        break;
    }
    if (const QString message = status.value(QStringLiteral("message")).toString();
        !message.isEmpty())
        reason += QStringLiteral(": ") + message;
    return Error(
        QStringLiteral("%1: the server did not subscribe to %2 (%3)").arg(where(), url, reason));
}

Result<void> TtRssBackend::unsubscribe(const QString& feedId, const std::stop_token& stop)
{
    auto r = call(QStringLiteral("unsubscribeFeed"),
                  QJsonObject{{QStringLiteral("feed_id"), feedId.toLongLong()}}, stop);
    if (!r && r.error().message.endsWith(QLatin1String("FEED_NOT_FOUND")))
        return {}; // gone already: what was asked
    if (!r)
        return r.error();
    return {};
}

Result<void> TtRssBackend::markFeedRead(const QString& feedId, const QDateTime& before,
                                        const std::stop_token& stop)
{
    // catchupFeed marks everything, also what arrived after `before` (the change may have
    // waited offline for days): the feed's unread headlines dated up to `before` are marked
    // by id instead.
    auto ids =
        articleIds(feedId.toLongLong(), QStringLiteral("unread"), stop, before.toSecsSinceEpoch());
    if (!ids)
        return ids.error();
    return apply(RemoteChange{RemoteChange::Kind::Read, *ids, {}}, stop);
}

Result<void> TtRssBackend::rename(const QString& feedId, const QString& title,
                                  const std::stop_token& /*stop*/)
{
    return Error(ErrorCode::Unsupported,
                 QStringLiteral("%1: Tiny Tiny RSS's API cannot rename a feed: the library keeps "
                                "the server's title for feed %2 (rename it \"%3\" in Tiny Tiny "
                                "RSS itself)")
                     .arg(where(), feedId, title));
}

Result<void> TtRssBackend::move(const QString& feedId, const QString& folder,
                                const std::stop_token& /*stop*/)
{
    return Error(ErrorCode::Unsupported,
                 QStringLiteral("%1: Tiny Tiny RSS's API cannot move a feed: the library keeps "
                                "the server's category for feed %2 (move it to \"%3\" in Tiny "
                                "Tiny RSS itself)")
                     .arg(where(), feedId, folder));
}

} // namespace broadsheet::core
