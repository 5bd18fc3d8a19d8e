// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/published_date.h"

#include <QList>
#include <QString>

#include <optional>

// A feed document as read: the channel and its items, in the terms every format shares
// (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1). Values only; the parser is
// feed_parser.h. Text is as the feed wrote it after XML decoding: HTML stays HTML until the
// sanitiser.
namespace broadsheet::core {

/// A piece of text and what it is: plain text, or HTML (Atom's xhtml is kept as HTML).
struct FeedText {
    enum class Type { Text, Html };
    QString value;
    Type type = Type::Text;
    QString base; ///< the xml:base in force, against which relative URLs in it resolve

    bool isEmpty() const { return value.isEmpty(); }
    friend bool operator==(const FeedText&, const FeedText&) = default;
};

struct FeedPerson {
    QString name;
    QString email;
    QString uri;
    friend bool operator==(const FeedPerson&, const FeedPerson&) = default;
};

/// A category (RSS), a category's term (Atom), a tag (JSON Feed).
struct FeedCategory {
    QString term;
    QString scheme; ///< RSS's domain, Atom's scheme
    QString label;
    friend bool operator==(const FeedCategory&, const FeedCategory&) = default;
};

/// A file that comes with an item: a podcast's audio, an image.
struct FeedEnclosure {
    QString url;
    QString type;
    std::optional<qint64> length;
    friend bool operator==(const FeedEnclosure&, const FeedEnclosure&) = default;
};

/// A date as the feed wrote it and as read: an unreadable one stays empty and is noted.
struct FeedDate {
    PublishedDate when;
    QString written;
    bool isUnreadable() const { return !written.trimmed().isEmpty() && !when.isKnown(); }
    friend bool operator==(const FeedDate&, const FeedDate&) = default;
};

struct FeedItem {
    QString id;                 ///< guid (RSS), id (Atom, JSON Feed); may be empty
    bool idIsPermaLink = false; ///< RSS's guid isPermaLink (true by default when a guid)
    FeedText title;
    QString link; ///< the story's page: Atom's alternate link, resolved
    QString comments;
    FeedDate published;
    FeedDate updated;
    QList<FeedPerson> authors;
    QList<FeedCategory> categories;
    FeedText summary;
    FeedText content; ///< the fullest content (content:encoded, Atom content, content_html)
    QList<FeedEnclosure> enclosures;
    QString thumbnail; ///< Media RSS or iTunes image, resolved
    QString duration;  ///< iTunes
    QString language;
    friend bool operator==(const FeedItem&, const FeedItem&) = default;
};

struct Feed {
    /// feedparser's names for the versions: rss090, rss091n, rss091u, rss092, rss093,
    /// rss094, rss20, rss10, atom03, atom10, json1, json11; "rss" / "atom" when unversioned.
    QString version;
    QString encoding; ///< of the bytes, as detected or declared
    FeedText title;
    FeedText subtitle;
    QString link;     ///< the site
    QString selfLink; ///< the feed's own URL, as it says
    QString icon;
    QString language;
    FeedText rights;
    QString id;
    QList<FeedPerson> authors;
    QList<FeedCategory> categories;
    FeedDate updated;
    std::optional<int> ttlMinutes;      ///< RSS ttl
    QString updatePeriod;               ///< sy:updatePeriod: hourly, daily, weekly, monthly, yearly
    std::optional<int> updateFrequency; ///< sy:updateFrequency
    QList<FeedItem> items;

    /// feedparser's "bozo": the document was not well-formed (or not in its declared
    /// encoding) and was read leniently; the first problem, with its line.
    bool malformed = false;
    QString firstError;
    int errorLine = 0;
};

} // namespace broadsheet::core
