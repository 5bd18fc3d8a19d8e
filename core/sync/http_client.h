// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <stop_token>
#include <utility>

// Requests to a feed server's API, one at a time and waited for: a sync runs off the GUI
// thread (a worker, or the CLI), so it may block. Explicit timeouts, a size cap, redirects
// only within http(s) and never from https down to http, and messages that name the server
// and what went wrong but never a password or a token.
namespace broadsheet::core {

struct HttpRequest {
    enum class Method { Get, Post };
    Method method = Method::Get;
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    /// A POST's form (application/x-www-form-urlencoded); repeated keys are kept.
    QUrlQuery form;
    /// A POST's body as it is (with `contentType`), when `form` is empty.
    QByteArray body;
    QByteArray contentType;
    /// How long this request may go without a byte (0: the client's); a server that does
    /// its work inside the request (FreshRSS fetching a feed it is asked to add) needs more.
    int idleTimeoutMs = 0;
};

struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< names in lower case
    QByteArray header(const QByteArray& lowerName) const;
};

class HttpClient {
public:
    struct Options {
        int idleTimeoutMs = 30000; ///< no byte for this long: given up
        int deadlineMs = 120000;   ///< the whole answer within this
        qint64 maxBytes = 64LL * 1024 * 1024;
        QByteArray userAgent = QByteArrayLiteral("Broadsheet/" BROADSHEET_VERSION);
    };
    HttpClient();
    explicit HttpClient(Options options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// Sends the request and waits for the whole answer. An answer with any status is a
    /// value (the caller judges 401 or 500); an error only when none came: the server did
    /// not answer, timed out, sent too much, or `stop` was requested (`Error::cancelled`).
    Result<HttpAnswer> send(const HttpRequest& request, const std::stop_token& stop = {});

    /// How many requests were sent (the benchmark counts them).
    int sent() const { return m_sent; }

private:
    struct Impl;
    std::unique_ptr<Impl> m;
    int m_sent = 0;
};

} // namespace broadsheet::core
