// SPDX-License-Identifier: GPL-3.0-or-later
#include "http_test_server.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace broadsheet::test {

HttpTestServer::HttpTestServer()
    : m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

HttpTestServer::~HttpTestServer() = default;

bool HttpTestServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

void HttpTestServer::close()
{
    m_server->close();
}

quint16 HttpTestServer::port() const
{
    return m_server->serverPort();
}

QString HttpTestServer::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void HttpTestServer::route(const QByteArray& path, const Response& response)
{
    m_routes.insert(path, response);
}

void HttpTestServer::routeWhen(const QByteArray& path, const QByteArray& header,
                               const QByteArray& value, const Response& response)
{
    m_conditional.insert(path, Conditional{header.toLower(), value, response});
}

void HttpTestServer::routeSlowly(const QByteArray& path, const Response& response, int byteEveryMs)
{
    m_routes.insert(path, response);
    m_slowly.insert(path, byteEveryMs);
}

void HttpTestServer::serve(QTcpSocket* socket)
{
    // The request head, once it is all here (a body, if any, is not read).
    QByteArray head = socket->property("head").toByteArray() + socket->readAll();
    socket->setProperty("head", head);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = head.left(end).split('\n');
    Request request;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    m_requests.append(request);
    if (socket->property("answered").toBool())
        return;
    socket->setProperty("answered", true);
    const auto route = m_routes.constFind(request.path);
    Response response =
        route != m_routes.cend() ? *route : Response{404, {}, QByteArray("not here"), 0};
    if (const auto when = m_conditional.constFind(request.path);
        when != m_conditional.cend() && request.headers.value(when->header) == when->value)
        response = when->response;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    Q_EMIT requested(request.path);
    if (const int every = m_slowly.value(request.path); every > 0) {
        auto* timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [socket, out, sent = qsizetype{0}]() mutable {
            if (sent < out.size())
                socket->write(out.mid(sent++, 1));
            else
                socket->write("X-Slow: yes\r\n"); // a head that never ends
        });
        timer->start(every);
        return;
    }
    if (response.trickleMs > 0) { // endless: a piece of body now and then, never the end
        out += "Connection: close\r\n\r\n";
        socket->write(out);
        auto* timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket,
                [socket, piece = response.body] { socket->write(piece); });
        timer->start(response.trickleMs);
        return;
    }
    const bool bodyless = response.status == 304 || response.status == 204;
    if (!bodyless)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (!bodyless)
        out += response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace broadsheet::test
