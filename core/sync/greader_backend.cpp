// SPDX-License-Identifier: GPL-3.0-or-later
#include "greader_backend.h"

#include "sync/http_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace broadsheet::core {

namespace {

constexpr auto kReadingList = "user/-/state/com.google/reading-list";
constexpr auto kRead = "user/-/state/com.google/read";
constexpr auto kStarred = "user/-/state/com.google/starred";
constexpr auto kLabelPrefix = "user/-/label/";
constexpr auto kLongIdPrefix = "tag:google.com,2005:reader/item/";
/// Item ids per edit-tag request: servers take many, but a URL-encoded form stays modest.
constexpr qsizetype kIdsPerEdit = 250;
/// Ids per stream/items/ids page.
constexpr int kIdsPerPage = 10000;
/// How long a subscribe may take: the server fetches the feed before it answers.
constexpr int kSubscribeTimeoutMs = 300000;

QString label(const QString& name)
{
    return QLatin1String(kLabelPrefix) + name;
}

/// "user/-/label/News" or "user/1234/label/News" → "News"; "" for a state.
QString labelName(const QString& category)
{
    const qsizetype at = category.indexOf(QLatin1String("/label/"));
    return category.startsWith(QLatin1String("user/")) && at >= 0 ? category.mid(at + 7)
                                                                  : QString();
}

bool isState(const QString& category, const char* state)
{
    // "user/-/state/com.google/read", or with the user's own number in place of "-".
    const QString tail = QString::fromLatin1(state).mid(6); // past "user/-"
    return category.startsWith(QLatin1String("user/")) && category.endsWith(tail);
}

QDateTime fromSeconds(const QJsonValue& value)
{
    const qint64 seconds = value.toVariant().toLongLong();
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

QString firstHref(const QJsonValue& links)
{
    for (const auto& link : links.toArray()) {
        QString href = link.toObject().value(QStringLiteral("href")).toString();
        if (!href.isEmpty())
            return href;
    }
    return {};
}

} // namespace

GReaderBackend::GReaderBackend(AccountSettings settings, HttpClient& http)
    : m_settings(std::move(settings))
    , m_http(http)
{
    // The API's address as given, without a trailing slash: paths are appended to it.
    QString path = m_settings.url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_settings.url.setPath(path);
}

QString GReaderBackend::shortItemId(const QString& id)
{
    if (id.startsWith(QLatin1String(kLongIdPrefix))) {
        bool ok = false;
        const quint64 value = id.mid(qsizetype{32}).toULongLong(&ok, 16);
        return ok ? QString::number(static_cast<qint64>(value)) : QString();
    }
    bool ok = false;
    const qint64 value = id.toLongLong(&ok);
    return ok ? QString::number(value) : QString();
}

QString GReaderBackend::longItemId(const QString& id)
{
    bool ok = false;
    const quint64 value = static_cast<quint64>(id.toLongLong(&ok));
    return ok ? QLatin1String(kLongIdPrefix) +
                    QStringLiteral("%1").arg(value, 16, 16, QLatin1Char('0'))
              : id;
}

QString GReaderBackend::where(const QString& path) const
{
    QUrl url = m_settings.url;
    url.setPath(url.path() + path);
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
}

Result<void> GReaderBackend::login(const std::stop_token& stop)
{
    HttpRequest request;
    request.method = HttpRequest::Method::Post;
    request.url = m_settings.url;
    request.url.setPath(request.url.path() + QStringLiteral("/accounts/ClientLogin"));
    request.form.addQueryItem(QStringLiteral("Email"), m_settings.user);
    request.form.addQueryItem(QStringLiteral("Passwd"), m_settings.password);
    auto answer = m_http.send(request, stop);
    if (!answer)
        return answer.error();
    const QString server = where(QStringLiteral("/accounts/ClientLogin"));
    if (answer->status == 401 || answer->status == 403)
        return Error(ErrorCode::Unauthorized,
                     QStringLiteral("%1: the server refused user '%2' with this password (for "
                                    "FreshRSS, the API password from its profile page)")
                         .arg(server, m_settings.user));
    if (answer->status != 200)
        return Error(
            QStringLiteral("%1: answered HTTP %2 to the login").arg(server).arg(answer->status));
    m_auth.clear();
    for (const QByteArray& line : answer->body.split('\n')) {
        if (line.startsWith("Auth="))
            m_auth = line.mid(5).trimmed();
    }
    if (m_auth.isEmpty())
        return Error(QStringLiteral("%1: the login's answer has no Auth token; is this the "
                                    "address of a Google Reader API?")
                         .arg(server));
    m_token.clear();
    return {};
}

Result<QByteArray> GReaderBackend::get(const QString& path, const QUrlQuery& query,
                                       const std::stop_token& stop)
{
    return send(false, path, query, stop);
}

Result<QByteArray> GReaderBackend::post(const QString& path, const QUrlQuery& form,
                                        const std::stop_token& stop)
{
    return send(true, path, form, stop);
}

Result<QByteArray> GReaderBackend::send(bool isPost, const QString& path, const QUrlQuery& query,
                                        const std::stop_token& stop, bool retried)
{
    if (m_auth.isEmpty()) {
        if (auto r = login(stop); !r)
            return r.error();
    }
    HttpRequest request;
    request.url = m_settings.url;
    request.url.setPath(request.url.path() + QStringLiteral("/reader/api/0") + path);
    request.headers.append({QByteArrayLiteral("Authorization"), "GoogleLogin auth=" + m_auth});
    if (isPost) {
        if (m_token.isEmpty()) {
            auto token = get(QStringLiteral("/token"), {}, stop);
            if (!token)
                return token.error();
            m_token = token->trimmed();
        }
        request.method = HttpRequest::Method::Post;
        request.form = query;
        request.form.addQueryItem(QStringLiteral("T"), QString::fromLatin1(m_token));
    } else {
        request.url.setQuery(query);
    }
    // FreshRSS fetches the feed inside quickadd: minutes for a large one.
    if (path == u"/subscription/quickadd")
        request.idleTimeoutMs = kSubscribeTimeoutMs;
    auto answer = m_http.send(request, stop);
    if (!answer)
        return answer.error();
    if ((answer->status == 401 || answer->status == 403) && !retried) {
        // The session or the edit token expired: log in again, once.
        m_auth.clear();
        m_token.clear();
        return send(isPost, path, query, stop, true);
    }
    if (answer->status == 401 || answer->status == 403)
        return Error(ErrorCode::Unauthorized,
                     QStringLiteral("%1: the server refused user '%2' (HTTP %3)")
                         .arg(where(QStringLiteral("/reader/api/0") + path), m_settings.user)
                         .arg(answer->status));
    if (answer->status != 200)
        return Error(answer->status >= 500 ? ErrorCode::Unreachable : ErrorCode::Failed,
                     QStringLiteral("%1: answered HTTP %2")
                         .arg(where(QStringLiteral("/reader/api/0") + path))
                         .arg(answer->status));
    return std::move(answer->body);
}

namespace {

Result<QJsonObject> jsonObject(const QByteArray& body, const QString& where)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error(QStringLiteral("%1: the answer is not the JSON object the API gives (%2)")
                         .arg(where, error.error != QJsonParseError::NoError
                                         ? error.errorString()
                                         : QStringLiteral("not an object")));
    return document.object();
}

} // namespace

