// SPDX-License-Identifier: GPL-3.0-or-later
#include "structured_article_parser.h"

#include "article/markdown_escape.h"
#include "date_parser.h"
#include "html_sanitizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

namespace broadsheet::core {

namespace {

PublishedDate dateFrom(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const PublishedDate iso = PublishedDate::fromIso(trimmed);
    return iso.isKnown() ? iso : parseWrittenDate(trimmed);
}

Tag tagFrom(const QString& name, const QString& kind)
{
    return Tag{name.trimmed(),
               kind.trimmed().isEmpty() ? QStringLiteral("manual") : kind.trimmed()};
}

Article articleFrom(const QJsonObject& object, bool& carriesTags)
{
    Article article;
    auto text = [&object](const char* key) {
        return object.value(QLatin1String(key)).toString();
    };
    article.title = text("title");
    article.section = text("section");
    article.author = text("author");
    article.source = text("source");
    article.url = text("url");
    article.guid = text("guid");
    article.body = text("body");
    // A feed story's markup comes back through the sanitiser: the file may be anyone's.
    if (const QString html = text("html"); !html.isEmpty())
        article.html = sanitizeHtml(html).html;
    article.published =
        dateFrom(object.contains(QLatin1String("published")) ? text("published") : text("date"));
    article.read = object.value(QLatin1String("read")).toBool();
    article.starred = object.value(QLatin1String("starred")).toBool();
    if (object.contains(QLatin1String("tags"))) {
        carriesTags = true;
        for (const QJsonValue value : object.value(QLatin1String("tags")).toArray()) {
            const Tag tag = value.isObject()
                                ? tagFrom(value.toObject().value(QLatin1String("name")).toString(),
                                          value.toObject().value(QLatin1String("kind")).toString())
                                : tagFrom(value.toString(), {});
            if (!tag.name.isEmpty())
                article.tags.append(tag);
        }
    }
    return article;
}

bool hasText(const Article& article)
{
    return !article.title.trimmed().isEmpty() || !article.body.trimmed().isEmpty();
}

// ---- the little YAML that front matter uses ----

/// Splits "a, "b, c", 'd'" at the commas outside quotes.
QStringList splitFlow(QStringView text)
{
    QStringList parts;
    QString current;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            current += c;
            if (quote == u'"' && c == u'\\' && i + 1 < text.size())
                current += text[++i];
            else if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
            current += c;
        } else if (c == u',') {
            parts.append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        parts.append(current.trimmed());
    return parts;
}

/// A scalar: "double-quoted" (JSON escapes), 'single-quoted', null/~, or plain text.
QString scalar(const QString& raw)
{
    QString value = raw.trimmed();
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"')) {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + value.toUtf8() + "]");
        if (doc.isArray())
            return doc.array().at(0).toString();
        return value.mid(1, value.size() - 2);
    }
    if (value.size() >= 2 && value.startsWith(u'\'') && value.endsWith(u'\''))
        return value.mid(1, value.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    if (value == u"null" || value == u"~")
        return {};
    return value;
}

bool truth(const QString& raw)
{
    const QString value = scalar(raw).toLower();
    return value == u"true" || value == u"yes" || value == u"on";
}

/// A tag item: {name: "…", kind: place} or a bare name (a manual tag).
Tag tagItem(const QString& raw)
{
    const QString item = raw.trimmed();
    if (!(item.startsWith(u'{') && item.endsWith(u'}')))
        return tagFrom(scalar(item), {});
    QString name;
    QString kind;
    for (const QString& pair : splitFlow(QStringView(item).mid(1, item.size() - 2))) {
        const qsizetype colon = pair.indexOf(u':');
        if (colon < 0)
            continue;
        const QString key = pair.left(colon).trimmed();
        if (key == u"name")
            name = scalar(pair.mid(colon + 1));
        else if (key == u"kind")
            kind = scalar(pair.mid(colon + 1));
    }
    return tagFrom(name, kind);
}

} // namespace

