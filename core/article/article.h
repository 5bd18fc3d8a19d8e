// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "published_date.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace broadsheet::core {

using ArticleId = qint64;

/// A tag on an article: a name and where it came from (manual, person, place, …).
struct Tag {
    QString name;
    QString kind;
    QString color = {}; ///< "#rrggbb" when the user gave the tag one, else empty

    friend bool operator==(const Tag&, const Tag&) = default;
};

/// Longest title kept, in characters; a longer one (a hostile feed's 10 MB title, a file
/// that is one long line) is cut at a word, with "…".
inline constexpr qsizetype kMaxTitleLength = 1000;

/// `title` held to `longest` characters.
inline QString boundedTitle(QString title, qsizetype longest = kMaxTitleLength)
{
    if (title.size() <= longest)
        return title;
    qsizetype cut = title.lastIndexOf(u' ', longest - 1);
    if (cut < longest / 2)
        cut = longest - 1;
    if (title.at(cut - 1).isHighSurrogate())
        --cut;
    title.truncate(cut);
    title += QChar(0x2026);
    return title;
}

/// One story: what a parser produces, what the store keeps, what the window and CLI show.
struct Article {
    ArticleId id = 0;
    QString title;
    QString section;
    QString author;
    QString source;
    QString url;
    QString guid;
    QString path; ///< the file the article came from, empty when it came from elsewhere
    PublishedDate published;
    QString body; ///< plain text, paragraphs separated by one blank line
    QString html; ///< sanitised HTML, for stories from feeds; empty for text files
    QList<Tag> tags;
    bool read = false;
    bool starred = false;

    friend bool operator==(const Article&, const Article&) = default;
};

/// The columns the story list shows: everything but the body.
struct ArticleSummary {
    ArticleId id = 0;
    QString title;
    QString source;
    QString section;
    QString author;
    PublishedDate published;
    bool read = false;
    bool starred = false;
    QStringList tags; ///< most relevant first; filled by ArticleStore::summaries() only
    QString snippet;  ///< the body's first line or so; by summaries(ids, true) only

    friend bool operator==(const ArticleSummary&, const ArticleSummary&) = default;
};

} // namespace broadsheet::core
