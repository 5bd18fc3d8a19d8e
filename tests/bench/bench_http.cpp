// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_http.h"

#include <QByteArray>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <csignal>

extern char** environ;

namespace broadsheet::bench {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool answers(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
}

StaticHttpServer::StaticHttpServer(const QString& folder, quint16 port)
{
    QByteArray dir = folder.toLocal8Bit();
    QByteArray portText = QByteArray::number(port);
    char python[] = "/usr/bin/python3";
    char m[] = "-m";
    char module[] = "http.server";
    char bind[] = "--bind";
    char host[] = "127.0.0.1";
    char d[] = "-d";
    char* argv[] = {python, m, module, bind, host, d, dir.data(), portText.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn(&m_pid, python, &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 100 && !answers(port); ++i)
        QThread::msleep(50);
}

StaticHttpServer::~StaticHttpServer()
{
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
    }
}

} // namespace broadsheet::bench
