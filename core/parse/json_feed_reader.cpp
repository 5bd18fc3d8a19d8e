// SPDX-License-Identifier: GPL-3.0-or-later
// JSON Feed 1.0 and 1.1 (jsonfeed.org) into a Feed.
#include "feed_date.h"
#include "feed_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace broadsheet::core::feed_detail {

namespace {

QString resolvedUrl(const QString& base, const QString& reference)
{
    const QUrl url(reference.trimmed());
    if (reference.trimmed().isEmpty() || !url.isRelative() || base.isEmpty())
        return reference.trimmed();
    return QUrl(base).resolved(url).toString();
}

QList<FeedPerson> peopleOf(const QJsonObject& object)
{
    QList<FeedPerson> people;
    auto add = [&people](const QJsonObject& author) {
        FeedPerson person{author.value(u"name").toString(), {}, author.value(u"url").toString()};
        if (person.uri.startsWith(u"mailto:")) {
            person.email = person.uri.mid(7);
            person.uri.clear();
        }
        if (!person.name.isEmpty() || !person.uri.isEmpty() || !person.email.isEmpty())
            people.append(person);
    };
    for (const auto& author : object.value(u"authors").toArray()) // 1.1
        add(author.toObject());
    if (people.isEmpty() && object.value(u"author").isObject()) // 1.0
        add(object.value(u"author").toObject());
    return people;
}

FeedDate dateOf(const QJsonValue& value)
{
    FeedDate date;
    date.written = value.toString();
    date.when = parseFeedDate(date.written);
    return date;
}

} // namespace

Result<Feed> readJsonFeed(const QByteArray& bytes, const FeedSource& source)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const int line = static_cast<int>(bytes.left(error.offset).count('\n')) + 1;
        return Error{
            ErrorCode::Invalid,
            QStringLiteral("not a JSON Feed: %1 at line %2").arg(error.errorString()).arg(line)};
    }
    const QJsonObject root = document.object();
    const QString version = root.value(u"version").toString();
    if (!version.contains(u"jsonfeed.org/version/"))
        return Error{ErrorCode::Invalid,
                     QStringLiteral("not a JSON Feed: no \"version\" of jsonfeed.org")};
    Feed feed;
    feed.version = version.endsWith(u"/1.1") ? QStringLiteral("json11") : QStringLiteral("json1");
    feed.encoding = QStringLiteral("utf-8");
    const QString base = source.url;
    feed.title.value = root.value(u"title").toString();
    feed.subtitle.value = root.value(u"description").toString();
    feed.link = resolvedUrl(base, root.value(u"home_page_url").toString());
    feed.selfLink = resolvedUrl(base, root.value(u"feed_url").toString());
    feed.icon = resolvedUrl(base, root.value(u"icon").toString());
    if (feed.icon.isEmpty())
        feed.icon = resolvedUrl(base, root.value(u"favicon").toString());
    feed.language = root.value(u"language").toString();
    feed.authors = peopleOf(root);
    const QString itemBase = feed.link.isEmpty() ? base : feed.link;
    for (const auto& value : root.value(u"items").toArray()) {
        const QJsonObject object = value.toObject();
        FeedItem item;
        const QJsonValue id = object.value(u"id");
        item.id = id.isDouble() ? QString::number(id.toDouble(), 'g', 17) : id.toString();
        item.title.value = object.value(u"title").toString();
        item.link = resolvedUrl(itemBase, object.value(u"url").toString());
        if (item.link.isEmpty())
            item.link = resolvedUrl(itemBase, object.value(u"external_url").toString());
        if (object.contains(u"content_html")) {
            item.content =
                FeedText{object.value(u"content_html").toString(), FeedText::Type::Html, itemBase};
        } else if (object.contains(u"content_text")) {
            item.content =
                FeedText{object.value(u"content_text").toString(), FeedText::Type::Text, itemBase};
        }
        item.summary.value = object.value(u"summary").toString();
        item.published = dateOf(object.value(u"date_published"));
        item.updated = dateOf(object.value(u"date_modified"));
        item.authors = peopleOf(object);
        if (item.authors.isEmpty())
            item.authors = feed.authors;
        for (const auto& tag : object.value(u"tags").toArray())
            item.categories.append(FeedCategory{tag.toString(), {}, {}});
        item.thumbnail = resolvedUrl(itemBase, object.value(u"image").toString());
        if (item.thumbnail.isEmpty())
            item.thumbnail = resolvedUrl(itemBase, object.value(u"banner_image").toString());
        item.language = object.value(u"language").toString();
        for (const auto& a : object.value(u"attachments").toArray()) {
            const QJsonObject attachment = a.toObject();
            FeedEnclosure enclosure{resolvedUrl(itemBase, attachment.value(u"url").toString()),
                                    attachment.value(u"mime_type").toString(), std::nullopt};
            if (attachment.value(u"size_in_bytes").isDouble())
                enclosure.length =
                    static_cast<qint64>(attachment.value(u"size_in_bytes").toDouble());
            if (!enclosure.url.isEmpty())
                item.enclosures.append(enclosure);
        }
        feed.items.append(item);
    }
    return feed;
}

} // namespace broadsheet::core::feed_detail
