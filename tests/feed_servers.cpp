// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_servers.h"

#include "test_support.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTimer>

namespace broadsheet::test {

namespace {

/// A value the start script printed for a shell to eval: backslashes escape characters.
QString unescaped(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == u'\\' && i + 1 < value.size())
            ++i;
        out.append(value[i]);
    }
    return out;
}

} // namespace

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

FreshRss::FreshRss(QString workdir)
    : m_workdir(std::move(workdir))
{
}

FreshRss::~FreshRss()
{
    stop();
}

bool FreshRss::start()
{
    const QString script = sharedPath(QStringLiteral("servers/freshrss/start"));
    if (m_port == 0)
        m_port = freePort();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FRESHRSS_NO_APT"), QStringLiteral("1"));
    environment.insert(QStringLiteral("FRESHRSS_WORKERS"), QStringLiteral("2"));
    process.setProcessEnvironment(environment);
    process.start(script, {m_workdir, QString::number(m_port)});
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 did not start FreshRSS: %2")
                      .arg(script, QString::fromUtf8(process.readAllStandardError()).right(600));
        return false;
    }
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals < 0)
            continue;
        const QByteArray key = line.left(equals);
        const QString value = unescaped(QString::fromUtf8(line.mid(equals + 1)));
        if (key == "FRESHRSS_API_URL")
            m_apiUrl = QUrl(value);
        else if (key == "FRESHRSS_USER")
            m_user = value;
        else if (key == "FRESHRSS_API_PASSWORD")
            m_apiPassword = value;
        else if (key == "FRESHRSS_REFRESH_URL")
            m_refreshUrl = QUrl(value);
    }
    m_running = m_apiUrl.isValid() && !m_user.isEmpty();
    if (!m_running)
        m_error = QStringLiteral("%1 printed no API address").arg(script);
    return m_running;
}

void FreshRss::stop()
{
    if (!m_running)
        return;
    QProcess::execute(sharedPath(QStringLiteral("servers/freshrss/stop")), {m_workdir});
    m_running = false;
}

bool FreshRss::refreshFeeds() const
{
    // The server fetches the feeds while this waits: the feeds' own server must go on
    // answering, so this turns the caller's event loop.
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(m_refreshUrl)));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    return reply->isFinished() && reply->error() == QNetworkReply::NoError;
}

} // namespace broadsheet::test
