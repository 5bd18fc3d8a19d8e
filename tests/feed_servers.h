// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace broadsheet::test {

/// A real FreshRSS (../shared/servers/freshrss) on a free port of 127.0.0.1, installed into
/// a folder of the test's, with the Google Reader API on and one user; stopped (its whole
/// process group) when it goes. start() says why when it cannot (no PHP, say).
class FreshRss {
public:
    explicit FreshRss(QString workdir);
    ~FreshRss();
    FreshRss(const FreshRss&) = delete;
    FreshRss& operator=(const FreshRss&) = delete;

    /// Starts it (on the same port again after stop()); false with error() when it did not.
    bool start();
    void stop();
    QString error() const { return m_error; }

    QUrl apiUrl() const { return m_apiUrl; } ///< …/api/greader.php
    QString user() const { return m_user; }
    QString apiPassword() const { return m_apiPassword; }
    /// Makes the server fetch the user's feeds now (its own crawler).
    bool refreshFeeds() const;

private:
    QString m_workdir;
    quint16 m_port = 0;
    QString m_error;
    QUrl m_apiUrl;
    QUrl m_refreshUrl;
    QString m_user;
    QString m_apiPassword;
    bool m_running = false;
};

/// A real Tiny Tiny RSS (Debian's tt-rss, through tests/servers/ttrss/start) on a free port
/// of 127.0.0.1: its own PostgreSQL cluster and web root in a folder of the test's, the JSON
/// API on for one user. It will not crawl loopback feeds, so a test seeds feeds and entries
/// with SQL (addFeed, addEntry) and changes them through the API like any other client.
class TtRss {
public:
    explicit TtRss(QString workdir);
    ~TtRss();
    TtRss(const TtRss&) = delete;
    TtRss& operator=(const TtRss&) = delete;

    /// Starts it (on the same port again after stop()); false with error() when it did not
    /// (no tt-rss or PostgreSQL installed, say).
    bool start();
    void stop();
    QString error() const { return m_error; }
    /// Whether Debian's tt-rss and PostgreSQL 15 are installed.
    static bool installed();

    QUrl apiUrl() const { return m_apiUrl; } ///< …/api/
    QString user() const { return m_user; }
    QString password() const { return m_password; }

    /// Runs SQL on the server's database; its output (psql's unaligned rows), or "" with
    /// error() set when it failed.
    QString sql(const QString& statements);
    /// A category (folder) of the user's; its id.
    qint64 addCategory(const QString& title);
    /// A feed of the user's, in `category` (0: none); its id.
    qint64 addFeed(const QString& title, const QString& url, qint64 category);
    /// An article of `feed` as its crawler stores one, stored `ageSeconds` ago; its id.
    qint64 addEntry(qint64 feed, const QString& title, const QString& link, const QString& html,
                    int ageSeconds);
    /// `count` articles of `feed` stored in one moment, as one big crawl stores them, titled
    /// "`name` crawl N".
    void addCrawl(qint64 feed, const QString& name, int count);
    /// A label of the user's.
    void addLabel(const QString& caption);

private:
    QString m_workdir;
    quint16 m_port = 0;
    QString m_error;
    QUrl m_apiUrl;
    QString m_user;
    QString m_password;
    QString m_socketDir;
    bool m_running = false;
};

/// A free TCP port on 127.0.0.1 (free when asked: a server should take it at once).
quint16 freePort();

} // namespace broadsheet::test
