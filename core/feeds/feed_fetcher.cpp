// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_fetcher.h"

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QRegularExpression>
#include <QTimer>

#include <deque>

namespace broadsheet::core {

namespace {

/// RFC 9110's Retry-After: seconds, or an HTTP date.
QDateTime retryAfterOf(const QByteArray& value, const QDateTime& now)
{
    const QByteArray trimmed = value.trimmed();
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok && seconds >= 0)
        return now.addSecs(std::min<qint64>(seconds, qint64{7} * 24 * 3600));
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    return date.isValid() ? date.toUTC() : QDateTime();
}

std::optional<qint64> maxAgeOf(const QByteArray& cacheControl)
{
    static const QRegularExpression maxAge(QStringLiteral("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    const auto m = maxAge.match(QString::fromLatin1(cacheControl));
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toLongLong();
}

QString reasonOf(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("the server did not understand the request");
    case 401:
        return QStringLiteral("the server wants a user name and password");
    case 403:
        return QStringLiteral("the server refuses to give the feed");
    case 404:
        return QStringLiteral("there is no feed at this address");
    case 410:
        return QStringLiteral("the feed is gone for good");
    case 429:
        return QStringLiteral("the server asks to be asked less often");
    case 500:
        return QStringLiteral("the server failed");
    case 502:
    case 504:
        return QStringLiteral("the server's gateway failed");
    case 503:
        return QStringLiteral("the server is unavailable for now");
    default:
        return QStringLiteral("the server answered %1").arg(status);
    }
}

} // namespace

FeedSource FetchResult::source() const
{
    FeedSource out = FeedSource::at(finalUrl.toString());
    out.contentType = contentType;
    out.contentLocation = contentLocation;
    out.contentLanguage = contentLanguage;
    return out;
}

QString FeedFetcher::refusedRedirect(const QUrl& from, const QUrl& to)
{
    const QString scheme = to.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return QStringLiteral("a redirect to %1, which is not the web").arg(shown(to));
    if (from.scheme().compare(u"https", Qt::CaseInsensitive) == 0 && scheme == u"http")
        return QStringLiteral("a redirect from https to http (refused: it would drop the "
                              "encryption)");
    return {};
}

QString FeedFetcher::shown(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

struct FeedFetcher::Impl {
    struct Job {
        FetchRequest request;
        Done done;
        QUrl current; ///< the URL being asked, past redirects so far
        int redirects = 0;
        bool allPermanent = true;
        QNetworkReply* reply = nullptr;
        QByteArray body;
        QTimer* deadline = nullptr;
    };

    explicit Impl(Options o)
        : options(std::move(o))
    {
        if (!options.now)
            options.now = [] {
                return QDateTime::currentDateTimeUtc();
            };
    }

    Options options;
    QObject context; ///< owns the network objects and their connections
    QNetworkAccessManager* network = new QNetworkAccessManager(&context);
    std::deque<std::shared_ptr<Job>> queue;
    QList<std::shared_ptr<Job>> active;
    QHash<QString, int> perHost;
    QHash<QString, QDateTime> hostWaitsUntil; ///< Retry-After, by host

    static QString hostOf(const QUrl& url) { return url.host().toLower(); }

    void pump()
    {
        // Told after the walk: a Done may fetch again, which walks the queue itself.
        QList<std::pair<std::shared_ptr<Job>, FetchResult>> deferredNow;
        for (auto it = queue.begin(); it != queue.end() && active.size() < options.total;) {
            const QString host = hostOf((*it)->current);
            if (const auto wait = hostWaitsUntil.constFind(host);
                wait != hostWaitsUntil.cend() && *wait > options.now()) {
                FetchResult deferred;
                deferred.outcome = FetchResult::Outcome::Deferred;
                deferred.finalUrl = (*it)->current;
                deferred.retryAfter = *wait;
                deferred.error = QStringLiteral("%1 asked to wait until %2")
                                     .arg(host, wait->toString(Qt::ISODate));
                deferredNow.append({*it, deferred});
                it = queue.erase(it);
                continue;
            }
            if (perHost.value(host) >= options.perHost) {
                ++it;
                continue;
            }
            const std::shared_ptr<Job> job = *it;
            it = queue.erase(it);
            start(job);
        }
        for (const auto& [job, result] : std::as_const(deferredNow)) {
            if (const Done done = std::move(job->done))
                done(result);
        }
    }

    void start(const std::shared_ptr<Job>& job)
    {
        active.append(job);
        ++perHost[hostOf(job->current)];
        ask(job);
    }

    void ask(const std::shared_ptr<Job>& job)
    {
        QNetworkRequest request(job->current);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                             QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        request.setHeader(QNetworkRequest::UserAgentHeader, options.userAgent);
        request.setRawHeader("Accept", "application/rss+xml, application/atom+xml, "
                                       "application/feed+json, application/xml;q=0.9, "
                                       "text/xml;q=0.9, */*;q=0.8");
        request.setTransferTimeout(options.idleTimeoutMs);
        // The validators belong to the URL asked first; a redirect keeps them (the feed is
        // the same), as browsers do.
        if (!job->request.etag.isEmpty())
            request.setRawHeader("If-None-Match", job->request.etag);
        if (!job->request.lastModified.isEmpty())
            request.setRawHeader("If-Modified-Since", job->request.lastModified);
        if (!job->request.user.isEmpty() &&
            hostOf(job->current) == hostOf(job->request.url)) // never to another host
            request.setRawHeader(
                "Authorization",
                "Basic " + (job->request.user + u':' + job->request.password).toUtf8().toBase64());
        QNetworkReply* reply = network->get(request);
        job->reply = reply;
        job->body.clear();
        if (!job->deadline) {
            job->deadline = new QTimer(&context);
            job->deadline->setSingleShot(true);
            QObject::connect(job->deadline, &QTimer::timeout, &context, [job] {
                if (job->reply) {
                    job->reply->setProperty("broadsheetDeadline", true);
                    job->reply->abort();
                }
            });
            job->deadline->start(options.deadlineMs);
        }
        QObject::connect(reply, &QNetworkReply::readyRead, &context, [this, job, reply] {
            job->body += reply->readAll();
            if (job->body.size() > options.maxBytes) {
                reply->setProperty("broadsheetTooBig", true);
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, &context,
                         [this, job, reply] { answered(job, reply); });
    }

    void answered(const std::shared_ptr<Job>& job, QNetworkReply* reply)
    {
        reply->deleteLater();
        job->reply = nullptr;
        if (reply->property("broadsheetCancelled").toBool())
            return; // finish() was already called
        if (reply->isOpen())
            job->body += reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        FetchResult result;
        result.status = status;
        result.finalUrl = job->current;
        result.redirects = job->redirects;
        const QString where = shown(job->current);
        if (reply->property("broadsheetTooBig").toBool() || job->body.size() > options.maxBytes) {
            result.error = QStringLiteral("%1: the feed is over %2 MiB")
                               .arg(where)
                               .arg(options.maxBytes / (qint64{1024} * 1024));
            return finish(job, result);
        }
        if (reply->property("broadsheetDeadline").toBool()) {
            result.error = QStringLiteral("%1: no whole answer within %2 s")
                               .arg(where)
                               .arg(options.deadlineMs / 1000);
            return finish(job, result);
        }
        if (status >= 300 && status < 400 && status != 304) {
            return redirect(job, reply, status, result);
        }
        const auto header = [reply](const char* name) {
            return reply->rawHeader(name);
        };
        if (status == 304) {
            result.outcome = FetchResult::Outcome::NotModified;
            result.maxAgeSeconds = maxAgeOf(header("Cache-Control"));
            return finish(job, result);
        }
        if (status == 429 || status == 503) {
            const QDateTime until = retryAfterOf(header("Retry-After"), options.now());
            result.retryAfter = until;
            result.error =
                QStringLiteral("%1: HTTP %2, %3").arg(where).arg(status).arg(reasonOf(status));
            if (until.isValid()) {
                hostWaitsUntil.insert(hostOf(job->current), until);
                result.outcome = FetchResult::Outcome::Deferred;
            }
            return finish(job, result);
        }
        if (status == 410) {
            result.outcome = FetchResult::Outcome::Gone;
            result.error =
                QStringLiteral("%1: HTTP %2, %3").arg(where).arg(status).arg(reasonOf(status));
            return finish(job, result);
        }
        // Failed midway with a good status (the connection cut, the body not decodable, a
        // gzip bomb Qt's unpacker stopped): what came is not the feed, only part of it.
        if (reply->error() != QNetworkReply::NoError &&
            (status == 0 || (status >= 200 && status < 300))) {
            result.error = QStringLiteral("%1: %2").arg(where, reply->errorString());
            if (!reply->rawHeader("Content-Encoding").isEmpty() &&
                reply->errorString().startsWith(u"Decompression failed"))
                result.error = QStringLiteral("%1: its compressed answer cannot be unpacked, or "
                                              "unpacks to far more than a feed (refused)")
                                   .arg(where);
            // Qt's message may name the URL with its user info: never show a password.
            if (!job->request.password.isEmpty())
                result.error.replace(job->request.password, QStringLiteral("…"));
            return finish(job, result);
        }
        if (status < 200 || status >= 300) {
            result.error =
                QStringLiteral("%1: HTTP %2, %3").arg(where).arg(status).arg(reasonOf(status));
            return finish(job, result);
        }
        result.outcome = FetchResult::Outcome::Fetched;
        result.body = std::move(job->body);
        result.contentType = QString::fromLatin1(header("Content-Type"));
        result.contentLocation = QString::fromLatin1(header("Content-Location"));
        result.contentLanguage = QString::fromLatin1(header("Content-Language"));
        result.etag = header("ETag");
        result.lastModified = header("Last-Modified");
        result.maxAgeSeconds = maxAgeOf(header("Cache-Control"));
        if (job->redirects > 0 && job->allPermanent)
            result.movedTo = job->current;
        finish(job, result);
    }

    void redirect(const std::shared_ptr<Job>& job, QNetworkReply* reply, int status,
                  FetchResult& result)
    {
        const QString where = shown(job->current);
        const QByteArray location = reply->rawHeader("Location").trimmed();
        const QUrl next = job->current.resolved(QUrl::fromEncoded(location));
        if (location.isEmpty() || !next.isValid()) {
            result.error = QStringLiteral("%1: a redirect that says not where to").arg(where);
            return finish(job, result);
        }
        if (job->redirects >= options.maxRedirects) {
            result.error =
                QStringLiteral("%1: more than %2 redirects").arg(where).arg(options.maxRedirects);
            return finish(job, result);
        }
        if (const QString refused = refusedRedirect(job->current, next); !refused.isEmpty()) {
            result.error = QStringLiteral("%1: %2").arg(where, refused);
            return finish(job, result);
        }
        ++job->redirects;
        job->allPermanent = job->allPermanent && (status == 301 || status == 308);
        const QString oldHost = hostOf(job->current);
        job->current = next;
        --perHost[oldHost]; // the request moves to the next host's count
        ++perHost[hostOf(next)];
        ask(job);
    }

    void finish(const std::shared_ptr<Job>& job, const FetchResult& result)
    {
        if (job->deadline) {
            job->deadline->stop();
            job->deadline->deleteLater();
            job->deadline = nullptr;
        }
        if (active.removeOne(job)) {
            const QString host = hostOf(job->current);
            if (--perHost[host] <= 0)
                perHost.remove(host);
        }
        const Done done = std::move(job->done);
        job->done = nullptr;
        if (done)
            done(result);
        pump();
    }
};

FeedFetcher::FeedFetcher()
    : FeedFetcher(Options())
{
}

FeedFetcher::FeedFetcher(Options options)
    : m(std::make_unique<Impl>(std::move(options)))
{
}

FeedFetcher::~FeedFetcher()
{
    for (const auto& job : std::as_const(m->active)) {
        job->done = nullptr;
        if (job->reply) {
            job->reply->setProperty("broadsheetCancelled", true);
            job->reply->abort();
        }
    }
}

void FeedFetcher::fetch(const FetchRequest& request, Done done)
{
    auto job = std::make_shared<Impl::Job>();
    job->request = request;
    job->done = std::move(done);
    job->current = request.url;
    const QString scheme = request.url.scheme().toLower();
    if (!request.url.isValid() || (scheme != u"http" && scheme != u"https")) {
        FetchResult refused;
        refused.finalUrl = request.url;
        refused.error =
            QStringLiteral("%1: not a web address (http or https)").arg(shown(request.url));
        job->done(refused);
        return;
    }
    m->queue.push_back(job);
    m->pump();
}

int FeedFetcher::running() const
{
    return static_cast<int>(m->active.size());
}

int FeedFetcher::waiting() const
{
    return static_cast<int>(m->queue.size());
}

void FeedFetcher::cancelAll()
{
    FetchResult cancelled;
    cancelled.error = QStringLiteral("cancelled");
    cancelled.cancelled = true;
    std::deque<std::shared_ptr<Impl::Job>> queued;
    queued.swap(m->queue);
    for (const auto& job : queued) {
        if (job->done)
            job->done(cancelled);
    }
    const QList<std::shared_ptr<Impl::Job>> running = m->active;
    for (const auto& job : running) {
        if (job->reply) {
            job->reply->setProperty("broadsheetCancelled", true);
            job->reply->abort();
        }
        FetchResult one = cancelled;
        one.finalUrl = job->current;
        m->finish(job, one);
    }
}

} // namespace broadsheet::core
