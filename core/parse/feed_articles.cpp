// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_articles.h"

#include "article/library_values.h"
#include "html_sanitizer.h"

#include <QCryptographicHash>
#include <QUrl>

#include <algorithm>

namespace broadsheet::core {

namespace {

/// A link with its scheme's difference and its fragment gone: "http://x/a#top" is
/// "https://x/a".
QString comparableLink(const QString& link)
{
    QUrl url(link.trimmed());
    if (!url.isValid() || url.isEmpty())
        return {};
    url.setFragment(QString());
    if (url.scheme() == u"http")
        url.setScheme(QStringLiteral("https"));
    url.setHost(url.host().toLower());
    return url.toString(QUrl::FullyEncoded);
}

/// Whether an id names the story anywhere (a URL, a tag: or urn: URI, a long token), not
/// just within its feed ("1", "42").
bool isGloballyUnique(const QString& id)
{
    return id.contains(u':') || id.contains(u'/') || id.contains(u'@') || id.size() >= 16;
}

QString plainText(const FeedText& text)
{
    // Most titles are words without markup or entities: no HTML parse for them.
    if (text.type == FeedText::Type::Html &&
        (text.value.contains(u'<') || text.value.contains(u'&')))
        return sanitizeHtml(text.value, text.base).text;
    return text.value.simplified();
}

QString authorsOf(const QList<FeedPerson>& people)
{
    QStringList names;
    for (const FeedPerson& person : people) {
        const QString name = person.name.isEmpty() ? person.email : person.name;
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

QString feedName(const Feed& feed)
{
    QString title = boundedTitle(plainText(feed.title), 200); // a source's name
    if (!title.isEmpty())
        return title;
    const QString host = QUrl(feed.link.isEmpty() ? feed.selfLink : feed.link).host();
    return host.isEmpty() ? QStringLiteral("Feed") : host;
}

QByteArray itemIdentity(const FeedItem& item, const Feed& feed)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArrayView("feed item\x1f"));
    const QString id = item.id.trimmed();
    if (!id.isEmpty()) {
        if (isGloballyUnique(id)) {
            const QString link = comparableLink(id);
            hash.addData((id.startsWith(u"http") && !link.isEmpty() ? link : id).toUtf8());
        } else {
            const QString where = feed.selfLink.isEmpty() ? feed.link : feed.selfLink;
            hash.addData(
                (comparableLink(where) + u'\x1f' + plainText(feed.title) + u'\x1f' + id).toUtf8());
        }
    } else if (const QString link = comparableLink(item.link); !link.isEmpty()) {
        hash.addData(link.toUtf8());
    } else {
        // Nothing names it but what it says: its title and date, and its text too, or two
        // untitled, undated posts (a microblog's) would be one story.
        const PublishedDate when =
            item.published.when.isKnown() ? item.published.when : item.updated.when;
        const FeedText& body = item.content.isEmpty() ? item.summary : item.content;
        hash.addData((plainText(item.title) + u'\x1f' + when.toIso() + u'\x1f' +
                      plainText(body).simplified())
                         .toUtf8());
    }
    return hash.result();
}

FeedStories storiesOf(const Feed& feed)
{
    FeedStories out;
    const QString source = feedName(feed);
    const qsizetype read = std::min(feed.items.size(), kMaxFeedItems);
    out.leftOut = feed.items.size() - read;
    out.articles.reserve(read);
    out.identities.reserve(read);
    for (const FeedItem& item : feed.items.first(read)) {
        Article article;
        const FeedText& body = item.content.isEmpty() ? item.summary : item.content;
        if (body.type == FeedText::Type::Html) {
            SanitizedHtml safe = sanitizeHtml(body.value, body.base);
            article.body = std::move(safe.text);
            article.html = std::move(safe.html);
        } else {
            article.body = body.value.trimmed();
        }
        article.title = boundedTitle(plainText(item.title));
        if (article.title.isEmpty()) // a title-less item (a microblog post): its first words
            article.title = article.body.section(u'\n', 0, 0).left(100).simplified();
        article.url = item.link;
        article.guid = item.id.trimmed();
        article.source = source;
        article.author = authorsOf(item.authors.isEmpty() ? feed.authors : item.authors);
        article.published = item.published.when.isKnown() ? item.published.when : item.updated.when;
        for (const FeedCategory& category : item.categories) {
            const QString name =
                (category.label.isEmpty() ? category.term : category.label).simplified();
            if (!name.isEmpty() && std::none_of(article.tags.cbegin(), article.tags.cend(),
                                                [&name](const Tag& t) { return t.name == name; }))
                article.tags.append(Tag{name, QString::fromLatin1(tag_kind::kCategory)});
        }
        if (article.title.isEmpty() && article.body.isEmpty())
            continue; // nothing to show or find
        out.articles.append(std::move(article));
        out.identities.append(itemIdentity(item, feed));
    }
    return out;
}

} // namespace broadsheet::core
