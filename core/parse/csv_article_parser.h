// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "result.h"

#include <QList>
#include <QString>

namespace broadsheet::core {

/// Articles from a CSV data set whose header names its columns (title, date, text, url,
/// and optionally author, section, source, in any order and case; common synonyms such as
/// headline, body, content, link, published are understood). Rows without a title or text
/// are left out. Used by the importer for `.csv` files.
class CsvArticleParser {
public:
    struct Parsed {
        QList<Article> articles;
        int rowsWithoutText = 0;
        /// Rows left out because they do not fit the header (a broken quote ran into the
        /// next row, a field too many or too few), each with its line and why.
        QStringList rowsLeftOut;
    };

    static Result<Parsed> parse(const QString& text);
};

} // namespace broadsheet::core
