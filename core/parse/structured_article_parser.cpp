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

#include <yaml-cpp/yaml.h>

#include <optional>

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

// ---- front matter: YAML, read by yaml-cpp ----

/// A scalar's text; a YAML null (`~`, `null`, nothing) is empty.
std::optional<QString> textOf(const YAML::Node& node)
{
    if (!node || node.IsNull())
        return QString();
    if (!node.IsScalar())
        return std::nullopt;
    return QString::fromStdString(node.Scalar());
}

/// A tag item: {name: "…", kind: place} or a bare name (a manual tag).
Tag tagOf(const YAML::Node& item)
{
    if (item.IsMap()) {
        return tagFrom(textOf(item["name"]).value_or(QString()),
                       textOf(item["kind"]).value_or(QString()));
    }
    return tagFrom(textOf(item).value_or(QString()), {});
}

/// YAML's true in the forms people write it (true, yes, on).
bool truthOf(const YAML::Node& node)
{
    const QString value = textOf(node).value_or(QString()).toLower();
    return value == u"true" || value == u"yes" || value == u"on" || value == u"y";
}

/// The front matter (the lines between the two '---', the first at line `firstLine`) into
/// `article`; an error names the line and what is wrong.
Result<void> readFrontMatter(const QString& yaml, int firstLine, Article& article,
                             bool& carriesTags)
{
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception& error) {
        return Error{QStringLiteral("line %1 of the front matter: %2")
                         .arg(firstLine + std::max(0, error.mark.line))
                         .arg(QString::fromStdString(error.msg))};
    }
    if (!root || root.IsNull())
        return {};
    if (!root.IsMap())
        return Error{QStringLiteral("line %1 of the front matter is not 'key: value'")
                         .arg(firstLine + std::max(0, root.Mark().line))};
    const QStringList yamlLines = yaml.split(u'\n');
    for (const auto& entry : root) {
        // yaml-cpp takes a line with no colon at all ("nonsense") for a key with no value:
        // in front matter it is a mistake, and said to be one.
        const int keyLine = std::max(0, entry.first.Mark().line);
        if (entry.second.IsNull() && !yamlLines.value(keyLine).contains(u':'))
            return Error{QStringLiteral("line %1 of the front matter is not 'key: value'")
                             .arg(firstLine + keyLine)};
        if (!entry.first.IsScalar()) // "{a: b}: c" or "[a]: b": a key that is not a word
            return Error{QStringLiteral("line %1 of the front matter: a key should be a word, "
                                        "not a list or a mapping")
                             .arg(firstLine + keyLine)};
        const QString key = QString::fromStdString(entry.first.Scalar()).toLower();
        const YAML::Node& value = entry.second;
        const int line = firstLine + std::max(0, value.Mark().line);
        if (key == u"tags") {
            carriesTags = true;
            QList<YAML::Node> items;
            if (value.IsSequence()) {
                for (const auto& item : value)
                    items.append(item);
            } else if (value.IsScalar()) { // "tags: a, b" by hand
                for (const QString& name :
                     QString::fromStdString(value.Scalar()).split(u',', Qt::SkipEmptyParts))
                    items.append(YAML::Node(name.trimmed().toStdString()));
            }
            for (const YAML::Node& item : items) {
                const Tag tag = tagOf(item);
                if (!tag.name.isEmpty())
                    article.tags.append(tag);
            }
            continue;
        }
        if (key == u"read" || key == u"starred") {
            (key == u"read" ? article.read : article.starred) = truthOf(value);
            continue;
        }
        const std::optional<QString> text = textOf(value);
        QString* field = key == u"title"                   ? &article.title
                         : key == u"section"               ? &article.section
                         : key == u"author"                ? &article.author
                         : key == u"source"                ? &article.source
                         : key == u"url" || key == u"link" ? &article.url
                         : key == u"guid"                  ? &article.guid
                                                           : nullptr;
        const bool date = key == u"published" || key == u"date";
        if (!field && !date)
            continue; // a key of the writer's own: kept in the file, not in the library
        if (!text)
            return Error{QStringLiteral("line %1 of the front matter: '%2' should be text, not "
                                        "a list or a mapping")
                             .arg(line)
                             .arg(key)};
        if (date)
            article.published = dateFrom(*text);
        else
            *field = *text;
    }
    return {};
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
        const QString yaml = lines.mid(1, end - 1).join(u'\n');
        if (auto r = readFrontMatter(yaml, 2, article, parsed.carriesTags); !r)
            return r.error();
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
