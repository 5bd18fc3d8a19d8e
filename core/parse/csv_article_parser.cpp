// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_article_parser.h"

#include "csv_reader.h"
#include "date_parser.h"

#include <QUrl>

namespace broadsheet::core {

namespace {

struct Columns {
    int title = -1;
    int date = -1;
    int text = -1;
    int url = -1;
    int author = -1;
    int section = -1;
    int source = -1;
};

Columns findColumns(const QStringList& header)
{
    Columns columns;
    auto assign = [](int& slot, int index) {
        if (slot < 0)
            slot = index;
    };
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed().toLower();
        if (name == u"title" || name == u"headline")
            assign(columns.title, i);
        else if (name == u"date" || name == u"published" || name == u"pubdate" ||
                 name == u"published_at" || name == u"datetime")
            assign(columns.date, i);
        else if (name == u"text" || name == u"body" || name == u"content" || name == u"article")
            assign(columns.text, i);
        else if (name == u"url" || name == u"link")
            assign(columns.url, i);
        else if (name == u"author" || name == u"byline" || name == u"authors")
            assign(columns.author, i);
        else if (name == u"section" || name == u"category")
            assign(columns.section, i);
        else if (name == u"source" || name == u"publisher")
            assign(columns.source, i);
    }
    return columns;
}

QString fieldAt(const QStringList& fields, int column)
{
    return column >= 0 && column < fields.size() ? fields[column] : QString();
}

// Paragraphs separated by one blank line; a first paragraph that is only a dateline
// ("Friday, January 4, 2019") is the date, not text.
QString normaliseBody(const QString& text, PublishedDate& date)
{
    QString unified = text;
    unified.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QString trimmed = unified.trimmed();
    const qsizetype firstBreak = trimmed.indexOf(u'\n');
    if (firstBreak > 0) {
        if (auto dateline = parseWrittenDate(trimmed.left(firstBreak)); dateline.isKnown()) {
            if (!date.isKnown())
                date = dateline;
            unified = trimmed.mid(firstBreak + 1);
        }
    }
    QStringList paragraphs;
    for (const QStringView part : QStringView(unified).split(QStringLiteral("\n\n"))) {
        const QString paragraph = part.toString().simplified();
        if (!paragraph.isEmpty())
            paragraphs.append(paragraph);
    }
    return paragraphs.join(QStringLiteral("\n\n"));
}

} // namespace

Result<CsvArticleParser::Parsed> CsvArticleParser::parse(const QString& text)
{
    auto records = CsvReader::read(text);
    if (!records)
        return records.error();
    if (records->isEmpty())
        return Error{QStringLiteral("the CSV file has no header row")};
    const Columns columns = findColumns(records->front().fields);
    if (columns.title < 0 && columns.text < 0) {
        return Error{QStringLiteral("the CSV header names no title or text column (found: %1)")
                         .arg(records->front().fields.join(QStringLiteral(", ")))};
    }

    Parsed parsed;
    const qsizetype width = records->front().fields.size();
    for (qsizetype r = 1; r < records->size(); ++r) {
        const QStringList& fields = records->at(r).fields;
        // A row that does not fit the header is not a story: a broken quote makes one
        // title of "Broken CSV, 2020-01-01\"" and shifts every field after it.
        if (fields.size() != width && !(fields.size() == 1 && fields.front().trimmed().isEmpty())) {
            parsed.rowsLeftOut.append(QStringLiteral("the row at line %1 has %2 fields where the "
                                                     "header has %3; left it out")
                                          .arg(records->at(r).line)
                                          .arg(fields.size())
                                          .arg(width));
            continue;
        }
        Article article;
        article.title = fieldAt(fields, columns.title).simplified();
        article.published = parseWrittenDate(fieldAt(fields, columns.date));
        article.body = normaliseBody(fieldAt(fields, columns.text), article.published);
        article.url = fieldAt(fields, columns.url).trimmed();
        article.author = fieldAt(fields, columns.author).simplified();
        article.section = fieldAt(fields, columns.section).simplified();
        article.source = fieldAt(fields, columns.source).simplified();
        if (article.source.isEmpty() && !article.url.isEmpty())
            article.source = QUrl(article.url).host();
        if (article.title.isEmpty() && article.body.isEmpty()) {
            ++parsed.rowsWithoutText;
            continue;
        }
        parsed.articles.append(std::move(article));
    }
    return parsed;
}

} // namespace broadsheet::core
