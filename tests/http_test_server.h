// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace broadsheet::test {

/// A real HTTP/1.1 server on 127.0.0.1 for tests: it answers the paths it was given with
/// their responses (404 otherwise), one request per connection, and records every request
/// with its headers. It runs on the test's own event loop (QSignalSpy::wait, qWaitFor).
class HttpTestServer final : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; ///< names in lower case
    };
    struct Response {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        /// When set, the body never ends: `body` again every this many milliseconds.
        int trickleMs = 0;
    };

    HttpTestServer();
    ~HttpTestServer() override;

    /// Listens on a free port of 127.0.0.1; false when none could be had.
    bool listen();
    void close();
    quint16 port() const;
    /// http://127.0.0.1:PORT + path.
    QString url(const QString& path) const;
    void route(const QByteArray& path, const Response& response);
    /// Answers `path` with `response` only when the request carries `header` equal to
    /// `value` (If-None-Match: "v1" → 304), else with the route's own.
    void routeWhen(const QByteArray& path, const QByteArray& header, const QByteArray& value,
                   const Response& response);
    /// Answers `path` as a slow-loris server does: the head one byte every `byteEveryMs`
    /// milliseconds, and then header lines without end.
    void routeSlowly(const QByteArray& path, const Response& response, int byteEveryMs);
    const QList<Request>& requests() const { return m_requests; }

Q_SIGNALS:
    void requested(const QByteArray& path);

private:
    void serve(QTcpSocket* socket);

    QTcpServer* m_server = nullptr;
    QHash<QByteArray, Response> m_routes;
    struct Conditional {
        QByteArray header;
        QByteArray value;
        Response response;
    };
    QHash<QByteArray, Conditional> m_conditional;
    QHash<QByteArray, int> m_slowly;
    QList<Request> m_requests;
};

} // namespace broadsheet::test
