// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/sync_backend.h"

#include <QHash>

namespace broadsheet::core {

/// The Google Reader API as FreshRSS, Miniflux, Inoreader, TheOldReader and BazQux speak it:
/// ClientLogin, the edit token, subscription/list, tag/list, stream/contents with
/// continuation, stream/items/ids, edit-tag, subscription/quickadd and subscription/edit.
/// Item ids are kept in their decimal form (the API's short form).
class GReaderBackend final : public SyncBackend {
public:
    GReaderBackend(AccountSettings settings, HttpClient& http);

    Result<void> login(const std::stop_token& stop = {}) override;
    Result<QList<RemoteFeed>> feeds(const std::stop_token& stop = {}) override;
    Result<QStringList> labels(const std::stop_token& stop = {}) override;
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

    /// "tag:google.com,2005:reader/item/000661d4441984c3" or "1796414163748035" → the
    /// decimal form; "" for anything else.
    static QString shortItemId(const QString& id);
    /// The decimal form → the long form the API's edits take.
    static QString longItemId(const QString& id);

private:
    Result<QByteArray> get(const QString& path, const QUrlQuery& query,
                           const std::stop_token& stop);
    Result<QByteArray> post(const QString& path, const QUrlQuery& form,
                            const std::stop_token& stop);
    Result<QByteArray> send(bool isPost, const QString& path, const QUrlQuery& query,
                            const std::stop_token& stop, bool retried = false);
    Result<QStringList> streamIds(const QString& stream, const QString& exclude,
                                  const std::stop_token& stop);
    Result<void> editSubscription(const QUrlQuery& form, const std::stop_token& stop);
    QString where(const QString& path) const;

    AccountSettings m_settings;
    HttpClient& m_http;
    QByteArray m_auth;                  ///< ClientLogin's Auth
    QByteArray m_token;                 ///< the edit token
    QHash<QString, QString> m_folderOf; ///< feed id → folder, from the last feeds()
    bool m_haveFeeds = false;
};

} // namespace broadsheet::core
