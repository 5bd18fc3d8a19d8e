// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "result.h"

#include <QString>

namespace broadsheet::core {

/// Turns the text of one article file into an Article. Recognises the layouts real text
/// dumps use by their structure, not by line numbers: the seed's (section line at column 0,
/// indented date, indented title, indented paragraphs, `[ ]link[/ ]` markup), a plain
/// title line followed by the body, a title followed by a date line, a `By Name` byline,
/// hard-wrapped paragraphs. A field it cannot find stays empty. Used by the importer.
class TextArticleParser {
public:
    /// Parses decoded text; fails only when there is no text at all.
    static Result<Article> parse(const QString& text);

    /// Replaces `[ ]text[/ ]` link markup with its text.
    static QString stripLinkMarkup(const QString& text);
};

} // namespace broadsheet::core
