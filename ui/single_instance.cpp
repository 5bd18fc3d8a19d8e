// SPDX-License-Identifier: GPL-3.0-or-later
#include "single_instance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

#include <unistd.h>

namespace broadsheet::ui {

SingleInstance::SingleInstance(const QString& libraryPath, QObject* parent)
    : QObject(parent)
    , m_name(serverName(libraryPath))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString& libraryPath)
{
    const QByteArray where = QFileInfo(libraryPath).absoluteFilePath().toUtf8();
    return QStringLiteral("broadsheet-%1-%2")
        .arg(::getuid())
        .arg(QString::fromLatin1(
            QCryptographicHash::hash(where, QCryptographicHash::Sha1).toHex().left(16)));
}

bool SingleInstance::handOver(const QStringList& arguments, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonArray paths;
    for (const QString& argument : arguments)
        paths.append(QFileInfo(argument).absoluteFilePath());
    socket.write(QJsonDocument(paths).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The other answers once it has them: a window that is closing does not.
    return socket.waitForReadyRead(timeoutMs) && socket.readAll().startsWith("ok");
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A name left by a Broadsheet that was killed: nobody answers on it.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine())
                    return;
                const QJsonArray array = QJsonDocument::fromJson(socket->readLine()).array();
                QStringList paths;
                for (const auto& value : array)
                    paths.append(value.toString());
                socket->write("ok\n");
                socket->flush();
                Q_EMIT activated(paths);
            });
        }
    });
    return true;
}

} // namespace broadsheet::ui
