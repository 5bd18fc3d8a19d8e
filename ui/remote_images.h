// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace broadsheet::ui {

/// Fetches the images a story names, once the user has allowed it: by the program itself
/// (never a browser), over http and https only, with no cookies sent or kept and no
/// credentials, each at most kMaxImageBytes and kTimeoutMs. What comes back is kept in a
/// bounded disk cache (kDiskCacheBytes, in `cacheDirectory`) and a bounded memory cache,
/// so a story read again shows its images without the network. Used by ReaderView.
class RemoteImages final : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kMaxImageBytes = qint64{8} * 1024 * 1024;
    static constexpr qint64 kDiskCacheBytes = qint64{64} * 1024 * 1024;
    static constexpr int kMemoryCacheBytes = 48 * 1024 * 1024;
    static constexpr int kTimeoutMs = 20000;

    explicit RemoteImages(const QString& cacheDirectory, QObject* parent = nullptr);
    ~RemoteImages() override;

    /// The image at `url` if it has come; null otherwise.
    QImage image(const QUrl& url) const;
    /// Starts fetching `url` unless it is here, on its way, failed before, or not http(s).
    void fetch(const QUrl& url);
    /// How many fetches are on their way.
    int pending() const { return static_cast<int>(m_pending.size()); }

Q_SIGNALS:
    /// `url` came (image() has it) or failed for good.
    void finished(const QUrl& url, bool ok);

private:
    void done(QNetworkReply* reply);

    QNetworkAccessManager* m_network = nullptr;
    QCache<QUrl, QImage> m_images; ///< cost: bytes
    QSet<QUrl> m_pending;
    QSet<QUrl> m_failed; ///< not asked again this session
};

} // namespace broadsheet::ui