Result<QList<RemoteFeed>> GReaderBackend::feeds(const std::stop_token& stop)
{
    const QString path = QStringLiteral("/subscription/list");
    auto body = get(path, QUrlQuery{{QStringLiteral("output"), QStringLiteral("json")}}, stop);
    if (!body)
        return body.error();
    auto object = jsonObject(*body, where(QStringLiteral("/reader/api/0") + path));
    if (!object)
        return object.error();
    // A server that answers without the list is not taken to have no feeds: the library
    // would unsubscribe from every one.
    if (!object->value(QStringLiteral("subscriptions")).isArray())
        return Error(QStringLiteral("%1: the answer has no subscription list")
                         .arg(where(QStringLiteral("/reader/api/0") + path)));
    QList<RemoteFeed> feeds;
    m_folderOf.clear();
    for (const auto& value : object->value(QStringLiteral("subscriptions")).toArray()) {
        const QJsonObject s = value.toObject();
        RemoteFeed feed;
        feed.id = s.value(QStringLiteral("id")).toString();
        if (feed.id.isEmpty())
            continue;
        feed.title = s.value(QStringLiteral("title")).toString();
        feed.url = s.value(QStringLiteral("url")).toString();
        if (feed.url.isEmpty() && feed.id.startsWith(QLatin1String("feed/")))
            feed.url = feed.id.mid(5); // Google's own form: the id is the feed's address
        feed.siteUrl = s.value(QStringLiteral("htmlUrl")).toString();
        for (const auto& category : s.value(QStringLiteral("categories")).toArray()) {
            const QJsonObject c = category.toObject();
            QString name = c.value(QStringLiteral("label")).toString();
            if (name.isEmpty())
                name = labelName(c.value(QStringLiteral("id")).toString());
            if (!name.isEmpty()) {
                feed.folder = name;
                break;
            }
        }
        m_folderOf.insert(feed.id, feed.folder);
        feeds.append(feed);
    }
    m_haveFeeds = true;
    return feeds;
}

