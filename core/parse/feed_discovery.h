// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

// Finding the feeds a web page offers: its <link rel="alternate"> elements of a feed type,
// read with the HTML5 parser (gumbo), as browsers and readers do for "subscribe to this site".
namespace broadsheet::core {

struct FeedLink {
    QUrl url;      ///< resolved against the page's <base> and address
    QString title; ///< the link's title, if any
    QString type;  ///< application/rss+xml, application/atom+xml, application/feed+json…
    friend bool operator==(const FeedLink&, const FeedLink&) = default;
};

/// The feeds `html` (a page fetched from `page`) links to, in the page's order, each once;
/// only http and https addresses.
QList<FeedLink> discoverFeeds(const QByteArray& html, const QUrl& page);

/// Whether `bytes` look like an HTML page (and not a feed).
bool looksLikeWebPage(const QByteArray& bytes);

} // namespace broadsheet::core
