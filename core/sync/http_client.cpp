// SPDX-License-Identifier: GPL-3.0-or-later
#include "http_client.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

namespace broadsheet::core {

namespace {

/// The server as a message names it: scheme, host and port, never a user or a query.
QString serverOf(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

} // namespace

QByteArray HttpAnswer::header(const QByteArray& lowerName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

struct HttpClient::Impl {
    Options options;
    QNetworkAccessManager manager;
};

HttpClient::HttpClient()
    : HttpClient(Options{})
{
}

HttpClient::HttpClient(Options options)
    : m(std::make_unique<Impl>())
{
    m->options = std::move(options);
    // Redirects by hand: only http(s), never from https down to http.
    m->manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient() = default;

Result<HttpAnswer> HttpClient::send(const HttpRequest& request, const std::stop_token& stop)
{
    constexpr int kMaxRedirects = 5;
    QUrl url = request.url;
    for (int redirects = 0;; ++redirects) {
        const QString where = serverOf(url);
        if (url.scheme() != u"http" && url.scheme() != u"https")
            return Error(ErrorCode::Invalid,
                         QStringLiteral("%1: not an http or https address").arg(where));
        QNetworkRequest outgoing(url);
        outgoing.setHeader(QNetworkRequest::UserAgentHeader, m->options.userAgent);
        outgoing.setTransferTimeout(0); // our own timers below
        for (const auto& [name, value] : request.headers)
            outgoing.setRawHeader(name, value);
        QNetworkReply* reply = nullptr;
        ++m_sent;
        if (request.method == HttpRequest::Method::Get) {
            reply = m->manager.get(outgoing);
        } else {
            QByteArray body = request.body;
            QByteArray type = request.contentType;
            if (!request.form.isEmpty()) {
                body = request.form.query(QUrl::FullyEncoded).toUtf8();
                type = QByteArrayLiteral("application/x-www-form-urlencoded");
            }
            outgoing.setHeader(QNetworkRequest::ContentTypeHeader, type);
            reply = m->manager.post(outgoing, body);
        }
        std::unique_ptr<QNetworkReply> owned(reply);

        QEventLoop loop;
        QTimer idle;
        idle.setSingleShot(true);
        const int idleMs =
            request.idleTimeoutMs > 0 ? request.idleTimeoutMs : m->options.idleTimeoutMs;
        idle.setInterval(idleMs);
        QTimer deadline;
        deadline.setSingleShot(true);
        QTimer poll; // the stop token has no signal: look at it often
        poll.setInterval(100);
        QString failure;
        bool tooBig = false;
        bool stopped = false;
        QObject::connect(&idle, &QTimer::timeout, &loop, [&] {
            failure = QStringLiteral("no answer for %1 s").arg(idleMs / 1000);
            reply->abort();
        });
        QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
            failure = QStringLiteral("the answer took over %1 s").arg(m->options.deadlineMs / 1000);
            reply->abort();
        });
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (stop.stop_requested()) {
                stopped = true;
                reply->abort();
            }
        });
        auto restartIdle = [&idle] {
            idle.start();
        };
        QObject::connect(reply, &QNetworkReply::uploadProgress, &loop, restartIdle);
        QObject::connect(reply, &QNetworkReply::downloadProgress, &loop,
                         [&](qint64 received, qint64) {
                             idle.start();
                             if (received > m->options.maxBytes) {
                                 tooBig = true;
                                 reply->abort();
                             }
                         });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        idle.start();
        deadline.start(std::max(m->options.deadlineMs, idleMs));
        poll.start();
        if (!reply->isFinished())
            loop.exec();

        if (stopped || stop.stop_requested())
            return Error(QStringLiteral("%1: stopped").arg(where), true);
        if (tooBig)
            return Error(QStringLiteral("%1: the answer is over %2 MB (refused)")
                             .arg(where)
                             .arg(m->options.maxBytes / (qint64{1024} * 1024)));
        if (!failure.isEmpty())
            return Error(ErrorCode::Unreachable, QStringLiteral("%1: %2").arg(where, failure));
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            // No HTTP answer at all: refused, reset, no such host. Qt's text names the host.
            return Error(ErrorCode::Unreachable,
                         QStringLiteral("%1: %2").arg(where, reply->errorString()));
        }
        HttpAnswer answer;
        answer.status = status.toInt();
        for (const auto& [name, value] : reply->rawHeaderPairs())
            answer.headers.append({name.toLower(), value});
        if (answer.status >= 300 && answer.status < 400 && answer.status != 304) {
            const QUrl to = url.resolved(QUrl::fromEncoded(answer.header("location")));
            if (redirects >= kMaxRedirects)
                return Error(
                    QStringLiteral("%1: more than %2 redirects").arg(where).arg(kMaxRedirects));
            if (!to.isValid() || (to.scheme() != u"https" && to.scheme() != u"http") ||
                (url.scheme() == u"https" && to.scheme() == u"http"))
                return Error(QStringLiteral("%1: redirected to %2, which is not followed")
                                 .arg(where, serverOf(to)));
            url = to;
            continue;
        }
        answer.body = reply->readAll();
        if (answer.body.size() > m->options.maxBytes)
            return Error(QStringLiteral("%1: the answer is over %2 MB (refused)")
                             .arg(where)
                             .arg(m->options.maxBytes / (qint64{1024} * 1024)));
        return answer;
    }
}

} // namespace broadsheet::core