Result<QStringList> GReaderBackend::labels(const std::stop_token& stop)
{
    if (!m_haveFeeds) {
        if (auto r = feeds(stop); !r)
            return r.error();
    }
    const QString path = QStringLiteral("/tag/list");
    auto body = get(path, QUrlQuery{{QStringLiteral("output"), QStringLiteral("json")}}, stop);
    if (!body)
        return body.error();
    auto object = jsonObject(*body, where(QStringLiteral("/reader/api/0") + path));
    if (!object)
        return object.error();
    // Folders are labels of feeds in this API; the user's labels of items are the others.
    const QList<QString> folderList = m_folderOf.values();
    const QSet<QString> folders(folderList.cbegin(), folderList.cend());
    QStringList names;
    for (const auto& value : object->value(QStringLiteral("tags")).toArray()) {
        const QJsonObject tag = value.toObject();
        const QString name = labelName(tag.value(QStringLiteral("id")).toString());
        if (name.isEmpty() || folders.contains(name) ||
            tag.value(QStringLiteral("type")).toString() == u"folder")
            continue;
        names.append(name);
    }
    return names;
}

Result<ItemPage> GReaderBackend::items(const QString& continuation, std::optional<QDateTime> since,
                                       int count, const std::stop_token& stop)
{
    if (!m_haveFeeds) {
        if (auto r = feeds(stop); !r)
            return r.error();
    }
    const QString path = QStringLiteral("/stream/contents/") + QLatin1String(kReadingList);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("output"), QStringLiteral("json"));
    query.addQueryItem(QStringLiteral("n"), QString::number(count));
    if (!continuation.isEmpty())
        query.addQueryItem(QStringLiteral("c"), continuation);
    if (since && since->isValid() && since->toSecsSinceEpoch() > 0)
        query.addQueryItem(QStringLiteral("ot"), QString::number(since->toSecsSinceEpoch()));
    auto body = get(path, query, stop);
    if (!body)
        return body.error();
    auto object = jsonObject(*body, where(QStringLiteral("/reader/api/0") + path));
    if (!object)
        return object.error();
    if (!object->value(QStringLiteral("items")).isArray())
        return Error(QStringLiteral("%1: the answer has no list of items")
                         .arg(where(QStringLiteral("/reader/api/0") + path)));
    ItemPage page;
    page.continuation = object->value(QStringLiteral("continuation")).toString();
    for (const auto& value : object->value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = value.toObject();
        RemoteItem item;
        item.id = shortItemId(o.value(QStringLiteral("id")).toString());
        if (item.id.isEmpty())
            continue;
        item.feedId = o.value(QStringLiteral("origin"))
                          .toObject()
                          .value(QStringLiteral("streamId"))
                          .toString();
        item.title = o.value(QStringLiteral("title")).toString();
        item.url = firstHref(o.value(QStringLiteral("canonical")));
        if (item.url.isEmpty())
            item.url = firstHref(o.value(QStringLiteral("alternate")));
        item.author = o.value(QStringLiteral("author")).toString();
        const QJsonObject content = o.contains(QStringLiteral("content"))
                                        ? o.value(QStringLiteral("content")).toObject()
                                        : o.value(QStringLiteral("summary")).toObject();
        item.html = content.value(QStringLiteral("content")).toString();
        item.published = fromSeconds(o.value(QStringLiteral("published")));
        item.updated = fromSeconds(o.value(QStringLiteral("updated")));
        if (!item.updated.isValid()) {
            const qint64 crawled =
                o.value(QStringLiteral("crawlTimeMsec")).toVariant().toLongLong();
            if (crawled > 0)
                item.updated = QDateTime::fromMSecsSinceEpoch(crawled, Qt::UTC);
        }
        const QString folder = m_folderOf.value(item.feedId);
        for (const auto& category : o.value(QStringLiteral("categories")).toArray()) {
            const QString c = category.toString();
            if (isState(c, kRead))
                item.read = true;
            else if (isState(c, kStarred))
                item.starred = true;
            else if (const QString name = labelName(c); !name.isEmpty() && name != folder)
                item.labels.append(name);
        }
        page.items.append(item);
    }
    return page;
}

