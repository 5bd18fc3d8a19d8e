// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "feed.h"

#include <QByteArray>
#include <QList>

// A feed's items as the library's stories: sanitised HTML and its text, the feed as the
// source, categories as tags, and an identity that finds the same story again.
namespace broadsheet::core {

struct FeedStories {
    QList<Article> articles;
    /// Per article: what makes it the same story again (ArticleStore's content hash).
    QList<QByteArray> identities;
    qsizetype leftOut = 0; ///< items past kMaxFeedItems, not read
};

/// Most items read from one feed document (feeds list their newest first): a feed of
/// 100,000 items is read in bounded time and memory, and says what it left out.
inline constexpr qsizetype kMaxFeedItems = 10000;

/// The feed's items as stories; the source is the feed's title (else its site's host).
FeedStories storiesOf(const Feed& feed);

/// The identity of an item: its guid or id (with the feed's, when the id alone is no more
/// than a number), else its link (http and https alike, no fragment), else its title, date
/// and text. A story read from a feed file and again from the feed's URL is one story.
QByteArray itemIdentity(const FeedItem& item, const Feed& feed);

/// The feed's name to show: its title, else its site's host, else "Feed".
QString feedName(const Feed& feed);

} // namespace broadsheet::core
