// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "result.h"

#include <QList>
#include <QString>

namespace broadsheet::core {

/// Articles from the files Broadsheet exports and similar tools write: Markdown with YAML
/// front matter, a JSON array (or one object), and NDJSON. Every field comes back as it was
/// exported: title, section, author, source, url, guid, published with its precision,
/// read/starred and tags with their kinds. Used by the importer for .md, .json and .ndjson.
class StructuredArticleParser {
public:
    struct Parsed {
        QList<Article> articles;
        /// The file named the articles' tags (a `tags` field, even empty): they are the
        /// articles' own, and the importer adds no automatic tags to them.
        bool carriesTags = false;
    };

    /// Front matter between `---` lines (title, section, author, source, url, guid,
    /// published or date, read, starred, tags), then the body; a `# Title` heading that
    /// repeats the title is dropped, and one gives the title when the front matter has none.
    static Result<Parsed> parseMarkdown(const QString& text);
    /// A JSON array of article objects, or one object.
    static Result<Parsed> parseJson(const QByteArray& bytes);
    /// One JSON object a line; blank lines are allowed. Names the line of a bad one.
    static Result<Parsed> parseNdjson(const QByteArray& bytes);
};

} // namespace broadsheet::core