Result<QStringList> GReaderBackend::streamIds(const QString& stream, const QString& exclude,
                                              const std::stop_token& stop)
{
    QStringList ids;
    QString continuation;
    for (;;) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("output"), QStringLiteral("json"));
        query.addQueryItem(QStringLiteral("s"), stream);
        if (!exclude.isEmpty())
            query.addQueryItem(QStringLiteral("xt"), exclude);
        query.addQueryItem(QStringLiteral("n"), QString::number(kIdsPerPage));
        if (!continuation.isEmpty())
            query.addQueryItem(QStringLiteral("c"), continuation);
        const QString path = QStringLiteral("/stream/items/ids");
        auto body = get(path, query, stop);
        if (!body)
            return body.error();
        auto object = jsonObject(*body, where(QStringLiteral("/reader/api/0") + path));
        if (!object)
            return object.error();
        for (const auto& ref : object->value(QStringLiteral("itemRefs")).toArray()) {
            if (const QString id =
                    shortItemId(ref.toObject().value(QStringLiteral("id")).toString());
                !id.isEmpty())
                ids.append(id);
        }
        const QString next = object->value(QStringLiteral("continuation")).toString();
        if (next.isEmpty() || next == continuation)
            return ids;
        continuation = next;
    }
}

Result<QStringList> GReaderBackend::unreadIds(const std::stop_token& stop)
{
    return streamIds(QLatin1String(kReadingList), QLatin1String(kRead), stop);
}

Result<QStringList> GReaderBackend::starredIds(const std::stop_token& stop)
{
    return streamIds(QLatin1String(kStarred), QString(), stop);
}

Result<QStringList> GReaderBackend::labelledIds(const QString& name, const std::stop_token& stop)
{
    return streamIds(label(name), QString(), stop);
}

Result<QSet<QString>> GReaderBackend::present(const QStringList& ids, const std::stop_token& stop)
{
    QSet<QString> found;
    const QString path = QStringLiteral("/stream/items/contents");
    for (qsizetype at = 0; at < ids.size(); at += kIdsPerEdit) {
        QUrlQuery form;
        for (const QString& id : ids.mid(at, kIdsPerEdit))
            form.addQueryItem(QStringLiteral("i"), longItemId(id));
        form.addQueryItem(QStringLiteral("output"), QStringLiteral("json"));
        auto body = post(path, form, stop);
        if (!body)
            return body.error();
        auto object = jsonObject(*body, where(QStringLiteral("/reader/api/0") + path));
        if (!object)
            return object.error();
        if (!object->value(QStringLiteral("items")).isArray())
            return Error(QStringLiteral("%1: the answer has no list of items")
                             .arg(where(QStringLiteral("/reader/api/0") + path)));
        for (const auto& item : object->value(QStringLiteral("items")).toArray()) {
            if (const QString id =
                    shortItemId(item.toObject().value(QStringLiteral("id")).toString());
                !id.isEmpty())
                found.insert(id);
        }
    }
    return found;
}

