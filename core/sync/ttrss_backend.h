// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/sync_backend.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace broadsheet::core {

/// Tiny Tiny RSS's JSON API (level 15 and later): login, getCategories, getFeeds,
/// getHeadlines with skip (and its virtual feeds: all articles, starred, labels),
/// getLabels, updateArticle, setArticleLabel, subscribeToFeed and unsubscribeFeed.
/// The API cannot rename or move a feed or make a label: those changes are refused with
/// `ErrorCode::Unsupported`, and the sync says so.
class TtRssBackend final : public SyncBackend {
public:
    TtRssBackend(AccountSettings settings, HttpClient& http);

    Result<void> login(const std::stop_token& stop = {}) override;
    Result<QList<RemoteFeed>> feeds(const std::stop_token& stop = {}) override;
    Result<QStringList> labels(const std::stop_token& stop = {}) override;
    /// A first sync (no `since`) walks every article in title order, which the server sorts
    /// without ties, so pages resumed by offset neither skip nor repeat; a later one walks
    /// newest stored first and the engine stops at the first page with nothing new.
    Result<ItemPage> items(const QString& continuation, std::optional<QDateTime> since, int count,
                           const std::stop_token& stop = {}) override;
    Result<QStringList> unreadIds(const std::stop_token& stop = {}) override;
    Result<QStringList> starredIds(const std::stop_token& stop = {}) override;
    Result<QStringList> labelledIds(const QString& label,
                                    const std::stop_token& stop = {}) override;
    Result<QSet<QString>> present(const QStringList& ids,
                                  const std::stop_token& stop = {}) override;
    Result<void> apply(const RemoteChange& change, const std::stop_token& stop = {}) override;
    Result<QString> subscribe(const QString& url, const QString& folder,
                              const std::stop_token& stop = {}) override;
    Result<void> unsubscribe(const QString& feedId, const std::stop_token& stop = {}) override;
    Result<void> markFeedRead(const QString& feedId, const QDateTime& before,
                              const std::stop_token& stop = {}) override;
    Result<void> rename(const QString& feedId, const QString& title,
                        const std::stop_token& stop = {}) override;
    Result<void> move(const QString& feedId, const QString& folder,
                      const std::stop_token& stop = {}) override;

private:
    /// One API call: `op` with `fields`, logged in first (and again once if the session
    /// ended); the answer's "content" when its status is OK.
    Result<QJsonValue> call(const QString& op, QJsonObject fields, const std::stop_token& stop,
                            bool retried = false);
    /// Every article id of a (virtual) feed, a page of 200 at a time; with `datedUpTo`
    /// (seconds since the epoch), only the articles dated no later.
    Result<QStringList> articleIds(qint64 feedId, const QString& viewMode,
                                   const std::stop_token& stop,
                                   std::optional<qint64> datedUpTo = std::nullopt);
    Result<void> loadLabels(const std::stop_token& stop);
    QString where() const;
    Error notAList(const QString& op) const;

    AccountSettings m_settings;
    HttpClient& m_http;
    QString m_session;
    QHash<QString, qint64> m_labelIds;    ///< caption → the label's (virtual feed) id
    QHash<QString, qint64> m_categoryIds; ///< title → id
    bool m_haveLabels = false;
};

} // namespace broadsheet::core
