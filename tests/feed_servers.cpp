// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_servers.h"

#include "test_paths.h"
#include "test_support.h"

#include <QEventLoop>
#include <QFileInfo>
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

TtRss::TtRss(QString workdir)
    : m_workdir(std::move(workdir))
{
}

TtRss::~TtRss()
{
    stop();
}

bool TtRss::installed()
{
    return QFileInfo::exists(QStringLiteral("/usr/share/tt-rss/schema/ttrss_schema_pgsql.sql")) &&
           QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb"));
}

bool TtRss::start()
{
    const QString script = QStringLiteral(BROADSHEET_TEST_SERVERS_DIR "/ttrss/start");
    if (m_port == 0)
        m_port = freePort();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TTRSS_WORKERS"), QStringLiteral("2"));
    process.setProcessEnvironment(environment);
    process.start(script, {m_workdir, QString::number(m_port)});
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 did not start tt-rss: %2")
                      .arg(script, QString::fromUtf8(process.readAllStandardError()).right(600));
        return false;
    }
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals < 0)
            continue;
        const QByteArray key = line.left(equals);
        const QString value = QString::fromUtf8(line.mid(equals + 1));
        if (key == "TTRSS_API_URL")
            m_apiUrl = QUrl(value);
        else if (key == "TTRSS_USER")
            m_user = value;
        else if (key == "TTRSS_PASSWORD")
            m_password = value;
    }
    m_socketDir = m_workdir + QStringLiteral("/run");
    m_running = m_apiUrl.isValid() && !m_user.isEmpty();
    if (!m_running)
        m_error = QStringLiteral("%1 printed no API address").arg(script);
    return m_running;
}

void TtRss::stop()
{
    if (!m_running)
        return;
    QProcess::execute(QStringLiteral(BROADSHEET_TEST_SERVERS_DIR "/ttrss/start"),
                      {QStringLiteral("--stop"), m_workdir});
    m_running = false;
}

QString TtRss::sql(const QString& statements)
{
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"),
                QStringLiteral("-t"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-h"), m_socketDir, QStringLiteral("-U"), QStringLiteral("postgres"),
                QStringLiteral("-d"), QStringLiteral("ttrss")});
    psql.write(statements.toUtf8());
    psql.closeWriteChannel();
    if (!psql.waitForFinished(60000) || psql.exitCode() != 0) {
        m_error = QStringLiteral("psql: %1").arg(QString::fromUtf8(psql.readAllStandardError()));
        return {};
    }
    return QString::fromUtf8(psql.readAllStandardOutput()).trimmed();
}

namespace {

QString quoted(const QString& text)
{
    QString out = text;
    out.replace(u'\'', QStringLiteral("''"));
    return u'\'' + out + u'\'';
}

} // namespace

qint64 TtRss::addCategory(const QString& title)
{
    return sql(QStringLiteral("insert into ttrss_feed_categories (owner_uid, title) select id, %1 "
                              "from ttrss_users where login = %2 returning id;")
                   .arg(quoted(title), quoted(m_user)))
        .toLongLong();
}

qint64 TtRss::addFeed(const QString& title, const QString& url, qint64 category)
{
    return sql(QStringLiteral("insert into ttrss_feeds (owner_uid, title, cat_id, feed_url, "
                              "site_url) select id, %1, %2, %3, '' from ttrss_users where login "
                              "= %4 returning id;")
                   .arg(quoted(title),
                        category > 0 ? QString::number(category) : QStringLiteral("null"),
                        quoted(url), quoted(m_user)))
        .toLongLong();
}

qint64 TtRss::addEntry(qint64 feed, const QString& title, const QString& link, const QString& html,
                       int ageSeconds)
{
    // As its crawler stores one: the entry (shared by every user), then the user's copy.
    return sql(QStringLiteral(
                   "with e as (insert into ttrss_entries (title, guid, link, updated, content, "
                   "content_hash, date_entered, date_updated, author) values (%1, %2, %2, "
                   "now() - interval '%3 seconds', %4, md5(%4), now() - interval '%3 seconds', "
                   "now() - interval '%3 seconds', 'Desk') returning id) "
                   "insert into ttrss_user_entries (ref_id, uuid, feed_id, owner_uid, tag_cache, "
                   "label_cache) select e.id, '', %5, u.id, '', '' from e, ttrss_users u where "
                   "u.login = %6 returning ref_id;")
                   .arg(quoted(title), quoted(link))
                   .arg(ageSeconds)
                   .arg(quoted(html))
                   .arg(feed)
                   .arg(quoted(m_user)))
        .toLongLong();
}

void TtRss::addCrawl(qint64 feed, const QString& name, int count)
{
    sql(QStringLiteral(
            "insert into ttrss_entries (title, guid, link, updated, content, content_hash, "
            "date_entered, date_updated) select %1 || ' crawl ' || g, %2 || g, %2 || g, "
            "'2026-06-01', '<p>Crawled.</p>', md5(%2 || g), '2026-06-01 10:00', '2026-06-01 "
            "10:00' from generate_series(1, %3) g; "
            "insert into ttrss_user_entries (ref_id, uuid, feed_id, owner_uid, tag_cache, "
            "label_cache) select e.id, '', %4, u.id, '', '' from ttrss_entries e, ttrss_users u "
            "where e.guid like %2 || '%' and u.login = %5;")
            .arg(quoted(name), quoted(QStringLiteral("http://example.com/crawl/%1/").arg(name)))
            .arg(count)
            .arg(feed)
            .arg(quoted(m_user)));
}

void TtRss::addLabel(const QString& caption)
{
    sql(QStringLiteral("insert into ttrss_labels2 (owner_uid, caption) select id, %1 from "
                       "ttrss_users where login = %2;")
            .arg(quoted(caption), quoted(m_user)));
}

} // namespace broadsheet::test
