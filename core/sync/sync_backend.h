// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>
#include <stop_token>

// What Broadsheet asks of a feed server, whatever API it speaks. One backend per API (the
// Google Reader API, TT-RSS), each a small file; the sync engine knows only this interface,
// so another API (Fever, Miniflux's own, Nextcloud News) is one more file.
namespace broadsheet::core {

class HttpClient;

/// A sync account as its backend needs it: where the API is and who logs in.
struct AccountSettings {
    QString kind; ///< "greader" or "ttrss"
    QUrl url;     ///< the API's address, as the server's documentation gives it
    QString user;
    QString password; ///< never stored in the library, never in a message
};

/// A subscription as the server has it.
using RemoteFeed = RemoteSubscription;

/// A story as the server has it.
struct RemoteItem {
    QString id;     ///< stable per server: what read/star/label changes name
    QString feedId; ///< RemoteFeed::id
    QString title;
    QString url;
    QString author;
    QString html; ///< as the server gives it: sanitised before it is stored
    QDateTime published;
    QDateTime updated; ///< when the server last changed it (its crawl time when no other)
    bool read = false;
    bool starred = false;
    QStringList labels; ///< the user's labels on the server (not folders)
};

struct ItemPage {
    QList<RemoteItem> items;
    QString continuation; ///< "" when this was the last page
};

/// One change made in Broadsheet, to send to the server.
struct RemoteChange {
    enum class Kind { Read, Unread, Star, Unstar, AddLabel, RemoveLabel };
    Kind kind = Kind::Read;
    QStringList itemIds;
    QString label; ///< for AddLabel and RemoveLabel
};

class SyncBackend {
public:
    virtual ~SyncBackend() = default;

    /// Logs in (or checks the session); `ErrorCode::Unauthorized` for a wrong user name or
    /// password, `ErrorCode::Unreachable` when the server does not answer.
    virtual Result<void> login(const std::stop_token& stop = {}) = 0;
    virtual Result<QList<RemoteFeed>> feeds(const std::stop_token& stop = {}) = 0;
    /// The user's labels (tags of items), not folders.
    virtual Result<QStringList> labels(const std::stop_token& stop = {}) = 0;
    /// Items, `count` a page (a server may give fewer), from `continuation` ("" for the
    /// first page). A first sync gives no `since` and walks them all; a later one gives it
    /// (the epoch when nothing was seen yet) and wants what the server changed after it,
    /// newest first: the engine stops at the first page with nothing new.
    virtual Result<ItemPage> items(const QString& continuation, std::optional<QDateTime> since,
                                   int count, const std::stop_token& stop = {}) = 0;
    /// The ids of every unread item, and of every starred one: a sync reconciles the state
    /// of stories it already has with them.
    virtual Result<QStringList> unreadIds(const std::stop_token& stop = {}) = 0;
    virtual Result<QStringList> starredIds(const std::stop_token& stop = {}) = 0;
    /// The ids of every item with the user's label `label`.
    virtual Result<QStringList> labelledIds(const QString& label,
                                            const std::stop_token& stop = {}) = 0;
    /// Which of `ids` the server still has (its retention may have removed the others).
    virtual Result<QSet<QString>> present(const QStringList& ids,
                                          const std::stop_token& stop = {}) = 0;
    virtual Result<void> apply(const RemoteChange& change, const std::stop_token& stop = {}) = 0;
    /// Subscribes to `url` (in `folder` when not ""); returns the new feed's id.
    virtual Result<QString> subscribe(const QString& url, const QString& folder,
                                      const std::stop_token& stop = {}) = 0;
    virtual Result<void> unsubscribe(const QString& feedId, const std::stop_token& stop = {}) = 0;
    /// Marks read every item of the feed that the server had at `before`: what reached it
    /// since stays unread.
    virtual Result<void> markFeedRead(const QString& feedId, const QDateTime& before,
                                      const std::stop_token& stop = {}) = 0;
    virtual Result<void> rename(const QString& feedId, const QString& title,
                                const std::stop_token& stop = {}) = 0;
    /// Moves the feed to `folder` ("": out of every folder).
    virtual Result<void> move(const QString& feedId, const QString& folder,
                              const std::stop_token& stop = {}) = 0;

    /// The backend for `settings.kind`, or nothing for a kind there is none for.
    static std::unique_ptr<SyncBackend> create(const AccountSettings& settings, HttpClient& http);
    /// The kinds there are backends for: "greader", "ttrss".
    static QStringList kinds();
};

} // namespace broadsheet::core