Result<StructuredArticleParser::Parsed> StructuredArticleParser::parseMarkdown(const QString& text)
{
    QString normal = text;
    normal.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (normal.startsWith(QChar(0xFEFF)))
        normal.remove(0, 1);
    QStringList lines = normal.split(u'\n');
    Parsed parsed;
    Article article;
    qsizetype bodyStart = 0;
    if (!lines.isEmpty() && lines.first().trimmed() == u"---") {
        qsizetype end = 1;
        while (end < lines.size() && lines[end].trimmed() != u"---" &&
               lines[end].trimmed() != u"...")
            ++end;
        if (end == lines.size())
            return Error{
                QStringLiteral("the front matter that starts on line 1 has no closing '---'")};
        QString listKey;
        for (qsizetype i = 1; i < end; ++i) {
            const QString& line = lines[i];
            const QString trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
                continue;
            if (trimmed.startsWith(QStringLiteral("- ")) && listKey == u"tags") {
                const Tag tag = tagItem(trimmed.mid(2));
                if (!tag.name.isEmpty())
                    article.tags.append(tag);
                continue;
            }
            const qsizetype colon = line.indexOf(u':');
            if (colon <= 0 || line.front().isSpace())
                return Error{
                    QStringLiteral("line %1 of the front matter is not 'key: value'").arg(i + 1)};
            const QString key = line.left(colon).trimmed().toLower();
            const QString value = line.mid(colon + 1);
            listKey = key;
            if (key == u"title")
                article.title = scalar(value);
            else if (key == u"section")
                article.section = scalar(value);
            else if (key == u"author")
                article.author = scalar(value);
            else if (key == u"source")
                article.source = scalar(value);
            else if (key == u"url" || key == u"link")
                article.url = scalar(value);
            else if (key == u"guid")
                article.guid = scalar(value);
            else if (key == u"published" || key == u"date")
                article.published = dateFrom(scalar(value));
            else if (key == u"read")
                article.read = truth(value);
            else if (key == u"starred")
                article.starred = truth(value);
            else if (key == u"tags") {
                parsed.carriesTags = true;
                const QString inline_ = value.trimmed();
                if (inline_.startsWith(u'[') && inline_.endsWith(u']')) {
                    for (const QString& item :
                         splitFlow(QStringView(inline_).mid(1, inline_.size() - 2))) {
                        const Tag tag = tagItem(item);
                        if (!tag.name.isEmpty())
                            article.tags.append(tag);
                    }
                }
            }
        }
        bodyStart = end + 1;
    }
    while (bodyStart < lines.size() && lines[bodyStart].trimmed().isEmpty())
        ++bodyStart;
    if (bodyStart < lines.size() && lines[bodyStart].startsWith(QStringLiteral("# "))) {
        const QString heading = unescapeMarkdown(lines[bodyStart].mid(2).trimmed());
        if (article.title.isEmpty())
            article.title = heading;
        if (heading == article.title)
            ++bodyStart;
    }
    QStringList paragraphs;
    for (const QString& paragraph :
         lines.mid(bodyStart).join(u'\n').split(QStringLiteral("\n\n"))) {
        QString kept = paragraph;
        while (kept.startsWith(u'\n'))
            kept.remove(0, 1);
        while (kept.endsWith(u'\n'))
            kept.chop(1);
        if (!kept.trimmed().isEmpty())
            paragraphs.append(unescapeMarkdown(kept));
    }
    article.body = paragraphs.join(QStringLiteral("\n\n"));
    if (!hasText(article))
        return Error{QStringLiteral("the Markdown file has neither a title nor any text")};
    parsed.articles.append(std::move(article));
    return parsed;
}

Result<StructuredArticleParser::Parsed> StructuredArticleParser::parseJson(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const int line = static_cast<int>(bytes.left(error.offset).count('\n')) + 1;
        return Error{
            QStringLiteral("not valid JSON (line %1: %2)").arg(line).arg(error.errorString())};
    }
    Parsed parsed;
    QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    for (const QJsonValue item : items) {
        if (!item.isObject())
            return Error{QStringLiteral("the JSON holds something other than article objects")};
        Article article = articleFrom(item.toObject(), parsed.carriesTags);
        if (hasText(article))
            parsed.articles.append(std::move(article));
    }
    if (parsed.articles.isEmpty())
        return Error{QStringLiteral("the JSON holds no article with a title or body")};
    return parsed;
}

Result<StructuredArticleParser::Parsed>
StructuredArticleParser::parseNdjson(const QByteArray& bytes)
{
    Parsed parsed;
    int lineNumber = 0;
    for (const QByteArray& line : bytes.split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            return Error{QStringLiteral("line %1 is not a JSON object%2")
                             .arg(lineNumber)
                             .arg(error.error != QJsonParseError::NoError
                                      ? QStringLiteral(" (%1)").arg(error.errorString())
                                      : QString())};
        }
        Article article = articleFrom(doc.object(), parsed.carriesTags);
        if (hasText(article))
            parsed.articles.append(std::move(article));
    }
    if (parsed.articles.isEmpty())
        return Error{QStringLiteral("the file holds no article with a title or body")};
    return parsed;
}

} // namespace broadsheet::core
