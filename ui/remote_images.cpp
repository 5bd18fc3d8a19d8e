// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote_images.h"

#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace broadsheet::ui {

namespace {

/// A jar that keeps nothing and gives nothing: an image request never carries a cookie,
/// and a tracking pixel's Set-Cookie is dropped.
class NoCookies final : public QNetworkCookieJar {
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl&) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie>&, const QUrl&) override { return false; }
};

} // namespace

RemoteImages::RemoteImages(const QString& cacheDirectory, QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_images(kMemoryCacheBytes)
{
    m_network->setCookieJar(new NoCookies(m_network));
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    auto* cache = new QNetworkDiskCache(m_network);
    cache->setCacheDirectory(cacheDirectory);
    cache->setMaximumCacheSize(kDiskCacheBytes);
    m_network->setCache(cache);
    connect(m_network, &QNetworkAccessManager::finished, this, &RemoteImages::done);
}

RemoteImages::~RemoteImages() = default;

QImage RemoteImages::image(const QUrl& url) const
{
    const QImage* image = m_images.object(url);
    return image ? *image : QImage();
}

void RemoteImages::fetch(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if ((scheme != u"http" && scheme != u"https") || m_images.contains(url) ||
        m_pending.contains(url) || m_failed.contains(url))
        return;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Broadsheet"));
    request.setRawHeader("Accept", "image/*");
    request.setTransferTimeout(kTimeoutMs);
    QNetworkReply* reply = m_network->get(request);
    m_pending.insert(url);
    // A server that sends more than an image's worth is cut off.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxImageBytes)
            reply->abort();
    });
}

void RemoteImages::done(QNetworkReply* reply)
{
    reply->deleteLater();
    const QUrl url = reply->request().url();
    m_pending.remove(url);
    QImage image;
    if (reply->error() == QNetworkReply::NoError) {
        const QByteArray bytes = reply->read(kMaxImageBytes + 1);
        if (bytes.size() <= kMaxImageBytes)
            image.loadFromData(bytes);
    }
    if (image.isNull()) {
        m_failed.insert(url);
        Q_EMIT finished(url, false);
        return;
    }
    const auto cost = static_cast<qsizetype>(image.sizeInBytes());
    m_images.insert(url, new QImage(std::move(image)),
                    std::min<qsizetype>(cost, kMemoryCacheBytes));
    Q_EMIT finished(url, true);
}

} // namespace broadsheet::ui
