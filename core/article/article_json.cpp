// SPDX-License-Identifier: GPL-3.0-or-later
#include "article_json.h"

#include <QJsonArray>

namespace broadsheet::core {

QJsonValue publishedToJson(const PublishedDate& date)
{
    return date.isKnown() ? QJsonValue(date.toIso()) : QJsonValue(QJsonValue::Null);
}

QJsonObject articleToJson(const Article& article)
{
    QJsonArray tags;
    for (const Tag& tag : article.tags)
        tags.append(
            QJsonObject{{QStringLiteral("name"), tag.name}, {QStringLiteral("kind"), tag.kind}});
    QJsonObject object{
        {QStringLiteral("id"), article.id},
        {QStringLiteral("title"), article.title},
        {QStringLiteral("section"), article.section},
        {QStringLiteral("author"), article.author},
        {QStringLiteral("source"), article.source},
        {QStringLiteral("url"), article.url},
        {QStringLiteral("path"), article.path},
        {QStringLiteral("published"), publishedToJson(article.published)},
        {QStringLiteral("body"), article.body},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("read"), article.read},
        {QStringLiteral("starred"), article.starred},
    };
    if (!article.html.isEmpty())
        object.insert(QStringLiteral("html"), article.html); // a feed's story: its markup too
    return object;
}

QJsonObject summaryToJson(const ArticleSummary& summary)
{
    return QJsonObject{
        {QStringLiteral("id"), summary.id},
        {QStringLiteral("title"), summary.title},
        {QStringLiteral("published"), publishedToJson(summary.published)},
        {QStringLiteral("section"), summary.section},
        {QStringLiteral("source"), summary.source},
    };
}

} // namespace broadsheet::core
