// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parse/feed_parser.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

// Fetching a feed over HTTP the way servers ask to be treated: conditional GET, redirects
// handled by hand, 410 and Retry-After honoured, a few requests per host at once, explicit
// timeouts and a size cap. Used by the refresh of subscriptions; runs on the thread that
// made it (which needs an event loop), a worker in the window.
namespace broadsheet::core {

struct FetchRequest {
    QUrl url;
    QByteArray etag;         ///< from the last full answer: If-None-Match
    QByteArray lastModified; ///< from the last full answer: If-Modified-Since
    QString user;            ///< HTTP Basic, sent to the feed's own host only
    QString password;
};

struct FetchResult {
    enum class Outcome {
        Fetched,     ///< 200: `body` holds the feed
        NotModified, ///< 304: nothing new, nothing to parse
        Gone,        ///< 410: the feed is no more; stop asking
        Deferred,    ///< the host asked us to wait (429, 503 with Retry-After): `retryAfter`
        Failed,      ///< anything else: `error` says what, `status` the HTTP status if any
    };
    Outcome outcome = Outcome::Failed;
    int status = 0;              ///< the last HTTP status; 0 when none came
    QUrl finalUrl;               ///< where the answer came from, past redirects
    std::optional<QUrl> movedTo; ///< every redirect was permanent (301, 308): the new URL
    QByteArray body;             ///< decoded (gzip, deflate), at most the cap
    QString contentType;
    QString contentLocation;
    QString contentLanguage;
    QByteArray etag;
    QByteArray lastModified;
    std::optional<qint64> maxAgeSeconds; ///< Cache-Control: max-age, a lower bound for polling
    QDateTime retryAfter;                ///< for Deferred (and a 503 that said when)
    QString error;                       ///< readable; never holds a password
    int redirects = 0;
    bool cancelled = false; ///< cancelAll() ended it: nothing to record

    /// What the parser should know of the bytes: where they came from and what the server
    /// said of them.
    FeedSource source() const;
};

class FeedFetcher {
public:
    struct Options {
        QByteArray userAgent =
            QByteArrayLiteral("Broadsheet/" BROADSHEET_VERSION " (desktop feed reader)");
        int idleTimeoutMs = 30000; ///< no byte for this long: given up
        int deadlineMs = 120000;   ///< the whole answer within this, however it trickles
        qint64 maxBytes = kMaxFeedBytes;
        int perHost = 2;
        int total = 8;
        int maxRedirects = 5;
        std::function<QDateTime()> now; ///< the clock (tests set it); UTC
    };
    using Done = std::function<void(const FetchResult&)>;

    FeedFetcher();
    explicit FeedFetcher(Options options);
    ~FeedFetcher(); ///< what still runs is aborted, and its Done never called
    FeedFetcher(const FeedFetcher&) = delete;
    FeedFetcher& operator=(const FeedFetcher&) = delete;

    /// Fetches `request`; `done` is called once, on this thread, when it is over. Waits its
    /// turn behind the per-host and total limits.
    void fetch(const FetchRequest& request, Done done);
    int running() const;
    int waiting() const;
    /// Stops everything: what runs and waits ends as Failed ("cancelled").
    void cancelAll();

    /// A URL as it may be shown or logged: without its user name or password.
    static QString shown(const QUrl& url);
    /// Why a redirect from `from` to `to` is not followed (to another scheme than http(s),
    /// or from https down to http); empty when it is.
    static QString refusedRedirect(const QUrl& from, const QUrl& to);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace broadsheet::core
