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

/// A free TCP port on 127.0.0.1 (free when asked: a server should take it at once).
quint16 freePort();

} // namespace broadsheet::test