Result<void> GReaderBackend::apply(const RemoteChange& change, const std::stop_token& stop)
{
    QString tag;
    bool add = true;
    switch (change.kind) {
    case RemoteChange::Kind::Read:
        tag = QLatin1String(kRead);
        break;
    case RemoteChange::Kind::Unread:
        tag = QLatin1String(kRead);
        add = false;
        break;
    case RemoteChange::Kind::Star:
        tag = QLatin1String(kStarred);
        break;
    case RemoteChange::Kind::Unstar:
        tag = QLatin1String(kStarred);
        add = false;
        break;
    case RemoteChange::Kind::AddLabel:
        tag = label(change.label);
        break;
    case RemoteChange::Kind::RemoveLabel:
        tag = label(change.label);
        add = false;
        break;
    }
    // One tag per request (some servers read only the first a= and r=), many items.
    for (qsizetype at = 0; at < change.itemIds.size(); at += kIdsPerEdit) {
        QUrlQuery form;
        for (const QString& id : change.itemIds.mid(at, kIdsPerEdit))
            form.addQueryItem(QStringLiteral("i"), longItemId(id));
        form.addQueryItem(add ? QStringLiteral("a") : QStringLiteral("r"), tag);
        auto r = post(QStringLiteral("/edit-tag"), form, stop);
        if (!r)
            return r.error();
    }
    return {};
}

Result<void> GReaderBackend::editSubscription(const QUrlQuery& form, const std::stop_token& stop)
{
    auto r = post(QStringLiteral("/subscription/edit"), form, stop);
    if (!r)
        return r.error();
    return {};
}

Result<QString> GReaderBackend::subscribe(const QString& url, const QString& folder,
                                          const std::stop_token& stop)
{
    const QString path = QStringLiteral("/subscription/quickadd");
    auto body = post(path, QUrlQuery{{QStringLiteral("quickadd"), url}}, stop);
    if (!body)
        return body.error();
    auto object = jsonObject(*body, where(QStringLiteral("/reader/api/0") + path));
    if (!object)
        return object.error();
    // A refused feed is HTTP 200 with no result (FreshRSS says why in "error").
    const QString id = object->value(QStringLiteral("streamId")).toString();
    if (object->value(QStringLiteral("numResults")).toInt() < 1 || id.isEmpty()) {
        const QString why = object->value(QStringLiteral("error")).toString();
        return Error(QStringLiteral("%1: the server did not subscribe to %2%3")
                         .arg(where(QStringLiteral("/reader/api/0") + path), url,
                              why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
    }
    m_folderOf.insert(id, QString());
    if (!folder.isEmpty()) {
        if (auto r = move(id, folder, stop); !r)
            return r.error();
    }
    return id;
}

Result<void> GReaderBackend::unsubscribe(const QString& feedId, const std::stop_token& stop)
{
    m_folderOf.remove(feedId);
    return editSubscription(QUrlQuery{{QStringLiteral("ac"), QStringLiteral("unsubscribe")},
                                      {QStringLiteral("s"), feedId}},
                            stop);
}

Result<void> GReaderBackend::markFeedRead(const QString& feedId, const QDateTime& before,
                                          const std::stop_token& stop)
{
    // ts: microseconds, as the items' crawl-time ids count them: older ones are marked.
    QUrlQuery form{{QStringLiteral("s"), feedId},
                   {QStringLiteral("ts"), QString::number(before.toMSecsSinceEpoch() * 1000)}};
    auto r = post(QStringLiteral("/mark-all-as-read"), form, stop);
    if (!r)
        return r.error();
    return {};
}

Result<void> GReaderBackend::rename(const QString& feedId, const QString& title,
                                    const std::stop_token& stop)
{
    return editSubscription(QUrlQuery{{QStringLiteral("ac"), QStringLiteral("edit")},
                                      {QStringLiteral("s"), feedId},
                                      {QStringLiteral("t"), title}},
                            stop);
}

Result<void> GReaderBackend::move(const QString& feedId, const QString& folder,
                                  const std::stop_token& stop)
{
    if (!m_haveFeeds) {
        if (auto r = feeds(stop); !r)
            return r.error();
    }
    QUrlQuery form{{QStringLiteral("ac"), QStringLiteral("edit")}, {QStringLiteral("s"), feedId}};
    if (!folder.isEmpty())
        form.addQueryItem(QStringLiteral("a"), label(folder));
    if (const QString old = m_folderOf.value(feedId); !old.isEmpty() && old != folder)
        form.addQueryItem(QStringLiteral("r"), label(old));
    if (auto r = editSubscription(form, stop); !r)
        return r;
    m_folderOf.insert(feedId, folder);
    return {};
}

} // namespace broadsheet::core
